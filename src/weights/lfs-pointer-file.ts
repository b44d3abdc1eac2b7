import { lfsPointerFields, MAX_LFS_POINTER_BYTES, parseLfsPointer } from '../source/lfs-pointer.js';
import { readFully } from './positional-reader.js';

export type PointerInFile = { oid: string; size: number } | { damaged: string } | undefined;

/**
 * The Git LFS pointer held by the open file, if it is one: only a file of at most 1024 bytes can be,
 * so a real weight file costs no read here. A file that starts like a pointer but is not a valid
 * one is `damaged`: neither weights nor evidence of them.
 */
export function lfsPointerIn(fd: number, size: number): PointerInFile {
  if (size > MAX_LFS_POINTER_BYTES) return undefined;
  const bytes = Buffer.alloc(size);
  const text = bytes.subarray(0, readFully(fd, bytes, 0, size, 0)).toString('utf8');
  const pointer = parseLfsPointer(text);
  if (pointer) return pointer;
  if (lfsPointerFields(text)) {
    return { damaged: 'it is a Git LFS pointer without a valid sha256 oid and size, not the weights' };
  }
  return undefined;
}
