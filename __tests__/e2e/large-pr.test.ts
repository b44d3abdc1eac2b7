/**
 * End-to-end: a pull request with 120 findings. The check run gets them all in 3 batches, the
 * sticky comment is shortened under GitHub's cap keeping the verdict and the errors first, and
 * the review carries at most 50 line comments with the rest in its body. One with 1,100 findings:
 * the annotations and the check run carry the first 1,000, errors first, and say where the rest are.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMENT_MAX_CHARS } from '../../src/github/sticky-comment.js';
import { MAX_CHECK_ANNOTATIONS } from '../../src/github/check-run.js';
import { MAX_ANNOTATIONS } from '../../src/report/render/annotations.js';
import { MAX_LINE_COMMENTS } from '../../src/github/review-comments.js';
import { tempDir } from '../helpers/git-repo.js';
import { pullRequestPayload, standInsClosedAfterEach, writeFiles } from '../helpers/pull-request-stand-in.js';
import { runAction } from '../helpers/run-action.js';

const standIn = standInsClosedAfterEach();

describe('a pull request with 120 findings', () => {
  it('sends 3 check-run batches, shortens the comment under the cap, caps line comments', async () => {
    const dir = tempDir('lg-large-');
    const gh = await standIn();
    for (let i = 0; i < 60; i++) {
      const path = `adapters/run-${String(i).padStart(2, '0')}/adapter_config.json`;
      // A long local path: every finding quotes it, so the comment outgrows GitHub's limit.
      writeFiles(dir, {
        [path]: JSON.stringify(
          {
            peft_type: 'LORA',
            base_model_name_or_path: `/content/drive/MyDrive/${'checkpoints/'.repeat(40)}base-${i}`,
            r: 8
          },
          null,
          2
        )
      });
      gh.files.push({ path, status: 'added' });
    }
    const payload = pullRequestPayload('opened', 'f'.repeat(40));
    const run = await runAction({
      workspace: dir,
      eventName: 'pull_request',
      payload,
      apiUrl: gh.server.url,
      inputs: { comment: 'always', 'check-run': 'true', 'review-comments': 'true' }
    });

    expect(run.code).toBe(1);
    expect(run.annotations).toHaveLength(120);
    const errors = Number(run.outputs.errors);
    expect(errors).toBeGreaterThan(0);

    expect(gh.checkPatches.map((p) => p.annotations)).toEqual([50, 50, 20]);
    expect(gh.checkPatches.at(-1)).toMatchObject({ status: 'completed', conclusion: 'failure' });

    expect(gh.issueComments).toHaveLength(1);
    const body = gh.issueComments[0].body;
    expect(body.length).toBeLessThanOrEqual(COMMENT_MAX_CHARS);
    expect(body).toContain('Lineage gate: fail');
    // Made to fit: errors are cut to one line each before table rows go, and every error stays.
    const note = new RegExp(
      'Shortened to stay under the 63 KiB limit: (\\d+) of 60 rows of the artifact table were left out, ' +
        'lowest severity first\\. (\\d+) errors are shown on one line, without their fix\\.'
    ).exec(body);
    expect(note).not.toBeNull();
    expect(Number(note?.[2])).toBe(errors);
    expect(Number(note?.[1])).toBeLessThan(60);
    expect(body.split('**error**').length - 1).toBe(errors);

    expect(gh.reviews).toHaveLength(1);
    expect(gh.reviewComments).toHaveLength(MAX_LINE_COMMENTS);
    const inBody = gh.reviews[0].body.split('<!-- lineage-gate:finding ').length - 1;
    expect(gh.reviews[0].body.length).toBeLessThanOrEqual(COMMENT_MAX_CHARS);
    expect(inBody + MAX_LINE_COMMENTS + Number(/…and (\d+) more finding/.exec(gh.reviews[0].body)?.[1] ?? 0)).toBe(120);
  }, 60000);
});

describe('a pull request with 1,100 findings', () => {
  it('annotates the first 1,000 in the log and in 20 check-run batches, errors first, and says so', async () => {
    const dir = tempDir('lg-over-cap-');
    const gh = await standIn();
    // 900 errors (two per adapter whose base is a local path) and 200 warnings (an unpinned upstream in a
    // lineage.yaml whose directory sorts first): a cap by path would keep the warnings, errors first keeps them all.
    for (let i = 0; i < 450; i++) {
      const path = `adapters/run-${String(i).padStart(3, '0')}/adapter_config.json`;
      const config = { peft_type: 'LORA', base_model_name_or_path: `/content/drive/MyDrive/base-${i}`, r: 8 };
      writeFiles(dir, { [path]: JSON.stringify(config, null, 2) });
      gh.files.push({ path, status: 'added' });
    }
    for (let i = 0; i < 200; i++) {
      const path = `adapters/a-${String(i).padStart(3, '0')}/lineage.yaml`;
      const text = 'schema: 1\nname: x\nupstreams:\n  - id: Qwen/Qwen2.5-0.5B\nlicense: { id: apache-2.0 }\n';
      writeFiles(dir, { [path]: text });
      gh.files.push({ path, status: 'added' });
    }
    const run = await runAction({
      workspace: dir,
      eventName: 'pull_request',
      payload: pullRequestPayload('opened', 'e'.repeat(40)),
      apiUrl: gh.server.url,
      inputs: { comment: 'never', 'check-run': 'true', 'report-file': 'report.json' }
    });

    expect(run.code).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { findings: unknown[] };
    expect(report.findings).toHaveLength(1_100);
    expect(run.annotations).toHaveLength(MAX_ANNOTATIONS);
    expect(run.stdout).toContain(
      'Annotated the first 1,000 of 1,100 findings (errors first); ' +
        'the other 100 are in the JSON report, report.json.'
    );
    expect(run.outputs.errors).toBe('900');
    expect(run.annotations.filter((a) => a.startsWith('::error ')).length).toBe(900);
    expect(run.annotations.filter((a) => a.startsWith('::warning ')).length).toBe(100);

    expect(gh.checkPatches.map((p) => p.annotations)).toEqual(Array(MAX_CHECK_ANNOTATIONS / 50).fill(50));
    expect(gh.checkPatches.at(-1)).toMatchObject({ status: 'completed', conclusion: 'failure' });
    type Sent = { output: { summary: string; annotations?: { annotation_level: string }[] } };
    const sent = gh.checkRunBodies.slice(1) as Sent[];
    const levels = sent.flatMap((b) => b.output.annotations ?? []).map((a) => a.annotation_level);
    expect(levels.filter((l) => l === 'failure')).toHaveLength(900);
    expect(levels.slice(0, 900).every((l) => l === 'failure')).toBe(true);
    expect(sent.at(-1)?.output.summary).toContain(
      '_The first 1,000 of 1,100 findings are annotated here (errors first)'
    );
  }, 60000);
});
