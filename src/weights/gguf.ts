/**
 * GGUF metadata (ggml docs/gguf.md, versions 2 and 3, little-endian), read from an open file without
 * touching tensor infos or tensor data.
 *
 * Hand-written rather than @huggingface/gguf (0.4.6): that package opens the file by path again for
 * every 2 MB chunk (no fd, so no workspace containment and a FIFO blocks it), keeps every chunk it
 * read in one growing buffer (capped at 50 MB), decodes every array in full (a 150k-token vocabulary
 * becomes 150k strings), parses all tensor infos, reports no key offsets and is async only.
 *
 * Decisions, for untrusted files:
 * - caps: 1,000,000 entries; keys ≤ 65,535 bytes (the spec's limit); 256 MiB of file scanned.
 * - a string value over 1 MiB (tokenizer.huggingface.json can be) keeps its first 4 KiB plus a
 *   note of its full length (TRUNCATED_MARK), so the entry is still reported, never silently dropped.
 * - arrays keep `items` only when they have ≤ 64 scalar or string elements; longer ones are stepped
 *   over (strings by their lengths) and reported as `{ arrayOf, length }`.
 * - u64/i64 beyond Number.MAX_SAFE_INTEGER become decimal strings; f32/f64 are numbers.
 * - keys must be UTF-8 (the spec says ASCII) and unique; string values decode leniently (U+FFFD).
 * - a bool byte other than 0 or 1 is refused, as the spec says it is invalid.
 */
import { isUtf8 } from 'node:buffer';
import { firstInvalidUtf8 } from '../formats/decode.js';
import type { GgufEntry, GgufValue, WeightHeader } from './header.js';
import { EndOfBytes, PositionalReader } from './positional-reader.js';
import { thousands } from '../text/thousands.js';

export const MAX_GGUF_ENTRIES = 1_000_000;
export const MAX_GGUF_KEY_BYTES = 65_535;
export const MAX_GGUF_STRING_BYTES = 1024 * 1024;
export const KEPT_PREFIX_BYTES = 4096;
export const MAX_GGUF_METADATA_BYTES = 256 * 1024 * 1024;
export const MAX_KEPT_ARRAY_ITEMS = 64;
/** Arrays of arrays deeper than this are refused (llama.cpp writes none). */
const MAX_ARRAY_DEPTH = 4;
/** A tensor info takes at least a name length (8), n_dims (4), type (4) and offset (8). */
const MIN_TENSOR_INFO_BYTES = 24;

/** Appended to a string value that was cut to its first KEPT_PREFIX_BYTES. */
export const TRUNCATED_MARK = '…[truncated by lineage-gate:';

/** GGUF value types by number, named as gguf-py's GGUFValueType (lower-cased). */
export const GGUF_TYPE_NAMES = [
  'uint8',
  'int8',
  'uint16',
  'int16',
  'uint32',
  'int32',
  'float32',
  'bool',
  'string',
  'array',
  'uint64',
  'int64',
  'float64'
] as const;
export type GgufTypeName = (typeof GGUF_TYPE_NAMES)[number];

const STRING = 8;
const ARRAY = 9;
/** Bytes of each fixed-size type, by number (strings and arrays have none). */
const FIXED_BYTES: readonly (number | undefined)[] = [1, 1, 2, 2, 4, 4, 4, 1, undefined, undefined, 8, 8, 8];

/** Pre-GGUF llama.cpp files start with a little-endian u32 magic: "lmgg" on disk is 'ggml'. */
const PRE_GGUF_MAGICS = new Map([
  ['lmgg', 'ggml'],
  ['fmgg', 'ggmf'],
  ['tjgg', 'ggjt'],
  ['algg', 'ggla']
]);

type Scalar = string | number | boolean;

class Unreadable extends Error {}

/** u64/i64 as a number when safe, as decimal text otherwise (JSON has no bigint). */
const integer = (value: number | bigint): number | string => (typeof value === 'bigint' ? value.toString() : value);

class GgufMetadataReader {
  /** What is being read, for the message when the file ends inside it. */
  private reading = 'the header';
  private readonly seen = new Map<string, number>();

  constructor(private readonly r: PositionalReader) {}

  read(): WeightHeader {
    const { r } = this;
    this.magic();
    const version = this.version();
    const tensorCount = r.u64();
    const kvCount = r.u64();
    if (typeof kvCount === 'bigint' || kvCount > MAX_GGUF_ENTRIES) {
      throw new Unreadable(
        `the GGUF header declares ${kvCount} metadata entries, over the gate's cap of ${thousands(MAX_GGUF_ENTRIES)}`
      );
    }
    const entries: GgufEntry[] = [];
    for (let i = 0; i < kvCount; i++) entries.push(this.entry(i));
    const rest = r.size - r.pos;
    if (typeof tensorCount === 'bigint' || tensorCount * MIN_TENSOR_INFO_BYTES > rest) {
      throw new Unreadable(
        `the GGUF header declares ${tensorCount} tensors, ` +
          `more than the ${thousands(rest)} bytes after its metadata can describe`
      );
    }
    return { kind: 'gguf', version, tensorCount, entries };
  }

  private magic(): void {
    const { r } = this;
    if (r.size < 4) throw new Unreadable(`the file is ${r.size} bytes, too short to start with the GGUF magic`);
    const magic = r.bytes(4);
    if (magic.toString('latin1') === 'GGUF') return;
    const older = PRE_GGUF_MAGICS.get(magic.toString('latin1'));
    if (older) {
      throw new Unreadable(
        `it is a pre-GGUF llama.cpp file (magic "${older}"), not GGUF: convert it to GGUF to have its metadata read`
      );
    }
    const hex = [...magic].map((b) => `0x${b.toString(16).padStart(2, '0')}`).join(' ');
    throw new Unreadable(`it does not start with the GGUF magic "GGUF" (its first bytes are ${hex})`);
  }

  private version(): number {
    const version = this.r.u32();
    if (version === 2 || version === 3) return version;
    if (version === 1) {
      throw new Unreadable(
        'it is GGUF version 1 (32-bit lengths, from 2023), which the gate does not read: ' +
          're-convert it with a current llama.cpp'
      );
    }
    // Written big-endian, a small version has its low bytes at the end: 3 reads as 0x03000000.
    const swapped = Buffer.alloc(4);
    swapped.writeUInt32LE(version);
    const bigEndian = swapped.readUInt32BE();
    if (bigEndian >= 1 && bigEndian <= 3) {
      throw new Unreadable(
        `it is a big-endian GGUF file (version ${bigEndian}); the gate reads little-endian GGUF only, ` +
          'the byte order of nearly every GGUF file'
      );
    }
    throw new Unreadable(`it declares GGUF version ${version}; the gate reads versions 2 and 3`);
  }

  private entry(index: number): GgufEntry {
    const { r } = this;
    const offset = r.pos;
    this.reading = `the key of entry ${index + 1} (from byte ${offset})`;
    const length = r.u64();
    if (typeof length === 'bigint' || length > MAX_GGUF_KEY_BYTES) {
      throw new Unreadable(
        `the key at byte ${offset} is ${length} bytes long, over GGUF's limit of ${thousands(MAX_GGUF_KEY_BYTES)}`
      );
    }
    const bytes = r.bytes(length);
    if (!isUtf8(bytes)) {
      const bad = offset + 8 + firstInvalidUtf8(bytes);
      throw new Unreadable(`the key at byte ${offset} is not valid UTF-8 (byte ${bad})`);
    }
    const key = bytes.toString('utf8');
    const earlier = this.seen.get(key);
    if (earlier !== undefined) {
      throw new Unreadable(
        `the key "${key}" appears twice (at bytes ${earlier} and ${offset}): ` +
          'readers disagree on which value counts, so neither is evidence'
      );
    }
    this.seen.set(key, offset);
    this.reading = `the value of "${key}" (key at byte ${offset})`;
    const type = r.u32();
    return { key, value: this.value(type, key), offset };
  }

  private value(type: number, key: string): GgufValue {
    if (type === ARRAY) return this.array(key);
    if (type >= GGUF_TYPE_NAMES.length) {
      throw new Unreadable(`the value of "${key}" has type ${type}, which GGUF does not define`);
    }
    return this.scalar(type, key);
  }

  private scalar(type: number, key: string): Scalar {
    const { r } = this;
    switch (type) {
      case 0:
        return r.u8();
      case 1:
        return r.i8();
      case 2:
        return r.u16();
      case 3:
        return r.i16();
      case 4:
        return r.u32();
      case 5:
        return r.i32();
      case 6:
        return r.f32();
      case 7: {
        const at = r.pos;
        const byte = r.u8();
        if (byte > 1) throw new Unreadable(`the bool of "${key}" at byte ${at} is ${byte}, neither 0 nor 1`);
        return byte === 1;
      }
      case STRING:
        return this.string();
      case 10:
        return integer(r.u64());
      case 11:
        return integer(r.i64());
      default:
        return r.f64();
    }
  }

  private string(): string {
    const { r } = this;
    const length = r.length();
    if (length <= MAX_GGUF_STRING_BYTES) return r.bytes(length).toString('utf8');
    const prefix = r.bytes(KEPT_PREFIX_BYTES);
    r.skip(length - KEPT_PREFIX_BYTES);
    // stream: true holds back a character cut in half at the end of the prefix.
    const kept = new TextDecoder('utf-8').decode(prefix, { stream: true });
    return `${kept}${TRUNCATED_MARK} the string is ${thousands(length)} bytes]`;
  }

  private array(key: string, depth = 0): GgufValue {
    const { r } = this;
    if (depth >= MAX_ARRAY_DEPTH) {
      throw new Unreadable(`the value of "${key}" nests arrays more than ${MAX_ARRAY_DEPTH} deep`);
    }
    const at = r.pos;
    const type = r.u32();
    if (type >= GGUF_TYPE_NAMES.length) {
      throw new Unreadable(`the array "${key}" at byte ${at} has elements of type ${type}, which GGUF does not define`);
    }
    const count = r.length();
    const arrayOf = GGUF_TYPE_NAMES[type];
    if (type !== ARRAY && count <= MAX_KEPT_ARRAY_ITEMS) {
      const items: Scalar[] = [];
      for (let i = 0; i < count; i++) items.push(this.scalar(type, key));
      return { arrayOf, length: count, items };
    }
    this.skipElements(type, count, key, depth);
    return { arrayOf, length: count };
  }

  /** Steps over `count` elements: fixed-size ones at once, strings by their lengths, arrays one by one. */
  private skipElements(type: number, count: number, key: string, depth: number): void {
    const { r } = this;
    const fixed = FIXED_BYTES[type];
    if (fixed !== undefined) {
      r.skip(count * fixed);
    } else if (type === STRING) {
      for (let i = 0; i < count; i++) r.skip(r.length());
    } else {
      for (let i = 0; i < count; i++) this.array(key, depth + 1);
    }
  }

  /** The message for a file that ends, or passes the scan cap, inside what was being read. */
  ended(end: EndOfBytes): string {
    if (end.pastLimit) {
      const mib = MAX_GGUF_METADATA_BYTES / (1024 * 1024);
      return `the GGUF metadata runs past the gate's ${mib} MiB cap (in ${this.reading})`;
    }
    return `the GGUF header ends early (at byte ${end.end}): the file ends inside ${this.reading}`;
  }
}

/**
 * The metadata of the GGUF file open at `fd` (`size` from fstat). Never throws: a file it cannot read
 * is `{ kind: 'unreadable', reason }`.
 */
export function readGgufHeader(fd: number, size: number): WeightHeader {
  const reader = new GgufMetadataReader(new PositionalReader(fd, size, Math.min(size, MAX_GGUF_METADATA_BYTES)));
  try {
    return reader.read();
  } catch (error) {
    if (error instanceof Unreadable) return { kind: 'unreadable', reason: error.message };
    if (error instanceof EndOfBytes) return { kind: 'unreadable', reason: reader.ended(error) };
    return { kind: 'unreadable', reason: `the GGUF header could not be read (${String(error)})` };
  }
}
