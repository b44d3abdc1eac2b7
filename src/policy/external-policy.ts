/**
 * A policy kept in another repository (`policy: owner/repo/path/to/policy.yml@ref`, the form of
 * dependency-review-action's external config-file), read through the contents API. An organisation
 * keeps one policy there that no pull request to the gated repository can edit.
 */
import type { Octokit } from '../changes/octokit.js';
import { ConfigError } from '../config-error.js';
import { MAX_POLICY_BYTES, parsePolicy } from './load.js';
import type { Policy } from './policy.js';
import { isPlainPath } from '../files/plain-path.js';

export interface PolicyReference {
  owner: string;
  repo: string;
  path: string;
  ref: string;
  /** The input as written, for messages and as the policy's file name. */
  text: string;
}

// GitHub's owner and repository name characters; the path is anything but `..` segments; a ref has no spaces.
const REFERENCE = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})\/([^@\s]+)@([^@\s]+)$/;

/** The `policy` input as a reference to another repository's file, or undefined when it is a workspace path. */
export function parsePolicyReference(input: string): PolicyReference | undefined {
  const m = REFERENCE.exec(input.trim());
  if (!m) return undefined;
  const [, owner, repo, path, ref] = m;
  if (!isPlainPath(path))
    throw new ConfigError(`Input \`policy\` ${JSON.stringify(input)}: the path in another repository must be plain.`);
  return { owner, repo, path, ref, text: input.trim() };
}

/** Why GitHub would not give the file, as a sentence about the reference. */
function refusal(reference: PolicyReference, status: number): string {
  const because =
    status === 404
      ? 'the repository, file or ref does not exist, or the token cannot see the repository'
      : status === 403 || status === 401
        ? 'the token may not read it (`policy-token` needs `contents: read` on that repository)'
        : 'GitHub did not answer';
  return `The policy ${reference.text} could not be read (HTTP ${status}): ${because}.`;
}

/** Reads and parses the referenced file; every failure is a configuration error naming the reference. */
export async function loadExternalPolicy(
  octokit: Octokit,
  reference: PolicyReference,
  ruleIds: readonly string[]
): Promise<Policy> {
  let data: Awaited<ReturnType<Octokit['rest']['repos']['getContent']>>['data'];
  try {
    ({ data } = await octokit.rest.repos.getContent({
      owner: reference.owner,
      repo: reference.repo,
      path: reference.path,
      ref: reference.ref
    }));
  } catch (err) {
    const status = (err as { status?: unknown }).status;
    // The error's own text is not quoted: a proxy may echo the request's credentials.
    if (typeof status === 'number') throw new ConfigError(refusal(reference, status));
    throw new ConfigError(`The policy ${reference.text} could not be read: ${(err as Error).message}.`);
  }
  if (Array.isArray(data) || data.type !== 'file')
    throw new ConfigError(`The policy ${reference.text} is not a file (GitHub lists it as a directory or link).`);
  if (data.size > MAX_POLICY_BYTES)
    throw new ConfigError(
      `The policy ${reference.text} is larger than ${MAX_POLICY_BYTES / 1024} KiB; a policy is a page of YAML.`
    );
  if (data.encoding !== 'base64' || typeof data.content !== 'string')
    throw new ConfigError(`GitHub sent the policy ${reference.text} without its content.`);
  return parsePolicy(Buffer.from(data.content, 'base64').toString('utf8'), reference.text, ruleIds);
}
