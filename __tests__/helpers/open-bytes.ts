/** Runs a reader of an open file descriptor over bytes written to a temporary file. */
import { closeSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './git-repo.js';

export function withFile<T>(bytes: Buffer, read: (fd: number, size: number, path: string) => T): T {
  const path = join(tempDir('lg-bytes-'), 'file');
  writeFileSync(path, bytes);
  const fd = openSync(path, 'r');
  try {
    return read(fd, bytes.length, path);
  } finally {
    closeSync(fd);
  }
}
