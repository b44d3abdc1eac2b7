// A pull request as the runner shows it to the bundled Action: a git checkout with a base and a
// head commit, a pull_request event payload naming both, and the runner's environment (INPUT_*,
// GITHUB_*, RUNNER_TEMP). No token: the Action builds the change set with git (the fallback), and
// the Hub is off, so nothing leaves the machine.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'bench',
  GIT_AUTHOR_EMAIL: 'bench@example.invalid',
  GIT_COMMITTER_NAME: 'bench',
  GIT_COMMITTER_EMAIL: 'bench@example.invalid'
};

export const git = (cwd, ...args) =>
  execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8', maxBuffer: 1 << 28 }).trim();

/** Commits everything in the checkout; returns the new sha. */
export function commit(cwd, message) {
  git(cwd, 'add', '-A');
  git(cwd, 'commit', '-q', '--no-verify', '-m', message);
  return git(cwd, 'rev-parse', 'HEAD');
}

export function initRepo(dir) {
  mkdirSync(dir, { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  return dir;
}

/**
 * The environment of `node dist/index.js` on a pull_request event from base to head.
 * @param {{ dir: string, workspace: string, base: string, head: string, inputs?: Record<string, string> }} o
 */
export function pullRequestEnv({ dir, workspace, base, head, inputs = {} }) {
  const temp = join(dir, 'runner-temp');
  mkdirSync(temp, { recursive: true });
  const payload = {
    action: 'synchronize',
    number: 13,
    pull_request: { number: 13, base: { sha: base }, head: { sha: head } }
  };
  const files = { event: join(temp, 'event.json'), output: join(temp, 'output'), summary: join(temp, 'summary.md') };
  writeFileSync(files.event, JSON.stringify(payload));
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  const all = { token: '', scope: 'changed', 'fail-on': 'error', 'hub-verify': 'false', ...inputs };
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? temp,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REPOSITORY: 'acme/models',
    GITHUB_SHA: head,
    GITHUB_REF: 'refs/pull/13/merge',
    GITHUB_WORKSPACE: workspace,
    GITHUB_API_URL: 'http://127.0.0.1:9',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '1',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: temp,
    ...Object.fromEntries(Object.entries(all).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]))
  };
}
