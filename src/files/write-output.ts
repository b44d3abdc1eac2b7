/**
 * Writes a file the gate produces (report, SARIF, BOM, Hub cache, CLI --output). Inside the
 * workspace every component comes from the pull request, so none may be a symbolic link: a link
 * committed as `reports/` would let the PR overwrite any file the runner can write. Paths outside
 * the workspace (RUNNER_TEMP, an absolute path) were chosen by the workflow and are trusted.
 */
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { isInside, realWorkspace } from './open-chosen.js';
import { writePieces } from './write-pieces.js';

/** Why an output path was refused; the caller names the input or flag. */
export class UnsafeOutputError extends Error {
  override name = 'UnsafeOutputError';
}

// O_NONBLOCK: a FIFO planted at the path fails (ENXIO) instead of waiting for a reader.
const CREATE_FLAGS =
  constants.O_WRONLY |
  constants.O_CREAT |
  constants.O_TRUNC |
  (constants.O_NOFOLLOW ?? 0) |
  (constants.O_NONBLOCK ?? 0);

function code(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

/** Creates missing directories one by one below `root`, refusing any component that is a link or not a directory. */
function safeDirectories(root: string, parts: string[]): string {
  let dir = root;
  for (const part of parts) {
    dir = join(dir, part);
    let info;
    try {
      info = lstatSync(dir);
    } catch (error) {
      if (code(error) !== 'ENOENT') throw error;
      mkdirSync(dir);
      info = lstatSync(dir);
    }
    if (info.isSymbolicLink())
      throw new UnsafeOutputError(`${relative(root, dir).split(sep).join('/')} is a symbolic link in the repository`);
    if (!info.isDirectory())
      throw new UnsafeOutputError(`${relative(root, dir).split(sep).join('/')} is not a directory`);
  }
  return dir;
}

function writeInside(root: string, rel: string, content: OutputContent, mode: number): void {
  const parts = rel.split(sep).filter((p) => p !== '');
  const name = parts.pop();
  if (!name) throw new UnsafeOutputError('the path names the repository itself, not a file');
  const dir = safeDirectories(root, parts);
  let fd: number;
  try {
    fd = openSync(join(dir, name), CREATE_FLAGS, mode);
  } catch (error) {
    if (code(error) === 'ELOOP')
      throw new UnsafeOutputError(`${rel.split(sep).join('/')} is a symbolic link in the repository`);
    if (code(error) === 'ENXIO') throw new UnsafeOutputError('it is not a regular file');
    throw error;
  }
  try {
    if (!fstatSync(fd).isFile()) throw new UnsafeOutputError('it is not a regular file');
    writePieces(fd, content);
  } finally {
    closeSync(fd);
  }
}

/** Pieces are gathered to about this many characters per write: one write per finding would be slow. */
const WRITE_BATCH = 64 * 1024;

/** The pieces gathered into strings of about WRITE_BATCH characters, for one write each. */
export function* batched(content: OutputContent): Generator<string> {
  if (typeof content === 'string') {
    yield content;
    return;
  }
  let batch: string[] = [];
  let size = 0;
  for (const piece of content) {
    batch.push(piece);
    size += piece.length;
    if (size < WRITE_BATCH) continue;
    yield batch.join('');
    batch = [];
    size = 0;
  }
  if (batch.length > 0) yield batch.join('');
}

/** An output's text: one string, or pieces (a large JSON report) written one after the other. */
export type OutputContent = string | Iterable<string>;

/**
 * Writes `content` to `path` (relative paths are relative to the workspace). Throws
 * UnsafeOutputError when a component inside the workspace is a symbolic link or not what it must be.
 */
export async function writeOutputFile(
  workspace: string,
  path: string,
  content: OutputContent,
  mode = 0o644
): Promise<string> {
  const full = resolve(workspace, path);
  const lexical = resolve(workspace);
  const real = realWorkspace(workspace);
  const root = isInside(lexical, full) ? lexical : isInside(real, full) ? real : undefined;
  if (root === undefined) {
    await mkdir(dirname(full), { recursive: true });
    const fd = openSync(full, 'w', mode);
    try {
      writePieces(fd, content);
    } finally {
      closeSync(fd);
    }
    return full;
  }
  // Walk from the resolved workspace: the workspace itself may sit behind a link the runner made.
  writeInside(real, relative(root, full), content, mode);
  return full;
}
