/** End-to-end: the bundled CLI (dist/cli/index.js) run as a process with plain `node`. */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readManifest } from '../../src/formats/read-manifest.js';
import { RULES } from '../../src/rules/index.js';
import { initRepo, tempDir } from '../helpers/git-repo.js';
import { reportValidator } from '../helpers/report-schema.js';
import { NODE, PROJECT_ROOT, runCli } from '../helpers/run-action.js';
import { realWorldFixtures } from '../unit/formats/real-world.js';
import { safetensorsBytes } from '../helpers/weights.js';

const validateReport = reportValidator();
/** The start of an ANSI colour sequence. */
const ESC = '\u001b[';
const SHARED_CORPUS = join(PROJECT_ROOT, '..', 'shared', 'corpus');

interface JsonReport {
  result: string;
  counts: Record<string, number>;
  artifacts: { dir: string; manifests: { path: string; format: string }[]; status: string }[];
  findings: { ruleId: string; path: string; line: number; fix: string; message: string }[];
}

/** Writes files into a fresh directory (each under its repository's name, so paths stay as they were). */
function layOut(files: { path: string; bytes: Buffer }[]): string {
  const root = tempDir('lg-cli-');
  for (const f of files) {
    mkdirSync(dirname(join(root, f.path)), { recursive: true });
    writeFileSync(join(root, f.path), f.bytes);
  }
  return root;
}

/** How many of these files the gate must account for (read into a record, or reported unreadable). */
function expectedManifests(files: { path: string; bytes: Buffer }[]): number {
  return files.filter((f) => readManifest(f.path, f.bytes, f.bytes.length).kind !== 'not-a-manifest').length;
}

describe('lineage-gate check on examples/', () => {
  it('prints findings grouped by file, without colour when not on a terminal, and exits 1', async () => {
    const run = await runCli(['check', 'examples'], PROJECT_ROOT);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toContain(ESC);
    expect(run.stdout).toContain(
      'examples/peft/llama31-support-bot/adapter_config.json\n  4:30  error    Attribution is owed'
    );
    expect(run.stdout).toContain('missing-attribution');
    expect(run.stdout.trim().split('\n').pop()).toBe(
      '✖ 10 errors, 7 warnings, 0 notices in 10 artifacts — gate fails (fail-on: error)'
    );
  });

  it('colours on request (FORCE_COLOR) and writes JSON and Markdown reports with --output', async () => {
    const coloured = await runCli(['check', 'examples'], PROJECT_ROOT, { FORCE_COLOR: '1' });
    expect(coloured.stdout).toContain(ESC);

    const out = tempDir('lg-cli-out-');
    const json = await runCli(
      ['check', 'examples/mens', '--format', 'json', '--output', join(out, 'r.json')],
      PROJECT_ROOT
    );
    expect(json.code).toBe(1);
    expect(json.stdout).toBe('');
    expect(json.stderr).toContain('report written to');
    const report = JSON.parse(readFileSync(join(out, 'r.json'), 'utf8')) as JsonReport;
    expect(validateReport(report)).toBe(true);
    expect(report.artifacts.map((a) => [a.dir, a.status])).toEqual([
      ['examples/mens/runs/hero-drop', 'fail'],
      ['examples/mens/runs/qwen3-4b-nightly-promoted', 'fail'],
      ['examples/mens/runs/qwen3-4b-support-promoted', 'pass']
    ]);

    const md = await runCli(
      ['check', 'examples/mens/runs/qwen3-4b-support-promoted', '--format', 'markdown'],
      PROJECT_ROOT
    );
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('## ✅ Lineage gate: pass');
  });

  it('reports paths relative to the repository root from any subdirectory, and honours --fail-on', async () => {
    const run = await runCli(
      ['check', '.', '--format', 'json', '--fail-on', 'never'],
      join(PROJECT_ROOT, 'examples', 'peft')
    );
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.artifacts.map((a) => a.dir)).toEqual([
      'examples/peft/community-base',
      'examples/peft/llama31-support-bot'
    ]);
    expect(report.result).toBe('pass');
  });

  it('applies a policy given with --policy, and reports an invalid one at its lines with exit 2', async () => {
    const run = await runCli(
      ['check', 'examples', '--policy', 'examples/lineage-policy.yml', '--format', 'json'],
      PROJECT_ROOT,
      { LINEAGE_GATE_NOW: '2026-11-23' }
    );
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport & { findings: { waived: boolean }[] };
    expect(report.counts).toMatchObject({ artifacts: 10, errors: 12, warnings: 8, waived: 1 });
    const rules = new Set(report.findings.map((f) => f.ruleId));
    for (const id of [
      'license-not-allowed',
      'upstream-not-allowed',
      'insufficient-evidence',
      'license-conflict',
      'naming-requirement',
      'non-commercial-upstream',
      'waiver-expired'
    ])
      expect(rules).toContain(id);

    const dir = tempDir('lg-cli-policy-');
    mkdirSync(join(dir, '.github'));
    writeFileSync(join(dir, '.github', 'lineage-policy.yml'), 'version: 1\nrules:\n  missing-licence: error\n');
    const bad = await runCli(['check'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /^lineage-gate: \.github\/lineage-policy\.yml:3:3: .*missing-licence.*missing-license.*\n$/
    );
    expect(bad.stderr.split('\n')).toHaveLength(2);
  });

  it('checks only what changed since a ref with --changed-since, including deleted manifests', async () => {
    const repo = initRepo();
    repo.write(
      'old/adapter_config.json',
      JSON.stringify({ peft_type: 'LORA', base_model_name_or_path: '/content/base' })
    );
    repo.write('kept/lineage.yaml', 'schema: 1\nupstreams: [{ id: Qwen/Qwen3-4B }]\nlicense: { id: apache-2.0 }\n');
    writeFileSync(
      join(repo.dir, 'kept/adapter_model.safetensors'),
      safetensorsBytes([{ name: 'w', dtype: 'F32', shape: [1] }])
    );
    const base = repo.commit('base');
    repo.write('new/adapter_config.json', JSON.stringify({ peft_type: 'LORA', base_model_name_or_path: 'gpt2' }));
    repo.git('rm', '-q', 'kept/lineage.yaml');
    repo.commit('change');
    const run = await runCli(['check', '--changed-since', base, '--format', 'json'], repo.dir);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.artifacts.map((a) => a.dir)).toEqual(['kept', 'new']);
    expect(report.findings.map((f) => `${f.ruleId} ${f.path}`).sort()).toEqual([
      'missing-license new/adapter_config.json',
      'orphaned-by-deletion kept/adapter_model.safetensors',
      'unpinned-revision new/adapter_config.json',
      'unqualified-hub-id new/adapter_config.json'
    ]);
    expect(run.code).toBe(1);
  });

  it('exits 2 on usage and configuration errors', async () => {
    for (const args of [
      ['check', '--format', 'xml'],
      ['check', '--policy', 'no-such-policy.yml'],
      ['check', 'no/such/dir'],
      ['frobnicate'],
      ['check', '--bogus']
    ]) {
      const run = await runCli(args, PROJECT_ROOT);
      expect({ args, code: run.code }).toEqual({ args, code: 2 });
      expect(run.stderr).not.toContain('internal error');
    }
  });

  it('explains every rule from its documentation page', async () => {
    for (const rule of RULES) {
      const run = await runCli(['explain', rule.id], PROJECT_ROOT);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(readFileSync(join(PROJECT_ROOT, 'docs', 'rules', `${rule.id}.md`), 'utf8'));
    }
    const unknown = await runCli(['explain', 'no-such-rule'], PROJECT_ROOT);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('missing-upstream');
    // One process per rule (38): under a loaded CI machine 30 s was not enough.
  }, 120_000);

  it('runs from a copy of the bundle with no node_modules anywhere near it', async () => {
    const dir = tempDir('lg-cli-copy-');
    mkdirSync(join(dir, 'dist', 'cli'), { recursive: true });
    for (const name of readdirSync(join(PROJECT_ROOT, 'dist', 'cli')))
      writeFileSync(join(dir, 'dist', 'cli', name), readFileSync(join(PROJECT_ROOT, 'dist', 'cli', name)));
    const { spawnSync } = await import('node:child_process');
    const run = spawnSync(
      NODE,
      [join(dir, 'dist', 'cli', 'index.js'), 'check', join(PROJECT_ROOT, 'examples', 'drops')],
      { cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, HF_HUB_OFFLINE: '1' } }
    );
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('unmanifested-weights');
  });
});

describe('lineage-gate check on real-world files', () => {
  it('accounts for every real corpus fixture laid out at its original repository path', async () => {
    const files = realWorldFixtures().map((f) => ({
      path: `${f.file.split('/')[0]}/${f.file.split('/')[1].split('__')[0]}/${f.repoPath}`,
      bytes: f.bytes
    }));
    const root = layOut(files);
    const run = await runCli(['check', '--format', 'json', '--fail-on', 'never'], root);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(validateReport(report)).toBe(true);
    expect(report.counts.manifests).toBe(expectedManifests(files));
    expect(report.counts.manifests).toBeGreaterThan(60);
    // Every manifest of every artifact is listed, and every finding points at a real line of a listed file.
    const listed = new Set(report.artifacts.flatMap((a) => a.manifests.map((m) => m.path)));
    for (const f of report.findings) {
      expect(f.line).toBeGreaterThanOrEqual(1);
      if (!f.path.endsWith('.safetensors')) expect(listed.has(f.path)).toBe(true);
    }
    const rules = new Set(report.findings.map((f) => f.ruleId));
    for (const id of [
      'missing-upstream',
      'unresolvable-upstream',
      'unqualified-hub-id',
      'unpinned-revision',
      'missing-license',
      // No `unknown-license`: the corpus's only unrecognised license was TRL's `licence: license`, a
      // placeholder, which missing-license reports (issue #11).
      'missing-attribution',
      'schema-violation'
    ]) {
      expect(rules).toContain(id);
    }
  });

  it("reads a README without model-card metadata as the card's prose, and names it in the license fix", async () => {
    // A PEFT adapter whose README (as PEFT users often write it) has no front matter, and one whose
    // front matter has no card key: the notice in the prose meets Llama's attribution duty, and
    // the fix says where `license:` goes instead of asking for a model card that is already there.
    const peft = JSON.stringify({
      base_model_name_or_path: 'meta-llama/Llama-3.1-8B-Instruct',
      revision: '0e9e39f249a16976918f6564b8830bc894c89659',
      peft_type: 'LORA',
      task_type: 'CAUSAL_LM',
      r: 8,
      lora_alpha: 16,
      target_modules: ['q_proj', 'v_proj']
    });
    const root = layOut([
      { path: 'bare/adapter_config.json', bytes: Buffer.from(peft) },
      { path: 'bare/README.md', bytes: Buffer.from('# Llama-bare\n\n**Built with Llama**\n\nA LoRA adapter.\n') },
      { path: 'titled/adapter_config.json', bytes: Buffer.from(peft) },
      { path: 'titled/README.md', bytes: Buffer.from('---\ntitle: Llama titled\n---\n# An adapter\n') }
    ]);
    const run = await runCli(['check', '--format', 'json', '--fail-on', 'never'], root);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as JsonReport;
    const of = (dir: string, rule: string) =>
      report.findings.filter((f) => f.ruleId === rule && f.path.startsWith(`${dir}/`));
    expect(of('bare', 'missing-attribution')).toEqual([]);
    expect(of('titled', 'missing-attribution')).toHaveLength(1);
    expect(of('bare', 'missing-license')[0].fix).toMatch(
      /^Start bare\/README\.md with YAML front matter that declares the license \(a `---` line, `license: …`/
    );
    expect(of('titled', 'missing-license')[0].fix).toMatch(/^Add `license:` to the front matter of titled\/README\.md/);
    // Neither README is a manifest: the adapter configs are the only ones counted.
    expect(report.counts.manifests).toBe(2);
  });

  it("offers an id read from a path as one to check, and leaves LLaMA-Factory's dataset names alone", async () => {
    // Real (xueyufeizhang/DNLP-TemporalReasoning): a Windows path whose `Mistral` folder is the user's own.
    const peft = JSON.stringify({
      peft_type: 'LORA',
      base_model_name_or_path: 'D:\\projects\\nlp\\Mistral\\Mistral-7B-v0.3',
      r: 8,
      lora_alpha: 16
    });
    const root = layOut([
      { path: 'lora/adapter_config.json', bytes: Buffer.from(peft) },
      {
        path: 'train/sft.yaml',
        bytes: Buffer.from('model_name_or_path: Qwen/Qwen3-8B\nstage: sft\nfinetuning_type: lora\ndataset: my_sft\n')
      },
      {
        path: 'card/README.md',
        bytes: Buffer.from('---\nbase_model: Qwen/Qwen3-8B\nlicense: apache-2.0\ndatasets: [gsm8k]\n---\n')
      }
    ]);
    const run = await runCli(['check', '--offline', '--format', 'json', '--fail-on', 'never'], root);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as JsonReport;
    const [path] = report.findings.filter((f) => f.ruleId === 'unresolvable-upstream');
    expect(path.message).toContain(
      'The gate read Mistral/Mistral-7B-v0.3 from the last two segments of the local path; Mistral is no org the ' +
        "gate knows, and the name is Mistral (Apache)'s, published as mistralai/Mistral-7B-v0.3"
    );
    expect(path.fix).toBe(
      'Replace it with the Hub id the weights were loaded from (the path suggests `mistralai/Mistral-7B-v0.3`: ' +
        'check it on the Hub) and pin the revision, or add a lineage.yaml that declares it.'
    );
    const notices = report.findings.filter((f) => f.ruleId === 'unqualified-hub-id');
    expect(notices.map((f) => f.path)).toEqual(['card/README.md']);
    expect(notices[0].message).toContain('the name alone does not say which repository or revision');
  });

  it('reads a Llama 3 fine-tune named without the hyphen (Llama3-…) as Llama 3, with its duties', async () => {
    // Real upstream (alphrc/lilm's MLX adapter): shenzhi-wang/Llama3-70B-Chinese-Chat, a Llama 3 fine-tune.
    const mlx = JSON.stringify({
      model: 'shenzhi-wang/Llama3-70B-Chinese-Chat',
      fine_tune_type: 'lora',
      num_layers: 16
    });
    const root = layOut([{ path: 'zh-chat/adapter_config.json', bytes: Buffer.from(mlx) }]);
    const run = await runCli(['check', '--offline', '--format', 'json', '--fail-on', 'never'], root);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as JsonReport;
    const rules = report.findings.map((f) => f.ruleId).sort();
    expect(rules).toEqual(['missing-attribution', 'missing-license', 'naming-requirement', 'unpinned-revision']);
    expect(report.findings.find((f) => f.ruleId === 'missing-attribution')!.message).toContain(
      'is under the Meta Llama 3 Community License (from an inference from the name'
    );
  });

  (existsSync(SHARED_CORPUS) ? it : it.skip)('runs over ../shared/corpus when it is present', async () => {
    const rows = readFileSync(join(SHARED_CORPUS, 'SOURCES.tsv'), 'utf8')
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((r) => r.split('\t'));
    const files = rows
      .filter(([file]) => existsSync(join(SHARED_CORPUS, file)))
      .map(([file, repo, path]) => ({ path: `${repo}/${path}`, bytes: readFileSync(join(SHARED_CORPUS, file)) }));
    const root = layOut(files);
    const run = await runCli(['check', '--format', 'json'], root);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.counts.manifests).toBe(expectedManifests(files));
  });
});
