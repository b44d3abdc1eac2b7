/**
 * End-to-end: a transient failure of the GitHub API (a 502, a secondary rate limit with
 * `retry-after`) is retried by the Action's Octokit (plugin-retry, plugin-throttling) rather than
 * turned into a warning or a `git diff` fallback. run-action shrinks the waits
 * (LINEAGE_GATE_INTERNAL_SECOND_MS), so the retries cost milliseconds here.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { tempDir } from '../helpers/git-repo.js';
import {
  githubError,
  paginate,
  startGitHubApiServer,
  type ApiResponse,
  type GitHubApiServer
} from '../helpers/github-api-server.js';
import { diffEntry } from '../helpers/github-shapes.js';
import { OWNER, PR_NUMBER, REPO, pullRequestPayload, writeFiles } from '../helpers/pull-request-stand-in.js';
import { runAction } from '../helpers/run-action.js';

const ADAPTER = JSON.stringify({ peft_type: 'LORA', base_model_name_or_path: '/content/base-1', r: 8 });
const FILES_PATH = `/repos/${OWNER}/${REPO}/pulls/${PR_NUMBER}/files`;

let server: GitHubApiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A files API whose first answer is `first`, and every later one the pull request's one file. */
async function filesApiFailingOnce(first: ApiResponse) {
  const dir = tempDir('lg-gh-retry-');
  writeFiles(dir, { 'a/adapter_config.json': ADAPTER });
  let calls = 0;
  server = await startGitHubApiServer({
    routes: [
      {
        method: 'GET',
        path: FILES_PATH,
        handler: (req) =>
          calls++ === 0 ? first : paginate(req, [diffEntry(OWNER, REPO, 'a/adapter_config.json', 'added')])
      }
    ]
  });
  const result = await runAction({
    workspace: dir,
    eventName: 'pull_request',
    payload: pullRequestPayload('opened', 'b'.repeat(40)),
    apiUrl: server.url,
    inputs: { comment: 'never' },
    timeoutMs: 20_000
  });
  const filesRequests = server.requests.filter((r) => r.url.startsWith(FILES_PATH)).length;
  return { result, filesRequests };
}

describe('GitHub API retries', () => {
  it('retries a 502 once and uses the answer: no warning, no git diff fallback', async () => {
    const { result, filesRequests } = await filesApiFailingOnce(githubError(502, 'Server Error'));
    expect(filesRequests).toBe(2);
    expect(result.stdout).not.toContain('Falling back to git diff');
    expect(result.stdout).not.toMatch(/^::warning::/m);
    // The file the API listed was checked: its local-path upstream is an error.
    expect(result.outputs).toMatchObject({ artifacts: '1', result: 'fail' });
    expect(result.annotations.some((a) => a.includes('unresolvable-upstream'))).toBe(true);
  }, 30_000);

  it('waits out a secondary rate limit (403 with retry-after) and retries', async () => {
    const limited: ApiResponse = {
      ...githubError(403, 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'),
      headers: { 'retry-after': '1', 'x-ratelimit-remaining': '4000' }
    };
    const { result, filesRequests } = await filesApiFailingOnce(limited);
    expect(filesRequests).toBe(2);
    expect(result.stdout).toContain(`GitHub secondary rate limit on GET ${FILES_PATH}`);
    expect(result.stdout).toContain('retrying in 1 s (retry 1 of 2)');
    expect(result.stdout).not.toContain('Falling back to git diff');
    expect(result.outputs).toMatchObject({ artifacts: '1', result: 'fail' });
  }, 30_000);

  it('does not wait for a rate limit longer than the cap: the files API counts as failed', async () => {
    const limited: ApiResponse = {
      ...githubError(429, 'You have exceeded a secondary rate limit.'),
      headers: { 'retry-after': '3600' }
    };
    const { result, filesRequests } = await filesApiFailingOnce(limited);
    expect(filesRequests).toBe(1);
    expect(result.stdout).toContain('not retried (asks to wait 3600 s');
    expect(result.stdout).toContain('Falling back to git diff');
  }, 30_000);
});
