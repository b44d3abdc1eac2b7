/**
 * How a Hugging Face id reads in a BOM: its package URL, its page, and its `base_model` ancestry as
 * a tree. Pure functions of strings from the report, so they are tested without the CycloneDX library.
 */
import { hubIdProblem, isFullSha } from '../../lineage/hub-id.js';

export const HUB_BASE = 'https://huggingface.co';

/** `org/name` as the Hub validates it: the only shape that has a purl and a page. */
function qualifiedHubId(id: string): [string, string] | undefined {
  if (hubIdProblem(id)) return undefined;
  const [namespace, name] = id.split('/');
  return name ? [namespace, name] : undefined;
}

/**
 * `pkg:huggingface/<namespace>/<name>@<commit>` (purl-spec types/huggingface-definition.json): the
 * namespace is required and, like the name, keeps its case; the version is a commit hash, lowercased,
 * so a branch or tag is left out rather than written where a commit belongs. Undefined for ids without
 * an org (`gpt2`): the Hub redirects those to an org the report does not know.
 */
export function huggingfacePurl(id: string, commit?: string | null): string | undefined {
  const parts = qualifiedHubId(id);
  if (!parts) return undefined;
  const path = parts.map(encodeURIComponent).join('/');
  return `pkg:huggingface/${path}${commit && isFullSha(commit) ? `@${commit.toLowerCase()}` : ''}`;
}

/** The commit a purl can carry: the revision named when it is one, else what the Hub said it resolved to. */
export function pinnedCommit(revision: string | null, hubSha: string | null | undefined): string | undefined {
  if (revision && isFullSha(revision)) return revision.toLowerCase();
  return hubSha && isFullSha(hubSha) ? hubSha.toLowerCase() : undefined;
}

/** The model's page on the Hub, for any valid id (bare legacy ids redirect there too). */
export function hubModelPage(id: string): string | undefined {
  return hubIdProblem(id) ? undefined : `${HUB_BASE}/${id}`;
}

/** A dataset's page on the Hub; dataset ids always have an org. */
export function hubDatasetPage(id: string): string | undefined {
  return qualifiedHubId(id) ? `${HUB_BASE}/datasets/${id}` : undefined;
}

export interface AncestorTree<T> {
  item: T;
  ancestors: AncestorTree<T>[];
}

/**
 * The report lists Hub ancestors breadth-first with their depth, not which child names each one.
 * A level with one repo is the next level's child; after a merge (several repos at one depth) the
 * deeper levels hang off the last single repo, or the upstream itself, which they are ancestors of
 * either way: the tree never claims a parent-child link the report does not support.
 */
export function nestByDepth<T extends { depth: number }>(items: readonly T[]): AncestorTree<T>[] {
  const top: AncestorTree<T>[] = [];
  let holder = top;
  const depths = [...new Set(items.map((i) => i.depth))].sort((a, b) => a - b);
  for (const depth of depths) {
    const level = items.filter((i) => i.depth === depth).map((item) => ({ item, ancestors: [] }));
    holder.push(...level);
    if (level.length === 1) holder = level[0].ancestors;
  }
  return top;
}
