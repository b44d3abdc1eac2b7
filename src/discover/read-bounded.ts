import { open, realpath } from 'node:fs/promises';
import { sep } from 'node:path';

/**
 * Reads at most `limit + 1` bytes of a file inside the workspace, so a huge file is recognised as
 * too large without being loaded. Refuses anything that resolves outside the workspace (symlinks in
 * a pull request are untrusted) and anything that is not a regular file.
 */
export async function readBounded(workspaceReal: string, absolute: string, limit: number): Promise<{ bytes: Buffer; size: number } | { refused: string }> {
  let real: string;
  try {
    real = await realpath(absolute);
  } catch {
    return { refused: 'the file does not exist in the checkout' };
  }
  if (real !== workspaceReal && !real.startsWith(workspaceReal + sep)) {
    return { refused: 'it is a symbolic link that points outside the repository' };
  }
  const handle = await open(real, 'r');
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return { refused: 'it is not a regular file' };
    const length = Math.min(stat.size, limit + 1);
    const bytes = Buffer.alloc(length);
    let read = 0;
    while (read < length) {
      const { bytesRead } = await handle.read(bytes, read, length - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return { bytes: bytes.subarray(0, read), size: stat.size };
  } finally {
    await handle.close();
  }
}
