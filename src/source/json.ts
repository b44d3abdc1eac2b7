import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { TreeDocument, type PositionedNode } from './tree-document.js';
import { LineIndex, type PathSegment } from './span.js';
import type { ReadProblem, SourceDocument } from './document.js';
import { jsonNestingProblem } from './nesting.js';
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

/** Strict JSON (no comments, no trailing commas, no duplicate keys) with positions for every value. */
export function parseJsonDocument(text: string): { doc: SourceDocument } | { problem: ReadProblem } {
  const lines = new LineIndex(text);
  const deep = jsonNestingProblem(text, lines);
  if (deep) return { problem: deep };
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
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
