import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { getOctokit } from '@actions/github';
import { loadBasePolicy } from '../../../src/policy/base-policy.js';
import { ConfigError, PolicyError } from '../../../src/config-error.js';
import { RULE_IDS } from '../../../src/rules/ids.js';
import {
  githubError,
  startGitHubApiServer,
  type ApiResponse,
  type GitHubApiServer
} from '../../helpers/github-api-server.js';
import { contentFile } from '../../helpers/github-shapes.js';
import { tempDir } from '../../helpers/git-repo.js';
import { defaultPolicy } from '../../../src/policy/defaults.js';
import { MAX_POLICY_BYTES } from '../../../src/policy/load.js';

const BASE = 'a'.repeat(40);
let server: GitHubApiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function load(
  answer: (path: string, serverUrl: string) => ApiResponse,
  file?: string,
  { workspace = tempDir('lg-base-policy-'), openapi = true }: { workspace?: string; openapi?: boolean } = {}
) {
  server = await startGitHubApiServer({
    openapi,
    routes: [
      { method: 'GET', path: '/repos/acme/models/contents/*', handler: (req) => answer(req.params.rest, req.serverUrl) }
    ]
  });
  return loadBasePolicy({
    octokit: getOctokit('t', { baseUrl: server.url }),
    owner: 'acme',
    repo: 'models',
    baseSha: BASE,
    file,
    workspace,
    ruleIds: RULE_IDS
  });
}

describe('loadBasePolicy', () => {
  it('reads the named file at the base commit, and notes that the checkout lacks it', async () => {
    const base = await load(
      (path, serverUrl) => ({
        body: contentFile({
          serverUrl,
          owner: 'acme',
          repo: 'models',
          path,
          text: 'version: 1\nrules:\n  unpinned-revision: error\n',
          ref: BASE
        })
      }),
      'policies/lineage.yml'
    );
    expect(base.policy.file).toBe('policies/lineage.yml');
    expect(base.policy.defaults.rules['unpinned-revision']).toBe('error');
    expect(base.notes).toEqual([
      'Policy: policies/lineage.yml as of the base commit aaaaaaa (policy-ref: base).',
      'This pull request changes policies/lineage.yml (it removes it); ' +
        'the change applies to pull requests opened after it is merged, not to this one.'
    ]);
  });

  it('points an invalid base policy at its file and line', async () => {
    const failure = await load((path, serverUrl) => ({
      body: contentFile({
        serverUrl,
        owner: 'acme',
        repo: 'models',
        path,
        text: 'version: 1\nrules:\n  no-such-rule: error\n',
        ref: BASE
      })
    })).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(PolicyError);
    expect((failure as PolicyError).problems[0]).toMatchObject({ file: '.github/lineage-policy.yml', line: 3 });
  });

  it('refuses to go on when the base policy cannot be read, naming the permission', async () => {
    const failure = await load(() => githubError(403, 'Resource not accessible by integration')).catch(
      (e: unknown) => e
    );
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as Error).message).toBe(
      'policy-ref is `base`, but the policy at the base commit could ' +
        'not be read (HTTP 403: the token needs `contents: read`).'
    );
  });

  it('requires a named policy file to exist at the base commit', async () => {
    const failure = await load(() => githubError(404, 'Not Found'), 'policies/lineage.yml').catch((e: unknown) => e);
    expect((failure as Error).message).toBe(
      'policy-ref is `base`, but the policy file policies/lineage.yml does not exist at the base commit aaaaaaa.'
    );
  });
});

describe('loadBasePolicy paths', () => {
  it.each(['../outside.yml', '/etc/policy.yml', 'a/../../b.yml', 'C:/policy.yml'])(
    'refuses %s, which is not a path inside the repository',
    async (file) => {
      const failure = await load(() => githubError(404, 'Not Found'), file).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(ConfigError);
      expect((failure as Error).message).toContain('must be a path inside the repository');
      expect(server!.requests).toHaveLength(0);
    }
  );
});

const POLICY = 'version: 1\nrules:\n  unpinned-revision: error\n';

/** The contents API's answer for a policy file at the base commit, with `fields` changed. */
const fileAt =
  (text: string, fields: Record<string, unknown> = {}) =>
  (path: string, serverUrl: string): ApiResponse => ({
    body: { ...contentFile({ serverUrl, owner: 'acme', repo: 'models', path, text, ref: BASE }), ...fields }
  });

/** A checkout holding `files` (repository path → text). */
function checkout(files: Record<string, string>): string {
  const root = tempDir('lg-base-policy-');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const failureOf = (p: Promise<unknown>) => p.then(() => undefined).catch((e: unknown) => e);

describe('loadBasePolicy: what the contents API answers', () => {
  it('refuses a directory at the policy path', async () => {
    const failure = await failureOf(load(() => ({ body: [] }), 'policies'));
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as Error).message).toBe('The policy path policies is not a file at the base commit aaaaaaa.');
  });

  it('refuses a symlink at the policy path', async () => {
    const failure = await failureOf(
      load(fileAt(POLICY, { type: 'symlink', target: 'elsewhere.yml' }), 'lineage.yml', { openapi: false })
    );
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as Error).message).toBe('The policy path lineage.yml is not a file at the base commit aaaaaaa.');
  });

  it('refuses a file larger than the policy bound, and reads one of exactly that size', async () => {
    const failure = await failureOf(load(fileAt(POLICY, { size: MAX_POLICY_BYTES + 1 }), 'lineage.yml'));
    expect(failure).toBeInstanceOf(PolicyError);
    expect((failure as PolicyError).problems).toEqual([
      {
        file: 'lineage.yml',
        line: 1,
        column: 1,
        message: 'the policy file at the base commit is larger than 256 KiB; a policy is a page of YAML'
      }
    ]);
    await server?.close();
    const base = await load(fileAt(POLICY, { size: MAX_POLICY_BYTES }), 'lineage.yml');
    expect(base.policy.defaults.rules['unpinned-revision']).toBe('error');
  });

  it('refuses a file sent without its content', async () => {
    const none = await failureOf(load(fileAt(POLICY, { encoding: 'none', content: '' }), 'lineage.yml'));
    expect(none).toBeInstanceOf(ConfigError);
    expect((none as Error).message).toBe(
      'GitHub sent the policy file lineage.yml without its content (encoding "none").'
    );
    await server?.close();
    const missing = await failureOf(load(fileAt(POLICY, { content: undefined }), 'lineage.yml', { openapi: false }));
    expect(missing).toBeInstanceOf(ConfigError);
    expect((missing as Error).message).toBe(
      'GitHub sent the policy file lineage.yml without its content (encoding "base64").'
    );
  });

  it('names the HTTP status of a failed read, without the permission hint unless it is 403', async () => {
    const failure = await failureOf(load(() => githubError(500, 'Server Error'), 'lineage.yml'));
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as Error).message).toBe(
      'policy-ref is `base`, but the policy at the base commit could not be read (HTTP 500).'
    );
  });
});

describe('loadBasePolicy: the base policy against the checkout', () => {
  it('notes no change when the checkout holds the same text', async () => {
    const base = await load(fileAt(POLICY), 'lineage.yml', { workspace: checkout({ 'lineage.yml': POLICY }) });
    expect(base.notes).toEqual(['Policy: lineage.yml as of the base commit aaaaaaa (policy-ref: base).']);
  });

  it('notes a change when the checkout holds other text', async () => {
    const workspace = checkout({ 'lineage.yml': `${POLICY}  hub-gated: off\n` });
    const base = await load(fileAt(POLICY), 'lineage.yml', { workspace });
    expect(base.notes).toEqual([
      'Policy: lineage.yml as of the base commit aaaaaaa (policy-ref: base).',
      'This pull request changes lineage.yml; ' +
        'the change applies to pull requests opened after it is merged, not to this one.'
    ]);
  });

  it('uses the defaults when no policy is at the base, noting none', async () => {
    const base = await load(() => githubError(404, 'Not Found'));
    expect(base.policy).toEqual(defaultPolicy());
    expect(base.notes).toEqual(['Policy: none at the base commit aaaaaaa; using the defaults (policy-ref: base).']);
    expect(server!.requests.map((r) => r.url.split('?')[0])).toEqual([
      '/repos/acme/models/contents/.github%2Flineage-policy.yml',
      '/repos/acme/models/contents/.github%2Flineage-policy.yaml'
    ]);
  });

  it('notes a policy file the pull request adds, at either default location', async () => {
    const workspace = checkout({ '.github/lineage-policy.yaml': POLICY });
    const base = await load(() => githubError(404, 'Not Found'), undefined, { workspace });
    expect(base.policy).toEqual(defaultPolicy());
    expect(base.notes).toEqual([
      'Policy: none at the base commit aaaaaaa; using the defaults (policy-ref: base).',
      'This pull request adds a policy file; it applies once merged.'
    ]);
  });
});

describe('loadBasePolicy: the `policy` input as a repository path', () => {
  it.each([
    ['policies\\lineage.yml', 'policies/lineage.yml'],
    ['./././lineage.yml', 'lineage.yml'],
    ['models/release:final.yml', 'models/release:final.yml']
  ])('reads %s at %s', async (file, path) => {
    const base = await load(fileAt(POLICY), file);
    expect(base.policy.file).toBe(path);
    expect(base.notes[0]).toBe(`Policy: ${path} as of the base commit aaaaaaa (policy-ref: base).`);
  });

  it('names the input it refuses', async () => {
    const failure = await failureOf(load(() => githubError(404, 'Not Found'), './'));
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as Error).message).toBe(
      'Input `policy` must be a path inside the repository to be read at the base commit; got "./".'
    );
    expect(server!.requests).toHaveLength(0);
  });
});
