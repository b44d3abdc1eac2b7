import type { ChangeSet } from './changes/change-set.js';
import { discoverArtifacts, type DiscoverOptions } from './discover/discover.js';
import { linkArtifacts } from './discover/relatives.js';
import { computeDigests } from './discover/digests.js';
import { unknownConfigsNote } from './discover/unknown-configs.js';
import type { Artifact, WeightFile } from './lineage/artifact.js';
import { buildReport } from './report/build.js';
import type { Severity } from './report/finding.js';
import { SEVERITY_RANK } from './report/finding.js';
import type { Report, ReportArtifact, ReportUpstream, ReportWeight } from './report/report.js';
import type { LineageRecord, UpstreamRef } from './lineage/record.js';
import { evaluateArtifact, evaluateRun, type Evaluated } from './rules/engine.js';
import { LicenseKnowledge } from './licenses/knowledge.js';
import { effectivePolicy } from './policy/effective.js';
import type { Policy } from './policy/policy.js';
import { applyWaivers } from './policy/waivers.js';
import { RULES } from './rules/index.js';
import { artifactLicense } from './rules/artifact-facts.js';
import { version } from './version.js';
import { ancestryNotes } from './hub/ancestry-notes.js';
import { verifyOnHub, type HubFact, type HubFacts, type HubSource } from './hub/verify.js';
import { licenseKey, licenseOfUpstream } from './rules/upstream-licenses.js';

export type FailOn = 'error' | 'warning' | 'never';

export interface GateOptions {
  workspace: string;
  changeSet: ChangeSet;
  /** Repository-relative path filter for full scans (change sets arrive already filtered). */
  include: (path: string) => boolean;
  failOn: FailOn;
  policy: Policy;
  /** The clock waivers are judged by (injected in tests). */
  now: Date;
  /** Ask the Hub through this client (following base_model up to maxDepth), or say why not. */
  hub: { client: HubSource; maxDepth: number } | { off: string };
  /** Told how far discovery got (the CLI's progress line on a terminal). */
  onProgress?: DiscoverOptions['onProgress'];
}

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

/** Every repository path that belongs to an artifact: what per-path policy overrides match. */
function artifactPaths(artifact: Artifact): string[] {
  return [
    artifact.dir,
    ...artifact.records.map((r) => r.path),
    ...artifact.unreadable.map((u) => u.path),
    ...artifact.weights.map((w) => w.path)
  ];
}

function summarise(
  artifact: Artifact,
  failing: boolean,
  licenseOf: (ref: UpstreamRef, record: LineageRecord) => ReportUpstream['license'],
  hub: HubFacts | undefined
): ReportArtifact {
  const license = artifactLicense(artifact);
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
    license: license ? { id: license.id ?? null, name: license.name ?? null, link: license.link ?? null } : null,
    attribution: artifact.records.map((r) => r.attribution?.text).find((t) => t && t.trim()) ?? null,
    weights: artifact.weights.map(reportWeight),
    datasets: artifact.records.flatMap((r) =>
      r.datasets.map((d) => ({
        raw: d.raw,
        id: d.id ?? null,
        revision: d.revision ?? null,
        license: d.license ?? null,
        path: d.source.path,
        line: d.source.at.line
      }))
    ),
    parents: (artifact.parents ?? [])
      .filter((l) => l.state === 'artifact')
      .map((l) => ({ dir: l.dir, path: l.source.path, line: l.source.at.line })),
    status: failing ? 'fail' : 'pass'
  };
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

/** ChangeSet → Discover → Parse → Evaluate → Report. Prints nothing. */
export async function runGate(opts: GateOptions): Promise<Report> {
  const { artifacts, manifestCount } = await discoverArtifacts({
    workspace: opts.workspace,
    changeSet: opts.changeSet,
    include: opts.include,
    onProgress: opts.onProgress
  });
  linkArtifacts(artifacts, { workspace: opts.workspace, changeSet: opts.changeSet, include: opts.include });
  await computeDigests(artifacts, opts.workspace);
  const knowledge = LicenseKnowledge.builtin().withEntries(opts.policy.licenseEntries);
  const hub = 'client' in opts.hub ? await verifyOnHub(artifacts, opts.hub.client, opts.hub.maxDepth) : undefined;
  const evaluated: Evaluated[] = artifacts.flatMap((a) =>
    evaluateArtifact(a, RULES, {
      policy: effectivePolicy(opts.policy, artifactPaths(a)),
      knowledge,
      upstreamLicenseMappings: opts.policy.upstreamLicenses,
      hub
    })
  );
  const licenseOf = (ref: UpstreamRef, record: LineageRecord): ReportUpstream['license'] => {
    const found = licenseOfUpstream(ref, record, {
      knowledge,
      upstreamLicenseMappings: opts.policy.upstreamLicenses,
      hub
    });
    return found ? { id: found.license, via: found.via, evidence: found.evidence, source: found.source } : null;
  };
  const upstreams = new Map(evaluated.map((e) => [e.finding, e.upstream]));
  const waived = applyWaivers(
    evaluated.map((e) => e.finding),
    opts.policy.waivers,
    { now: opts.now, upstreamOf: (f) => upstreams.get(f) }
  );
  const runFindings = evaluateRun(RULES, { policy: opts.policy, now: opts.now, expiredWaivers: waived.expired }).map(
    (e) => e.finding
  );
  const findings = [...waived.findings, ...runFindings];
  // An artifact fails on a live finding at the fail-on threshold (`never` still shows errors as failing).
  const threshold: Severity = opts.failOn === 'warning' ? 'warning' : 'error';
  const failingDirs = new Set(
    findings.filter((f) => !f.waived && SEVERITY_RANK[f.severity] >= SEVERITY_RANK[threshold]).map((f) => f.artifact)
  );
  return buildReport({
    version,
    failOn: opts.failOn,
    artifacts: artifacts.map((a) => summarise(a, failingDirs.has(a.dir), licenseOf, hub)),
    findings,
    changeSource: opts.changeSet.source,
    notes: [
      ...opts.changeSet.notes,
      ...[unknownConfigsNote(artifacts)].filter((n) => n !== undefined),
      ...('off' in opts.hub ? [opts.hub.off] : ancestryNotes(hub?.all ?? []))
    ],
    manifestsCount: manifestCount
  });
}
