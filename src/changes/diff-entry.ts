import type { Change } from './change-set.js';
import { headLinesOfPatch } from './patch-lines.js';

/** The fields of GitHub's `diff-entry` (PR files, compare) that a change list needs. */
export interface DiffEntry {
  filename: string;
  status: string;
  previous_filename?: string;
  /** Bare unified-diff hunks; GitHub leaves it out for binary and very large diffs. */
  patch?: string;
}

/**
 * Maps one GitHub diff entry to a Change. `copied` is a new path (added); `changed` is a mode or
 * type change (modified); `unchanged` carries nothing to check. Statuses GitHub may add later
 * are kept as `modified`: the file is in the list, so something about it changed.
 */
export function toChange(entry: DiffEntry): Change | undefined {
  const change = toBareChange(entry);
  if (change && typeof entry.patch === 'string' && change.status !== 'removed')
    change.diffLines = headLinesOfPatch(entry.patch);
  return change;
}

function toBareChange(entry: DiffEntry): Change | undefined {
  if (typeof entry.filename !== 'string' || entry.filename === '') return undefined;
  switch (entry.status) {
    case 'unchanged':
      return undefined;
    case 'added':
    case 'copied':
      return { path: entry.filename, status: 'added' };
    case 'removed':
      return { path: entry.filename, status: 'removed' };
    case 'renamed':
      return entry.previous_filename
        ? { path: entry.filename, status: 'renamed', previousPath: entry.previous_filename }
        : { path: entry.filename, status: 'added' };
    default:
      return { path: entry.filename, status: 'modified' };
  }
}
