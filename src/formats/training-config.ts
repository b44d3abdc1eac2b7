/**
 * Field readers shared by the training-tool config formats (axolotl, LLaMA-Factory, mlx_lm,
 * torchtune): these files are written by hand, so a value may be a comma-separated list, an empty
 * key, or sit under one of several key names depending on the tool's version.
 */
import type { SourceRef } from '../lineage/record.js';
import type { PathSegment, Span } from '../source/span.js';
import { isObject, sourceAt, stringAt, valueAt } from './fields.js';
import type { FormatInput } from './format.js';

export interface Located {
  value: string;
  source: SourceRef;
}

/** A non-blank string at `path`, as written (not trimmed). */
export function textAt(input: FormatInput, path: readonly PathSegment[]): Located | undefined {
  const found = stringAt(input, path);
  return found && found.value.trim() ? found : undefined;
}

/** The first of `paths` that holds a value at all (old and new key names of one setting). */
export function firstPresent(input: FormatInput, paths: readonly (readonly PathSegment[])[]): readonly PathSegment[] {
  return paths.find((p) => valueAt(input.doc.value, p) != null) ?? paths[0];
}

/** How many of `keys` the mapping has (own keys only). */
export function countKeys(value: unknown, keys: readonly string[]): number {
  return isObject(value) ? keys.filter((k) => Object.hasOwn(value, k)).length : 0;
}

/**
 * The items of a comma-separated string (`a,b, c`) or of a list of strings, each with its own
 * position. An item's span is narrowed inside a one-line value written plain or quoted without
 * escapes; otherwise it is the whole value's span.
 */
export function listItemsAt(input: FormatInput, path: readonly PathSegment[]): Located[] {
  const value = valueAt(input.doc.value, path);
  if (Array.isArray(value)) return value.flatMap((_, i) => listItemsAt(input, [...path, i]));
  if (typeof value !== 'string') return [];
  const source = sourceAt(input, path);
  const out: Located[] = [];
  let offset = 0;
  for (const part of value.split(',')) {
    const lead = part.length - part.trimStart().length;
    const item = part.trim();
    if (item)
      out.push({ value: item, source: { ...source, at: narrow(source.at, value, offset + lead, item.length) } });
    offset += part.length + 1;
  }
  return out;
}

function narrow(at: Span, value: string, offset: number, length: number): Span {
  if (at.line !== at.endLine) return at;
  const width = at.endColumn - at.column;
  const quote = width === value.length + 2 ? 1 : 0;
  if (width !== value.length && !quote) return at;
  const column = at.column + quote + offset;
  return { line: at.line, column, endLine: at.line, endColumn: column + length };
}
