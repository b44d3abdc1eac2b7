/**
 * End-to-end: real webhook payloads (@octokit/webhooks-examples) for every event the gate
 * supports, through dist/index.js against a loopback GitHub that validates each request and
 * answer against GitHub's OpenAPI description (a non-conforming one fails the test on close).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { tempDir } from '../helpers/git-repo.js';
import { OWNER, PR_NUMBER, REPO, standInsClosedAfterEach } from '../helpers/pull-request-stand-in.js';
import { runAction } from '../helpers/run-action.js';
import { webhookExample } from '../helpers/webhook-examples.js';

const BASE = 'a'.repeat(40);
const HEAD = 'b'.repeat(40);
const MANIFEST = 'adapters/colab/adapter_config.json';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- webhook payloads are edited field by field
type Payload = Record<string, any>;

function ourRepository(p: Payload): void {
  p.repository.name = REPO;
  p.repository.full_name = `${OWNER}/${REPO}`;
  p.repository.owner.login = OWNER;
}

function pullRequest(action: 'opened' | 'synchronize', fork = false): Payload {
  const p: Payload = webhookExample('pull_request', (e) => e.action === action);
  ourRepository(p);
  p.number = PR_NUMBER;
  p.pull_request.number = PR_NUMBER;
  p.pull_request.base.sha = BASE;
  p.pull_request.head.sha = HEAD;
  if (fork) {
    // A contributor's fork: GitHub gives such runs a read-only token.
    p.pull_request.head.repo = {
      ...p.pull_request.head.repo,
      full_name: `contributor/${REPO}`,
      fork: true,
      owner: { ...p.pull_request.head.repo.owner, login: 'contributor' }
    };
    p.pull_request.head.label = `contributor:${p.pull_request.head.ref}`;
  }
  return p;
}

function push(): Payload {
  const p: Payload = webhookExample('push', (e) => typeof e.before === 'string' && !/^0+$/.test(e.before));
  ourRepository(p);
  p.before = BASE;
  p.after = HEAD;
  return p;
}

function mergeGroup(): Payload {
  const p: Payload = webhookExample('merge_group');
  ourRepository(p);
  p.merge_group.base_sha = BASE;
  p.merge_group.head_sha = HEAD;
  return p;
}

const standIn = standInsClosedAfterEach();

async function runEvent(eventName: string, payload: Payload, options: { readOnly?: boolean } = {}) {
  const dir = tempDir('lg-event-');
  mkdirSync(dirname(join(dir, MANIFEST)), { recursive: true });
  writeFileSync(
    join(dir, MANIFEST),
    JSON.stringify({ peft_type: 'LORA', base_model_name_or_path: '/content/base', r: 8 }, null, 2)
  );
  const gh = await standIn(options);
  gh.files.push({ path: MANIFEST, status: 'added' });
  const run = await runAction({
    workspace: dir,
    eventName,
    payload,
    apiUrl: gh.server.url,
    inputs: { 'check-run': 'true', 'review-comments': 'true', comment: 'on-failure' }
  });
  const calls = gh.server.requests.map((r) => `${r.method} ${r.url.split('?')[0]}`);
  return { run, calls };
}

describe('every supported event, checked against GitHub OpenAPI', () => {
  it.each(['opened', 'synchronize'] as const)(
    'pull_request %s: files API, sticky comment, review, check run',
    async (action) => {
      const { run, calls } = await runEvent('pull_request', pullRequest(action));
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(`Files: pull request #${PR_NUMBER} files API (1 file)`);
      expect(calls).toEqual(
        expect.arrayContaining([
          `GET /repos/${OWNER}/${REPO}/pulls/${PR_NUMBER}/files`,
          `POST /repos/${OWNER}/${REPO}/issues/${PR_NUMBER}/comments`,
          `POST /repos/${OWNER}/${REPO}/pulls/${PR_NUMBER}/reviews`,
          `POST /repos/${OWNER}/${REPO}/check-runs`,
          `PATCH /repos/${OWNER}/${REPO}/check-runs/7`
        ])
      );
      expect(run.stdout).not.toMatch(/^::warning::/m);
    }
  );

  it('pull_request from a fork: every write refused, verdict unchanged, one warning per surface', async () => {
    const { run } = await runEvent('pull_request', pullRequest('opened', true), { readOnly: true });
    expect(run.code).toBe(1);
    expect(run.outputs.result).toBe('fail');
    const warnings = run.stdout.split('\n').filter((l) => l.startsWith('::warning::'));
    expect(warnings).toHaveLength(3);
    expect(warnings.join('\n')).toMatch(/the pull request comment \(HTTP 403\).*pull-requests: write/);
    expect(warnings.join('\n')).toMatch(/the pull request review \(HTTP 403\).*pull-requests: write/);
    expect(warnings.join('\n')).toMatch(/check run "Lineage Gate" \(HTTP 403\).*checks: write/);
    expect(run.stdout).not.toContain('could not complete');
  });

  it('push: the compare API between before and after; no PR surfaces, a check run', async () => {
    const { run, calls } = await runEvent('push', push());
    expect(run.code).toBe(1);
    expect(calls[0]).toBe(`GET /repos/${OWNER}/${REPO}/compare/${BASE}...${HEAD}`);
    expect(calls.filter((c) => c.includes('/issues/') || c.includes('/pulls/'))).toEqual([]);
    expect(calls).toContain(`POST /repos/${OWNER}/${REPO}/check-runs`);
    expect(run.stdout).toContain('review-comments: this event is not a pull request, so no review is posted.');
  });

  it('merge_group: the compare API between base_sha and head_sha', async () => {
    const { run, calls } = await runEvent('merge_group', mergeGroup());
    expect(run.code).toBe(1);
    expect(calls[0]).toBe(`GET /repos/${OWNER}/${REPO}/compare/${BASE}...${HEAD}`);
    expect(run.stdout).toContain(`Files: merge group compare API ${BASE.slice(0, 7)}...${HEAD.slice(0, 7)} (1 file)`);
  });
});
