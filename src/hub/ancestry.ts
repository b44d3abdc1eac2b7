/**
 * Follows the Hub's `base_model` links upward from one upstream, so that a quantized mirror
 * (`unsloth/…-bnb-4bit`) resolves to the model it was made from and every ancestor's license
 * duties can apply. Breadth-first, one question per distinct repo (renamed ids included),
 * every parent of a merge followed, stopping at `maxDepth` and reporting cycles.
 *
 * Depth alone does not bound the walk: a hostile (or merely busy) Hub can name many new base
 * models on every card, so the number of repos is capped too — per walk, and across a run
 * through a shared allowance — and the result says when it was cut.
 */
import { hubIdProblem } from '../lineage/hub-id.js';
import type { HubAnswer, RepoQuery } from './answer.js';

/** The one method of HubClient the walk needs. */
export interface RepoInfoSource {
  repoInfo(query: RepoQuery): Promise<HubAnswer>;
}

export interface AncestryNode {
  /** The id as the child's card names it (the root: as asked). */
  id: string;
  /** The commit the Hub reported for it (what the default branch, or the asked revision, points at). */
  revision?: string;
  answer: HubAnswer;
}

export interface AncestorLink {
  id: string;
  revision?: string;
  via: 'base_model';
  /** 1 for a base of the root, 2 for a base of a base, … */
  depth: number;
  /** The repo whose card names this one. */
  child: string;
  /** The child's `base_model_relation` (`quantized`, `merge`, `adapter`, `finetune`), when known. */
  relation?: string;
  /** Absent when the name was not asked about (see `problem`). */
  answer?: HubAnswer;
  /** Why this parent was not looked up (e.g. the card's base_model is a local path). */
  problem?: string;
}

export interface AncestryResult {
  root: AncestryNode;
  /** Ancestors in breadth-first order, each distinct repo once. */
  chain: AncestorLink[];
  /** Each loop once, as ids from the first repo back to itself (`[a, b, a]`; a self-reference is `[a, a]`). */
  cycles: string[][];
  /** Set when the walk stopped at `maxDepth` with parents left unexplored. */
  depthLimit?: { maxDepth: number; unexplored: { id: string; child: string }[] };
  /**
   * Set when the walk stopped at its node cap (`scope: 'walk'`) or the run's (`'run'`) with parents
   * left unexplored: `skipped` counts them, `unexplored` names the first few.
   */
  nodeLimit?: NodeLimit;
}

export interface NodeLimit {
  maxNodes: number;
  scope: 'walk' | 'run';
  skipped: number;
  unexplored: { id: string; child: string }[];
}

/** Repos one walk may ask about (its root included), and all walks of a run together. */
export const MAX_NODES_PER_WALK = 64;
export const MAX_NODES_PER_RUN = 512;
const MAX_UNEXPLORED_LISTED = 10;

/** How many more repos the run's walks may ask about; one object shared by all walks of a run. */
export interface NodeAllowance {
  max: number;
  left: number;
}

export function nodeAllowance(max = MAX_NODES_PER_RUN): NodeAllowance {
  return { max, left: max };
}

export interface AncestryOptions {
  maxDepth?: number;
  /** Revision of the root (ancestors are always asked at their default branch: cards name no revision). */
  revision?: string;
  /** Repos this walk may ask about, root included (default 64). */
  maxNodes?: number;
  /** The run's allowance, shared with the other walks (default: this walk alone). */
  allowance?: NodeAllowance;
}

interface Node {
  key: string;
  name: string;
  depth: number;
  answer?: HubAnswer;
  parents: string[];
}

const fold = (id: string): string => id.toLowerCase();

export async function resolveAncestry(
  client: RepoInfoSource,
  id: string,
  options: AncestryOptions = {}
): Promise<AncestryResult> {
  const maxDepth = options.maxDepth ?? 5;
  const maxNodes = Math.max(1, options.maxNodes ?? MAX_NODES_PER_WALK);
  const allowance = options.allowance ?? nodeAllowance(Number.POSITIVE_INFINITY);
  // The root is asked whatever is left: its own answer is the fact the gate needs most.
  allowance.left--;
  let limit: NodeLimit | undefined;
  const cut = (scope: NodeLimit['scope'], max: number, id: string, child: string): void => {
    limit ??= { maxNodes: max, scope, skipped: 0, unexplored: [] };
    limit.skipped++;
    if (limit.unexplored.length < MAX_UNEXPLORED_LISTED) limit.unexplored.push({ id, child });
  };
  // Hub ids are case-insensitive, and a renamed repo answers under its new id: both spellings
  // lead to the same node, so a repo named two ways is asked about (and expanded) once.
  const alias = new Map<string, string>();
  const nodes = new Map<string, Node>();
  const edges = new Map<string, string[]>();
  const resolve = (name: string): string => alias.get(fold(name)) ?? fold(name);

  const rootNode: Node = { key: fold(id), name: id, depth: 0, parents: [] };
  nodes.set(rootNode.key, rootNode);
  const chain: AncestorLink[] = [];
  const linkOf = new Map<string, AncestorLink>();
  const unexplored: { id: string; child: string }[] = [];

  let level: Node[] = [rootNode];
  while (level.length > 0) {
    await Promise.all(
      level.map(async (node) => {
        const query: RepoQuery = {
          type: 'model',
          id: node.name,
          ...(node === rootNode && options.revision !== undefined ? { revision: options.revision } : {})
        };
        node.answer = await client.repoInfo(query);
        if (node.answer.kind === 'found') {
          node.parents = node.answer.info.baseModels;
          const canonical = fold(node.answer.info.id);
          if (canonical !== node.key && !nodes.has(canonical)) alias.set(canonical, node.key);
        }
        const link = linkOf.get(node.key);
        if (link) {
          link.answer = node.answer;
          if (node.answer.kind === 'found' && node.answer.info.sha) link.revision = node.answer.info.sha;
        }
      })
    );
    const next: Node[] = [];
    for (const node of level) {
      const relation = node.answer?.kind === 'found' ? node.answer.info.baseModelRelation : undefined;
      for (const parent of node.parents) {
        const problem = hubIdProblem(parent);
        if (problem) {
          chain.push({
            id: parent,
            via: 'base_model',
            depth: node.depth + 1,
            child: node.name,
            ...(relation ? { relation } : {}),
            problem: `not a Hub id (it ${problem})`
          });
          continue;
        }
        const key = resolve(parent);
        edges.set(node.key, [...(edges.get(node.key) ?? []), key]);
        if (nodes.has(key)) continue;
        if (node.depth >= maxDepth) {
          if (!unexplored.some((u) => fold(u.id) === key)) unexplored.push({ id: parent, child: node.name });
          continue;
        }
        if (nodes.size >= maxNodes) {
          cut('walk', maxNodes, parent, node.name);
          continue;
        }
        if (allowance.left <= 0) {
          cut('run', allowance.max, parent, node.name);
          continue;
        }
        allowance.left--;
        const child: Node = { key, name: parent, depth: node.depth + 1, parents: [] };
        nodes.set(key, child);
        const link: AncestorLink = {
          id: parent,
          via: 'base_model',
          depth: child.depth,
          child: node.name,
          ...(relation ? { relation } : {})
        };
        linkOf.set(key, link);
        chain.push(link);
        next.push(child);
      }
    }
    level = next;
  }

  const rootAnswer = rootNode.answer!;
  return {
    root: {
      id,
      ...(rootAnswer.kind === 'found' && rootAnswer.info.sha ? { revision: rootAnswer.info.sha } : {}),
      answer: rootAnswer
    },
    chain,
    cycles: findCycles(rootNode.key, edges, (key) => nodes.get(key)?.name ?? key),
    ...(unexplored.length ? { depthLimit: { maxDepth, unexplored } } : {}),
    ...(limit ? { nodeLimit: limit } : {})
  };
}

/** Every distinct loop reachable from `start` (depth-first; a back edge closes a loop). */
function findCycles(start: string, edges: Map<string, string[]>, nameOf: (key: string) => string): string[][] {
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (key: string): void => {
    state.set(key, 'open');
    stack.push(key);
    for (const next of edges.get(key) ?? []) {
      if (state.get(next) === 'open') {
        const loop = [...stack.slice(stack.indexOf(next)), next];
        const signature = [...new Set(loop)].sort().join('\n');
        if (!seen.has(signature)) {
          seen.add(signature);
          cycles.push(loop.map(nameOf));
        }
      } else if (!state.has(next)) {
        visit(next);
      }
    }
    stack.pop();
    state.set(key, 'done');
  };
  visit(start);
  return cycles;
}
