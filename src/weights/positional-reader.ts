/**
 * Little-endian reads at a moving position of an open file, through one reused buffer: a header of
 * a multi-gigabyte weight file is read in small pieces, and a run of fields the caller skips (a
 * 150,000-entry vocabulary) is stepped over without being kept.
 */
import { readSync } from 'node:fs';

/** Thrown when a read would pass the end of the file, or the caller's limit; readers catch it at their edge. */
export class EndOfBytes extends Error {
  constructor(
    /** Where the read that did not fit started. */
    readonly at: number,
    /** Where the bytes end: the file's size, or less when the file shrank since it was measured. */
    readonly end: number,
    /** Whether it hit the caller's limit rather than the end of the file. */
    readonly pastLimit: boolean
  ) {
    super(
      pastLimit ? `reading past the limit at byte ${at}` : `the file ends at byte ${end}, inside a read from ${at}`
    );
  }
}

/** Reads `length` bytes at `position` into `buffer`, looping over short reads; returns how many it got. */
export function readFully(fd: number, buffer: Buffer, offset: number, length: number, position: number): number {
  let got = 0;
  while (got < length) {
    const n = readSync(fd, buffer, offset + got, length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return got;
}

const TWO_TO_32 = 2 ** 32;
/** High words below this keep a u64 within Number.MAX_SAFE_INTEGER (2^53 − 1). */
const SAFE_HIGH_WORD = 2 ** 21;

export class PositionalReader {
  /** Where the next read starts, in bytes from the start of the file. */
  pos = 0;
  private readonly buffer: Buffer;
  /** File offset of buffer[0], and of the byte after the last valid one. */
  private start = 0;
  private end = 0;

  constructor(
    private readonly fd: number,
    /** The file's size (from fstat). */
    readonly size: number,
    /** No read may pass this offset (a cap on how much of the file a reader scans). */
    readonly limit: number = size,
    bufferBytes = 64 * 1024
  ) {
    this.buffer = Buffer.allocUnsafe(bufferBytes);
  }

  /** Throws EndOfBytes unless `n` bytes from `pos` are inside both the file and the limit. */
  private check(n: number): void {
    if (this.pos + n > this.size) throw new EndOfBytes(this.pos, this.size, false);
    if (this.pos + n > this.limit) throw new EndOfBytes(this.pos, this.limit, true);
  }

  /** Makes `n` (≤ the buffer's size) bytes at `pos` available and returns their index in the buffer. */
  private window(n: number): number {
    if (this.pos >= this.start && this.pos + n <= this.end) return this.pos - this.start;
    this.check(n);
    const wanted = Math.min(this.buffer.length, this.size - this.pos);
    const got = readFully(this.fd, this.buffer, 0, wanted, this.pos);
    this.start = this.pos;
    this.end = this.pos + got;
    // The file shrank since fstat: it ends here.
    if (got < n) throw new EndOfBytes(this.pos, this.pos + got, false);
    return 0;
  }

  u8(): number {
    const i = this.window(1);
    this.pos += 1;
    return this.buffer[i];
  }

  i8(): number {
    const i = this.window(1);
    this.pos += 1;
    return this.buffer.readInt8(i);
  }

  u16(): number {
    const i = this.window(2);
    this.pos += 2;
    return this.buffer.readUInt16LE(i);
  }

  i16(): number {
    const i = this.window(2);
    this.pos += 2;
    return this.buffer.readInt16LE(i);
  }

  u32(): number {
    const i = this.window(4);
    this.pos += 4;
    return this.buffer.readUInt32LE(i);
  }

  i32(): number {
    const i = this.window(4);
    this.pos += 4;
    return this.buffer.readInt32LE(i);
  }

  f32(): number {
    const i = this.window(4);
    this.pos += 4;
    return this.buffer.readFloatLE(i);
  }

  f64(): number {
    const i = this.window(8);
    this.pos += 8;
    return this.buffer.readDoubleLE(i);
  }

  /** A u64 as a number when it is a safe integer, else as a bigint (no BigInt cost on the common path). */
  u64(): number | bigint {
    const i = this.window(8);
    this.pos += 8;
    const low = this.buffer.readUInt32LE(i);
    const high = this.buffer.readUInt32LE(i + 4);
    return high < SAFE_HIGH_WORD ? high * TWO_TO_32 + low : this.buffer.readBigUInt64LE(i);
  }

  /** An i64 as a number when it is a safe integer, else as a bigint. */
  i64(): number | bigint {
    const i = this.window(8);
    this.pos += 8;
    const value = this.buffer.readBigInt64LE(i);
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
  }

  /**
   * A u64 that counts bytes or elements still to come in this file: one of 2^53 or more can never
   * fit, so it ends the read at once (EndOfBytes) instead of coming back as a bigint.
   */
  length(): number {
    const at = this.pos;
    const value = this.u64();
    if (typeof value === 'bigint') throw new EndOfBytes(at, this.size, false);
    return value;
  }

  /** A copy of the next `n` bytes. */
  bytes(n: number): Buffer {
    if (n <= this.buffer.length) {
      const i = this.window(n);
      this.pos += n;
      return Buffer.from(this.buffer.subarray(i, i + n));
    }
    this.check(n);
    const out = Buffer.allocUnsafe(n);
    const got = readFully(this.fd, out, 0, n, this.pos);
    if (got < n) throw new EndOfBytes(this.pos, this.pos + got, false);
    this.pos += n;
    return out;
  }

  /** Steps over `n` bytes without reading them. */
  skip(n: number): void {
    this.check(n);
    this.pos += n;
  }
}
