/**
 * The sha256 of a weight file: from its bytes, streamed through one reused 1 MiB buffer so memory
 * stays flat for multi-gigabyte files; or, for a Git LFS pointer, the oid it names.
 */
import { createHash } from 'node:crypto';
import { closeSync, read } from 'node:fs';
import { openInsideWorkspace } from '../files/open-inside.js';
import type { WeightDigest } from './header.js';
import { lfsPointerIn } from './lfs-pointer-file.js';

const CHUNK_BYTES = 1024 * 1024;

function readAt(fd: number, buffer: Buffer, length: number, position: number): Promise<number> {
  return new Promise((resolve, reject) =>
    read(fd, buffer, 0, length, position, (error, bytesRead) => (error ? reject(error) : resolve(bytesRead)))
  );
}

/** Hashes exactly the `size` bytes fstat saw, then checks the file did not grow or shrink meanwhile. */
async function hashFrom(fd: number, size: number): Promise<WeightDigest> {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  let position = 0;
  while (position < size) {
    const got = await readAt(fd, buffer, Math.min(CHUNK_BYTES, size - position), position);
    if (got === 0) break;
    hash.update(buffer.subarray(0, got));
    position += got;
  }
  const more = position === size ? await readAt(fd, buffer, 1, position) : 0;
  if (position !== size || more > 0) {
    return { unverifiable: `the file changed size while it was hashed (it was ${size} bytes when opened)` };
  }
  return { sha256: hash.digest('hex'), via: 'file', size };
}

/** The sha256 (lowercase hex) of the weight file at `absolute`. Never rejects; always closes the file. */
export async function sha256OfFile(workspaceReal: string, absolute: string): Promise<WeightDigest> {
  const opened = openInsideWorkspace(workspaceReal, absolute);
  if ('refused' in opened) return { unverifiable: opened.refused };
  const { fd, size } = opened;
  try {
    const pointer = lfsPointerIn(fd, size);
    if (pointer && 'damaged' in pointer) return { unverifiable: pointer.damaged };
    if (pointer) return { sha256: pointer.oid, via: 'lfs-pointer', size: pointer.size };
    return await hashFrom(fd, size);
  } catch (error) {
    return { unverifiable: `it could not be read (${String(error)})` };
  } finally {
    closeSync(fd);
  }
}
