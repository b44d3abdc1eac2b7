import type { PathSegment, Span } from './span.js';

/**
 * A parsed manifest together with the positions of its values, whatever the syntax
 * (JSON, YAML, model-card front matter). Formats read values and ask for their spans.
 */
export interface SourceDocument {
  /** The parsed data, as plain JSON-compatible values. */
  readonly value: unknown;
  /** Span of the value at `path`; undefined when the path does not exist. */
  spanOf(path: readonly PathSegment[]): Span | undefined;
  /** Span of the key of the property at `path` (the value's span for array items). */
  keySpanOf(path: readonly PathSegment[]): Span | undefined;
  /** Best span for `path`: the value, else the nearest existing ancestor, else the file start. */
  nearestSpan(path: readonly PathSegment[]): Span;
}

/** Why a file could not be read as a manifest, and where. */
export interface ReadProblem {
  reason: string;
  span?: Span;
  /** How to mend it, when the usual advice (make it parse) does not apply. */
  fix?: string;
}
