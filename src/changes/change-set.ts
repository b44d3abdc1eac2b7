import type { LineRange } from './patch-lines.js';

/** One changed path, repository-relative with `/`. */
export interface Change {
  path: string;
  status: 'added' | 'modified' | 'removed' | 'renamed';
  /** For renames: the path before. */
  previousPath?: string;
  /** Head-side lines the diff shows (where review comments can go); absent when the source gave no patch. */
  diffLines?: LineRange[];
}

/** Which files a run looks at, and how that list was obtained (shown in the log and summary). */
export interface ChangeSet {
  /** `all` means a full scan of the tree: `changes` is then empty and every file counts as present. */
  scope: 'changed' | 'all';
  changes: Change[];
  /**
   * E.g. "pull request #12 files API (14 files)", "git diff abc..def (fallback: the API list is
   * capped at 3,000 files)".
   */
  source: string;
  /** Things the user should know about how the list was made (fallbacks, fetches). */
  notes: string[];
}
