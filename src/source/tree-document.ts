import type { SourceDocument } from './document.js';
import { FILE_START, type LineIndex, type PathSegment, type Span } from './span.js';

/** A syntax-neutral node: offsets of the value and (for properties) of the key. */
export interface PositionedNode {
  start: number;
  end: number;
  keyStart?: number;
  keyEnd?: number;
  children?: Map<PathSegment, PositionedNode>;
}

/**
 * SourceDocument over a tree of positioned nodes, shared by the JSON and YAML readers. The tree may
 * be given as a function, called on the first question about a position (never, for some documents).
 */
export class TreeDocument implements SourceDocument {
  private tree: PositionedNode | undefined | (() => PositionedNode | undefined);

  constructor(
    readonly value: unknown,
    root: PositionedNode | undefined | (() => PositionedNode | undefined),
    private readonly lines: LineIndex
  ) {
    this.tree = root;
  }

  private get root(): PositionedNode | undefined {
    if (typeof this.tree === 'function') this.tree = this.tree();
    return this.tree;
  }

  private find(path: readonly PathSegment[]): { node?: PositionedNode; nearest?: PositionedNode } {
    const root = this.root;
    let node = root;
    let nearest = root;
    for (const seg of path) {
      node = node?.children?.get(seg);
      if (!node) return { nearest };
      nearest = node;
    }
    return { node, nearest };
  }

  spanOf(path: readonly PathSegment[]): Span | undefined {
    const { node } = this.find(path);
    return node ? this.lines.span(node.start, node.end) : undefined;
  }

  keySpanOf(path: readonly PathSegment[]): Span | undefined {
    const { node } = this.find(path);
    if (!node) return undefined;
    if (node.keyStart !== undefined && node.keyEnd !== undefined) return this.lines.span(node.keyStart, node.keyEnd);
    return this.lines.span(node.start, node.end);
  }

  nearestSpan(path: readonly PathSegment[]): Span {
    const { node, nearest } = this.find(path);
    const target = node ?? nearest;
    if (!target) return FILE_START;
    if (!node && target.keyStart !== undefined && target.keyEnd !== undefined) {
      return this.lines.span(target.keyStart, target.keyEnd);
    }
    // For a whole object, point at its first line rather than the entire block.
    const span = this.lines.span(target.start, target.end);
    return target.children && !node
      ? { line: span.line, column: span.column, endLine: span.line, endColumn: span.column + 1 }
      : span;
  }
}
