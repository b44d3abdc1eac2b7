/** Weight files made on the fly for tests (no binary blobs in the repository): GGUF, safetensors, LFS pointers. */
import { createHash } from 'node:crypto';
import { closeSync, ftruncateSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { GGUF_TYPE_NAMES, type GgufTypeName } from '../../src/weights/gguf.js';
import { DTYPE_BYTES } from '../../src/weights/safetensors.js';

/** A value as written: numbers or bigints for integer types, Buffers for raw string bytes, arrays by element type. */
export type GgufWireValue =
  number | bigint | boolean | string | Buffer | { of: GgufTypeName | number; items: GgufWireValue[] };
/** `[key, type, value]`; a Buffer key is written as is (for invalid UTF-8), a number type as is (for unknown types). */
export type GgufWireEntry = [key: string | Buffer, type: GgufTypeName | number, value: GgufWireValue];

export interface GgufOptions {
  /** Written as given (default 3); the layout is always version 2/3's (u64 lengths). */
  version?: number;
  entries: GgufWireEntry[];
  /** Minimal tensor infos written after the metadata (default 0). */
  tensorCount?: number;
  bigEndian?: boolean;
  /** Overrides the declared metadata entry count. */
  kvCount?: bigint;
}

const typeNumber = (type: GgufTypeName | number): number =>
  typeof type === 'number' ? type : GGUF_TYPE_NAMES.indexOf(type);

/** Appends to one growing buffer (a 150k-token vocabulary is 450k small writes). */
class Writer {
  private buffer = Buffer.alloc(64 * 1024);
  private length = 0;
  constructor(private readonly bigEndian: boolean) {}

  private room(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const grown = Buffer.alloc(Math.max(this.buffer.length * 2, this.length + bytes));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }

  private fixed(bytes: number, write: (b: Buffer) => void): void {
    this.room(bytes);
    write(this.buffer.subarray(this.length, this.length + bytes));
    this.length += bytes;
  }

  raw(bytes: Buffer): void {
    this.room(bytes.length);
    bytes.copy(this.buffer, this.length);
    this.length += bytes.length;
  }

  bytes(): Buffer {
    return Buffer.from(this.buffer.subarray(0, this.length));
  }

  u32(n: number): void {
    this.fixed(4, (b) => (this.bigEndian ? b.writeUInt32BE(n) : b.writeUInt32LE(n)));
  }

  u64(n: number | bigint): void {
    this.fixed(8, (b) => (this.bigEndian ? b.writeBigUInt64BE(BigInt(n)) : b.writeBigUInt64LE(BigInt(n))));
  }

  string(s: string | Buffer): void {
    const bytes = typeof s === 'string' ? Buffer.from(s, 'utf8') : s;
    this.u64(bytes.length);
    this.raw(bytes);
  }

  value(type: number, value: GgufWireValue): void {
    const be = this.bigEndian;
    const n = value as number;
    switch (type) {
      case 0:
        return this.fixed(1, (b) => b.writeUInt8(n));
      case 1:
        return this.fixed(1, (b) => b.writeInt8(n));
      case 2:
        return this.fixed(2, (b) => (be ? b.writeUInt16BE(n) : b.writeUInt16LE(n)));
      case 3:
        return this.fixed(2, (b) => (be ? b.writeInt16BE(n) : b.writeInt16LE(n)));
      case 4:
        return this.u32(n);
      case 5:
        return this.fixed(4, (b) => (be ? b.writeInt32BE(n) : b.writeInt32LE(n)));
      case 6:
        return this.fixed(4, (b) => (be ? b.writeFloatBE(n) : b.writeFloatLE(n)));
      case 7:
        return this.fixed(1, (b) => b.writeUInt8(typeof value === 'boolean' ? Number(value) : n));
      case 8:
        return this.string(value as string | Buffer);
      case 9: {
        const array = value as { of: GgufTypeName | number; items: GgufWireValue[] };
        const of = typeNumber(array.of);
        this.u32(of);
        this.u64(array.items.length);
        for (const item of array.items) this.value(of, item);
        return;
      }
      case 10:
        return this.u64(value as number | bigint);
      case 11:
        return this.fixed(8, (b) => (be ? b.writeBigInt64BE(BigInt(n)) : b.writeBigInt64LE(BigInt(n))));
      case 12:
        return this.fixed(8, (b) => (be ? b.writeDoubleBE(n) : b.writeDoubleLE(n)));
      default:
        // A type GGUF does not define: its value is whatever raw bytes the test gives.
        if (Buffer.isBuffer(value)) this.raw(value);
        return;
    }
  }
}

/** A GGUF file's bytes: magic, version, counts, the entries, and `tensorCount` minimal tensor infos. */
export function ggufBytes(options: GgufOptions): Buffer {
  const w = new Writer(options.bigEndian ?? false);
  w.raw(Buffer.from('GGUF', 'latin1'));
  w.u32(options.version ?? 3);
  const tensorCount = options.tensorCount ?? 0;
  w.u64(tensorCount);
  w.u64(options.kvCount ?? BigInt(options.entries.length));
  for (const [key, type, value] of options.entries) {
    w.string(key);
    w.u32(typeNumber(type));
    w.value(typeNumber(type), value);
  }
  for (let i = 0; i < tensorCount; i++) {
    w.string(`blk.${i}.weight`);
    w.u32(1); // n_dims
    w.u64(1); // the one dimension
    w.u32(0); // F32
    w.u64(i * 32); // offset in the data section
  }
  return w.bytes();
}

export interface TensorSpec {
  name: string;
  dtype: string;
  shape: number[];
}

/** The 8-byte length and the header JSON (space-padded to a multiple of 8, as the reference writer does). */
export function safetensorsHeaderBytes(header: string | Buffer, declaredLength?: bigint): Buffer {
  const raw = typeof header === 'string' ? Buffer.from(header, 'utf8') : header;
  const padded = Buffer.concat([raw, Buffer.alloc((8 - (raw.length % 8)) % 8, ' ')]);
  const length = Buffer.alloc(8);
  length.writeBigUInt64LE(declaredLength ?? BigInt(padded.length));
  return Buffer.concat([length, padded]);
}

function layout(tensors: TensorSpec[], metadata?: Record<string, string>): { header: Buffer; dataBytes: number } {
  const json: Record<string, unknown> = {};
  if (metadata) json.__metadata__ = metadata;
  let offset = 0;
  for (const t of tensors) {
    const bytes = t.shape.reduce((n, d) => n * d, DTYPE_BYTES[t.dtype] ?? 1);
    json[t.name] = { dtype: t.dtype, shape: t.shape, data_offsets: [offset, offset + bytes] };
    offset += bytes;
  }
  return { header: safetensorsHeaderBytes(JSON.stringify(json)), dataBytes: offset };
}

/** A whole safetensors file: header with correct data_offsets, then zero-filled tensor data. */
export function safetensorsBytes(tensors: TensorSpec[], metadata?: Record<string, string>): Buffer {
  const { header, dataBytes } = layout(tensors, metadata);
  return Buffer.concat([header, Buffer.alloc(dataBytes)]);
}

/** Writes a safetensors file; `sparse` writes the header and extends the file with ftruncate (no data blocks). */
export function writeSafetensors(
  path: string,
  tensors: TensorSpec[],
  metadata?: Record<string, string>,
  options: { sparse?: boolean } = {}
): number {
  if (!options.sparse) {
    const bytes = safetensorsBytes(tensors, metadata);
    writeFileSync(path, bytes);
    return bytes.length;
  }
  const { header, dataBytes } = layout(tensors, metadata);
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, header);
    ftruncateSync(fd, header.length + dataBytes);
  } finally {
    closeSync(fd);
  }
  return header.length + dataBytes;
}

export function lfsPointerText(oid: string, size: number): string {
  return `version https://git-lfs.github.com/spec/v1\noid sha256:${oid}\nsize ${size}\n`;
}

/** Writes at `path` the LFS pointer that `content` would have; returns its oid and size. */
export function writeLfsPointerFor(path: string, content: Buffer): { oid: string; size: number } {
  const oid = createHash('sha256').update(content).digest('hex');
  writeFileSync(path, lfsPointerText(oid, content.length));
  return { oid, size: content.length };
}
