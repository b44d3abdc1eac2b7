import { afterEach, describe, expect, it } from '@jest/globals';
import { getOctokit } from '@actions/github';
import { listPullRequestFiles, PULL_REQUEST_FILES_CAP } from '../../../src/changes/pull-request.js';
import { COMPARE_FILES_CAP, listComparedFiles } from '../../../src/changes/compare.js';
import { githubError, paginate, startGitHubApiServer, type GitHubApiServer } from '../../helpers/github-api-server.js';
import { compareBody, diffEntry, type FileStatus } from '../../helpers/github-shapes.js';

const OWNER = 'Codertocat';
const REPO = 'Hello-World';
let server: GitHubApiServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

function manyFiles(n: number): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => diffEntry(OWNER, REPO, `models/run-${i}/adapter_config.json`, 'modified'));
}

async function servePullFiles(files: unknown[], offerMorePages = false): Promise<GitHubApiServer> {
  server = await startGitHubApiServer({
    routes: [
      {
        method: 'GET',
        path: '/repos/:owner/:repo/pulls/:number/files',
        handler: (req) => {
          const page = paginate(req, files);
          // A misbehaving server that always offers another page must not make the client loop.
          if (offerMorePages)
            page.headers = {
              link:
                `<${req.serverUrl}${req.path}?per_page=100&page=${Number(req.query.get('page') ?? 1) + 1}>; ` +
                `rel="next"`
            };
          return page;
        }
      }
    ]
  });
  return server;
}

describe('listPullRequestFiles', () => {
  it('follows Link headers over 3 pages of 100 for 250 files', async () => {
    const s = await servePullFiles(manyFiles(250));
    const octokit = getOctokit('test-token', { baseUrl: s.url });
    const result = await listPullRequestFiles({ octokit, owner: OWNER, repo: REPO, number: 42 });
    expect(result.capped).toBe(false);
    expect(result.changes).toHaveLength(250);
    expect(result.changes[249]).toEqual({
      path: 'models/run-249/adapter_config.json',
      status: 'modified',
      diffLines: [[1, 3]]
    });
    expect(s.requests.map((r) => new URL(r.url, s.url).searchParams.get('page') ?? '1')).toEqual(['1', '2', '3']);
    expect(s.requests[0].url).toBe('/repos/Codertocat/Hello-World/pulls/42/files?per_page=100');
    expect(s.requests[0].headers.authorization).toBe('token test-token');
  });

  it('maps every GitHub status, keeps previous_filename on renames and drops unchanged files', async () => {
    const entries: [string, FileStatus, string?][] = [
      ['a/new.json', 'added'],
      ['a/edit.json', 'modified'],
      ['a/gone.json', 'removed'],
      ['b/moved.json', 'renamed', 'a/moved.json'],
      ['b/copy.json', 'copied'],
      ['a/mode.sh', 'changed'],
      ['a/same.json', 'unchanged']
    ];
    const s = await servePullFiles(entries.map(([f, st, prev]) => diffEntry(OWNER, REPO, f, st, prev)));
    const result = await listPullRequestFiles({
      octokit: getOctokit('t', { baseUrl: s.url }),
      owner: OWNER,
      repo: REPO,
      number: 1
    });
    expect(result.changes).toEqual([
      { path: 'a/new.json', status: 'added', diffLines: [[1, 3]] },
      { path: 'a/edit.json', status: 'modified', diffLines: [[1, 3]] },
      { path: 'a/gone.json', status: 'removed' },
      { path: 'b/moved.json', status: 'renamed', previousPath: 'a/moved.json', diffLines: [[1, 3]] },
      { path: 'b/copy.json', status: 'added', diffLines: [[1, 3]] },
      { path: 'a/mode.sh', status: 'modified', diffLines: [[1, 3]] }
    ]);
  });

  it('reports the 3,000-file cap and stops asking for pages there', async () => {
    const s = await servePullFiles(manyFiles(PULL_REQUEST_FILES_CAP), true);
    const result = await listPullRequestFiles({
      octokit: getOctokit('t', { baseUrl: s.url }),
      owner: OWNER,
      repo: REPO,
      number: 7
    });
    expect(result.capped).toBe(true);
    expect(result.changes).toHaveLength(3000);
    expect(s.requests).toHaveLength(30);
  });

  it('is not capped one file below the cap', async () => {
    const s = await servePullFiles(manyFiles(PULL_REQUEST_FILES_CAP - 1));
    const result = await listPullRequestFiles({
      octokit: getOctokit('t', { baseUrl: s.url }),
      owner: OWNER,
      repo: REPO,
      number: 7
    });
    expect(result.capped).toBe(false);
    expect(result.changes).toHaveLength(2999);
  });

  it('rejects with the API error on a 500', async () => {
    server = await startGitHubApiServer({
      routes: [
        {
          method: 'GET',
          path: '/repos/:owner/:repo/pulls/:number/files',
          handler: () => githubError(500, 'Server Error')
        }
      ]
    });
    await expect(
      listPullRequestFiles({ octokit: getOctokit('t', { baseUrl: server.url }), owner: OWNER, repo: REPO, number: 7 })
    ).rejects.toThrow(/Server Error/);
  });
});

describe('listComparedFiles', () => {
  async function serveCompare(files: unknown[]): Promise<GitHubApiServer> {
    server = await startGitHubApiServer({
      routes: [
        {
          method: 'GET',
          path: '/repos/:owner/:repo/compare/:base...:head',
          handler: (req) => ({
            body: compareBody(req.serverUrl, req.params.owner, req.params.repo, req.params.base, req.params.head, files)
          })
        }
      ]
    });
    return server;
  }

  it('reads the files of a comparison in one request, asking for a single commit', async () => {
    const base = '6113728f27ae82c7b1a177c8d03f9e96e0adf246';
    const head = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
    const s = await serveCompare([
      diffEntry(OWNER, REPO, 'models/x/adapter_config.json', 'added'),
      diffEntry(OWNER, REPO, 'models/y/lineage.yaml', 'renamed', 'models/old/lineage.yaml'),
      diffEntry(OWNER, REPO, 'README.md', 'unchanged')
    ]);
    const result = await listComparedFiles({
      octokit: getOctokit('t', { baseUrl: s.url }),
      owner: OWNER,
      repo: REPO,
      base,
      head
    });
    expect(result).toEqual({
      capped: false,
      changes: [
        { path: 'models/x/adapter_config.json', status: 'added', diffLines: [[1, 3]] },
        {
          path: 'models/y/lineage.yaml',
          status: 'renamed',
          previousPath: 'models/old/lineage.yaml',
          diffLines: [[1, 3]]
        }
      ]
    });
    expect(s.requests).toHaveLength(1);
    expect(s.requests[0].url).toBe(`/repos/Codertocat/Hello-World/compare/${base}...${head}?per_page=1&page=1`);
  });

  it('reports the 300-file cap of the compare endpoint', async () => {
    const s = await serveCompare(manyFiles(COMPARE_FILES_CAP));
    const result = await listComparedFiles({
      octokit: getOctokit('t', { baseUrl: s.url }),
      owner: OWNER,
      repo: REPO,
      base: 'main',
      head: 'feature'
    });
    expect(result.capped).toBe(true);
    expect(result.changes).toHaveLength(300);
  });

  it('rejects when the comparison is not found', async () => {
    server = await startGitHubApiServer({ routes: [] });
    await expect(
      listComparedFiles({
        octokit: getOctokit('t', { baseUrl: server.url }),
        owner: OWNER,
        repo: REPO,
        base: 'a',
        head: 'b'
      })
    ).rejects.toThrow(/Not Found/);
  });
});
