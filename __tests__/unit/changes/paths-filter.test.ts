import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '../../../src/config-error.js';
import { changeMatches, filterChanges, makePathFilter } from '../../../src/changes/paths-filter.js';

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
