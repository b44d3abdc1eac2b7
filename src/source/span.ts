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

/** Turns offsets into 1-based line/column pairs (binary search over line starts). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(
    text: string,
    private readonly lineOffset = 0
  ) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1 + this.lineOffset, column: offset - this.starts[lo] + 1 };
  }

  span(start: number, end: number): Span {
    const a = this.position(start);
    const b = this.position(Math.max(start, end));
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }
}
