import { afterEach, describe, expect, it } from '@jest/globals';
import { getOctokit } from '@actions/github';
import {
  checkConclusion,
  checkTitle,
  publishCheckRun,
  toCheckRunAnnotation,
  CHECK_SUMMARY_MAX_CHARS,
  MAX_CHECK_ANNOTATIONS,
  type CheckRunAnnotation
} from '../../../src/github/check-run.js';
import { renderSummary } from '../../../src/report/render/summary.js';
import {
  githubError,
  startGitHubApiServer,
  type ApiRequest,
  type ApiResponse,
  type GitHubApiServer
} from '../../helpers/github-api-server.js';
import { checkRun } from '../../helpers/github-shapes.js';
import { bulkFindings, DOCS, finding, sampleReport } from '../report/sample-report.js';

const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
const CHECK_ID = 4242;
let server: GitHubApiServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** What the gate sent to the Checks API (create or update). */
interface SentCheckRun {
  name?: string;
  head_sha?: string;
  status?: string;
  conclusion?: string;
  output: { title: string; summary: string; annotations?: CheckRunAnnotation[] };
}

interface Handlers {
  create?: (req: ApiRequest) => ApiResponse;
  update?: (req: ApiRequest) => ApiResponse;
}

/** The check run GitHub answers with after `req` created or updated it. */
function answered(req: ApiRequest, id: number) {
  const sent = req.json as SentCheckRun;
  return checkRun({
    serverUrl: req.serverUrl,
    owner: req.params.owner,
    repo: req.params.repo,
    id,
    headSha: sent.head_sha ?? HEAD,
    name: sent.name ?? 'Lineage Gate',
    status: sent.status ?? 'in_progress',
    conclusion: sent.conclusion
  });
}

async function serveChecks(
  handlers: Handlers = {}
): Promise<{ s: GitHubApiServer; bodies: () => { method: string; url: string; json: SentCheckRun }[] }> {
  server = await startGitHubApiServer({
    routes: [
      {
        method: 'POST',
        path: '/repos/:owner/:repo/check-runs',
        handler: handlers.create ?? ((req) => ({ status: 201, body: answered(req, CHECK_ID) }))
      },
      {
        method: 'PATCH',
        path: '/repos/:owner/:repo/check-runs/:id',
        handler: handlers.update ?? ((req) => ({ body: answered(req, Number(req.params.id)) }))
      }
    ]
  });
  const s = server;
  return {
    s,
    bodies: () =>
      s.requests.map((r) => ({ method: r.method, url: r.url, json: JSON.parse(r.body || '{}') as SentCheckRun }))
  };
}

function summaryOf(report: ReturnType<typeof sampleReport>): string {
  return renderSummary(report, { docsBase: DOCS, repoUrl: `https://github.com/${OWNER}/${REPO}`, sha: HEAD });
}

describe('publishCheckRun', () => {
  it('sends 120 findings as 3 PATCH batches of 50/50/20, the last one completing with the conclusion', async () => {
    const report = sampleReport('error', [
      ...bulkFindings(70, 'error', 'adapters/a', 50),
      ...bulkFindings(50, 'warning', 'adapters/b', 50)
    ]);
    const { s, bodies } = await serveChecks();
    const octokit = getOctokit('t', { baseUrl: s.url });
    const result = await publishCheckRun({
      octokit,
      owner: OWNER,
      repo: REPO,
      headSha: HEAD,
      report,
      summaryMarkdown: summaryOf(report)
    });

    expect(result).toEqual({ ok: true, id: CHECK_ID, batches: 3 });
    const sent = bodies();
    expect(sent.map((r) => `${r.method} ${r.url}`)).toEqual([
      `POST /repos/${OWNER}/${REPO}/check-runs`,
      ...Array(3).fill(`PATCH /repos/${OWNER}/${REPO}/check-runs/${CHECK_ID}`)
    ]);
    expect(sent[0].json).toMatchObject({ name: 'Lineage Gate', head_sha: HEAD, status: 'in_progress' });
    const patches = sent.slice(1).map((r) => r.json);
    expect(patches.map((p) => p.output.annotations?.length)).toEqual([50, 50, 20]);
    expect(patches.map((p) => p.status)).toEqual([undefined, undefined, 'completed']);
    expect(patches.map((p) => p.conclusion)).toEqual([undefined, undefined, 'failure']);
    for (const p of patches)
      expect(p.output).toMatchObject({
        title: 'Failed: 70 errors, 50 warnings',
        summary: expect.stringContaining('Lineage')
      });
    // Every finding sent exactly once, errors (failure) before warnings.
    const all = patches.flatMap((p) => p.output.annotations ?? []);
    expect(new Set(all.map((a) => a.path)).size).toBe(120);
    expect(all.slice(0, 70).every((a) => a.annotation_level === 'failure')).toBe(true);
    expect(all.slice(70).every((a) => a.annotation_level === 'warning')).toBe(true);
  });

  it('sends one completing PATCH without annotations when there are no findings', async () => {
    const report = sampleReport('error', []);
    const { s, bodies } = await serveChecks();
    const result = await publishCheckRun({
      octokit: getOctokit('t', { baseUrl: s.url }),
      owner: OWNER,
      repo: REPO,
      headSha: HEAD,
      report,
      name: 'Lineage',
      summaryMarkdown: 'ok'
    });
    expect(result).toEqual({ ok: true, id: CHECK_ID, batches: 1 });
    const [create, patch] = bodies();
    expect(create.json.name).toBe('Lineage');
    expect(patch.json).toMatchObject({
      status: 'completed',
      conclusion: 'success',
      output: { title: 'Passed: no findings', summary: 'ok', annotations: [] }
    });
  });

  it('turns a 403 on create into a warning naming checks: write, without throwing or patching', async () => {
    const { s } = await serveChecks({ create: () => githubError(403, 'Resource not accessible by integration') });
    const result = await publishCheckRun({
      octokit: getOctokit('t', { baseUrl: s.url }),
      owner: OWNER,
      repo: REPO,
      headSha: HEAD,
      report: sampleReport(),
      summaryMarkdown: 'x'
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.warning).toContain('checks: write');
    expect(result.warning).toContain('HTTP 403');
    expect(result.warning).toContain('forks');
    expect(s.requests.map((r) => r.method)).toEqual(['POST']);
  });

  it('turns a 404 on a later batch into a warning that mentions the check run left in progress', async () => {
    const { s } = await serveChecks({ update: () => githubError(404, 'Not Found') });
    const report = sampleReport('error', bulkFindings(60, 'warning', 'adapters/a', 10));
    const result = await publishCheckRun({
      octokit: getOctokit('t', { baseUrl: s.url }),
      owner: OWNER,
      repo: REPO,
      headSha: HEAD,
      report,
      summaryMarkdown: 'x'
    });
    expect(result).toEqual({
      ok: false,
      warning: expect.stringMatching(/HTTP 404.*checks: write.*Check run 4242 may be left in progress/s)
    });
    // create, the failing first batch, then one attempt to complete the run anyway
    expect(s.requests.map((r) => r.method)).toEqual(['POST', 'PATCH', 'PATCH']);
  });

  it('completes the run with its verdict when a later batch fails but GitHub still answers', async () => {
    let patches = 0;
    const { s, bodies } = await serveChecks({
      update: (req) =>
        ++patches === 2 ? githubError(500, 'Server Error') : { body: answered(req, Number(req.params.id)) }
    });
    const report = sampleReport('error', bulkFindings(120, 'error', 'adapters/a', 10));
    const result = await publishCheckRun({
      octokit: getOctokit('t', { baseUrl: s.url }),
      owner: OWNER,
      repo: REPO,
      headSha: HEAD,
      report,
      summaryMarkdown: 'summary'
    });
    expect(result).toEqual({
      ok: false,
      warning: expect.stringMatching(
        /HTTP 500.*Check run 4242 was completed with the verdict, but some annotations are missing from it\./s
      )
    });
    const last = bodies().at(-1)!.json;
    expect(bodies()).toHaveLength(4);
    expect(last).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(last.output.annotations).toBeUndefined();
    expect(last.output.summary).toContain('Some annotations could not be sent to this check run');
  });

  it('says a 403 from the rate limit is the rate limit, not a missing permission', async () => {
    const { s } = await serveChecks({
      create: () => ({
        ...githubError(403, 'API rate limit exceeded'),
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1700000000' }
      })
    });
    const result = await publishCheckRun({
      octokit: getOctokit('t', { baseUrl: s.url }),
      owner: OWNER,
      repo: REPO,
      headSha: HEAD,
      report: sampleReport(),
      summaryMarkdown: 'x'
    });
    expect(result).toEqual({ ok: false, warning: expect.stringContaining('rate limit') });
    expect(result.ok === false && result.warning.includes('checks: write')).toBe(false);
  });

  it('shortens a summary over 65,535 characters and keeps its start', async () => {
    const { s, bodies } = await serveChecks();
    const long = `# Verdict: failed\n\n${'| row | value |\n'.repeat(10_000)}`;
    await publishCheckRun({
      octokit: getOctokit('t', { baseUrl: s.url }),
      owner: OWNER,
      repo: REPO,
      headSha: HEAD,
      report: sampleReport(),
      summaryMarkdown: long
    });
    const summary = bodies()[1].json.output.summary;
    expect(summary.length).toBeLessThanOrEqual(CHECK_SUMMARY_MAX_CHARS);
    expect(summary.length).toBeGreaterThan(CHECK_SUMMARY_MAX_CHARS - 2100);
    expect(summary.startsWith('# Verdict: failed')).toBe(true);
    expect(summary).toContain('Shortened to fit');
  });

  it('sends the first 1,000 of 1,060 findings (errors first) in 20 batches, and the page says so', async () => {
    const report = sampleReport('error', [
      ...bulkFindings(60, 'warning', 'adapters/a', 50),
      ...bulkFindings(1_000, 'error', 'adapters/b', 50)
    ]);
    const { s, bodies } = await serveChecks();
    const long = `# Verdict: failed\n\n${'| row | value |\n'.repeat(10_000)}`;
    const result = await publishCheckRun({
      octokit: getOctokit('t', { baseUrl: s.url }),
      owner: OWNER,
      repo: REPO,
      headSha: HEAD,
      report,
      summaryMarkdown: long
    });
    expect(result).toEqual({ ok: true, id: CHECK_ID, batches: MAX_CHECK_ANNOTATIONS / 50 });
    const patches = bodies()
      .slice(1)
      .map((r) => r.json);
    expect(patches).toHaveLength(20);
    expect(patches.at(-1)).toMatchObject({ status: 'completed', conclusion: 'failure' });
    const sent = patches.flatMap((p) => p.output.annotations ?? []);
    expect(sent).toHaveLength(MAX_CHECK_ANNOTATIONS);
    expect(sent.every((a) => a.annotation_level === 'failure')).toBe(true);
    // A long summary is shortened, and the note on what is missing still fits after it.
    const summary = patches[0].output.summary;
    expect(summary.length).toBeLessThanOrEqual(CHECK_SUMMARY_MAX_CHARS);
    expect(summary).toContain('Shortened to fit');
    expect(summary).toMatch(
      /_The first 1,000 of 1,060 findings are annotated here \(errors first\).*report-file.*_\n$/
    );
  });
});

describe('toCheckRunAnnotation', () => {
  it('maps a one-line finding with columns, rule id as title and the fix as raw_details', () => {
    const f = finding({
      ruleId: 'missing-license',
      severity: 'error',
      path: 'a/adapter_config.json',
      artifact: 'a',
      line: 4,
      column: 5,
      endColumn: 20,
      message: 'No license.',
      fix: 'Add one.'
    });
    expect(toCheckRunAnnotation(f)).toEqual({
      path: 'a/adapter_config.json',
      start_line: 4,
      end_line: 4,
      start_column: 5,
      end_column: 20,
      annotation_level: 'failure',
      title: 'missing-license',
      message: 'No license.',
      raw_details: 'Add one.'
    });
  });

  it('drops columns across lines, a waived finding is a notice with its waiver, and caps the message at 64 KiB', () => {
    const f = finding({
      ruleId: 'unpinned-revision',
      severity: 'error',
      path: 'a/README.md',
      artifact: 'a',
      line: 2,
      endLine: 5,
      waived: true,
      waiver: { reason: 'legacy', file: '.github/lineage-policy.yml', line: 9 },
      message: `é${'x'.repeat(70_000)}`
    });
    const a = toCheckRunAnnotation(f);
    expect(a).not.toHaveProperty('start_column');
    expect(a).not.toHaveProperty('end_column');
    expect(a).toMatchObject({ start_line: 2, end_line: 5, annotation_level: 'notice' });
    expect(a.message.startsWith('[waived by .github/lineage-policy.yml:9: legacy] é')).toBe(true);
    expect(Buffer.byteLength(a.message, 'utf8')).toBe(64 * 1024);
  });
});

describe('checkConclusion and checkTitle', () => {
  it('is success with no findings, neutral when passing with findings, failure when failing', () => {
    expect(checkConclusion(sampleReport('error', []))).toBe('success');
    const warningsOnly = sampleReport('error', bulkFindings(2, 'warning', 'a', 5));
    expect(checkConclusion(warningsOnly)).toBe('neutral');
    expect(checkTitle(warningsOnly)).toBe('Passed: 2 warnings');
    expect(checkConclusion(sampleReport('error'))).toBe('failure');
    expect(checkTitle(sampleReport('error'))).toBe('Failed: 2 errors, 2 warnings, 1 notice, 1 waived');
  });
});
