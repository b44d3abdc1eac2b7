/** A pull request as the files API shows it: a real `pull_request.opened` payload and a loopback files route. */
import { githubError, paginate, startGitHubApiServer, type GitHubApiServer } from './github-api-server.js';
import { diffEntry, type FileStatus } from './github-shapes.js';
import { webhookExample } from './webhook-examples.js';

export const OWNER = 'acme';
export const REPO = 'models';

/** The fields of a pull_request payload that these tests rewrite. */
interface PullRequestPayload {
  number: number;
  pull_request: { number: number; base: { sha: string }; head: { sha: string } };
  repository: { name: string; full_name: string; owner: { login: string } };
}

/** A real pull_request.opened payload, pointed at our repository, PR number and commits. */
export function pullRequestPayload(
  number: number,
  base = 'a'.repeat(40),
  head = 'b'.repeat(40)
): Record<string, unknown> {
  const raw = webhookExample('pull_request', (p) => p.action === 'opened');
  const payload = raw as unknown as PullRequestPayload;
  payload.number = number;
  payload.pull_request.number = number;
  payload.pull_request.base.sha = base;
  payload.pull_request.head.sha = head;
  payload.repository.name = REPO;
  payload.repository.full_name = `${OWNER}/${REPO}`;
  payload.repository.owner.login = OWNER;
  return raw;
}

/** The pull request's files API (paginated); a bare path is an added file. */
export function prFilesServer(number: number, files: (string | [string, FileStatus])[]): Promise<GitHubApiServer> {
  const entries = files.map((f) =>
    typeof f === 'string' ? diffEntry(OWNER, REPO, f, 'added') : diffEntry(OWNER, REPO, f[0], f[1])
  );
  return startGitHubApiServer({
    routes: [
      {
        method: 'GET',
        path: `/repos/${OWNER}/${REPO}/pulls/:number/files`,
        handler: (req) =>
          req.params.number === String(number) ? paginate(req, entries) : githubError(404, 'Not Found')
      }
    ]
  });
}
