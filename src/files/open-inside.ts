/**
 * Opens a file of the checkout for reading, refusing what a pull request could use against the
 * gate: symlinks that lead out of the workspace, FIFOs and devices (which block or never end),
 * directories. The one way every reader of untrusted files opens them.
 */
import { closeSync, constants, fstatSync, openSync, realpathSync } from 'node:fs';
import { sep } from 'node:path';

/** Why a directory cannot be opened as a file: callers reading manifests name it more precisely. */
export const IS_DIRECTORY = 'it is a directory, not a file';

export type Opened = { fd: number; size: number } | { refused: string };

// O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
// O_NOFOLLOW: the resolved path is swapped for a symlink between realpath and open (a race).
// Both are 0 where the platform has no such flag (Windows).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

// Duck-typed: errors from Node's core need not be instances of this realm's Error (jest's vm contexts).
function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

function whyNot(error: unknown): string {
  switch (errorCode(error)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'the file does not exist in the checkout';
    case 'EACCES':
    case 'EPERM':
      return 'it cannot be read: permission denied';
    case 'ELOOP':
      return 'it is a symbolic link that loops or was swapped while the gate read it';
    case 'ENAMETOOLONG':
      return 'its path is too long to open';
    case 'ENXIO':
    case 'ENODEV':
      return 'it is not a regular file';
    default:
      return `it cannot be opened (${errorCode(error) ?? 'unknown error'})`;
  }
}

/**
 * Resolves `absolute`, checks it stays inside `workspaceReal` (itself already resolved), opens it
 * without blocking and confirms it is a regular file. The caller owns the fd and must close it.
 */
export function openInsideWorkspace(workspaceReal: string, absolute: string): Opened {
  let real: string;
  try {
    real = realpathSync.native(absolute);
  } catch (error) {
    return { refused: whyNot(error) };
  }
  if (real !== workspaceReal && !real.startsWith(workspaceReal + sep)) {
    return { refused: 'it is a symbolic link that points outside the repository' };
  }
  let fd: number;
  try {
    fd = openSync(real, OPEN_FLAGS);
  } catch (error) {
    return { refused: whyNot(error) };
  }
  return regularFile(fd);
}

/**
 * openInsideWorkspace for a file a walk of `workspaceReal` listed as a regular file, in directories
 * it listed as directories (walkFiles, `link: false`): `real` (`workspaceReal/path`) is then its
 * resolved path and no realpath is needed. O_NOFOLLOW still refuses a file turned into a link since
 * (that, and any other failure to open, goes the resolving way for its answer), and fstat that it
 * is still a regular file, never a FIFO or a device.
 */
export function openWalkedFile(workspaceReal: string, real: string): Opened {
  if (!real.startsWith(workspaceReal + sep)) return openInsideWorkspace(workspaceReal, real);
  let fd: number;
  try {
    fd = openSync(real, OPEN_FLAGS);
  } catch {
    return openInsideWorkspace(workspaceReal, real);
  }
  return regularFile(fd);
}

/** `fd` with its size when it is a regular file; otherwise closed, and why it is refused. */
function regularFile(fd: number): Opened {
  try {
    const stat = fstatSync(fd);
    if (stat.isFile()) return { fd, size: stat.size };
    if (stat.isDirectory()) {
      closeSync(fd);
      return { refused: IS_DIRECTORY };
    }
  } catch (error) {
    closeSync(fd);
    return { refused: whyNot(error) };
  }
  closeSync(fd);
  return { refused: 'it is not a regular file' };
}
