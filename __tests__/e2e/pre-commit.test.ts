/**
 * End-to-end: the pre-commit hook of .pre-commit-hooks.yaml, run as pre-commit runs it — its
 * `entry` with the staged files that match `files:` appended — against the bundled CLI.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { initRepo, type TempRepo } from '../helpers/git-repo.js';
import { CLI_ENTRY, NODE, PROJECT_ROOT } from '../helpers/run-action.js';
import { spawnSync } from 'node:child_process';

interface HookDefinition {
  id: string;
  language: string;
  entry: string;
  files: string;
  pass_filenames: boolean;
}

const hooks = load(readFileSync(join(PROJECT_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as HookDefinition[];
const hook = hooks.find((h) => h.id === 'lineage-gate')!;

/** pre-commit's `files:` is a Python regex searched in each path; `(?ix)` flags become JS's `i`, spaces go. */
function filesPattern(python: string): RegExp {
  const flags = /^\(\?([a-z]+)\)/.exec(python)?.[1] ?? '';
  let body = python.replace(/^\(\?[a-z]+\)/, '');
  if (flags.includes('x')) body = body.replace(/\s+/g, '');
  return new RegExp(body, flags.includes('i') ? 'i' : '');
}

/** Runs the hook on the staged files, the bundled CLI standing in for the installed `lineage-gate`. */
function runHook(repo: TempRepo): { code: number | null; stdout: string; stderr: string; files: string[] } {
  const staged = repo.git('diff', '--staged', '--name-only', '--diff-filter=ACMRTUXB').split('\n').filter(Boolean);
  const files = staged.filter((f) => filesPattern(hook.files).test(f));
  const [program, ...args] = hook.entry.split(/\s+/);
  expect(program).toBe('lineage-gate');
  const run = spawnSync(NODE, [CLI_ENTRY, ...args, ...files], {
    cwd: repo.dir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', HF_HUB_OFFLINE: '1' }
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, files };
}

describe('.pre-commit-hooks.yaml', () => {
  it('defines the lineage-gate hook: node, the CLI’s check, the staged file names passed', () => {
    expect(hook).toMatchObject({ id: 'lineage-gate', language: 'node', pass_filenames: true });
    expect(hook.entry).toMatch(/^lineage-gate check\b/);
    const files = filesPattern(hook.files);
    for (const path of [
      'adapters/bot/adapter_config.json',
      'runs/x/training_manifest.json',
      'runs/x/lineage.yaml',
      'README.md',
      'models/m/model.safetensors',
      'models/m/model-q4.gguf',
      'models/m/pytorch_model-00001-of-00002.bin',
      'ollama/Modelfile',
      'configs/sft.yaml',
      'models/m/NOTICE'
    ])
      expect({ path, matches: files.test(path) }).toEqual({ path, matches: true });
    for (const path of ['src/train.py', 'data/corpus.txt', 'image.png'])
      expect({ path, matches: files.test(path) }).toEqual({ path, matches: false });
  });

  it('fails a commit staging an adapter with no upstream, and passes a good one with its card', () => {
    const repo = initRepo();
    repo.write('src/train.py', 'print("train")\n');
    repo.write('package.json', '{ "name": "x" }\n');
    repo.commit('code');

    repo.write('adapters/bad/adapter_config.json', JSON.stringify({ peft_type: 'LORA', base_model_name_or_path: '' }));
    repo.git('add', 'adapters/bad/adapter_config.json');
    const bad = runHook(repo);
    expect(bad.files).toEqual(['adapters/bad/adapter_config.json']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('adapters/bad/adapter_config.json');
    repo.git('rm', '-q', '--cached', 'adapters/bad/adapter_config.json');

    repo.write(
      'adapters/good/adapter_config.json',
      JSON.stringify({ peft_type: 'LORA', base_model_name_or_path: 'Qwen/Qwen3-4B', revision: 'a'.repeat(40) })
    );
    // Not staged, yet read: the card beside the staged file is part of its artifact.
    repo.write('adapters/good/README.md', '---\nlicense: apache-2.0\nbase_model: Qwen/Qwen3-4B\n---\n# Bot\n');
    repo.write('src/train.py', 'print("train v2")\n');
    repo.git('add', 'adapters/good/adapter_config.json', 'src/train.py', 'package.json');
    const good = runHook(repo);
    expect(good.files).toEqual(['adapters/good/adapter_config.json']);
    expect({ code: good.code, stderr: good.stderr }).toEqual({ code: 0, stderr: '' });
    expect(good.stdout).toContain('in 1 artifact');
  });

  it('passes a commit whose matching files hold nothing to check (a package.json, a docs page)', () => {
    const repo = initRepo();
    repo.write('package.json', '{ "name": "x" }\n');
    repo.write('docs/guide.md', '# Guide\n');
    repo.git('add', '--all');
    const run = runHook(repo);
    expect(run.files).toEqual(['docs/guide.md', 'package.json']);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
  });
});
