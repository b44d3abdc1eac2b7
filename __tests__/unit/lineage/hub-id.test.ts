import { hubIdProblem, isFullSha } from '../../../src/lineage/hub-id.js';

describe('hubIdProblem', () => {
  it.each(['gpt2', 'Qwen/Qwen2.5-7B', 'Foo-BAR_foo.bar123', 'microsoft/phi-1_5', 'a/b', `x/${'n'.repeat(96)}`])(
    'accepts %s',
    (id) => {
      expect(hubIdProblem(id)).toBeUndefined();
    }
  );

  it.each([
    ['', 'is empty'],
    ['Meta Llama/Llama 3', 'contains a space'],
    ['org/name\t', 'contains whitespace'],
    ['/org/name', "starts with '/'"],
    ['org/name/', "ends with '/'"],
    ['org\\name', "contains '\\'"],
    ['datasets/foo/bar', "has more than one '/'"],
    ['/x', "starts with '/'"],
    ['org/', "ends with '/'"],
    ['qwen2.5:7b', "contains ':'"],
    ['org/name@main', "contains '@'"],
    ['org/namé', "contains the non-ASCII character 'é'"],
    ['org/nаme', "contains the non-ASCII character 'а'"], // Cyrillic a, looks like ASCII
    ['org/a\x7fb', "contains '\x7f'"], // DEL is ASCII, though not allowed
    ['foo--bar', "contains '--'"],
    ['foo--bar/x', "contains '--'"],
    ['org/a..b', "contains '..'"],
    ['.x', "the name starts with '.'"],
    ['-org/x', "the namespace starts with '-'"],
    ['org-/x', "the namespace ends with '-'"],
    ['org/x.', "the name ends with '.'"],
    [`x/${'n'.repeat(97)}`, 'the name is longer than 96 characters'],
    ['foo.git', "ends in '.git'"],
    ['org/Repo.GIT', "ends in '.git'"]
  ])('rejects %j: %s', (id, reason) => {
    expect(hubIdProblem(id)).toBe(reason);
  });
});

describe('isFullSha', () => {
  it('accepts exactly 40 hex digits', () => {
    expect(isFullSha('488639f1ff808d1d3d0ba301aef8c11461451ec5')).toBe(true);
    expect(isFullSha('488639F1FF808D1D3D0BA301AEF8C11461451EC5')).toBe(true);
  });
  it.each([
    'main',
    'v1.0',
    'refs/pr/1',
    '488639f',
    '488639f1ff808d1d3d0ba301aef8c11461451ec5a',
    '488639f1ff808d1d3d0ba301aef8c11461451ecg',
    ''
  ])('rejects %j', (s) => {
    expect(isFullSha(s)).toBe(false);
  });
});
