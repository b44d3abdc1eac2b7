/**
 * End-to-end: `review-comments: true` through dist/index.js against a loopback pull request, over
 * several runs on the same PR, the way a reviewer sees it: one review per run that has something
 * new, line comments only on lines the diff shows, nothing posted twice, fixed findings marked.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { initRepo, removeDir, tempDir } from '../helpers/git-repo.js';
import {
  pullRequestPayload,
  standInsClosedAfterEach,
  writeFiles as write,
  type PullRequestStandIn
} from '../helpers/pull-request-stand-in.js';
import { runAction } from '../helpers/run-action.js';

interface ReportFinding {
  ruleId: string;
  severity: string;
  path: string;
  line: number;
  fingerprint: string;
  waived: boolean;
}

// A Llama adapter whose PR changes line 3 of adapter_config.json (an unpinned upstream owing
// attribution); its model card, not in the diff, declares a license that conflicts and owes
// attribution of its own.
const CARD = '---\nlicense: llama3\nbase_model: meta-llama/Llama-3.1-8B\n---\n# Llama-support-adapter\n';
const CONFIG = '{\n  "peft_type": "LORA",\n  "base_model_name_or_path": "meta-llama/Llama-3.1-8B",\n  "r": 8\n}\n';
const CONFIG_PATCH =
  '@@ -3 +3 @@\n-  "base_model_name_or_path": "/content/base",\n' +
  '+  "base_model_name_or_path": "meta-llama/Llama-3.1-8B",';
const NOTICE = [
  'Built with Llama. Llama 3.1 is licensed under the Llama 3.1 Community ' +
    'License, Copyright © Meta Platforms, Inc. All Rights Reserved.',
  'Built with Meta Llama 3. Meta Llama 3 is licensed under the Meta Llama 3 ' +
    'Community License, Copyright © Meta Platforms, Inc. All Rights Reserved.',
  ''
].join('\n');

async function run(dir: string, gh: PullRequestStandIn, action: 'opened' | 'synchronize', headSha: string) {
  const result = await runAction({
    workspace: dir,
    eventName: 'pull_request',
    payload: pullRequestPayload(action, headSha),
    apiUrl: gh.server.url,
    inputs: { 'review-comments': 'true', comment: 'never', 'report-file': 'report.json' }
  });
  const findings = (JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { findings: ReportFinding[] })
    .findings;
  return { ...result, reviewable: findings.filter((f) => !f.waived && f.severity !== 'notice') };
}

const marker = (fp: string) => `<!-- lineage-gate:finding ${fp} -->`;

const standIn = standInsClosedAfterEach();

describe('review comments over several runs of one pull request', () => {
  it('posts once, never twice, marks fixed findings resolved, and posts only what is new', async () => {
    const dir = tempDir('lg-review-');
    write(dir, { 'adapters/llama/README.md': CARD, 'adapters/llama/adapter_config.json': CONFIG });
    const gh = await standIn();
    gh.files.push({ path: 'adapters/llama/adapter_config.json', status: 'modified', patch: CONFIG_PATCH });

    // Run 1: one review; findings on line 3 of the config are line comments, the card's in the body.
    const first = await run(dir, gh, 'opened', 'a'.repeat(40));
    expect(first.code).toBe(1);
    const onLines = first.reviewable.filter((f) => f.path === 'adapters/llama/adapter_config.json' && f.line === 3);
    const elsewhere = first.reviewable.filter((f) => !onLines.includes(f));
    expect(onLines.length).toBeGreaterThan(0);
    expect(elsewhere.map((f) => f.path)).toContain('adapters/llama/README.md');
    expect(gh.reviews).toHaveLength(1);
    expect(gh.reviews[0]).toMatchObject({ event: 'COMMENT', commitId: 'a'.repeat(40) });
    expect(gh.reviewComments.map((c) => [c.path, c.line]).sort()).toEqual(onLines.map((f) => [f.path, f.line]).sort());
    for (const f of onLines)
      expect(gh.reviewComments.find((c) => c.body.includes(marker(f.fingerprint)))?.body).toContain(f.ruleId);
    for (const f of elsewhere) expect(gh.reviews[0].body).toContain(marker(f.fingerprint));
    expect(first.stdout).toContain(
      `PR review #${gh.reviews[0].id}: ${onLines.length} line comment(s), ${elsewhere.length} finding(s) in its body.`
    );

    // Run 2, same findings on a new push: nothing is posted or edited.
    const writesBefore = gh.writes().length;
    const second = await run(dir, gh, 'synchronize', 'b'.repeat(40));
    expect(second.reviewable.map((f) => f.fingerprint).sort()).toEqual(
      first.reviewable.map((f) => f.fingerprint).sort()
    );
    expect(gh.writes()).toHaveLength(writesBefore);
    expect(gh.reviews).toHaveLength(1);
    expect(second.stdout).toContain(
      `PR review: nothing new to post; ${first.reviewable.length} already posted by an earlier run.`
    );

    // Run 3: a NOTICE fixes the attribution findings; their comments say resolved, no new review.
    write(dir, { 'adapters/llama/NOTICE': NOTICE });
    gh.files.push({ path: 'adapters/llama/NOTICE', status: 'added', patch: '@@ -0,0 +1 @@\n+Built with Llama.' });
    const third = await run(dir, gh, 'synchronize', 'c'.repeat(40));
    const fixed = first.reviewable.filter((f) => !third.reviewable.some((g) => g.fingerprint === f.fingerprint));
    // One fixed finding was a line comment, another an item of the review's body.
    expect(
      fixed
        .filter((f) => f.ruleId === 'missing-attribution')
        .map((f) => f.path)
        .sort()
    ).toEqual(['adapters/llama/README.md', 'adapters/llama/adapter_config.json']);
    expect(gh.reviews).toHaveLength(1);
    for (const f of fixed) {
      const comment = gh.reviewComments.find((c) => c.body.includes(f.fingerprint));
      const text = comment?.body ?? gh.reviews[0].body;
      expect(text).toContain(`<!-- lineage-gate:resolved ${f.fingerprint} -->`);
      expect(text).not.toContain(marker(f.fingerprint));
      expect(text).toContain('**Resolved** at ccccccc');
    }
    for (const f of third.reviewable)
      expect(
        gh.reviewComments.some((c) => c.body.includes(marker(f.fingerprint))) ||
          gh.reviews[0].body.includes(marker(f.fingerprint))
      ).toBe(true);
    // The conversation of each fixed line comment is resolved too, and only those.
    const fixedComments = gh.reviewComments
      .filter((c) => fixed.some((f) => c.body.includes(f.fingerprint)))
      .map((c) => c.id);
    expect(fixedComments.length).toBeGreaterThan(0);
    expect([...gh.resolvedThreads].sort()).toEqual(fixedComments.sort());
    expect(third.stdout).toContain(
      `PR review: nothing new to post; ${third.reviewable.length} already posted by an earlier run; ${fixed.length} ` +
        `earlier finding(s) marked resolved and ${fixedComments.length} conversation thread(s) resolved.`
    );

    // Run 4: a second adapter brings new findings: a second review with only those.
    write(dir, {
      'adapters/other/adapter_config.json':
        '{\n  "peft_type": "LORA",\n  "base_model_name_or_path": "/content/drive/base",\n  "r": 8\n}\n'
    });
    gh.files.push({ path: 'adapters/other/adapter_config.json', status: 'added', patch: '@@ -0,0 +1,5 @@\n+{' });
    const fourth = await run(dir, gh, 'synchronize', 'd'.repeat(40));
    const fresh = fourth.reviewable.filter((f) => f.path.startsWith('adapters/other/'));
    expect(fresh.length).toBeGreaterThan(0);
    expect(gh.reviews).toHaveLength(2);
    const newComments = gh.reviewComments.filter((c) => c.reviewId === gh.reviews[1].id);
    expect(newComments.map((c) => c.path)).toEqual(fresh.map((f) => f.path));
    // Every finding of the run is now open exactly once across the PR.
    const everything = [...gh.reviewComments.map((c) => c.body), ...gh.reviews.map((r) => r.body)].join('\n');
    for (const f of fourth.reviewable) expect(everything.split(marker(f.fingerprint)).length - 1).toBe(1);
    rmSync(dir, { recursive: true, force: true });
  }, 60000);
});

describe('review comments after the files API fails', () => {
  it('reads the diff lines from git instead, and still comments on the changed line', async () => {
    const repo = initRepo();
    repo.write('adapters/llama/README.md', CARD);
    repo.write('adapters/llama/adapter_config.json', CONFIG.replace('meta-llama/Llama-3.1-8B', '/content/base'));
    const base = repo.commit('base');
    repo.write('adapters/llama/adapter_config.json', CONFIG);
    const head = repo.commit('point at the Hub id');
    const gh = await standIn({ filesApiFails: true });
    const payload = pullRequestPayload('opened', head) as { pull_request: { base: { sha: string } } };
    payload.pull_request.base.sha = base;
    const result = await runAction({
      workspace: repo.dir,
      eventName: 'pull_request',
      payload,
      apiUrl: gh.server.url,
      inputs: { 'review-comments': 'true', comment: 'never' }
    });
    expect(result.stdout).toContain('Falling back to git diff: the pull request files API failed');
    expect(gh.reviews).toHaveLength(1);
    // Line 3 changed; lines 1-5 are the hunk with its context, the card is not in the diff.
    expect(gh.reviewComments.length).toBeGreaterThan(0);
    expect(gh.reviewComments.every((c) => c.path === 'adapters/llama/adapter_config.json' && c.line === 3)).toBe(true);
    expect(gh.reviews[0].body).toContain('on lines this diff does not show');
    removeDir(repo.dir);
  }, 30000);
});

describe('review comments when GitHub refuses', () => {
  it('leaves threads open, saying why, when the token may not resolve them', async () => {
    const dir = tempDir('lg-review-threads-');
    write(dir, { 'adapters/llama/README.md': CARD, 'adapters/llama/adapter_config.json': CONFIG });
    const gh = await standIn({ canResolveThreads: false });
    gh.files.push({ path: 'adapters/llama/adapter_config.json', status: 'modified', patch: CONFIG_PATCH });
    await run(dir, gh, 'opened', 'a'.repeat(40));
    write(dir, { 'adapters/llama/NOTICE': NOTICE });
    const fixed = await run(dir, gh, 'synchronize', 'b'.repeat(40));
    expect(gh.reviewComments.some((c) => c.body.startsWith('<!-- lineage-gate:resolved '))).toBe(true);
    expect(gh.resolvedThreads.size).toBe(0);
    expect(fixed.stdout).toMatch(
      new RegExp(
        '^1 conversation thread\\(s\\) of fixed findings stay open \\(their text says resolved\\): ' +
          'GitHub lets a workflow token resolve threads only with `contents: write`\\.$',
        'm'
      )
    );
    expect(fixed.stdout).not.toMatch(/^::warning::/m);
  }, 30000);

  it('moves line comments into the body when GitHub answers 422 for them', async () => {
    const dir = tempDir('lg-review-422-');
    write(dir, { 'adapters/llama/README.md': CARD, 'adapters/llama/adapter_config.json': CONFIG });
    const gh = await standIn({ refuseLineComments: true });
    gh.files.push({ path: 'adapters/llama/adapter_config.json', status: 'modified', patch: CONFIG_PATCH });
    const result = await run(dir, gh, 'opened', 'a'.repeat(40));
    expect(gh.reviews).toHaveLength(1);
    expect(gh.reviewComments).toHaveLength(0);
    for (const f of result.reviewable) expect(gh.reviews[0].body).toContain(marker(f.fingerprint));
    expect(gh.reviews[0].body).toContain(
      `${result.reviewable.length} findings are listed here, as GitHub would not take line comments on this diff:`
    );
    expect(result.stdout).toMatch(/^::warning::GitHub refused line comments on this pull request's diff \(HTTP 422\)/m);
    expect(result.code).toBe(1);
  }, 30000);

  it('keeps the verdict and names the permission when the token is read-only', async () => {
    const dir = tempDir('lg-review-403-');
    write(dir, { 'adapters/llama/README.md': CARD, 'adapters/llama/adapter_config.json': CONFIG });
    const gh = await standIn({ readOnly: true });
    gh.files.push({ path: 'adapters/llama/README.md', status: 'added' });
    const result = await run(dir, gh, 'opened', 'a'.repeat(40));
    expect(result.code).toBe(1);
    expect(result.outputs.result).toBe('fail');
    expect(result.stdout).toMatch(
      /^::warning::Could not write the pull request review \(HTTP 403\): the token lacks `pull-requests: write`/m
    );
    expect(gh.reviews).toHaveLength(0);
  }, 30000);

  it('masks the GitHub token and its prefixes when a refusal quotes them', async () => {
    const token = 'ghs_RenderTimeMask0123456789abcdef';
    const dir = tempDir('lg-review-echo-');
    write(dir, { 'adapters/llama/README.md': CARD, 'adapters/llama/adapter_config.json': CONFIG });
    const gh = await standIn({ readOnly: true, echoToken: true });
    gh.files.push({ path: 'adapters/llama/README.md', status: 'added' });
    const result = await runAction({
      workspace: dir,
      eventName: 'pull_request',
      payload: pullRequestPayload('opened', 'a'.repeat(40)),
      apiUrl: gh.server.url,
      inputs: { token, 'review-comments': 'true', comment: 'always', 'report-file': 'report.json' }
    });
    expect(result.code).toBe(1);
    // The server quoted `token ghs_RenderTime` (14 characters of the token): the Action printed `***` instead.
    expect(result.stdout).toMatch(/^::warning::Could not write the pull request review \(HTTP 502: .*token \*\*\*/m);
    const seen = [result.stdout, result.stderr, result.summary, readFileSync(join(dir, 'report.json'), 'utf8')].join(
      '\n'
    );
    for (let n = 8; n <= token.length; n++) expect(seen).not.toContain(token.slice(0, n));
  }, 30000);
});
