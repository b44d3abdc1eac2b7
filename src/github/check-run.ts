/**
 * Publishes the report as a Check Run: its findings as annotations (errors first, up to
 * MAX_CHECK_ANNOTATIONS), sent 50 per request (the Checks API limit), so a reviewer sees far more
 * than the 10 errors / 10 warnings per step that workflow-command annotations get.
 */
import type { Octokit } from '../changes/octokit.js';
import type { Finding } from '../findings/finding.js';
import { waivedPrefix } from '../report/render/annotations.js';
import type { Report } from '../report/report.js';
import { cutToUtf8Bytes, shortenMarkdown } from './bound-text.js';
import { describeWriteFailure } from './write-failure.js';
import { thousands } from '../text/thousands.js';

/** Annotations the Checks API takes per request. */
export const ANNOTATIONS_PER_REQUEST = 50;
/**
 * Annotations one check run carries at most (20 requests). A job's GITHUB_TOKEN may make 1,000
 * requests an hour per repository: the 5,000 a scan of 250,000 findings would take could never all be sent.
 */
export const MAX_CHECK_ANNOTATIONS = 1_000;
/** `output.summary` and `output.text` limit (characters). */
export const CHECK_SUMMARY_MAX_CHARS = 65_535;
/** `message` and `raw_details` limit per annotation. */
export const ANNOTATION_TEXT_MAX_BYTES = 64 * 1024;
/** Long enough for any title the gate writes; GitHub does not document a tighter one. */
const TITLE_MAX_CHARS = 255;

export type CheckConclusion = 'success' | 'neutral' | 'failure';

export interface CheckRunAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'failure' | 'warning' | 'notice';
  title: string;
  message: string;
  raw_details: string;
}

export interface PublishCheckRunOptions {
  octokit: Octokit;
  owner: string;
  repo: string;
  headSha: string;
  report: Report;
  name?: string;
  /** The Markdown shown on the check's page (e.g. `renderSummary(report, …)`); shortened to fit. */
  summaryMarkdown: string;
}

export type PublishCheckRunResult = { ok: true; id: number; batches: number } | { ok: false; warning: string };

/** success: passed with nothing to say; neutral: passed, but there are findings; failure: failed. */
export function checkConclusion(report: Report): CheckConclusion {
  if (report.result === 'fail') return 'failure';
  const { errors, warnings, notices } = report.counts;
  return errors + warnings + notices > 0 ? 'neutral' : 'success';
}

/** "Failed: 2 errors, 1 warning" — counts only, so no PR text reaches the title. */
export function checkTitle(report: Report): string {
  const { errors, warnings, notices, waived } = report.counts;
  const parts = [
    [errors, 'error'],
    [warnings, 'warning'],
    [notices, 'notice'],
    [waived, 'waived']
  ]
    .filter(([n]) => (n as number) > 0)
    .map(([n, word]) => `${n} ${word}${word !== 'waived' && n !== 1 ? 's' : ''}`);
  const verdict = report.result === 'fail' ? 'Failed' : 'Passed';
  return parts.length ? `${verdict}: ${parts.join(', ')}` : `${verdict}: no findings`;
}

/** One Checks API annotation per finding; a waived finding is a notice that says why it is allowed. */
export function toCheckRunAnnotation(f: Finding): CheckRunAnnotation {
  // The API rejects lines below 1 and an end before the start.
  const startLine = Math.max(1, f.line);
  const endLine = Math.max(startLine, f.endLine);
  const sameLine = startLine === endLine;
  const level = f.waived ? 'notice' : f.severity === 'error' ? 'failure' : f.severity;
  return {
    path: f.path,
    start_line: startLine,
    end_line: endLine,
    // GitHub refuses columns on an annotation that spans lines.
    ...(sameLine ? { start_column: Math.max(1, f.column), end_column: Math.max(1, f.column, f.endColumn) } : {}),
    annotation_level: level,
    title: f.ruleId.slice(0, TITLE_MAX_CHARS),
    message: cutToUtf8Bytes(`${waivedPrefix(f)}${f.message}`, ANNOTATION_TEXT_MAX_BYTES),
    raw_details: cutToUtf8Bytes(f.fix, ANNOTATION_TEXT_MAX_BYTES)
  };
}

function boundSummary(markdown: string, findings: number): string {
  const note = '\n\n_Shortened to fit the check run page; the job summary and the JSON report have everything._\n';
  if (findings <= MAX_CHECK_ANNOTATIONS) return shortenMarkdown(markdown, CHECK_SUMMARY_MAX_CHARS, note);
  const capped =
    `\n\n_The first ${thousands(MAX_CHECK_ANNOTATIONS)} of ${thousands(findings)} ` +
    'findings are annotated here (errors first): each 50 take one API request, and a job may make about 1,000 ' +
    'an hour. The JSON report (`report-file`) has every finding._\n';
  return shortenMarkdown(markdown, CHECK_SUMMARY_MAX_CHARS - capped.length, note) + capped;
}

/**
 * The first MAX_CHECK_ANNOTATIONS findings as annotations, 50 per request (one empty batch when there
 * are none), made as they are sent.
 */
function* annotationBatches(report: Report): Generator<CheckRunAnnotation[]> {
  let batch: CheckRunAnnotation[] = [];
  let taken = 0;
  for (const finding of report.findings) {
    if (taken++ === MAX_CHECK_ANNOTATIONS) break;
    batch.push(toCheckRunAnnotation(finding));
    if (batch.length === ANNOTATIONS_PER_REQUEST) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0 || report.findings.length === 0) yield batch;
}

/**
 * Creates the check run (in progress), then sends the annotations in batches of 50; the last
 * request completes it with the conclusion. Report findings are already sorted errors first, so a
 * capped run keeps the ones that fail the gate.
 */
export async function publishCheckRun(options: PublishCheckRunOptions): Promise<PublishCheckRunResult> {
  const { octokit, owner, repo, headSha, report, name = 'Lineage Gate' } = options;
  const attempt = { what: `the check run "${name}"`, permission: 'checks: write' };
  const output = { title: checkTitle(report), summary: boundSummary(options.summaryMarkdown, report.findings.length) };
  const annotated = Math.min(report.findings.length, MAX_CHECK_ANNOTATIONS);
  const batchCount = Math.max(1, Math.ceil(annotated / ANNOTATIONS_PER_REQUEST));

  let id: number | undefined;
  try {
    const created = await octokit.rest.checks.create({
      owner,
      repo,
      name,
      head_sha: headSha,
      status: 'in_progress',
      output
    });
    id = created.data.id;
    let index = 0;
    for (const batch of annotationBatches(report)) {
      const last = ++index === batchCount;
      await octokit.rest.checks.update({
        owner,
        repo,
        check_run_id: id,
        output: { ...output, annotations: batch },
        ...(last
          ? { status: 'completed', conclusion: checkConclusion(report), completed_at: new Date().toISOString() }
          : {})
      });
    }
  } catch (err) {
    const warning = describeWriteFailure(err, attempt);
    if (warning === undefined) throw err;
    if (id === undefined) return { ok: false, warning };
    const completed = await completeWithoutAnnotations(options, id, output);
    const outcome = completed
      ? `Check run ${id} was completed with the verdict, but some annotations are missing from it.`
      : `Check run ${id} may be left in progress.`;
    return { ok: false, warning: `${warning} ${outcome}` };
  }
  return { ok: true, id, batches: batchCount };
}

/**
 * After a batch failed, one last request that completes the run with the verdict, so it does not
 * sit "in progress" on the pull request; false when that fails too (e.g. the token lost access).
 */
async function completeWithoutAnnotations(
  options: PublishCheckRunOptions,
  id: number,
  output: { title: string; summary: string }
): Promise<boolean> {
  const { octokit, owner, repo, report } = options;
  const note =
    '\n\n_Some annotations could not be sent to this check run; ' +
    'the job summary counts every finding, and the JSON report (`report-file`) lists them._\n';
  try {
    await octokit.rest.checks.update({
      owner,
      repo,
      check_run_id: id,
      status: 'completed',
      conclusion: checkConclusion(report),
      completed_at: new Date().toISOString(),
      output: {
        title: output.title,
        summary: shortenMarkdown(output.summary, CHECK_SUMMARY_MAX_CHARS - note.length, '') + note
      }
    });
    return true;
  } catch {
    return false;
  }
}
