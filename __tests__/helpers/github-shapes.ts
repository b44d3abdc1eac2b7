/**
 * Response bodies shaped like GitHub's (the `diff-entry` and `commit-comparison` schemas of the
 * REST OpenAPI description), for the loopback API server.
 */
import { createHash } from 'node:crypto';

function sha(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

export type FileStatus = 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';

/** One entry of `GET /pulls/{n}/files` or of a comparison's `files`. */
export function diffEntry(owner: string, repo: string, filename: string, status: FileStatus, previousFilename?: string): Record<string, unknown> {
  const blob = sha(`${status}:${filename}`);
  const encoded = filename.split('/').map(encodeURIComponent).join('/');
  const entry: Record<string, unknown> = {
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

/** The body of `GET /repos/{o}/{r}/compare/{base}...{head}` (one commit shown, as with `per_page=1`). */
export function compareBody(serverUrl: string, owner: string, repo: string, base: string, head: string, files: unknown[]): Record<string, unknown> {
  const commit = (id: string) => ({
    sha: id,
    node_id: `C_${id.slice(0, 10)}`,
    url: `${serverUrl}/repos/${owner}/${repo}/commits/${id}`,
    html_url: `https://github.com/${owner}/${repo}/commit/${id}`,
    commit: {
      message: 'Update',
      author: { name: 'Codertocat', email: 'codertocat@example.invalid', date: '2019-05-15T15:20:30Z' },
      committer: { name: 'GitHub', email: 'noreply@github.com', date: '2019-05-15T15:20:30Z' },
      tree: { sha: sha(`tree:${id}`), url: `${serverUrl}/repos/${owner}/${repo}/git/trees/${sha(`tree:${id}`)}` },
      comment_count: 0
    },
    parents: []
  });
  return {
    url: `${serverUrl}/repos/${owner}/${repo}/compare/${base}...${head}`,
    html_url: `https://github.com/${owner}/${repo}/compare/${base}...${head}`,
    permalink_url: `https://github.com/${owner}/${repo}/compare/${owner}:${base.slice(0, 7)}...${owner}:${head.slice(0, 7)}`,
    diff_url: `https://github.com/${owner}/${repo}/compare/${base}...${head}.diff`,
    patch_url: `https://github.com/${owner}/${repo}/compare/${base}...${head}.patch`,
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
