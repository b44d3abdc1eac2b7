/** End-to-end: which PATHs `check` accepts and how it judges them (issue #12, "The CLI judges like the Action"). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { initRepo, tempDir } from '../helpers/git-repo.js';
import { PROJECT_ROOT, runCli } from '../helpers/run-action.js';

interface JsonReport {
  result: string;
  artifacts: { dir: string; manifests: { path: string }[]; license: { id: string | null } | null }[];
  findings: { ruleId: string; path: string }[];
}

const ADAPTER = JSON.stringify({ peft_type: 'LORA', base_model_name_or_path: 'Qwen/Qwen3-4B' });
const CARD = '---\nlicense: apache-2.0\nbase_model: Qwen/Qwen3-4B\n---\n# An adapter\n';

function write(dir: string, path: string, content: string): void {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), content);
}

function rulesAt(report: JsonReport): string[] {
  return report.findings.map((f) => `${f.ruleId} ${f.path}`).sort();
}

describe('check PATH outside the current repository', () => {
  it('judges a directory of another git repository, with paths relative to that repository', async () => {
    const other = initRepo();
    other.write('models/bot/adapter_config.json', ADAPTER);
    other.write('models/bot/README.md', CARD);
    other.write('models/bare/adapter_config.json', JSON.stringify({ peft_type: 'LORA' }));
    other.commit('models');
    // Run from this project's checkout: the PATH's own repository decides.
    const run = await runCli(['check', join(other.dir, 'models'), '--format', 'json'], PROJECT_ROOT);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.artifacts.map((a) => a.dir)).toEqual(['models/bare', 'models/bot']);
    expect(rulesAt(report)).toContain('missing-upstream models/bare/adapter_config.json');
    expect(run.code).toBe(1);
  });

  it('judges a directory in no repository, with paths relative to that directory', async () => {
    const dir = tempDir('lg-cli-plain-');
    write(dir, 'bot/adapter_config.json', ADAPTER);
    write(dir, 'bot/README.md', CARD);
    const run = await runCli(['check', dir, '--format', 'json'], PROJECT_ROOT);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.artifacts.map((a) => a.dir)).toEqual(['bot']);
    expect(report.artifacts[0].manifests.map((m) => m.path).sort()).toEqual([
      'bot/README.md',
      'bot/adapter_config.json'
    ]);
  });

  it('keeps paths relative to the current directory for a PATH under it, outside git', async () => {
    const dir = tempDir('lg-cli-plain-cwd-');
    write(dir, 'models/bot/adapter_config.json', ADAPTER);
    const run = await runCli(['check', 'models/bot/adapter_config.json', '--format', 'json'], dir);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.artifacts.map((a) => a.dir)).toEqual(['models/bot']);
  });

  it('refuses PATHs from two different repositories in one line', async () => {
    const a = tempDir('lg-cli-a-');
    const b = tempDir('lg-cli-b-');
    write(a, 'x/lineage.yaml', 'schema: 1\n');
    write(b, 'y/lineage.yaml', 'schema: 1\n');
    const run = await runCli(['check', a, b], PROJECT_ROOT);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^lineage-gate: .*different repositories.*\n$/);
  });
});

describe('check FILE', () => {
  it('judges the file with the rest of its artifact directory: the README beside it gives the license', async () => {
    const repo = initRepo();
    repo.write('adapters/bot/adapter_config.json', ADAPTER);
    repo.write('adapters/bot/README.md', CARD);
    repo.write('adapters/other/adapter_config.json', JSON.stringify({ peft_type: 'LORA' }));
    repo.commit('adapters');
    const run = await runCli(['check', 'adapters/bot/adapter_config.json', '--format', 'json'], repo.dir);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as JsonReport;
    // Only its own directory: adapters/other is not judged.
    expect(report.artifacts.map((a) => a.dir)).toEqual(['adapters/bot']);
    expect(report.artifacts[0].license?.id).toBe('apache-2.0');
    expect(rulesAt(report)).not.toContain('missing-license adapters/bot/adapter_config.json');

    // The same file in a pull request is judged the same way.
    const alone = await runCli(['check', 'adapters/bot', '--format', 'json'], repo.dir);
    expect(JSON.parse(alone.stdout)).toEqual(report);
  });

  it('judges a file given from another directory, relative to its repository root', async () => {
    const repo = initRepo();
    repo.write('a/b/adapter_config.json', JSON.stringify({ peft_type: 'LORA' }));
    repo.commit('a');
    const run = await runCli(['check', join(repo.dir, 'a/b/adapter_config.json'), '--format', 'json'], PROJECT_ROOT);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.artifacts.map((a) => a.dir)).toEqual(['a/b']);
    expect(rulesAt(report)).toContain('missing-upstream a/b/adapter_config.json');
    expect(run.code).toBe(1);
  });
});

describe('check PATH with nothing to check', () => {
  it('exits 2 with one line for a directory or a file with no manifest, model card or weights', async () => {
    const repo = initRepo();
    repo.write('docs/guide.md', '# How to train\n');
    repo.write('models/bot/adapter_config.json', ADAPTER);
    repo.commit('docs');
    const dir = await runCli(['check', 'docs/'], repo.dir);
    expect(dir.code).toBe(2);
    expect(dir.stdout).toBe('');
    expect(dir.stderr).toBe('lineage-gate: nothing to check in docs/ (no manifest, model card or weights)\n');

    const file = await runCli(['check', 'docs/guide.md', 'models/bot'], repo.dir);
    expect(file.code).toBe(2);
    expect(file.stderr).toBe('lineage-gate: nothing to check in docs/guide.md (no manifest, model card or weights)\n');
  });

  it('passes with --allow-empty, and with --changed-since when nothing changed there', async () => {
    const repo = initRepo();
    repo.write('docs/guide.md', '# How to train\n');
    const base = repo.commit('docs');
    const allowed = await runCli(['check', 'docs', '--allow-empty'], repo.dir);
    expect(allowed.code).toBe(0);
    const since = await runCli(['check', 'docs', '--changed-since', base], repo.dir);
    expect(since.code).toBe(0);
    expect(since.stderr).toBe('');
  });
});
