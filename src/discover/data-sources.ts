/**
 * The data-sources stage: which non-optional sources of a training run's data mix this change
 * deletes (or moves away). MENS stops the mix step when such a source is missing, so the run its
 * manifest describes could no longer be reproduced; the removed-mix-source rule reports each one.
 * A run directory the change did not touch is found by walking the tree — only when the change
 * deletes something — and joins the run to be judged by that rule alone.
 */
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import type { ChangeSet } from '../changes/change-set.js';
import { walkTree } from '../changes/full-scan.js';
import { unreachedDirectories, type PathFilter } from '../changes/paths-filter.js';
import { isDataMixName } from '../formats/mens-data-mix.js';
import { basenameOf } from '../formats/manifest-names.js';
import { MAX_MANIFEST_BYTES, readManifest } from '../formats/read-manifest.js';
import type { Artifact } from '../lineage/artifact.js';
import type { DataMixSource } from '../lineage/record.js';
import { readArtifactDir } from './discover.js';
import { dirname } from './file-kinds.js';
import { readBounded } from './read-bounded.js';

/** The one rule an artifact pulled in by a deleted data file is judged by. */
export const REMOVED_MIX_SOURCE = 'removed-mix-source';

/** Paths the change leaves without a file: deleted, or renamed away. */
function goneByChange(changeSet: ChangeSet): Set<string> {
  const gone = new Set<string>();
  for (const change of changeSet.changes) {
    if (change.status === 'removed') gone.add(change.path);
    if (change.previousPath && change.previousPath !== change.path) gone.add(change.previousPath);
  }
  return gone;
}

const removedIn = (sources: readonly DataMixSource[], gone: ReadonlySet<string>) =>
  sources.filter((s) => !s.optional && gone.has(s.path));

/** Mixes beside a training manifest outside the run's directories, read from the checkout. */
function* mixesElsewhere(workspace: string, include: PathFilter, runDirs: ReadonlySet<string>) {
  const workspaceReal = realpathSync.native(workspace);
  for (const path of walkTree(workspace, { ignore: unreachedDirectories(include) })) {
    const dir = dirname(path);
    if (!isDataMixName(basenameOf(path)) || runDirs.has(dir) || !include(path)) continue;
    const read = readBounded(workspaceReal, join(workspace, path), MAX_MANIFEST_BYTES);
    if ('refused' in read) continue;
    const result = readManifest(path, read.bytes, read.size);
    if (result.kind === 'record' && result.record.dataMix) yield { dir, sources: result.record.dataMix.sources };
  }
}

export interface DataSourceOptions {
  workspace: string;
  changeSet: ChangeSet;
  include: PathFilter;
}

/**
 * Sets `removedDataSources` on the run's artifacts, and returns the run directories outside the
 * run whose mix needs a file the change deletes (each judged only by removed-mix-source).
 */
export function markRemovedDataSources(artifacts: readonly Artifact[], opts: DataSourceOptions): Artifact[] {
  const gone = goneByChange(opts.changeSet);
  if (gone.size === 0) return [];
  const runDirs = new Set(artifacts.map((a) => a.dir));
  for (const artifact of artifacts) {
    const removed = removedIn(
      artifact.records.flatMap((r) => r.dataMix?.sources ?? []),
      gone
    );
    if (removed.length) artifact.removedDataSources = removed;
  }
  const workspaceReal = realpathSync.native(opts.workspace);
  const joined: Artifact[] = [];
  for (const mix of mixesElsewhere(opts.workspace, opts.include, runDirs)) {
    const removed = removedIn(mix.sources, gone);
    if (removed.length === 0) continue;
    // Read as the checkout has it: the mix counts only beside its run's training manifest.
    const artifact = readArtifactDir(workspaceReal, opts.workspace, mix.dir);
    if (!artifact?.records.some((r) => r.dataMix)) continue;
    artifact.removedDataSources = removed;
    artifact.judgedFor = [REMOVED_MIX_SOURCE];
    joined.push(artifact);
  }
  return joined;
}
