import { readFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import * as core from '@actions/core';
import { readInputs } from './action/inputs.js';
import { loadRunPolicy } from './action/run-policy.js';
import { clockFromEnv } from './clock.js';
import { registerSecret, runSecrets, say } from './action/log.js';
import { annotationsSink, fileSink, outputsSink, pullRequestSink, summarySink, verdictSink } from './action/sinks.js';
import { ConfigError, PolicyError } from './config-error.js';
import { isInside } from './files/open-chosen.js';
import { resolveChangeSet } from './changes/select.js';
import { makePathFilter } from './changes/paths-filter.js';
import { runLineageGate, type Sink } from './run.js';
import { RULES } from './rules/index.js';

async function readEventPayload(): Promise<Record<string, unknown>> {
  const path = process.env.GITHUB_EVENT_PATH;
  if (!path) return {};
  let payload: unknown;
  try {
    payload = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new ConfigError(`Cannot read the event payload at GITHUB_EVENT_PATH (${(err as Error).message}).`);
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
    throw new ConfigError('The event payload at GITHUB_EVENT_PATH is not a JSON object.');
  return payload as Record<string, unknown>;
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

/** The Hub cache: the input's path, else a file under RUNNER_TEMP (outside the checkout, for actions/cache). */
function hubCachePath(workspace: string, input: string): string | undefined {
  if (input) return resolve(workspace, input);
  const temp = process.env.RUNNER_TEMP;
  return temp ? join(temp, 'lineage-gate', 'hub-cache.json') : undefined;
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
    const attestationPath = outputPath(workspace, inputs.attestationFile, 'attestation-file');
    const payload = await readEventPayload();
    const pr = payload.pull_request as { head?: { sha?: string }; number?: number } | undefined;
    eventHeadSha = pr?.head?.sha;
    const [owner = '', repo = ''] = (process.env.GITHUB_REPOSITORY ?? '').split('/');
    // The GitHub client is loaded only when there is a token to use it with.
    const clientFor = async (token: string) =>
      (await import('./github/octokit.js')).gitHubClient({
        token,
        baseUrl: process.env.GITHUB_API_URL ?? 'https://api.github.com',
        log: (message) => core.info(say(message))
      });
    const octokit = inputs.token ? await clientFor(inputs.token) : undefined;
    // A policy in another repository may need its own token (`policy-token`); else the Action's.
    const policyOctokit = inputs.policyToken ? await clientFor(inputs.policyToken) : octokit;

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
    const repoUrl = process.env.GITHUB_REPOSITORY
      ? `${process.env.GITHUB_SERVER_URL ?? 'https://github.com'}/${process.env.GITHUB_REPOSITORY}`
      : undefined;
    const files = [
      { path: reportPath, input: 'report-file', format: 'json' as const },
      { path: sarifPath, input: 'sarif-file', format: 'sarif' as const },
      { path: bomPath, input: 'bom-file', format: 'cyclonedx' as const },
      { path: attestationPath, input: 'attestation-file', format: 'in-toto' as const }
    ].filter((f) => f.path);
    const sinks: Sink[] = [
      annotationsSink({ reportFile: inputs.reportFile || undefined }),
      summarySink({ repoUrl, sha: headSha }),
      ...files.map((f) => fileSink({ workspace, ...f }, RULES)),
      outputsSink({
        reportFile: reportPath || undefined,
        sarifFile: sarifPath || undefined,
        bomFile: bomPath || undefined,
        attestationFile: attestationPath || undefined
      })
    ];
    if (octokit)
      sinks.push(
        pullRequestSink({
          octokit,
          owner,
          repo,
          pullNumber: typeof pr?.number === 'number' ? pr.number : undefined,
          headSha: headSha(),
          repoUrl,
          changes: changeSet.changes,
          comment: inputs.comment,
          checkRun: inputs.checkRun,
          reviewComments: inputs.reviewComments
        })
      );
    sinks.push(verdictSink());
    const log = (message: string) => core.info(say(message));
    await runLineageGate(
      {
        workspace,
        changeSet,
        include: makePathFilter(inputs.paths),
        failOn: inputs.failOn,
        policy,
        now: clockFromEnv(process.env),
        hub: {
          env: process.env,
          verify: inputs.hubVerify,
          endpoint: inputs.hubEndpoint,
          token: inputs.hubToken,
          cachePath: hubCachePath(workspace, inputs.hubCache),
          maxDepth: inputs.hubMaxDepth
        },
        eventName: process.env.GITHUB_EVENT_NAME ?? '',
        secrets: runSecrets,
        // The token must never reach the log, even inside an error message.
        onSecret: (secret) => {
          core.setSecret(secret);
          registerSecret(secret);
        },
        onHubOff: log,
        log
      },
      sinks
    );
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
