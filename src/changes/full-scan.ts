import { compareStrings } from '../text/compare.js';
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Directories that never hold the repository's own artifacts. */
const ALWAYS_SKIPPED = new Set(['.git', 'node_modules']);

export interface WalkOptions {
  /** Repository-relative path (with `/`) → true to leave it out; a left-out directory is not entered. */
  ignore?: (path: string, kind: 'file' | 'directory') => boolean;
  /** Told about entries left out for a reason other than `ignore`, so nothing is dropped unseen. */
  onSkip?: (path: string, reason: string) => void;
  /** Told about each directory entered, so one named like a file the caller reads is not missed. */
  onDirectory?: (path: string) => void;
  /** Told about a directory that cannot be listed (no permission, path too long); the walk goes on. */
  onUnlistable?: (path: string, reason: string) => void;
  /** Told when everything below a directory has been walked (`''` for the root), so it can be let go. */
  onLeave?: (path: string) => void;
}

/** Why a directory cannot be listed, in words. */
function unlistableReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENAMETOOLONG') return 'its path is longer than the system allows';
  if (code === 'ELOOP') return 'too many symbolic links';
  return code ?? (err as Error).message;
}

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel));
}

function byName(a: Dirent, b: Dirent): number {
  return compareStrings(a.name, b.name);
}

/** A file the walk found: `link` when it is a symbolic link (to a regular file inside the root). */
export interface WalkedFile {
  path: string;
  link: boolean;
}

/**
 * Yields every regular file under `root` as a repository-relative path with `/`, depth first in
 * name order. Memory is bounded by one directory listing per level, never by the tree size.
 * Symlinks to files inside the root are yielded; symlinked directories are never followed, and
 * symlinks leading outside the root or nowhere are skipped (and reported to `onSkip`).
 * Synchronous: a full scan lists thousands of small directories, and a thread-pool round trip per
 * listing costs more than the listing (bench/RESULTS.md).
 */
export function* walkTree(root: string, options: WalkOptions = {}): Generator<string> {
  for (const file of walkFiles(root, options)) yield file.path;
}

/**
 * walkTree, telling links from files. A file with `link: false` was listed as a regular file (not
 * a link) in directories listed as directories (never entered through a link) from the resolved
 * root: `realpath(root)/path` was its resolved path when the walk saw it.
 */
export function* walkFiles(root: string, options: WalkOptions = {}): Generator<WalkedFile> {
  const realRoot = realpathSync.native(root);
  yield* walkDirectory(realRoot, '', options);
}

function* walkDirectory(realRoot: string, relDir: string, options: WalkOptions): Generator<WalkedFile> {
  const { ignore, onSkip } = options;
  let entries: Dirent[];
  try {
    entries = readdirSync(relDir ? join(realRoot, relDir) : realRoot, { withFileTypes: true });
  } catch (err) {
    // The workspace itself must be readable; below it one directory must not end the whole scan.
    if (!relDir || !options.onUnlistable) throw err;
    options.onUnlistable(relDir, unlistableReason(err));
    options.onLeave?.(relDir);
    return;
  }
  entries.sort(byName);
  for (const entry of entries) {
    const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
    // `.git` is also a file in submodules and worktrees.
    if (ALWAYS_SKIPPED.has(entry.name)) continue;
    if (entry.isDirectory()) {
      if (ignore?.(rel, 'directory')) continue;
      options.onDirectory?.(rel);
      yield* walkDirectory(realRoot, rel, options);
    } else if (entry.isFile()) {
      if (!ignore?.(rel, 'file')) yield { path: rel, link: false };
    } else if (entry.isSymbolicLink()) {
      const kind = symlinkKind(realRoot, join(realRoot, rel));
      if (kind === 'file') {
        if (!ignore?.(rel, 'file')) yield { path: rel, link: true };
      } else {
        onSkip?.(rel, kind);
      }
    } else {
      onSkip?.(rel, 'not a regular file');
    }
  }
  options.onLeave?.(relDir);
}

/** `'file'` for a link to be yielded, else why it is skipped. */
function symlinkKind(realRoot: string, link: string): string {
  let target: string;
  try {
    target = realpathSync.native(link);
  } catch {
    return 'symlink to nothing';
  }
  if (!isInside(realRoot, target)) return 'symlink pointing outside the repository';
  const info = statSync(target);
  if (info.isDirectory()) return 'symlinked directory (not followed)';
  return info.isFile() ? 'file' : 'symlink to something that is not a regular file';
}
