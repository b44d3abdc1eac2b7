import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, mkdirSync, readSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readBounded } from '../../../src/discover/read-bounded.js';
import { openInsideWorkspace, openWalkedFile } from '../../../src/files/open-inside.js';
import { tempDir } from '../../helpers/git-repo.js';

function workspace(): string {
  return realpathSync(tempDir('lg-open-'));
}

function refusal(result: ReturnType<typeof openInsideWorkspace>): string {
  if (!('refused' in result)) {
    closeSync(result.fd);
    throw new Error('expected a refusal');
  }
  return result.refused;
}

describe('openInsideWorkspace', () => {
  it('opens a regular file inside the workspace and gives its size', () => {
    const root = workspace();
    writeFileSync(join(root, 'a.bin'), 'hello');
    const opened = openInsideWorkspace(root, join(root, 'a.bin'));
    if ('refused' in opened) throw new Error(opened.refused);
    try {
      expect(opened.size).toBe(5);
      const buffer = Buffer.alloc(5);
      readSync(opened.fd, buffer, 0, 5, 0);
      expect(buffer.toString()).toBe('hello');
    } finally {
      closeSync(opened.fd);
    }
  });

  it('follows a symlink that stays inside the workspace', () => {
    const root = workspace();
    mkdirSync(join(root, 'd'));
    writeFileSync(join(root, 'd', 'real.gguf'), 'x');
    symlinkSync('d/real.gguf', join(root, 'link.gguf'));
    const opened = openInsideWorkspace(root, join(root, 'link.gguf'));
    expect('fd' in opened).toBe(true);
    if ('fd' in opened) closeSync(opened.fd);
  });

  it('refuses a symlink that points outside the workspace', () => {
    const root = workspace();
    const outside = workspace();
    writeFileSync(join(outside, 'secret'), 'token');
    symlinkSync(join(outside, 'secret'), join(root, 'model.safetensors'));
    expect(refusal(openInsideWorkspace(root, join(root, 'model.safetensors')))).toBe(
      'it is a symbolic link that points outside the repository'
    );
  });

  it('refuses a workspace sibling whose name starts like the workspace', () => {
    const root = workspace();
    writeFileSync(`${root}-other`, 'x');
    symlinkSync(`${root}-other`, join(root, 'w.gguf'));
    expect(refusal(openInsideWorkspace(root, join(root, 'w.gguf')))).toBe(
      'it is a symbolic link that points outside the repository'
    );
  });

  it('refuses a missing file and a dangling symlink', () => {
    const root = workspace();
    expect(refusal(openInsideWorkspace(root, join(root, 'nope.gguf')))).toBe('the file does not exist in the checkout');
    symlinkSync(join(root, 'gone'), join(root, 'dangling.gguf'));
    expect(refusal(openInsideWorkspace(root, join(root, 'dangling.gguf')))).toBe(
      'the file does not exist in the checkout'
    );
  });

  it('refuses a directory', () => {
    const root = workspace();
    mkdirSync(join(root, 'weights.safetensors'));
    expect(refusal(openInsideWorkspace(root, join(root, 'weights.safetensors')))).toBe('it is a directory, not a file');
  });

  it('refuses a FIFO without blocking, directly or through a symlink', () => {
    const root = workspace();
    execFileSync('mkfifo', [join(root, 'pipe.gguf')]);
    symlinkSync('pipe.gguf', join(root, 'to-pipe.safetensors'));
    // Without O_NONBLOCK the open would wait for a writer and this test would time out.
    expect(refusal(openInsideWorkspace(root, join(root, 'pipe.gguf')))).toBe('it is not a regular file');
    expect(refusal(openInsideWorkspace(root, join(root, 'to-pipe.safetensors')))).toBe('it is not a regular file');
  });

  it('refuses a symlink loop', () => {
    const root = workspace();
    symlinkSync('b', join(root, 'a'));
    symlinkSync('a', join(root, 'b'));
    expect(refusal(openInsideWorkspace(root, join(root, 'a')))).toMatch(/^it is a symbolic link that loops/);
  });

  it('refuses an unreadable file with a short reason, or opens it where the user may read anything (root)', () => {
    const root = workspace();
    const file = join(root, 'locked.gguf');
    writeFileSync(file, 'x');
    chmodSync(file, 0o000);
    const opened = openInsideWorkspace(root, file);
    if ('refused' in opened) expect(opened.refused).toBe('it cannot be read: permission denied');
    else closeSync(opened.fd); // tests run as root here: permission bits do not stop root
  });
});

describe('readBounded (through openInsideWorkspace)', () => {
  it('keeps its refusals and reads at most limit + 1 bytes', () => {
    const root = workspace();
    writeFileSync(join(root, 'big.json'), 'x'.repeat(100));
    execFileSync('mkfifo', [join(root, 'fifo.json')]);
    expect(readBounded(root, join(root, 'big.json'), 10)).toEqual({ bytes: Buffer.from('x'.repeat(11)), size: 100 });
    expect(readBounded(root, join(root, 'fifo.json'), 10)).toEqual({ refused: 'it is not a regular file' });
    expect(readBounded(root, join(root, 'missing.json'), 10)).toEqual({
      refused: 'the file does not exist in the checkout'
    });
  });
});

describe('openWalkedFile (a file the walk listed as regular: no realpath)', () => {
  it('opens it and gives its size', () => {
    const root = workspace();
    mkdirSync(join(root, 'd'));
    writeFileSync(join(root, 'd', 'a.json'), 'hello');
    const opened = openWalkedFile(root, join(root, 'd', 'a.json'));
    if ('refused' in opened) throw new Error(opened.refused);
    expect(opened.size).toBe(5);
    closeSync(opened.fd);
  });

  it('refuses what it became since the walk as openInsideWorkspace does: link out, FIFO, nothing, directory', () => {
    const root = workspace();
    const outside = workspace();
    writeFileSync(join(outside, 'secret'), 'token');
    symlinkSync(join(outside, 'secret'), join(root, 'out.json'));
    execFileSync('mkfifo', [join(root, 'pipe.json')]);
    mkdirSync(join(root, 'dir.json'));
    for (const name of ['out.json', 'pipe.json', 'dir.json', 'gone.json']) {
      const walked = openWalkedFile(root, join(root, name));
      expect(refusal(walked)).toBe(refusal(openInsideWorkspace(root, join(root, name))));
    }
    expect(refusal(openWalkedFile(root, join(root, 'out.json')))).toBe(
      'it is a symbolic link that points outside the repository'
    );
    expect(refusal(openWalkedFile(root, join(root, 'pipe.json')))).toBe('it is not a regular file');
  });

  it('still opens a file turned into a link inside the workspace, like openInsideWorkspace', () => {
    const root = workspace();
    writeFileSync(join(root, 'real.json'), 'x');
    writeFileSync(join(root, 'a.json'), 'y');
    rmSync(join(root, 'a.json'));
    symlinkSync('real.json', join(root, 'a.json'));
    const opened = openWalkedFile(root, join(root, 'a.json'));
    expect('fd' in opened).toBe(true);
    if ('fd' in opened) closeSync(opened.fd);
  });

  it('resolves a path that is not below the workspace as openInsideWorkspace does', () => {
    const root = workspace();
    writeFileSync(`${root}-other.json`, 'x');
    expect(refusal(openWalkedFile(root, `${root}-other.json`))).toBe(
      'it is a symbolic link that points outside the repository'
    );
  });
});
