/**
 * The data-sources stage: which non-optional sources of a training run's data mix this change
 * deletes (or moves away). MENS stops the mix step when such a source is missing, so the run its
 * manifest describes could no longer be reproduced; the removed-mix-source rule reports each one.
 * A run directory the change did not touch is found by the walk beyond the run (beyond-run.ts) —
 * only when the change deletes something — and joins the run to be judged by that rule alone.
 */
import { realpathSync } from 'node:fs';
import type { ChangeSet } from '../changes/change-set.js';
import type { Artifact } from '../lineage/artifact.js';
import type { DataMixSource } from '../lineage/record.js';
import { readArtifactDir } from './discover.js';

/** The one rule an artifact pulled in by a deleted data file is judged by. */
export const REMOVED_MIX_SOURCE = 'removed-mix-source';

/** Paths the change leaves without a file: deleted, or renamed away. */
export function goneByChange(changeSet: ChangeSet): Set<string> {
  const gone = new Set<string>();
  for (const change of changeSet.changes) {
    if (change.status === 'removed') gone.add(change.path);
    if (change.previousPath && change.previousPath !== change.path) gone.add(change.previousPath);
  }
  return gone;
}

const removedIn = (sources: readonly DataMixSource[], gone: ReadonlySet<string>) =>
  sources.filter((s) => !s.optional && gone.has(s.path));

/**
 * Sets `removedDataSources` on the artifacts whose own mix needs a file the change leaves without
 * one (the run's, a batch at a time).
 */
export function markRemovedDataSources(artifacts: readonly Artifact[], gone: ReadonlySet<string>): void {
  if (gone.size === 0) return;
  for (const artifact of artifacts) {
    const removed = removedIn(
      artifact.records.flatMap((r) => r.dataMix?.sources ?? []),
      gone
    );
    if (removed.length) artifact.removedDataSources = removed;
  }
}

/**
 * The training runs outside the run whose mix (found by the walk beyond it) needs a file the change
 * deletes, read from the checkout: each joins the run, judged only by removed-mix-source.
 */
export function runsNeedingGoneSources(
  mixes: Iterable<{ dir: string; sources: readonly DataMixSource[] }>,
  gone: ReadonlySet<string>,
  workspace: string
): Artifact[] {
  const workspaceReal = realpathSync.native(workspace);
  const joined: Artifact[] = [];
  for (const mix of mixes) {
    const removed = removedIn(mix.sources, gone);
    if (removed.length === 0) continue;
    // Read as the checkout has it: the mix counts only beside its run's training manifest.
    const artifact = readArtifactDir(workspaceReal, workspace, mix.dir);
    if (!artifact?.records.some((r) => r.dataMix)) continue;
    artifact.removedDataSources = removed;
    artifact.judgedFor = [REMOVED_MIX_SOURCE];
    joined.push(artifact);
  }
  return joined;
}
