/**
 * A pull request on a loopback GitHub API that remembers what the gate writes: issue comments,
 * reviews with their line comments, check runs. Tests run dist/index.js against it several times
 * and look at the state it is left in, as a reviewer would look at the PR page.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterEach } from '@jest/globals';
import { dirname, join } from 'node:path';
import {
  githubError,
  paginate,
  startGitHubApiServer,
  type ApiRequest,
  type ApiResponse,
  type GitHubApiServer
} from './github-api-server.js';
import {
  checkRun,
  compareBody,
  contentFile,
  diffEntry,
  issueComment,
  pullRequestReview,
  reviewComment,
  type FileStatus
} from './github-shapes.js';
import { webhookExample } from './webhook-examples.js';
import { checkGraphqlRequest, executeGraphql } from './github-graphql.js';

export const OWNER = 'acme';
export const REPO = 'models';
export const PR_NUMBER = 8;

export interface PrFile {
  path: string;
  status: FileStatus;
  /** Unified-diff hunks as GitHub's `patch`; default: the whole file added. */
  patch?: string;
}

interface User {
  login: string;
  type: 'Bot' | 'User';
}

export interface IssueComment {
  id: number;
  body: string;
  user: User;
}

export interface ReviewComment {
  id: number;
  reviewId: number;
  path: string;
  line: number;
  body: string;
  user: User;
}

export interface Review {
  id: number;
  body: string;
  commitId: string;
  event: string;
  user: User;
}

export interface CheckRunPatch {
  annotations: number;
  status?: string;
  conclusion?: string;
}

export interface StandInOptions {
  /** Refuse every write with 403, as GitHub does for a fork's read-only token. */
  readOnly?: boolean;
  /** With `readOnly`: writes fail with 502 quoting the first 20 characters of the Authorization header. */
  echoToken?: boolean;
  /** Refuse reviews that carry line comments with 422, as GitHub does when a line is not in the diff. */
  refuseLineComments?: boolean;
  /** Answer the pull request files API with 500, so the gate falls back to git diff. */
  filesApiFails?: boolean;
  /** Answer the pull request files API with this instead (hostile statuses and bodies); implies `openapi: false`. */
  filesApiAnswer?: ApiResponse;
  /**
   * Whether the token may resolve review threads (`viewerCanResolve`; GitHub needs
   * `contents: write`). Default true.
   */
  canResolveThreads?: boolean;
}

export interface PullRequestStandIn {
  server: GitHubApiServer;
  files: PrFile[];
  issueComments: IssueComment[];
  reviews: Review[];
  reviewComments: ReviewComment[];
  checkPatches: CheckRunPatch[];
  /** The JSON body of every check-run create and update, in order. */
  checkRunBodies: Record<string, unknown>[];
  /** Files at the pull request's base commit (path → text), served by the contents API. */
  baseFiles: Map<string, string>;
  /** Line comments (by id) whose conversation thread is resolved; every line comment starts a thread. */
  resolvedThreads: Set<number>;
  /** Requests that changed something (POST / PATCH / PUT, GraphQL mutations), in order: `METHOD path`. */
  writes(): string[];
  close(): Promise<void>;
}

const BOT: User = { login: 'github-actions[bot]', type: 'Bot' };

/**
 * `start` for tests: each stand-in it starts is closed after the test, and closing fails the test
 * when a request or answer did not conform to GitHub's API description.
 */
export function standInsClosedAfterEach(): (options?: StandInOptions) => Promise<PullRequestStandIn> {
  const open: PullRequestStandIn[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((standIn) => standIn.close()));
  });
  return async (options) => {
    const standIn = await startPullRequestStandIn(options);
    open.push(standIn);
    return standIn;
  };
}

/** A real pull_request payload (@octokit/webhooks-examples) for this stand-in's PR at `headSha`. */
export function pullRequestPayload(action: 'opened' | 'synchronize', headSha: string): Record<string, unknown> {
  const p = webhookExample('pull_request', (e) => e.action === action) as {
    number: number;
    pull_request: { number: number; head: { sha: string } };
  };
  p.number = PR_NUMBER;
  p.pull_request.number = PR_NUMBER;
  p.pull_request.head.sha = headSha;
  return p as unknown as Record<string, unknown>;
}

/** Writes files (path → content) under `dir`, creating directories. */
export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

export async function startPullRequestStandIn(options: StandInOptions = {}): Promise<PullRequestStandIn> {
  const state = {
    files: [] as PrFile[],
    issueComments: [] as IssueComment[],
    reviews: [] as Review[],
    reviewComments: [] as ReviewComment[],
    checkPatches: [] as CheckRunPatch[],
    checkRunBodies: [] as Record<string, unknown>[],
    baseFiles: new Map<string, string>(),
    resolvedThreads: new Set<number>()
  };
  let nextId = 1000;
  /** 403 as GitHub words it, or (`echoToken`) a 502 from a misbehaving proxy that quotes the credentials. */
  const denied = (req: ApiRequest): ApiResponse =>
    options.echoToken
      ? githubError(502, `Upstream refused credentials ${String(req.headers.authorization ?? '').slice(0, 20)}`)
      : githubError(403, 'Resource not accessible by integration');
  const base = `/repos/${OWNER}/${REPO}`;
  const body = (req: ApiRequest) => req.json as Record<string, unknown>;
  // Answers are built from GitHub's own examples, so they validate against its OpenAPI description.
  const place = () => ({ serverUrl: server.url, owner: OWNER, repo: REPO });
  const asIssueComment = (c: IssueComment) =>
    issueComment({ ...place(), id: c.id, body: c.body, user: c.user, issueNumber: PR_NUMBER });
  const asReview = (r: Review) =>
    pullRequestReview({
      ...place(),
      id: r.id,
      body: r.body,
      commitId: r.commitId,
      user: r.user,
      pullNumber: PR_NUMBER
    });
  const asReviewComment = (c: ReviewComment, commitId: string) =>
    reviewComment({
      ...place(),
      id: c.id,
      body: c.body,
      path: c.path,
      line: c.line,
      commitId,
      user: c.user,
      pullNumber: PR_NUMBER,
      reviewId: c.reviewId
    });
  const commitOf = (c: ReviewComment) => state.reviews.find((r) => r.id === c.reviewId)?.commitId ?? 'f'.repeat(40);
  let checkRunHeadSha = '';
  const asCheckRun = (status: 'in_progress' | 'completed', conclusion?: string) =>
    checkRun({
      ...place(),
      id: 7,
      status,
      conclusion: conclusion as 'success' | 'failure' | 'neutral' | undefined,
      headSha: checkRunHeadSha,
      name: 'Lineage Gate'
    });

  // GraphQL data for the queries the gate makes: a pull request's review threads, and resolving one.
  const thread = (c: ReviewComment) => ({
    id: `PRRT_${c.id}`,
    isResolved: state.resolvedThreads.has(c.id),
    viewerCanResolve: options.readOnly ? false : (options.canResolveThreads ?? true),
    comments: () => ({ nodes: [{ databaseId: c.id }] })
  });
  const graphqlRoot = {
    // GraphQL names an app's account without REST's `[bot]` suffix.
    viewer: () => ({ login: BOT.login.replace(/\[bot\]$/, '') }),
    repository: ({ owner, name }: { owner: string; name: string }) =>
      owner === OWNER && name === REPO
        ? {
            pullRequest: ({ number }: { number: number }) =>
              number !== PR_NUMBER
                ? null
                : {
                    reviewThreads: ({ first, after }: { first: number; after?: string | null }) => {
                      const start = after ? Number(after) : 0;
                      const page = state.reviewComments.slice(start, start + first);
                      const end = start + page.length;
                      return {
                        pageInfo: {
                          hasNextPage: end < state.reviewComments.length,
                          endCursor: page.length ? String(end) : null
                        },
                        nodes: page.map(thread)
                      };
                    }
                  }
          }
        : null,
    resolveReviewThread: ({ input }: { input: { threadId: string } }) => {
      const c = state.reviewComments.find((x) => `PRRT_${x.id}` === input.threadId);
      if (!c || options.readOnly || options.canResolveThreads === false)
        throw new Error('Resource not accessible by integration');
      state.resolvedThreads.add(c.id);
      return { thread: thread(c) };
    }
  };

  /** An edit route: refused when read-only, 404 for an unknown id, else the body replaced. */
  const editBody =
    <T extends { id: number; body: string }>(list: T[], render: (item: T) => Record<string, unknown>) =>
    (req: ApiRequest): ApiResponse => {
      if (options.readOnly) return denied(req);
      const item = list.find((x) => String(x.id) === req.params.id);
      if (!item) return githubError(404, 'Not Found');
      item.body = String(body(req).body);
      return { body: render(item) };
    };

  const server = await startGitHubApiServer({
    // A hostile answer is meant not to conform to GitHub's description.
    openapi: !options.filesApiAnswer,
    routes: [
      {
        method: 'POST',
        path: '/graphql',
        handler: (req) => {
          const { document, variables } = checkGraphqlRequest(req.json);
          const result = executeGraphql(document!, variables, graphqlRoot);
          // An error here means the stand-in's data does not fit the schema, or the gate asked for
          // something it may not.
          for (const e of result.errors ?? []) server.violations.push(`POST /graphql: ${e.message}`);
          return { body: result };
        }
      },
      {
        method: 'GET',
        path: `${base}/pulls/${PR_NUMBER}/files`,
        handler: (req) =>
          options.filesApiAnswer
            ? options.filesApiAnswer
            : options.filesApiFails
              ? githubError(500, 'Server Error')
              : paginate(
                  req,
                  state.files.map((f) => ({
                    ...diffEntry(OWNER, REPO, f.path, f.status),
                    patch: f.patch ?? '@@ -0,0 +1,200 @@'
                  }))
                )
      },
      {
        // Pushes and merge groups list the same files through the compare API.
        method: 'GET',
        path: `${base}/compare/:base...:head`,
        handler: (req) => ({
          body: compareBody(
            req.serverUrl,
            OWNER,
            REPO,
            req.params.base,
            req.params.head,
            state.files.map((f) => diffEntry(OWNER, REPO, f.path, f.status))
          )
        })
      },
      {
        method: 'GET',
        path: `${base}/contents/*`,
        handler: (req) => {
          const path = req.params.rest;
          const text = state.baseFiles.get(path);
          const ref = req.query.get('ref') ?? 'main';
          return text === undefined
            ? githubError(404, 'Not Found')
            : { body: contentFile({ ...place(), path, text, ref }) };
        }
      },
      {
        method: 'GET',
        path: `${base}/issues/${PR_NUMBER}/comments`,
        handler: (req) => paginate(req, state.issueComments.map(asIssueComment))
      },
      {
        method: 'POST',
        path: `${base}/issues/${PR_NUMBER}/comments`,
        handler: (req) => {
          if (options.readOnly) return denied(req);
          const c = { id: nextId++, body: String(body(req).body), user: BOT };
          state.issueComments.push(c);
          return { status: 201, body: asIssueComment(c) };
        }
      },
      { method: 'PATCH', path: `${base}/issues/comments/:id`, handler: editBody(state.issueComments, asIssueComment) },
      {
        method: 'GET',
        path: `${base}/pulls/${PR_NUMBER}/comments`,
        handler: (req) =>
          paginate(
            req,
            state.reviewComments.map((c) => asReviewComment(c, commitOf(c)))
          )
      },
      {
        method: 'GET',
        path: `${base}/pulls/${PR_NUMBER}/reviews`,
        handler: (req) => paginate(req, state.reviews.map(asReview))
      },
      {
        method: 'POST',
        path: `${base}/pulls/${PR_NUMBER}/reviews`,
        handler: (req) => {
          if (options.readOnly) return denied(req);
          const b = body(req) as {
            body: string;
            commit_id: string;
            event: string;
            comments?: { path: string; line: number; body: string }[];
          };
          if (options.refuseLineComments && b.comments?.length)
            return githubError(422, 'Unprocessable Entity: "Line could not be resolved"');
          const review: Review = { id: nextId++, body: b.body, commitId: b.commit_id, event: b.event, user: BOT };
          state.reviews.push(review);
          for (const c of b.comments ?? [])
            state.reviewComments.push({
              id: nextId++,
              reviewId: review.id,
              path: c.path,
              line: c.line,
              body: c.body,
              user: BOT
            });
          return { body: asReview(review) };
        }
      },
      {
        method: 'PATCH',
        path: `${base}/pulls/comments/:id`,
        handler: editBody(state.reviewComments, (c) => asReviewComment(c, commitOf(c)))
      },
      { method: 'PUT', path: `${base}/pulls/${PR_NUMBER}/reviews/:id`, handler: editBody(state.reviews, asReview) },
      {
        method: 'POST',
        path: `${base}/check-runs`,
        handler: (req) => {
          if (options.readOnly) return denied(req);
          state.checkRunBodies.push(body(req));
          checkRunHeadSha = String(body(req).head_sha);
          return { status: 201, body: asCheckRun('in_progress') };
        }
      },
      {
        method: 'PATCH',
        path: `${base}/check-runs/:id`,
        handler: (req) => {
          if (options.readOnly) return denied(req);
          const b = body(req) as { output?: { annotations?: unknown[] }; status?: string; conclusion?: string };
          state.checkRunBodies.push(body(req));
          state.checkPatches.push({
            annotations: b.output?.annotations?.length ?? 0,
            status: b.status,
            conclusion: b.conclusion
          });
          return { body: b.status === 'completed' ? asCheckRun('completed', b.conclusion) : asCheckRun('in_progress') };
        }
      }
    ]
  });
  return {
    server,
    ...state,
    // A GraphQL query is a read; only its mutations change something.
    writes: () =>
      server.requests
        .filter(
          (r) =>
            r.method !== 'GET' &&
            !(r.url === '/graphql' && !/^\s*mutation\b/.test(String((JSON.parse(r.body) as { query?: unknown }).query)))
        )
        .map((r) => `${r.method} ${r.url.split('?')[0]}`),
    close: () => server.close()
  };
}
