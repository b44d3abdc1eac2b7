/** End-to-end: the bundled CLI's help, usage errors, --quiet and progress line (issue #12). */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { initRepo, tempDir } from '../helpers/git-repo.js';
import { PROJECT_ROOT, runCli } from '../helpers/run-action.js';

/** Exactly one line, `lineage-gate: …`, and nothing that looks like a stack trace. */
function expectOneLineError(stderr: string): void {
  expect(stderr).toMatch(/^lineage-gate: [^\n]+\n$/);
  expect(stderr).not.toMatch(/\n\s+at /);
  expect(stderr).not.toContain('internal error');
}

describe('lineage-gate <command> --help', () => {
  it.each([
    ['check', 'Usage: lineage-gate check [PATH…]'],
    ['init', 'Usage: lineage-gate init [DIR…]'],
    ['explain', 'Usage: lineage-gate explain RULE-ID']
  ])('%s --help and -h print that command’s usage and exit 0', async (command, usage) => {
    for (const flag of ['--help', '-h']) {
      const run = await runCli([command, flag], PROJECT_ROOT);
      expect({ flag, code: run.code, stderr: run.stderr }).toEqual({ flag, code: 0, stderr: '' });
      expect(run.stdout.startsWith(usage)).toBe(true);
    }
  });

  it('check --help names every option check accepts', async () => {
    const run = await runCli(['check', '--help'], PROJECT_ROOT);
    for (const option of [
      '--policy',
      '--changed-since',
      '--format',
      '--output',
      '--fail-on',
      '--quiet',
      '--allow-empty',
      '--offline',
      '--hub-endpoint',
      '--cache',
      '--hub-max-depth'
    ])
      expect(run.stdout).toContain(option);
  });

  it('keeps the top-level usage for --help', async () => {
    const run = await runCli(['--help'], PROJECT_ROOT);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage:\n {2}lineage-gate check /);
    expect(run.stdout).toContain('lineage-gate <command> --help');
  });
});

describe('usage errors: exit 2, one line on stderr, no stack trace', () => {
  it('refuses an unknown option, pointing at the command’s help', async () => {
    const run = await runCli(['check', '--bogus'], PROJECT_ROOT);
    expect(run.code).toBe(2);
    expectOneLineError(run.stderr);
    expect(run.stderr).toContain("'--bogus'");
    expect(run.stderr).toContain('lineage-gate check --help');
  });

  it('refuses a --changed-since ref that does not exist, or is not a plain revision', async () => {
    const repo = initRepo();
    repo.write('a/lineage.yaml', 'schema: 1\n');
    repo.commit('one');
    for (const ref of ['no-such-branch', 'a..b', '--upload-pack=x']) {
      const run = await runCli(['check', `--changed-since=${ref}`], repo.dir);
      expect({ ref, code: run.code }).toEqual({ ref, code: 2 });
      expectOneLineError(run.stderr);
    }
    const missing = await runCli(['check', '--changed-since', 'no-such-branch'], repo.dir);
    expect(missing.stderr).toContain('--changed-since no-such-branch: no such revision');
  });

  it('refuses --changed-since outside a git repository, and without git', async () => {
    const dir = tempDir('lg-cli-nogit-');
    const outside = await runCli(['check', '--changed-since', 'main'], dir);
    expect(outside.code).toBe(2);
    expectOneLineError(outside.stderr);
    expect(outside.stderr).toContain('not in a git repository');

    const noGit = await runCli(['check', '--changed-since', 'main'], PROJECT_ROOT, { PATH: '' });
    expect(noGit.code).toBe(2);
    expectOneLineError(noGit.stderr);
    expect(noGit.stderr).toContain('git is not installed');
  });

  it('refuses a missing or an invalid --policy file in one line', async () => {
    const missing = await runCli(['check', 'examples', '--policy', 'no-such-policy.yml'], PROJECT_ROOT);
    expect(missing.code).toBe(2);
    expectOneLineError(missing.stderr);

    const dir = tempDir('lg-cli-badpolicy-');
    writeFileSync(join(dir, 'policy.yml'), 'version: 1\nrules:\n  missing-licence: error\n  nope: loud\n');
    mkdirSync(join(dir, 'a'));
    writeFileSync(join(dir, 'a', 'lineage.yaml'), 'schema: 1\n');
    const invalid = await runCli(['check', '--policy', 'policy.yml'], dir);
    expect(invalid.code).toBe(2);
    expectOneLineError(invalid.stderr);
    expect(invalid.stderr).toMatch(/^lineage-gate: policy\.yml:3:3: .*missing-licence.* \(and 4:3\)/);
  });
});

describe('lineage-gate check --quiet', () => {
  it('prints errors only, with the same exit status, and leaves JSON whole', async () => {
    const loud = await runCli(['check', 'examples'], PROJECT_ROOT);
    const quiet = await runCli(['check', 'examples', '--quiet'], PROJECT_ROOT);
    expect(quiet.code).toBe(loud.code);
    expect(quiet.code).toBe(1);
    expect(loud.stdout).toMatch(/^ +\d+:\d+ +warning /m);
    expect(quiet.stdout).not.toMatch(/^ +\d+:\d+ +(warning|notice) /m);
    expect(quiet.stdout).not.toMatch(/^note: /m);
    expect(quiet.stdout).toMatch(/^ +\d+:\d+ +error /m);
    // The tally still tells the whole truth.
    expect(quiet.stdout.trim().split('\n').pop()).toBe(loud.stdout.trim().split('\n').pop());

    const json = await runCli(['check', 'examples', '--format', 'json'], PROJECT_ROOT);
    const quietJson = await runCli(['check', 'examples', '--format', 'json', '-q'], PROJECT_ROOT);
    expect(quietJson.stdout).toBe(json.stdout);
  });
});

describe('progress line', () => {
  it('prints nothing on stderr when piped (a scan of 400 artifacts)', async () => {
    const dir = tempDir('lg-cli-many-');
    for (let i = 0; i < 400; i++) {
      mkdirSync(join(dir, `run-${i}`));
      writeFileSync(join(dir, `run-${i}`, 'lineage.yaml'), 'schema: 1\nupstreams: [{ id: Qwen/Qwen3-4B }]\n');
    }
    const run = await runCli(['check', '--fail-on', 'never', '--quiet'], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toContain('\r');
  });
});

describe('a reader that stops early', () => {
  it('closes the pipe without a crash: the verdict still decides the exit status', () => {
    const repo = initRepo().dir;
    mkdirSync(join(repo, 'm'));
    writeFileSync(join(repo, 'm', 'adapter_config.json'), '{"peft_type":"LORA","base_model_name_or_path":"a/b"}');
    const cli = join(PROJECT_ROOT, 'dist', 'cli', 'index.js');
    const run = spawnSync('sh', ['-c', `"${process.execPath}" "${cli}" check --offline --format json . | head -c 10`], {
      cwd: repo,
      encoding: 'utf8'
    });
    expect(run.stdout).toBe('{\n  "schem');
    expect(run.stderr).not.toContain('EPIPE');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
