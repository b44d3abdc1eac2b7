/**
 * Reading values out of a parsed manifest together with where they were written. Manifests are
 * untrusted, so every accessor checks the shape it gets instead of assuming the format's schema.
 */
import type { SourceRef } from '../lineage/record.js';
import { FILE_START, type PathSegment } from '../source/span.js';
import type { FormatInput } from './format.js';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Own property only: `constructor` or `__proto__` in a manifest must not reach Object.prototype. */
export function own(obj: unknown, key: string): unknown {
  return isObject(obj) && Object.hasOwn(obj, key) ? obj[key] : undefined;
}

export function hasKey(obj: unknown, key: string): boolean {
  return isObject(obj) && Object.hasOwn(obj, key);
}

/** The value at `path` inside `root`, or undefined when any step is missing. */
export function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let node = root;
  for (const seg of path) {
    if (typeof seg === 'number') node = Array.isArray(node) ? node[seg] : undefined;
    else node = own(node, seg);
    if (node === undefined) return undefined;
  }
  return node;
}

/** Dotted field name as findings print it: `provenance.upstream_model_id`, `base_model[1]`. */
export function fieldName(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : seg;
  return out;
}

/** Where the value at `path` was written (its exact span; the nearest existing ancestor otherwise). */
export function sourceAt(input: FormatInput, path: readonly PathSegment[]): SourceRef {
  return { path: input.path, field: fieldName(path), at: input.doc.spanOf(path) ?? input.doc.nearestSpan(path) };
}

/** The first key of the document (or line 1): where "this manifest lacks X" findings point. */
export function anchorOf(input: FormatInput): SourceRef {
  const value = input.doc.value;
  const first = isObject(value) ? Object.keys(value)[0] : undefined;
  const at = first !== undefined ? input.doc.keySpanOf([first]) : undefined;
  return { path: input.path, field: first ?? '', at: at ?? FILE_START };
}

/** Longest value quoted back into a record or message; a hostile manifest cannot flood a report. */
const MAX_QUOTED = 200;

/** A value as written, for `raw`: strings as they are, null as null, anything else as bounded JSON. */
export function rawText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  const json = JSON.stringify(value) ?? String(value);
  return json.length > MAX_QUOTED ? `${json.slice(0, MAX_QUOTED - 1)}…` : json;
}

/** A string value at `path`, with its source; undefined for absent, null or non-string values. */
export function stringAt(
  input: FormatInput,
  path: readonly PathSegment[]
): { value: string; source: SourceRef } | undefined {
  const value = valueAt(input.doc.value, path);
  return typeof value === 'string' ? { value, source: sourceAt(input, path) } : undefined;
}
