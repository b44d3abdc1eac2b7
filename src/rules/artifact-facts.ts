import { compareNames } from '../text/compare.js';
import { findFormat } from '../formats/registry.js';
import type { Artifact } from '../lineage/artifact.js';
import type { LicenseDecl, LineageRecord, SourceRef, UpstreamRef } from '../lineage/record.js';
import { placeholderLicenseOf } from '../licenses/placeholder.js';

/** Format ids ordered by how much a finding about a missing value belongs on them. */
const ANCHOR_PREFERENCE = [
  'lineage-manifest',
  'hf-model-card',
  'mens-adapter-manifest-v3',
  'mens-training-manifest',
  'peft-adapter-config',
  'mlx-adapter-config',
  'mens-adapter-sidecar-v2',
  'unrecognised-manifest'
];

/** The records read from manifests, not from the headers of weight files. */
export function manifestRecords(artifact: Artifact): LineageRecord[] {
  return artifact.records.filter((r) => r.origin !== 'weights');
}

/**
 * A directory of training or merge configs only (no model card, adapter config or weights): it says
 * how artifacts are made, it publishes none, so the duties of a published artifact (a license,
 * attribution, a name) are not asked of it.
 */
export function isRecipeOnly(artifact: Artifact): boolean {
  const manifests = manifestRecords(artifact);
  return (
    manifests.length > 0 && manifests.every((r) => r.recipe) && !artifact.weights.some((w) => w.status !== 'removed')
  );
}

/** Upstreams the artifact's manifests declare (not those read from weight headers). */
export function manifestUpstreams(artifact: Artifact): UpstreamRef[] {
  return manifestRecords(artifact).flatMap((r) => r.upstreams);
}

export function allUpstreams(artifact: Artifact): UpstreamRef[] {
  return artifact.records.flatMap((r) => r.upstreams);
}

/** An upstream that names a Hub repo well enough to look it up. */
export function isResolvable(ref: UpstreamRef): boolean {
  if (ref.invalidReason) return false;
  return ref.kind === 'hub-id' || ref.kind === 'bare-id' || ref.kind === 'hub-cache-path';
}

/** Resolvable and declared as such (not recovered from a path or a cache layout). */
export function isDeclaredResolvable(ref: UpstreamRef): boolean {
  return isResolvable(ref) && ref.evidence === 'primary';
}

/** The record a "this artifact lacks X" finding should point at, with a preference order by format. */
export function anchorRecord(
  artifact: Artifact,
  preferred: readonly string[] = ANCHOR_PREFERENCE
): LineageRecord | undefined {
  return rankedRecords(artifact.records, preferred)[0];
}

/** Records in the preference order (most authoritative first); weight headers always last. */
export function rankedRecords(
  records: readonly LineageRecord[],
  preferred: readonly string[] = ANCHOR_PREFERENCE
): LineageRecord[] {
  const rank = (r: LineageRecord) => {
    if (r.origin === 'weights') return preferred.length + 1;
    const i = preferred.indexOf(r.format);
    return i < 0 ? preferred.length : i;
  };
  return [...records].sort((a, b) => rank(a) - rank(b) || compareNames(a.path, b.path));
}

/**
 * The artifact's own license, from whichever manifest declares one. Placeholders (`licence: license`,
 * `unknown`, `other` alone, `TODO` … src/licenses/placeholder.ts) declare none.
 */
export function artifactLicense(artifact: Artifact): LicenseDecl | undefined {
  // Manifests first: a weight header's license is evidence, used only when no manifest states one.
  return rankedRecords(artifact.records)
    .map((r) => r.license)
    .find((l) => l && (l.id || l.name) && placeholderLicenseOf(l) === undefined);
}

/** The license declarations of the artifact's manifests that are placeholders, most authoritative first. */
export function placeholderLicenses(artifact: Artifact): LicenseDecl[] {
  return rankedRecords(manifestRecords(artifact))
    .map((r) => r.license)
    .filter((l): l is LicenseDecl => l !== undefined && placeholderLicenseOf(l) !== undefined);
}

/** Manifest names listed for a message, e.g. "adapter_config.json and README.md". */
export function manifestList(artifact: Artifact): string {
  const names = manifestRecords(artifact).map((r) => r.path.split('/').pop()!);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** A readable location: `field` of `path`. */
export function where(source: SourceRef): string {
  return `\`${source.field}\` in ${source.path}`;
}

/** Quote a value from a manifest for a message, bounded so a hostile value cannot flood a report. */
export function quote(value: string | null | undefined): string {
  if (value === null || value === undefined) return 'null';
  const text = value.length > 120 ? `${value.slice(0, 117)}…` : value;
  return JSON.stringify(text);
}

/** Where a format keeps its upstream, for "how to fix" text (each format says it for itself). */
export function upstreamFieldHint(format: string): string {
  return (
    findFormat(format)?.upstreamHint ?? 'declare the upstream Hub id (`org/name`), e.g. in a lineage.yaml next to it'
  );
}

/** How to name an artifact's directory in a sentence. */
export function dirPhrase(dir: string): string {
  return dir === '.' ? 'at the repository root' : `in ${dir}`;
}

/** First letter upper-cased, for notes that start a sentence. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
