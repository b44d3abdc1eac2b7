/**
 * A policy in another repository (`policy: owner/repo/path@ref`): how the input is told from a workspace
 * path, and every answer of the contents API (file, directory, link, too large, no content, 404, 403, 401,
 * 500, a network error) read through a loopback server that checks its replies against GitHub's OpenAPI
 * description.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { getOctokit } from '@actions/github';
import { ConfigError } from '../../../src/config-error.js';
import { loadExternalPolicy, parsePolicyReference } from '../../../src/policy/external-policy.js';
import { MAX_POLICY_BYTES } from '../../../src/policy/load.js';
import { RULE_IDS } from '../../../src/rules/ids.js';
import {
  githubError,
  startGitHubApiServer,
  type ApiResponse,
  type GitHubApiServer
} from '../../helpers/github-api-server.js';
import { contentFile } from '../../helpers/github-shapes.js';

describe('parsePolicyReference', () => {
  it('reads owner, repository, path and ref, trimmed', () => {
    expect(parsePolicyReference('  acme-org/policies.v2/gates/lineage.yml@v1.2  ')).toEqual({
      owner: 'acme-org',
      repo: 'policies.v2',
      path: 'gates/lineage.yml',
      ref: 'v1.2',
      text: 'acme-org/policies.v2/gates/lineage.yml@v1.2'
    });
  });

  it.each([
    ['a workspace path', '.github/lineage-policy.yml'],
    ['a path without a ref', 'acme/policies/lineage.yml'],
    ['an owner starting with a dash', '-acme/policies/lineage.yml@main'],
    ['an owner of 40 characters', `${'a'.repeat(40)}/policies/lineage.yml@main`],
    ['a repository name of 101 characters', `acme/${'r'.repeat(101)}/lineage.yml@main`],
    ['a repository name with a space', 'acme/my policies/lineage.yml@main'],
    ['no path', 'acme/policies@main'],
    ['a space in the path', 'acme/policies/my policy.yml@main'],
    ['an empty ref', 'acme/policies/lineage.yml@'],
    ['a ref with a space', 'acme/policies/lineage.yml@main x'],
    ['two refs', 'acme/policies/lineage.yml@main@v1'],
    ['text before the owner', 'x acme/policies/lineage.yml@main']
  ])('is no reference for %s', (_what, input) => {
    expect(parsePolicyReference(input)).toBeUndefined();
  });

  it('takes the longest owner and repository GitHub allows', () => {
    const owner = `a${'b'.repeat(38)}`;
    const repo = 'r'.repeat(100);
    expect(parsePolicyReference(`${owner}/${repo}/p.yml@main`)).toMatchObject({ owner, repo, path: 'p.yml' });
  });

  it.each(['acme/policies/../secrets.yml@main', 'acme/policies/a//b.yml@main', 'acme/policies/./p.yml@main'])(
    'refuses a path that is not plain: %s',
    (input) => {
      expect(() => parsePolicyReference(input)).toThrow(ConfigError);
      expect(() => parsePolicyReference(input)).toThrow(
        `Input \`policy\` ${JSON.stringify(input)}: the path in another repository must be plain.`
      );
    }
  );
});

describe('loadExternalPolicy', () => {
  let server: GitHubApiServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const reference = parsePolicyReference('acme/policies/gates/lineage.yml@v1')!;
  const POLICY = 'version: 1\nrules:\n  unpinned-revision: error\n';

  async function load(answer: (serverUrl: string, ref: string | null) => ApiResponse, openapi = true) {
    server = await startGitHubApiServer({
      openapi,
      routes: [
        {
          method: 'GET',
          path: '/repos/acme/policies/contents/*',
          handler: (req) => answer(req.serverUrl, req.query.get('ref'))
        }
      ]
    });
    return loadExternalPolicy(getOctokit('t', { baseUrl: server.url }), reference, RULE_IDS);
  }
  const file = (serverUrl: string, text: string, extra: Record<string, unknown> = {}): ApiResponse => ({
    body: {
      ...contentFile({ serverUrl, owner: 'acme', repo: 'policies', path: 'gates/lineage.yml', text, ref: 'v1' }),
      ...extra
    }
  });

  it('reads the file at the ref and names the policy by its reference', async () => {
    let askedRef: string | null = null;
    const policy = await load((url, ref) => {
      askedRef = ref;
      return file(url, POLICY);
    });
    expect(askedRef).toBe('v1');
    expect(policy.defaults.rules['unpinned-revision']).toBe('error');
    expect(policy.file).toBe('acme/policies/gates/lineage.yml@v1');
  });

  it.each([
    [404, 'the repository, file or ref does not exist, or the token cannot see the repository'],
    [403, 'the token may not read it (`policy-token` needs `contents: read` on that repository)'],
    [401, 'the token may not read it (`policy-token` needs `contents: read` on that repository)'],
    [500, 'GitHub did not answer']
  ])('says why GitHub refused (HTTP %p), without quoting its text', async (status, because) => {
    const refused = load(() => githubError(status, 'secret-echo ghp_abcdefghijklmnop'), false);
    await expect(refused).rejects.toThrow(ConfigError);
    await expect(refused).rejects.toThrow(
      `The policy acme/policies/gates/lineage.yml@v1 could not be read (HTTP ${status}): ${because}.`
    );
    await expect(refused).rejects.not.toThrow(/secret-echo/);
  });

  it('says GitHub did not answer when it cannot be reached at all (octokit gives such errors status 500)', async () => {
    server = await startGitHubApiServer({ routes: [] });
    const url = server.url;
    await server.close();
    server = undefined;
    const refused = loadExternalPolicy(getOctokit('t', { baseUrl: url, request: { retries: 0 } }), reference, RULE_IDS);
    await expect(refused).rejects.toThrow(
      'The policy acme/policies/gates/lineage.yml@v1 could not be read (HTTP 500): GitHub did not answer.'
    );
  });

  it('refuses a directory', async () => {
    await expect(load(() => ({ body: [] }), false)).rejects.toThrow(
      'The policy acme/policies/gates/lineage.yml@v1 is not a file (GitHub lists it as a directory or link).'
    );
  });

  it('refuses a link', async () => {
    await expect(load((url) => file(url, POLICY, { type: 'symlink' }), false)).rejects.toThrow(/is not a file/);
  });

  it('reads a policy of exactly the size limit and refuses one byte more', async () => {
    const padded = (size: number) => `${POLICY}#${'x'.repeat(size - POLICY.length - 2)}\n`;
    expect(Buffer.byteLength(padded(MAX_POLICY_BYTES))).toBe(MAX_POLICY_BYTES);
    await expect(load((url) => file(url, padded(MAX_POLICY_BYTES)))).resolves.toBeDefined();
    await server?.close();
    server = undefined;
    await expect(load((url) => file(url, padded(MAX_POLICY_BYTES + 1)))).rejects.toThrow(
      `The policy acme/policies/gates/lineage.yml@v1 is larger than ${MAX_POLICY_BYTES / 1024} KiB; ` +
        'a policy is a page of YAML.'
    );
  });

  it.each([
    ['another encoding', { encoding: 'none' }],
    ['no content', { content: undefined }]
  ])('refuses a file sent with %s', async (_what, extra) => {
    await expect(load((url) => file(url, POLICY, extra), false)).rejects.toThrow(
      'GitHub sent the policy acme/policies/gates/lineage.yml@v1 without its content.'
    );
  });
});
