import { ConfigError } from '../config-error.js';
import { GlobSyntaxError, normalisePathGlob, pathGlobMatchers } from '../glob/glob.js';
import type { Matchers } from '../glob/nfa.js';
import type { Change } from './change-set.js';
import type { WalkOptions } from './full-scan.js';

/** Repository-relative path with `/` → whether the gate looks at it. */
export interface PathFilter {
  (path: string): boolean;
  /**
   * False when no path below the directory can pass, so a walk need not enter it: `check models/` in a
   * monorepo lists `models/`, not the repository. Absent when any directory may hold one.
   */
  reaches?: (dir: string) => boolean;
}

interface Rule extends Matchers {
  negated: boolean;
}

/** Whether `path` is `dir` or lies below it (`''` is the root). */
export function isUnder(path: string, dir: string): boolean {
  return dir === '' || path === dir || path.startsWith(`${dir}/`);
}

/**
 * The paths in or below any of `dirs` (`''` is the root). A path costs a lookup per directory above it,
 * whatever the number of `dirs`: `verify` passes every artifact of a statement, and a statement of a
 * full scan names tens of thousands.
 */
export function underDirectories(dirs: readonly string[]): PathFilter {
  if (dirs.includes('')) return () => true;
  const roots = new Set(dirs);
  // Every directory above one of `dirs`: a walk passes through them on its way down.
  const above = new Set<string>();
  for (const d of dirs) for (let i = d.indexOf('/'); i !== -1; i = d.indexOf('/', i + 1)) above.add(d.slice(0, i));
  const inRoot = (path: string): boolean => {
    for (let p = path; ; p = p.slice(0, p.lastIndexOf('/'))) {
      if (roots.has(p)) return true;
      if (!p.includes('/')) return false;
    }
  };
  const filter: PathFilter = inRoot;
  filter.reaches = (dir) => above.has(dir) || inRoot(dir);
  return filter;
}

/** The walk option that leaves out the directories `filter` includes nothing in (nor the directory itself). */
export function unreachedDirectories(filter: PathFilter): WalkOptions['ignore'] {
  const reaches = filter.reaches;
  if (!reaches) return undefined;
  return (path, kind) => kind === 'directory' && !reaches(path) && !filter(path);
}

/**
 * Builds the `paths` filter with the semantics of a workflow's `on.<event>.paths`: patterns are
 * read in order and the last one that matches decides, `!pattern` excludes. With no positive
 * pattern (only negations, or nothing at all) every path starts included.
 */
export function makePathFilter(globs: readonly string[]): PathFilter {
  const rules: Rule[] = [];
  for (const raw of globs) {
    const trimmed = raw.trim();
    if (!trimmed) continue;
    const negated = trimmed.startsWith('!');
    const glob = normalisePathGlob(negated ? trimmed.slice(1) : trimmed);
    if (!glob) throw new ConfigError(`Input \`paths\` has an empty pattern: ${JSON.stringify(raw)}.`);
    try {
      rules.push({ negated, ...pathGlobMatchers(glob) });
    } catch (err) {
      if (!(err instanceof GlobSyntaxError)) throw err;
      throw new ConfigError(`Input \`paths\` has an invalid glob ${JSON.stringify(raw)}: ${err.message}.`);
    }
  }
  if (rules.length === 0) return () => true;
  const startIncluded = rules.every((r) => r.negated);
  const filter: PathFilter = (path) => {
    let included = startIncluded;
    for (const rule of rules) {
      if (rule.negated ? included : !included) {
        if (rule.matches(path)) included = !rule.negated;
      }
    }
    return included;
  };
  // Negations only take paths out: below a directory no positive pattern can reach, nothing passes.
  if (!startIncluded) filter.reaches = (dir) => rules.some((r) => !r.negated && r.canContinue(`${dir}/`));
  return filter;
}

/** A rename is kept when either its new or its old path passes: moving a manifest out of scope is a change too. */
export function changeMatches(filter: PathFilter, change: Change): boolean {
  return filter(change.path) || (change.previousPath !== undefined && filter(change.previousPath));
}

export function filterChanges(changes: readonly Change[], filter: PathFilter): Change[] {
  return changes.filter((change) => changeMatches(filter, change));
}
