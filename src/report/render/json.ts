import { isSequence } from '../../collections/sequence.js';
import type { Report } from '../report.js';

const INDENT = '  ';

/**
 * `JSON.stringify(value, null, 2)` of a top-level object, in pieces: its arrays one element at a
 * time, so a report of a million findings is never one string (V8 caps a string near 512 MiB, and
 * one that size would be held twice while written). The pieces joined are exactly that text.
 */
export function* prettyJsonChunks(value: Record<string, unknown>): Generator<string> {
  const entries = Object.entries(value).filter(([, v]) => isSequence(v) || JSON.stringify(v) !== undefined);
  if (entries.length === 0) {
    yield '{}';
    return;
  }
  yield '{\n';
  for (const [i, [key, v]] of entries.entries()) {
    const comma = i < entries.length - 1 ? ',' : '';
    const head = `${INDENT}${JSON.stringify(key)}: `;
    // A list (an array, or one a large run spilled to disk) is walked: its elements are never one string.
    if (!isSequence(v) || v.length === 0) {
      yield `${head}${indented(isSequence(v) ? [] : v, INDENT)}${comma}\n`;
      continue;
    }
    yield `${head}[\n`;
    let left = v.length;
    for (const element of v) {
      // An element JSON cannot hold (undefined, a function) is `null` inside an array, as in JSON.stringify.
      const text = indented(element, INDENT + INDENT) ?? 'null';
      yield `${INDENT}${INDENT}${text}${--left > 0 ? ',' : ''}\n`;
    }
    yield `${INDENT}]${comma}\n`;
  }
  yield '}';
}

/** One value pretty-printed as it would be when nested at `indent`. */
function indented(value: unknown, indent: string): string | undefined {
  return JSON.stringify(value, null, 2)?.replace(/\n/g, `\n${indent}`);
}

/** The report as the JSON document described by schemas/report.schema.json, in pieces (see prettyJsonChunks). */
export function* renderJsonChunks(report: Report): Generator<string> {
  yield* prettyJsonChunks(report as unknown as Record<string, unknown>);
  yield '\n';
}

/** The report as one string (small reports, tests). */
export function renderJson(report: Report): string {
  return [...renderJsonChunks(report)].join('');
}
