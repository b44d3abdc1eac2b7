/** A 1-based, inclusive-start / exclusive-end range in a source file. */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A step into a parsed value: an object key or an array index. */
export type PathSegment = string | number;

/** Span of the first line of a file: where findings about a whole file point. */
export const FILE_START: Span = { line: 1, column: 1, endLine: 1, endColumn: 1 };

/**
 * Turns offsets into 1-based line/column pairs (binary search over line starts). The line starts
 * are found on the first question: most documents are asked for a few spans, some for none.
 */
export class LineIndex {
  private starts: number[] | undefined;

  constructor(
    private text: string,
    private readonly lineOffset = 0
  ) {}

  private lineStarts(): number[] {
    if (this.starts) return this.starts;
    const starts = [0];
    const text = this.text;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.text = ''; // only the line starts are needed from now on
    return (this.starts = starts);
  }

  position(offset: number): { line: number; column: number } {
    const starts = this.lineStarts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1 + this.lineOffset, column: offset - starts[lo] + 1 };
  }

  span(start: number, end: number): Span {
    const a = this.position(start);
    const b = this.position(Math.max(start, end));
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }
}
