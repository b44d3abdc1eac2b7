/**
 * The report as SARIF 2.1.0, for GitHub code scanning (`github/codeql-action/upload-sarif`) and any
 * other SARIF viewer: one run, every rule with its help, one result per finding.
 *
 * GitHub's limits are enforced here, not left to the upload to reject: at most 25,000 results per
 * run, and at most 10 MB for the gzip-compressed file (upload-sarif compresses before sending).
 * When either would be exceeded, the results are cut from the end (findings arrive errors first,
 * waived last) and `runs[0].properties.truncated` says how many were left out and why.
 */
import { take } from '../../collections/sequence.js';
import { pathToFileURL } from 'node:url';
import { once } from 'node:events';
import { createGzip, type Gzip } from 'node:zlib';
import { batched } from '../../files/write-output.js';
import { prettyJsonChunks } from './pretty-json.js';
import type { Location, Log, ReportingDescriptor, Region, Result, Run, Suppression } from 'sarif';
import type { RuleCatalogue, RuleMeta } from '../../findings/rule-meta.js';
import type { Finding, FindingWaiver, Severity } from '../../findings/finding.js';
import type { Report } from '../report.js';
import { clip, revealInvisible } from './escape.js';
import { thousands } from '../../text/thousands.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
/**
 * Key of the finding's fingerprint in `partialFingerprints`. GitHub matches alerts by
 * `primaryLocationLineHash`, which upload-sarif adds from the file; this key carries the gate's own
 * identity (rule + path + subject, no line) for every other consumer. `/v1`: a new recipe gets a new key.
 */
export const FINGERPRINT_KEY = 'lineageGate/v1';
/** Repository-relative URIs are resolved against this base (GitHub: the repository root). */
export const SRCROOT = '%SRCROOT%';
/** GitHub code scanning rejects a run with more results. */
export const SARIF_MAX_RESULTS = 25_000;
/** GitHub code scanning rejects a larger upload (gzip-compressed size). */
export const SARIF_MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** One finding's message and fix are bounded so a single manifest value cannot fill the file. */
const MAX_MESSAGE_CHARS = 3000;
const MAX_FIX_CHARS = 1000;
/** GitHub shows at most this much of `fullDescription`. */
const MAX_FULL_DESCRIPTION_CHARS = 1000;

export interface SarifOptions {
  /** The rules of the run, each described in `tool.driver.rules` whether it reported or not. */
  rules: RuleCatalogue;
  /** `tool.driver.version`; the report's own tool version when absent. */
  toolVersion?: string;
  /** Absolute URI of the tool's home page. */
  informationUri: string;
  /** Absolute URI of the folder of rule pages: a rule's help is `${docsBase}/<id>.md`. */
  docsBase: string;
  /** Absolute local path of the checkout; when given, `%SRCROOT%` is declared as its file URI. */
  repoRoot?: string;
  /** Lower limits than GitHub's (other consumers, tests). */
  maxResults?: number;
  maxUploadBytes?: number;
}

type Level = NonNullable<Result['level']>;
const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', notice: 'note' };
/** GitHub's `problem.severity` for non-security rules: how prominently alerts are shown. */
const PROBLEM_SEVERITY: Record<Severity, string> = { error: 'error', warning: 'warning', notice: 'recommendation' };

/** Filter tags for GitHub's alert list, from the words of the rule id. */
const TOPICS: readonly [RegExp, string][] = [
  [/^hub-/, 'hub'],
  [/license|attribution|naming|commercial/, 'license'],
  [/upstream|hub-id|revision|evidence|parent|cycle|lineage/, 'provenance'],
  [/manifest|schema|weights|digest|shape/, 'manifest'],
  [/not-allowed|evidence|waiver/, 'policy']
];

export function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join('');
}

function tagsFor(id: string): string[] {
  return ['lineage', ...TOPICS.filter(([pattern]) => pattern.test(id)).map(([, tag]) => tag)].filter(
    (t, i, all) => all.indexOf(t) === i
  );
}

function describeRule(id: string, meta: RuleMeta, docsBase: string): ReportingDescriptor {
  const helpUri = `${docsBase}/${id}.md`;
  const howToFix = `${helpUri}#how-to-fix`;
  return {
    id,
    name: ruleName(id),
    shortDescription: { text: meta.description },
    fullDescription: {
      text: clip(
        `${meta.description} Default severity: ${meta.defaultSeverity}; ` +
          `the policy file can change it or turn the rule off.`,
        MAX_FULL_DESCRIPTION_CHARS
      )
    },
    help: {
      text: `${meta.description}\n\nHow to fix: ${howToFix}`,
      markdown:
        `${meta.description}\n\n` +
        `**How to fix:** see [${id}](${howToFix}) — what the rule checks, why it matters, and examples.`
    },
    helpUri,
    defaultConfiguration: { level: LEVEL[meta.defaultSeverity] },
    properties: { tags: tagsFor(id), 'problem.severity': PROBLEM_SEVERITY[meta.defaultSeverity] }
  };
}

/** A finding whose rule is not in the registry still needs a descriptor for `ruleIndex` to point at. */
function describeUnknownRule(f: Finding): ReportingDescriptor {
  return {
    id: f.ruleId,
    name: ruleName(f.ruleId),
    shortDescription: { text: `Reported by lineage-gate rule ${f.ruleId}.` },
    helpUri: f.helpUri,
    properties: { tags: tagsFor(f.ruleId) }
  };
}

/** Rule descriptors (the registry, then any rule only the findings name) and each id's index. */
function ruleTable(
  catalogue: RuleCatalogue,
  findings: Iterable<Finding>,
  docsBase: string
): { rules: ReportingDescriptor[]; index: Map<string, number> } {
  const rules = catalogue.map((r) => describeRule(r.id, r.meta, docsBase));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  for (const f of findings) {
    if (index.has(f.ruleId)) continue;
    index.set(f.ruleId, rules.length);
    rules.push(describeUnknownRule(f));
  }
  return { rules, index };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A repository path as a relative URI reference: each segment percent-encoded, so `|`, spaces, `#`,
 * `?` and `%` stay part of the name and a `:` cannot make the first segment read as a scheme.
 * upload-sarif decodes it with `decodeURIComponent` to find the file.
 */
export function pathToUriReference(path: string): string {
  return path.replace(LONE_SURROGATE, '\uFFFD').split('/').map(encodeURIComponent).join('/');
}

/** `file:///…/` for the checkout: SARIF wants the base of `%SRCROOT%` absolute and ending in `/`. */
function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/**
 * `[text](target)` in a plain-text SARIF message is an embedded link, which viewers render as a
 * link: a space after the `]` keeps every character but no longer forms one, so manifest values
 * cannot plant links in an alert. Invisible and reordering characters are shown, not obeyed.
 */
function plainText(text: string, max: number): string {
  return revealInvisible(clip(text, max)).replace(/\]\(/g, '] (');
}

/** SARIF regions: 1-based lines and columns, end column exclusive, as the gate's spans are. */
function regionOf(f: Finding): Region {
  const startLine = Math.max(1, f.line);
  const endLine = Math.max(startLine, f.endLine);
  const startColumn = Math.max(1, f.column);
  const endColumn = Math.max(1, f.endColumn);
  // An empty span (a file's start, where a missing key belongs) underlines nothing: mark the line.
  if (endLine === startLine && endColumn <= startColumn) return { startLine, endLine };
  return { startLine, startColumn, endLine, endColumn };
}

function locationOf(path: string, region: Region): Location {
  return { physicalLocation: { artifactLocation: { uri: pathToUriReference(path), uriBaseId: SRCROOT }, region } };
}

/** A policy waiver is a suppression kept outside the source, accepted, pointing at the waiver itself. */
function suppressionOf(waiver: FindingWaiver | undefined): Suppression {
  if (!waiver) return { kind: 'external', status: 'accepted' };
  const line = Math.max(1, waiver.line);
  return {
    kind: 'external',
    status: 'accepted',
    justification: plainText(waiver.reason, MAX_FIX_CHARS),
    location: locationOf(waiver.file, { startLine: line, endLine: line }),
    ...(waiver.expires ? { properties: { expires: waiver.expires } } : {})
  };
}

function resultOf(f: Finding, ruleIndex: number, pedigrees: ReadonlyMap<string, string>): Result {
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: `${plainText(f.message, MAX_MESSAGE_CHARS)} Fix: ${plainText(f.fix, MAX_FIX_CHARS)}` },
    locations: [locationOf(f.path, regionOf(f))],
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
    ...(f.waived ? { suppressions: [suppressionOf(f.waiver)] } : {}),
    properties: { artifact: f.artifact, ...(pedigrees.has(f.artifact) ? { pedigree: pedigrees.get(f.artifact) } : {}) }
  };
}

interface Truncation {
  reason: 'result-limit' | 'size-limit';
  findings: number;
  results: number;
  note: string;
}

function truncationNote(
  reason: Truncation['reason'],
  kept: number,
  total: number,
  maxResults: number,
  maxBytes: number
): Truncation {
  const why =
    reason === 'result-limit'
      ? `GitHub code scanning accepts at most ${thousands(maxResults)} results per run`
      : `GitHub code scanning accepts at most ` +
        `${thousands(maxBytes / 1024 / 1024)} MB per upload (gzip-compressed)`;
  return {
    reason,
    findings: total,
    results: kept,
    note:
      `Only the first ${thousands(kept)} of ${thousands(total)} ` +
      `findings are included (errors first, waived last): ${why}. The JSON report lists them all.`
  };
}

/** The plan of one SARIF log: the rules and pedigrees its first results name, made in one walk. */
interface SarifPlan {
  report: Report;
  options: SarifOptions;
  total: number;
  /** GitHub's limits, or lower ones asked for. */
  maxResults: number;
  maxBytes: number;
  rules: ReportingDescriptor[];
  index: Map<string, number>;
  pedigrees: Map<string, string>;
}

function planOf(report: Report, options: SarifOptions): SarifPlan {
  const maxResults = options.maxResults ?? SARIF_MAX_RESULTS;
  const docsBase = options.docsBase.replace(/\/+$/, '');
  // One walk of the results to be: the rules they name, and the artifacts whose pedigrees they carry.
  const named = new Set<string>();
  const first = (function* () {
    for (const f of take(report.findings, maxResults)) {
      named.add(f.artifact);
      yield f;
    }
  })();
  const { rules, index } = ruleTable(options.rules, first, docsBase);
  // Only the pedigrees the kept results name: a large run's artifacts are walked, not held.
  const pedigrees = new Map<string, string>();
  for (const a of report.artifacts) if (named.has(a.dir)) pedigrees.set(a.dir, a.pedigree);
  return {
    report,
    options,
    total: report.findings.length,
    maxResults,
    maxBytes: options.maxUploadBytes ?? SARIF_MAX_UPLOAD_BYTES,
    rules,
    index,
    pedigrees
  };
}

/** A SARIF log whose results are made as it is written (from the report's findings, walked again each time). */
type StreamedLog = Omit<Log, 'runs'> & { runs: (Omit<Run, 'results'> & { results: Iterable<Result> })[] };

function logWith(plan: SarifPlan, count: number, truncated?: Truncation): StreamedLog {
  const { report, options, index, pedigrees } = plan;
  const results: Iterable<Result> = {
    *[Symbol.iterator]() {
      for (const f of take(report.findings, count)) yield resultOf(f, index.get(f.ruleId)!, pedigrees);
    }
  };
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'lineage-gate',
            version: options.toolVersion ?? report.tool.version,
            informationUri: options.informationUri,
            rules: plan.rules
          }
        },
        ...(options.repoRoot ? { originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(options.repoRoot) } } } : {}),
        columnKind: 'utf16CodeUnits',
        results,
        properties: {
          result: report.result,
          failOn: report.failOn,
          counts: report.counts,
          changeSource: report.run.changeSource,
          notes: report.run.notes,
          ...(truncated ? { truncated } : {})
        }
      }
    ]
  };
}

/** The log's text in pieces (2-space indent, trailing newline), never one string. */
function* logChunks(log: StreamedLog): Generator<string> {
  yield* prettyJsonChunks(log);
  yield '\n';
}

/**
 * What upload-sarif sends: the file gzip-compressed. A text that fits as it is counts as it is; one
 * that does not is compressed as a stream once it passes the limit (the same size as compressing it
 * joined), so neither the text nor its compressed form is ever held whole.
 */
async function uploadSize(log: StreamedLog, maxBytes: number): Promise<number> {
  let raw = 0;
  let compressed = 0;
  let gzip: Gzip | undefined;
  let ended: Promise<unknown> | undefined;
  const held: string[] = [];
  const feed = async (text: string) => {
    if (!gzip!.write(text)) await once(gzip!, 'drain');
  };
  for (const text of batched(logChunks(log))) {
    raw += Buffer.byteLength(text, 'utf8');
    if (gzip) {
      await feed(text);
      continue;
    }
    held.push(text);
    if (raw <= maxBytes) continue;
    gzip = createGzip();
    gzip.on('data', (d: Buffer) => (compressed += d.length));
    ended = once(gzip, 'end');
    ended.catch(() => undefined); // awaited below; a stream error must not also be an unhandled rejection
    for (const piece of held.splice(0)) await feed(piece);
  }
  if (!gzip) return raw;
  gzip.end();
  await ended;
  return compressed;
}

/**
 * The SARIF log as a JSON document (2-space indent, trailing newline) within GitHub's limits, in
 * pieces: a scan of 100,000 manifests keeps 25,000 results, tens of megabytes of text that are
 * measured and written as they are made, never held.
 */
export async function renderSarifChunks(report: Report, options: SarifOptions): Promise<Iterable<string>> {
  const plan = planOf(report, options);
  const { total, maxResults, maxBytes } = plan;
  let count = Math.min(total, maxResults);
  let reason: Truncation['reason'] | undefined = count < total ? 'result-limit' : undefined;
  for (;;) {
    const log = logWith(plan, count, reason && truncationNote(reason, count, total, maxResults, maxBytes));
    const size = await uploadSize(log, maxBytes);
    if (size <= maxBytes || count === 0) return { [Symbol.iterator]: () => logChunks(log) };
    // Size grows about linearly with the results kept: aim 10% under, and always drop at least one.
    reason = 'size-limit';
    count = Math.max(0, Math.min(count - 1, Math.floor((count * maxBytes * 0.9) / size)));
  }
}

/** renderSarifChunks as one string (tests, small reports). */
export async function renderSarif(report: Report, options: SarifOptions): Promise<string> {
  return [...(await renderSarifChunks(report, options))].join('');
}
