/**
 * The policy as the pull request's base commit has it (`policy-ref: base`). A pull request can edit
 * the policy it is judged by — add a waiver for its own finding, allow its own license — so a
 * repository that wants the merged policy to be the only judge reads it from the base, through the
 * contents API (the checkout rarely holds the base commit).
 */
import { resolve } from 'node:path';
import type { Octokit } from '../changes/octokit.js';
import { ConfigError, PolicyError } from '../config-error.js';
import { FILE_START } from '../source/span.js';
import { defaultPolicy } from './defaults.js';
import { DEFAULT_POLICY_FILES, MAX_POLICY_BYTES, parsePolicy, readBounded } from './load.js';
import type { Policy } from './policy.js';

export interface BasePolicyOptions {
  octokit: Octokit;
  owner: string;
  repo: string;
  /** The base commit (40-hex sha) of the pull request. */
  baseSha: string;
  /** Repository-relative path named by the `policy` input; else the default locations. */
  file?: string;
  workspace: string;
  ruleIds: readonly string[];
}

export interface BasePolicy {
  policy: Policy;
  /** What the run should say about it (the PR changes the policy, none at the base…). */
  notes: string[];
}

/** The file's text at `ref`, or undefined when it does not exist there. */
async function textAt(o: BasePolicyOptions, path: string): Promise<string | undefined> {
  try {
    const { data } = await o.octokit.rest.repos.getContent({ owner: o.owner, repo: o.repo, path, ref: o.baseSha });
    if (Array.isArray(data) || data.type !== 'file')
      throw new ConfigError(`The policy path ${path} is not a file at the base commit ${o.baseSha.slice(0, 7)}.`);
    if (data.size > MAX_POLICY_BYTES)
      throw new PolicyError([
        {
          file: path,
          line: FILE_START.line,
          column: FILE_START.column,
          message:
            `the policy file at the base commit is larger than ` +
            `${MAX_POLICY_BYTES / 1024} KiB; a policy is a page of YAML`
        }
      ]);
    if (data.encoding !== 'base64' || typeof data.content !== 'string')
      throw new ConfigError(
        `GitHub sent the policy file ${path} without its content (encoding ${JSON.stringify(data.encoding)}).`
      );
    return Buffer.from(data.content, 'base64').toString('utf8');
  } catch (err) {
    const status = (err as { status?: unknown }).status;
    if (status === 404) return undefined;
    if (typeof status === 'number') {
      throw new ConfigError(
        `policy-ref is \`base\`, but the policy at the base commit could not be read ` +
          `(HTTP ${status}${status === 403 ? ': the token needs `contents: read`' : ''}).`
      );
    }
    throw err;
  }
}

// Only compared with the base's text; read like the policy itself, so a link out or a FIFO is no text at all.
async function headText(workspace: string, path: string): Promise<string | undefined> {
  try {
    return readBounded(workspace, resolve(workspace, path), path).text;
  } catch {
    return undefined;
  }
}

/** The `policy` input as a repository path: relative, `/`-separated, never leaving the repository. */
function repositoryPath(file: string): string {
  const path = file.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
  if (path === '' || path.startsWith('/') || /^[A-Za-z]:/.test(path) || path.split('/').includes('..')) {
    throw new ConfigError(
      `Input \`policy\` must be a path inside the repository to ` +
        `be read at the base commit; got ${JSON.stringify(file)}.`
    );
  }
  return path;
}

export async function loadBasePolicy(o: BasePolicyOptions): Promise<BasePolicy> {
  const candidates = o.file ? [repositoryPath(o.file)] : DEFAULT_POLICY_FILES;
  const at = o.baseSha.slice(0, 7);
  for (const path of candidates) {
    const text = await textAt(o, path);
    if (text === undefined) continue;
    const policy = parsePolicy(text, path, o.ruleIds);
    const head = await headText(o.workspace, path);
    const notes = [`Policy: ${path} as of the base commit ${at} (policy-ref: base).`];
    if (head !== text)
      notes.push(
        `This pull request changes ${path}${head === undefined ? ' (it removes it)' : ''}; ` +
          `the change applies to pull requests opened after it is merged, not to this one.`
      );
    return { policy, notes };
  }
  if (o.file)
    throw new ConfigError(
      `policy-ref is \`base\`, but the policy file ${o.file} does not exist at the base commit ${at}.`
    );
  const added = (await Promise.all(DEFAULT_POLICY_FILES.map((p) => headText(o.workspace, p)))).some(
    (t) => t !== undefined
  );
  const notes = [`Policy: none at the base commit ${at}; using the defaults (policy-ref: base).`];
  if (added) notes.push('This pull request adds a policy file; it applies once merged.');
  return { policy: defaultPolicy(), notes };
}
