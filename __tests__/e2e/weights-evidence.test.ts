/**
 * End-to-end, issue #9: claims checked against the bytes beside them. The bundled Action and CLI
 * run as processes on workspaces whose weight files are written by test helpers (no binary blobs).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createHash } from 'node:crypto';
import type { GitHubApiServer } from '../helpers/github-api-server.js';
import { initRepo, tempDir } from '../helpers/git-repo.js';
import { reportValidator } from '../helpers/report-schema.js';
import { runAction, runCli } from '../helpers/run-action.js';
import { prFilesServer, pullRequestPayload } from '../helpers/pr-files.js';
import { CODER_PRO } from '../helpers/example-weights.js';
import { lfsPointerText, safetensorsBytes, type TensorSpec } from '../helpers/weights.js';

const validateReport = reportValidator();

interface Finding {
  ruleId: string;
  severity: string;
  path: string;
  line: number;
  message: string;
}
interface Report {
  result: string;
  findings: Finding[];
  artifacts: { dir: string; upstreams: { id: string; path: string; evidence: string }[]; weights: unknown[] }[];
}

function write(root: string, files: Record<string, string | Buffer>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

/** PEFT LoRA factors for q_proj and v_proj of `layers` layers, as peft names them. */
function peftLora(hidden: number, qOut: number, kvOut: number, rank: number, layers = 2): TensorSpec[] {
  const out: TensorSpec[] = [];
  for (let i = 0; i < layers; i++) {
    const m = `base_model.model.model.layers.${i}.self_attn`;
    out.push({ name: `${m}.q_proj.lora_A.weight`, dtype: 'F16', shape: [rank, hidden] });
    out.push({ name: `${m}.q_proj.lora_B.weight`, dtype: 'F16', shape: [qOut, rank] });
    out.push({ name: `${m}.v_proj.lora_A.weight`, dtype: 'F16', shape: [rank, hidden] });
    out.push({ name: `${m}.v_proj.lora_B.weight`, dtype: 'F16', shape: [kvOut, rank] });
  }
  return out;
}

const peftConfig = (base: string, r = 16) =>
  JSON.stringify(
    { base_model_name_or_path: base, peft_type: 'LORA', r, lora_alpha: 32, revision: null, task_type: 'CAUSAL_LM' },
    null,
    2
  ) + '\n';
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('pull requests judged against the weights', () => {
  let server: GitHubApiServer | undefined;
  afterEach(async () => server?.close());

  it('the card says in-house, the weights say Kimi: an error naming both files and both values', async () => {
    const workspace = tempDir('lg-bytes-');
    const card =
      '---\nlicense: other\nlicense_name: modified-mit\n' +
      'license_link: LICENSE\n---\n# Coder Pro\n\nOur in-house model.\n';
    write(workspace, { 'models/coder-pro/README.md': card, 'models/coder-pro/coder-pro.gguf': CODER_PRO });
    server = await prFilesServer(21, [
      ['models/coder-pro/README.md', 'added'],
      ['models/coder-pro/coder-pro.gguf', 'added']
    ]);
    const run = await runAction({
      workspace,
      eventName: 'pull_request',
      payload: pullRequestPayload(21),
      apiUrl: server.url,
      inputs: { 'report-file': 'out/r.json' }
    });
    expect(run.code).toBe(1);
    const report = JSON.parse(readFileSync(join(workspace, 'out/r.json'), 'utf8')) as Report;
    expect(validateReport(report)).toBe(true);
    const inconsistent = report.findings.filter((f) => f.ruleId === 'inconsistent-lineage');
    expect(inconsistent).toHaveLength(1);
    expect(inconsistent[0]).toMatchObject({ path: 'models/coder-pro/README.md', line: 2, severity: 'error' });
    expect(inconsistent[0].message).toContain('README.md names no upstream model');
    expect(inconsistent[0].message).toContain('the header of models/coder-pro/coder-pro.gguf');
    expect(inconsistent[0].message).toContain('general.base_model.0.repo_url');
    expect(inconsistent[0].message).toContain('moonshotai/Kimi-K2.5');
    // The upstream read from the bytes is in the report like any other, with its evidence class and file.
    expect(report.artifacts[0].upstreams).toEqual([
      expect.objectContaining({
        id: 'moonshotai/Kimi-K2.5',
        path: 'models/coder-pro/coder-pro.gguf',
        evidence: 'secondary'
      })
    ]);
    // … and in the annotations and the summary.
    expect(run.annotations.join('\n')).toContain('file=models/coder-pro/README.md,line=2');
    expect(run.summary).toContain('moonshotai/Kimi-K2.5');
  });

  it('a PR deleting a parent artifact: the untouched child that derives from it is reported at its line', async () => {
    const workspace = tempDir('lg-bytes-');
    write(workspace, {
      'adapters/child/lineage.yaml':
        'schema: 1\nname: child\nupstreams:\n  - path: ../base\n    relation: base\nlicense: apache-2.0\n'
    });
    server = await prFilesServer(22, [
      ['adapters/base/lineage.yaml', 'removed'],
      ['adapters/base/adapter_model.safetensors', 'removed']
    ]);
    const run = await runAction({
      workspace,
      eventName: 'pull_request',
      payload: pullRequestPayload(22),
      apiUrl: server.url,
      inputs: { 'report-file': 'out/r.json' }
    });
    expect(run.code).toBe(1);
    const report = JSON.parse(readFileSync(join(workspace, 'out/r.json'), 'utf8')) as Report;
    const orphaned = report.findings.filter((f) => f.ruleId === 'orphaned-by-deletion');
    expect(orphaned).toEqual([
      expect.objectContaining({ path: 'adapters/child/lineage.yaml', line: 4, severity: 'error' })
    ]);
    expect(orphaned[0].message).toContain('deletes the artifact in adapters/base');
  });

  it('a PR changing only weights: digests, shapes and rank are checked against the untouched manifests', async () => {
    const workspace = tempDir('lg-bytes-');
    const original = safetensorsBytes(peftLora(4096, 4096, 1024, 16));
    const lineage =
      'schema: 1\nname: support-llama\nupstreams:\n  - id: meta-llama/Llama-3.1-8B\n' +
      '    revision: d04e592bb4f6aa9cfee91e2e20afa771667e1d4b\nlicense: llama3.1\nattribution:\n' +
      '  text: Built with Llama\nweights:\n  - path: adapter_model.safetensors\n' +
      `    sha256: ${sha256(original)}\n`;
    // The PR replaces the weights with an adapter trained on Qwen2.5-1.5B (hidden 1536, k/v 256) at rank 8.
    const replaced = safetensorsBytes(peftLora(1536, 1536, 256, 8));
    write(workspace, {
      'adapters/llama/lineage.yaml': lineage,
      'adapters/llama/adapter_config.json': peftConfig('meta-llama/Llama-3.1-8B'),
      'adapters/llama/adapter_model.safetensors': replaced
    });
    server = await prFilesServer(23, [['adapters/llama/adapter_model.safetensors', 'modified']]);
    const run = await runAction({
      workspace,
      eventName: 'pull_request',
      payload: pullRequestPayload(23),
      apiUrl: server.url,
      inputs: { 'report-file': 'out/r.json' }
    });
    expect(run.code).toBe(1);
    const report = JSON.parse(readFileSync(join(workspace, 'out/r.json'), 'utf8')) as Report;
    expect(validateReport(report)).toBe(true);
    const byRule = (id: string) => report.findings.filter((f) => f.ruleId === id);
    expect(byRule('digest-mismatch')).toEqual([
      expect.objectContaining({ path: 'adapters/llama/lineage.yaml', line: 11, severity: 'error' })
    ]);
    expect(byRule('digest-mismatch')[0].message).toContain(sha256(replaced));
    const [shape] = byRule('shape-mismatch');
    expect(shape.message).toContain('cannot be a LoRA adapter of meta-llama/Llama-3.1-8B');
    expect(shape.message).toMatch(/q_proj\.lora_A\.weight` has 1536 \(shape \[8, 1536\]\), expected 4096/);
    const rank = byRule('inconsistent-lineage').find((f) => f.message.includes('LoRA rank'))!;
    expect(rank).toMatchObject({ path: 'adapters/llama/adapter_config.json' });
    expect(rank.message).toContain('"16"');
    expect(rank.message).toContain('"8"');
    expect(report.artifacts[0].weights).toEqual([
      {
        path: 'adapters/llama/adapter_model.safetensors',
        status: 'modified',
        format: 'safetensors',
        sha256: sha256(replaced),
        digestVia: 'file',
        size: replaced.length
      }
    ]);
  });
});

describe('lineage-gate init, then check', () => {
  it('init writes a lineage.yaml that passes; one changed byte is a digest-mismatch at the declared line', async () => {
    const repo = initRepo();
    const weights = safetensorsBytes(peftLora(2560, 4096, 1024, 16));
    write(repo.dir, {
      'adapters/qwen/adapter_config.json': peftConfig('Qwen/Qwen3-4B'),
      'adapters/qwen/README.md': '---\nbase_model: Qwen/Qwen3-4B\nlicense: apache-2.0\nlibrary_name: peft\n---\n# Q\n',
      'adapters/qwen/adapter_model.safetensors': weights
    });
    const init = await runCli(['init', 'adapters'], repo.dir);
    expect(init.stderr).toBe('');
    expect(init.stdout).toContain('wrote   adapters/qwen/lineage.yaml: 1 upstream, 1 weight digest');
    expect(init.code).toBe(0);
    const written = readFileSync(join(repo.dir, 'adapters/qwen/lineage.yaml'), 'utf8');
    expect(written).toContain(`sha256: "${sha256(weights)}"`);
    expect(written).toContain('source: "README.md:2 base_model"');

    const green = await runCli(['check', '--offline', '--format', 'json', 'adapters'], repo.dir);
    const greenReport = JSON.parse(green.stdout) as Report;
    expect(greenReport.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(green.code).toBe(0);

    // Never overwrites without --force.
    const again = await runCli(['init', 'adapters'], repo.dir);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain(
      'skipped adapters/qwen/lineage.yaml: lineage.yaml exists (use --force to replace it)'
    );

    const tampered = Buffer.from(weights);
    tampered[tampered.length - 1] ^= 1;
    writeFileSync(join(repo.dir, 'adapters/qwen/adapter_model.safetensors'), tampered);
    const red = await runCli(['check', '--offline', '--format', 'json', 'adapters'], repo.dir);
    expect(red.code).toBe(1);
    const digest = (JSON.parse(red.stdout) as Report).findings.filter((f) => f.ruleId === 'digest-mismatch');
    const line = written.split('\n').findIndex((l) => l.includes('sha256:')) + 1;
    expect(digest).toEqual([expect.objectContaining({ path: 'adapters/qwen/lineage.yaml', line, severity: 'error' })]);
    expect(digest[0].message).toContain(sha256(tampered));

    // A checkout with only the LFS pointer: its oid is checked without the content; a missing file is unverifiable.
    writeFileSync(
      join(repo.dir, 'adapters/qwen/adapter_model.safetensors'),
      lfsPointerText(sha256(weights), weights.length)
    );
    const pointer = await runCli(['check', '--offline', '--format', 'json', 'adapters'], repo.dir);
    expect((JSON.parse(pointer.stdout) as Report).findings.filter((f) => f.ruleId === 'digest-mismatch')).toEqual([]);
    rmSync(join(repo.dir, 'adapters/qwen/adapter_model.safetensors'));
    const missing = await runCli(['check', '--offline', '--format', 'json', 'adapters'], repo.dir);
    const unverifiable = (JSON.parse(missing.stdout) as Report).findings.filter((f) => f.ruleId === 'digest-mismatch');
    expect(unverifiable).toEqual([expect.objectContaining({ severity: 'warning', line })]);
  });

  it('follows local parents: inherits their duties, reports loops and parents that are not there', async () => {
    const repo = initRepo();
    write(repo.dir, {
      'runs/base/adapter_config.json': peftConfig('meta-llama/Llama-3.1-8B'),
      'runs/base/README.md': '---\nbase_model: meta-llama/Llama-3.1-8B\nlicense: llama3.1\n---\nBuilt with Llama\n',
      // Resumed from the base run's adapter: inherits its Llama lineage and the attribution it owes.
      'runs/child/adapter_config.json': JSON.stringify({
        fine_tune_type: 'lora',
        resume_adapter_file: 'runs/base/adapters.safetensors',
        lora_parameters: { rank: 8, scale: 20 }
      }),
      'runs/child/lineage.yaml': 'schema: 1\nname: child\nlicense: apache-2.0\n',
      'loop/a/lineage.yaml': 'schema: 1\nupstreams:\n  - path: ../b\nlicense: mit\n',
      'loop/b/lineage.yaml': 'schema: 1\nupstreams:\n  - path: ../a\nlicense: mit\n',
      'gone/lineage.yaml': 'schema: 1\nupstreams:\n  - path: ./missing-parent\nlicense: mit\n',
      // Parents that are there but say nothing: code, a README without metadata.
      'code-only/train.py': 'print(1)\n',
      'hollow/lineage.yaml': 'schema: 1\nupstreams:\n  - path: ../code-only\nlicense: mit\n',
      'plain-readme/README.md': '# Notes\n',
      'hollow-card/lineage.yaml': 'schema: 1\nupstreams:\n  - path: ../plain-readme\nlicense: mit\n'
    });
    const run = await runCli(['check', '--offline', '--format', 'json'], repo.dir);
    const report = JSON.parse(run.stdout) as Report;
    const at = (id: string) => report.findings.filter((f) => f.ruleId === id).map((f) => `${f.path}:${f.line}`);
    expect(at('lineage-cycle').sort()).toEqual(['loop/a/lineage.yaml:3', 'loop/b/lineage.yaml:3']);
    expect(at('dangling-parent').sort()).toEqual([
      'gone/lineage.yaml:3',
      'hollow-card/lineage.yaml:3',
      'hollow/lineage.yaml:3'
    ]);
    expect(report.findings.find((f) => f.path === 'hollow/lineage.yaml')?.message).toContain(
      'names the local artifact "../code-only", but code-only holds no manifest or weights that say what it is'
    );
    // The child names no upstream itself, but derives from runs/base: Llama's duties reach it.
    expect(at('missing-upstream')).not.toContain('runs/child/lineage.yaml:1');
    expect(
      report.findings.find((f) => f.ruleId === 'license-conflict' && f.path.startsWith('runs/child'))?.message
    ).toContain('Llama');
    expect(report.findings.some((f) => f.ruleId === 'missing-attribution' && f.path.startsWith('runs/child'))).toBe(
      true
    );
    const child = report.artifacts.find((a) => a.dir === 'runs/child') as unknown as { parents: { dir: string }[] };
    expect(child.parents).toEqual([{ dir: 'runs/base', path: 'runs/child/adapter_config.json', line: 1 }]);
  });
});
