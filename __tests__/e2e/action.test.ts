/**
 * End-to-end: the bundled Action (dist/index.js) run as a process with a runner's environment,
 * against a loopback HTTP server speaking the GitHub REST API, on real workspaces.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportValidator } from '../helpers/report-schema.js';
import { startGitHubApiServer, type GitHubApiServer } from '../helpers/github-api-server.js';
import { diffEntry, compareBody } from '../helpers/github-shapes.js';
import { initRepo, tempDir } from '../helpers/git-repo.js';
import { webhookExample } from '../helpers/webhook-examples.js';
import { PROJECT_ROOT, runAction } from '../helpers/run-action.js';
import { OWNER, REPO, prFilesServer, pullRequestPayload } from '../helpers/pr-files.js';
import { examplesWorkspace } from '../helpers/examples-workspace.js';

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? listFiles(dir, prefix ? `${prefix}/${d.name}` : d.name)
      : [prefix ? `${prefix}/${d.name}` : d.name]
  );
}

/** A workspace holding a copy of examples/ under examples/. */
const validateReport = reportValidator();

describe('pull_request', () => {
  let server: GitHubApiServer | undefined;
  afterEach(async () => server?.close());

  it('passes a PR that adds a fully documented MENS run', async () => {
    const workspace = examplesWorkspace('lg-e2e-');
    const files = listFiles(workspace).filter((f) => f.includes('qwen3-4b-support-promoted'));
    server = await prFilesServer(12, files);
    const run = await runAction({
      workspace,
      eventName: 'pull_request',
      payload: pullRequestPayload(12),
      apiUrl: server.url,
      inputs: { 'report-file': 'out/lineage.json' }
    });

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.annotations).toEqual([]);
    expect(run.stdout).toContain('Files: pull request #12 files API (4 files)');
    expect(run.outputs).toEqual({
      result: 'pass',
      errors: '0',
      warnings: '0',
      waived: '0',
      artifacts: '1',
      'report-file': join(workspace, 'out/lineage.json'),
      'sarif-file': '',
      'bom-file': '',
      'attestation-file': ''
    });
    expect(run.summary).toContain('## ✅ Lineage gate: pass');
    expect(run.summary).toContain('`examples/mens/runs/qwen3-4b-support-promoted`');
    const report = JSON.parse(readFileSync(join(workspace, 'out/lineage.json'), 'utf8'));
    expect(validateReport(report)).toBe(true);
    expect(report).toMatchObject({ result: 'pass', counts: { artifacts: 1, manifests: 3, errors: 0 } });
    expect(report.artifacts[0].license).toEqual({
      id: 'apache-2.0',
      name: null,
      link: null,
      path: 'examples/mens/runs/qwen3-4b-support-promoted/lineage.yaml'
    });
    // One paginated request for the files, with the token, at 100 per page (then a look for an earlier sticky comment).
    const fileRequests = server.requests.filter((r) => r.url.includes('/pulls/12/files'));
    expect(fileRequests).toHaveLength(1);
    expect(fileRequests[0].url).toContain('per_page=100');
    expect(fileRequests[0].headers.authorization).toBe('token ghs_test_token');
  });

  it('fails a PR with bad artifacts under the examples policy: exact annotations, summary and outputs', async () => {
    const workspace = examplesWorkspace('lg-e2e-');
    server = await prFilesServer(7, listFiles(workspace));
    const run = await runAction({
      workspace,
      eventName: 'pull_request',
      payload: pullRequestPayload(7, 'a'.repeat(40), '6dcb09b5b57875f334f61aebed695e2e4193db5e'),
      apiUrl: server.url,
      inputs: { policy: 'examples/lineage-policy.yml' }
    });

    expect(run.code).toBe(1);
    // Reviewed line by line: every rule of examples/README.md's table, at the line of the offending value.
    const expected = readFileSync(join(PROJECT_ROOT, '__tests__/e2e/expected/examples-pr.annotations.txt'), 'utf8')
      .trimEnd()
      .split('\n');
    expect(run.annotations).toEqual(expected);
    expect(run.stdout).toContain('Policy: examples/lineage-policy.yml (2 waiver(s))');
    expect(run.stdout).toContain(
      '::error::Lineage gate failed (fail-on: error). 10 artifacts, ' +
        '16 manifests: 12 errors, 8 warnings, 0 notices, 1 waived.'
    );
    expect(run.outputs).toMatchObject({ result: 'fail', errors: '12', warnings: '8', waived: '1', artifacts: '10' });
    expect(run.summary).toContain('## ❌ Lineage gate: fail');
    expect(run.summary).toContain('| `examples/peft/llama31-support-bot` |');
    expect(run.summary).toContain('waived until 2099-12-31');
    // Findings link to the exact line at the head sha, and to the rule page.
    expect(run.summary).toContain(
      'https://github.com/acme/models/blob/6dcb09b5b57875f334f61aebed695e2e4193db5e/' +
        'examples/mens/runs/hero-drop/training_manifest.json#L6'
    );
    expect(run.summary).toContain(
      '(https://github.com/lineage-gate/lineage-gate/blob/main/docs/rules/missing-attribution.md)'
    );
  });

  it('honours fail-on: warning and never, and the paths input', async () => {
    const workspace = examplesWorkspace('lg-e2e-');
    server = await prFilesServer(3, listFiles(workspace));
    const llamaOnly = { paths: 'examples/peft/**' };
    const never = await runAction({
      workspace,
      eventName: 'pull_request',
      payload: pullRequestPayload(3),
      apiUrl: server.url,
      inputs: { ...llamaOnly, 'fail-on': 'never' }
    });
    expect(never.code).toBe(0);
    expect(never.outputs).toMatchObject({ result: 'pass', errors: '1', warnings: '1', artifacts: '2' });
    expect(never.annotations).toHaveLength(2);

    writeFileSync(join(workspace, 'examples/peft/llama31-support-bot/NOTICE'), 'Built with Llama.\n');
    const warning = await runAction({
      workspace,
      eventName: 'pull_request',
      payload: pullRequestPayload(3),
      apiUrl: server.url,
      inputs: { ...llamaOnly, 'fail-on': 'warning' }
    });
    expect(warning.outputs).toMatchObject({ result: 'fail', errors: '0', warnings: '1' });
    expect(warning.code).toBe(1);
    const error = await runAction({
      workspace,
      eventName: 'pull_request',
      payload: pullRequestPayload(3),
      apiUrl: server.url,
      inputs: llamaOnly
    });
    expect(error.code).toBe(0);
    expect(error.annotations.map((a) => a.slice(0, a.indexOf(',')))).toEqual(['::warning title=unpinned-revision']);
  });

  it('falls back to git diff when the files API stops at 3,000 files', async () => {
    const repo = initRepo();
    repo.write('README.md', '# models\n');
    const base = repo.commit('base');
    const filler: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const path = `data/shard-${String(i).padStart(4, '0')}.txt`;
      filler.push(path);
      mkdirSync(join(repo.dir, 'data'), { recursive: true });
      writeFileSync(join(repo.dir, path), `${i}\n`);
    }
    repo.write(
      'adapters/colab/adapter_config.json',
      JSON.stringify(
        {
          peft_type: 'LORA',
          base_model_name_or_path: '/content/drive/MyDrive/llama-7b',
          r: 8,
          lora_alpha: 16,
          task_type: 'CAUSAL_LM'
        },
        null,
        2
      )
    );
    const head = repo.commit('3,001 files');
    // The API lists 3,000 files and silently drops the rest, like GitHub.
    server = await prFilesServer(9, filler);
    const run = await runAction({
      workspace: repo.dir,
      eventName: 'pull_request',
      payload: pullRequestPayload(9, base, head),
      apiUrl: server.url
    });

    expect(server.requests.filter((r) => r.url.includes('/pulls/9/files'))).toHaveLength(30);
    expect(run.stdout).toContain('reached that cap');
    expect(run.stdout).toMatch(/Files: git diff [0-9a-f]+\.\.\.[0-9a-f]+ .*3,001|Files: git diff/);
    expect(run.code).toBe(1);
    expect(run.annotations).toHaveLength(2);
    expect(run.annotations.join('\n')).toContain(
      'title=unresolvable-upstream,file=adapters/colab/adapter_config.json,line=3'
    );
    expect(run.outputs).toMatchObject({ result: 'fail', artifacts: '1' });
  }, 60000);
});

describe('push', () => {
  it('checks the files of the compare API between before and after', async () => {
    const workspace = examplesWorkspace('lg-e2e-');
    const payload = webhookExample('push', (p) => typeof p.before === 'string' && !/^0+$/.test(p.before as string));
    payload.before = 'c'.repeat(40);
    payload.after = 'd'.repeat(40);
    const files = ['examples/drops/mystery-adapter/adapter_model.safetensors'];
    const server = await startGitHubApiServer({
      routes: [
        {
          method: 'GET',
          path: `/repos/${OWNER}/${REPO}/compare/:base...:head`,
          handler: (req) => ({
            body: compareBody(
              req.serverUrl,
              OWNER,
              REPO,
              req.params.base,
              req.params.head,
              files.map((f) => diffEntry(OWNER, REPO, f, 'modified'))
            )
          })
        }
      ]
    });
    try {
      const run = await runAction({ workspace, eventName: 'push', payload, apiUrl: server.url });
      expect(server.requests[0].url).toContain(`/compare/${'c'.repeat(40)}...${'d'.repeat(40)}`);
      expect(run.code).toBe(1);
      expect(run.annotations).toHaveLength(1);
      expect(run.annotations[0]).toMatch(
        /^::error title=unmanifested-weights,file=examples\/drops\/mystery-adapter\/adapter_model.safetensors,line=1/
      );
      expect(run.outputs).toMatchObject({ result: 'fail', errors: '1', artifacts: '1' });
    } finally {
      await server.close();
    }
  });
});

describe('scheduled full scan and configuration errors', () => {
  it('says an event payload that is missing or not a JSON object is a configuration error', async () => {
    const workspace = examplesWorkspace('lg-e2e-');
    for (const payload of [null, [], 'push']) {
      const run = await runAction({ workspace, eventName: 'pull_request', payload });
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(
        '::error::Configuration error: The event payload at GITHUB_EVENT_PATH is not a JSON object.'
      );
      expect(run.stdout).not.toContain('could not complete');
      expect(run.outputs).toEqual({});
    }
    const missing = await runAction({
      workspace,
      eventName: 'pull_request',
      payload: {},
      env: { GITHUB_EVENT_PATH: join(workspace, 'no-such-event.json') }
    });
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(
      /::error::Configuration error: Cannot read the event payload at GITHUB_EVENT_PATH \(ENOENT/
    );
  });

  it('scans the whole tree on schedule, with no API call', async () => {
    const workspace = examplesWorkspace('lg-e2e-');
    const run = await runAction({ workspace, eventName: 'schedule', payload: { schedule: '17 4 * * 1' } });
    expect(run.outputs).toMatchObject({ result: 'fail', errors: '10', warnings: '7', artifacts: '10' });
  });

  it('rejects bad input values as configuration errors', async () => {
    const workspace = examplesWorkspace('lg-e2e-');
    const policy = await runAction({
      workspace,
      eventName: 'schedule',
      payload: {},
      inputs: { policy: '.github/lineage-policy.yml' }
    });
    expect(policy.code).toBe(1);
    expect(policy.stdout).toContain('::error::Configuration error: ');
    expect(policy.stdout).toContain('.github/lineage-policy.yml');
    expect(policy.outputs).toEqual({});
    const review = await runAction({
      workspace,
      eventName: 'schedule',
      payload: {},
      inputs: { 'review-comments': 'sometimes' }
    });
    expect(review.code).toBe(1);
    expect(review.stdout).toContain('Input `review-comments` must be one of `true`, `false`; got "sometimes"');
    const harmless = await runAction({
      workspace,
      eventName: 'schedule',
      payload: {},
      inputs: { 'hub-verify': 'false', comment: 'never', paths: 'examples/mens/runs/qwen3-4b-support-promoted/**' }
    });
    expect(harmless.code).toBe(0);
    const badFailOn = await runAction({
      workspace,
      eventName: 'schedule',
      payload: {},
      inputs: { 'fail-on': 'sometimes' }
    });
    expect(badFailOn.code).toBe(1);
    expect(badFailOn.stdout).toContain(
      'Input `fail-on` must be one of `error`, `warning`, `never`; got \\"sometimes\\"'.replace(/\\"/g, '"')
    );
  });
});

describe('untrusted content', () => {
  it('turns bad files into unreadable-manifest findings and never lets PR text form a workflow command', async () => {
    const workspace = tempDir('lg-hostile-');
    const write = (path: string, content: string | Buffer) => {
      mkdirSync(join(workspace, path, '..'), { recursive: true });
      writeFileSync(join(workspace, path), content);
    };
    write('a/adapter_config.json', Buffer.from([0x00, 0xff, 0x13, 0x37, 0x00, 0x01]));
    write(
      'b/adapter_config.json',
      'version https://git-lfs.github.com/spec/v1\noid sha256:' + 'ab'.repeat(32) + '\nsize 1234\n'
    );
    write('c/training_manifest.json', '{"vocab_size": 1,');
    write(
      'd/README.md',
      '---\nlicense: "x\\n::error::injected"\nbase_model: "::warning file=x::%0A::set-output name=result::pass"\n---\n'
    );
    write('e/adapter_config.json', 'x'.repeat(2 * 1024 * 1024));
    const run = await runAction({ workspace, eventName: 'workflow_dispatch', payload: {} });
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n').filter((l) => l.startsWith('::'));
    // Every command line is one of ours: an annotation with a rule title, the final verdict, or (Node 22 and
    // later) the debug line saying the full scan runs in a child node.
    for (const line of lines)
      expect(line).toMatch(
        /^::(error|warning|notice) title=[a-z-]+,file=|^::error::Lineage gate failed|^::debug::Running in a child node /
      );
    expect(run.stdout).not.toMatch(/^::error::injected/m);
    expect(run.stdout).not.toMatch(/^::set-output/m);
    const unreadable = run.annotations.filter((a) => a.includes('title=unreadable-manifest'));
    expect(unreadable.map((a) => a.match(/file=([^,]+)/)![1]).sort()).toEqual([
      'a/adapter_config.json',
      'b/adapter_config.json',
      'c/training_manifest.json',
      'e/adapter_config.json'
    ]);
    expect(unreadable.join('\n')).toContain('Git LFS pointer');
    expect(run.outputs.result).toBe('fail');
  });
});
