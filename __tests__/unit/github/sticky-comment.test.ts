import { afterEach, describe, expect, it } from '@jest/globals';
import { getOctokit } from '@actions/github';
import {
  boundCommentBody,
  COMMENT_MAX_CHARS,
  findStickyComment,
  shouldComment,
  STICKY_MARKER,
  upsertStickyComment
} from '../../../src/github/sticky-comment.js';
import {
  githubError,
  paginate,
  startGitHubApiServer,
  type ApiRequest,
  type ApiResponse,
  type GitHubApiServer
} from '../../helpers/github-api-server.js';
import { issueComment } from '../../helpers/github-shapes.js';
import { bulkFindings, sampleReport } from '../report/sample-report.js';

const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const PR = 12;
let server: GitHubApiServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface StoredComment {
  id: number;
  body: string;
  user: { login: string; type: 'User' | 'Bot' };
}

const human = { login: 'octocat', type: 'User' as const };
const bot = { login: 'github-actions[bot]', type: 'Bot' as const };

/**
 * An issue's comment thread held in memory, served like GitHub does; `deny` makes the matching calls
 * answer 403. `viewer`: the login GraphQL gives for the token; without it GraphQL is not served, and
 * the gate falls back to the marker alone.
 */
async function serveThread(
  comments: StoredComment[],
  deny: { list?: boolean; write?: boolean } = {},
  viewer?: string
): Promise<GitHubApiServer> {
  let nextId = 9000;
  const denied = (): ApiResponse => githubError(403, 'Resource not accessible by integration');
  const render = (req: ApiRequest, c: StoredComment) =>
    issueComment({ ...c, serverUrl: req.serverUrl, owner: req.params.owner, repo: req.params.repo, issueNumber: PR });
  server = await startGitHubApiServer({
    routes: [
      ...(viewer
        ? [{ method: 'POST', path: '/graphql', handler: () => ({ body: { data: { viewer: { login: viewer } } } }) }]
        : []),
      {
        method: 'GET',
        path: '/repos/:owner/:repo/issues/:number/comments',
        handler: (req) =>
          deny.list
            ? denied()
            : paginate(
                req,
                comments.map((c) => render(req, c))
              )
      },
      {
        method: 'POST',
        path: '/repos/:owner/:repo/issues/:number/comments',
        handler: (req) => {
          if (deny.write) return denied();
          const comment = { id: nextId++, body: (req.json as { body: string }).body, user: bot };
          comments.push(comment);
          return { status: 201, body: render(req, comment) };
        }
      },
      {
        method: 'PATCH',
        path: '/repos/:owner/:repo/issues/comments/:id',
        handler: (req) => {
          if (deny.write) return denied();
          const comment = comments.find((c) => c.id === Number(req.params.id));
          if (!comment) return githubError(404, 'Not Found');
          comment.body = (req.json as { body: string }).body;
          return { body: render(req, comment) };
        }
      }
    ]
  });
  return server;
}

/** The REST requests (the identity question goes to GraphQL first). */
function rest(s: GitHubApiServer) {
  return s.requests.filter((r) => r.url !== '/graphql');
}

function chatter(n: number, from = 1): StoredComment[] {
  return Array.from({ length: n }, (_, i) => ({
    id: from + i,
    body: `comment ${from + i} mentions lineage-gate`,
    user: human
  }));
}

describe('upsertStickyComment', () => {
  it('creates the comment on the first run and edits the same one on the next, never posting a second', async () => {
    const thread = chatter(3);
    const s = await serveThread(thread);
    const octokit = getOctokit('t', { baseUrl: s.url });
    const target = { octokit, owner: OWNER, repo: REPO, issueNumber: PR };

    const first = await upsertStickyComment({ ...target, body: `${STICKY_MARKER}\n❌ Lineage gate failed` });
    expect(first).toEqual({ ok: true, action: 'created', id: 9000 });
    const second = await upsertStickyComment({ ...target, body: `${STICKY_MARKER}\n✅ Lineage gate passed` });
    expect(second).toEqual({ ok: true, action: 'updated', id: 9000 });

    expect(thread).toHaveLength(4);
    expect(thread[3].body).toBe(`${STICKY_MARKER}\n✅ Lineage gate passed`);
    expect(rest(s).map((r) => `${r.method} ${r.url}`)).toEqual([
      `GET /repos/${OWNER}/${REPO}/issues/${PR}/comments?per_page=100`,
      `POST /repos/${OWNER}/${REPO}/issues/${PR}/comments`,
      `GET /repos/${OWNER}/${REPO}/issues/${PR}/comments?per_page=100`,
      `PATCH /repos/${OWNER}/${REPO}/issues/comments/9000`
    ]);
  });

  it('finds the marker on the second page of comments and updates that comment', async () => {
    const thread = [...chatter(130), { id: 131, body: `Report\n${STICKY_MARKER}`, user: bot }, ...chatter(20, 132)];
    const s = await serveThread(thread);
    const result = await upsertStickyComment({
      octokit: getOctokit('t', { baseUrl: s.url }),
      owner: OWNER,
      repo: REPO,
      issueNumber: PR,
      body: 'new verdict'
    });
    expect(result).toEqual({ ok: true, action: 'updated', id: 131 });
    expect(rest(s).map((r) => `${r.method} ${new URL(r.url, s.url).searchParams.get('page') ?? '1'}`)).toEqual([
      'GET 1',
      'GET 2',
      'PATCH 1'
    ]);
    expect(rest(s)[2].url).toBe(`/repos/${OWNER}/${REPO}/issues/comments/131`);
    expect(thread).toHaveLength(151);
    // The marker is added when the body lacks it, so the next run finds the comment again.
    expect(thread[130].body).toBe(`${STICKY_MARKER}\nnew verdict`);
  });

  it('ignores a marker pasted by someone else when GitHub says who the token is, and posts its own', async () => {
    const thread = [
      { id: 1, body: `${STICKY_MARKER} pasted`, user: human },
      { id: 2, body: `${STICKY_MARKER} another app's`, user: { login: 'other-app[bot]', type: 'Bot' as const } }
    ];
    const s = await serveThread(thread, {}, 'github-actions');
    const result = await upsertStickyComment({
      octokit: getOctokit('t', { baseUrl: s.url }),
      owner: OWNER,
      repo: REPO,
      issueNumber: PR,
      body: 'verdict'
    });
    expect(result).toEqual({ ok: true, action: 'created', id: 9000 });
    expect(thread[0].body).toBe(`${STICKY_MARKER} pasted`);
    const again = await findStickyComment({
      octokit: getOctokit('t', { baseUrl: s.url }),
      owner: OWNER,
      repo: REPO,
      issueNumber: PR
    });
    expect(again).toEqual({ ok: true, comment: { id: 9000, byBot: true } });
  });

  it("prefers a bot's marked comment over a user's that quotes the marker", async () => {
    const thread = [
      { id: 1, body: `quoting: ${STICKY_MARKER}`, user: human },
      ...chatter(5, 2),
      { id: 7, body: STICKY_MARKER, user: bot }
    ];
    const s = await serveThread(thread);
    const found = await findStickyComment({
      octokit: getOctokit('t', { baseUrl: s.url }),
      owner: OWNER,
      repo: REPO,
      issueNumber: PR
    });
    expect(found).toEqual({ ok: true, comment: { id: 7, byBot: true } });
  });

  it("uses a user's marked comment when no bot's exists, and the custom marker given", async () => {
    const marker = '<!-- other-gate -->';
    const thread = [
      ...chatter(2),
      { id: 3, body: `${marker} from a person`, user: human },
      { id: 4, body: STICKY_MARKER, user: bot }
    ];
    const s = await serveThread(thread);
    const result = await upsertStickyComment({
      octokit: getOctokit('t', { baseUrl: s.url }),
      owner: OWNER,
      repo: REPO,
      issueNumber: PR,
      marker,
      body: `${marker}\nhello`
    });
    expect(result).toEqual({ ok: true, action: 'updated', id: 3 });
  });

  it('skips the lookup when the caller already found the comment', async () => {
    const thread = [{ id: 5, body: STICKY_MARKER, user: bot }];
    const s = await serveThread(thread);
    const result = await upsertStickyComment({
      octokit: getOctokit('t', { baseUrl: s.url }),
      owner: OWNER,
      repo: REPO,
      issueNumber: PR,
      body: 'x',
      existing: { id: 5, byBot: true }
    });
    expect(result).toEqual({ ok: true, action: 'updated', id: 5 });
    expect(s.requests.map((r) => r.method)).toEqual(['PATCH']);
  });

  it('turns a 403 on the write into a warning naming pull-requests: write, without throwing', async () => {
    const thread = chatter(2);
    const s = await serveThread(thread, { write: true });
    const result = await upsertStickyComment({
      octokit: getOctokit('t', { baseUrl: s.url }),
      owner: OWNER,
      repo: REPO,
      issueNumber: PR,
      body: 'x'
    });
    expect(result).toEqual({ ok: false, warning: expect.stringContaining('`pull-requests: write`') });
    expect(thread).toHaveLength(2);
  });

  it('turns a 403 on listing into a warning about reading, and writes nothing', async () => {
    const s = await serveThread([], { list: true });
    const result = await upsertStickyComment({
      octokit: getOctokit('t', { baseUrl: s.url }),
      owner: OWNER,
      repo: REPO,
      issueNumber: PR,
      body: 'x'
    });
    expect(result).toEqual({
      ok: false,
      warning: expect.stringMatching(/^Could not read .*HTTP 403.*pull-requests: read/)
    });
    expect(rest(s).map((r) => r.method)).toEqual(['GET']);
  });

  it('posts an oversized body shortened under the cap, with the marker kept and a visible note', async () => {
    const thread: StoredComment[] = [];
    const s = await serveThread(thread);
    const body =
      `## ❌ Lineage gate failed\n\n` + `${'| adapters/x | ❌ missing-license |\n'.repeat(4000)}\n${STICKY_MARKER}\n`;
    expect(body.length).toBeGreaterThan(COMMENT_MAX_CHARS);
    const result = await upsertStickyComment({
      octokit: getOctokit('t', { baseUrl: s.url }),
      owner: OWNER,
      repo: REPO,
      issueNumber: PR,
      body
    });
    expect(result).toMatchObject({ ok: true, action: 'created' });
    const posted = thread[0].body;
    expect(posted.length).toBeLessThanOrEqual(COMMENT_MAX_CHARS);
    expect(posted.length).toBeGreaterThan(COMMENT_MAX_CHARS - 2100);
    expect(posted.startsWith(`${STICKY_MARKER}\n## ❌ Lineage gate failed`)).toBe(true);
    expect(posted.split(STICKY_MARKER)).toHaveLength(2);
    expect(posted).toContain('This comment was shortened');
    // Cut at a line end: no half table row before the note.
    expect(posted.split('\n\n> [!NOTE]')[0].endsWith('missing-license |')).toBe(true);
  });
});

describe('boundCommentBody', () => {
  it('leaves a body under the cap that has the marker unchanged', () => {
    const body = `hello\n${STICKY_MARKER}`;
    expect(boundCommentBody(body)).toBe(body);
  });

  it('closes a code fence left open by the cut, so the note is not inside the code block', () => {
    const body = `${STICKY_MARKER}\n\`\`\`text\n${'line of log output\n'.repeat(5000)}\`\`\`\n`;
    const bounded = boundCommentBody(body);
    expect(bounded.length).toBeLessThanOrEqual(COMMENT_MAX_CHARS);
    const beforeNote = bounded.split('\n\n> [!NOTE]')[0];
    expect(beforeNote.endsWith('line of log output\n```')).toBe(true);
  });
});

describe('shouldComment', () => {
  const failing = sampleReport('error');
  const passing = sampleReport('error', bulkFindings(1, 'warning', 'a', 5));
  it.each([
    ['on-failure', 'fail', false, true],
    ['on-failure', 'pass', false, false],
    ['on-failure', 'pass', true, true],
    ['on-failure', 'fail', true, true],
    ['always', 'pass', false, true],
    ['never', 'fail', true, false]
  ] as const)('%s with a %s result (existing comment: %s) → %s', (mode, result, existing, expected) => {
    const report = result === 'fail' ? failing : passing;
    expect(report.result).toBe(result);
    expect(shouldComment(mode, report, existing)).toBe(expected);
  });
});
