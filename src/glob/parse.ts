/**
 * Glob syntax → a small regular-expression tree. The tree has no back-references and no
 * look-arounds, so `nfa.ts` can match it in time linear in the text (picomatch compiles to
 * backtracking RegExps: `**\/*a*a*a*a*a*a*a*a*b` against 60 characters took 20 s).
 *
 * Syntax: `*` (any run without `/`), `**` as a whole segment (any number of segments), `?` (one
 * character but `/`), `[abc]` `[a-z]` `[!a]` `[^a]` (never `/`), `{a,b}` (nestable), `\` escapes.
 */

export type CharTest = (c: string) => boolean;

export type GlobNode =
  | { kind: 'char'; test: CharTest }
  | { kind: 'seq'; items: GlobNode[] }
  | { kind: 'alt'; options: GlobNode[] }
  | { kind: 'star'; item: GlobNode }
  | { kind: 'optional'; item: GlobNode };

export class GlobSyntaxError extends Error {}

export interface ParseOptions {
  /** Compare letters case-insensitively (Hub and license ids). */
  nocase?: boolean;
}

const SLASH = '/';
const notSlash: CharTest = (c) => c !== SLASH;
const anyChar: CharTest = () => true;
/** Longer than any real path or id glob; keeps compiling (and a pattern's automaton) small. */
const MAX_GLOB_LENGTH = 1_024;
/** Parsing and compiling recurse per `{…}` level; no real glob nests more than a few. */
const MAX_BRACE_DEPTH = 32;
const EXTGLOB = new Set(['@', '!', '+', '*', '?']);

const char = (test: CharTest): GlobNode => ({ kind: 'char', test });
const seq = (items: GlobNode[]): GlobNode => ({ kind: 'seq', items });
const star = (item: GlobNode): GlobNode => ({ kind: 'star', item });
const optional = (item: GlobNode): GlobNode => ({ kind: 'optional', item });

function literal(c: string, nocase: boolean): GlobNode {
  if (!nocase) return char((x) => x === c);
  const lower = c.toLowerCase();
  return char((x) => x.toLowerCase() === lower);
}

/** Parses `glob` into a tree matched against the whole text; throws GlobSyntaxError naming the problem. */
export function parseGlob(glob: string, options: ParseOptions = {}): GlobNode {
  if (glob.length > MAX_GLOB_LENGTH)
    throw new GlobSyntaxError(`is ${glob.length} characters long; the limit is ${MAX_GLOB_LENGTH}`);
  const chars = Array.from(glob);
  const nocase = options.nocase === true;
  let pos = 0;
  let braceDepth = 0;

  const problem = (why: string): never => {
    throw new GlobSyntaxError(`${why} (at character ${pos + 1})`);
  };

  const atSegmentStart = (i: number) => i === 0 || chars[i - 1] === SLASH;
  /** Whether the pattern (or this brace option) ends at `i`. */
  const endsAfterGlobstar = (i: number, inBraces: boolean) =>
    chars[i] === undefined || (inBraces && (chars[i] === ',' || chars[i] === '}'));

  /** `**` standing alone between slashes (or the ends): several segments, not one. */
  function globstar(inBraces: boolean): GlobNode | undefined {
    if (chars[pos] !== '*' || chars[pos + 1] !== '*' || !atSegmentStart(pos)) return undefined;
    if (chars[pos + 2] === SLASH) {
      pos += 3;
      // `**/` → zero or more whole segments, each with its slash.
      return star(seq([star(char(notSlash)), char((c) => c === SLASH)]));
    }
    if (!endsAfterGlobstar(pos + 2, inBraces)) return undefined;
    pos += 2;
    return star(char(anyChar));
  }

  function bracket(): GlobNode {
    const start = pos;
    pos++; // '['
    let negated = false;
    if (chars[pos] === '!' || chars[pos] === '^') {
      negated = true;
      pos++;
    }
    const tests: CharTest[] = [];
    let first = true;
    while (pos < chars.length && (chars[pos] !== ']' || first)) {
      first = false;
      if (chars[pos] === '[' && chars[pos + 1] === ':') problem('POSIX classes like `[[:alpha:]]` are not supported');
      let lo = chars[pos];
      if (lo === '\\') lo = chars[++pos] ?? problem('a `[` class ends with a lone `\\`');
      pos++;
      if (chars[pos] === '-' && chars[pos + 1] !== undefined && chars[pos + 1] !== ']') {
        let hi = chars[pos + 1];
        pos += 2;
        if (hi === '\\') hi = chars[pos++] ?? problem('a `[` class ends with a lone `\\`');
        const [a, b] = [lo.codePointAt(0)!, hi.codePointAt(0)!];
        if (a > b) problem(`the range \`${lo}-${hi}\` is reversed`);
        tests.push(nocase ? (c) => inRangeNocase(c, a, b) : (c) => inRange(c, a, b));
      } else {
        tests.push(nocase ? (c) => c.toLowerCase() === lo.toLowerCase() : (c) => c === lo);
      }
    }
    if (pos >= chars.length) {
      pos = start;
      problem('a `[` class is never closed');
    }
    pos++; // ']'
    const inClass = (c: string) => tests.some((t) => t(c));
    return char((c) => c !== SLASH && inClass(c) !== negated);
  }

  /** A sequence up to the end, or (inside braces) up to the `,` or `}` that ends this option. */
  function sequence(inBraces: boolean): GlobNode {
    const items: GlobNode[] = [];
    while (pos < chars.length) {
      const c = chars[pos];
      if (inBraces && (c === ',' || c === '}')) break;
      const many = globstar(inBraces);
      if (many) {
        items.push(many);
        continue;
      }
      if (c === SLASH && endsAfterGlobstar(pos + 3, inBraces) && chars[pos + 1] === '*' && chars[pos + 2] === '*') {
        // `dir/**` also matches `dir` itself, as picomatch does.
        pos += 3;
        items.push(optional(seq([char((x) => x === SLASH), star(char(anyChar))])));
      } else if (EXTGLOB.has(c) && chars[pos + 1] === '(') {
        problem('extended globs like `@(a|b)` are not supported; use `{a,b}`');
      } else if (c === '*') {
        while (chars[pos] === '*') pos++;
        items.push(star(char(notSlash)));
      } else if (c === '?') {
        pos++;
        items.push(char(notSlash));
      } else if (c === '[') {
        items.push(bracket());
      } else if (c === '{') {
        items.push(braces());
      } else if (c === '\\') {
        const next = chars[pos + 1] ?? problem('the glob ends with a lone `\\`');
        pos += 2;
        items.push(literal(next, nocase));
      } else {
        pos++;
        items.push(literal(c, nocase));
      }
    }
    return seq(items);
  }

  function braces(): GlobNode {
    const start = pos;
    if (++braceDepth > MAX_BRACE_DEPTH) problem(`\`{…}\` nests deeper than ${MAX_BRACE_DEPTH} levels`);
    pos++; // '{'
    const options: GlobNode[] = [sequence(true)];
    while (chars[pos] === ',') {
      pos++;
      options.push(sequence(true));
    }
    if (chars[pos] !== '}') {
      pos = start;
      problem('a `{` is never closed');
    }
    pos++;
    braceDepth--;
    if (options.length === 1) {
      pos = start;
      problem('a `{…}` needs at least two options separated by `,` (numeric ranges `{1..3}` are not supported)');
    }
    return { kind: 'alt', options };
  }

  return sequence(false);
}

function inRange(c: string, lo: number, hi: number): boolean {
  const code = c.codePointAt(0)!;
  return code >= lo && code <= hi;
}

function inRangeNocase(c: string, lo: number, hi: number): boolean {
  return inRange(c, lo, hi) || inRange(c.toLowerCase(), lo, hi) || inRange(c.toUpperCase(), lo, hi);
}
