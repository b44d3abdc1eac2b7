import { globProblem, pathMatcher } from '../../../src/policy/globs.js';

describe('globProblem', () => {
  it('calls a blank glob empty, whatever its kind', () => {
    expect(globProblem('', 'path')).toBe('is empty');
    expect(globProblem('   ', 'hub-id')).toBe('is empty');
  });

  it('looks at the glob without its surrounding space', () => {
    expect(globProblem('  !experiments/**', 'path')).toBe('starts with `!`: negated patterns are not supported here');
  });

  it('allows whitespace in repository paths only, and names the kind of id that never has it', () => {
    expect(globProblem('my models/**', 'path')).toBeUndefined();
    expect(globProblem('meta llama/*', 'hub-id')).toBe('contains whitespace, which no Hub id has');
    expect(globProblem('cc by-*', 'license')).toBe('contains whitespace, which no license id has');
  });

  it('checks the characters of Hub ids only', () => {
    expect(globProblem('qwen:*', 'hub-id')).toBe('contains `:`, which no Hub id has');
    expect(globProblem('gpl-2.0+*', 'license')).toBeUndefined();
  });

  it('calls a path glob that names only the root no path', () => {
    expect(globProblem('./', 'path')).toBe('names no path');
    expect(globProblem('/', 'path')).toBe('names no path');
  });

  it('checks the syntax of a path glob as normalised, and of an id glob as written', () => {
    expect(globProblem('./[a', 'path')).toBe('is not a valid glob: a `[` class is never closed (at character 1)');
    expect(globProblem('/[a', 'hub-id')).toBe('is not a valid glob: a `[` class is never closed (at character 2)');
  });
});

describe('pathMatcher', () => {
  it('matches a path that any one of the globs matches', () => {
    const matches = pathMatcher(['models/**', './experiments/']);
    expect(matches('models/a/adapter_config.json')).toBe(true);
    expect(matches('experiments/e1/lineage.yaml')).toBe(true);
    expect(matches('runs/r1/lineage.yaml')).toBe(false);
  });
});
