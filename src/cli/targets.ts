import { realpathSync, statSync } from 'node:fs';
import { dirname as dirOf, relative, resolve, sep } from 'node:path';
import { ConfigError } from '../config-error.js';
import { isInside } from '../files/open-chosen.js';
import { dirname } from '../discover/file-kinds.js';
import type { ReportArtifact } from '../report/report.js';
import { locateRepository } from './repository.js';
import { isUnder, underDirectories, type PathFilter } from '../changes/paths-filter.js';

/** One PATH argument of `check`, as a repository-relative path with `/` (`''` for the root). */
export interface Target {
  arg: string;
  kind: 'directory' | 'file';
  path: string;
}

/** What `check` judges: one repository (or plain directory), and which of its paths. */
export interface Targets {
  root: string;
  targets: Target[];
  /** Repository-relative path → whether it is judged: under a directory, or beside a file argument. */
  include: PathFilter;
}

/**
 * What the targets cover: everything below a directory argument, and the files beside a file argument
 * (it stands for its artifact directory, as a file changed in a PR does).
 */
function targetFilter(targets: readonly Target[]): PathFilter {
  const below = underDirectories(targets.filter((t) => t.kind === 'directory').map((t) => t.path));
  const besides = targets.filter((t) => t.kind === 'file').map((t) => dirname(t.path));
  const include: PathFilter = (path) => below(path) || besides.includes(dirname(path));
  // A walk enters the directories on the way to a file argument's, not the ones below it.
  include.reaches = (dir) => (below.reaches?.(dir) ?? true) || besides.some((b) => b !== '.' && isUnder(b, dir));
  return include;
}

/**
 * Resolves PATH arguments (relative to `cwd`) to the repository that holds them, so that a path
 * outside the current repository is judged in its own; all must share one repository.
 */
export async function resolveTargets(cwd: string, args: readonly string[]): Promise<Targets> {
  if (args.length === 0) return { root: (await locateRepository(cwd)).root, targets: [], include: () => true };
  const realCwd = realpathSync.native(cwd);
  const located = await Promise.all(
    args.map(async (arg) => {
      let full: string;
      let isDirectory: boolean;
      try {
        full = realpathSync.native(resolve(cwd, arg));
        isDirectory = statSync(full).isDirectory();
      } catch {
        throw new ConfigError(`No such file or directory: ${arg}`);
      }
      const repository = await locateRepository(isDirectory ? full : dirOf(full));
      // Outside git, paths stay relative to the current directory when the PATH is under it (as
      // with no PATH at all), else to the PATH's own directory.
      const root = repository.git || !isInside(realCwd, full) ? repository.root : realCwd;
      return { arg, full, isDirectory, root };
    })
  );
  const root = located[0].root;
  const stranger = located.find((l) => l.root !== root);
  if (stranger)
    throw new ConfigError(
      `${located[0].arg} and ${stranger.arg} are in different repositories (${root}, ${stranger.root}): ` +
        'check them one at a time.'
    );
  const targets: Target[] = located.map((l) => ({
    arg: l.arg,
    kind: l.isDirectory ? 'directory' : 'file',
    path: relative(root, l.full).split(sep).join('/')
  }));
  return { root, targets, include: targetFilter(targets) };
}

/** Whether an artifact directory (`.` for the root) is one the target asked about. */
function asksAbout(target: Target, artifactDir: string): boolean {
  if (target.kind === 'file') return artifactDir === dirname(target.path);
  return isUnder(artifactDir === '.' ? '' : artifactDir, target.path);
}

/** The targets no reported artifact belongs to: explicit paths with nothing to check. */
export function emptyTargets(targets: readonly Target[], artifacts: Iterable<Pick<ReportArtifact, 'dir'>>): Target[] {
  const answered = new Set<Target>();
  for (const a of artifacts) {
    for (const t of targets) if (asksAbout(t, a.dir)) answered.add(t);
    if (answered.size === targets.length) break;
  }
  return targets.filter((t) => !answered.has(t));
}
