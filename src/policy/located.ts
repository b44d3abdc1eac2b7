import { fieldName, isObject, valueAt } from '../formats/fields.js';
import type { SourceDocument } from '../source/document.js';
import type { PathSegment, Span } from '../source/span.js';

/** A problem of the policy file before it is tied to the file's name. */
export interface LocatedProblem {
  message: string;
  at: Span;
}

const MAX_SHOWN = 60;

/** A value as the user wrote it, shortened: for "(got …)". */
export function show(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > MAX_SHOWN ? `${json.slice(0, MAX_SHOWN - 1)}…` : json;
}

/**
 * How a setting is named in messages: `require.evidence`, or for list items whose number a
 * reader counts from 1, "`expires` of waiver 2" / "`rules.x` of override 1".
 */
export function subject(path: readonly PathSegment[]): string {
  const [head, index, ...rest] = path;
  const owner = head === 'waivers' ? 'waiver' : head === 'overrides' ? 'override' : undefined;
  if (owner && typeof index === 'number') {
    return rest.length ? `\`${fieldName(rest)}\` of ${owner} ${index + 1}` : `${owner} ${index + 1}`;
  }
  if (head === 'licenses' && index === 'knowledge' && typeof rest[0] === 'number') {
    const inner = rest.slice(1);
    return inner.length
      ? `\`${fieldName(inner)}\` of license knowledge entry ${rest[0] + 1}`
      : `license knowledge entry ${rest[0] + 1}`;
  }
  return path.length ? `\`${fieldName(path)}\`` : 'the policy';
}

/** Span of a value: its key for mappings and lists (a whole block is too wide), the value itself otherwise. */
export function valueSpan(doc: SourceDocument, path: readonly PathSegment[]): Span {
  const value = valueAt(doc.value, path);
  const keyed = path.length > 0 && (isObject(value) || Array.isArray(value)) ? doc.keySpanOf(path) : undefined;
  return keyed ?? doc.spanOf(path) ?? doc.nearestSpan(path);
}

export function keySpan(doc: SourceDocument, path: readonly PathSegment[]): Span {
  return doc.keySpanOf(path) ?? doc.nearestSpan(path);
}
