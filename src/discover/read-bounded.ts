import { closeSync, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { sep } from 'node:path';

/**
 * Reads at most `limit + 1` bytes of a file inside the workspace, so a huge file is recognised as
 * too large without being loaded. Refuses anything that resolves outside the workspace (symlinks in
 * a pull request are untrusted) and anything that is not a regular file.
 *
 * Synchronous on purpose: manifests are small, and the five calls per file cost far more as
 * promises (a thread-pool round trip each) than the reads themselves (bench/RESULTS.md).
 */
export function readBounded(
  workspaceReal: string,
  absolute: string,
  limit: number
): { bytes: Buffer; size: number } | { refused: string } {
  let real: string;
  try {
    real = realpathSync.native(absolute);
  } catch {
    return { refused: 'the file does not exist in the checkout' };
  }
  if (real !== workspaceReal && !real.startsWith(workspaceReal + sep)) {
    return { refused: 'it is a symbolic link that points outside the repository' };
  }
  const fd = openSync(real, 'r');
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { refused: 'it is not a regular file' };
    const length = Math.min(stat.size, limit + 1);
    const bytes = Buffer.allocUnsafe(length);
    let read = 0;
    while (read < length) {
      const bytesRead = readSync(fd, bytes, read, length - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return { bytes: bytes.subarray(0, read), size: stat.size };
  } finally {
    closeSync(fd);
  }
}
