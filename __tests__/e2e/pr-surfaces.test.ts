/** End-to-end: the sticky PR comment and the check run, through dist/index.js against a loopback GitHub API. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { startGitHubApiServer, paginate, githubError, type GitHubApiServer, type ApiRequest } from '../helpers/github-api-server.js';
import { diffEntry } from '../helpers/github-shapes.js';
import { tempDir } from '../helpers/git-repo.js';
import { webhookExample } from '../helpers/webhook-examples.js';
import { runAction } from '../helpers/run-action.js';

const MARKER = '<!-- lineage-gate:sticky -->';

function payload(): Record<string, unknown> {
  const p = webhookExample('pull_request', (e) => e.action === 'opened') as { number: number; pull_request: { number: number; head: { sha: string } } };
  p.number = 8;
  p.pull_request.number = 8;
  p.pull_request.head.sha = 'c'.repeat(40);
  return p as unknown as Record<string, unknown>;
}

function write(dir: string, files: Record<string, string>): string[] {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return Object.keys(files);
}

/** A GitHub stand-in that keeps PR comments and check runs in memory (or refuses every write). */
async function github(files: () => string[], opts: { readOnly?: boolean } = {}) {
  const comments: { id: number; body: string; user: { login: string; type: string } }[] = [];
  const checkPatches: { annotations: number; status?: string; conclusion?: string }[] = [];
  let nextId = 100;
  const denied = () => githubError(403, 'Resource not accessible by integration');
  const server: GitHubApiServer = await startGitHubApiServer({
    routes: [
      { method: 'GET', path: '/repos/acme/models/pulls/8/files', handler: (req: ApiRequest) => paginate(req, files().map((f) => diffEntry('acme', 'models', f, 'added'))) },
      { method: 'GET', path: '/repos/acme/models/issues/8/comments', handler: (req: ApiRequest) => paginate(req, comments) },
      {
        method: 'POST',
        path: '/repos/acme/models/issues/8/comments',
        handler: (req: ApiRequest) => {
          if (opts.readOnly) return denied();
          const c = { id: nextId++, body: (req.json as { body: string }).body, user: { login: 'github-actions[bot]', type: 'Bot' } };
          comments.push(c);
          return { status: 201, body: c };
        }
      },
      {
        method: 'PATCH',
        path: '/repos/acme/models/issues/comments/:id',
        handler: (req: ApiRequest) => {
          const c = comments.find((x) => String(x.id) === req.params.id);
          if (opts.readOnly || !c) return opts.readOnly ? denied() : githubError(404, 'Not Found');
          c.body = (req.json as { body: string }).body;
          return { body: c };
        }
      },
      { method: 'POST', path: '/repos/acme/models/check-runs', handler: () => (opts.readOnly ? denied() : { status: 201, body: { id: 7, status: 'in_progress' } }) },
      {
        method: 'PATCH',
        path: '/repos/acme/models/check-runs/:id',
        handler: (req: ApiRequest) => {
          const b = req.json as { output?: { annotations?: unknown[] }; status?: string; conclusion?: string };
          checkPatches.push({ annotations: b.output?.annotations?.length ?? 0, status: b.status, conclusion: b.conclusion });
          return { body: { id: 7 } };
        }
      }
    ]
  });
  return { server, comments, checkPatches };
}

const BAD = (i: number) => JSON.stringify({ peft_type: 'LORA', base_model_name_or_path: `/content/base-${i}`, r: 8 });

describe('PR comment and check run', () => {
  it('creates one comment, updates it in place, and says so when a later run passes', async () => {
    const dir = tempDir('lg-pr-');
    let files = write(dir, { 'a/adapter_config.json': BAD(1) });
    const gh = await github(() => files);
    try {
      const first = await runAction({ workspace: dir, eventName: 'pull_request', payload: payload(), apiUrl: gh.server.url });
      expect(first.code).toBe(1);
      expect(gh.comments).toHaveLength(1);
      expect(gh.comments[0].body).toContain(MARKER);
      expect(gh.comments[0].body).toContain('Lineage gate: fail');
      const second = await runAction({ workspace: dir, eventName: 'pull_request', payload: payload(), apiUrl: gh.server.url });
      expect(second.code).toBe(1);
      expect(gh.comments).toHaveLength(1);
      files = write(dir, {
        'a/adapter_config.json': JSON.stringify({ peft_type: 'LORA', base_model_name_or_path: 'Qwen/Qwen3-4B', revision: '1cfa9a7208912126459214e8b04321603b3df60c', r: 8 }),
        'a/README.md': '---\nbase_model: Qwen/Qwen3-4B\nlicense: apache-2.0\n---\n'
      });
      const fixed = await runAction({ workspace: dir, eventName: 'pull_request', payload: payload(), apiUrl: gh.server.url });
      expect(fixed.code).toBe(0);
      expect(gh.comments).toHaveLength(1);
      expect(gh.comments[0].body).toContain('Lineage gate: pass');
    } finally {
      await gh.server.close();
    }
  });

  it('sends 120 annotations to a check run in 3 batches', async () => {
    const dir = tempDir('lg-check-');
    const files = write(dir, Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`x${i}/adapter_config.json`, BAD(i)])));
    const gh = await github(() => files);
    try {
      const run = await runAction({ workspace: dir, eventName: 'pull_request', payload: payload(), apiUrl: gh.server.url, inputs: { 'check-run': 'true', comment: 'never' } });
      expect(run.annotations).toHaveLength(120);
      expect(gh.checkPatches.map((p) => p.annotations)).toEqual([50, 50, 20]);
      expect(gh.checkPatches.at(-1)).toMatchObject({ status: 'completed', conclusion: 'failure' });
      expect(gh.comments).toHaveLength(0);
    } finally {
      await gh.server.close();
    }
  });

  it('keeps the verdict when every write is refused (fork PR), with warnings naming the permission', async () => {
    const dir = tempDir('lg-fork-');
    const files = write(dir, { 'a/adapter_config.json': BAD(1) });
    const gh = await github(() => files, { readOnly: true });
    try {
      const run = await runAction({ workspace: dir, eventName: 'pull_request', payload: payload(), apiUrl: gh.server.url, inputs: { 'check-run': 'true', comment: 'always' } });
      expect(run.code).toBe(1);
      expect(run.outputs.result).toBe('fail');
      const warnings = run.stdout.split('\n').filter((l) => l.startsWith('::warning::'));
      expect(warnings.join('\n')).toContain('pull-requests: write');
      expect(warnings.join('\n')).toContain('checks: write');
      expect(run.stdout).not.toContain('lineage-gate could not complete');
    } finally {
      await gh.server.close();
    }
  });
});
