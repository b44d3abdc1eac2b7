import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

/** Where a directory's repository starts, and why there is none when git cannot say. */
export type Repository = { root: string; git: true } | { root: string; git: false; why: string };

/**
 * The git repository holding `dir`; outside one (or without git), `dir` itself is the root, so
 * that paths in findings stay relative to what the user pointed at.
 */
export async function locateRepository(dir: string): Promise<Repository> {
  try {
    const { stdout } = await promisify(execFile)('git', ['rev-parse', '--show-toplevel'], { cwd: dir });
    return { root: resolve(stdout.trim()), git: true };
  } catch (err) {
    const why =
      (err as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'git is not installed (or not on PATH)'
        : `${dir} is not in a git repository`;
    return { root: dir, git: false, why };
  }
}

/** Whether `ref` names a commit of the repository at `root` (nothing is fetched). */
export async function isRevision(root: string, ref: string): Promise<boolean> {
  try {
    await promisify(execFile)('git', ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], {
      cwd: root
    });
    return true;
  } catch {
    return false;
  }
}
