// Cold start: `node -e 0` against the bundled Action on a pull request that touches no manifest
// (head changes README.txt only), and the CLI's `--version`. Alternated, whole processes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { commit, initRepo, pullRequestEnv } from './action-env.mjs';
import { measure, median } from './measure.mjs';
import { writeTree } from './tree.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ACTION = process.env.LG_ACTION ?? join(ROOT, 'dist', 'index.js');
const CLI = process.env.LG_CLI ?? join(ROOT, 'dist', 'cli', 'index.js');

export async function cold(runs, log) {
  const dir = mkdtempSync(join(tmpdir(), 'lg-bench13-cold-'));
  try {
    const repo = initRepo(join(dir, 'repo'));
    writeTree(repo, 8);
    writeFileSync(join(repo, 'README.txt'), 'models\n');
    const base = commit(repo, 'base');
    writeFileSync(join(repo, 'README.txt'), 'models, and a sentence\n');
    const head = commit(repo, 'head: README.txt only');
    const env = pullRequestEnv({ dir, workspace: repo, base, head });
    const contenders = {
      node: () => measure(process.execPath, ['-e', '0']),
      action: () => measure(process.execPath, [ACTION], { cwd: repo, env }),
      cli: () => measure(process.execPath, [CLI, '--version'])
    };
    const names = Object.keys(contenders);
    const rounds = [];
    for (let r = 0; r < runs; r++) {
      const round = {};
      for (let k = 0; k < names.length; k++) {
        const name = names[(r + k) % names.length];
        const run = await contenders[name]();
        if (run.code !== 0) throw new Error(`${name} exited with ${run.code}: ${run.stdout}${run.stderr}`);
        round[name] = run;
      }
      if (r === 0 && !/^Files: /m.test(round.action.stdout))
        throw new Error(`no "Files:" line: ${round.action.stdout}`);
      log(`  cold round ${r + 1}: ${names.map((x) => `${x} ${Math.round(round[x].ms)} ms`).join(', ')}`);
      rounds.push(round);
    }
    const of = (name, key = 'ms') => median(rounds.map((r) => r[name][key]));
    const ratio = (name) => median(rounds.map((r) => r[name].ms / r.node.ms));
    const files = rounds[0].action.stdout.match(/^Files: (.*)$/m)?.[1];
    return {
      runs,
      node: { ms: of('node'), rssMiB: of('node', 'rssMiB') },
      action: { ms: of('action'), rssMiB: of('action', 'rssMiB'), ratio: ratio('action'), files },
      cli: { ms: of('cli'), rssMiB: of('cli', 'rssMiB'), ratio: ratio('cli') }
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
