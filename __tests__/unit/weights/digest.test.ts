import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, ftruncateSync, openSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sha256OfFile } from '../../../src/weights/digest.js';
import { tempDir } from '../../helpers/git-repo.js';
import { lfsPointerText, writeLfsPointerFor } from '../../helpers/weights.js';

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

function workspace(files: Record<string, string | Buffer> = {}): string {
  const root = realpathSync(tempDir('lg-digest-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(root, name), content);
  return root;
}

describe('sha256OfFile', () => {
  it('hashes the bytes of small, empty and multi-chunk files', async () => {
    const big = Buffer.alloc(3 * 1024 * 1024 + 7, 'lineage');
    const root = workspace({ 'a.bin': 'hello', 'empty.gguf': '', 'big.safetensors': big });
    expect(await sha256OfFile(root, join(root, 'a.bin'))).toEqual({ sha256: sha256('hello'), via: 'file', size: 5 });
    expect(await sha256OfFile(root, join(root, 'empty.gguf'))).toEqual({ sha256: sha256(''), via: 'file', size: 0 });
    expect(await sha256OfFile(root, join(root, 'big.safetensors'))).toEqual({
      sha256: sha256(big),
      via: 'file',
      size: big.length
    });
  });

  it('takes the oid and size of an LFS pointer instead of hashing the pointer', async () => {
    const root = workspace();
    const content = Buffer.from('the real weights');
    writeLfsPointerFor(join(root, 'w.safetensors'), content);
    expect(await sha256OfFile(root, join(root, 'w.safetensors'))).toEqual({
      sha256: sha256(content),
      via: 'lfs-pointer',
      size: content.length
    });
  });

  it('is unverifiable for a damaged pointer, a FIFO, a symlink out and a missing file', async () => {
    const root = workspace({ 'damaged.gguf': 'version https://git-lfs.github.com/spec/v1\noid sha256:xyz\nsize 1\n' });
    const outside = workspace({ 'secret.bin': lfsPointerText('cd'.repeat(32), 1) });
    execFileSync('mkfifo', [join(root, 'pipe.bin')]);
    symlinkSync(join(outside, 'secret.bin'), join(root, 'out.bin'));
    const digest = (name: string) => sha256OfFile(root, join(root, name));
    expect(await digest('damaged.gguf')).toEqual({
      unverifiable: 'it is a Git LFS pointer without a valid sha256 oid and size, not the weights'
    });
    expect(await digest('pipe.bin')).toEqual({ unverifiable: 'it is not a regular file' });
    expect(await digest('out.bin')).toEqual({
      unverifiable: 'it is a symbolic link that points outside the repository'
    });
    expect(await digest('missing.bin')).toEqual({ unverifiable: 'the file does not exist in the checkout' });
  });

  it('hashes a 2 GiB sparse file like sha256sum, in flat memory', async () => {
    const root = workspace();
    const path = join(root, 'huge.gguf');
    const size = 2 * 1024 * 1024 * 1024;
    const fd = openSync(path, 'w');
    ftruncateSync(fd, size);
    closeSync(fd);
    // sha256sum runs on the other core meanwhile.
    const expected = promisify(execFile)('sha256sum', [path]).then(({ stdout }) => stdout.split(' ')[0]);
    const before = process.memoryUsage().rss;
    const digest = await sha256OfFile(root, path);
    const growth = process.memoryUsage().rss - before;
    const sha256sum = await expected;
    rmSync(root, { recursive: true, force: true });
    expect(digest).toEqual({ sha256: sha256sum, via: 'file', size });
    expect(growth).toBeLessThan(64 * 1024 * 1024);
  }, 60_000); // sha256sum alone takes ~10 s here; more on a busy machine
});
