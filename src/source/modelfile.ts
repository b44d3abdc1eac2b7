/**
 * Ollama Modelfiles with positions. The document is one list per instruction, in the order the
 * instructions first appear: `{ from: ['llama3.2'], parameter: [{ name, value }], license: [...] }`.
 * Lines are read the way Ollama reads them (parser/parser.go): instruction names in any case, `#`
 * comments at the start of an instruction, values running to the end of the line unless they open
 * a `"` or `"""` quote, which then runs on until a line ends with the closing quote.
 */
import type { ReadProblem, SourceDocument } from './document.js';
import { LineIndex } from './span.js';
import { TreeDocument, type PositionedNode } from './tree-document.js';

/** The instructions Ollama accepts, lower-cased (its `isValidCommand`). */
export const MODELFILE_INSTRUCTIONS: ReadonlySet<string> = new Set([
  'from',
  'adapter',
  'parameter',
  'template',
  'system',
  'license',
  'message',
  'requires',
  'draft',
  'renderer',
  'parser'
]);

/** Where lines that are no Modelfile instruction (`RUN …`, `{"a": 1}`) are listed, so detection can refuse them. */
export const UNRECOGNISED_KEY = 'unrecognised';

/** Instructions whose value starts with a word of its own: `PARAMETER <name> <value>`, `MESSAGE <role> <text>`. */
const TWO_PART: Readonly<Record<string, readonly [string, string]>> = {
  parameter: ['name', 'value'],
  message: ['role', 'content']
};

type Item = { value: unknown; node: PositionedNode };

const isBlank = (c: string) => c === ' ' || c === '\t';
const isNewline = (c: string) => c === '\n' || c === '\r';

/** The offset where the line holding `from` ends (at its newline, or the end of the text). */
function lineEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && !isNewline(text[i])) i++;
  return i;
}

function skipBlanks(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && isBlank(text[i])) i++;
  return i;
}

/** One word: up to the next blank or newline. */
function wordEnd(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && !isBlank(text[i])) i++;
  return i;
}

/** End of the value, blanks trimmed, before `end`. */
function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && isBlank(text[e - 1])) e--;
  return e;
}

interface Value {
  start: number;
  /** End of the value as written (after a closing quote). */
  end: number;
  /** Offset after the line the value ends on. */
  next: number;
  text: string;
}

/**
 * A value starting at `start` (blanks already skipped). Ollama ends a value at a newline once the
 * text so far (trimmed) is unquoted or closes its quote, so `"""` and `"` values span lines.
 * Each line is looked at once: the closing test only needs the line's own trimmed end.
 */
function readValue(text: string, start: number): Value | { unclosed: number; quote: string } {
  const quote = text.startsWith('"""', start) ? '"""' : text[start] === '"' ? '"' : '';
  let end = lineEnd(text, start);
  let last = trimEnd(text, start, end);
  for (;;) {
    const closed = quote === '' || (last - start >= quote.length * 2 && text.startsWith(quote, last - quote.length));
    if (closed) {
      const inner = quote ? text.slice(start + quote.length, last - quote.length) : text.slice(start, last);
      return { start, end: last, next: end, text: inner };
    }
    if (end >= text.length) return { unclosed: start, quote };
    // A blank line keeps the previous line's trimmed end, which did not close the quote either.
    const lineStart = end + (text[end] === '\r' && text[end + 1] === '\n' ? 2 : 1);
    end = lineEnd(text, lineStart);
    const lineLast = trimEnd(text, lineStart, end);
    if (lineLast > lineStart) last = lineLast;
  }
}

function stringNode(start: number, end: number, keyStart: number, keyEnd: number): PositionedNode {
  return { start, end, keyStart, keyEnd };
}

/**
 * The instruction whose name runs from `start` to `nameEnd` on a line ending at `end`: its value
 * (with `PARAMETER`'s name or `MESSAGE`'s role first), and the offset after it.
 */
function readInstruction(
  text: string,
  key: string,
  span: { start: number; nameEnd: number; end: number },
  lines: LineIndex
): { item: Item; next: number } | { problem: ReadProblem } {
  let at = skipBlanks(text, span.nameEnd, span.end);
  const parts = TWO_PART[key];
  let first: { value: string; start: number; end: number } | undefined;
  if (parts) {
    const firstEnd = wordEnd(text, at, span.end);
    first = { value: text.slice(at, firstEnd), start: at, end: firstEnd };
    at = skipBlanks(text, firstEnd, span.end);
  }
  const value = readValue(text, at);
  if ('unclosed' in value) {
    const where = lines.span(value.unclosed, value.unclosed + value.quote.length);
    const name = text.slice(span.start, span.nameEnd);
    const reason =
      `its ${name} value opens a \`${value.quote}\` quote on line ${where.line} that never closes: ` +
      `end the value with \`${value.quote}\``;
    return { problem: { reason, span: where } };
  }
  if (!parts || !first) {
    return {
      item: { value: value.text, node: stringNode(value.start, value.end, span.start, span.nameEnd) },
      next: value.next
    };
  }
  const children = new Map<string, PositionedNode>([
    [parts[0], stringNode(first.start, first.end, first.start, first.end)],
    [parts[1], stringNode(value.start, value.end, value.start, value.end)]
  ]);
  const node: PositionedNode = {
    start: span.start,
    end: value.end,
    keyStart: span.start,
    keyEnd: span.nameEnd,
    children
  };
  return { item: { value: { [parts[0]]: first.value, [parts[1]]: value.text }, node }, next: value.next };
}

/**
 * Parse a Modelfile. Never throws; the only problem is a quote that never closes (Ollama refuses
 * such a file too). Lines that are not instructions are kept under `unrecognised`.
 */
export function parseModelfile(text: string): { doc: SourceDocument } | { problem: ReadProblem } {
  // Ollama ends lines at CR as well as LF: count lone CRs as line breaks for positions (same offsets).
  const lines = new LineIndex(text.replace(/\r(?!\n)/g, '\n'));
  const lists = new Map<string, Item[]>();
  const add = (key: string, item: Item) => {
    const list = lists.get(key);
    if (list) list.push(item);
    else lists.set(key, [item]);
  };
  let i = text.startsWith('\uFEFF') ? 1 : 0;
  while (i < text.length) {
    const c = text[i];
    if (isBlank(c) || isNewline(c)) {
      i++;
      continue;
    }
    const end = lineEnd(text, i);
    if (c === '#') {
      i = end;
      continue;
    }
    const nameEnd = wordEnd(text, i, end);
    const key = text.slice(i, nameEnd).toLowerCase();
    if (!MODELFILE_INSTRUCTIONS.has(key) || nameEnd >= end) {
      // Not an instruction (or one with nothing after it, which Ollama refuses): kept as written.
      const lineEndTrimmed = trimEnd(text, i, end);
      add(UNRECOGNISED_KEY, { value: text.slice(i, lineEndTrimmed), node: stringNode(i, lineEndTrimmed, i, nameEnd) });
      i = end;
      continue;
    }
    const read = readInstruction(text, key, { start: i, nameEnd, end }, lines);
    if ('problem' in read) return read;
    add(key, read.item);
    i = read.next;
  }
  return { doc: toDocument(text, lists, lines) };
}

function toDocument(text: string, lists: Map<string, Item[]>, lines: LineIndex): SourceDocument {
  // Only the fixed instruction names (and `unrecognised`) become keys, so `__proto__` cannot be one.
  const value: Record<string, unknown[]> = {};
  const root: PositionedNode = { start: 0, end: text.length, children: new Map() };
  for (const [key, items] of lists) {
    value[key] = items.map((item) => item.value);
    const first = items[0].node;
    const list: PositionedNode = {
      start: first.keyStart ?? first.start,
      end: items[items.length - 1].node.end,
      keyStart: first.keyStart,
      keyEnd: first.keyEnd,
      children: new Map(items.map((item, index) => [index, item.node]))
    };
    root.children!.set(key, list);
  }
  return new TreeDocument(value, root, lines);
}
