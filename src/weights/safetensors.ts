/**
 * The safetensors header (huggingface/safetensors): an 8-byte little-endian length N, then N bytes
 * of UTF-8 JSON — tensor name → { dtype, shape, data_offsets }, plus an optional `__metadata__` of
 * string → string. Only the header is read; tensor data never is.
 *
 * Decision on `__metadata__` values that are not strings: the file is refused (unreadable), because
 * the format allows only strings there and its reference reader (the Rust crate behind the
 * `safetensors` Python package) rejects such a file, so no tool that loads it would see that metadata.
 */
import { compareStrings } from '../text/compare.js';
import { isUtf8 } from 'node:buffer';
import { firstInvalidUtf8 } from '../formats/decode.js';
import type { TensorInfo, WeightHeader } from './header.js';
import { readFully } from './positional-reader.js';

/** The reference reader's own cap on the header (100 MB) is looser; 64 MiB is already thousands of tensors. */
export const MAX_SAFETENSORS_HEADER_BYTES = 64 * 1024 * 1024;

/** Bytes per element of the dtypes whose size is a whole number of bytes (others are not size-checked). */
export const DTYPE_BYTES: Readonly<Record<string, number>> = {
  BOOL: 1,
  U8: 1,
  I8: 1,
  F8_E5M2: 1,
  F8_E4M3: 1,
  I16: 2,
  U16: 2,
  F16: 2,
  BF16: 2,
  I32: 4,
  U32: 4,
  F32: 4,
  I64: 8,
  U64: 8,
  F64: 8
};

const METADATA = '__metadata__';

class Unreadable extends Error {}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function metadataOf(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Unreadable(`its "${METADATA}" is ${kindOf(value)}, not an object of strings`);
  }
  const entries = Object.entries(value);
  for (const [key, item] of entries) {
    if (typeof item !== 'string') {
      throw new Unreadable(
        `its "${METADATA}" value "${key}" is ${kindOf(item)}, not a string: the format allows only strings ` +
          'there, and the reference safetensors reader refuses the file'
      );
    }
  }
  // fromEntries defines own properties: a "__proto__" key stays data, not a prototype.
  return Object.fromEntries(entries) as Record<string, string>;
}

function tensorOf(name: string, value: unknown, dataBytes: number): TensorInfo {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Unreadable(`tensor "${name}" is ${kindOf(value)}, not an object with dtype, shape and data_offsets`);
  }
  const { dtype, shape, data_offsets: offsets } = value as Record<string, unknown>;
  if (typeof dtype !== 'string') throw new Unreadable(`tensor "${name}" has no string dtype`);
  if (!Array.isArray(shape) || !shape.every(isCount)) {
    throw new Unreadable(`tensor "${name}" has a shape that is not a list of non-negative integers`);
  }
  if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(isCount) || offsets[0] > offsets[1]) {
    throw new Unreadable(`tensor "${name}" has data_offsets that are not [begin, end] with begin ≤ end`);
  }
  const [begin, end] = offsets as number[];
  if (end > dataBytes) {
    throw new Unreadable(
      `tensor "${name}" has data up to byte ${end} of the data section, which holds ${dataBytes} bytes`
    );
  }
  const elementBytes = DTYPE_BYTES[dtype];
  if (elementBytes !== undefined) {
    // BigInt: a product of safe integers need not be one.
    const expected = (shape as number[]).reduce((n, d) => n * BigInt(d), BigInt(elementBytes));
    if (expected !== BigInt(end - begin)) {
      throw new Unreadable(
        `tensor "${name}" is ${dtype} of shape [${shape.join(', ')}] (${expected} bytes) ` +
          `but its data_offsets span ${end - begin} bytes`
      );
    }
  }
  return { name, dtype, shape: shape as number[] };
}

function readLength(fd: number, size: number): number {
  if (size < 8) throw new Unreadable(`the file is ${size} bytes, too short for the 8-byte safetensors header length`);
  const prefix = Buffer.alloc(8);
  if (readFully(fd, prefix, 0, 8, 0) < 8) throw new Unreadable('the file ends inside the 8-byte header length');
  const length = prefix.readBigUInt64LE(0);
  if (length === 0n) throw new Unreadable('its header length is 0: a safetensors header is at least "{}"');
  if (length > BigInt(size - 8)) {
    throw new Unreadable(
      `its header length is ${length} bytes, more than the ${size - 8} bytes after it: ` +
        'the file is truncated or not safetensors'
    );
  }
  if (length > BigInt(MAX_SAFETENSORS_HEADER_BYTES)) {
    throw new Unreadable(
      `its header length is ${length} bytes, over the gate's ${MAX_SAFETENSORS_HEADER_BYTES / 1024 / 1024} MiB cap`
    );
  }
  return Number(length);
}

function parseHeader(bytes: Buffer): unknown {
  if (!isUtf8(bytes)) {
    throw new Unreadable(`its header is not valid UTF-8 (byte ${8 + firstInvalidUtf8(bytes)} of the file)`);
  }
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    if (error instanceof RangeError) throw new Unreadable('its header nests JSON too deeply to read');
    throw new Unreadable(`its header is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

function read(fd: number, size: number): WeightHeader {
  const length = readLength(fd, size);
  const bytes = Buffer.allocUnsafe(length);
  if (readFully(fd, bytes, 0, length, 8) < length) throw new Unreadable('the file ends inside its header');
  const header = parseHeader(bytes);
  if (typeof header !== 'object' || header === null || Array.isArray(header)) {
    throw new Unreadable(`its header is JSON but ${kindOf(header)}, not an object of tensors`);
  }
  const dataBytes = size - 8 - length;
  const tensors: TensorInfo[] = [];
  let metadata: Record<string, string> = {};
  for (const [name, value] of Object.entries(header)) {
    if (name === METADATA) metadata = metadataOf(value);
    else tensors.push(tensorOf(name, value, dataBytes));
  }
  tensors.sort((a, b) => compareStrings(a.name, b.name));
  return { kind: 'safetensors', tensors, metadata };
}

/**
 * The header of the safetensors file open at `fd` (`size` from fstat): its tensors sorted by name,
 * and its `__metadata__`. Never throws: a file it cannot read is `{ kind: 'unreadable', reason }`.
 */
export function readSafetensorsHeader(fd: number, size: number): WeightHeader {
  try {
    return read(fd, size);
  } catch (error) {
    if (error instanceof Unreadable) return { kind: 'unreadable', reason: error.message };
    // RangeError from a structure too deep for the engine, I/O errors: still an answer, not a throw.
    return { kind: 'unreadable', reason: `its safetensors header could not be read (${String(error)})` };
  }
}
