/**
 * What a change's deletions reach outside the run: manifests elsewhere that still derive from a
 * deleted artifact, and training runs elsewhere whose data mix needs a file the change deletes.
 * Both are found by one walk of the tree, once the run's directories are all known.
 */
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { walkFiles } from '../changes/full-scan.js';
import { unreachedDirectories, type PathFilter } from '../changes/paths-filter.js';
import { isDataMixName } from '../formats/mens-data-mix.js';
import { basenameOf } from '../formats/manifest-names.js';
import { isManifestCandidate, MAX_MANIFEST_BYTES, readManifest } from '../formats/read-manifest.js';
import type { DependentLink } from '../lineage/artifact.js';
import { candidatePaths, localReferences } from '../lineage/graph.js';
import type { DataMixSource, LineageRecord } from '../lineage/record.js';
import { basename, dirname } from './file-kinds.js';
import { readBounded } from './read-bounded.js';

export interface BeyondRunOptions {
  workspace: string;
  include: PathFilter;
  /**
   * Whether a directory is the run's (the change touches it): what it says is judged with it, not
   * searched here. A touched directory without an artifact holds no manifest that could name a parent.
   */
  inRun: (dir: string) => boolean;
  /** Artifacts the change deletes (every manifest gone): whose dependents to find. */
  deletedDirs: ReadonlySet<string>;
  /** Whether to look for data mixes (the change leaves some path without its file). */
  mixes: boolean;
}

export interface BeyondRun {
  /** Deleted directory → the manifests outside the run that reference it. */
  dependents: Map<string, DependentLink[]>;
  /** Data mixes outside the run, by the directory of the training run they belong to. */
  mixes: { dir: string; sources: DataMixSource[] }[];
}

/** More deleted directories than this, and every manifest is parsed: matching each name would cost more. */
const MAX_NAMES_SEARCHED = 64;

/**
 * Whether a manifest could reference one of the deleted directories, told from its bytes before it is
 * parsed (a deletion in a monorepo otherwise parsed every manifest of it). A reference reaches a
 * directory only through its name or by climbing (`..`) from below it: a manifest outside every deleted
 * directory must spell one's name. Bytes a plain search could misread (escapes, anything not ASCII,
 * another encoding) are parsed. Undefined when every manifest must be parsed.
 */
function mayReferenceDeleted(deleted: ReadonlySet<string>): ((path: string, bytes: Buffer) => boolean) | undefined {
  if (deleted.has('.') || deleted.size > MAX_NAMES_SEARCHED) return undefined;
  const names = [...deleted].map(basename);
  const belowDeleted = (path: string) => {
    for (let dir = dirname(path); dir !== '.'; dir = dirname(dir)) if (deleted.has(dir)) return true;
    return false;
  };
  return (path, bytes) => {
    if (belowDeleted(path)) return true;
    const text = bytes.toString('latin1');
    return /[\0\\\x80-\xff]/.test(text) || names.some((name) => text.includes(name));
  };
}

/** The record's references that lead to a deleted directory other than its own, with the directory each reaches. */
function* referencesToDeleted(path: string, record: LineageRecord, deleted: ReadonlySet<string>) {
  for (const ref of localReferences(record)) {
    const hit = candidatePaths(path, ref.raw)
      .flatMap((c) => [c, dirname(c)])
      .find((c) => deleted.has(c));
    if (hit !== undefined && hit !== dirname(path)) yield { hit, ref };
  }
}

/** Walks the tree once for both searches; nothing is read when neither is asked for. */
export function searchBeyondRun(opts: BeyondRunOptions): BeyondRun {
  const found: BeyondRun = { dependents: new Map(), mixes: [] };
  const { deletedDirs, inRun, include } = opts;
  const wantDependents = deletedDirs.size > 0;
  if (!wantDependents && !opts.mixes) return found;
  const workspaceReal = realpathSync.native(opts.workspace);
  const mayReference = wantDependents ? mayReferenceDeleted(deletedDirs) : undefined;
  for (const { path, link } of walkFiles(opts.workspace, { ignore: unreachedDirectories(include) })) {
    const dir = dirname(path);
    const isMix = opts.mixes && isDataMixName(basenameOf(path));
    const isDependentCandidate = wantDependents && isManifestCandidate(path);
    if ((!isMix && !isDependentCandidate) || inRun(dir) || !include(path)) continue;
    // A file the walk listed as a regular file needs no realpath to be known inside the workspace.
    const read = readBounded(workspaceReal, join(workspaceReal, path), MAX_MANIFEST_BYTES, !link);
    if ('refused' in read) continue;
    const wanted = isMix || !mayReference || mayReference(path, read.bytes);
    if (!wanted) continue;
    const result = readManifest(path, read.bytes, read.size);
    if (result.kind !== 'record') continue;
    if (isMix && result.record.dataMix) found.mixes.push({ dir, sources: result.record.dataMix.sources });
    if (!isDependentCandidate) continue;
    for (const { hit, ref } of referencesToDeleted(path, result.record, deletedDirs)) {
      const list = found.dependents.get(hit) ?? [];
      list.push({ dir, raw: ref.raw, source: ref.source });
      found.dependents.set(hit, list);
    }
  }
  return found;
}
