import type { SourceDocument } from '../source/document.js';
import type { LineageRecord, UpstreamRef } from '../lineage/record.js';

/** How a file's text is turned into a SourceDocument before a format looks at it. */
export type Syntax = 'json' | 'yaml' | 'front-matter' | 'modelfile';

/** What a format reader gets: the parsed document and, for model cards, the prose. */
export interface FormatInput {
  path: string;
  doc: SourceDocument;
  /** Markdown after the front matter, for formats read from front matter. */
  prose?: { text: string; startLine: number };
}

/** One supported manifest format: recognised by content, read into a LineageRecord. */
export interface ManifestFormat {
  /** Stable id used in reports, e.g. `mens-training-manifest`. */
  id: string;
  /** Human name, e.g. "MENS training manifest". */
  name: string;
  syntax: Syntax;
  /**
   * A training or merge tool's config (a recipe): its records are marked `recipe`, so the license
   * rules do not ask it for a license and configs in one directory are not compared with each other.
   */
  recipe?: boolean;
  /** How to fix a missing or unusable upstream in this format, e.g. "set `model` to the Hub id (`org/name`)". */
  upstreamHint?: string;
  /**
   * Where this format records the commit an upstream was used at, as a fix says it (e.g. "`revision`
   * beside `base_model_name_or_path`"); undefined when it has no place for this upstream's.
   */
  revisionHint?: (ref: UpstreamRef) => string | undefined;
  /** JSON Schema the content must satisfy (validated with ajv). */
  schema: object;
  /** True when the parsed content is this format (never decided by file name alone). */
  detect(value: unknown, basename: string): boolean;
  read(input: FormatInput): LineageRecord;
}
