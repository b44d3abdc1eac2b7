import type { ChangeSet } from './changes/change-set.js';
import { discoverArtifacts, manifestsOf, type DiscoverOptions } from './discover/discover.js';
import { linkArtifacts } from './discover/relatives.js';
import { computeDigests } from './discover/digests.js';
import { markRemovedDataSources } from './discover/data-sources.js';
import { appendAll } from './collections/append-all.js';
import { unknownConfigsNote } from './discover/unknown-configs.js';
import type { Artifact } from './lineage/artifact.js';
import { buildReport } from './report/build.js';
import type { Severity } from './findings/finding.js';
import { SEVERITY_RANK } from './findings/finding.js';
import type { Report, ReportUpstream } from './report/report.js';
import type { LineageRecord, UpstreamRef } from './lineage/record.js';
import { evaluateArtifact, evaluateRun, type Evaluated } from './rules/engine.js';
import { LicenseKnowledge } from './licenses/knowledge.js';
import { effectivePolicy } from './policy/effective.js';
import type { Policy } from './policy/policy.js';
import { applyWaivers } from './policy/waivers.js';
import { policyDigest } from './policy/digest.js';
import { RULES } from './rules/index.js';
import { artifactLicense } from './rules/artifact-facts.js';
import { version } from './version.js';
import { ancestryNotes } from './hub/ancestry-notes.js';
import { verifyOnHub, type HubSource } from './hub/verify.js';
import { licenseOfUpstream } from './rules/upstream-licenses.js';
import { summariseArtifact } from './report/summarise.js';

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

/** Every repository path that belongs to an artifact: what per-path policy overrides match. */
function artifactPaths(artifact: Artifact): string[] {
  return [
    artifact.dir,
    ...artifact.records.map((r) => r.path),
    ...artifact.unreadable.map((u) => u.path),
    ...artifact.weights.map((w) => w.path)
  ];
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
  // Runs whose data mix needs a file the change deletes join the run (judged by that one rule).
  const joined = markRemovedDataSources(artifacts, opts);
  appendAll(artifacts, joined);
  const manifestsRead = manifestCount + joined.reduce((n, a) => n + manifestsOf(a), 0);
  await computeDigests(artifacts, opts.workspace);
  const knowledge = LicenseKnowledge.builtin().withEntries(opts.policy.licenseEntries);
  const hub = 'client' in opts.hub ? await verifyOnHub(artifacts, opts.hub.client, opts.hub.maxDepth) : undefined;
  const evaluated: Evaluated[] = artifacts.flatMap((a) =>
    evaluateArtifact(a, a.judgedFor ? RULES.filter((r) => a.judgedFor!.includes(r.id)) : RULES, {
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
    artifacts: artifacts.map((a) =>
      summariseArtifact(a, { failing: failingDirs.has(a.dir), license: artifactLicense(a), licenseOf, hub })
    ),
    findings,
    changeSource: opts.changeSet.source,
    notes: [
      ...opts.changeSet.notes,
      ...[unknownConfigsNote(artifacts)].filter((n) => n !== undefined),
      ...('off' in opts.hub ? [opts.hub.off] : ancestryNotes(hub?.all ?? []))
    ],
    policy: { file: opts.policy.file ?? null, sha256: policyDigest(opts.policy) },
    manifestsCount: manifestsRead
  });
}
