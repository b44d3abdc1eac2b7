import type { Change } from './change-set.js';
import { toChange, type DiffEntry } from './diff-entry.js';
import type { Octokit } from './octokit.js';

/** GitHub stops listing a pull request's files at 3,000, without saying so in the response. */
export const PULL_REQUEST_FILES_CAP = 3000;

export interface PullRequestFilesOptions {
  octokit: Octokit;
  owner: string;
  repo: string;
  number: number;
}

export interface ListedChanges {
  changes: Change[];
  /** True when the list reached the API's cap, so files beyond it may be missing. */
  capped: boolean;
}

/** Changed files of a pull request from `GET /repos/{o}/{r}/pulls/{n}/files`, all pages. */
export async function listPullRequestFiles({
  octokit,
  owner,
  repo,
  number
}: PullRequestFilesOptions): Promise<ListedChanges> {
  let seen = 0;
  const entries = await octokit.paginate(
    octokit.rest.pulls.listFiles,
    { owner, repo, pull_number: number, per_page: 100 },
    (response, done) => {
      seen += response.data.length;
      // Never read past the cap, even if a server keeps offering a next page.
      if (seen >= PULL_REQUEST_FILES_CAP) done();
      return response.data as DiffEntry[];
    }
  );
  const changes: Change[] = [];
  for (const entry of entries.slice(0, PULL_REQUEST_FILES_CAP)) {
    const change = toChange(entry);
    if (change) changes.push(change);
  }
  return { changes, capped: seen >= PULL_REQUEST_FILES_CAP };
}
