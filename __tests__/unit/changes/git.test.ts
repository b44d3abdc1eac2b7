import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../../../src/config-error.js';
import {
  gitDiffChanges,
  isSafeRef,
  parseNameStatus,
  parsePatchLines,
  unquoteGitPath
} from '../../../src/changes/git.js';
import { bareClone, removeDir, shallowClone, tempDir } from '../../helpers/git-repo.js';
import { buildHistory, FEATURE_CHANGES, type History } from './history.js';

const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : 1);
let history: History;
const cleanup: string[] = [];

beforeAll(() => {
  history = buildHistory();
  cleanup.push(history.repo.dir);
});
afterAll(() => cleanup.forEach(removeDir));

describe('parseNameStatus', () => {
  it('reads NUL-separated statuses, renames and copies with scores', () => {
    const out = [
      'A',
      'a b/ü.json',
      'M',
      'x.json',
      'T',
      'link',
      'D',
      'gone',
      'R087',
      'old name',
      'new name',
      'C100',
      'src',
      'copy',
      ''
    ].join('\0');
    expect(parseNameStatus(out)).toEqual([
      { path: 'a b/ü.json', status: 'added' },
      { path: 'x.json', status: 'modified' },
      { path: 'link', status: 'modified' },
      { path: 'gone', status: 'removed' },
      { path: 'new name', status: 'renamed', previousPath: 'old name' },
      { path: 'copy', status: 'added' }
    ]);
  });

  it('refuses output it does not understand', () => {
    expect(() => parseNameStatus('R100\0only-one\0')).toThrow(/two paths/);
    expect(() => parseNameStatus('Z\0what\0')).toThrow(/Unexpected git diff status/);
  });
});

describe('isSafeRef', () => {
  it.each([
    'main',
    'origin/main',
    'refs/heads/feature/x-1',
    'v1.2.3',
    'HEAD',
    'HEAD~2',
    'HEAD^',
    'a'.repeat(40),
    'release_2024.10'
  ])('accepts %s', (ref) => {
    expect(isSafeRef(ref)).toBe(true);
  });
  it.each([
    '--upload-pack=x',
    '-x',
    'a;b',
    'a b',
    'a..b',
    'a:b',
    '+main',
    'HEAD@{1}',
    '@{-1}',
    'main.lock',
    'main/',
    'a//b',
    '$(id)',
    '`id`',
    'a\nb',
    '',
    'x'.repeat(256)
  ])('refuses %j', (ref) => {
    expect(isSafeRef(ref)).toBe(false);
  });
});

describe('gitDiffChanges', () => {
  it('lists what feature changed since it left main (merge-base mode), with renames, spaces and unicode', async () => {
    const changes = await gitDiffChanges({
      cwd: history.repo.dir,
      base: history.main,
      head: history.feature,
      mode: 'merge-base'
    });
    expect(changes.sort(byPath)).toEqual([...FEATURE_CHANGES].sort(byPath));
  });

  it('also lists what main changed in two-dot mode', async () => {
    const changes = await gitDiffChanges({ cwd: history.repo.dir, base: 'main', head: 'feature', mode: 'two-dot' });
    expect(changes.sort(byPath)).toEqual([...FEATURE_CHANGES, { path: 'keep.txt', status: 'modified' }].sort(byPath));
  });

  it('fetches a base missing from a shallow checkout, deepens it to find the merge base, and logs both', async () => {
    const origin = bareClone(history.repo);
    const clone = shallowClone(origin, 'feature');
    cleanup.push(join(origin, '..'), join(clone.dir, '..'));
    expect(() => clone.git('cat-file', '-e', `${history.main}^{commit}`)).toThrow();
    const log: string[] = [];
    const changes = await gitDiffChanges({
      cwd: clone.dir,
      base: history.main,
      head: history.feature,
      mode: 'merge-base',
      log: (m) => log.push(m)
    });
    expect(changes.sort(byPath)).toEqual([...FEATURE_CHANGES].sort(byPath));
    expect(log[0]).toContain(
      `${history.main} is not in the local checkout: fetching ` +
        `it (git fetch --no-tags --depth=50 origin ${history.main})`
    );
    expect(log.some((m) => m.startsWith('No merge base') && m.includes('deepening'))).toBe(true);
  });

  it('fetches a branch name that the single-branch checkout lacks', async () => {
    const origin = bareClone(history.repo);
    const clone = shallowClone(origin, 'feature');
    cleanup.push(join(origin, '..'), join(clone.dir, '..'));
    const log: string[] = [];
    const changes = await gitDiffChanges({
      cwd: clone.dir,
      base: 'main',
      head: 'HEAD',
      mode: 'two-dot',
      log: (m) => log.push(m)
    });
    expect(changes.map((c) => c.path)).toContain('keep.txt');
    expect(log).toEqual([expect.stringContaining('main is not in the local checkout: fetching it')]);
  });

  it('throws a clear error when the base exists nowhere', async () => {
    const origin = bareClone(history.repo);
    const clone = shallowClone(origin, 'feature');
    cleanup.push(join(origin, '..'), join(clone.dir, '..'));
    const missing = 'f'.repeat(40);
    await expect(gitDiffChanges({ cwd: clone.dir, base: missing, head: 'HEAD' })).rejects.toThrow(
      `Cannot diff: ${missing} is not in the local checkout and \`git fetch origin ${missing}\` failed`
    );
  });

  it('throws when the directory is not a git checkout', async () => {
    const dir = tempDir();
    cleanup.push(dir);
    await expect(gitDiffChanges({ cwd: dir, base: 'main', head: 'HEAD' })).rejects.toThrow(
      `Cannot diff: ${dir} is not a git checkout`
    );
  });

  it.each(['--upload-pack=touch pwned', 'a;b', '--output=pwned'])(
    'refuses ref text %j before running git',
    async (ref) => {
      const dir = history.repo.dir;
      await expect(gitDiffChanges({ cwd: dir, base: ref, head: 'HEAD' })).rejects.toThrow(ConfigError);
      await expect(gitDiffChanges({ cwd: dir, base: 'main', head: ref })).rejects.toThrow(/Refusing head revision/);
      expect(existsSync(join(dir, 'pwned'))).toBe(false);
    }
  );
});

describe('gitDiffChanges with diff lines', () => {
  it('gives each changed text file the head-side lines of its hunks, as the files API patch would', async () => {
    const changes = await gitDiffChanges({
      cwd: history.repo.dir,
      base: history.main,
      head: history.feature,
      mode: 'merge-base',
      withDiffLines: true
    });
    const byFile = Object.fromEntries(changes.map((c) => [c.path, c.diffLines]));
    expect(byFile).toEqual({
      'models/b/README.md': [[1, 4]],
      'models/c/adapter_model.safetensors': undefined, // removed
      'models/renamed/adapter_config.json': undefined, // renamed unchanged: no hunks
      'models/with space/lineage.yaml': [[1, 1]],
      'models/ünïcödé/README.md': [[1, 3]]
    });
  });
});

describe('parsePatchLines', () => {
  it('reads hunks per file, through quoted paths, deletions and content that looks like a header', () => {
    const output = [
      'diff --git a/new.json b/new.json',
      'new file mode 100644',
      '--- /dev/null',
      '+++ b/new.json',
      '@@ -0,0 +1,3 @@',
      '+{',
      '++++ not a header',
      '+}',
      'diff --git "a/caf\\303\\251/x.yaml" "b/caf\\303\\251/x.yaml"',
      '--- "a/caf\\303\\251/x.yaml"',
      '+++ "b/caf\\303\\251/x.yaml"',
      '@@ -10,7 +10,8 @@ key:',
      ' a',
      '@@ -40 +41 @@',
      '-b',
      '+c',
      'diff --git a/gone.json b/gone.json',
      'deleted file mode 100644',
      '--- a/gone.json',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-x',
      'diff --git a/w.bin b/w.bin',
      'Binary files a/w.bin and b/w.bin differ',
      'diff --git a/with space/x.json b/with space/x.json',
      '--- a/with space/x.json\t',
      '+++ b/with space/x.json\t',
      '@@ -2 +2 @@',
      '-a',
      '+b'
    ].join('\n');
    expect([...parsePatchLines(output)]).toEqual([
      ['new.json', [[1, 3]]],
      [
        'café/x.yaml',
        [
          [10, 17],
          [41, 41]
        ]
      ],
      ['with space/x.json', [[2, 2]]]
    ]);
  });

  it('unquotes C-style paths', () => {
    expect(unquoteGitPath('"b/a\\"b\\\\c\\td"')).toBe('b/a"b\\c\td');
    expect(unquoteGitPath('b/plain name')).toBe('b/plain name');
  });
});
