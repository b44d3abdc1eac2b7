/**
 * Text written to an open file, whole or in pieces, as UTF-8 without joining the pieces first: the
 * output files and the spill files of a large run both write hundreds of megabytes this way.
 */
import { writeSync } from 'node:fs';

/** Every byte, however many writes that takes (a write may be partial). */
function writeBytes(fd: number, bytes: Buffer, length: number): void {
  for (let at = 0; at < length;) at += writeSync(fd, bytes, at, length - at);
}

/**
 * A whole string as UTF-8. It goes to write(2) without first becoming a Buffer (for a 34 MB report,
 * Buffer.from alone took longer than writing the string); a short write is finished from a Buffer.
 */
function writeText(fd: number, text: string): void {
  const written = writeSync(fd, text, null, 'utf8');
  if (written >= Buffer.byteLength(text, 'utf8')) return;
  const bytes = Buffer.from(text, 'utf8');
  for (let at = written; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
}

/** Bytes gathered for one write: pieces are encoded into it as they come, never joined into a string first. */
const WRITE_BUFFER_BYTES = 256 * 1024;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * Writes the text, or its pieces in order, without ever joining them into one string. Pieces are
 * encoded straight into one buffer (joining them and encoding the result allocated as much again as
 * the file); a piece that ends between the halves of a surrogate pair keeps its first half for the next.
 */
export function writePieces(fd: number, content: string | Iterable<string>): void {
  if (typeof content === 'string') return writeText(fd, content);
  const buffer = Buffer.allocUnsafe(WRITE_BUFFER_BYTES);
  let used = 0;
  let held = '';
  const add = (text: string) => {
    // UTF-8 takes at most 3 bytes for each UTF-16 code unit.
    if (text.length * 3 > buffer.length - used) {
      writeBytes(fd, buffer, used);
      used = 0;
      if (text.length * 3 > buffer.length) return writeText(fd, text);
    }
    used += buffer.write(text, used, 'utf8');
  };
  for (const piece of content) {
    const text = held ? held + piece : piece;
    held = isHighSurrogate(text.charCodeAt(text.length - 1)) ? text.slice(-1) : '';
    add(held ? text.slice(0, -1) : text);
  }
  add(held);
  writeBytes(fd, buffer, used);
}
