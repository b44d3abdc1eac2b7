/**
 * Builders shared by the format readers: they turn one field of a manifest into the neutral
 * declarations of a LineageRecord (upstream, license, attribution), each with its position.
 */
import { classifyDatasetId, classifyUpstream } from '../lineage/classify.js';
import type {
  AttributionDecl,
  DatasetRef,
  Evidence,
  LicenseDecl,
  LineageRecord,
  SourceRef,
  TrainingFacts,
  TrainingKey,
  UpstreamRef,
  UpstreamRole
} from '../lineage/record.js';
import type { PathSegment } from '../source/span.js';
import { anchorOf, rawText, sourceAt, stringAt, valueAt } from './fields.js';
import type { FormatInput } from './format.js';

/** A record with nothing declared yet, anchored at the document's first key. */
export function emptyRecord(input: FormatInput, format: string): LineageRecord {
  return {
    path: input.path,
    format,
    upstreams: [],
    upstreamLicenses: [],
    datasets: [],
    digests: [],
    anchor: anchorOf(input),
    notes: []
  };
}

/** The upstream written at `path`, classified; undefined when the key is absent (null is kept: it is `empty`). */
export function upstreamAt(
  input: FormatInput,
  path: readonly PathSegment[],
  role: UpstreamRole
): UpstreamRef | undefined {
  const value = valueAt(input.doc.value, path);
  if (value === undefined) return undefined;
  return { ...classifyUpstream(value), raw: rawText(value), role, source: sourceAt(input, path) };
}

/**
 * A setting that names the revision the upstream at `field` is loaded at (PEFT `revision`, axolotl
 * `revision_of_model`, LLaMA-Factory `model_revision`): `read` puts it on that upstream when its id
 * carries none (`org/name@sha` already does), and `hint` is where a fix says to write it. A word
 * like "main" stays as written: whether it pins anything is a rule's call.
 */
export function revisionSetting(field: string, key: string, syntax: 'json' | 'yaml') {
  const written = syntax === 'yaml' ? `${key}:` : key;
  return {
    read(input: FormatInput, ref: UpstreamRef): UpstreamRef {
      const revision = stringAt(input, [key]);
      if (revision && revision.value.trim() !== '' && ref.id && !ref.revision) ref.revision = revision.value;
      return ref;
    },
    hint: (ref: UpstreamRef): string | undefined =>
      ref.source.field === field ? `\`${written}\` beside \`${field}\`` : undefined
  };
}

/**
 * The upstreams written at `path`: one per item of a non-empty list (model-card `base_model`
 * lists), else the single value. `roleOf` decides each item's role from the list length.
 */
export function upstreamsAt(
  input: FormatInput,
  path: readonly PathSegment[],
  roleOf: (count: number) => UpstreamRole
): UpstreamRef[] {
  const value = valueAt(input.doc.value, path);
  if (Array.isArray(value) && value.length > 0) {
    const role = roleOf(value.length);
    return value.map((_, i) => upstreamAt(input, [...path, i], role)!);
  }
  const one = upstreamAt(input, path, roleOf(1));
  return one ? [one] : [];
}

const EVIDENCE_RANK: Record<Evidence, number> = { inferred: 0, secondary: 1, primary: 2 };

/** The weaker of two evidence classes: a declaration cannot make an inference stronger. */
export function weakerEvidence(a: Evidence, b: Evidence): Evidence {
  return EVIDENCE_RANK[a] <= EVIDENCE_RANK[b] ? a : b;
}

/** A license written as a plain string at `path`; absent, null and non-string values declare nothing. */
export function licenseIdAt(input: FormatInput, path: readonly PathSegment[]): LicenseDecl | undefined {
  const value = valueAt(input.doc.value, path);
  return typeof value === 'string' ? { id: value, source: sourceAt(input, path) } : undefined;
}

/** An `attribution required` flag written at `path`; only a real boolean counts (a string is a schema problem). */
export function attributionFlagAt(input: FormatInput, path: readonly PathSegment[]): AttributionDecl | undefined {
  const value = valueAt(input.doc.value, path);
  return typeof value === 'boolean' ? { required: value, source: sourceAt(input, path) } : undefined;
}

/**
 * Training facts written at the given paths (`rank` ← `["r"]` …): numbers and non-empty strings
 * only, each with where it was written, for the cross-checks between manifests and weights.
 */
export function trainingFactsAt(
  input: FormatInput,
  paths: Partial<Record<TrainingKey, readonly PathSegment[]>>
): TrainingFacts | undefined {
  const facts: TrainingFacts = {};
  for (const [key, path] of Object.entries(paths) as [TrainingKey, readonly PathSegment[]][]) {
    const value = valueAt(input.doc.value, path);
    const usable = (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && value.trim());
    if (usable) facts[key] = { value: value as string | number, source: sourceAt(input, path) };
  }
  return Object.keys(facts).length > 0 ? facts : undefined;
}

/** A dataset reference written as `value` at `source`, with what it names on the Hub (an invalid id is kept). */
export function datasetRef(value: string, source: SourceRef): DatasetRef {
  const { id, revision } = classifyDatasetId(value);
  return { raw: value, ...(id ? { id } : {}), ...(revision ? { revision } : {}), source };
}

/** The dataset written as a string at `path`; absent, null and non-string values name none. */
export function datasetAt(input: FormatInput, path: readonly PathSegment[]): DatasetRef | undefined {
  const value = valueAt(input.doc.value, path);
  return typeof value === 'string' && value.trim() ? datasetRef(value, sourceAt(input, path)) : undefined;
}

/**
 * Another artifact the run starts from (a parent adapter): written as a Hub id (or anything that is
 * not a local path) it is an upstream the rules can judge; written as a local path it is a local
 * reference. Absent, null and empty values name none.
 */
export function addParentAt(
  record: LineageRecord,
  input: FormatInput,
  path: readonly PathSegment[],
  role: UpstreamRole
): void {
  const ref = upstreamAt(input, path, role);
  if (ref) addParent(record, ref);
}

/** `ref` as an upstream, or, when it is a local path, as a local reference. Empty refs are dropped. */
export function addParent(record: LineageRecord, ref: UpstreamRef): void {
  if (ref.kind === 'empty') return;
  if (ref.kind === 'local-path' && ref.raw !== null)
    (record.localRefs ??= []).push({ raw: ref.raw, source: ref.source, role: ref.role });
  else record.upstreams.push(ref);
}
