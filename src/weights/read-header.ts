/**
 * What a weight file's bytes say, by the one route every weight file takes: opened inside the
 * workspace, recognised as an LFS pointer by content, then read by the reader its name asks for.
 */
import { closeSync } from 'node:fs';
import { openInsideWorkspace } from '../files/open-inside.js';
import { readGgufHeader } from './gguf.js';
import type { WeightHeader } from './header.js';
import { lfsPointerIn } from './lfs-pointer-file.js';
import { readFully } from './positional-reader.js';
import { readSafetensorsHeader } from './safetensors.js';

function opaque(name: string, fd: number, size: number): WeightHeader {
  const start = Buffer.alloc(4);
  const got = readFully(fd, start, 0, Math.min(4, size), 0);
  const zip = got === 4 && start.readUInt32BE(0) === 0x504b0304;
  // Pickle protocol 2+ starts with PROTO (0x80) and the protocol number.
  const pickle = got >= 2 && start[0] === 0x80 && start[1] >= 2 && start[1] <= 5;
  if (name.endsWith('.bin') && (zip || pickle)) {
    const what = zip ? 'a PyTorch checkpoint (a zip of pickles)' : 'a pickled PyTorch file';
    return { kind: 'opaque', reason: `it is ${what}: the gate never unpickles untrusted files, so it has no header` };
  }
  return { kind: 'opaque', reason: 'it is not GGUF or safetensors: the gate reads no header from this format' };
}

/**
 * The header of the weight file at `absolute`. Never throws, always closes what it opened: whatever
 * goes wrong is `{ kind: 'unreadable', reason }`.
 */
export function readWeightHeader(workspaceReal: string, absolute: string): WeightHeader {
  const opened = openInsideWorkspace(workspaceReal, absolute);
  if ('refused' in opened) return { kind: 'unreadable', reason: opened.refused };
  const { fd, size } = opened;
  try {
    const pointer = lfsPointerIn(fd, size);
    if (pointer && 'damaged' in pointer) return { kind: 'unreadable', reason: pointer.damaged };
    if (pointer) return { kind: 'lfs-pointer', oid: pointer.oid, size: pointer.size };
    const name = absolute.toLowerCase();
    if (name.endsWith('.gguf')) return readGgufHeader(fd, size);
    if (name.endsWith('.safetensors')) return readSafetensorsHeader(fd, size);
    return opaque(name, fd, size);
  } catch (error) {
    return { kind: 'unreadable', reason: `it could not be read (${String(error)})` };
  } finally {
    closeSync(fd);
  }
}
