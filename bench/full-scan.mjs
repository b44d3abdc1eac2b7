// Full-scan benchmark: N small manifests (PEFT configs, model cards, MENS manifests, lineage.yaml
// files) in a temporary tree, checked by the bundled CLI, against a floor of merely walking, reading
// and parsing the same files in one process (Hub off: this measures the local work).
// Usage: node bench/full-scan.mjs [N=10000]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';

const N = Number(process.argv[2] ?? 10000);
const root = fileURLToPath(new URL('..', import.meta.url));
// LG_CLI: another bundle of the CLI (e.g. an older build) to compare with the committed one.
const cli = process.env.LG_CLI ?? join(root, 'dist', 'cli', 'index.js');
const dir = mkdtempSync(join(tmpdir(), 'lg-bench-'));

const bases = [
  'Qwen/Qwen3-4B',
  'meta-llama/Llama-3.1-8B-Instruct',
  'google/gemma-2-9b-it',
  'unsloth/llama-3.2-1b-bnb-4bit',
  '/content/drive/MyDrive/base',
  'mistralai/Mistral-7B-Instruct-v0.3'
];
const kinds = [
  (b) => [
    'adapter_config.json',
    JSON.stringify(
      {
        base_model_name_or_path: b,
        peft_type: 'LORA',
        r: 16,
        lora_alpha: 32,
        revision: null,
        target_modules: ['q_proj', 'v_proj'],
        task_type: 'CAUSAL_LM'
      },
      null,
      2
    )
  ],
  (b) => [
    'README.md',
    `---\nbase_model: ${b}\nlicense: apache-2.0\nlibrary_name: peft\ntags:\n- lora\n---\n\n# Adapter\n\nSome prose.\n`
  ],
  (b) => [
    'training_manifest.json',
    JSON.stringify(
      {
        vocab_size: 151936,
        d_model: 2048,
        n_heads: 16,
        n_layers: 36,
        base_model: b,
        tokenizer_path: null,
        train_file: 't.jsonl',
        rank: 16,
        alpha: 32.0,
        seq_len: 512,
        epochs: 3,
        run_id: null,
        git_sha: null,
        device_profile: null
      },
      null,
      2
    )
  ],
  (b) => [
    'lineage.yaml',
    `schema: 1\nname: bench\nupstreams:\n  - id: ${b.startsWith('/') ? 'Qwen/Qwen3-4B' : b}\n` +
      `    revision: 1cfa9a7208912126459214e8b04321603b3df60c\nlicense: { id: apache-2.0 }\n`
  ]
];
for (let i = 0; i < N; i++) {
  const d = join(dir, `team-${i % 50}`, `run-${i}`);
  mkdirSync(d, { recursive: true });
  const [name, text] = kinds[i % kinds.length](bases[i % bases.length]);
  writeFileSync(join(d, name), text);
}

function walk(d) {
  return readdirSync(d, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]
  );
}
function floor() {
  const t = process.hrtime.bigint();
  for (const f of walk(dir)) {
    const text = readFileSync(f, 'utf8');
    if (f.endsWith('.json')) JSON.parse(text);
    else if (f.endsWith('.yaml')) load(text);
    else load(text.split('\n---\n')[0].replace(/^---\n/, ''));
  }
  return Number(process.hrtime.bigint() - t) / 1e6;
}
function gate() {
  const t = process.hrtime.bigint();
  const run = spawnSync(
    process.execPath,
    [cli, 'check', '--format', 'json', '--fail-on', 'never', '--output', join(dir, '..', 'lg-bench-report.json')],
    { cwd: dir, encoding: 'utf8', env: { ...process.env, HF_HUB_OFFLINE: '1' } }
  );
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (run.status !== 0) throw new Error(run.stderr);
  return ms;
}
const startup = (() => {
  const t = process.hrtime.bigint();
  execFileSync(process.execPath, [cli, '--version']);
  return Number(process.hrtime.bigint() - t) / 1e6;
})();
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const floors = [floor(), floor(), floor()];
const gates = [gate(), gate(), gate()];
const report = JSON.parse(readFileSync(join(dir, '..', 'lg-bench-report.json'), 'utf8'));
const peak = (() => {
  const r = spawnSync(
    '/usr/bin/time',
    ['-f', '%M', process.execPath, cli, 'check', '--format', 'json', '--fail-on', 'never', '--output', '/dev/null'],
    { cwd: dir, encoding: 'utf8', env: { ...process.env, HF_HUB_OFFLINE: '1' } }
  );
  return r.status === 0 ? `${Math.round(Number(r.stderr.trim().split('\n').pop()) / 1024)} MiB` : 'n/a';
})();
console.log(
  JSON.stringify(
    {
      manifests: N,
      reportManifests: report.counts.manifests,
      findings: report.findings.length,
      floorMs: Math.round(median(floors)),
      gateMs: Math.round(median(gates)),
      cliStartupMs: Math.round(startup),
      ratio: +(median(gates) / median(floors)).toFixed(2),
      peakRss: peak
    },
    null,
    2
  )
);
rmSync(dir, { recursive: true, force: true });
