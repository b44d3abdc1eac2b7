/**
 * The benchmark's smoke run (`npm run bench -- --smoke`): issue #13's comparison at a size CI can
 * afford, so the benchmark keeps working between the sessions that record its numbers. It checks
 * that every part ran and produced a row, never how fast: timings belong in bench/RESULTS.md.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../helpers/run-action.js';

/** The cells of the table row that starts with `first`. */
function row(out: string, first: string): string[] {
  const line = out.split('\n').find((l) => l.startsWith(`| ${first} |`));
  if (!line) throw new Error(`no row starting with ${first} in:\n${out}`);
  return line
    .split('|')
    .slice(1, -1)
    .map((c) => c.trim());
}

const ratio = (cell: string) => Number(/([\d.]+) ×/.exec(cell)?.[1]);

describe('npm run bench -- --smoke', () => {
  it('runs the scan, the cold start and the pull request, each to a row of numbers', () => {
    const run = spawnSync(process.execPath, [join(PROJECT_ROOT, 'bench/run.mjs'), '--smoke'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      timeout: 120_000
    });
    expect(run.stderr).not.toMatch(/Error|exited with/);
    expect(run.status).toBe(0);
    const scan = row(run.stdout, '200');
    expect(ratio(scan[5])).toBeGreaterThan(0); // gate / floor
    expect(Number(scan[9].split(' ')[0].replace(/,/g, ''))).toBeGreaterThan(0); // findings
    const cold = row(run.stdout, '1');
    expect(ratio(cold[3])).toBeGreaterThan(0);
    const pr = row(run.stdout, '2,000 (20)');
    expect(pr[1]).toBe('0'); // the Action's exit code
    expect(pr[5]).toMatch(/^git diff [0-9a-f]+\.\.\.[0-9a-f]+ \(2,000 files/);
  }, 150_000);
});
