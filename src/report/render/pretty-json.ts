/**
 * The one pretty JSON writer of every document the gate writes (the JSON report, SARIF, the BOM, the
 * in-toto statement): the text of `JSON.stringify(value, null, 2)`, never held as one string.
 */
const INDENT = '  ';

/** A list to write an element at a time: an array, or any iterable object (a list spilled to disk, a generator). */
function isList(value: unknown): value is Iterable<unknown> {
  return (
    typeof value === 'object' && value !== null && typeof (value as Iterable<unknown>)[Symbol.iterator] === 'function'
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || isList(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** An object with a list to walk among its own values (a SARIF run's results, inside the `runs` array). */
function holdsStreamedList(value: Record<string, unknown>): boolean {
  for (const key in value) {
    const v = value[key];
    if (isList(v) && !Array.isArray(v)) return true;
  }
  return false;
}

/**
 * `JSON.stringify(value, null, 2)`, in pieces: the document's own objects are opened key by key and
 * its lists (arrays or iterables: a spilled list, a generator) walked an element at a time, each
 * element written whole unless it is an object holding such a list itself (then it is opened too).
 * So a report of a million findings is never one string (V8 caps a string near 512 MiB, and one that
 * size would be held twice while written), and a list can be made while it is written. The pieces
 * joined are exactly that text.
 */
export function* prettyJsonChunks(value: unknown, indent = ''): Generator<string> {
  const inner = indent + INDENT;
  if (isList(value)) {
    let first = true;
    for (const element of value) {
      yield first ? `[\n${inner}` : `,\n${inner}`;
      first = false;
      // An element holding a list to walk is opened too; any other is written whole, and one JSON
      // cannot hold (undefined, a function) is `null` inside an array, as in JSON.stringify.
      if (isPlainObject(element) && holdsStreamedList(element)) yield* prettyJsonChunks(element, inner);
      else yield indented(element, inner) ?? 'null';
    }
    yield first ? '[]' : `\n${indent}]`;
    return;
  }
  if (isPlainObject(value)) {
    let first = true;
    for (const [key, v] of Object.entries(value)) {
      if (!isList(v) && !isPlainObject(v) && JSON.stringify(v) === undefined) continue;
      yield `${first ? '{\n' : ',\n'}${inner}${JSON.stringify(key)}: `;
      first = false;
      yield* prettyJsonChunks(v, inner);
    }
    yield first ? '{}' : `\n${indent}}`;
    return;
  }
  yield indented(value, indent) ?? 'null';
}

/** Around a value nested `depth` lists deep, the text JSON.stringify(…, null, 2) puts before and after it. */
const wrappers: { before: number; after: number }[] = [];

function wrapperAt(depth: number): { before: number; after: number } {
  let known = wrappers[depth];
  if (!known) {
    const text = JSON.stringify(nest(0, depth), null, 2);
    const before = text.indexOf('0');
    wrappers[depth] = known = { before, after: text.length - before - 1 };
  }
  return known;
}

function nest(value: unknown, depth: number): unknown {
  let nested = value;
  for (let i = 0; i < depth; i++) nested = [nested];
  return nested;
}

/**
 * One value pretty-printed as it would be when nested at `indent`: stringified inside as many
 * one-element lists as `indent` has levels, and cut out (a slice, not a copy: adding the indentation
 * afterwards copied every element, a quarter of what a large report allocated). Nested, a value JSON
 * cannot hold is `null`, as it is in a list.
 */
function indented(value: unknown, indent: string): string | undefined {
  if (indent === '') return JSON.stringify(value, null, 2);
  const depth = indent.length / INDENT.length;
  const { before, after } = wrapperAt(depth);
  const text = JSON.stringify(nest(value, depth), null, 2);
  return text.slice(before, text.length - after);
}
