import { closeSync, readSync } from 'node:fs';
import { openInsideWorkspace, openWalkedFile } from '../files/open-inside.js';

/**
 * Reads at most `limit + 1` bytes of a file inside the workspace, so a huge file is recognised as
 * too large without being loaded. Refuses what openInsideWorkspace refuses: symlinks out of the
 * workspace, anything that is not a regular file (never blocking on a FIFO).
 *
 * Synchronous on purpose: manifests are small, and the five calls per file cost far more as
 * promises (a thread-pool round trip each) than the reads themselves (bench/RESULTS.md).
 * `walked`: `absolute` is `workspaceReal/path` of a file walkFiles found as a regular file (no
 * realpath needed: openWalkedFile).
 */
export function readBounded(
  workspaceReal: string,
  absolute: string,
  limit: number,
  walked = false
): { bytes: Buffer; size: number } | { refused: string } {
  const opened = walked ? openWalkedFile(workspaceReal, absolute) : openInsideWorkspace(workspaceReal, absolute);
  if ('refused' in opened) return opened;
  const { fd, size } = opened;
  try {
    const length = Math.min(size, limit + 1);
    const bytes = Buffer.allocUnsafe(length);
    let read = 0;
    while (read < length) {
      const bytesRead = readSync(fd, bytes, read, length - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return { bytes: bytes.subarray(0, read), size };
  } catch {
    return { refused: 'it could not be read (an I/O error)' };
  } finally {
    closeSync(fd);
  }
}
