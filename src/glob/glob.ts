import { compile, matcher, matchers, type Matchers } from './nfa.js';
import { GlobSyntaxError, parseGlob } from './parse.js';

/**
 * The one glob matcher of the gate: the `paths` input, the policy's overrides and waivers (paths),
 * its upstream and license patterns (ids). Linear in the text whatever the pattern: a policy comes
 * from the pull request itself unless `policy-ref: base`.
 */

export { GlobSyntaxError };

export type Matcher = (text: string) => boolean;

/** Matcher for repository paths (case-sensitive); `glob` as normalised by `normalisePathGlob`. */
export function pathGlob(glob: string): Matcher {
  return pathGlobMatchers(glob).matches;
}

/** pathGlob, and whether any path that starts with a given prefix could match (to prune a walk). */
export function pathGlobMatchers(glob: string): Matchers {
  return matchers(compile(parseGlob(glob, { nocase: false })));
}

/** Matcher for Hub ids and license ids: the Hub resolves ids case-insensitively. */
export function idGlob(glob: string): Matcher {
  return matcherOf(glob.trim(), true);
}

function matcherOf(glob: string, nocase: boolean): Matcher {
  return matcher(compile(parseGlob(glob, { nocase })));
}

/** Why `glob` is not valid syntax, or undefined. */
export function globSyntaxProblem(glob: string): string | undefined {
  try {
    parseGlob(glob);
    return undefined;
  } catch (err) {
    if (err instanceof GlobSyntaxError) return err.message;
    throw err;
  }
}

/**
 * `./models/` → `models/**`: a leading `./` or `/` means the repository root, a trailing `/` a whole
 * directory (as in the `paths` input).
 */
export function normalisePathGlob(glob: string): string {
  let g = glob.trim().replace(/^\.\//, '').replace(/^\/+/, '');
  if (g.endsWith('/')) g += '**';
  return g;
}

export function isGlob(text: string): boolean {
  return /[*?[\]{}]/.test(text);
}
