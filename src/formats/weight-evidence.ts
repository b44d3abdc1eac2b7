/**
 * Shared by the weight-header formats: an upstream or dataset named inside a weight file's header
 * becomes a reference like any other, with a location (the header key and its byte offset) and the
 * evidence class the bytes support (docs/weights.md).
 */
import { classifyUpstream } from '../lineage/classify.js';
import { readHubUrl } from '../lineage/classify-url.js';
import type { LineageRecord, SourceRef, UpstreamRef, UpstreamRole } from '../lineage/record.js';
import { FILE_START } from '../source/span.js';

/**
 * A header names its upstream because a conversion tool copied it from the source's model card:
 * the bytes carry the claim, but no author answers for it there. Secondary, never primary.
 */
export const HEADER_EVIDENCE = 'secondary' as const;

/** Where a header key was read: the key as the field, its byte offset in the file for people. */
export function headerSource(path: string, key: string, offset?: number): SourceRef {
  return { path, field: offset === undefined ? key : `${key} (byte ${offset})`, at: FILE_START };
}

/** Longest header value kept as written: a GGUF string may hold a megabyte, a report needs a glance. */
const MAX_RAW = 200;

/** A header value as written, bounded so a hostile header cannot flood a report. */
export function rawValue(value: string): string {
  return value.length > MAX_RAW ? `${value.slice(0, MAX_RAW - 1)}…` : value;
}

/** A record for a weight file's header, with nothing declared yet. */
export function emptyWeightRecord(path: string, format: string): LineageRecord {
  return {
    path,
    format,
    origin: 'weights',
    upstreams: [],
    upstreamLicenses: [],
    datasets: [],
    digests: [],
    anchor: headerSource(path, 'header'),
    notes: []
  };
}

/**
 * An upstream named by a header value: a Hub URL or a Hub id. Anything else (free text such as
 * "Llama 3.1 8B Instruct") names no repository and is left out rather than guessed.
 */
export function headerUpstream(value: string, role: UpstreamRole, source: SourceRef): UpstreamRef | undefined {
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? readHubUrl(trimmed) : undefined;
  if (url) {
    if (url.repoType !== 'models' || !url.id) return undefined;
    const ref = classifyUpstream(url.revision ? `${url.id}@${url.revision}` : url.id);
    if (ref.kind !== 'hub-id') return undefined;
    return { ...ref, evidence: HEADER_EVIDENCE, raw: rawValue(value), role, source };
  }
  const ref = classifyUpstream(trimmed);
  if (ref.kind !== 'hub-id' || ref.invalidReason) return undefined;
  return { ...ref, evidence: HEADER_EVIDENCE, raw: rawValue(value), role, source };
}
