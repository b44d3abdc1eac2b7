/** The gate's one glob matcher: syntax, semantics, and linear time whatever the pattern. */
import fc from 'fast-check';
import {
  GlobSyntaxError,
  globSyntaxProblem,
  idGlob,
  normalisePathGlob,
  pathGlob,
  pathGlobMatchers
} from '../../../src/glob/glob.js';
import { FC_RUNS, timed } from '../../helpers/timed.js';

const matches = (glob: string, text: string) => pathGlob(glob)(text);

describe('path globs', () => {
  it.each([
    ['models/**', 'models/a/b.json', true],
    ['models/**', 'models', true],
    ['models/**', 'modelsx/a', false],
    ['**/*.json', 'a.json', true],
    ['**/*.json', 'x/y/a.json', true],
    ['**/*.json', 'x/y/a.yaml', false],
    ['a/**/b', 'a/b', true],
    ['a/**/b', 'a/x/y/b', true],
    ['a/**/b', 'a/xb', false],
    ['*', 'a/b', false],
    ['*', '.github', true],
    ['**', 'a/b/c', true],
    ['a?c', 'abc', true],
    ['a?c', 'a/c', false],
    ['a[bc]d', 'acd', true],
    ['a[!bc]d', 'acd', false],
    ['a[^bc]d', 'aed', true],
    ['a[!b]d', 'a/d', false],
    ['v[0-9]', 'v7', true],
    ['v[0-9]', 'vx', false],
    ['{a,b/c}/x', 'b/c/x', true],
    ['{a,{b,c}}/x', 'c/x', true],
    ['{a,b}/x', 'd/x', false],
    ['a\\*b', 'a*b', true],
    ['a\\*b', 'axb', false],
    ['a**b', 'axxb', true],
    ['a**b', 'ax/b', false],
    ['Models/*', 'models/x', false],
    ['exp/**/README.md', 'exp/README.md', true],
    ['naïve/*', 'naïve/ü', true],
    ['?', '😀', true]
  ])('%s against %s → %s', (glob, text, expected) => {
    expect(matches(glob, text)).toBe(expected);
  });

  it('normalises `./dir/` to a whole directory and `/x` to the root', () => {
    expect(normalisePathGlob('./models/')).toBe('models/**');
    expect(normalisePathGlob('/a/*.json')).toBe('a/*.json');
  });
});

describe('id globs', () => {
  it('match case-insensitively', () => {
    expect(idGlob('meta-llama/Llama-3*')('META-LLAMA/llama-3.1-8b')).toBe(true);
    expect(idGlob('cc-by-[n]c-*')('CC-BY-NC-4.0')).toBe(true);
    expect(idGlob('qwen/*')('Qwen/a/b')).toBe(false);
  });
});

describe('syntax problems are named, never silently matched as text', () => {
  it.each([
    ['a[bc', 'a `[` class is never closed (at character 2)'],
    ['{a,b', 'a `{` is never closed (at character 1)'],
    ['{a}', 'a `{…}` needs at least two options separated by `,` (numeric ranges `{1..3}` are not supported)'],
    ['x/{1..3}', 'a `{…}` needs at least two options'],
    ['a\\', 'the glob ends with a lone `\\`'],
    ['@(a|b)', 'extended globs like `@(a|b)` are not supported; use `{a,b}`'],
    ['[z-a]', 'the range `z-a` is reversed'],
    ['[[:alpha:]]', 'POSIX classes like `[[:alpha:]]` are not supported']
  ])('%s', (glob, problem) => {
    expect(globSyntaxProblem(glob)).toContain(problem);
    expect(() => pathGlob(glob)).toThrow(GlobSyntaxError);
  });
});

/** An independent translation to a JS RegExp, for short inputs only (it backtracks). */
function oracle(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    const segmentStart = i === 0 || glob[i - 1] === '/';
    if (c === '*' && glob[i + 1] === '*' && segmentStart && (glob[i + 2] === '/' || i + 2 === glob.length)) {
      source += glob[i + 2] === '/' ? '(?:[^/]*/)*' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '/' && glob.slice(i + 1) === '**') {
      source += '(?:/.*)?';
      i = glob.length;
    } else if (c === '*') {
      while (glob[i + 1] === '*') i++;
      source += '[^/]*';
    } else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 's');
}

describe('properties', () => {
  const small = fc.stringMatching(/^[ab*?/]{0,10}$/);
  const text = fc.stringMatching(/^[ab/]{0,12}$/);

  it('agrees with a plain RegExp translation on short inputs', () => {
    fc.assert(
      fc.property(small, text, (glob, t) => {
        expect(matches(glob, t)).toBe(oracle(glob).test(t));
      }),
      { numRuns: FC_RUNS * 10 }
    );
  });

  it('a prefix of a matching path can always continue (a walk never prunes a directory holding a match)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[ab*?/{},]{0,10}$/), text, text, (glob, prefix, rest) => {
        let m;
        try {
          m = pathGlobMatchers(glob);
        } catch {
          return;
        }
        expect(m.matches(prefix + rest)).toBe(pathGlob(glob)(prefix + rest));
        if (m.matches(prefix + rest)) expect(m.canContinue(prefix)).toBe(true);
      }),
      { numRuns: FC_RUNS * 10 }
    );
  });

  it('says when no path with a prefix can match', () => {
    const m = pathGlobMatchers('models/**/adapter_config.json');
    expect(['', 'mod', 'models/', 'models/a/b/', 'models/adapter_config.js'].every(m.canContinue)).toBe(true);
    expect(['other/', 'modelsx/', 'x', 'a/models/'].some(m.canContinue)).toBe(false);
    expect(pathGlobMatchers('**/*.json').canContinue('anything/below/')).toBe(true);
  });

  it('any string is either a matcher or a GlobSyntaxError, never another exception', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ maxLength: 40 }), (glob, t) => {
        let matcher: ((t: string) => boolean) | undefined;
        try {
          matcher = pathGlob(glob);
        } catch (err) {
          expect(err).toBeInstanceOf(GlobSyntaxError);
          expect(globSyntaxProblem(glob)).toBeDefined();
          return;
        }
        expect(globSyntaxProblem(glob)).toBeUndefined();
        expect(typeof matcher(t)).toBe('boolean');
      }),
      { numRuns: FC_RUNS }
    );
  });

  it('matches in time linear in the text, whatever the pattern (picomatch took 20 s for 60 characters)', () => {
    const starry = fc
      .array(fc.constantFrom('*', 'a', '**/', '?', '{a,*a}', '[ab]'), { minLength: 10, maxLength: 40 })
      .map((parts) => parts.join('') + 'b');
    fc.assert(
      fc.property(starry, fc.integer({ min: 1000, max: 5000 }), (glob, n) => {
        const long = 'x/' + 'a'.repeat(n);
        expect(timed(() => pathGlob(glob)(long))).toBe(false);
      }),
      { numRuns: Math.max(1, Math.ceil(FC_RUNS / 10)) }
    );
  });

  it('options nested 32 deep work; deeper is a syntax problem, not a stack overflow', () => {
    const nested = (n: number) => '{a,'.repeat(n) + 'b' + '}'.repeat(n);
    expect(pathGlob(nested(32))('b')).toBe(true);
    expect(globSyntaxProblem(nested(200))).toBe('`{…}` nests deeper than 32 levels (at character 97)');
  });

  it('a pattern of 256 stars and letters matches the longest path Linux allows in bounded time', () => {
    const long = '*a'.repeat(128);
    expect(timed(() => pathGlob(long)('a'.repeat(4_096)))).toBe(true);
    expect(timed(() => pathGlob(long)('a/'.repeat(2_048)))).toBe(false);
    expect(globSyntaxProblem('*a'.repeat(512) + 'b')).toBe('is 1025 characters long; the limit is 1024');
  });
});
