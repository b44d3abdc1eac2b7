/**
 * End-to-end: the real-world corpus (configs, cards and manifests written by other people) added by
 * one pull request, with every PR surface on, against the OpenAPI-checked GitHub stand-in: nothing
 * the gate sends is refused, and every line comment sits on a line the diff shows.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { COMMENT_MAX_CHARS } from '../../src/github/sticky-comment.js';
import { MAX_LINE_COMMENTS } from '../../src/github/review-comments.js';
import { tempDir } from '../helpers/git-repo.js';
import { pullRequestPayload, standInsClosedAfterEach } from '../helpers/pull-request-stand-in.js';
import { runAction } from '../helpers/run-action.js';
import { realWorldFixtures } from '../unit/formats/real-world.js';

interface ReportFinding {
  severity: string;
  waived: boolean;
  path: string;
  line: number;
}

const standIn = standInsClosedAfterEach();

describe('the real-world corpus as one pull request', () => {
  it('posts a conforming comment, review and check run, with line comments only inside the diff', async () => {
    const dir = tempDir('lg-corpus-pr-');
    const gh = await standIn();
    const added = new Map<string, number>();
    for (const f of realWorldFixtures()) {
      const path = `${f.file.split('/')[0]}/${f.file.split('/')[1].split('__')[0]}/${f.repoPath}`;
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), f.bytes);
      const text = !f.bytes.includes(0);
      const lines = f.bytes.toString('utf8').split('\n').length;
      // An added file's patch is one hunk over all its lines; binary files have none.
      gh.files.push({ path, status: 'added', ...(text ? { patch: `@@ -0,0 +1,${lines} @@` } : {}) });
      if (text) added.set(path, lines);
    }
    const run = await runAction({
      workspace: dir,
      eventName: 'pull_request',
      payload: pullRequestPayload('opened', 'c'.repeat(40)),
      apiUrl: gh.server.url,
      inputs: {
        comment: 'always',
        'review-comments': 'true',
        'check-run': 'true',
        'fail-on': 'never',
        'report-file': 'report.json'
      }
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/^::warning::/m);
    const findings = (JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { findings: ReportFinding[] })
      .findings;
    expect(findings.length).toBeGreaterThan(100);

    expect(gh.issueComments).toHaveLength(1);
    expect(gh.issueComments[0].body.length).toBeLessThanOrEqual(COMMENT_MAX_CHARS);
    expect(gh.checkPatches.reduce((n, p) => n + p.annotations, 0)).toBe(findings.length);
    expect(gh.checkPatches.at(-1)).toMatchObject({ status: 'completed', conclusion: 'neutral' });

    expect(gh.reviews).toHaveLength(1);
    expect(gh.reviewComments).toHaveLength(MAX_LINE_COMMENTS);
    for (const c of gh.reviewComments) {
      const lines = added.get(c.path);
      expect({ path: c.path, inDiff: lines !== undefined && c.line >= 1 && c.line <= lines }).toEqual({
        path: c.path,
        inDiff: true
      });
    }
    expect(gh.reviews[0].body.length).toBeLessThanOrEqual(COMMENT_MAX_CHARS);
  }, 60000);
});
