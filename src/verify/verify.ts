/**
 * `lineage-gate verify`: does this checkout still hold what a statement attests? Offline, file by
 * file: each weight subject's sha256 (a Git LFS pointer's oid counts as its content's), then each
 * artifact's pedigree id recomputed from its manifests and weights. The Hub facts (resolved commits,
 * ancestry) cannot be asked offline, so they are taken from the statement for the upstreams that are
 * still there; everything read from the files must match.
 */
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import {
  canonicalJson,
  pedigreeDataset,
  pedigreeHex,
  pedigreeId,
  pedigreeRecord,
  pedigreeUpstream
} from '../pedigree/pedigree.js';
import type { PedigreeRecord } from '../pedigree/pedigree.js';
import { runLineageGate } from '../run.js';
import type { Policy } from '../policy/policy.js';
import type { Statement } from '../report/render/in-toto.js';
import { PEDIGREE_SUBJECT_PREFIX } from '../report/render/in-toto-subjects.js';
import type { ReportArtifact, ReportUpstream } from '../report/report.js';
import { sha256OfFile } from '../weights/digest.js';
import { describeDifferences } from './differences.js';
import { isPlainPath } from '../files/plain-path.js';
import { underDirectories, type PathFilter } from '../changes/paths-filter.js';

export interface VerifyCheck {
  /** A weight file (repository path) or an artifact directory. */
  subject: string;
  kind: 'file' | 'pedigree';
  ok: boolean;
  /** One line: what matched, or what no longer does. */
  detail: string;
  /** For a pedigree that changed: each fact that differs. */
  differences: string[];
}

export interface VerifyResult {
  checks: VerifyCheck[];
  /** Artifacts the statement holds that the DIR arguments left out. */
  skipped: number;
}

export interface VerifyOptions {
  statement: Statement;
  /** Repository root the statement's paths are relative to. */
  root: string;
  /** Which repository paths to verify (the DIR arguments); everything by default. */
  include: (path: string) => boolean;
  /** The policy changes no pedigree; the engine needs one to run. */
  policy: Policy;
  now: Date;
}

const short = (sha256: string) => `${sha256.slice(0, 12)}…`;

/** Whether an artifact directory is among what the DIR arguments name. */
function selected(dir: string, include: (path: string) => boolean): boolean {
  return include(dir === '.' ? 'lineage.yaml' : `${dir}/lineage.yaml`);
}

/**
 * The paths inside the artifacts' directories (`.` is the root; the directory itself is not inside it),
 * looked up by the directories above a path: a statement of a full scan names tens of thousands.
 */
function insideArtifacts(dirs: readonly string[]): PathFilter {
  const under = underDirectories(dirs.map((d) => (d === '.' ? '' : d)));
  const own = new Set(dirs);
  const inside: PathFilter = (path) => under(path) && !own.has(path);
  inside.reaches = under.reaches;
  return inside;
}

async function fileCheck(rootReal: string, root: string, name: string, attested: string): Promise<VerifyCheck> {
  const base = { subject: name, kind: 'file' as const, differences: [] };
  if (!isPlainPath(name))
    return {
      ...base,
      ok: false,
      detail: 'not a path inside the repository, so nothing was read (the statement is not one the gate wrote)'
    };
  const digest = await sha256OfFile(rootReal, join(root, name));
  if ('unverifiable' in digest) return { ...base, ok: false, detail: `missing or unreadable: ${digest.unverifiable}` };
  const via = digest.via === 'lfs-pointer' ? ' (the oid of its Git LFS pointer)' : '';
  return digest.sha256 === attested
    ? { ...base, ok: true, detail: `sha256 ${short(attested)} matches${via}` }
    : { ...base, ok: false, detail: `changed: attested sha256 ${short(attested)}, now ${short(digest.sha256)}${via}` };
}

const upstreamKey = (u: ReturnType<typeof pedigreeUpstream>) =>
  canonicalJson([u.role, u.kind, u.id, u.raw, u.revision]);

/** The recomputed artifact with the Hub's answers the statement recorded for the same upstreams. */
function withAttestedHubFacts(artifact: ReportArtifact, attested: PedigreeRecord): ReportArtifact {
  const facts = new Map(attested.upstreams.map((u) => [upstreamKey(u), u]));
  const upstreams = artifact.upstreams.map((u): ReportUpstream => {
    const fact = facts.get(upstreamKey(pedigreeUpstream(u)));
    if (!fact || (fact.resolved === null && fact.ancestors.length === 0)) return u;
    const ancestors = fact.ancestors.map((a) => ({ ...a, license: null, evidence: 'secondary' as const }));
    return {
      ...u,
      hub: { status: 'found', sha: fact.resolved, gated: false, license: null, ancestors }
    };
  });
  // Datasets the same way: the commit the Hub resolved each to, as the statement recorded it.
  const datasetKey = (d: Omit<ReturnType<typeof pedigreeDataset>, 'resolved'>) =>
    canonicalJson([d.id, d.raw, d.revision, d.license]);
  const resolved = new Map(attested.datasets.map((d) => [datasetKey(d), d.resolved]));
  const datasets = artifact.datasets.map((d) => ({
    ...d,
    resolved: resolved.get(datasetKey(pedigreeDataset(d))) ?? d.resolved
  }));
  return { ...artifact, upstreams, datasets };
}

function pedigreeCheck(
  attested: Statement['predicate']['artifacts'][number],
  found: ReportArtifact | undefined
): VerifyCheck {
  const base = { subject: attested.dir, kind: 'pedigree' as const };
  if (!found)
    return { ...base, ok: false, detail: 'no manifest or weights are left in this directory', differences: [] };
  const record = pedigreeRecord(withAttestedHubFacts(found, attested.lineage));
  const id = pedigreeId(record);
  if (id === attested.pedigree)
    return { ...base, ok: true, detail: `pedigree ${attested.pedigree} matches`, differences: [] };
  return {
    ...base,
    ok: false,
    detail: `pedigree changed: attested ${attested.pedigree}, now ${id}`,
    differences: describeDifferences(attested.lineage, record)
  };
}

/** The statement's own consistency: each record hashes to its id, each id is a subject. */
/** Weight subjects under no artifact of the statement: the gate never writes one, so it was added later. */
function strayedSubjects(statement: Statement): VerifyCheck[] {
  const inside = insideArtifacts(statement.predicate.artifacts.map((a) => a.dir));
  return statement.subject
    .filter((s) => !s.name.startsWith(PEDIGREE_SUBJECT_PREFIX))
    .filter((s) => !inside(s.name))
    .map((s) => ({
      subject: s.name,
      kind: 'file' as const,
      ok: false,
      detail: 'the statement is inconsistent: this subject belongs to none of its artifacts (nothing was read)',
      differences: []
    }));
}

function statementChecks(statement: Statement): VerifyCheck[] {
  const subjects = new Map(statement.subject.map((s) => [s.name, s.digest.sha256]));
  return statement.predicate.artifacts.flatMap((a): VerifyCheck[] => {
    const problems: string[] = [];
    if (pedigreeId(a.lineage) !== a.pedigree) problems.push('its lineage record does not hash to its pedigree id');
    if (subjects.get(`${PEDIGREE_SUBJECT_PREFIX}${a.dir}`) !== pedigreeHex(a.pedigree))
      problems.push('its pedigree id is not among the subjects');
    return problems.length
      ? [
          {
            subject: a.dir,
            kind: 'pedigree',
            ok: false,
            detail: `the statement is inconsistent: ${problems.join('; ')}`,
            differences: []
          }
        ]
      : [];
  });
}

export async function verifyStatement(opts: VerifyOptions): Promise<VerifyResult> {
  const { statement, root, include } = opts;
  const artifacts = statement.predicate.artifacts.filter((a) => selected(a.dir, include));
  const inSelected = insideArtifacts(artifacts.map((a) => a.dir));
  const rootReal = realpathSync.native(root);

  const checks = [
    ...strayedSubjects(statement),
    ...statementChecks({ ...statement, predicate: { ...statement.predicate, artifacts } })
  ];
  for (const subject of statement.subject) {
    if (subject.name.startsWith(PEDIGREE_SUBJECT_PREFIX) || !inSelected(subject.name)) continue;
    checks.push(await fileCheck(rootReal, root, subject.name, subject.digest.sha256));
  }
  // The one run both entry points use, offline and with no sink: only the artifacts' summaries are read.
  const report = await runLineageGate(
    {
      workspace: root,
      changeSet: { scope: 'all', changes: [], source: 'verify', notes: [] },
      include: inSelected,
      failOn: 'never',
      policy: opts.policy,
      now: opts.now,
      hub: { env: {}, offline: true },
      eventName: '',
      secrets: [],
      onSecret: () => undefined,
      log: () => undefined
    },
    []
  );
  const recomputed = new Map(Array.from(report.artifacts, (a) => [a.dir, a]));
  for (const attested of artifacts) checks.push(pedigreeCheck(attested, recomputed.get(attested.dir)));
  return { checks, skipped: statement.predicate.artifacts.length - artifacts.length };
}
