// Runs a command as a process and measures it: wall time (from spawn to exit, in this process),
// peak RSS (GNU time's %M, when /usr/bin/time exists), exit code, and the time at which a line of
// its stdout first matched a pattern (read as a stream).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TIME = '/usr/bin/time';
export const HAS_TIME = existsSync(TIME);

/**
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, marker?: RegExp }} [opts]
 * @returns {Promise<{ ms: number, rssMiB: number | null, code: number, markerMs: number | null,
 *   stdout: string, stderr: string }>}
 */
export function measure(command, args, opts = {}) {
  const dir = HAS_TIME ? mkdtempSync(join(tmpdir(), 'lg-time-')) : undefined;
  const rssFile = dir && join(dir, 'rss');
  const [cmd, argv] = HAS_TIME ? [TIME, ['-f', '%M', '-o', rssFile, command, ...args]] : [command, args];
  const start = process.hrtime.bigint();
  const since = () => Number(process.hrtime.bigint() - start) / 1e6;
  const child = spawn(cmd, argv, { cwd: opts.cwd, env: opts.env ?? process.env });
  let stdout = '';
  let stderr = '';
  let markerMs = null;
  let pending = '';
  child.stdout.on('data', (d) => {
    stdout += d;
    if (markerMs !== null || !opts.marker) return;
    const lines = (pending + d).split('\n');
    pending = lines.pop();
    if (lines.some((l) => opts.marker.test(l))) markerMs = since();
  });
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = since();
      let rssMiB = null;
      if (rssFile && existsSync(rssFile)) {
        const kib = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
        if (Number.isFinite(kib)) rssMiB = kib / 1024;
      }
      if (dir) rmSync(dir, { recursive: true, force: true });
      resolve({ ms, rssMiB, code: code ?? -1, markerMs, stdout, stderr });
    });
  });
}

export const median = (xs) => {
  const s = xs.filter((x) => x !== null).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : null;
};
