/**
 * End-to-end: files the gate reads and writes besides manifests, committed by a hostile pull
 * request — a policy linked to a secret outside the repository or made a FIFO, an output directory
 * linked out of the workspace, a forged Hub cache — through dist/ as a process.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { startHubServer, type LoopbackHub } from '../helpers/hub-server.js';
import { tempDir } from '../helpers/git-repo.js';
import { runAction, runCli } from '../helpers/run-action.js';

const SECRET = 'AWS_SECRET_ACCESS_KEY=hostile-e2e-secret-0123456789';

const peft = (base: string) =>
  JSON.stringify({ peft_type: 'LORA', base_model_name_or_path: base, r: 8, lora_alpha: 16, task_type: 'CAUSAL_LM' });

function repo(files: Record<string, string>): string {
  const dir = tempDir('lg-hostile-e2e-');
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const GOOD = {
  'good/adapter_config.json': peft('Qwen/Qwen3-4B'),
  'good/README.md': '---\nbase_model: Qwen/Qwen3-4B\nlicense: apache-2.0\n---\n'
};

/** Everything a runner shows of a step. */
const seen = (run: { stdout: string; stderr: string; summary: string; outputs: Record<string, string> }) =>
  [run.stdout, run.stderr, run.summary, JSON.stringify(run.outputs)].join('\n');

describe('hostile files around the manifests', () => {
  it('a policy linked to a file outside the repository is a configuration error that quotes nothing', async () => {
    const outside = tempDir('lg-hostile-secret-');
    writeFileSync(join(outside, 'environ'), `${SECRET}\nversion: 1\n`);
    const dir = repo(GOOD);
    mkdirSync(join(dir, '.github'));
    symlinkSync(join(outside, 'environ'), join(dir, '.github/lineage-policy.yml'));
    const run = await runAction({ workspace: dir, eventName: 'schedule', payload: {}, inputs: { scope: 'all' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '::error::Configuration error: The policy file .github/lineage-policy.yml cannot be used: ' +
        'it is a symbolic link that points outside the repository.'
    );
    expect(seen(run)).not.toContain('hostile-e2e-secret');

    const cli = await runCli(['check', '--policy', '.github/lineage-policy.yml'], dir);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('points outside the repository');
    expect(cli.stdout + cli.stderr).not.toContain('hostile-e2e-secret');
  });

  it('a manifest that cannot even be opened is told how to mend that, not to make it parse', async () => {
    const outside = tempDir('lg-hostile-outside-');
    writeFileSync(join(outside, 'adapter_config.json'), peft('Qwen/Qwen3-4B'));
    const card = (n: number) =>
      `---\nlicense: mit\nbase_model:\n${Array.from({ length: n }, (_, i) => `- org/m${i}\n`).join('')}---\n`;
    const dir = repo({ ...GOOD, 'folder/lineage.yaml/notes.txt': 'x', 'catalogue/README.md': card(1001) });
    mkdirSync(join(dir, 'linked'));
    symlinkSync(join(outside, 'adapter_config.json'), join(dir, 'linked/adapter_config.json'));
    const cli = await runCli(['check', '--offline', '--format', 'json'], dir);
    const findings = (JSON.parse(cli.stdout) as { findings: { ruleId: string; path: string; fix: string }[] }).findings;
    const fixOf = (path: string) => findings.find((f) => f.ruleId === 'unreadable-manifest' && f.path === path)?.fix;
    expect(fixOf('folder/lineage.yaml')).toBe('Rename the directory, or put the manifest there as a file.');
    expect(fixOf('linked/adapter_config.json')).toBe(
      'Commit the manifest as a regular file inside the repository, or remove it.'
    );
    expect(fixOf('catalogue/README.md')).toMatch(/^Name only what the artifact was made from/);
    expect(findings.filter((f) => f.ruleId === 'unreadable-manifest')).toHaveLength(3);
  });

  it('a manifest that does not parse is told where, with a parser for its own syntax', async () => {
    // Real (wauwau0977/FineTuningTrial, axolotl): `num_epochs` written on lines 2 and 5.
    const dir = repo({
      'dup/config.yml': 'base_model: Qwen/Qwen3-4B\nnum_epochs: 30\nadapter: lora\nlora_r: 8\nnum_epochs: 4\n',
      'broken/lineage.yaml': 'schema: 1\nupstreams: [\n',
      'broken/adapter_config.json': '{"peft_type": "LORA",}',
      // A string the JSON parser ends at the line break, then 50,000 levels: before the pre-count
      // ended strings there too, this stopped the whole run with a stack overflow.
      'deep/adapter_config.json': `["\n${'[{"k":'.repeat(50_000)}1`,
      // The same behind a comment holding a quote (JSON has no comments; the parser reads past them).
      'commented/adapter_config.json': `/*"*/${'['.repeat(50_000)}`,
      // And behind stray closing brackets, which the parser skips while it recovers.
      'stray/adapter_config.json': '[},'.repeat(50_000)
    });
    const cli = await runCli(['check', '--offline', '--format', 'json'], dir);
    const findings = (JSON.parse(cli.stdout) as { findings: { ruleId: string; path: string; fix: string }[] }).findings;
    const fixOf = (path: string) => findings.find((f) => f.ruleId === 'unreadable-manifest' && f.path === path)?.fix;
    expect(cli.stderr).toBe('');
    for (const dir of ['deep', 'commented', 'stray']) {
      const found = findings.find((f) => f.path === `${dir}/adapter_config.json`) as { message: string } | undefined;
      expect(found?.message).toMatch(/could not be read as a manifest: nested \d+ levels deep; the limit is 64\.$/);
    }
    expect(fixOf('dup/config.yml')).toBe(
      'Delete one of the two `num_epochs` keys (line 2 or 5), keeping the value used.'
    );
    expect(fixOf('broken/lineage.yaml')).toMatch(/^Commit the manifest as UTF-8 YAML that parses \(a YAML linter/);
    expect(fixOf('broken/adapter_config.json')).toBe(
      'Commit the manifest as UTF-8 JSON that parses (`python -m json.tool` shows where), or remove it.'
    );
  });

  it('a policy that is a FIFO fails the step at once instead of hanging', async () => {
    const dir = repo(GOOD);
    mkdirSync(join(dir, '.github'));
    execFileSync('mkfifo', [join(dir, '.github/lineage-policy.yml')]);
    const run = await runAction({ workspace: dir, eventName: 'schedule', payload: {}, inputs: { scope: 'all' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('The policy file .github/lineage-policy.yml cannot be used: it is not a regular file');
  }, 20_000);

  it('a report-file under a directory the PR links out of the workspace is refused; nothing is written', async () => {
    const outside = tempDir('lg-hostile-target-');
    const dir = repo(GOOD);
    symlinkSync(outside, join(dir, 'reports'));
    const run = await runAction({
      workspace: dir,
      eventName: 'schedule',
      payload: {},
      inputs: { scope: 'all', 'report-file': 'reports/lineage.json' }
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '::error::Configuration error: Input `report-file` cannot be written safely (nothing was written): ' +
        'reports is a symbolic link in the repository.'
    );
    expect(readdirSync(outside)).toEqual([]);

    const cli = await runCli(['check', '--format', 'json', '--output', 'reports/lineage.json'], dir);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('--output cannot be written safely');
    expect(readdirSync(outside)).toEqual([]);
  });

  it('a report-file at an absolute path outside the workspace (RUNNER_TEMP) is written', async () => {
    const temp = tempDir('lg-hostile-runner-temp-');
    const dir = repo(GOOD);
    const report = join(temp, 'lineage', 'report.json');
    const run = await runAction({
      workspace: dir,
      eventName: 'schedule',
      payload: {},
      inputs: { scope: 'all', 'report-file': report },
      env: { RUNNER_TEMP: temp }
    });
    expect(run.code).toBe(0);
    expect(run.outputs['report-file']).toBe(report);
    expect(JSON.parse(readFileSync(report, 'utf8'))).toMatchObject({ schemaVersion: 1, result: 'pass' });
    // With no hub-cache input the cache would live under RUNNER_TEMP too (the Hub is off here).
    expect(existsSync(join(dir, 'lineage'))).toBe(false);
  });

  describe('Hub cache', () => {
    let hub: LoopbackHub;
    beforeEach(async () => {
      hub = await startHubServer();
    });
    afterEach(async () => hub.close());

    it('a cache file forged inside the checkout of a pull request is ignored', async () => {
      const dir = repo({
        ...GOOD,
        'missing/adapter_config.json': peft('acme-corp/no-such-model'),
        'missing/README.md': '---\nlicense: apache-2.0\n---\n'
      });
      const inputs = { scope: 'all', 'hub-endpoint': hub.url, 'hub-cache': '.cache/hub.json', comment: 'never' };
      const env = { HF_HUB_OFFLINE: '' };
      const first = await runAction({ workspace: dir, eventName: 'workflow_dispatch', payload: {}, inputs, env });
      expect(first.annotations.some((a) => a.includes('title=hub-repo-not-found,file=missing/'))).toBe(true);

      // The forgery: the missing repo "found", with the answer the Hub gave for a real one.
      const path = join(dir, '.cache/hub.json');
      const cache = JSON.parse(readFileSync(path, 'utf8')) as {
        entries: { key: { id: string }; answer: { kind: string } }[];
      };
      const found = cache.entries.find((e) => e.key.id === 'Qwen/Qwen3-4B' && e.answer.kind === 'found')!;
      for (const e of cache.entries) if (e.key.id === 'acme-corp/no-such-model') e.answer = found.answer;
      writeFileSync(path, JSON.stringify(cache));

      // Believed where the workflow owns the checkout (a schedule on the default branch)…
      const trusted = await runAction({ workspace: dir, eventName: 'workflow_dispatch', payload: {}, inputs, env });
      expect(trusted.annotations.some((a) => a.includes('title=hub-repo-not-found,file=missing/'))).toBe(false);

      // …ignored in a pull request, which could have written it.
      writeFileSync(path, JSON.stringify(cache));
      const pr = await runAction({
        workspace: dir,
        eventName: 'pull_request',
        payload: { pull_request: { number: 5, head: { sha: 'f'.repeat(40) }, base: { sha: 'e'.repeat(40) } } },
        inputs,
        env
      });
      expect(pr.stdout).toMatch(/Hub cache: ignoring .*hub\.json: it is inside the checkout of a pull request/);
      expect(pr.annotations.some((a) => a.includes('title=hub-repo-not-found,file=missing/'))).toBe(true);
    });
  });
});
