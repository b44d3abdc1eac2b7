import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { getOctokit } from '@actions/github';
import { ConfigError } from '../../../src/config-error.js';
import type { Change } from '../../../src/changes/change-set.js';
import { resolveChangeSet, type ResolveChangeSetInput } from '../../../src/changes/select.js';
import {
  githubError,
  paginate,
  startGitHubApiServer,
  type ApiResponse,
  type GitHubApiServer
} from '../../helpers/github-api-server.js';
import { compareBody, diffEntry } from '../../helpers/github-shapes.js';
import { removeDir, tempDir } from '../../helpers/git-repo.js';
import { webhookExample } from '../../helpers/webhook-examples.js';
import { buildHistory, FEATURE_CHANGES, type History } from './history.js';

const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const ZERO = '0'.repeat(40);
const byPath = (a: Change, b: Change) => (a.path < b.path ? -1 : 1);

let server: GitHubApiServer;
let history: History;
let notGit: string;
/** What the loopback API answers; each test sets what it needs. */
let pullFiles: unknown[] | ApiResponse;
let compareFiles: unknown[] | ApiResponse;

beforeAll(async () => {
  history = buildHistory();
  notGit = tempDir();
  server = await startGitHubApiServer({
    routes: [
      {
        method: 'GET',
        path: '/repos/:owner/:repo/pulls/:number/files',
        handler: (req) => (Array.isArray(pullFiles) ? paginate(req, pullFiles) : pullFiles)
      },
      {
        method: 'GET',
        path: '/repos/:owner/:repo/compare/:base...:head',
        handler: (req) =>
          Array.isArray(compareFiles)
            ? {
                body: compareBody(
                  req.serverUrl,
                  req.params.owner,
                  req.params.repo,
                  req.params.base,
                  req.params.head,
                  compareFiles
                )
              }
            : compareFiles
      }
    ]
  });
});

afterAll(async () => {
  await server.close();
  removeDir(history.repo.dir);
  removeDir(notGit);
});

beforeEach(() => {
  server.requests.length = 0;
  pullFiles = githubError(404, 'Not Found');
  compareFiles = githubError(404, 'Not Found');
});

function files(n: number, dir = 'models'): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => diffEntry(OWNER, REPO, `${dir}/run-${i}/adapter_config.json`, 'added'));
}

function run(
  eventName: string,
  payload: Record<string, unknown>,
  overrides: Partial<ResolveChangeSetInput> & { paths?: string[] } = {}
) {
  const log: string[] = [];
  const { paths = [], ...rest } = overrides;
  const promise = resolveChangeSet({
    eventName,
    payload,
    inputs: { scope: 'changed', baseRef: '', headRef: '', paths },
    workspace: history.repo.dir,
    octokit: getOctokit('test-token', { baseUrl: server.url }),
    owner: OWNER,
    repo: REPO,
    log: (m) => log.push(m),
    ...rest
  });
  return { promise, log };
}

function pullRequestPayload(base = history.main, head = history.feature): Record<string, unknown> {
  const payload = webhookExample('pull_request', (p) => p.action === 'opened');
  const pr = payload.pull_request as { base: { sha: string }; head: { sha: string } };
  // The example's commits do not exist here; point them at the local history for the git fallback.
  pr.base.sha = base;
  pr.head.sha = head;
  return payload;
}

function requestedPaths(): string[] {
  return server.requests.map((r) => r.url.split('?')[0]);
}

describe('pull requests', () => {
  it('uses the files API over all pages', async () => {
    pullFiles = files(250);
    const { promise } = run('pull_request', pullRequestPayload());
    const set = await promise;
    expect(set).toMatchObject({ scope: 'changed', source: 'pull request #2 files API (250 files)', notes: [] });
    expect(set.changes).toHaveLength(250);
    expect(server.requests).toHaveLength(3);
    expect(requestedPaths()[0]).toBe('/repos/Codertocat/Hello-World/pulls/2/files');
  });

  it('applies the paths filter with negations, keeping renames out of scope on one side', async () => {
    pullFiles = [
      diffEntry(OWNER, REPO, 'models/a/adapter_config.json', 'modified'),
      diffEntry(OWNER, REPO, 'models/tmp/scratch.json', 'added'),
      diffEntry(OWNER, REPO, 'archive/b/adapter_config.json', 'renamed', 'models/b/adapter_config.json'),
      diffEntry(OWNER, REPO, 'docs/index.md', 'modified')
    ];
    const set = await run('pull_request', pullRequestPayload(), { paths: ['models/**', '!models/tmp/**'] }).promise;
    expect(set.source).toBe('pull request #2 files API (4 files, 2 matching `paths`)');
    expect(set.changes).toEqual([
      { path: 'models/a/adapter_config.json', status: 'modified', diffLines: [[1, 3]] },
      {
        path: 'archive/b/adapter_config.json',
        status: 'renamed',
        previousPath: 'models/b/adapter_config.json',
        diffLines: [[1, 3]]
      }
    ]);
  });

  it('falls back to git diff base...head when the list reaches 3,000 files', async () => {
    pullFiles = files(3000);
    const { promise, log } = run('pull_request', pullRequestPayload());
    const set = await promise;
    expect(set.changes.sort(byPath)).toEqual([...FEATURE_CHANGES].sort(byPath));
    expect(set.source).toBe(
      `git diff ${history.main.slice(0, 7)}...${history.feature.slice(0, 7)} (5 files; fallback: ` +
        `the pull request files API lists at most 3,000 files and pull request #2 reached that cap)`
    );
    expect(set.notes).toEqual([
      'Used git diff on the checkout because the pull request files API ' +
        'lists at most 3,000 files and pull request #2 reached that cap.'
    ]);
    expect(log).toEqual([
      'Falling back to git diff: the pull request files API lists ' +
        'at most 3,000 files and pull request #2 reached that cap.'
    ]);
    expect(server.requests).toHaveLength(30);
  });

  it('falls back to git diff when the API answers 500, and says why', async () => {
    pullFiles = githubError(500, 'Server Error');
    const set = await run('pull_request', pullRequestPayload()).promise;
    expect(set.scope).toBe('changed');
    expect(set.changes).toHaveLength(5);
    expect(set.source).toMatch(/^git diff .* \(5 files; fallback: the pull request files API failed \(Server Error/);
    expect(set.notes[0]).toMatch(
      /^Used git diff on the checkout because the pull request files API failed \(Server Error/
    );
  });

  it('goes straight to git diff without a token', async () => {
    const set = await run('pull_request', pullRequestPayload(), { octokit: undefined }).promise;
    expect(set.changes).toHaveLength(5);
    expect(set.source).toContain('fallback: no token was given');
    expect(server.requests).toHaveLength(0);
  });

  it('checks the whole tree when the API fails and git cannot diff either', async () => {
    pullFiles = githubError(502, 'Bad Gateway');
    const set = await run('pull_request', pullRequestPayload(), { workspace: notGit }).promise;
    expect(set.scope).toBe('all');
    expect(set.source).toMatch(/^full scan \(the pull request files API failed .*; git diff failed\)$/);
    expect(set.notes[1]).toMatch(
      /^git diff failed as well \(Cannot diff: .* is not a git checkout .*\), so the whole tree was checked\.$/
    );
  });

  it('notes that pull_request_target reads the workspace checkout', async () => {
    pullFiles = githubError(500, 'Server Error');
    const set = await run('pull_request_target', pullRequestPayload()).promise;
    expect(set.notes).toContain(
      'pull_request_target: files are read from the workspace, which holds ' +
        'the base branch unless the workflow checked out the pull request head.'
    );
  });
});

describe('pushes', () => {
  function pushPayload(
    before: string,
    after: string,
    ref = 'refs/heads/feature',
    defaultBranch = 'main'
  ): Record<string, unknown> {
    const payload = webhookExample('push', (p) => p.ref === 'refs/heads/master');
    Object.assign(payload, { before, after, ref });
    (payload.repository as Record<string, unknown>).default_branch = defaultBranch;
    return payload;
  }

  it('uses the compare API between before and after', async () => {
    compareFiles = [
      diffEntry(OWNER, REPO, 'models/x/lineage.yaml', 'added'),
      diffEntry(OWNER, REPO, 'models/y/lineage.yaml', 'removed')
    ];
    const set = await run('push', pushPayload(history.root, history.feature)).promise;
    expect(set.source).toBe(`push compare API ${history.root.slice(0, 7)}...${history.feature.slice(0, 7)} (2 files)`);
    expect(set.changes).toEqual([
      { path: 'models/x/lineage.yaml', status: 'added', diffLines: [[1, 3]] },
      { path: 'models/y/lineage.yaml', status: 'removed' }
    ]);
    expect(requestedPaths()).toEqual([`/repos/Codertocat/Hello-World/compare/${history.root}...${history.feature}`]);
  });

  it('falls back to a two-dot git diff when the compare list is capped at 300', async () => {
    compareFiles = files(300);
    const set = await run('push', pushPayload(history.main, history.feature)).promise;
    expect(set.changes.sort(byPath)).toEqual(
      [...FEATURE_CHANGES, { path: 'keep.txt', status: 'modified' } as Change].sort(byPath)
    );
    expect(set.source).toMatch(/^git diff \w{7} \w{7} \(6 files; fallback: the compare API lists at most 300 files/);
  });

  it('checks the whole tree when the default branch is created (before = 000…) — real payload', async () => {
    const payload = webhookExample('push', (p) => p.before === ZERO && p.ref === 'refs/heads/master');
    const set = await run('push', payload).promise;
    expect(set).toEqual({
      scope: 'all',
      changes: [],
      source: 'full scan (push created refs/heads/master)',
      notes: ['The push created refs/heads/master, which has nothing to compare with, so the whole tree was checked.']
    });
    expect(server.requests).toHaveLength(0);
  });

  it('compares a new branch (before = 000…) with the default branch, falling back to git', async () => {
    compareFiles = githubError(500, 'Server Error');
    const set = await run('push', pushPayload(ZERO, history.feature)).promise;
    expect(requestedPaths()).toEqual([`/repos/Codertocat/Hello-World/compare/main...${history.feature}`]);
    expect(set.changes.sort(byPath)).toEqual([...FEATURE_CHANGES].sort(byPath));
    expect(set.source).toMatch(/^git diff main\.\.\.\w{7} \(5 files; fallback: the compare API failed/);
    expect(set.notes[0]).toBe('The push created branch feature: compared with the default branch main.');
  });

  it('has nothing to check when the push deletes a ref — real payload', async () => {
    const payload = webhookExample('push', (p) => p.after === ZERO);
    const set = await run('push', payload).promise;
    expect(set).toEqual({
      scope: 'changed',
      changes: [],
      source: 'push deleting refs/tags/simple-tag (0 files)',
      notes: ['The push deleted refs/tags/simple-tag: there are no files to check.']
    });
  });
});

describe('merge queue', () => {
  it('compares base_sha...head_sha of the real merge_group payload', async () => {
    const payload = webhookExample('merge_group');
    compareFiles = [diffEntry(OWNER, REPO, 'models/q/adapter_config.json', 'modified')];
    const set = await run('merge_group', payload, { owner: 'octo-org', repo: 'octo-repo' }).promise;
    expect(requestedPaths()).toEqual([
      '/repos/octo-org/octo-repo/compare/380387fbc80638b734a49e1be1c4dfec1c01b33c...' +
        '2ffea6db159f6b6c47a24e778fb9ef40cf6b1c7d'
    ]);
    expect(set.source).toBe('merge group compare API 380387f...2ffea6d (1 file)');
    expect(set.changes).toEqual([{ path: 'models/q/adapter_config.json', status: 'modified', diffLines: [[1, 3]] }]);
  });

  it('falls back to git diff when the comparison is capped', async () => {
    const payload = webhookExample('merge_group');
    Object.assign(payload.merge_group as object, { base_sha: history.main, head_sha: history.feature });
    compareFiles = files(300);
    const set = await run('merge_group', payload).promise;
    expect(set.changes.sort(byPath)).toEqual([...FEATURE_CHANGES].sort(byPath));
    expect(set.notes).toEqual([
      'Used git diff on the checkout because the compare API lists ' +
        'at most 300 files and this comparison reached that cap.'
    ]);
  });
});

describe('full scans and explicit refs', () => {
  it('scans everything for scope: all, asking nothing', async () => {
    const { promise } = run('pull_request', pullRequestPayload(), { inputs: { scope: 'all', paths: [] } });
    expect(await promise).toEqual({ scope: 'all', changes: [], source: 'full scan (scope: all)', notes: [] });
    expect(server.requests).toHaveLength(0);
  });

  it.each(['schedule', 'workflow_dispatch', 'repository_dispatch'])('scans everything on %s', async (event) => {
    expect(await run(event, {}).promise).toMatchObject({ scope: 'all', source: `full scan (${event} event)` });
  });

  it('scans everything, with a note, on an event without a file list', async () => {
    const set = await run('issue_comment', {}).promise;
    expect(set).toMatchObject({
      scope: 'all',
      source: 'full scan (issue_comment event)',
      notes: ['The issue_comment event carries no list of changed files, so the whole tree was checked.']
    });
  });

  it('diffs explicit base-ref/head-ref inputs, before looking at the event', async () => {
    const set = await run('pull_request', pullRequestPayload(), {
      inputs: { scope: 'changed', baseRef: 'main', headRef: 'feature', paths: ['models/with space/**'] }
    }).promise;
    expect(set).toEqual({
      scope: 'changed',
      changes: [{ path: 'models/with space/lineage.yaml', status: 'added' }],
      source: 'git diff main...feature from inputs base-ref/head-ref (5 files, 1 matching `paths`)',
      notes: []
    });
    expect(server.requests).toHaveLength(0);
  });

  it('refuses one ref without the other', async () => {
    await expect(run('push', {}, { inputs: { scope: 'changed', baseRef: 'main', paths: [] } }).promise).rejects.toThrow(
      ConfigError
    );
  });

  it.each(['--upload-pack=x', 'a;b'])('refuses ref text %j as a configuration error', async (ref) => {
    await expect(
      run('push', {}, { inputs: { scope: 'changed', baseRef: ref, headRef: 'HEAD', paths: [] } }).promise
    ).rejects.toThrow(/Refusing base revision/);
  });

  it('turns an unknown ref into a configuration error', async () => {
    const attempt = run(
      'push',
      {},
      { workspace: notGit, inputs: { scope: 'changed', baseRef: 'nope', headRef: 'HEAD', paths: [] } }
    ).promise;
    await expect(attempt).rejects.toThrow(ConfigError);
    await expect(attempt).rejects.toThrow(/^Inputs `base-ref`\/`head-ref`: Cannot diff/);
  });
});
