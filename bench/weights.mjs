// Weight headers and digests: time to read the header of a 1,000-tensor safetensors file and of a
// GGUF file with a 150,000-token vocabulary, and sha256 throughput with peak RSS on a 1 GiB file.
// Bundles bench/weights-entry.ts with ncc into a temporary directory, so it times the code as the
// Action runs it. Usage: node bench/weights.mjs [runs=15]
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, realpathSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function load(bundleDir) {
  return import(pathToFileURL(join(bundleDir, 'index.js')).href);
}

// Child mode: hash one file in a fresh process, so its peak RSS is the digest's alone.
if (process.argv[2] === '--digest') {
  const [, , , bundleDir, workspace, file] = process.argv;
  const { sha256OfFile } = await load(bundleDir);
  const rssBeforeMiB = process.resourceUsage().maxRSS / 1024;
  const start = performance.now();
  const digest = await sha256OfFile(workspace, file);
  const ms = performance.now() - start;
  console.log(JSON.stringify({ digest, ms, rssBeforeMiB, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

const runs = Number(process.argv[2] ?? 15);
const work = realpathSync(mkdtempSync(join(tmpdir(), 'lg-bench-weights-')));
const bundleDir = join(work, 'bundle');
execFileSync(
  process.execPath,
  [
    join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js'),
    'build',
    join(root, 'bench/weights-entry.ts'),
    '-o',
    bundleDir,
    '--quiet'
  ],
  { cwd: root, stdio: 'inherit' }
);
const { readWeightHeader, ggufBytes, writeSafetensors } = await load(bundleDir);

function timeHeader(path, expectKind) {
  const times = [];
  let header;
  for (let i = 0; i < runs + 2; i++) {
    const start = performance.now();
    header = readWeightHeader(work, path);
    if (i >= 2) times.push(performance.now() - start); // two warm-up reads
  }
  if (header.kind !== expectKind)
    throw new Error(`expected ${expectKind}, got ${JSON.stringify(header).slice(0, 200)}`);
  return { ms: median(times), header };
}

// 1,000 LoRA tensors (rank 16 over a 4096-wide model, BF16), written sparse: ~128 MiB on paper.
const tensors = Array.from({ length: 1000 }, (_, i) => ({
  name: `base_model.model.layers.${Math.floor(i / 4)}.proj_${i % 4}.lora_${i % 2 ? 'B' : 'A'}.weight`,
  dtype: 'BF16',
  shape: i % 2 ? [4096, 16] : [16, 4096]
}));
const safetensorsPath = join(work, 'adapter_model.safetensors');
writeSafetensors(safetensorsPath, tensors, { format: 'pt' }, { sparse: true });
const st = timeHeader(safetensorsPath, 'safetensors');

// A GGUF model header with a 150,000-token vocabulary (tokens, types, scores, merges).
const vocab = Array.from({ length: 150_000 }, (_, i) => `Ġtoken${i}`);
const ggufPath = join(work, 'model.gguf');
writeFileSync(
  ggufPath,
  ggufBytes({
    entries: [
      ['general.architecture', 'string', 'qwen2'],
      ['general.name', 'string', 'Bench'],
      ['general.license', 'string', 'apache-2.0'],
      ['qwen2.embedding_length', 'uint32', 4096],
      ['tokenizer.ggml.model', 'string', 'gpt2'],
      ['tokenizer.ggml.tokens', 'array', { of: 'string', items: vocab }],
      ['tokenizer.ggml.token_type', 'array', { of: 'int32', items: vocab.map(() => 1) }],
      ['tokenizer.ggml.scores', 'array', { of: 'float32', items: vocab.map(() => 0) }],
      ['tokenizer.ggml.merges', 'array', { of: 'string', items: vocab.slice(0, 149_000).map((t) => `${t} x`) }],
      ['tokenizer.chat_template', 'string', '{% for m in messages %}{{ m.content }}{% endfor %}'.repeat(50)]
    ],
    tensorCount: 10
  })
);
const gg = timeHeader(ggufPath, 'gguf');

// 1 GiB of non-zero bytes (written, so it is in the page cache), hashed in a fresh process.
const gibPath = join(work, 'model-1g.safetensors');
const chunk = Buffer.alloc(1024 * 1024);
for (let i = 0; i < chunk.length; i++) chunk[i] = (i * 2654435761) >>> 24;
const fd = openSync(gibPath, 'w');
for (let i = 0; i < 1024; i++) writeSync(fd, chunk);
closeSync(fd);
const digestRuns = [];
for (let i = 0; i < 3; i++) {
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--digest', bundleDir, work, gibPath], {
    encoding: 'utf8'
  });
  digestRuns.push(JSON.parse(out));
}
const sumStart = performance.now();
const coreutils = execFileSync('sha256sum', [gibPath], { encoding: 'utf8' }).split(' ')[0];
const sha256sumMs = performance.now() - sumStart;
if (digestRuns.some((r) => r.digest.sha256 !== coreutils)) throw new Error('the digest differs from sha256sum');
const digestMs = median(digestRuns.map((r) => r.ms));

const result = {
  date: new Date().toISOString().slice(0, 10),
  machine: `${cpus().length} CPUs, Node ${process.versions.node}`,
  safetensors1000TensorsHeaderMs: +st.ms.toFixed(2),
  gguf150kVocabHeaderMs: +gg.ms.toFixed(2),
  ggufFileMiB: +(statSync(ggufPath).size / 2 ** 20).toFixed(1),
  sha256MiBPerS: Math.round(1024 / (digestMs / 1000)),
  sha256PeakRssMiB: Math.round(Math.max(...digestRuns.map((r) => r.maxRssMiB))),
  peakRssBeforeHashingMiB: Math.round(Math.max(...digestRuns.map((r) => r.rssBeforeMiB))),
  sha256sumMiBPerS: Math.round(1024 / (sha256sumMs / 1000))
};
console.log(JSON.stringify(result, null, 2));
rmSync(work, { recursive: true, force: true });
