import type { ChangeSet } from './changes/change-set.js';
import type { PathFilter } from './changes/paths-filter.js';
import { ChangedDirectories, discover, manifestsOf, type DiscoverOptions } from './discover/discover.js';
import { isDeletedArtifact, linkArtifacts, LinkSession } from './discover/relatives.js';
import { computeDigests } from './discover/digests.js';
import { goneByChange, markRemovedDataSources, runsNeedingGoneSources } from './discover/data-sources.js';
import { searchBeyondRun } from './discover/beyond-run.js';
import { UnknownConfigs } from './discover/unknown-configs.js';
import type { Artifact } from './lineage/artifact.js';
import { ReportBuilder } from './report/build.js';
import type { Finding, Severity } from './findings/finding.js';
import { SEVERITY_RANK } from './findings/finding.js';
import type { Report, ReportArtifact, ReportUpstream } from './report/report.js';
import { compareStrings } from './text/compare.js';
import type { LineageRecord, UpstreamRef } from './lineage/record.js';
import { evaluateArtifact, evaluateRun } from './rules/engine.js';
import { LicenseKnowledge } from './licenses/knowledge.js';
import { effectivePolicy } from './policy/effective.js';
import type { Policy } from './policy/policy.js';
import { waiverJudge } from './policy/waivers.js';
import { policyDigest } from './policy/digest.js';
import { RULES } from './rules/index.js';
import { artifactLicense } from './rules/artifact-facts.js';
import { version } from './version.js';
import { ancestryNotes } from './hub/ancestry-notes.js';
import { HubVerifier, type HubFacts, type HubSource } from './hub/verify.js';
import { licenseOfUpstream } from './rules/upstream-licenses.js';
import { summariseArtifact } from './report/summarise.js';

export type FailOn = 'error' | 'warning' | 'never';

/**
 * Directories a run reads, links, checks and summarises at a time before it lets them go: its memory
 * stays flat however large the repository or the pull request. What a deletion reaches outside the
 * run is searched once, after the last batch, when the run's directories are all known.
 */
const BATCH = 1_000;

/** `LINEAGE_GATE_INTERNAL_BATCH` sets a smaller batch (tests judge a few artifacts in several). */
function batchSize(env: NodeJS.ProcessEnv = process.env): number {
  const size = Number(env.LINEAGE_GATE_INTERNAL_BATCH);
  return Number.isInteger(size) && size > 0 ? size : BATCH;
}

export interface GateOptions {
  workspace: string;
  changeSet: ChangeSet;
  /** Repository-relative path filter for full scans (change sets arrive already filtered). */
  include: PathFilter;
  failOn: FailOn;
  policy: Policy;
  /** The clock waivers are judged by (injected in tests). */
  now: Date;
  /** Ask the Hub through this client (following base_model up to maxDepth), or say why not. */
  hub: { client: HubSource; maxDepth: number } | { off: string };
  /** Told how far discovery got (the CLI's progress line on a terminal). */
  onProgress?: DiscoverOptions['onProgress'];
  /** Applied to every finding, summary and note before the report keeps it (masks secrets). */
  redact?: <T>(value: T) => T;
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

/** The artifacts in batches of `size`, each read as discovery reaches it. */
async function* batchesOf(artifacts: AsyncIterable<Artifact>, size: number): AsyncGenerator<Artifact[]> {
  let batch: Artifact[] = [];
  for await (const artifact of artifacts) {
    batch.push(artifact);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * The report's artifacts in directory order, then the training runs a deletion pulled in (`joined`),
 * in the order the walk found them. A change set reads its directories in that order too.
 */
function artifactOrder(joined: ReadonlySet<string>): (a: ReportArtifact, b: ReportArtifact) => number {
  return (a, b) => {
    const aJoined = joined.has(a.dir);
    if (aJoined !== joined.has(b.dir)) return aJoined ? 1 : -1;
    return aJoined ? 0 : compareStrings(a.dir, b.dir);
  };
}

/** What judging one artifact needs that stays the same for the whole run. */
interface RunJudgement {
  opts: GateOptions;
  builder: ReportBuilder;
  knowledge: LicenseKnowledge;
  waivers: ReturnType<typeof waiverJudge>;
  hub: HubFacts | undefined;
  /** Directories the run-level findings (the policy file's) already fail. */
  failingByRun: ReadonlySet<string>;
  fails: (f: Finding) => boolean;
  redact: <T>(value: T) => T;
}

/** Judges artifacts one at a time into the report: rules, waivers, the summary and its verdict. */
class ArtifactJudge {
  manifestsRead = 0;
  readonly unknownConfigs = new UnknownConfigs();

  constructor(private readonly run: RunJudgement) {}

  /** One upstream's license for the report, decided as the rules decide it. */
  readonly licenseOf = (ref: UpstreamRef, record: LineageRecord): ReportUpstream['license'] => {
    const { knowledge, hub, opts } = this.run;
    const found = licenseOfUpstream(ref, record, {
      knowledge,
      upstreamLicenseMappings: opts.policy.upstreamLicenses,
      hub
    });
    return found ? { id: found.license, via: found.via, evidence: found.evidence, source: found.source } : null;
  };

  judge(a: Artifact): void {
    const { opts, builder, knowledge, waivers, hub, failingByRun, fails, redact } = this.run;
    this.manifestsRead += manifestsOf(a);
    this.unknownConfigs.add(a);
    const evaluated = evaluateArtifact(a, a.judgedFor ? RULES.filter((r) => a.judgedFor!.includes(r.id)) : RULES, {
      policy: effectivePolicy(opts.policy, artifactPaths(a)),
      knowledge,
      upstreamLicenseMappings: opts.policy.upstreamLicenses,
      hub
    });
    const upstreams = new Map(evaluated.map((e) => [e.finding, e.upstream]));
    const findings = waivers.apply(
      evaluated.map((e) => e.finding),
      (f) => upstreams.get(f)
    );
    const failing = failingByRun.has(a.dir) || findings.some(fails);
    const summary = summariseArtifact(a, { failing, license: artifactLicense(a), licenseOf: this.licenseOf, hub });
    builder.addArtifact(redact(summary));
    for (const finding of findings) builder.addFinding(redact(finding));
  }
}

/**
 * ChangeSet → Discover → Parse → Evaluate → Report, a batch of artifacts at a time: each batch is
 * linked, hashed, asked about on the Hub and judged, and only its summaries and findings are kept
 * (by the report builder, which spills them to disk past a limit). Prints nothing.
 */
export async function runGate(opts: GateOptions): Promise<Report> {
  const redact = opts.redact ?? (<T>(value: T) => value);
  const fullScan = opts.changeSet.scope === 'all';
  const joinedDirs = new Set<string>();
  const builder = new ReportBuilder(version, opts.failOn, { order: artifactOrder(joinedDirs) });
  const waivers = waiverJudge(opts.policy.waivers, opts.now);
  // An artifact fails on a live finding at the fail-on threshold (`never` still shows errors as failing).
  const threshold: Severity = opts.failOn === 'warning' ? 'warning' : 'error';
  const fails = (f: Finding) => !f.waived && SEVERITY_RANK[f.severity] >= SEVERITY_RANK[threshold];
  const runFindings = evaluateRun(RULES, { policy: opts.policy, now: opts.now, expiredWaivers: waivers.expired }).map(
    (e) => e.finding
  );
  for (const finding of runFindings) builder.addFinding(redact(finding));

  const discovering: DiscoverOptions = {
    workspace: opts.workspace,
    changeSet: opts.changeSet,
    include: opts.include,
    onProgress: opts.onProgress
  };
  const changed = fullScan ? undefined : new ChangedDirectories(discovering);
  // The run's directories: a full scan reads every one, a change set those it touches (in some batch).
  const ofRun = changed ? (dir: string) => changed.has(dir) : () => true;
  const links = new LinkSession({ workspace: opts.workspace, changeSet: opts.changeSet, include: opts.include }, ofRun);
  const verifier = 'client' in opts.hub ? new HubVerifier(opts.hub.client, opts.hub.maxDepth) : undefined;
  const hub: HubFacts | undefined = verifier?.answers;
  const judge = new ArtifactJudge({
    opts,
    builder,
    knowledge: LicenseKnowledge.builtin().withEntries(opts.policy.licenseEntries),
    waivers,
    hub,
    failingByRun: new Set(runFindings.filter(fails).map((f) => f.artifact)),
    fails,
    redact
  });
  const gone = goneByChange(opts.changeSet);
  const judgeAll = async (group: readonly Artifact[]) => {
    await computeDigests(group, opts.workspace);
    await verifier?.verify(group);
    for (const a of group) judge.judge(a);
  };

  // A deleted artifact waits for the search beyond the run, which names what still derives from it.
  const size = batchSize();
  const deletedDirs: string[] = [];
  for await (const batch of batchesOf(discover(discovering, changed), size)) {
    const present: Artifact[] = [];
    for (const a of batch) {
      if (isDeletedArtifact(a)) deletedDirs.push(a.dir);
      else present.push(a);
    }
    linkArtifacts(present, links.opts, links);
    markRemovedDataSources(present, gone);
    await judgeAll(present);
  }

  const beyond = searchBeyondRun({
    workspace: opts.workspace,
    include: opts.include,
    inRun: ofRun,
    deletedDirs: new Set(deletedDirs),
    mixes: gone.size > 0
  });
  // Read again rather than held (a directory without manifests reads fast): a pull request may delete thousands.
  for (let i = 0; changed && i < deletedDirs.length; i += size) {
    const deleted = deletedDirs.slice(i, i + size).map((dir) => changed.read(links.workspaceReal, dir));
    linkArtifacts(deleted, links.opts, links);
    for (const a of deleted) {
      const dependents = beyond.dependents.get(a.dir);
      if (dependents) a.dependents = dependents;
    }
    await judgeAll(deleted);
  }
  // Runs whose data mix needs a file the change deletes join the run (judged by that one rule).
  const joined = runsNeedingGoneSources(beyond.mixes, gone, opts.workspace);
  for (const a of joined) joinedDirs.add(a.dir);
  await judgeAll(joined);

  return builder.finish({
    changeSource: redact(opts.changeSet.source),
    notes: redact([
      ...opts.changeSet.notes,
      ...[judge.unknownConfigs.note()].filter((n) => n !== undefined),
      ...('off' in opts.hub ? [opts.hub.off] : ancestryNotes(hub?.all ?? []))
    ]),
    policy: { file: redact(opts.policy.file ?? null), sha256: policyDigest(opts.policy) },
    manifestsCount: judge.manifestsRead
  });
}
