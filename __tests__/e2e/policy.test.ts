/** End-to-end: the policy file through dist/index.js — per-path strictness, waivers, invalid policies. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { startGitHubApiServer, paginate, type GitHubApiServer } from '../helpers/github-api-server.js';
import { diffEntry } from '../helpers/github-shapes.js';
import { tempDir } from '../helpers/git-repo.js';
import { webhookExample } from '../helpers/webhook-examples.js';
import { runAction } from '../helpers/run-action.js';

const ADAPTER = (base: string) =>
  JSON.stringify(
    { base_model_name_or_path: base, peft_type: 'LORA', r: 8, lora_alpha: 16, revision: null, task_type: 'CAUSAL_LM' },
    null,
    2
  );
const CARD = (base: string, license: string, name: string) =>
  `---\nbase_model: ${base}\nlicense: ${license}\nmodel_name: ${name}\nlibrary_name: peft\n---\n\n# ${name}\n`;

function repo(files: Record<string, string>): { dir: string; paths: string[] } {
  const dir = tempDir('lg-policy-e2e-');
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return { dir, paths: Object.keys(files).filter((p) => !p.startsWith('.github/')) };
}

function payload(): Record<string, unknown> {
  const p = webhookExample('pull_request', (e) => e.action === 'opened') as {
    number: number;
    pull_request: { number: number };
  };
  p.number = 5;
  p.pull_request.number = 5;
  return p as unknown as Record<string, unknown>;
}

async function serve(paths: string[]): Promise<GitHubApiServer> {
  return startGitHubApiServer({
    routes: [
      {
        method: 'GET',
        path: '/repos/acme/models/pulls/5/files',
        handler: (req) =>
          paginate(
            req,
            paths.map((f) => diffEntry('acme', 'models', f, 'added'))
          )
      }
    ]
  });
}

describe('policy through the bundled Action', () => {
  let server: GitHubApiServer | undefined;
  afterEach(async () => server?.close());

  it('fails a PR only on the path pattern the policy makes strict', async () => {
    const qwen = { adapter: ADAPTER('Qwen/Qwen3-4B'), card: CARD('Qwen/Qwen3-4B', 'apache-2.0', 'qwen3-helper') };
    const { dir, paths } = repo({
      'experiments/a/adapter_config.json': qwen.adapter,
      'experiments/a/README.md': qwen.card,
      'release/b/adapter_config.json': qwen.adapter,
      'release/b/README.md': qwen.card,
      '.github/lineage-policy.yml':
        'version: 1\noverrides:\n  - paths: ["release/**"]\n    require: { pinned-revisions: true }\n'
    });
    server = await serve(paths);
    const run = await runAction({ workspace: dir, eventName: 'pull_request', payload: payload(), apiUrl: server.url });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Policy: .github/lineage-policy.yml (0 waiver(s))');
    expect(run.annotations.map((a) => a.slice(0, a.indexOf('::', 2)))).toEqual([
      '::error title=unpinned-revision,file=release/b/adapter_config.json,line=2,endLine=2,col=30,endColumn=45',
      '::warning title=unpinned-revision,file=experiments/a/adapter_config.json,line=2,endLine=2,col=30,endColumn=45'
    ]);
    expect(run.outputs).toMatchObject({ result: 'fail', errors: '1', warnings: '1' });
  });

  it('turns a failing PR green with a waiver that is still shown, until it expires', async () => {
    const { dir, paths } = repo({
      'exp/llama/adapter_config.json': ADAPTER('meta-llama/Llama-3.1-8B-Instruct'),
      'exp/llama/README.md': CARD('meta-llama/Llama-3.1-8B-Instruct', 'llama3.1', 'Llama-3.1-8B-probe'),
      '.github/lineage-policy.yml': [
        'version: 1',
        'rules: { unpinned-revision: off }',
        'waivers:',
        '  - rule: missing-attribution',
        '    path: "exp/**"',
        '    upstream: "meta-llama/*"',
        '    reason: "Internal probe; never distributed."',
        '    expires: 2026-12-31',
        ''
      ].join('\n')
    });
    server = await serve(paths);
    const green = await runAction({
      workspace: dir,
      eventName: 'pull_request',
      payload: payload(),
      apiUrl: server.url,
      env: { LINEAGE_GATE_NOW: '2026-12-31T23:00:00Z' },
      inputs: { 'report-file': 'r.json' }
    });
    expect(green.code).toBe(0);
    expect(green.outputs).toMatchObject({ result: 'pass', errors: '0', warnings: '0' });
    expect(green.annotations).toHaveLength(1);
    expect(green.annotations[0]).toMatch(
      new RegExp(
        '^::notice title=missing-attribution,file=exp\\/llama\\/adapter_config.json,.*::' +
          '\\[waived until 2026-12-31 by .github\\/lineage-policy.yml:4: Internal probe; never distributed.\\] ' +
          'Attribution is owed'
      )
    );
    expect(green.summary).toContain('waived');
    const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
    expect(report.counts).toMatchObject({ errors: 0, waived: 1 });
    expect(report.findings[0]).toMatchObject({
      ruleId: 'missing-attribution',
      waived: true,
      waiver: {
        reason: 'Internal probe; never distributed.',
        expires: '2026-12-31',
        file: '.github/lineage-policy.yml',
        line: 4
      }
    });

    const expired = await runAction({
      workspace: dir,
      eventName: 'pull_request',
      payload: payload(),
      apiUrl: server.url,
      env: { LINEAGE_GATE_NOW: '2027-01-01T00:00:00Z' }
    });
    expect(expired.code).toBe(1);
    expect(expired.annotations.map((a) => a.match(/title=([a-z-]+)/)![1]).sort()).toEqual([
      'missing-attribution',
      'waiver-expired'
    ]);
    expect(expired.annotations.find((a) => a.includes('waiver-expired'))).toContain(
      'file=.github/lineage-policy.yml,line=4'
    );
  });

  it('stops on an invalid policy with an annotation at the offending line', async () => {
    const { dir, paths } = repo({
      'a/adapter_config.json': ADAPTER('Qwen/Qwen3-4B'),
      '.github/lineage-policy.yml':
        'version: 1\nrequire:\n  evidence: strong\nwaivers:\n  - rule: missing-attribution\n    path: "x/**"\n'
    });
    server = await serve(paths);
    const run = await runAction({ workspace: dir, eventName: 'pull_request', payload: payload(), apiUrl: server.url });
    expect(run.code).toBe(1);
    const problems = run.annotations.filter((a) =>
      a.startsWith('::error title=invalid lineage policy,file=.github/lineage-policy.yml')
    );
    expect(problems.map((a) => a.match(/line=(\d+)/)![1])).toEqual(['3', '5']);
    expect(problems[0]).toContain('strong');
    expect(problems[1]).toContain('reason');
    expect(run.stdout).toContain('::error::Configuration error: The policy file .github/lineage-policy.yml is invalid');
    expect(run.outputs).toEqual({});
  });
});
