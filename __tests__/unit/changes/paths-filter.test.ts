import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { FC_RUNS } from '../../helpers/timed.js';
import { ConfigError } from '../../../src/config-error.js';
import {
  changeMatches,
  filterChanges,
  makePathFilter,
  underDirectories,
  unreachedDirectories
} from '../../../src/changes/paths-filter.js';
import { walkTree } from '../../../src/changes/full-scan.js';
import { tempDir } from '../../helpers/git-repo.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

describe('makePathFilter', () => {
  it('accepts everything when there are no patterns', () => {
    const filter = makePathFilter([]);
    expect(filter('anything/at/all.json')).toBe(true);
    expect(makePathFilter(['  ', ''])('x')).toBe(true);
  });

  it('matches dot files and directories', () => {
    const filter = makePathFilter(['**/*.json']);
    expect(filter('.hidden/adapter_config.json')).toBe(true);
    expect(filter('models/a/.config.json')).toBe(true);
    expect(filter('models/a/README.md')).toBe(false);
  });

  it('reads patterns in order: the last match decides, ! excludes', () => {
    const filter = makePathFilter(['models/**', '!models/tmp/**', 'models/tmp/keep/**']);
    expect(filter('models/a/adapter_config.json')).toBe(true);
    expect(filter('models/tmp/scratch.json')).toBe(false);
    expect(filter('models/tmp/keep/lineage.yaml')).toBe(true);
    expect(filter('docs/readme.md')).toBe(false);
  });

  it('starts from everything when only negations are given', () => {
    const filter = makePathFilter(['!**/*.md', '!examples/**']);
    expect(filter('models/a/adapter_config.json')).toBe(true);
    expect(filter('models/a/README.md')).toBe(false);
    expect(filter('examples/good/lineage.yaml')).toBe(false);
  });

  it('treats a trailing / as the whole directory and a leading ./ as the root', () => {
    const filter = makePathFilter(['./models/']);
    expect(filter('models/a/b/c.json')).toBe(true);
    expect(filter('other/models/a.json')).toBe(false);
  });

  it('refuses an empty negation', () => {
    expect(() => makePathFilter(['!'])).toThrow(ConfigError);
  });
});

/** Every directory above a path (`a`, `a/b` for `a/b/c`). */
const ancestors = (path: string) =>
  path
    .split('/')
    .slice(0, -1)
    .map((_, i, parts) => parts.slice(0, i + 1).join('/'));

describe('the directories a filter reaches (a walk enters only those)', () => {
  it('leaves out directories no positive pattern can reach; negations alone reach everywhere', () => {
    const filter = makePathFilter(['models/**', '!models/tmp/**', 'docs/*.md']);
    expect(['models', 'models/a', 'models/tmp', 'docs'].every((d) => filter.reaches!(d))).toBe(true);
    expect(['other', 'docs2', 'node'].some((d) => filter.reaches!(d))).toBe(false);
    expect(makePathFilter(['!vendor/**']).reaches).toBeUndefined();
    expect(makePathFilter([]).reaches).toBeUndefined();
  });

  it('never leaves out a directory above a path the filter passes', () => {
    const segment = fc.constantFrom('a', 'b', 'ab', '.c');
    const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => s.join('/'));
    const pattern = fc
      .tuple(
        fc.boolean(),
        fc.array(fc.constantFrom('a', 'b', '*', '**', 'a*', '{a,b}', '?b'), { minLength: 1, maxLength: 4 })
      )
      .map(([negated, parts]) => (negated ? '!' : '') + parts.join('/'));
    fc.assert(
      fc.property(fc.array(pattern, { maxLength: 4 }), fc.array(path, { maxLength: 8 }), (patterns, paths) => {
        const filter = makePathFilter(patterns);
        for (const p of paths.filter(filter))
          for (const dir of ancestors(p)) expect(filter.reaches?.(dir) ?? true).toBe(true);
      }),
      { numRuns: FC_RUNS * 5 }
    );
  });

  it('underDirectories passes what lies in or below one of its directories, however many there are', () => {
    const segment = fc.constantFrom('a', 'b', 'ab', 'a.b');
    const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => s.join('/'));
    fc.assert(
      fc.property(fc.array(fc.oneof(path, fc.constant('')), { maxLength: 5 }), fc.array(path), (dirs, paths) => {
        const filter = underDirectories(dirs);
        const naive = (p: string) => dirs.some((d) => d === '' || p === d || p.startsWith(`${d}/`));
        for (const p of paths) {
          expect(filter(p)).toBe(naive(p));
          const reachesNaive = dirs.some((d) => naive(p) || d.startsWith(`${p}/`));
          expect(filter.reaches?.(p) ?? true).toBe(reachesNaive);
        }
      }),
      { numRuns: FC_RUNS * 3 }
    );
  });

  it('a walk with the filter lists what it would list without, and does not enter the rest', () => {
    const dir = tempDir('lg-reach-');
    for (const p of ['models/a/adapter_config.json', 'models/b/README.md', 'other/x/y.json', 'modelsx/z.json']) {
      mkdirSync(join(dir, p, '..'), { recursive: true });
      writeFileSync(join(dir, p), '{}');
    }
    for (const filter of [makePathFilter(['models/**']), underDirectories(['models'])]) {
      const entered: string[] = [];
      const walked = [...walkTree(dir, { ignore: unreachedDirectories(filter), onDirectory: (d) => entered.push(d) })];
      expect(walked.filter(filter)).toEqual([...walkTree(dir)].filter(filter));
      expect(entered).toEqual(['models', 'models/a', 'models/b']);
    }
  });
});

describe('changeMatches / filterChanges', () => {
  const filter = makePathFilter(['models/**', '!models/archive/**']);

  it('keeps a rename when either side is in scope', () => {
    expect(
      changeMatches(filter, {
        path: 'models/archive/old.json',
        status: 'renamed',
        previousPath: 'models/live/old.json'
      })
    ).toBe(true);
    expect(
      changeMatches(filter, { path: 'models/live/new.json', status: 'renamed', previousPath: 'elsewhere/new.json' })
    ).toBe(true);
    expect(
      changeMatches(filter, { path: 'models/archive/x.json', status: 'renamed', previousPath: 'docs/x.json' })
    ).toBe(false);
  });

  it('filters a list', () => {
    const kept = filterChanges(
      [
        { path: 'models/a.json', status: 'added' },
        { path: 'models/archive/b.json', status: 'modified' },
        { path: 'README.md', status: 'removed' }
      ],
      filter
    );
    expect(kept).toEqual([{ path: 'models/a.json', status: 'added' }]);
  });
});

describe('invalid `paths` globs', () => {
  it('are a configuration error naming the pattern and the problem', () => {
    expect(() => makePathFilter(['models/**', 'a[bc'])).toThrow(
      'Input `paths` has an invalid glob "a[bc": a `[` class is never closed (at character 2).'
    );
  });
});
