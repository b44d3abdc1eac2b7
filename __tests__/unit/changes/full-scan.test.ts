import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { walkFiles, walkTree } from '../../../src/changes/full-scan.js';
import { removeDir, tempDir } from '../../helpers/git-repo.js';

let root: string;
let outside: string;

function put(path: string, content = 'x'): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}

function collect(iterable: Iterable<string>): string[] {
  return [...iterable];
}

beforeAll(() => {
  root = tempDir('lineage-gate-walk-');
  outside = tempDir('lineage-gate-outside-');
  writeFileSync(join(outside, 'secret.json'), '{}');
  mkdirSync(join(outside, 'dir'));
  writeFileSync(join(outside, 'dir', 'inner.json'), '{}');
  put('b/adapter_config.json');
  put('a/README.md');
  put('a/nested/deeper/lineage.yaml');
  put('.github/lineage-policy.yml');
  put('with space/ünï.json');
  put('.git/config');
  put('.git/objects/ab/cdef');
  put('node_modules/pkg/package.json');
  put('sub/node_modules/pkg/index.js');
  put('submodule/.git', 'gitdir: ../.git/modules/submodule');
  put('submodule/model.json');
  symlinkSync('../b/adapter_config.json', join(root, 'a/link-inside.json'));
  symlinkSync(join(outside, 'secret.json'), join(root, 'a/link-outside.json'));
  symlinkSync('../a', join(root, 'b/linked-dir'));
  symlinkSync(join(outside, 'dir'), join(root, 'outside-dir'));
  symlinkSync('nowhere.json', join(root, 'broken.json'));
});

afterAll(() => {
  removeDir(root);
  removeDir(outside);
});

describe('walkTree', () => {
  it('yields regular files (/ separators) in name order, skipping .git, node_modules and unsafe symlinks', async () => {
    const skipped: [string, string][] = [];
    const paths = collect(walkTree(root, { onSkip: (p, why) => skipped.push([p, why]) }));
    expect(paths).toEqual([
      '.github/lineage-policy.yml',
      'a/README.md',
      'a/link-inside.json',
      'a/nested/deeper/lineage.yaml',
      'b/adapter_config.json',
      'submodule/model.json',
      'with space/ünï.json'
    ]);
    expect(skipped).toEqual([
      ['a/link-outside.json', 'symlink pointing outside the repository'],
      ['b/linked-dir', 'symlinked directory (not followed)'],
      ['broken.json', 'symlink to nothing'],
      ['outside-dir', 'symlink pointing outside the repository']
    ]);
  });

  it('walkFiles tells the links to files inside from the files (opened without a realpath)', () => {
    const links = [...walkFiles(root)].filter((f) => f.link).map((f) => f.path);
    expect(links).toEqual(['a/link-inside.json']);
    expect([...walkFiles(root)].map((f) => f.path)).toEqual(collect(walkTree(root)));
  });

  it('does not enter directories the ignore callback leaves out, and drops ignored files', async () => {
    const asked: string[] = [];
    const paths = collect(
      walkTree(root, {
        ignore: (path, kind) => {
          asked.push(`${kind}:${path}`);
          return path === 'a' || path.endsWith('.yml');
        }
      })
    );
    expect(paths).toEqual(['b/adapter_config.json', 'submodule/model.json', 'with space/ünï.json']);
    expect(asked).toContain('directory:a');
    expect(asked.some((p) => p.startsWith('file:a/'))).toBe(false);
  });

  it('streams: directories are read as the walk reaches them, not up front', async () => {
    const iterator = walkTree(root)[Symbol.iterator]();
    expect(iterator.next().value).toBe('.github/lineage-policy.yml');
    // Created after the walk started: seen only if 'with space/' is listed when reached.
    put('with space/zz-late.json');
    try {
      const rest: string[] = [];
      for (let next = iterator.next(); !next.done; next = iterator.next()) rest.push(next.value);
      expect(rest).toContain('with space/zz-late.json');
    } finally {
      removeDir(join(root, 'with space/zz-late.json'));
    }
  });

  it('walks a tree reached through a symlinked root', async () => {
    const linkParent = tempDir('lineage-gate-rootlink-');
    symlinkSync(root, join(linkParent, 'repo'));
    try {
      const paths = collect(walkTree(join(linkParent, 'repo')));
      expect(paths).toContain('a/link-inside.json');
      expect(paths).not.toContain('a/link-outside.json');
    } finally {
      removeDir(linkParent);
    }
  });
});

describe('directories the walk cannot list', () => {
  it('are told to onUnlistable with the reason, and the walk goes on', () => {
    const dir = tempDir('lineage-gate-walk-long-');
    // Two chains of 250 levels, the second moved under the first: no single call passes PATH_MAX (4,096).
    const chain = Array(250).fill('dddddddd').join('/');
    const other = tempDir('lineage-gate-walk-chain-');
    mkdirSync(join(dir, chain), { recursive: true });
    mkdirSync(join(other, chain), { recursive: true });
    renameSync(join(other, 'dddddddd'), join(dir, chain, 'dddddddd'));
    writeFileSync(join(dir, 'z.json'), '{}');
    const unlistable: [string, string][] = [];
    const files = collect(walkTree(dir, { onUnlistable: (path, reason) => unlistable.push([path, reason]) }));
    expect(files).toEqual(['z.json']);
    expect(unlistable).toHaveLength(1);
    expect(unlistable[0][1]).toBe('its path is longer than the system allows');
    expect(unlistable[0][0].split('/').length).toBeGreaterThan(400);
    expect(() => collect(walkTree(dir))).toThrow(/ENAMETOOLONG/);
    execFileSync('rm', ['-rf', dir]);
  });
});
