import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const ACTION_ENTRY = join(PROJECT_ROOT, 'dist', 'index.js');
export const CLI_ENTRY = join(PROJECT_ROOT, 'dist', 'cli', 'index.js');
/**
 * The Node.js that runs dist/: the test's own, or LINEAGE_GATE_TEST_NODE (`.ci/run` points it at
 * Node 24, the runtime action.yml declares, to run the end-to-end tests a second time).
 */
export const NODE = process.env.LINEAGE_GATE_TEST_NODE || process.execPath;

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /**
   * Annotations printed on stdout (`::error title=…`, `::warning …`, `::notice …`), without the
   * final `::error::` verdict.
   */
  annotations: string[];
}

export interface ActionRunOptions {
  workspace: string;
  eventName: string;
  payload: unknown;
  /** Input names as in action.yml; passed as INPUT_<NAME> the way the runner does. */
  inputs?: Record<string, string>;
  apiUrl?: string;
  repository?: string;
  env?: Record<string, string>;
  /** Kill the process (SIGKILL) after this many ms, so a hang fails a test instead of stalling the run. */
  timeoutMs?: number;
}

/** Exit code of a child (-1 when killed by a signal), killing it after `timeoutMs` if given. */
function exitOf(child: ReturnType<typeof spawn>, timeoutMs?: number): Promise<number> {
  const timer = timeoutMs ? setTimeout(() => child.kill('SIGKILL'), timeoutMs) : undefined;
  return new Promise<number>((resolve) =>
    child.on('close', (c) => {
      clearTimeout(timer);
      resolve(c ?? -1);
    })
  );
}

/** Parses the GITHUB_OUTPUT file format written by @actions/core (`name<<delim` … `delim`). */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = lines[i].match(/^([^<=]+)<<(.+)$/);
    if (!m) continue;
    const end = lines.indexOf(m[2], i + 1);
    outputs[m[1]] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return outputs;
}

/** Runs dist/index.js as a process with a runner's environment and collects what the runner would see. */
export async function runAction(opts: ActionRunOptions): Promise<ActionRun> {
  const tmp = mkdtempSync(join(tmpdir(), 'lg-run-'));
  const eventPath = join(tmp, 'event.json');
  const outputPath = join(tmp, 'output');
  const summaryPath = join(tmp, 'summary.md');
  writeFileSync(eventPath, JSON.stringify(opts.payload));
  writeFileSync(outputPath, '');
  writeFileSync(summaryPath, '');
  const inputs = {
    token: 'ghs_test_token',
    scope: 'changed',
    'fail-on': 'error',
    paths: '',
    'report-file': '',
    'base-ref': '',
    'head-ref': '',
    ...opts.inputs
  };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? tmp,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: opts.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: opts.repository ?? 'acme/models',
    GITHUB_SHA: 'ffffffffffffffffffffffffffffffffffffffff',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_WORKSPACE: opts.workspace,
    GITHUB_API_URL: opts.apiUrl ?? 'http://127.0.0.1:9',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '1',
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    RUNNER_TEMP: tmp,
    // No test reaches the real Hub: tests that verify against a Hub pass a loopback endpoint and clear this.
    HF_HUB_OFFLINE: '1',
    // GitHub retries and write pacing wait 20 ms per second the Action would wait (src/github/octokit.ts).
    LINEAGE_GATE_INTERNAL_SECOND_MS: '20',
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase().replace(/ /g, '_')}`, v])),
    ...opts.env
  };
  const child = spawn(NODE, [ACTION_ENTRY], { cwd: opts.workspace, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const code = await exitOf(child, opts.timeoutMs);
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputPath, 'utf8')),
    summary: readFileSync(summaryPath, 'utf8'),
    annotations: stdout.split('\n').filter((l) => /^::(error|warning|notice) /.test(l))
  };
}

/** Runs the bundled CLI as a process. */
export async function runCli(
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
  timeoutMs?: number
): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = spawn(NODE, [CLI_ENTRY, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', HF_HUB_OFFLINE: '1', ...env }
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const code = await exitOf(child, timeoutMs);
  return { code, stdout, stderr };
}
