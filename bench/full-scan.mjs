// Full-scan benchmark: N small manifests (bench/tree.mjs: PEFT configs, model cards, MENS manifests,
// lineage.yaml files) in a temporary tree, checked by the bundled CLI, against a floor of merely
// walking, reading and parsing the same files in this process (bench/floor.mjs; Hub off: this
// measures the local work). `npm run bench` (bench/run.mjs) is issue #13's whole-process comparison.
// Usage: node bench/full-scan.mjs [N=10000]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readAndParse } from './floor.mjs';
import { writeTree } from './tree.mjs';

const N = Number(process.argv[2] ?? 10000);
const root = fileURLToPath(new URL('..', import.meta.url));
// LG_CLI: another bundle of the CLI (e.g. an older build) to compare with the committed one.
const cli = process.env.LG_CLI ?? join(root, 'dist', 'cli', 'index.js');
const dir = mkdtempSync(join(tmpdir(), 'lg-bench-'));
writeTree(dir, N);

function floor() {
  const t = process.hrtime.bigint();
  readAndParse(dir);
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
