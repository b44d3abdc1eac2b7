// Full offline scan, side by side on one generated tree: the read+parse floor, ajv-cli (schema
// only), `lineage-gate check --offline --format json` with default rules, and the same with every
// rule off. Whole processes; each round runs every contender once, in a rotated order, and ratios
// are taken within a round (paired) before the median.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure, median } from './measure.mjs';
import { writeTree } from './tree.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = process.env.LG_CLI ?? join(ROOT, 'dist', 'cli', 'index.js');
const AJV = join(ROOT, 'node_modules', '.bin', 'ajv');
const RULES_OFF = '.bench/rules-off.yml';
// Formats ajv-cli can read as they are (a model card's schema applies to its front matter: not readable).
const AJV_FORMATS = [
  ['adapter_config.json', 'peft-adapter-config'],
  ['training_manifest.json', 'mens-training-manifest'],
  ['lineage.yaml', 'lineage']
];

/** Every rule id of src/rules/ids.ts, read from the source so the list cannot drift. */
function ruleIds() {
  const text = readFileSync(join(ROOT, 'src', 'rules', 'ids.ts'), 'utf8');
  return [...text.matchAll(/^\s+'([a-z-]+)',?$/gm)].map((m) => m[1]);
}

function writeRulesOff(tree) {
  mkdirSync(join(tree, '.bench'), { recursive: true });
  const rules = ruleIds().map((id) => `  ${id}: off\n`);
  writeFileSync(join(tree, RULES_OFF), `version: 1\nrules:\n${rules.join('')}`);
}

function ok(run, what) {
  if (run.code !== 0) throw new Error(`${what} exited with ${run.code}: ${run.stderr.slice(0, 2000)}`);
  return run;
}

const floor = async (tree) => ok(await measure(process.execPath, [join(ROOT, 'bench', 'floor.mjs'), tree]), 'floor');

async function gate(tree, report, extra = []) {
  const args = [CLI, 'check', '--offline', '--format', 'json', '--fail-on', 'never', '-o', report, ...extra];
  const run = ok(await measure(process.execPath, args, { cwd: tree }), 'gate');
  return { ...run, findings: JSON.parse(readFileSync(report, 'utf8')).findings.length };
}

/** ajv-cli once per format; the wall times add up, the peak RSS is the largest. */
async function ajv(tree) {
  let ms = 0;
  let rssMiB = null;
  for (const [file, schema] of AJV_FORMATS) {
    const args = ['validate', '--spec=draft2020', '--strict=false', '--errors=no'];
    args.push('-s', join(ROOT, 'schemas', `${schema}.schema.json`), '-d', join(tree, '**', file));
    const run = await measure(AJV, args, { cwd: ROOT });
    // 1 is "some file is invalid": a result, not a crash.
    if (run.code !== 0 && run.code !== 1) throw new Error(`ajv-cli exited with ${run.code}: ${run.stderr}`);
    ms += run.ms;
    rssMiB = run.rssMiB === null ? rssMiB : Math.max(rssMiB ?? 0, run.rssMiB);
  }
  return { ms, rssMiB };
}

export const ajvInstalled = () => existsSync(AJV);

/**
 * @param {number} n manifests
 * @param {number} runs rounds
 * @param {(line: string) => void} log
 */
export async function scan(n, runs, log) {
  const dir = mkdtempSync(join(tmpdir(), 'lg-bench13-'));
  const tree = join(dir, 'tree');
  try {
    writeTree(tree, n);
    writeRulesOff(tree);
    const report = join(dir, 'report.json');
    const contenders = {
      floor: () => floor(tree),
      gate: () => gate(tree, report),
      off: () => gate(tree, report, ['--policy', RULES_OFF])
    };
    if (ajvInstalled()) contenders.ajv = () => ajv(tree);
    const names = Object.keys(contenders);
    const rounds = [];
    for (let r = 0; r < runs; r++) {
      const round = {};
      for (let k = 0; k < names.length; k++) {
        const name = names[(r + k) % names.length];
        round[name] = await contenders[name]();
      }
      log(`  scan N=${n} round ${r + 1}: ${names.map((x) => `${x} ${Math.round(round[x].ms)} ms`).join(', ')}`);
      rounds.push(round);
    }
    const of = (name, key) => median(rounds.map((r) => r[name]?.[key] ?? null));
    const ratio = (name) => median(rounds.map((r) => (r[name] ? r[name].ms / r.floor.ms : null)));
    return {
      n,
      runs,
      floor: { ms: of('floor', 'ms'), rssMiB: of('floor', 'rssMiB') },
      ajv: ajvInstalled() ? { ms: of('ajv', 'ms'), rssMiB: of('ajv', 'rssMiB'), ratio: ratio('ajv') } : null,
      gate: {
        ms: of('gate', 'ms'),
        rssMiB: of('gate', 'rssMiB'),
        ratio: ratio('gate'),
        findings: of('gate', 'findings')
      },
      off: { ms: of('off', 'ms'), rssMiB: of('off', 'rssMiB'), ratio: ratio('off'), findings: of('off', 'findings') }
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
