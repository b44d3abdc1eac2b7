// A pull request changing F files (default 20,000: all but 1 % plain text, 1 % new manifests),
// checked by the bundled Action through the git fallback. Records the exit code, the total time
// and the time from process start to the "Files: …" line (the change set is built by then).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { commit, initRepo, pullRequestEnv } from './action-env.mjs';
import { measure } from './measure.mjs';
import { writeTree } from './tree.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ACTION = process.env.LG_ACTION ?? join(ROOT, 'dist', 'index.js');

function writeText(repo, count, version) {
  for (let i = 0; i < count; i++) {
    const d = join(repo, 'data', `part-${i % 100}`);
    if (i < 100) mkdirSync(d, { recursive: true });
    writeFileSync(join(d, `rows-${i}.txt`), `rows ${i}, version ${version}\n`);
  }
}

export async function pullRequest(files, log) {
  const dir = mkdtempSync(join(tmpdir(), 'lg-bench13-pr-'));
  try {
    const manifests = Math.max(1, Math.round(files / 100));
    const repo = initRepo(join(dir, 'repo'));
    writeText(repo, files - manifests, 1);
    writeTree(repo, manifests);
    const base = commit(repo, 'base');
    writeText(repo, files - manifests, 2);
    writeTree(repo, 2 * manifests, manifests);
    const head = commit(repo, `head: ${files} files`);
    log(`  pr: repository with ${files} changed files ready`);
    const env = pullRequestEnv({ dir, workspace: repo, base, head, inputs: { 'fail-on': 'never' } });
    const run = await measure(process.execPath, [ACTION], { cwd: repo, env, marker: /^Files: / });
    if (run.code !== 0) log(`  pr: the Action exited with ${run.code}: ${(run.stdout + run.stderr).slice(-2000)}`);
    const source = run.stdout.match(/^Files: (.*)$/m)?.[1] ?? '(no "Files:" line)';
    return { files, manifests, code: run.code, ms: run.ms, changeSetMs: run.markerMs, rssMiB: run.rssMiB, source };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
