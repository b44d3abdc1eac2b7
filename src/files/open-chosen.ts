/**
 * Opens a file the workflow or the user named (policy, Hub cache). A path inside the workspace
 * is pull-request content and goes through openInsideWorkspace; a path outside it was chosen by
 * whoever runs the gate and is trusted, but a FIFO or a device there would still hang or never end.
 */
import { closeSync, constants, fstatSync, openSync, realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { openInsideWorkspace, type Opened } from './open-inside.js';

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** True when `absolute` lies lexically inside `root` (or is it). */
export function isInside(root: string, absolute: string): boolean {
  const rel = relative(root, absolute);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The workspace with its symbolic links resolved (the form openInsideWorkspace compares against). */
export function realWorkspace(workspace: string): string {
  try {
    return realpathSync.native(resolve(workspace));
  } catch {
    return resolve(workspace);
  }
}

/** Opens `absolute` for reading: inside the workspace (literally or once resolved) untrusted, outside trusted. */
export function openChosenFile(workspace: string, absolute: string): Opened {
  const real = realWorkspace(workspace);
  if (isInside(resolve(workspace), absolute) || isInside(real, absolute)) return openInsideWorkspace(real, absolute);
  return openTrustedFile(absolute);
}

/** Opens a file outside the workspace, which the workflow or user chose: links followed, FIFOs and devices refused. */
export function openTrustedFile(absolute: string): Opened {
  let fd: number;
  try {
    fd = openSync(absolute, OPEN_FLAGS);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { refused: 'the file does not exist' };
    return { refused: `it cannot be opened (${String(code ?? 'unknown error')})` };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isFile()) return { fd, size: stat.size };
  } catch {
    // fall through: refused below
  }
  closeSync(fd);
  return { refused: 'it is not a regular file' };
}
