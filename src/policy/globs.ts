import { globSyntaxProblem, idGlob, normalisePathGlob, pathGlob } from '../glob/glob.js';

/**
 * Globs of the policy file: repository paths (overrides, waivers) and Hub ids (upstream lists,
 * waiver upstreams, license-id patterns). Checked once at load time so that a typo fails the
 * run with a line number instead of silently matching nothing.
 */

export { isGlob } from '../glob/glob.js';

/** Why `glob` cannot be used, or undefined when it can. */
export function globProblem(glob: string, kind: 'path' | 'hub-id' | 'license'): string | undefined {
  const g = glob.trim();
  if (g === '') return 'is empty';
  if (g.startsWith('!')) return 'starts with `!`: negated patterns are not supported here';
  if (kind !== 'path' && /\s/.test(g))
    return `contains whitespace, which no ${kind === 'hub-id' ? 'Hub id' : 'license id'} has`;
  if (kind === 'hub-id') {
    const foreign = g.match(/[^\w.\-/*?[\]{}!^,\\]/u);
    if (foreign) return `contains \`${foreign[0]}\`, which no Hub id has`;
  }
  if (kind === 'path') {
    const p = normalisePathGlob(g);
    if (p === '') return 'names no path';
    if (p.split('/').includes('..'))
      return 'contains `..`: paths are relative to the repository root and never leave it';
  }
  const problem = globSyntaxProblem(kind === 'path' ? normalisePathGlob(g) : g);
  return problem === undefined ? undefined : `is not a valid glob: ${problem}`;
}

/** Matcher for repository-path globs (case-sensitive, dot files included). */
export function pathMatcher(globs: readonly string[]): (path: string) => boolean {
  const tests = globs.map((g) => pathGlob(normalisePathGlob(g)));
  return (path) => tests.some((t) => t(path));
}

/** Matcher for Hub-id and license-id globs: the Hub treats ids case-insensitively. */
export const idMatcher = idGlob;
