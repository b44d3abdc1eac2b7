/**
 * The per-artifact summaries of the report (`artifacts[]` in the JSON): plain data, built from the
 * artifact and the facts the pipeline hands in, so report/ needs neither rules/ nor policy/.
 */
import type { HubFact, HubFacts } from '../hub/verify.js';
import type { Artifact, WeightFile } from '../lineage/artifact.js';
import type { LicenseDecl, LineageRecord, UpstreamRef } from '../lineage/record.js';
import { licenseKey } from '../licenses/license-ids.js';
import type { ReportArtifact, ReportUpstream, ReportWeight } from './report.js';
import { pedigreeId, pedigreeRecord } from '../pedigree/pedigree.js';

function hubSummary(fact: HubFact | undefined): ReportUpstream['hub'] {
  if (!fact) return null;
  const a = fact.answer;
  const info = a.kind === 'found' ? a.info : undefined;
  return {
    status: a.kind,
    sha: info?.sha ?? null,
    gated: info?.gated ?? (a.kind === 'gated' ? 'manual' : false),
    license: info ? (licenseKey({ id: info.license, name: info.licenseName }) ?? null) : null,
    ancestors: fact.ancestry.chain.map((l) => ({
      id: l.id,
      depth: l.depth,
      license:
        l.answer?.kind === 'found'
          ? (licenseKey({ id: l.answer.info.license, name: l.answer.info.licenseName }) ?? null)
          : null,
      evidence: 'secondary' as const
    }))
  };
}

/** What the report says about one artifact, from what the stages before it found. */
export interface ArtifactFacts {
  /** Whether a live finding at the fail-on threshold belongs to it. */
  failing: boolean;
  /** The artifact's own license (the best-founded manifest's), if any. */
  license: LicenseDecl | undefined;
  /** One upstream's license and how the gate knows it. */
  licenseOf: (ref: UpstreamRef, record: LineageRecord) => ReportUpstream['license'];
  /** The Hub's answers; undefined when the Hub was off. */
  hub: HubFacts | undefined;
}

/** One artifact of the report: its manifests, upstreams with licenses and Hub answers, weights and verdict. */
export function summariseArtifact(
  artifact: Artifact,
  { failing, license, licenseOf, hub }: ArtifactFacts
): ReportArtifact {
  const summary = summaryWithoutPedigree(artifact, { failing, license, licenseOf, hub });
  return { ...summary, pedigree: pedigreeId(pedigreeRecord(summary)) };
}

/**
 * Distinct values of each training field across the artifact's manifests, in the order first seen. What
 * weight headers imply (a LoRA rank from tensor shapes) is not stated by a manifest, and is left out.
 */
function trainingFacts(artifact: Artifact): Record<string, (string | number)[]> {
  const facts: Record<string, (string | number)[]> = {};
  for (const r of artifact.records) {
    if (r.origin === 'weights') continue;
    for (const [key, fact] of Object.entries(r.training ?? {})) {
      const values = (facts[key] ??= []);
      if (fact && !values.includes(fact.value)) values.push(fact.value);
    }
  }
  return facts;
}

function summaryWithoutPedigree(
  artifact: Artifact,
  { failing, license, licenseOf, hub }: ArtifactFacts
): Omit<ReportArtifact, 'pedigree'> {
  // One license per upstream id: the best-founded claim any manifest of the artifact supports.
  const rank = { declared: 0, policy: 1, hub: 2, builtin: 3 } as const;
  const bestLicense = new Map<string, ReportUpstream['license']>();
  for (const r of artifact.records) {
    for (const u of r.upstreams) {
      const found = u.id ? licenseOf(u, r) : null;
      const key = u.id?.toLowerCase();
      const known = key ? bestLicense.get(key) : undefined;
      if (key && found && (!known || rank[found.via] < rank[known.via])) bestLicense.set(key, found);
    }
  }
  return {
    dir: artifact.dir,
    manifests: [
      ...artifact.records.filter((r) => r.origin !== 'weights').map((r) => ({ path: r.path, format: r.format })),
      ...artifact.unreadable.map((u) => ({ path: u.path, format: 'unreadable' }))
    ],
    upstreams: artifact.records.flatMap((r) =>
      r.upstreams.map((u) => ({
        raw: u.raw,
        kind: u.kind,
        id: u.id ?? null,
        revision: u.revision ?? null,
        role: u.role,
        evidence: u.evidence,
        path: u.source.path,
        line: u.source.at.line,
        license: u.id ? (bestLicense.get(u.id.toLowerCase()) ?? null) : null,
        hub: hubSummary(hub?.fact(u))
      }))
    ),
    license: license
      ? { id: license.id ?? null, name: license.name ?? null, link: license.link ?? null, path: license.source.path }
      : null,
    attribution: artifact.records.map((r) => r.attribution?.text).find((t) => t && t.trim()) ?? null,
    relations: [
      ...new Set(artifact.records.flatMap((r) => (r.relation && r.origin !== 'weights' ? [r.relation.value] : [])))
    ],
    training: trainingFacts(artifact),
    weights: artifact.weights.map(reportWeight),
    datasets: artifact.records.flatMap((r) =>
      r.datasets.map((d) => ({
        raw: d.raw,
        id: d.id ?? null,
        revision: d.revision ?? null,
        resolved: resolvedDataset(hub?.dataset(d)),
        license: d.license ?? null,
        path: d.source.path,
        line: d.source.at.line
      }))
    ),
    dataMix: artifact.records.flatMap((r) =>
      (r.dataMix?.sources ?? []).map((s) => ({
        path: s.path,
        weight: s.weight,
        optional: s.optional,
        sampleRate: s.sampleRate,
        file: s.source.path,
        line: s.source.at.line
      }))
    ),
    parents: (artifact.parents ?? [])
      .filter((l) => l.state === 'artifact')
      .map((l) => ({ dir: l.dir, path: l.source.path, line: l.source.at.line })),
    status: failing ? 'fail' : 'pass'
  };
}

function resolvedDataset(answer: ReturnType<HubFacts['dataset']>): string | null {
  return answer?.kind === 'found' ? (answer.info.sha ?? null) : null;
}

function reportWeight(weight: WeightFile): ReportWeight {
  const header = weight.header;
  const digest = weight.digest && 'sha256' in weight.digest ? weight.digest : undefined;
  return {
    path: weight.path,
    status: weight.status,
    format:
      header?.kind === 'gguf' || header?.kind === 'safetensors' || header?.kind === 'lfs-pointer'
        ? header.kind
        : 'other',
    sha256: digest?.sha256 ?? null,
    digestVia: digest?.via ?? null,
    size: digest?.size ?? null
  };
}
