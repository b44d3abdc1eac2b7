/**
 * Response bodies valid against GitHub's REST OpenAPI description, for the loopback API server.
 * Each is the document's own example (`components/examples`) with the caller's values put in and
 * its URLs pointed at the loopback server (API) or at github.com/<owner>/<repo> (pages).
 */
import { createHash } from 'node:crypto';
import { openapiDocument } from './github-openapi.js';

type Body = Record<string, unknown>;

function sha(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** A stable positive id for a name (user ids). */
function idOf(text: string): number {
  return parseInt(sha(text).slice(0, 7), 16);
}

/** A deep copy of a document example; `-items` examples are lists, of which the first is taken. */
function example(name: string): Body {
  const value = openapiDocument().components.examples[name].value;
  return structuredClone(Array.isArray(value) ? value[0] : value) as Body;
}

/** `value` with every string that starts with one of the `from` prefixes re-prefixed (first match wins). */
function rebase<T>(value: T, prefixes: [from: string, to: string][]): T {
  return JSON.parse(JSON.stringify(value), (_key, v: unknown) => {
    if (typeof v !== 'string') return v;
    const hit = prefixes.find(([from]) => v.startsWith(from));
    return hit ? hit[1] + v.slice(hit[0].length) : v;
  }) as T;
}

interface Place {
  serverUrl: string;
  owner: string;
  repo: string;
}

/**
 * Prefixes that move an example's repository `from` (`owner/name` as the example spells it) to the
 * loopback server and github.com/<owner>/<repo>.
 */
function moveRepo(from: string, { serverUrl, owner, repo }: Place): [string, string][] {
  return [
    [`https://api.github.com/repos/${from}`, `${serverUrl}/repos/${owner}/${repo}`],
    [`https://github.com/${from}`, `https://github.com/${owner}/${repo}`],
    ['https://api.github.com', serverUrl]
  ];
}

export interface Actor {
  login: string;
  /** `User`, `Bot` or `Organization`. */
  type: string;
}

const OCTOCAT: Actor = { login: 'octocat', type: 'User' };

/** A `simple-user`: the examples' octocat renamed, its URLs on the loopback server. */
function simpleUser(serverUrl: string, { login, type }: Actor): Body {
  const path = encodeURIComponent(login);
  const template = example('issue-comment').user as Body;
  const id = idOf(login);
  return {
    ...rebase(template, [
      ['https://api.github.com/users/octocat', `${serverUrl}/users/${path}`],
      ['https://github.com/octocat', `https://github.com/${path}`]
    ]),
    login,
    id,
    node_id: `U_${id}`,
    type
  };
}

export type FileStatus = 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';

/** One entry of `GET /pulls/{n}/files` or of a comparison's `files` (schema `diff-entry`). */
export function diffEntry(
  owner: string,
  repo: string,
  filename: string,
  status: FileStatus,
  previousFilename?: string
): Body {
  const blob = sha(`${status}:${filename}`);
  const encoded = filename.split('/').map(encodeURIComponent).join('/');
  const entry: Body = {
    sha: blob,
    filename,
    status,
    additions: status === 'removed' ? 0 : 3,
    deletions: status === 'added' ? 0 : 1,
    changes: status === 'added' ? 3 : status === 'removed' ? 1 : 4,
    blob_url: `https://github.com/${owner}/${repo}/blob/${blob}/${encoded}`,
    raw_url: `https://github.com/${owner}/${repo}/raw/${blob}/${encoded}`,
    contents_url: `https://api.github.com/repos/${owner}/${repo}/contents/${encoded}?ref=${blob}`,
    patch: '@@ -1 +1,3 @@\n-a\n+b\n+c\n+d'
  };
  if (previousFilename !== undefined) entry.previous_filename = previousFilename;
  return entry;
}

/**
 * The body of `GET /repos/{o}/{r}/compare/{base}...{head}` (schema `commit-comparison`; one commit
 * shown, as with `per_page=1`).
 */
export function compareBody(
  serverUrl: string,
  owner: string,
  repo: string,
  base: string,
  head: string,
  files: unknown[]
): Body {
  const template = rebase(example('commit-comparison'), moveRepo('octocat/Hello-World', { serverUrl, owner, repo }));
  const api = `${serverUrl}/repos/${owner}/${repo}`;
  const html = `https://github.com/${owner}/${repo}`;
  const commit = (id: string): Body => {
    const shown = template.base_commit as Body & { commit: Body };
    return {
      ...shown,
      sha: id,
      node_id: `C_${id.slice(0, 10)}`,
      url: `${api}/commits/${id}`,
      html_url: `${html}/commit/${id}`,
      comments_url: `${api}/commits/${id}/comments`,
      commit: {
        ...shown.commit,
        url: `${api}/git/commits/${id}`,
        tree: { sha: sha(`tree:${id}`), url: `${api}/git/trees/${sha(`tree:${id}`)}` }
      },
      parents: []
    };
  };
  return {
    ...template,
    url: `${api}/compare/${base}...${head}`,
    html_url: `${html}/compare/${base}...${head}`,
    permalink_url: `${html}/compare/${owner}:${base.slice(0, 7)}...${owner}:${head.slice(0, 7)}`,
    diff_url: `${html}/compare/${base}...${head}.diff`,
    patch_url: `${html}/compare/${base}...${head}.patch`,
    base_commit: commit(base),
    merge_base_commit: commit(base),
    status: 'ahead',
    ahead_by: 1,
    behind_by: 0,
    total_commits: 1,
    commits: [commit(head)],
    files
  };
}

export interface IssueCommentFields extends Place {
  id: number;
  body: string;
  /** Default: octocat. */
  user?: Actor;
  issueNumber: number;
}

/** A comment on an issue or pull request (schema `issue-comment`). */
export function issueComment({
  id,
  body,
  user = OCTOCAT,
  serverUrl,
  owner,
  repo,
  issueNumber
}: IssueCommentFields): Body {
  const template = rebase(example('issue-comment'), moveRepo('octocat/Hello-World', { serverUrl, owner, repo }));
  return {
    ...template,
    id,
    node_id: `IC_${id}`,
    url: `${serverUrl}/repos/${owner}/${repo}/issues/comments/${id}`,
    html_url: `https://github.com/${owner}/${repo}/issues/${issueNumber}#issuecomment-${id}`,
    issue_url: `${serverUrl}/repos/${owner}/${repo}/issues/${issueNumber}`,
    body,
    user: simpleUser(serverUrl, user),
    author_association: user.type === 'Bot' ? 'NONE' : 'COLLABORATOR'
  };
}

export interface CheckRunFields extends Place {
  id: number;
  /** `queued`, `in_progress`, `completed`… (as sent, so the schema's enum judges it). */
  status: string;
  /** Only for a completed check run: `success`, `failure`, `neutral`… */
  conclusion?: string;
  headSha: string;
  name: string;
}

/** A check run as `POST/PATCH /repos/{o}/{r}/check-runs` answer it (schema `check-run`). */
export function checkRun({ id, status, conclusion, headSha, name, serverUrl, owner, repo }: CheckRunFields): Body {
  const template = rebase(example('check-run'), moveRepo('github/hello-world', { serverUrl, owner, repo }));
  const api = `${serverUrl}/repos/${owner}/${repo}`;
  return {
    ...template,
    id,
    node_id: `CR_${id}`,
    head_sha: headSha,
    url: `${api}/check-runs/${id}`,
    html_url: `https://github.com/${owner}/${repo}/runs/${id}`,
    status,
    conclusion: conclusion ?? null,
    completed_at: status === 'completed' ? template.completed_at : null,
    name,
    output: { ...(template.output as Body), annotations_url: `${api}/check-runs/${id}/annotations` }
  };
}

export interface PullRequestReviewFields extends Place {
  id: number;
  body: string;
  commitId: string;
  user: Actor;
  pullNumber: number;
  /** Default: COMMENTED. */
  state?: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';
}

/** A pull request review (schema `pull-request-review`). */
export function pullRequestReview({
  id,
  body,
  commitId,
  user,
  pullNumber,
  state = 'COMMENTED',
  serverUrl,
  owner,
  repo
}: PullRequestReviewFields): Body {
  const template = rebase(example('pull-request-review'), moveRepo('octocat/Hello-World', { serverUrl, owner, repo }));
  const html = `https://github.com/${owner}/${repo}/pull/${pullNumber}#pullrequestreview-${id}`;
  const pullRequest = `${serverUrl}/repos/${owner}/${repo}/pulls/${pullNumber}`;
  return {
    ...template,
    id,
    node_id: `PRR_${id}`,
    user: simpleUser(serverUrl, user),
    body,
    state,
    html_url: html,
    pull_request_url: pullRequest,
    _links: { html: { href: html }, pull_request: { href: pullRequest } },
    commit_id: commitId,
    author_association: user.type === 'Bot' ? 'NONE' : 'COLLABORATOR'
  };
}

export interface ReviewCommentFields extends Place {
  id: number;
  body: string;
  path: string;
  /** The line of the file's new side the comment is on. */
  line: number;
  commitId: string;
  user: Actor;
  pullNumber: number;
  /** The review the comment belongs to. */
  reviewId?: number;
}

/**
 * A line comment of a review, as `GET /repos/{o}/{r}/pulls/{n}/comments` lists it (schema
 * `pull-request-review-comment`).
 */
export function reviewComment({
  id,
  body,
  path,
  line,
  commitId,
  user,
  pullNumber,
  reviewId,
  serverUrl,
  owner,
  repo
}: ReviewCommentFields): Body {
  const template = rebase(
    example('pull-request-review-comment-items'),
    moveRepo('octocat/Hello-World', { serverUrl, owner, repo })
  );
  // The example answers an earlier comment and spans lines; this one stands alone on one line.
  delete template.in_reply_to_id;
  const self = `${serverUrl}/repos/${owner}/${repo}/pulls/comments/${id}`;
  const html = `https://github.com/${owner}/${repo}/pull/${pullNumber}#discussion_r${id}`;
  const pullRequest = `${serverUrl}/repos/${owner}/${repo}/pulls/${pullNumber}`;
  return {
    ...template,
    url: self,
    pull_request_review_id: reviewId ?? null,
    id,
    node_id: `PRRC_${id}`,
    path,
    commit_id: commitId,
    original_commit_id: commitId,
    user: simpleUser(serverUrl, user),
    body,
    html_url: html,
    pull_request_url: pullRequest,
    author_association: user.type === 'Bot' ? 'NONE' : 'COLLABORATOR',
    _links: { self: { href: self }, html: { href: html }, pull_request: { href: pullRequest } },
    start_line: null,
    original_start_line: null,
    start_side: null,
    line,
    original_line: line,
    side: 'RIGHT'
  };
}

export interface ContentFileFields extends Place {
  path: string;
  text: string;
  /** The commit or branch the file was asked at. */
  ref: string;
}

/** A file as `GET /repos/{o}/{r}/contents/{path}?ref=…` answers it (schema `content-file`). */
export function contentFile({ path, text, ref, serverUrl, owner, repo }: ContentFileFields): Body {
  const template = example('content-file');
  const blob = sha(`blob ${text}`);
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  const api = `${serverUrl}/repos/${owner}/${repo}`;
  const self = `${api}/contents/${encoded}?ref=${ref}`;
  const html = `https://github.com/${owner}/${repo}/blob/${ref}/${encoded}`;
  return {
    ...template,
    size: Buffer.byteLength(text),
    name: path.split('/').pop(),
    path,
    content: Buffer.from(text).toString('base64'),
    sha: blob,
    url: self,
    git_url: `${api}/git/blobs/${blob}`,
    html_url: html,
    download_url: `https://raw.githubusercontent.com/${owner}/${repo}/${ref}/${encoded}`,
    _links: { git: `${api}/git/blobs/${blob}`, self, html }
  };
}
