import type { Change } from './change-set.js';

/** The fields of GitHub's `diff-entry` (PR files, compare) that a change list needs. */
export interface DiffEntry {
  filename: string;
  status: string;
  previous_filename?: string;
}

/**
 * Maps one GitHub diff entry to a Change. `copied` is a new path (added); `changed` is a mode or
 * type change (modified); `unchanged` carries nothing to check. Statuses GitHub may add later
 * are kept as `modified`: the file is in the list, so something about it changed.
 */
export function toChange(entry: DiffEntry): Change | undefined {
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
