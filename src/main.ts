import { readFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import * as core from '@actions/core';
import { readInputs } from './action/inputs.js';
import { gitHubClient } from './github/octokit.js';
import { loadRunPolicy } from './action/run-policy.js';
import { clockFromEnv } from './clock.js';
import { publishPrSurfaces } from './action/pr-surfaces.js';
import { registerSecret, runSecrets, say } from './action/log.js';
import { redactJson } from './hub/safe-text.js';
import { ConfigError, PolicyError } from './config-error.js';
import { setUpHub } from './hub/setup.js';
import { cacheDistrust } from './hub/cache-trust.js';
import { UnsafeOutputError, writeOutputFile } from './files/write-output.js';
import { isInside } from './files/open-chosen.js';
import { resolveChangeSet } from './changes/select.js';
import { makePathFilter } from './changes/paths-filter.js';
import { runGate } from './pipeline.js';
import type { Report } from './report/report.js';
import { emitAnnotations, toAnnotations } from './report/render/annotations.js';
import { renderSummary } from './report/render/summary.js';
import { isOwnUrl } from './licenses/own-urls.js';
import { renderJson } from './report/render/json.js';
import { toOutputs } from './report/render/outputs.js';
import { renderSarif } from './report/render/sarif.js';
import { renderCycloneDx } from './report/render/cyclonedx.js';
import { DOCS_BASE, TOOL_URI } from './rules/engine.js';

async function readEventPayload(): Promise<Record<string, unknown>> {
  const path = process.env.GITHUB_EVENT_PATH;
  if (!path) return {};
  try {
    return JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    throw new ConfigError(`Cannot read the event payload at GITHUB_EVENT_PATH (${(err as Error).message}).`);
  }
}

/**
 * Where an output goes: an absolute path (RUNNER_TEMP, anywhere the workflow chose) is kept, since
 * workflow inputs are trusted and PR content is not; a relative path is relative to the workspace
 * and must stay in it (a `../` path is almost always a mistake; spell it out as an absolute path).
 */
function outputPath(workspace: string, path: string, input: string): string {
  if (!path) return '';
  const full = resolve(workspace, path);
  if (!isAbsolute(path) && !isInside(workspace, full))
    throw new ConfigError(
      `Input \`${input}\` is a relative path leaving the workspace (${JSON.stringify(path)}); ` +
        'give an absolute path, e.g. under ${{ runner.temp }}, or a path inside the workspace.'
    );
  return full;
}

/** Writes one output file; a symbolic link the pull request committed on its way is a configuration error. */
async function writeOutput(workspace: string, path: string, input: string, content: string): Promise<void> {
  try {
    await writeOutputFile(workspace, path, content);
  } catch (err) {
    if (err instanceof UnsafeOutputError)
      throw new ConfigError(`Input \`${input}\` cannot be written safely (nothing was written): ${err.message}.`);
    throw err;
  }
}

/** The Hub cache: the input's path, else a file under RUNNER_TEMP (outside the checkout, for actions/cache). */
function hubCachePath(workspace: string, input: string): string | undefined {
  if (input) return resolve(workspace, input);
  const temp = process.env.RUNNER_TEMP;
  return temp ? join(temp, 'lineage-gate', 'hub-cache.json') : undefined;
}

async function writeSummary(report: Report): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.info('No GITHUB_STEP_SUMMARY file: the job summary is skipped.');
    return;
  }
  const server = process.env.GITHUB_SERVER_URL ?? 'https://github.com';
  const repository = process.env.GITHUB_REPOSITORY;
  const markdown = renderSummary(report, {
    repoUrl: repository ? `${server}/${repository}` : undefined,
    sha: headSha(),
    docsBase: DOCS_BASE,
    isOwnUrl
  });
  try {
    await core.summary.addRaw(markdown).write();
  } catch (err) {
    core.warning(`Could not write the job summary: ${say((err as Error).message)}`);
  }
}

let eventHeadSha: string | undefined;
function headSha(): string | undefined {
  return eventHeadSha ?? process.env.GITHUB_SHA;
}

/** The Action: read inputs → change set → pipeline → surfaces → exit status. */
export async function run(): Promise<void> {
  try {
    const inputs = readInputs((name) => core.getInput(name));
    registerSecret(inputs.token);
    registerSecret(inputs.hubToken);
    registerSecret(inputs.policyToken);
    if (inputs.policyToken) core.setSecret(inputs.policyToken);
    const workspace = resolve(process.env.GITHUB_WORKSPACE ?? process.cwd());
    const reportPath = outputPath(workspace, inputs.reportFile, 'report-file');
    const sarifPath = outputPath(workspace, inputs.sarifFile, 'sarif-file');
    const bomPath = outputPath(workspace, inputs.bomFile, 'bom-file');
    const payload = await readEventPayload();
    const pr = payload.pull_request as { head?: { sha?: string }; number?: number } | undefined;
    eventHeadSha = pr?.head?.sha;
    const [owner = '', repo = ''] = (process.env.GITHUB_REPOSITORY ?? '').split('/');
    const clientFor = (token: string) =>
      gitHubClient({
        token,
        baseUrl: process.env.GITHUB_API_URL ?? 'https://api.github.com',
        log: (message) => core.info(say(message))
      });
    const octokit = inputs.token ? clientFor(inputs.token) : undefined;
    // A policy in another repository may need its own token (`policy-token`); else the Action's.
    const policyOctokit = inputs.policyToken ? clientFor(inputs.policyToken) : octokit;

    const changeSet = await resolveChangeSet({
      eventName: process.env.GITHUB_EVENT_NAME ?? '',
      payload,
      inputs: { scope: inputs.scope, baseRef: inputs.baseRef, headRef: inputs.headRef, paths: inputs.paths },
      workspace,
      diffLines: inputs.reviewComments,
      octokit,
      owner,
      repo,
      log: (message: string) => core.info(say(message))
    });
    core.info(`Files: ${say(changeSet.source)}`);
    for (const note of changeSet.notes) core.info(`Note: ${say(note)}`);

    const policy = await loadRunPolicy({
      inputs,
      workspace,
      payload,
      octokit,
      policyOctokit,
      owner,
      repo,
      notes: changeSet.notes
    });
    const cachePath = hubCachePath(workspace, inputs.hubCache);
    const hub = await setUpHub({
      env: process.env,
      verify: inputs.hubVerify,
      endpoint: inputs.hubEndpoint,
      token: inputs.hubToken,
      cachePath,
      workspace,
      cacheDistrust: cachePath
        ? cacheDistrust({
            workspace,
            cachePath,
            eventName: process.env.GITHUB_EVENT_NAME ?? '',
            changedPaths: changeSet.changes.flatMap((c) => (c.previousPath ? [c.path, c.previousPath] : [c.path]))
          })
        : undefined,
      maxDepth: inputs.hubMaxDepth,
      log: (message: string) => core.info(say(message))
    });
    // The token must never reach the log, even inside an error message.
    if (hub.token) {
      core.setSecret(hub.token);
      registerSecret(hub.token);
    }
    if ('off' in hub.hub) core.info(say(hub.hub.off));
    const gateReport = await runGate({
      workspace,
      changeSet,
      include: makePathFilter(inputs.paths),
      failOn: inputs.failOn,
      policy,
      now: clockFromEnv(process.env),
      hub: hub.hub
    });
    // Findings quote remote text the Hub client already masked; every surface renders this one copy.
    const report = redactJson(gateReport, runSecrets);
    await hub.finish();
    emitAnnotations(toAnnotations(report), core);
    await writeSummary(report);
    if (reportPath) await writeOutput(workspace, reportPath, 'report-file', renderJson(report));
    if (sarifPath) {
      const sarif = renderSarif(report, {
        toolVersion: report.tool.version,
        informationUri: TOOL_URI,
        docsBase: DOCS_BASE
      });
      await writeOutput(workspace, sarifPath, 'sarif-file', sarif);
    }
    if (bomPath)
      await writeOutput(
        workspace,
        bomPath,
        'bom-file',
        await renderCycloneDx(report, { toolVersion: report.tool.version })
      );
    for (const [name, value] of Object.entries(
      toOutputs(report, {
        reportFile: reportPath || undefined,
        sarifFile: sarifPath || undefined,
        bomFile: bomPath || undefined
      })
    ))
      core.setOutput(name, value);

    if (octokit) {
      await publishPrSurfaces({
        octokit,
        owner,
        repo,
        pullNumber:
          typeof (pr as { number?: unknown } | undefined)?.number === 'number'
            ? (pr as { number: number }).number
            : undefined,
        headSha: headSha(),
        repoUrl: process.env.GITHUB_REPOSITORY
          ? `${process.env.GITHUB_SERVER_URL ?? 'https://github.com'}/${process.env.GITHUB_REPOSITORY}`
          : undefined,
        report,
        changes: changeSet.changes,
        comment: inputs.comment,
        checkRun: inputs.checkRun,
        reviewComments: inputs.reviewComments,
        info: (m) => core.info(say(m)),
        warn: (m) => core.warning(say(m))
      });
    }

    const { counts } = report;
    const line =
      `${counts.artifacts} artifact(s), ${counts.manifests} manifest(s): ${counts.errors} error(s), ` +
      `${counts.warnings} warning(s), ${counts.notices} notice(s), ${counts.waived} waived.`;
    if (report.result === 'fail') core.setFailed(`Lineage gate failed (fail-on: ${report.failOn}). ${line}`);
    else core.info(`Lineage gate passed (fail-on: ${report.failOn}). ${line}`);
  } catch (err) {
    if (err instanceof PolicyError) {
      // Point at the offending lines of the policy file, then fail: an invalid policy gates nothing.
      for (const p of err.problems)
        core.error(say(p.message), {
          title: 'invalid lineage policy',
          file: p.file,
          startLine: p.line,
          startColumn: p.column
        });
      core.setFailed(`Configuration error: ${say(err.message)}`);
    } else if (err instanceof ConfigError) core.setFailed(`Configuration error: ${say(err.message)}`);
    else core.setFailed(`lineage-gate could not complete: ${say((err as Error).stack ?? String(err))}`);
  }
}
