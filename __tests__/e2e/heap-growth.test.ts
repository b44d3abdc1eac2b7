/**
 * End-to-end: the bundled CLI and Action cap V8's heap growth at 1.5 × the live set for their whole
 * run (src/heap-growth.ts), and a factor given to node on its command line wins. V8's own trace of
 * each full collection (`--trace-gc-verbose`, growthFactors below) shows the factor in force; 2,000
 * manifests make the run collect at least once. CI runs it on Node 20 and Node 24.
 */
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/git-repo.js';
import { ACTION_ENTRY, CLI_ENTRY, NODE, PROJECT_ROOT } from '../helpers/run-action.js';

const tree = tempDir('lg-heap-');
spawnSync(
  NODE,
  [
    '-e',
    `import(${JSON.stringify(join(PROJECT_ROOT, 'bench/tree.mjs'))}).then((m) => m.writeTree(process.argv[1], 2000))`,
    tree
  ],
  { stdio: 'inherit' }
);

async function run(nodeArgs: string[], entry: string, args: string[], env: Record<string, string> = {}) {
  const child = spawn(NODE, [...nodeArgs, entry, ...args], {
    cwd: tree,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', HF_HUB_OFFLINE: '1', ...env }
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
  return { code, factors: growthFactors(out) };
}

/**
 * The growth factor V8 used at each full collection. V8 11 (Node 20) ends its "Limit:" line with it, and
 * prints a "factor" line before a flag overrides it; V8 13 (Node 24) prints the factor in force on the
 * "factor … based on" line and none on the "Limit:" line.
 */
function growthFactors(trace: string): string[] {
  const limits = [...trace.matchAll(/\[HeapController\] Limit: .* \((\d+\.\d)\)$/gm)].map((m) => m[1]);
  if (limits.length > 0) return limits;
  return [...trace.matchAll(/\[HeapController\] factor (\d+\.\d) based on/g)].map((m) => m[1]);
}

const report = join(tempDir('lg-heap-out-'), 'report.json');
const check = ['check', '.', '--offline', '--format', 'json', '--fail-on', 'never', '-o', report];

describe('heap growth of a long run', () => {
  it('the CLI holds the heap to 1.5 × what survives each full collection', async () => {
    const { code, factors } = await run(['--trace-gc-verbose'], CLI_ENTRY, check);
    expect(code).toBe(0);
    expect(factors.length).toBeGreaterThan(0);
    expect(new Set(factors)).toEqual(new Set(['1.5']));
  });

  it('a factor given to node itself is kept', async () => {
    const { code, factors } = await run(['--trace-gc-verbose', '--heap-growing-percent=100'], CLI_ENTRY, check);
    expect(code).toBe(0);
    expect(factors.length).toBeGreaterThan(0);
    expect(new Set(factors)).toEqual(new Set(['2.0']));
  });

  it('the Action does the same on a scheduled full scan', async () => {
    const runnerTemp = tempDir('lg-heap-runner-');
    const event = join(runnerTemp, 'event.json');
    writeFileSync(event, JSON.stringify({ schedule: '17 4 * * 1' }));
    const { code, factors } = await run(['--trace-gc-verbose'], ACTION_ENTRY, [], {
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: 'schedule',
      GITHUB_EVENT_PATH: event,
      GITHUB_REPOSITORY: 'acme/models',
      GITHUB_WORKSPACE: tree,
      RUNNER_TEMP: runnerTemp,
      INPUT_SCOPE: 'all',
      'INPUT_FAIL-ON': 'never',
      'INPUT_HUB-VERIFY': 'false',
      INPUT_COMMENT: 'never'
    });
    expect(code).toBe(0);
    expect(factors.length).toBeGreaterThan(0);
    expect(new Set(factors)).toEqual(new Set(['1.5']));
  });
});
