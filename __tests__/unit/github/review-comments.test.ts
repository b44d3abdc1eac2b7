import { describe, expect, it } from '@jest/globals';
import { getOctokit } from '@actions/github';
import { MAX_LINE_COMMENTS, MAX_RESOLVE_EDITS, publishReview } from '../../../src/github/review-comments.js';
import { COMMENT_MAX_CHARS } from '../../../src/github/sticky-comment.js';
import type { Change } from '../../../src/changes/change-set.js';
import {
  OWNER,
  PR_NUMBER,
  REPO,
  standInsClosedAfterEach,
  type PullRequestStandIn
} from '../../helpers/pull-request-stand-in.js';
import { bulkFindings, DOCS, finding, sampleReport } from '../report/sample-report.js';

const SHA = 'e'.repeat(40);
const standIn = standInsClosedAfterEach();

/** Publishes a review of `findings` on a fresh stand-in PR, after `seed` has put earlier state on it. */
async function publish(
  findings: ReturnType<typeof bulkFindings>,
  changes: Change[],
  seed: (pr: PullRequestStandIn) => void = () => undefined
) {
  const gh = await standIn();
  seed(gh);
  const warnings: string[] = [];
  const result = await publishReview({
    octokit: getOctokit('test-token', { baseUrl: gh.server.url }),
    owner: OWNER,
    repo: REPO,
    pullNumber: PR_NUMBER,
    headSha: SHA,
    report: sampleReport('error', findings),
    changes,
    links: { docsBase: DOCS, repoUrl: 'https://github.com/acme/models', sha: SHA },
    warn: (m) => warnings.push(m)
  });
  return { result, warnings, gh };
}

describe('publishReview', () => {
  it('caps line comments at 50 and the body under the comment limit, counting what it left out', async () => {
    const findings = bulkFindings(300, 'error', 'big', 600);
    const changes: Change[] = findings.map((f) => ({ path: f.path, status: 'added', diffLines: [[1, 400]] }));
    const { result, gh } = await publish(findings, changes);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.lineComments).toBe(MAX_LINE_COMMENTS);
    expect(gh.reviewComments).toHaveLength(MAX_LINE_COMMENTS);
    const body = gh.reviews[0].body;
    expect(body.length).toBeLessThanOrEqual(COMMENT_MAX_CHARS);
    const more = Number(/…and (\d+) more findings: see the job summary/.exec(body)?.[1]);
    expect(more).toBeGreaterThan(0);
    expect(result.inBody + MAX_LINE_COMMENTS + more).toBe(300);
    expect(body.split('<!-- lineage-gate:finding ').length - 1).toBe(result.inBody);
  });

  it('posts errors and warnings once each; notices and waived findings stay out', async () => {
    const base = { path: 'a/adapter_config.json', artifact: 'a', line: 2 };
    const findings = [
      finding({ ...base, ruleId: 'missing-license', severity: 'error', message: 'no license' }),
      // same fingerprint
      finding({ ...base, ruleId: 'missing-license', severity: 'error', message: 'no license', line: 3 }),
      finding({ ...base, ruleId: 'unpinned-revision', severity: 'warning', message: 'unpinned' }),
      finding({ ...base, ruleId: 'hub-gated', severity: 'notice', message: 'gated' }),
      finding({ ...base, ruleId: 'missing-attribution', severity: 'error', message: 'waived one', waived: true })
    ];
    const { result, gh } = await publish(findings, [{ path: base.path, status: 'modified', diffLines: [[1, 1]] }]);
    expect(result).toMatchObject({ ok: true, lineComments: 0, inBody: 2, alreadyPosted: 0, resolved: 0 });
    expect(gh.reviews[0].body).toContain('missing-license');
    expect(gh.reviews[0].body).toContain('unpinned-revision');
    expect(gh.reviews[0].body).not.toContain('hub-gated');
    expect(gh.reviews[0].body).not.toContain('missing-attribution');
  });

  it('posts nothing when there is nothing to review', async () => {
    const { result, gh } = await publish([], []);
    expect(result).toEqual({
      ok: true,
      reviewId: null,
      lineComments: 0,
      inBody: 0,
      alreadyPosted: 0,
      resolved: 0,
      threadsResolved: 0,
      threadsLeftOpen: 0
    });
    expect(gh.writes()).toEqual([]);
  });
});

describe('publishReview on a later run', () => {
  it('marks at most 50 fixed comments resolved per run; the next run does the rest', async () => {
    const findings = bulkFindings(60, 'error', 'fix', 20);
    const changes: Change[] = findings.map((f) => ({ path: f.path, status: 'added', diffLines: [[1, 100]] }));
    const first = await publish(findings, changes);
    expect(first.gh.reviewComments).toHaveLength(MAX_LINE_COMMENTS);
    const octokit = getOctokit('test-token', { baseUrl: first.gh.server.url });
    const again = () =>
      publishReview({
        octokit,
        owner: OWNER,
        repo: REPO,
        pullNumber: PR_NUMBER,
        headSha: SHA,
        report: sampleReport('error', []),
        changes,
        links: { docsBase: DOCS },
        warn: () => undefined
      });
    const second = await again();
    const third = await again();
    // 50 line comments + the review body (10 findings): 51 edits, 50 in the first run.
    expect(second).toMatchObject({ ok: true, resolved: MAX_RESOLVE_EDITS, threadsResolved: MAX_RESOLVE_EDITS });
    expect(third).toMatchObject({ ok: true, resolved: 10, threadsResolved: 0 });
    expect(first.gh.resolvedThreads.size).toBe(MAX_LINE_COMMENTS);
    expect(first.gh.reviewComments.every((c) => c.body.startsWith('<!-- lineage-gate:resolved '))).toBe(true);
    expect(first.gh.reviews[0].body).not.toContain('<!-- lineage-gate:finding ');
  });
});

describe('publishReview and comments by others', () => {
  it("does not take a marker pasted by someone else as the gate's own comment", async () => {
    const findings = bulkFindings(2, 'error', 'pasted', 20);
    // Mallory pastes the marker of the first finding, and of a finding that no longer exists.
    const stale = 'f'.repeat(32);
    const mallory = { login: 'mallory', type: 'User' as const };
    const changes: Change[] = findings.map((f) => ({ path: f.path, status: 'added', diffLines: [[1, 10]] }));
    const { result, gh } = await publish(findings, changes, (pr) => {
      pr.reviews.push({ id: 1, body: 'lgtm', commitId: SHA, event: 'COMMENT', user: mallory });
      pr.reviewComments.push({
        id: 2,
        reviewId: 1,
        path: findings[0].path,
        line: 1,
        body: `<!-- lineage-gate:finding ${findings[0].fingerprint} --> <!-- lineage-gate:finding ${stale} -->`,
        user: mallory
      });
    });
    expect(result).toMatchObject({ ok: true, lineComments: 2, alreadyPosted: 0, resolved: 0 });
    expect(gh.reviewComments.find((c) => c.id === 2)?.body).toContain(`<!-- lineage-gate:finding ${stale} -->`);
  });
});
