/**
 * Resolves the conversation threads of line comments the gate has marked resolved, so that a
 * branch rule requiring resolved conversations does not keep a fixed pull request from merging.
 * GitHub lets a workflow token do this only with `contents: write` (it gates `resolveReviewThread`
 * on that permission); without it `viewerCanResolve` is false and the threads stay open, their
 * text already saying "Resolved". Review threads exist only in the GraphQL API.
 */
import type { Octokit } from '../changes/octokit.js';

/** Threads read at most (100 per page), like the comment listings. */
const MAX_PAGES = 30;

const THREADS = `query LineageGateThreads($owner: String!, $repo: String!, $number: Int!, $cursor: String) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      reviewThreads(first: 100, after: $cursor) {
        pageInfo { hasNextPage endCursor }
        nodes { id isResolved viewerCanResolve comments(first: 1) { nodes { databaseId } } }
      }
    }
  }
}`;

const RESOLVE = `mutation LineageGateResolve($thread: ID!) {
  resolveReviewThread(input: { threadId: $thread }) { thread { id isResolved } }
}`;

interface ThreadPage {
  repository: {
    pullRequest: {
      reviewThreads: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes:
          | ({
              id: string;
              isResolved: boolean;
              viewerCanResolve: boolean;
              comments: { nodes: ({ databaseId: number | null } | null)[] | null };
            } | null)[]
          | null;
      };
    } | null;
  } | null;
}

export interface ResolveThreadsResult {
  resolved: number;
  /** Open threads of resolved comments that the token may not resolve. */
  notAllowed: number;
}

/** Resolves the open threads whose first comment is one of `commentIds`. */
export async function resolveThreads(
  octokit: Octokit,
  owner: string,
  repo: string,
  pullNumber: number,
  commentIds: ReadonlySet<number>
): Promise<ResolveThreadsResult> {
  const result: ResolveThreadsResult = { resolved: 0, notAllowed: 0 };
  if (commentIds.size === 0) return result;
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const data: ThreadPage = await octokit.graphql<ThreadPage>(THREADS, { owner, repo, number: pullNumber, cursor });
    const threads = data.repository?.pullRequest?.reviewThreads;
    if (!threads) break;
    for (const thread of threads.nodes ?? []) {
      const first = thread?.comments.nodes?.[0]?.databaseId;
      if (!thread || thread.isResolved || first === null || first === undefined || !commentIds.has(first)) continue;
      if (!thread.viewerCanResolve) {
        result.notAllowed++;
        continue;
      }
      await octokit.graphql(RESOLVE, { thread: thread.id });
      result.resolved++;
    }
    if (!threads.pageInfo.hasNextPage || !threads.pageInfo.endCursor) break;
    cursor = threads.pageInfo.endCursor;
  }
  return result;
}
