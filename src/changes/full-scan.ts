import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** Directories that never hold the repository's own artifacts. */
const ALWAYS_SKIPPED = new Set(['.git', 'node_modules']);

export interface WalkOptions {
  /** Repository-relative path (with `/`) → true to leave it out; a left-out directory is not entered. */
  ignore?: (path: string, kind: 'file' | 'directory') => boolean;
  /** Told about entries left out for a reason other than `ignore`, so nothing is dropped unseen. */
  onSkip?: (path: string, reason: string) => void;
}

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel));
}

function byName(a: Dirent, b: Dirent): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * Yields every regular file under `root` as a repository-relative path with `/`, depth first in
 * name order. Memory is bounded by one directory listing per level, never by the tree size.
 * Symlinks to files inside the root are yielded; symlinked directories are never followed, and
 * symlinks leading outside the root or nowhere are skipped (and reported to `onSkip`).
 */
export async function* walkTree(root: string, options: WalkOptions = {}): AsyncGenerator<string> {
  const realRoot = await realpath(root);
  yield* walkDirectory(realRoot, '', options);
}

async function* walkDirectory(realRoot: string, relDir: string, options: WalkOptions): AsyncGenerator<string> {
  const { ignore, onSkip } = options;
  const entries = await readdir(relDir ? join(realRoot, relDir) : realRoot, { withFileTypes: true });
  entries.sort(byName);
  for (const entry of entries) {
    const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
    // `.git` is also a file in submodules and worktrees.
    if (ALWAYS_SKIPPED.has(entry.name)) continue;
    if (entry.isDirectory()) {
      if (ignore?.(rel, 'directory')) continue;
      yield* walkDirectory(realRoot, rel, options);
    } else if (entry.isFile()) {
      if (!ignore?.(rel, 'file')) yield rel;
    } else if (entry.isSymbolicLink()) {
      const kind = await symlinkKind(realRoot, join(realRoot, rel));
      if (kind === 'file') {
        if (!ignore?.(rel, 'file')) yield rel;
      } else {
        onSkip?.(rel, kind);
      }
    } else {
      onSkip?.(rel, 'not a regular file');
    }
  }
}

/** `'file'` for a link to be yielded, else why it is skipped. */
async function symlinkKind(realRoot: string, link: string): Promise<string> {
  let target: string;
  try {
    target = await realpath(link);
  } catch {
    return 'symlink to nothing';
  }
  if (!isInside(realRoot, target)) return 'symlink pointing outside the repository';
  const info = await stat(target);
  if (info.isDirectory()) return 'symlinked directory (not followed)';
  return info.isFile() ? 'file' : 'symlink to something that is not a regular file';
}
