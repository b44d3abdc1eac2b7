/**
 * Lists that stay small in memory however long they grow: past a limit, items go to NDJSON files in
 * a temporary directory and are read back, a chunk at a time, each time the list is walked. A run
 * of 100,000 manifests holds a quarter of a million findings; kept in memory they were most of its
 * peak. Items must survive JSON (plain objects, arrays, strings, finite numbers, booleans, null).
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { ConfigError } from '../config-error.js';
import { mergeSorted } from './merge-sorted.js';
import type { Sequence } from './sequence.js';
import { writePieces } from '../files/write-pieces.js';

/** Each run of a merge reads this much at a time: a million manifests make hundreds of runs. */
const READ_CHUNK = 16 * 1024;

let spillDir: string | undefined;
let files = 0;

/** Why a large run could not keep its lists on disk: the fix is the machine's, so it is said plainly. */
function spillError(what: string, err: unknown): ConfigError {
  return new ConfigError(
    `a run this large keeps its findings in temporary files, and ${what} (${(err as Error).message}): ` +
      'point TMPDIR at a writable directory with free space (RUNNER_TEMP on a runner)'
  );
}

/**
 * Signals that end the process without its `exit` event: a cancelled workflow run (the runner sends
 * SIGINT, then SIGTERM), Ctrl-C, a closed terminal. A self-hosted runner keeps its temporary
 * directory between jobs, so the files are removed on these too.
 */
const ENDING_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Removes the files, then lets the signal end the process as it would have (once no one else listens for it). */
function removeAndEnd(signal: NodeJS.Signals): void {
  removeSpillDirectory();
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

/** A new file name in this process's spill directory (made on first use, removed when the process exits). */
function spillFile(): string {
  if (!spillDir) {
    try {
      spillDir = mkdtempSync(join(tmpdir(), 'lineage-gate-spill-'));
    } catch (err) {
      throw spillError(`no directory could be made under ${tmpdir()}`, err);
    }
    process.once('exit', removeSpillDirectory);
    for (const signal of ENDING_SIGNALS) process.once(signal, removeAndEnd);
  }
  return join(spillDir, `${++files}.ndjson`);
}

/**
 * Removes this process's spill directory and every list still in it (done when the process exits or
 * is ended by a signal; a test runner, whose workers are stopped without an `exit`, calls it itself).
 */
export function removeSpillDirectory(): void {
  if (spillDir) rmSync(spillDir, { recursive: true, force: true });
  spillDir = undefined;
  process.removeListener('exit', removeSpillDirectory);
  for (const signal of ENDING_SIGNALS) process.removeListener(signal, removeAndEnd);
}

/** Writes the items as one JSON text per line. */
function writeLines<T>(path: string, items: readonly T[]): void {
  try {
    writeEach(path, items);
  } catch (err) {
    throw spillError(`${path} could not be written`, err);
  }
}

function writeEach<T>(path: string, items: readonly T[]): void {
  const fd = openSync(path, 'a');
  try {
    writePieces(fd, jsonLines(items));
  } finally {
    closeSync(fd);
  }
}

/** Each item's JSON text, then its newline: two pieces, as joining them would copy the text. */
function* jsonLines<T>(items: readonly T[]): Generator<string> {
  for (const item of items) {
    yield JSON.stringify(item);
    yield '\n';
  }
}

/** The items of an NDJSON file, parsed one line at a time (the file is closed when the walk ends or stops). */
function* readLines<T>(path: string): Generator<T> {
  const fd = openSync(path, 'r');
  const buffer = Buffer.allocUnsafe(READ_CHUNK);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for (;;) {
      const read = readSync(fd, buffer, 0, READ_CHUNK, null);
      if (read === 0) break;
      const text = rest + decoder.write(buffer.subarray(0, read));
      let start = 0;
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
        yield JSON.parse(text.slice(start, end)) as T;
        start = end + 1;
      }
      rest = text.slice(start);
    }
  } finally {
    closeSync(fd);
  }
}

function remove(paths: readonly string[]): void {
  for (const path of paths) rmSync(path, { force: true });
}

/**
 * A list walked in `compare` order, however it was filled: every `runSize` items are sorted and
 * written as one run, and a walk merges the runs (a heap over their heads). Ties keep the order the
 * items came in, as a stable sort would.
 */
export class SortedSpill<T> implements Sequence<T> {
  private memory: T[] = [];
  private sorted = true;
  private readonly runs: string[] = [];
  private count = 0;

  /**
   * `seal` is applied to the items that stay in memory, once they are read: an item that goes to
   * disk is read back as a fresh copy by every walk, so sealing it would be wasted work.
   */
  constructor(
    private readonly compare: (a: T, b: T) => number,
    private readonly runSize: number,
    private readonly seal?: (item: T) => void
  ) {}

  get length(): number {
    return this.count;
  }

  push(item: T): void {
    this.memory.push(item);
    this.sorted = false;
    this.count++;
    if (this.memory.length >= this.runSize) {
      const run = spillFile();
      writeLines(run, this.memory.sort(this.compare));
      this.runs.push(run);
      this.memory = [];
    }
  }

  /** The items in order, when none went to disk. */
  held(): T[] | undefined {
    return this.runs.length === 0 ? this.sortedMemory() : undefined;
  }

  private sortedMemory(): T[] {
    if (!this.sorted) {
      this.memory.sort(this.compare);
      if (this.seal) this.memory.forEach(this.seal);
      this.sorted = true;
    }
    return this.memory;
  }

  *[Symbol.iterator](): Iterator<T> {
    this.sortedMemory();
    if (this.runs.length === 0) {
      yield* this.memory;
      return;
    }
    yield* mergeSorted([...this.runs.map((run) => readLines<T>(run)), this.memory[Symbol.iterator]()], this.compare);
  }

  dispose(): void {
    remove(this.runs);
    this.runs.length = 0;
    this.memory = [];
    this.count = 0;
  }
}
