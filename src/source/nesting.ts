/**
 * Nesting bounds for untrusted manifests. The parsers (jsonc-parser, yaml's composer), ajv and
 * JSON.stringify all recurse once per level, so a few kilobytes of `[[[[` can overflow the stack
 * (or, in yaml, exhaust memory). Depth is measured here without recursion, before those run.
 */
import type { CST } from 'yaml';
import type { ReadProblem, SourceDocument } from './document.js';
import type { LineIndex, PathSegment } from './span.js';

/** Real manifests nest a handful of levels; 64 leaves room and stays far from any stack limit. */
export const MAX_NESTING = 64;

function tooDeep(depth: number, lines: LineIndex, offset: number): ReadProblem {
  return {
    reason: `nested ${depth} levels deep; the limit is ${MAX_NESTING}`,
    span: lines.span(offset, offset + 1)
  };
}

/**
 * What one linear pass over JSON text finds: its depth and its object members. Strings and comments
 * are skipped where jsonc-parser's scanner skips them, so every bracket it will recurse into counts.
 */
export interface JsonShape {
  deepest: number;
  /** Offset of the bracket that passed MAX_NESTING, or -1. */
  passedAt: number;
  /** Colons outside strings: in valid JSON, one per object member (duplicates included). */
  members: number;
}

export function jsonShape(text: string): JsonShape {
  // The open brackets, innermost last: jsonc-parser closes a container only with its own bracket
  // (a stray one is skipped while it recovers), so a count that let `}` close `[` could fall short.
  const open: number[] = [];
  let deepest = 0;
  let passedAt = -1;
  let members = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // A string: skip to its closing quote (a backslash escapes the next character). A line break
      // ends it too, as it does for jsonc-parser, which must not meet brackets this pass skipped.
      for (i++; i < length; i++) {
        const s = text.charCodeAt(i);
        if (s === 0x5c) i++;
        else if (s === 0x22 || s === 0x0a || s === 0x0d) break;
      }
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2f) {
      // A line comment (not JSON, but jsonc-parser reads past it to report it): skip to the line break.
      while (i + 1 < length && text.charCodeAt(i + 1) !== 0x0a && text.charCodeAt(i + 1) !== 0x0d) i++;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a) {
      // A block comment: skip past its `*/` (or to the end).
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? length : end + 1;
    } else if (c === 0x3a) members++;
    else if (c === 0x5b || c === 0x7b) {
      open.push(c);
      if (open.length > deepest) deepest = open.length;
      if (open.length > MAX_NESTING && passedAt < 0) passedAt = i;
    } else if ((c === 0x5d || c === 0x7d) && open.length > 0 && open[open.length - 1] === c - 2) open.pop();
  }
  return { deepest, passedAt, members };
}

/** Bracket depth of JSON text (strings skipped), pointing at the bracket that passed the limit. */
export function jsonNestingProblem(text: string, lines: LineIndex, shape = jsonShape(text)): ReadProblem | undefined {
  return shape.passedAt >= 0 ? tooDeep(shape.deepest, lines, shape.passedAt) : undefined;
}

/** Characters after which (spaces skipped) a YAML value may begin: a flow collection or quoted scalar. */
const VALUE_START = new Set(['', '\n', '[', '{', ',', ':', '-', '?']);
/** Characters that never begin a plain scalar in block context (quotes are read as quoted scalars). */
const INDICATORS = new Set(['[', '{', ']', '}', ',', ':', '-', '?', '#', '|', '>', '"', "'", '&', '*', '!']);

/**
 * A linear pre-check of YAML text for the nesting yaml's own parser is slow on (thousands of
 * levels cost it seconds): flow brackets, plus compact `- - -` runs, counted only where a value may
 * start, skipping quoted scalars and comments. It only undercounts (indentation is ignored), so
 * what it refuses is really that deep; the syntax tree check after it is the exact one.
 */
export function yamlTextNestingProblem(text: string, lines: LineIndex): ReadProblem | undefined {
  let flow = 0;
  let compact = 0;
  let prev = ''; // last significant character ('' after spaces at the start of a line)
  let deepest = 0;
  let passedAt = -1;
  const reach = (depth: number, at: number) => {
    if (depth > deepest) deepest = depth;
    if (depth > MAX_NESTING && passedAt < 0) passedAt = at;
  };
  let lineStart = 0;
  let plain = false;
  /** Column of the node a block scalar on this line would belong to (the key, or the `-` of `- |`). */
  let nodeColumn = -1;
  let dashColumn = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === ' ' || c === '\t') continue;
    if (c === '\n' || c === '\r') {
      if (flow === 0) prev = '';
      compact = 0;
      lineStart = i + 1;
      nodeColumn = -1;
      plain = false;
      continue;
    }
    if (c === '-' && /\s/.test(text[i + 1] ?? ' ')) dashColumn = i - lineStart;
    else if (nodeColumn < 0) nodeColumn = i - lineStart;
    if ((c === '|' || c === '>') && flow === 0 && VALUE_START.has(prev)) {
      // A block scalar is text: skip its lines (blank or indented deeper than its node).
      const parent = prev === '-' ? dashColumn : Math.max(nodeColumn, 0);
      i = skipBlockScalar(text, i, parent);
      prev = '';
      compact = 0;
      lineStart = i + 1;
      nodeColumn = -1;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
      continue;
    }
    const start = VALUE_START.has(prev);
    if ((c === '&' || c === '!') && start) {
      // An anchor or a tag before a value: skip its name; the value may still begin after it.
      while (i + 1 < text.length && !/\s/.test(text[i + 1])) i++;
      continue;
    }
    // Outside brackets, text that is not an indicator begins a plain scalar (or a key): brackets after it are text.
    if (flow === 0) {
      if (c === ':' && /\s/.test(text[i + 1] ?? ' ')) plain = false;
      else if (!INDICATORS.has(c)) plain = true;
    }
    if (start && (c === '"' || c === "'")) {
      // Quoted scalar: '' escapes a single quote, backslash escapes in double quotes.
      for (i++; i < text.length; i++) {
        if (c === '"' && text[i] === '\\') i++;
        else if (text[i] === c) {
          if (c === "'" && text[i + 1] === "'") i++;
          else break;
        }
      }
      prev = c;
      continue;
    }
    if ((c === '[' || c === '{') && ((start && !plain) || flow > 0)) {
      flow++;
      reach(compact + flow, i);
    } else if ((c === ']' || c === '}') && flow > 0) {
      flow--;
    } else if (
      c === '-' &&
      flow === 0 &&
      (prev === '' || (prev === '-' && compact > 0)) &&
      /\s/.test(text[i + 1] ?? ' ')
    ) {
      // `- - - x` on one line: each dash opens a sequence inside the previous one.
      compact++;
      reach(compact, i);
    }
    prev = c;
  }
  return passedAt >= 0 ? tooDeep(deepest, lines, passedAt) : undefined;
}

/**
 * From a block scalar's indicator, the offset of the newline that ends its last content line: the
 * header line, then every line that is blank or indented more than `parentColumn`.
 */
function skipBlockScalar(text: string, from: number, parentColumn: number): number {
  let end = text.indexOf('\n', from);
  while (end >= 0 && end + 1 < text.length) {
    let next = text.indexOf('\n', end + 1);
    if (next < 0) next = text.length;
    const line = text.slice(end + 1, next).replace(/\r$/, '');
    const indent = line.length - line.trimStart().length;
    if (line.trim() !== '' && indent <= parentColumn) break;
    end = next;
  }
  return end < 0 ? text.length : end;
}

function isCollection(token: CST.Token): token is CST.BlockMap | CST.BlockSequence | CST.FlowCollection {
  return token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection';
}

/** Collection depth of yaml's concrete syntax tree (built without recursion), before it is composed. */
export function yamlNestingProblem(tokens: readonly CST.Token[], lines: LineIndex): ReadProblem | undefined {
  const stack: { token: CST.Token; depth: number }[] = [];
  for (const token of tokens)
    if (token.type === 'document' && token.value) stack.push({ token: token.value, depth: 0 });
  let deepest = 0;
  let passedAt = -1;
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (!isCollection(token)) continue;
    const level = depth + 1;
    if (level > deepest) deepest = level;
    if (level > MAX_NESTING && (passedAt < 0 || token.offset < passedAt)) passedAt = token.offset;
    for (const item of token.items) {
      const pair = item as { key?: CST.Token | null; value?: CST.Token };
      if (pair.key) stack.push({ token: pair.key, depth: level });
      if (pair.value) stack.push({ token: pair.value, depth: level });
    }
  }
  return passedAt >= 0 ? tooDeep(deepest, lines, passedAt) : undefined;
}

function entriesOf(value: object): [PathSegment, unknown][] {
  return Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
}

/**
 * Depth of a parsed value, which YAML aliases can make deeper than its text: each alias repeats its
 * anchor's whole subtree. Shared subtrees are measured once (post-order, memoised), so an alias
 * bomb costs its number of distinct nodes. Points at the alias (or value) where the limit passed.
 */
export function valueNestingProblem(doc: SourceDocument): ReadProblem | undefined {
  const height = new Map<object, number>();
  const open = new Set<object>(); // on the current branch: meeting one again is a cycle
  const heightOf = (v: unknown) => (v !== null && typeof v === 'object' ? (height.get(v) ?? 0) : 0);
  const stack: { value: object; path: PathSegment[]; expanded: boolean }[] = [];
  if (doc.value !== null && typeof doc.value === 'object') stack.push({ value: doc.value, path: [], expanded: false });
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (height.has(top.value)) {
      stack.pop();
    } else if (!top.expanded) {
      top.expanded = true;
      open.add(top.value);
      for (const [key, child] of entriesOf(top.value)) {
        if (child === null || typeof child !== 'object' || height.has(child)) continue;
        // An alias inside its own anchor (`&a [*a]`): yaml builds a cyclic value, infinitely deep.
        if (open.has(child)) {
          return {
            reason: 'it nests a YAML anchor inside itself through an alias, which is infinitely deep',
            span: doc.nearestSpan([...top.path, key])
          };
        }
        stack.push({ value: child, path: [...top.path, key], expanded: false });
      }
    } else {
      stack.pop();
      open.delete(top.value);
      let tallest = 0;
      for (const [, child] of entriesOf(top.value)) tallest = Math.max(tallest, heightOf(child));
      height.set(top.value, 1 + tallest);
    }
  }
  const deepest = heightOf(doc.value);
  if (deepest <= MAX_NESTING) return undefined;
  // Follow the deepest branch to the level that passed the limit.
  const path: PathSegment[] = [];
  let node: unknown = doc.value;
  for (let level = 1; level < MAX_NESTING + 1; level++) {
    const next = entriesOf(node as object).find(([, v]) => heightOf(v) === heightOf(node) - 1)!;
    path.push(next[0]);
    node = next[1];
  }
  return {
    reason: `nested ${deepest} levels deep once YAML aliases are expanded; the limit is ${MAX_NESTING}`,
    span: doc.nearestSpan(path)
  };
}
