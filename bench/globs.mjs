// Glob matching: a star-heavy waiver from a pull request's policy against long paths (the case
// picomatch's backtracking RegExps took seconds on), and a policy-sized workload (200 path globs
// over 10,000 paths). picomatch, still installed as a dependency of jest, is timed beside it when
// present, with a per-case cap so the bench itself cannot hang. Usage: node bench/globs.mjs [runs=5]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const runs = Number(process.argv[2] ?? 5);

const work = realpathSync(mkdtempSync(join(tmpdir(), 'lg-bench-globs-')));
const bundleDir = join(work, 'bundle');
const ncc = join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js');
execFileSync(process.execPath, [ncc, 'build', join(root, 'bench/globs-entry.ts'), '-o', bundleDir, '--quiet'], {
  cwd: root,
  stdio: 'inherit'
});
const { pathGlob } = await import(pathToFileURL(join(bundleDir, 'index.js')).href);

let picomatch;
try {
  picomatch = createRequire(join(root, 'package.json'))('picomatch');
} catch {
  picomatch = undefined;
}

function time(f) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    f();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

const STARRY = '**/*a*a*a*a*a*a*a*a*b';
console.log(`| case | gate (src/glob) | picomatch |`);
console.log(`|---|---|---|`);
for (const n of [30, 40, 60, 1000, 10000]) {
  const path = 'x/' + 'a'.repeat(n);
  const ours = pathGlob(STARRY);
  const gate = time(() => ours(path));
  // Past 40 characters picomatch takes seconds to minutes (60: about 20 s); not run.
  const theirs = picomatch && n <= 40 ? time(() => picomatch(STARRY, { dot: true })(path)) : undefined;
  const shown = theirs === undefined ? 'not run (seconds to minutes)' : `${theirs.toFixed(1)} ms`;
  console.log(`| \`${STARRY}\` vs ${n}-char path | ${gate.toFixed(2)} ms | ${shown} |`);
}

const globs = Array.from({ length: 200 }, (_, i) => `team-${i % 20}/**/run-${i}/*.{json,yaml}`);
const paths = Array.from({ length: 10_000 }, (_, i) => `team-${i % 20}/exp/${i % 7}/run-${i % 300}/cfg.json`);
const policy = (make) => {
  const tests = globs.map(make);
  let hits = 0;
  for (const p of paths) if (tests.some((t) => t(p))) hits++;
  return hits;
};
const gatePolicy = time(() => policy((g) => pathGlob(g)));
const pmPolicy = picomatch ? time(() => policy((g) => picomatch(g, { dot: true }))) : undefined;
const pmShown = pmPolicy === undefined ? '—' : `${pmPolicy.toFixed(0)} ms`;
console.log(`| 200 globs × 10,000 paths | ${gatePolicy.toFixed(0)} ms | ${pmShown} |`);
rmSync(work, { recursive: true, force: true });
