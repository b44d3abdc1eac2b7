/**
 * Which lines of the head version a pull request's diff shows: review comments can only be
 * placed on those (added lines and the context around them), everything else goes to a review's
 * body. GitHub's `patch` field holds bare hunks without file headers, so a few lines of parsing
 * suffice where diff libraries expect whole `diff --git` documents.
 */

/** Inclusive range of head-side line numbers, `[first, last]`. */
export type LineRange = readonly [number, number];

const HUNK_HEADER = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/;

/** The head-side ranges each hunk covers (a hunk's `+start,count`; count 0 = pure deletion). */
export function headLinesOfPatch(patch: string): LineRange[] {
  const ranges: LineRange[] = [];
  for (const line of patch.split('\n')) {
    const m = HUNK_HEADER.exec(line);
    if (!m) continue;
    const start = Number(m[1]);
    const count = m[2] === undefined ? 1 : Number(m[2]);
    if (count > 0 && start > 0) ranges.push([start, start + count - 1]);
  }
  return ranges;
}

export function lineInRanges(line: number, ranges: readonly LineRange[]): boolean {
  return ranges.some(([first, last]) => line >= first && line <= last);
}
