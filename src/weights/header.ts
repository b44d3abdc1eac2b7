/**
 * What the bytes of a weight file say, read bounded and without loading tensors: the evidence the
 * gate checks manifests against (DESIGN "Claims are checked against evidence").
 */

/** One tensor as a safetensors header lists it. */
export interface TensorInfo {
  name: string;
  /** As written: `F16`, `BF16`, `F32`, `I8` … */
  dtype: string;
  shape: number[];
}

/** A GGUF metadata value: scalars as read; arrays by element type and length, items kept only when short. */
export type GgufValue =
  string | number | boolean | { arrayOf: string; length: number; items?: (string | number | boolean)[] };

export interface GgufEntry {
  key: string;
  value: GgufValue;
  /** Byte offset of the key in the file, so a finding can say where the bytes said it. */
  offset: number;
}

export type WeightHeader =
  | { kind: 'gguf'; version: number; tensorCount: number; entries: GgufEntry[] }
  | { kind: 'safetensors'; tensors: TensorInfo[]; metadata: Record<string, string> }
  /** The checkout holds a Git LFS pointer instead of the weights: the oid is the content's sha256. */
  | { kind: 'lfs-pointer'; oid: string; size: number }
  /** A weight format the gate does not parse (pickled `.bin`): no header evidence. */
  | { kind: 'opaque'; reason: string }
  /** The file could not be read as its format claims (truncated, oversized header, not a regular file …). */
  | { kind: 'unreadable'; reason: string };

/** A weight file's sha256, from its bytes or its LFS pointer; or why it could not be had. */
export type WeightDigest = { sha256: string; via: 'file' | 'lfs-pointer'; size: number } | { unverifiable: string };
