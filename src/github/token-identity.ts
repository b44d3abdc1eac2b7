/**
 * Which account the token acts as, so that the gate recognises its own comments: the hidden
 * markers it finds them by can be pasted by anyone. GraphQL's `viewer` answers for user tokens and
 * for app installation tokens alike (REST `GET /user` refuses the latter).
 */
import type { Octokit } from '../changes/octokit.js';

/** One question per client: the sticky comment and the review both need the answer. */
const asked = new WeakMap<Octokit, Promise<string | undefined>>();

/** The token's login, or undefined when GitHub does not say (callers then fall back to the marker alone). */
export function tokenLogin(octokit: Octokit): Promise<string | undefined> {
  let login = asked.get(octokit);
  if (!login) {
    login = askViewer(octokit);
    asked.set(octokit, login);
  }
  return login;
}

async function askViewer(octokit: Octokit): Promise<string | undefined> {
  try {
    const data = await octokit.graphql<{ viewer: { login: string } }>('query LineageGateViewer { viewer { login } }');
    return data.viewer.login || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether `user` is the account `login` names; `github-actions[bot]` (REST) and `github-actions`
 * (GraphQL) are the same.
 */
export function isByLogin(user: { login: string } | null | undefined, login: string): boolean {
  if (!user) return false;
  const bare = (name: string) => name.toLowerCase().replace(/\[bot\]$/, '');
  return bare(user.login) === bare(login);
}
