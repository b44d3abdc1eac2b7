/**
 * The artifact graph stage: links each artifact of the run to the local artifacts its manifests
 * derive from (loading those that the change did not touch), gives it what it inherits from them,
 * and finds loops.
 */
import { realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { ChangeSet } from '../changes/change-set.js';
import type { PathFilter } from '../changes/paths-filter.js';
import type { Artifact, ParentLink } from '../lineage/artifact.js';
import { candidatePaths, findCycles, localReferences, type LocalReference } from '../lineage/graph.js';
import type { LineageRecord } from '../lineage/record.js';
import { readArtifactDir } from './discover.js';
import { dirname } from './file-kinds.js';
import { appendAll } from '../collections/append-all.js';

/** How far inheritance follows parents of parents: deeper chains are cut (and loops end anyway). */
const MAX_INHERITANCE_DEPTH = 64;
/** Most artifacts loaded from outside the change set, so a hostile web of references stays bounded. */
const MAX_CONTEXT_ARTIFACTS = 256;
/** Artifacts of the run read again as parents of a later batch, kept for the batches after it. */
const RECENT_RUN_ARTIFACTS = 1024;

export interface LinkOptions {
  workspace: string;
  changeSet: ChangeSet;
  include: PathFilter;
}

type Target = { kind: 'dir'; dir: string } | { kind: 'absent' };

/** Directories the change removed files from. */
function removedDirectories(changeSet: ChangeSet): Set<string> {
  const dirs = new Set<string>();
  for (const change of changeSet.changes) {
    if (change.status === 'removed') dirs.add(dirname(change.path));
    if (change.previousPath && dirname(change.previousPath) !== dirname(change.path)) {
      dirs.add(dirname(change.previousPath));
    }
  }
  return dirs;
}

/**
 * What the batches of one run share while each is linked in turn: the artifacts read from the
 * checkout as parents. A parent outside the run counts against a cap; a parent of the run in
 * another batch (a full scan's every directory, a change set's touched ones) counts against nothing
 * (each inheritance walk is bounded in depth), and the most recent are kept.
 */
export class LinkSession {
  readonly workspaceReal: string;
  readonly removedDirs: Set<string>;
  private readonly context = new Map<string, Artifact | undefined>();
  private readonly recent = new Map<string, Artifact | undefined>();
  /** Directories past the cap, never read: what they hold is unknown, not nothing. */
  private readonly unread = new Set<string>();

  /** `ofRun` tells a directory of the run (read in some batch) from the context around it. */
  constructor(
    readonly opts: LinkOptions,
    private readonly ofRun: (dir: string) => boolean = () => false
  ) {
    this.workspaceReal = realpathSync.native(opts.workspace);
    this.removedDirs = removedDirectories(opts.changeSet);
  }

  /** The artifact in a directory outside the batch being linked, as the checkout has it. */
  load(dir: string): Artifact | undefined {
    if (this.ofRun(dir)) {
      if (this.recent.has(dir)) {
        const kept = this.recent.get(dir);
        this.recent.delete(dir);
        this.recent.set(dir, kept);
        return kept;
      }
      const read = readArtifactDir(this.workspaceReal, this.opts.workspace, dir);
      this.recent.set(dir, read);
      if (this.recent.size > RECENT_RUN_ARTIFACTS) this.recent.delete(this.recent.keys().next().value!);
      return read;
    }
    if (this.context.has(dir)) return this.context.get(dir);
    if (this.unread.has(dir)) return undefined;
    if (this.context.size >= MAX_CONTEXT_ARTIFACTS) {
      this.unread.add(dir);
      return undefined;
    }
    const loaded = readArtifactDir(this.workspaceReal, this.opts.workspace, dir);
    this.context.set(dir, loaded);
    return loaded;
  }

  /** Whether `load` left the directory unread (the cap on context artifacts was reached). */
  wasLeftUnread(dir: string): boolean {
    return this.unread.has(dir);
  }
}

class Linker {
  private readonly opts: LinkOptions;
  private readonly workspaceReal: string;
  private readonly links = new Map<string, ParentLink[]>();
  private readonly removedDirs: Set<string>;

  constructor(
    private readonly session: LinkSession,
    private readonly run: ReadonlyMap<string, Artifact>
  ) {
    this.opts = session.opts;
    this.workspaceReal = session.workspaceReal;
    this.removedDirs = session.removedDirs;
  }

  /**
   * Where a repository path leads: its directory (a file's own directory), or nowhere. A file
   * that is not committed (weights are often kept out of git) still leads to its directory.
   */
  private target(path: string): Target {
    let real: string;
    try {
      real = realpathSync.native(join(this.opts.workspace, path));
    } catch {
      const parent = dirname(path);
      const fileLike = /\.[A-Za-z0-9]{1,12}$/.test(path) && parent !== path;
      return fileLike && parent !== '.' ? this.target(parent) : { kind: 'absent' };
    }
    if (real !== this.workspaceReal && !real.startsWith(this.workspaceReal + sep)) return { kind: 'absent' };
    const info = statSync(real, { throwIfNoEntry: false });
    if (!info) return { kind: 'absent' };
    if (info.isDirectory()) return { kind: 'dir', dir: path };
    return info.isFile() ? { kind: 'dir', dir: dirname(path) } : { kind: 'absent' };
  }

  /** An artifact by directory: from the batch, else read from the checkout (see LinkSession). */
  artifactAt(dir: string): Artifact | undefined {
    return this.run.get(dir) ?? this.session.load(dir);
  }

  private link(artifact: Artifact, ref: LocalReference, record: LineageRecord): ParentLink | undefined {
    const candidates = candidatePaths(record.path, ref.raw);
    for (const candidate of candidates) {
      const target = this.target(candidate);
      if (target.kind !== 'dir') continue;
      // Resuming from its own checkpoint, or a path to its own files, is no derivation.
      if (target.dir === artifact.dir) return undefined;
      return {
        raw: ref.raw,
        source: ref.source,
        explicit: ref.explicit,
        dir: target.dir,
        state: 'artifact',
        inherited: []
      };
    }
    const deleted = candidates.flatMap((c) => [c, dirname(c)]).find((c) => this.removedDirs.has(c));
    if (deleted !== undefined) {
      return {
        raw: ref.raw,
        source: ref.source,
        explicit: ref.explicit,
        dir: deleted,
        state: 'deleted',
        inherited: []
      };
    }
    if (!ref.explicit) return undefined;
    // An explicit reference that leaves the repository names a parent no reviewer can see: `dir` is empty.
    return {
      raw: ref.raw,
      source: ref.source,
      explicit: true,
      dir: candidates[0] ?? '',
      state: 'missing',
      inherited: []
    };
  }

  /** The artifact's links to local parents (computed once per directory). */
  parentsOf(artifact: Artifact): ParentLink[] {
    const known = this.links.get(artifact.dir);
    if (known) return known;
    const links: ParentLink[] = [];
    this.links.set(artifact.dir, links);
    for (const record of artifact.records) {
      if (record.origin === 'weights') continue;
      for (const ref of localReferences(record)) {
        const link = this.link(artifact, ref, record);
        if (link) links.push(link);
      }
    }
    return links;
  }

  /** What an artifact inherits through one link: the parent's records, then its own parents', nearest first. */
  inheritedThrough(link: ParentLink): LineageRecord[] {
    const out: LineageRecord[] = [];
    const seen = new Set<string>();
    let frontier = link.state === 'artifact' ? [link.dir] : [];
    for (let depth = 0; depth < MAX_INHERITANCE_DEPTH && frontier.length > 0; depth++) {
      const nextFrontier: string[] = [];
      for (const dir of frontier) {
        if (seen.has(dir)) continue;
        seen.add(dir);
        const parent = this.artifactAt(dir);
        if (!parent) continue;
        appendAll(
          out,
          parent.records.filter((r) => r.origin !== 'weights' || r.upstreams.length > 0)
        );
        for (const next of this.parentsOf(parent)) if (next.state === 'artifact') nextFrontier.push(next.dir);
      }
      frontier = nextFrontier;
    }
    return out;
  }

  /** Whether the directory holds nothing that says what it is: no manifest, weight header or unreadable manifest. */
  holdsNothing(dir: string): boolean {
    const parent = this.artifactAt(dir);
    return parent ? saysNothing(parent) : !this.session.wasLeftUnread(dir);
  }

  /** Local derivation edges among every artifact seen so far. */
  edges(): Map<string, string[]> {
    const edges = new Map<string, string[]>();
    for (const [dir, links] of this.links) {
      edges.set(
        dir,
        links.filter((l) => l.state === 'artifact').map((l) => l.dir)
      );
    }
    return edges;
  }
}

/** Shortest way from `start` back to itself inside one loop, as directories. */
function loopFrom(start: string, members: ReadonlySet<string>, edges: ReadonlyMap<string, string[]>): string[] {
  const previous = new Map<string, string>();
  const queue = [...(edges.get(start) ?? [])].filter((d) => members.has(d));
  for (const d of queue) previous.set(d, start);
  for (let i = 0; i < queue.length; i++) {
    const dir = queue[i];
    if (dir === start) break;
    for (const next of edges.get(dir) ?? []) {
      if (!members.has(next) || previous.has(next)) continue;
      previous.set(next, dir);
      queue.push(next);
    }
  }
  const path = [start];
  for (let at = previous.get(start); at !== undefined && at !== start && path.length <= members.size;) {
    path.splice(1, 0, at);
    at = previous.get(at);
  }
  return [...path, start];
}

/**
 * Sets `parents` and `cycle` on the artifacts (the run's, or one batch of them, with the session
 * the batches share), reading the checkout for parents outside them. Dependents of a deleted
 * artifact are found once per run (see beyond-run.ts).
 */
export function linkArtifacts(
  artifacts: readonly Artifact[],
  opts: LinkOptions,
  session: LinkSession = new LinkSession(opts)
): void {
  const run = new Map(artifacts.map((a) => [a.dir, a]));
  const linker = new Linker(session, run);
  for (const artifact of artifacts) {
    const parents = linker.parentsOf(artifact);
    for (const link of parents) {
      link.inherited = linker.inheritedThrough(link);
      // A directory left with nothing that says what it is: deleted by this change, or hollow all along.
      if (link.state === 'artifact' && linker.holdsNothing(link.dir)) {
        if (session.removedDirs.has(link.dir)) link.state = 'deleted';
        else link.holdsNothing = true;
      }
    }
    artifact.parents = parents;
  }
  const edges = linker.edges();
  for (const component of findCycles(edges)) {
    const members = new Set(component);
    for (const dir of component) {
      const artifact = run.get(dir);
      if (!artifact) continue;
      const dirs = loopFrom(dir, members, edges);
      const link = artifact.parents?.find((l) => l.state === 'artifact' && l.dir === dirs[1]);
      if (link) artifact.cycle = { dirs, source: link.source };
    }
  }
}

/** No manifest, weight header or unreadable manifest: nothing in the directory says what it is. */
function saysNothing(a: Artifact): boolean {
  return a.records.length === 0 && a.unreadable.length === 0;
}

/** An artifact whose every manifest the change deletes: what still references it is its business. */
export function isDeletedArtifact(a: Artifact): boolean {
  return saysNothing(a) && a.removedManifests.length > 0;
}
