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

const BASE = 'a'.repeat(40);
let server: GitHubApiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function load(answer: (path: string, serverUrl: string) => ApiResponse, file?: string) {
  server = await startGitHubApiServer({
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
    workspace: tempDir('lg-base-policy-'),
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
