/**
 * The Action's surfaces, each a sink of the one run (src/run.ts). A renderer is loaded only by the
 * sink that uses it, when it runs: a run that writes no SARIF never loads the SARIF code.
 */
import * as core from '@actions/core';
import { ConfigError } from '../config-error.js';
import { UnsafeOutputError, writeOutputFile } from '../files/write-output.js';
import { DOCS_BASE, type RuleCatalogue } from '../findings/rule-meta.js';
import { isOwnUrl } from '../licenses/own-urls.js';
import { renderFormat, type ReportFormat } from '../report/render/format.js';
import type { Sink } from '../run.js';
import { counted } from '../text/plural.js';
import { thousands } from '../text/thousands.js';
import { say } from './log.js';
import type { SurfaceContext } from './pr-surfaces.js';

/**
 * Findings as workflow-command annotations on the changed lines (errors first, at most MAX_ANNOTATIONS);
 * past that, a line says where the rest are: the `report-file` written, or that input to set.
 */
export function annotationsSink(files: { reportFile?: string }): Sink {
  return async (report) => {
    const { emitAnnotations, MAX_ANNOTATIONS, toAnnotations } = await import('../report/render/annotations.js');
    const written = emitAnnotations(toAnnotations(report), core, MAX_ANNOTATIONS);
    const rest = report.findings.length - written;
    if (rest === 0) return;
    const where = files.reportFile
      ? `are in the JSON report, ${files.reportFile}`
      : 'are in the JSON report once `report-file` is set';
    core.info(
      say(
        `Annotated the first ${thousands(written)} of ${counted(report.findings.length, 'finding')} (errors first); ` +
          `the other ${thousands(rest)} ${where}.`
      )
    );
  };
}

/** The job summary (GITHUB_STEP_SUMMARY); a summary that cannot be written is a warning. */
export function summarySink(links: { repoUrl?: string; sha: () => string | undefined }): Sink {
  return async (report) => {
    if (!process.env.GITHUB_STEP_SUMMARY) {
      core.info('No GITHUB_STEP_SUMMARY file: the job summary is skipped.');
      return;
    }
    const { renderSummary } = await import('../report/render/summary.js');
    const markdown = renderSummary(report, { repoUrl: links.repoUrl, sha: links.sha(), docsBase: DOCS_BASE, isOwnUrl });
    try {
      await core.summary.addRaw(markdown).write();
    } catch (err) {
      core.warning(`Could not write the job summary: ${say((err as Error).message)}`);
    }
  };
}

export type FileFormat = Extract<ReportFormat, 'json' | 'sarif' | 'cyclonedx' | 'in-toto'>;

/**
 * An output file (`report-file`, `sarif-file`, `bom-file`, `attestation-file`); a link the PR committed on its
 * way is refused. A run that checked no artifact writes no attestation: an in-toto Statement needs a subject.
 */
export function fileSink(
  file: { workspace: string; path: string; input: string; format: FileFormat },
  rules: RuleCatalogue
): Sink {
  return async (report) => {
    if (file.format === 'in-toto' && report.artifacts.length === 0) {
      core.info(`No artifact was checked: \`${file.input}\` is not written (nothing to attest).`);
      return;
    }
    try {
      await writeOutputFile(file.workspace, file.path, await renderFormat(report, file.format, { rules }));
    } catch (err) {
      if (err instanceof UnsafeOutputError)
        throw new ConfigError(
          `Input \`${file.input}\` cannot be written safely (nothing was written): ${err.message}.`
        );
      throw err;
    }
  };
}

/** The step's outputs (action.yml's contract). */
export function outputsSink(files: {
  reportFile?: string;
  sarifFile?: string;
  bomFile?: string;
  attestationFile?: string;
}): Sink {
  return async (report) => {
    const { toOutputs } = await import('../report/render/outputs.js');
    for (const [name, value] of Object.entries(toOutputs(report, files))) core.setOutput(name, value);
  };
}

/** What the PR surfaces need besides the report and the log. */
export type PullRequestSurfaces = Omit<SurfaceContext, 'report' | 'info' | 'warn'>;

/** The sticky comment, the review and the check run. */
export function pullRequestSink(surfaces: PullRequestSurfaces): Sink {
  return async (report) => {
    const { publishPrSurfaces } = await import('./pr-surfaces.js');
    await publishPrSurfaces({
      ...surfaces,
      report,
      info: (m) => core.info(say(m)),
      warn: (m) => core.warning(say(m))
    });
  };
}

/** The verdict: the step fails when the report does. */
export function verdictSink(): Sink {
  return (report) => {
    const { counts } = report;
    const line =
      `${counted(counts.artifacts, 'artifact')}, ${counted(counts.manifests, 'manifest')}: ` +
      `${counted(counts.errors, 'error')}, ${counted(counts.warnings, 'warning')}, ` +
      `${counted(counts.notices, 'notice')}, ${thousands(counts.waived)} waived.`;
    if (report.result === 'fail') core.setFailed(`Lineage gate failed (fail-on: ${report.failOn}). ${line}`);
    else core.info(`Lineage gate passed (fail-on: ${report.failOn}). ${line}`);
  };
}
