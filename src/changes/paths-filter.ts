import { ConfigError } from '../config-error.js';
import { GlobSyntaxError, normalisePathGlob, pathGlob } from '../glob/glob.js';
import type { Change } from './change-set.js';

/** Repository-relative path with `/` → whether the gate looks at it. */
export type PathFilter = (path: string) => boolean;

interface Rule {
  negated: boolean;
  matches: (path: string) => boolean;
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
      rules.push({ negated, matches: pathGlob(glob) });
    } catch (err) {
      if (!(err instanceof GlobSyntaxError)) throw err;
      throw new ConfigError(`Input \`paths\` has an invalid glob ${JSON.stringify(raw)}: ${err.message}.`);
    }
  }
  if (rules.length === 0) return () => true;
  const startIncluded = rules.every((r) => r.negated);
  return (path) => {
    let included = startIncluded;
    for (const rule of rules) {
      if (rule.negated ? included : !included) {
        if (rule.matches(path)) included = !rule.negated;
      }
    }
    return included;
  };
}

/** A rename is kept when either its new or its old path passes: moving a manifest out of scope is a change too. */
export function changeMatches(filter: PathFilter, change: Change): boolean {
  return filter(change.path) || (change.previousPath !== undefined && filter(change.previousPath));
}

export function filterChanges(changes: readonly Change[], filter: PathFilter): Change[] {
  return changes.filter((change) => changeMatches(filter, change));
}
