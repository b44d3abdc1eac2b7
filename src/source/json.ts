import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { TreeDocument, type PositionedNode } from './tree-document.js';
import { LineIndex, type PathSegment } from './span.js';
import type { ReadProblem, SourceDocument } from './document.js';
import { jsonNestingProblem, jsonShape } from './nesting.js';
import { duplicateKeyProblem } from './duplicate-key.js';

interface Duplicate {
  path: PathSegment[];
  key: string;
  firstStart: number;
  secondStart: number;
  secondEnd: number;
}

/**
 * Depth is bounded (jsonNestingProblem) before this recursion runs. `path` is one shared stack,
 * copied only when a duplicate is found: most manifests have none, and some have long arrays.
 */
function toPositioned(node: Node, path: PathSegment[], dup: { first?: Duplicate }): PositionedNode {
  const out: PositionedNode = { start: node.offset, end: node.offset + node.length };
  if (node.type === 'object') {
    out.children = new Map();
    for (const prop of node.children ?? []) {
      const [key, value] = prop.children ?? [];
      if (!key || typeof key.value !== 'string') continue;
      const earlier = out.children.get(key.value);
      if (earlier?.keyStart !== undefined && !dup.first) {
        dup.first = {
          path: [...path],
          key: key.value,
          firstStart: earlier.keyStart,
          secondStart: key.offset,
          secondEnd: key.offset + key.length
        };
      }
      path.push(key.value);
      const child = value ? toPositioned(value, path, dup) : { start: key.offset, end: key.offset + key.length };
      path.pop();
      child.keyStart = key.offset;
      child.keyEnd = key.offset + key.length;
      out.children.set(key.value, child);
    }
  } else if (node.type === 'array') {
    out.children = new Map();
    (node.children ?? []).forEach((item, i) => {
      path.push(i);
      out.children!.set(i, toPositioned(item, path, dup));
      path.pop();
    });
  }
  return out;
}

/**
 * Strict JSON (no comments, no trailing commas, no duplicate keys) with positions for every value.
 * Valid JSON is parsed once, by JSON.parse; its positions are found on the first question about one.
 * Text JSON.parse refuses, or with fewer keys than members (a duplicate), goes to jsonc-parser,
 * which names the error and where it is.
 */
export function parseJsonDocument(text: string): { doc: SourceDocument } | { problem: ReadProblem } {
  const lines = new LineIndex(text);
  const shape = jsonShape(text);
  const deep = jsonNestingProblem(text, lines, shape);
  if (deep) return { problem: deep };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return parseWithErrors(text, lines);
  }
  // JSON.parse keeps the last of two equal keys: each object member outside strings has one colon.
  if (keyCount(value) !== shape.members) return parseWithErrors(text, lines);
  return { doc: new TreeDocument(value, () => positionsOf(text), lines) };
}

/** Keys of every object in a parsed value (iterative: depth is bounded, but cheaply so). */
function keyCount(value: unknown): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (const item of v) if (item !== null && typeof item === 'object') stack.push(item);
      continue;
    }
    const obj = v as Record<string, unknown>;
    const keys = Object.keys(obj);
    count += keys.length;
    for (const key of keys) {
      const item = obj[key];
      if (item !== null && typeof item === 'object') stack.push(item);
    }
  }
  return count;
}

/**
 * The positioned tree of JSON text that JSON.parse accepted and that has no duplicate keys: the
 * offsets jsonc-parser's tree gives (values from their first to their last character, keys with
 * their quotes). Depth is bounded (jsonNestingProblem) before this recursion runs.
 */
function positionsOf(text: string): PositionedNode {
  let i = 0;
  const skipSpace = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else return;
    }
  };
  /** From an opening quote at `i`, the offset after the closing one. */
  const stringEnd = () => {
    let j = i + 1;
    for (;;) {
      const c = text.charCodeAt(j);
      if (c === 0x5c) j += 2;
      else if (c === 0x22) return j + 1;
      else j++;
    }
  };
  const node = (): PositionedNode => {
    skipSpace();
    const start = i;
    const c = text.charCodeAt(i);
    if (c === 0x7b || c === 0x5b) {
      const children = new Map<PathSegment, PositionedNode>();
      const close = c === 0x7b ? 0x7d : 0x5d;
      i++;
      skipSpace();
      if (text.charCodeAt(i) === close) return { start, end: ++i, children };
      for (let index = 0; ; index++) {
        if (c === 0x7b) {
          skipSpace();
          const keyStart = i;
          const keyEnd = stringEnd();
          const raw = text.slice(keyStart + 1, keyEnd - 1);
          const key = raw.includes('\\') ? (JSON.parse(text.slice(keyStart, keyEnd)) as string) : raw;
          i = keyEnd;
          skipSpace();
          i++; // the colon
          const child = node();
          child.keyStart = keyStart;
          child.keyEnd = keyEnd;
          children.set(key, child);
        } else {
          children.set(index, node());
        }
        skipSpace();
        if (text.charCodeAt(i++) === close) return { start, end: i, children };
      }
    }
    if (c === 0x22) {
      i = stringEnd();
      return { start, end: i };
    }
    // A number or a literal: up to the next delimiter.
    for (;;) {
      const d = text.charCodeAt(i);
      if (
        i >= text.length ||
        d === 0x2c ||
        d === 0x5d ||
        d === 0x7d ||
        d === 0x20 ||
        d === 0x0a ||
        d === 0x0d ||
        d === 0x09
      )
        return { start, end: i };
      i++;
    }
  };
  return node();
}

/** The first error jsonc-parser finds (or the first duplicate key), else the document after all. */
function parseWithErrors(text: string, lines: LineIndex): { doc: SourceDocument } | { problem: ReadProblem } {
  const errors: ParseError[] = [];
  let tree: Node | undefined;
  try {
    tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  } catch (err) {
    // jsonc-parser recurses once per level it opens while recovering from errors; the pre-count bounds
    // that, and this keeps one unforeseen text from ending the whole run if it ever does not.
    if (!(err instanceof RangeError)) throw err;
    return { problem: { reason: 'not valid JSON, and nested too deep to read' } };
  }
  if (errors.length > 0 || !tree) {
    const first = errors[0];
    const at = first ? lines.span(first.offset, first.offset + Math.max(first.length, 1)) : undefined;
    const what = first ? describeJsonError(printParseErrorCode(first.error)) : 'empty file';
    return { problem: { reason: `not valid JSON: ${what}`, span: at } };
  }
  const dup: { first?: Duplicate } = {};
  const root = toPositioned(tree, [], dup);
  // JSON.parse keeps the last of two equal keys and other tools the first: refuse to guess.
  if (dup.first) {
    const { path, key, firstStart, secondStart, secondEnd } = dup.first;
    return { problem: duplicateKeyProblem(path, key, firstStart, secondStart, secondEnd, lines) };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { problem: { reason: `not valid JSON: ${(err as Error).message}` } };
  }
  return { doc: new TreeDocument(value, root, lines) };
}

function describeJsonError(code: string): string {
  // printParseErrorCode gives e.g. "CommaExpected"; make it read like a sentence.
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
