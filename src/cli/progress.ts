/**
 * The progress line of a long scan: after a second, one self-overwriting line on a terminal
 * (files seen, artifacts checked, rate), cleared at the end. Never when the stream is piped or
 * under CI, where a log would fill with carriage returns.
 */
import { plural } from '../text/plural.js';
import { thousands } from '../text/thousands.js';

/** What the progress line writes to (process.stderr, or a fake in tests). */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/** Counts as the pipeline reports them. */
export interface ProgressCounts {
  files: number;
  artifacts: number;
}

export interface Progress {
  update(counts: ProgressCounts): void;
  /** Clears the line, if one was drawn. */
  done(): void;
}

export interface ProgressOptions {
  stream: ProgressStream;
  env: Record<string, string | undefined>;
  /** Milliseconds; injected in tests. */
  now?: () => number;
}

/** Quiet for quick runs: most checks finish before a line would help. */
export const PROGRESS_DELAY_MS = 1000;
/** Redrawing more often only costs terminal writes. */
const REDRAW_MS = 100;
const CLEAR_LINE = '\r\u001b[2K';

/** CI=true (or any value but false/0) means a log, not a person at a terminal. */
function isCi(env: Record<string, string | undefined>): boolean {
  const ci = env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

export function progressLine(counts: ProgressCounts, elapsedMs: number): string {
  const rate = Math.round(counts.files / Math.max(elapsedMs / 1000, 0.001));
  return (
    `lineage-gate: ${thousands(counts.files)} files seen, ${thousands(counts.artifacts)} ` +
    `${plural(counts.artifacts, 'artifact')} checked (${thousands(rate)} files/s)`
  );
}

const SILENT: Progress = { update() {}, done() {} };

/**
 * Drawn from `update` rather than a timer: the walk is synchronous, so a timer would not fire
 * until it ends.
 */
export function startProgress(opts: ProgressOptions): Progress {
  if (opts.stream.isTTY !== true || isCi(opts.env)) return SILENT;
  const now = opts.now ?? Date.now;
  const start = now();
  let lastDraw = -Infinity;
  let drawn = false;
  return {
    update(counts) {
      const t = now();
      if (t - start < PROGRESS_DELAY_MS || t - lastDraw < REDRAW_MS) return;
      lastDraw = t;
      const width = opts.stream.columns ? opts.stream.columns - 1 : Infinity;
      opts.stream.write(`${CLEAR_LINE}${progressLine(counts, t - start).slice(0, width)}`);
      drawn = true;
    },
    done() {
      if (drawn) opts.stream.write(CLEAR_LINE);
      drawn = false;
    }
  };
}
