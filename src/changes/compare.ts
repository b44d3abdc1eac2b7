import type { ListedChanges } from './pull-request.js';
import { toChange, type DiffEntry } from './diff-entry.js';
import type { Octokit } from './octokit.js';

/**
 * GitHub's compare endpoint lists at most 300 changed files for the whole comparison, and only
 * on the first page: paging walks the commits, never the files ("Working with large comparisons"
 * in the endpoint's description in @octokit/openapi).
 */
export const COMPARE_FILES_CAP = 300;

export interface CompareOptions {
  octokit: Octokit;
  owner: string;
  repo: string;
  base: string;
  head: string;
}

/** Files changed between `base` and `head` (`GET /repos/{o}/{r}/compare/{base}...{head}`). */
export async function listComparedFiles({ octokit, owner, repo, base, head }: CompareOptions): Promise<ListedChanges> {
  // per_page=1 keeps the commit list (up to 250 full commits otherwise) out of the answer; the
  // files come whole on page 1 whatever the page size.
  const response = await octokit.rest.repos.compareCommitsWithBasehead({
    owner,
    repo,
    basehead: `${base}...${head}`,
    per_page: 1,
    page: 1
  });
  const files = (response.data.files ?? []) as DiffEntry[];
  const changes = files.map(toChange).filter((c) => c !== undefined);
  return { changes, capped: files.length >= COMPARE_FILES_CAP };
}
