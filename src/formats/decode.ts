/**
 * Bytes → text for a manifest, refusing what is not a bounded UTF-8 text file: oversized files,
 * UTF-16/32, binary data, invalid UTF-8, and Git LFS pointers committed in place of the content.
 */
import { isUtf8 } from 'node:buffer';
import { lfsPointerFields } from '../source/lfs-pointer.js';
import type { ReadProblem } from '../source/document.js';
import { FILE_START, type Span } from '../source/span.js';

/** Largest manifest the gate reads: manifests are metadata, and PR content is untrusted. */
export const MAX_MANIFEST_BYTES = 1024 * 1024;

/** A problem carries its span (the file's start, or the first bad byte) and, when making it parse is no cure, a fix. */
export type Decoded = { text: string } | { problem: ReadProblem & { span: Span } };

const BOMS: readonly { bytes: readonly number[]; name: string }[] = [
  // UTF-32LE starts like UTF-16LE: test the longer mark first.
  { bytes: [0xff, 0xfe, 0x00, 0x00], name: 'UTF-32 (little-endian)' },
  { bytes: [0x00, 0x00, 0xfe, 0xff], name: 'UTF-32 (big-endian)' },
  { bytes: [0xff, 0xfe], name: 'UTF-16 (little-endian)' },
  { bytes: [0xfe, 0xff], name: 'UTF-16 (big-endian)' }
];

function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  const unit = n >= 1024 * 1024 ? { size: 1024 * 1024, name: 'MiB' } : { size: 1024, name: 'KiB' };
  return `${n} bytes (${(n / unit.size).toFixed(1)} ${unit.name})`;
}

/** 1-based line/column of a byte offset (columns count bytes: the text is not decodable yet). */
function byteSpan(bytes: Buffer, offset: number): Span {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const column = offset - lineStart + 1;
  return { line, column, endLine: line, endColumn: column + 1 };
}

/** Offset of the first byte that starts an invalid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if ((b & 0xe0) === 0xc0) [need, min, cp] = [1, 0x80, b & 0x1f];
    else if ((b & 0xf0) === 0xe0) [need, min, cp] = [2, 0x800, b & 0x0f];
    else if ((b & 0xf8) === 0xf0) [need, min, cp] = [3, 0x10000, b & 0x07];
    else return i;
    if (i + need >= bytes.length) return i; // truncated sequence at the end
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Text with NUL in every other byte of its start is UTF-16 that lost (or never had) its BOM. */
function looksLikeBomlessUtf16(bytes: Buffer): boolean {
  const n = Math.min(bytes.length, 64) & ~1;
  if (n < 4) return false;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  return (oddNul === pairs && evenNul === 0) || (evenNul === pairs && oddNul === 0);
}

/**
 * Decode a manifest's bytes. `size` is the file's size on disk when known (the caller may have
 * read only the first MAX_MANIFEST_BYTES + 1 bytes of a larger file).
 */
export function decodeManifest(bytes: Buffer, size?: number): Decoded {
  const total = Math.max(size ?? 0, bytes.length);
  if (total > MAX_MANIFEST_BYTES) {
    const cap = `${MAX_MANIFEST_BYTES / (1024 * 1024)} MiB (${MAX_MANIFEST_BYTES}-byte)`;
    // A bounded read of a larger file hands over cap + 1 bytes and, maybe, not the real size.
    const known = size !== undefined || bytes.length > MAX_MANIFEST_BYTES + 1;
    const measured = known
      ? `it is ${formatBytes(total)}, over the ${cap} cap for a manifest`
      : `it is larger than the ${cap} cap for a manifest (reading stopped after ${bytes.length} bytes)`;
    return {
      problem: { reason: `${measured}; a manifest is metadata: move logs, tensors or data out of it`, span: FILE_START }
    };
  }
  for (const bom of BOMS) {
    if (bom.bytes.every((b, i) => bytes[i] === b)) {
      const name = bom.name.startsWith('UTF-16') ? 'UTF-16' : 'UTF-32';
      return {
        problem: {
          reason:
            `it is encoded as ${bom.name}, with a byte-order mark; ` +
            `save it as UTF-8 (e.g. \`iconv -f ${name} -t UTF-8\`)`,
          span: FILE_START
        }
      };
    }
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    if (looksLikeBomlessUtf16(bytes))
      return {
        problem: {
          reason: 'it is encoded as UTF-16 without a byte-order mark (every other byte is NUL); save it as UTF-8',
          span: FILE_START
        }
      };
    const at = byteSpan(bytes, nul);
    return {
      problem: {
        reason:
          `it contains NUL bytes (the first at line ${at.line}, column ${at.column}): ` +
          'it is binary data, not a UTF-8 text manifest',
        span: at
      }
    };
  }
  if (!isUtf8(bytes)) {
    const bad = firstInvalidUtf8(bytes);
    const at = bad >= 0 ? byteSpan(bytes, bad) : FILE_START;
    const byte =
      bad >= 0 ? ` (byte 0x${bytes[bad].toString(16).padStart(2, '0')} at line ${at.line}, column ${at.column})` : '';
    return {
      problem: {
        reason:
          `it is not valid UTF-8 text${byte}: binary data, or a legacy encoding such as Latin-1 or Windows-1252; ` +
          'save it as UTF-8',
        span: at
      }
    };
  }
  // A UTF-8 BOM is harmless but not JSON: drop it.
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const pointer = lfsPointerFields(text);
  if (pointer) {
    const oid = pointer.oid ? `oid ${pointer.oid}` : 'no oid';
    const real = pointer.size ? `size ${pointer.size} bytes` : 'no size';
    return {
      problem: {
        reason:
          `it is a Git LFS pointer (${oid}, ${real}), not the manifest: ` +
          'the checkout holds the pointer instead of the file',
        span: FILE_START,
        fix:
          'Commit the real file (do not track manifests with LFS), ' +
          'or run `git lfs pull` (actions/checkout with `lfs: true`) before the gate.'
      }
    };
  }
  return { text };
}
