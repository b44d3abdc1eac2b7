import picomatch from 'picomatch';

/**
 * Globs of the policy file: repository paths (overrides, waivers) and Hub ids (upstream lists,
 * waiver upstreams, license-id patterns). Checked once at load time so that a typo fails the
 * run with a line number instead of silently matching nothing.
 */

/**
 * `./models/` → `models/**`: a leading `./` or `/` means the repository root, a trailing `/` a whole
 * directory (as in the `paths` input).
 */
export function normalisePathGlob(glob: string): string {
  let g = glob.trim().replace(/^\.\//, '').replace(/^\/+/, '');
  if (g.endsWith('/')) g += '**';
  return g;
}

/** Why `glob` cannot be used, or undefined when it can. */
export function globProblem(glob: string, kind: 'path' | 'hub-id' | 'license'): string | undefined {
  const g = glob.trim();
  if (g === '') return 'is empty';
  if (g.startsWith('!')) return 'starts with `!`: negated patterns are not supported here';
  if (/\\$/.test(g)) return 'ends with a lone `\\`';
  if (kind !== 'path' && /\s/.test(g))
    return `contains whitespace, which no ${kind === 'hub-id' ? 'Hub id' : 'license id'} has`;
  if (kind === 'path') {
    const p = normalisePathGlob(g);
    if (p === '') return 'names no path';
    if (p.split('/').includes('..'))
      return 'contains `..`: paths are relative to the repository root and never leave it';
  }
  try {
    picomatch.makeRe(kind === 'path' ? normalisePathGlob(g) : g, { strictBrackets: true, dot: true });
  } catch (err) {
    return `is not a valid glob: ${(err as Error).message.replace(/ - use .*$/, '')}`;
  }
  return undefined;
}

export function isGlob(text: string): boolean {
  return /[*?[\]{}]/.test(text);
}

/** Matcher for repository-path globs (case-sensitive, dot files included). */
export function pathMatcher(globs: readonly string[]): (path: string) => boolean {
  const tests = globs.map((g) => picomatch(normalisePathGlob(g), { dot: true, windows: false }));
  return (path) => tests.some((t) => t(path));
}

/** Matcher for Hub-id and license-id globs: the Hub treats ids case-insensitively. */
export function idMatcher(glob: string): (id: string) => boolean {
  return picomatch(glob.trim(), { dot: true, nocase: true, windows: false });
}
