/** Real temporary git repositories for tests (git must be installed; no network). */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Keeps the user's and the system's git configuration out of test repositories. */
const GIT_ENV = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid'
};

export function runGit(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

export interface TempRepo {
  dir: string;
  git(...args: string[]): string;
  write(path: string, content: string): void;
  /** `git mv`, creating the target directory first. */
  move(from: string, to: string): void;
  /** Stages everything and commits; returns the new commit's sha. */
  commit(message: string): string;
  head(): string;
}

export function tempDir(prefix = 'lineage-gate-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function openRepo(dir: string): TempRepo {
  const git = (...args: string[]): string => runGit(dir, args);
  return {
    dir,
    git,
    write(path, content) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    },
    move(from, to) {
      mkdirSync(dirname(join(dir, to)), { recursive: true });
      git('mv', from, to);
    },
    commit(message) {
      git('add', '--all');
      git('commit', '--quiet', '--no-gpg-sign', '-m', message);
      return git('rev-parse', 'HEAD');
    },
    head: () => git('rev-parse', 'HEAD')
  };
}

/** `git init -b main` in a fresh temporary directory. */
export function initRepo(): TempRepo {
  const dir = tempDir('lineage-gate-repo-');
  runGit(dir, ['init', '--quiet', '-b', 'main']);
  return openRepo(dir);
}

/** A bare copy of `repo` to serve as `origin` over file://. */
export function bareClone(repo: TempRepo): string {
  const dir = join(tempDir('lineage-gate-origin-'), 'origin.git');
  runGit(dirname(dir), ['clone', '--quiet', '--bare', repo.dir, dir]);
  return dir;
}

/** A shallow single-branch clone of `origin`, like actions/checkout's default `fetch-depth: 1`. */
export function shallowClone(origin: string, branch: string): TempRepo {
  const dir = join(tempDir('lineage-gate-clone-'), 'work');
  runGit(dirname(dir), [
    'clone',
    '--quiet',
    '--depth=1',
    '--single-branch',
    '--branch',
    branch,
    `file://${origin}`,
    dir
  ]);
  return openRepo(dir);
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
