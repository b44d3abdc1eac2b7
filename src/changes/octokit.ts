import type { getOctokit } from '@actions/github';

/** The client `@actions/github` builds (REST methods + paginate); type-only, so nothing loads at start-up. */
export type Octokit = ReturnType<typeof getOctokit>;
