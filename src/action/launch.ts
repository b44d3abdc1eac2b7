/**
 * Node 22 and later let V8 grow its young generation to 64 MB per semi-space on a large machine, and
 * only a flag given when node starts caps it: the Action cannot pass one to the node24 that runs it.
 * A run that may be large (a full scan, a pull request of thousands of files) is therefore run by a
 * child node started with a small young generation (100,000 manifests: 172 MiB instead of 324, and
 * no slower; bench/RESULTS.md). Every other run stays in this process and keeps its start-up cost.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as core from '@actions/core';
import { FULL_SCAN_EVENTS } from '../changes/select.js';
import { isPlainNode } from '../heap-growth.js';

export const YOUNG_GENERATION_FLAG = '--max-semi-space-size=16';

/** A pull request with at least this many changed files (its payload's `changed_files`) runs in a child. */
const LARGE_PULL_REQUEST = 5_000;

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);

/** The process as the decision sees it (tests give their own). */
export interface ActionProcess {
  env: NodeJS.ProcessEnv;
  execArgv: readonly string[];
  versions: NodeJS.ProcessVersions;
  readEvent: (path: string) => string;
}

const thisProcess = (): ActionProcess => ({
  env: process.env,
  execArgv: process.execArgv,
  versions: process.versions,
  readEvent: (path) => readFileSync(path, 'utf8')
});

/** `changed_files` of the pull request in the event payload; undefined when it cannot be read. */
function changedFiles(p: ActionProcess): number | undefined {
  const path = p.env.GITHUB_EVENT_PATH;
  if (!path) return undefined;
  try {
    const payload = JSON.parse(p.readEvent(path)) as { pull_request?: { changed_files?: unknown } };
    const count = payload.pull_request?.changed_files;
    return typeof count === 'number' ? count : undefined;
  } catch {
    return undefined; // the run itself reports an unreadable payload
  }
}

/** Why this run should go to a child with a small young generation, or undefined to run here. */
export function reasonForChild(p: ActionProcess = thisProcess()): string | undefined {
  if (!isPlainNode(p.versions)) return undefined; // their flags are not node's
  if (Number(p.versions.node.split('.')[0]) < 22) return undefined; // Node 20's young generation is small already
  if (p.execArgv.some((arg) => /^--max[-_]semi[-_]space[-_]size\b/.test(arg))) return undefined;
  const event = p.env.GITHUB_EVENT_NAME ?? '';
  if ((p.env.INPUT_SCOPE ?? '').trim() === 'all') return 'a full scan (scope: all)';
  if (FULL_SCAN_EVENTS.has(event)) return `a full scan (${event} event)`;
  const files = PULL_REQUEST_EVENTS.has(event) ? changedFiles(p) : undefined;
  if (files !== undefined && files >= LARGE_PULL_REQUEST) return `a pull request of ${files} changed files`;
  return undefined;
}

const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Runs this Action again in a child node with a small young generation, when the run may be large:
 * the child shares stdio and environment, gets the signals this process gets (a cancelled workflow),
 * and its exit code becomes this process's. Returns false, having done nothing, when the run
 * belongs in this process or the child could not be started.
 */
export async function runInChildIfLarge(p: ActionProcess = thisProcess()): Promise<boolean> {
  const reason = reasonForChild(p);
  if (!reason) return false;
  core.debug(`Running in a child node with ${YOUNG_GENERATION_FLAG}: ${reason} keeps V8's young generation small.`);
  const child = spawn(process.execPath, [YOUNG_GENERATION_FLAG, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit'
  });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  for (const signal of FORWARDED_SIGNALS) process.on(signal, forward);
  const ended = await new Promise<{ code: number | null; signal: NodeJS.Signals | null } | { error: Error }>(
    (resolve) => {
      child.once('error', (error) => resolve({ error }));
      child.once('exit', (code, signal) => resolve({ code, signal }));
    }
  );
  for (const signal of FORWARDED_SIGNALS) process.removeListener(signal, forward);
  if ('error' in ended) {
    core.debug(`The child node could not be started (${ended.error.message}); running in this process.`);
    return false;
  }
  // Ended by a signal, the child ends this process the same way, so the runner sees what it sent.
  if (ended.signal) process.kill(process.pid, ended.signal);
  else process.exitCode = ended.code ?? 1;
  return true;
}
