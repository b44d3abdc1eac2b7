/**
 * End-to-end: `policy: owner/repo/path@ref` reads an organisation's policy from another repository
 * through the contents API, with `policy-token` (else `token`); a file GitHub will not give is a
 * configuration error naming the reference, with no token in the log.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { tempDir } from '../helpers/git-repo.js';
import {
  githubError,
  startGitHubApiServer,
  type ApiResponse,
  type GitHubApiServer
} from '../helpers/github-api-server.js';
import { contentFile } from '../helpers/github-shapes.js';
import { writeFiles } from '../helpers/pull-request-stand-in.js';
import { runAction } from '../helpers/run-action.js';

const ORG_POLICY = 'acme-org/policies/lineage/policy.yml@v1';
const POLICY_TOKEN = 'ghs_PolicyTokenSecret0123456789';
const ACTION_TOKEN = 'ghs_ActionTokenSecret0123456789';
// The adapter alone fails missing-license and unresolvable-upstream; the org policy turns the first off.
const ADAPTER = JSON.stringify({ peft_type: 'LORA', base_model_name_or_path: '/content/base-1', r: 8 });
const ORG_TEXT = 'version: 1\nrules:\n  missing-license: off\n';

let server: GitHubApiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function runWithOrgPolicy(answer: (text: string, ref: string, serverUrl: string) => ApiResponse, token = true) {
  const dir = tempDir('lg-ext-policy-');
  // The checkout's own policy (which a pull request could edit) must not be the one read.
  writeFiles(dir, { 'a/adapter_config.json': ADAPTER, '.github/lineage-policy.yml': 'version: 1\n' });
  server = await startGitHubApiServer({
    routes: [
      {
        method: 'GET',
        path: '/repos/acme-org/policies/contents/*',
        handler: (req) => answer(req.params.rest, req.query.get('ref') ?? 'main', req.serverUrl)
      }
    ]
  });
  const run = await runAction({
    workspace: dir,
    eventName: 'workflow_dispatch',
    payload: {},
    apiUrl: server.url,
    inputs: {
      scope: 'all',
      token: ACTION_TOKEN,
      policy: ORG_POLICY,
      ...(token ? { 'policy-token': POLICY_TOKEN } : {})
    },
    timeoutMs: 20_000
  });
  return { run, requests: server.requests };
}

const served = (path: string, ref: string, serverUrl: string): ApiResponse =>
  path === 'lineage/policy.yml'
    ? { body: contentFile({ path, text: ORG_TEXT, ref, serverUrl, owner: 'acme-org', repo: 'policies' }) }
    : githubError(404, 'Not Found');

describe('policy in another repository', () => {
  it('is read at its ref with policy-token, and judges the run', async () => {
    const { run, requests } = await runWithOrgPolicy(served);
    expect(requests).toHaveLength(1);
    expect(requests[0].url).toMatch(/^\/repos\/acme-org\/policies\/contents\/lineage(%2F|\/)policy\.yml\?ref=v1$/);
    expect(requests[0].headers.authorization).toBe(`token ${POLICY_TOKEN}`);
    expect(run.stdout).toContain(`Policy: ${ORG_POLICY} from another repository (0 waiver(s))`);
    expect(run.outputs).toMatchObject({ result: 'fail', errors: '1' });
    expect(run.annotations.some((a) => a.includes('title=missing-license'))).toBe(false);
    expect(run.annotations.some((a) => a.includes('title=unresolvable-upstream'))).toBe(true);
  }, 30_000);

  it('falls back to the Action token without policy-token', async () => {
    const { requests } = await runWithOrgPolicy(served, false);
    expect(requests[0].headers.authorization).toBe(`token ${ACTION_TOKEN}`);
  }, 30_000);

  it.each([
    [404, 'the repository, file or ref does not exist, or the token cannot see the repository'],
    [403, 'the token may not read it (`policy-token` needs `contents: read` on that repository)']
  ])(
    'a %i is a configuration error naming the reference, token masked',
    async (status, why) => {
      const { run } = await runWithOrgPolicy(() => githubError(status, `Refused for token ${POLICY_TOKEN}`));
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(
        `::error::Configuration error: The policy ${ORG_POLICY} could not be read (HTTP ${status}): ${why}.`
      );
      // `::add-mask::` is how the token is handed to the runner's masking, not output.
      const printed = run.stdout.replace(/^::add-mask::.*$/gm, '');
      for (const seen of [printed, run.stderr, run.summary])
        for (const token of [POLICY_TOKEN, ACTION_TOKEN]) expect(seen).not.toContain(token.slice(0, 12));
    },
    30_000
  );

  it('a file over 256 KiB is a configuration error', async () => {
    const { run } = await runWithOrgPolicy((path, ref, serverUrl) => ({
      body: contentFile({
        path,
        text: `# ${'x'.repeat(300 * 1024)}\n`,
        ref,
        serverUrl,
        owner: 'acme-org',
        repo: 'policies'
      })
    }));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`The policy ${ORG_POLICY} is larger than 256 KiB`);
  }, 30_000);
});
