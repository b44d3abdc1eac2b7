import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { emptyTargets, resolveTargets } from '../../../src/cli/targets.js';
import { initRepo, tempDir } from '../../helpers/git-repo.js';

describe('resolveTargets', () => {
  it('takes the PATH’s repository, not the current directory’s; a file stands for its directory', async () => {
    const repo = initRepo();
    repo.write('a/b/adapter_config.json', '{}');
    repo.write('a/b/c/deeper.json', '{}');
    const elsewhere = tempDir('lg-targets-cwd-');
    const t = await resolveTargets(elsewhere, [join(repo.dir, 'a/b/adapter_config.json'), join(repo.dir, 'a')]);
    expect(t.root).toBe(realpathSync(repo.dir));
    expect(t.targets).toEqual([
      { arg: join(repo.dir, 'a/b/adapter_config.json'), kind: 'file', path: 'a/b/adapter_config.json' },
      { arg: join(repo.dir, 'a'), kind: 'directory', path: 'a' }
    ]);

    const file = await resolveTargets(repo.dir, ['a/b/adapter_config.json']);
    expect(['a/b/README.md', 'a/b/adapter_config.json'].every(file.include)).toBe(true);
    expect(['a/b/c/deeper.json', 'a/x.json', 'a/bb/README.md'].some(file.include)).toBe(false);
  });

  it('reaches only the directories on the way to a PATH and below it, so a walk lists no more', async () => {
    const repo = initRepo();
    repo.write('models/a/adapter_config.json', '{}');
    repo.write('models/b/README.md', '');
    repo.write('tools/x/README.md', '');
    const { include } = await resolveTargets(repo.dir, ['models/a', 'tools/x/README.md']);
    expect(['models', 'models/a', 'models/a/deeper', 'tools', 'tools/x'].every((d) => include.reaches!(d))).toBe(true);
    // Files beside a file argument count, not those below its directory.
    expect(['models/b', 'other', 'tools/x/y', 'modelsx'].some((d) => include.reaches!(d))).toBe(false);
    const atRoot = await resolveTargets(repo.dir, ['models/a/adapter_config.json']);
    expect(atRoot.include.reaches!('models/a')).toBe(true);
    expect((await resolveTargets(repo.dir, ['.'])).include.reaches!('anything')).toBe(true);
  });

  it('refuses a PATH that does not exist', async () => {
    await expect(resolveTargets(tempDir(), ['nope'])).rejects.toThrow('No such file or directory: nope');
  });
});

describe('emptyTargets', () => {
  it('names the PATHs no reported artifact belongs to', async () => {
    const dir = tempDir('lg-targets-');
    mkdirSync(join(dir, 'docs'));
    mkdirSync(join(dir, 'm'));
    writeFileSync(join(dir, 'README.md'), '');
    writeFileSync(join(dir, 'm', 'x.json'), '');
    const { targets } = await resolveTargets(dir, ['docs', 'm', 'm/x.json', 'README.md', '.']);
    expect(emptyTargets(targets, [{ dir: 'm' }]).map((t) => t.arg)).toEqual(['docs', 'README.md']);
    expect(emptyTargets(targets, [{ dir: '.' }]).map((t) => t.arg)).toEqual(['docs', 'm', 'm/x.json']);
  });
});
