/**
 * End-to-end: `policy-ref: base` judges a pull request by the policy of its base commit (read
 * through the contents API), so a pull request that waives its own findings still fails.
 */
import { describe, expect, it } from '@jest/globals';
import { tempDir } from '../helpers/git-repo.js';
import { pullRequestPayload, standInsClosedAfterEach, writeFiles } from '../helpers/pull-request-stand-in.js';
import { runAction } from '../helpers/run-action.js';

const POLICY = '.github/lineage-policy.yml';
const STRICT = 'version: 1\n';
const SELF_WAIVING = `version: 1
waivers:
  - rule: missing-license
    path: "a/**"
    reason: "Added by the pull request itself."
  - rule: unresolvable-upstream
    path: "a/**"
    reason: "Added by the pull request itself."
`;
const ADAPTER = JSON.stringify({ peft_type: 'LORA', base_model_name_or_path: '/content/base-1', r: 8 });

const standIn = standInsClosedAfterEach();

async function pullRequestThatWaivesItself(basePolicy: string | undefined) {
  const dir = tempDir('lg-policy-ref-');
  writeFiles(dir, { 'a/adapter_config.json': ADAPTER, [POLICY]: SELF_WAIVING });
  const gh = await standIn();
  gh.files.push(
    { path: 'a/adapter_config.json', status: 'added' },
    { path: POLICY, status: basePolicy === undefined ? 'added' : 'modified' }
  );
  if (basePolicy !== undefined) gh.baseFiles.set(POLICY, basePolicy);
  const payload = pullRequestPayload('opened', 'b'.repeat(40)) as { pull_request: { base: { sha: string } } };
  payload.pull_request.base.sha = 'a'.repeat(40);
  const run = (policyRef: string) =>
    runAction({
      workspace: dir,
      eventName: 'pull_request',
      payload,
      apiUrl: gh.server.url,
      inputs: { 'policy-ref': policyRef, comment: 'never' }
    });
  return { run, gh };
}

describe('policy-ref', () => {
  it("head (the default): the pull request's own waivers apply", async () => {
    const { run, gh } = await pullRequestThatWaivesItself(STRICT);
    const result = await run('head');
    expect(result.code).toBe(0);
    expect(result.outputs).toMatchObject({ result: 'pass', errors: '0', waived: '2' });
    expect(gh.server.requests.some((r) => r.url.includes('/contents/'))).toBe(false);
  });

  it("base: judged by the base commit's policy, and the summary says the change waits for the merge", async () => {
    const { run, gh } = await pullRequestThatWaivesItself(STRICT);
    const result = await run('base');
    expect(result.code).toBe(1);
    expect(result.outputs).toMatchObject({ result: 'fail', errors: '2', waived: '0' });
    const asked = gh.server.requests.find((r) => r.url.includes('/contents/'));
    expect(asked?.url).toMatch(/\/repos\/acme\/models\/contents\/\.github(%2F|\/)lineage-policy\.yml\?ref=a{40}$/);
    expect(result.stdout).toContain(`Policy: ${POLICY} as of the base commit aaaaaaa (policy-ref: base).`);
    expect(result.summary).toContain(
      `This pull request changes ${POLICY}; the change applies to ` +
        `pull requests opened after it is merged, not to this one.`
    );
  });

  it('base with no policy at the base commit: the defaults, and a note that the new file waits for merge', async () => {
    const { run } = await pullRequestThatWaivesItself(undefined);
    const result = await run('base');
    expect(result.code).toBe(1);
    expect(result.outputs).toMatchObject({ errors: '2', waived: '0' });
    expect(result.stdout).toContain('Policy: none at the base commit aaaaaaa; using the defaults (policy-ref: base).');
    expect(result.summary).toContain('This pull request adds a policy file; it applies once merged.');
  });

  it('rejects a value other than head or base', async () => {
    const { run } = await pullRequestThatWaivesItself(STRICT);
    const result = await run('main');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Input `policy-ref` must be one of `head`, `base`; got "main"');
  });
});
