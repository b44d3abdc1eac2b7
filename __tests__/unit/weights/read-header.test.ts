import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWeightHeader } from '../../../src/weights/read-header.js';
import { tempDir } from '../../helpers/git-repo.js';
import {
  ggufBytes,
  lfsPointerText,
  safetensorsBytes,
  writeLfsPointerFor,
  writeSafetensors
} from '../../helpers/weights.js';

const OID = 'ab'.repeat(32);

function workspace(files: Record<string, string | Buffer> = {}): string {
  const root = realpathSync(tempDir('lg-header-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(root, name), content);
  return root;
}

const headerOf = (root: string, name: string) => readWeightHeader(root, join(root, name));

describe('readWeightHeader', () => {
  it('reads a GGUF file by its name, confirmed by its magic', () => {
    const root = workspace({
      'model.gguf': ggufBytes({ entries: [['general.license', 'string', 'mit']] }),
      'MODEL.GGUF': ggufBytes({ entries: [] }),
      'fake.gguf': 'not gguf at all, just text that is long enough'
    });
    expect(headerOf(root, 'model.gguf')).toEqual({
      kind: 'gguf',
      version: 3,
      tensorCount: 0,
      entries: [{ key: 'general.license', value: 'mit', offset: 24 }]
    });
    expect(headerOf(root, 'MODEL.GGUF')).toMatchObject({ kind: 'gguf' });
    expect(headerOf(root, 'fake.gguf')).toEqual({
      kind: 'unreadable',
      reason: 'it does not start with the GGUF magic "GGUF" (its first bytes are 0x6e 0x6f 0x74 0x20)'
    });
  });

  it('reads a safetensors file, also a small one and a sparse one', () => {
    const root = workspace({ 'tiny.safetensors': safetensorsBytes([{ name: 'w', dtype: 'F16', shape: [2] }]) });
    writeSafetensors(
      join(root, 'big.safetensors'),
      [{ name: 'w', dtype: 'F32', shape: [4096, 4096] }],
      { a: 'b' },
      {
        sparse: true
      }
    );
    expect(headerOf(root, 'tiny.safetensors')).toEqual({
      kind: 'safetensors',
      tensors: [{ name: 'w', dtype: 'F16', shape: [2] }],
      metadata: {}
    });
    expect(headerOf(root, 'big.safetensors')).toEqual({
      kind: 'safetensors',
      tensors: [{ name: 'w', dtype: 'F32', shape: [4096, 4096] }],
      metadata: { a: 'b' }
    });
  });

  it('recognises an LFS pointer by content, whatever the name, with the size of the real file', () => {
    const root = workspace({ 'a.bin': lfsPointerText(OID, 5_000_000_000) });
    const content = safetensorsBytes([{ name: 'w', dtype: 'F16', shape: [8] }]);
    const { oid, size } = writeLfsPointerFor(join(root, 'adapter_model.safetensors'), content);
    expect(headerOf(root, 'adapter_model.safetensors')).toEqual({ kind: 'lfs-pointer', oid, size });
    expect(headerOf(root, 'a.bin')).toEqual({ kind: 'lfs-pointer', oid: OID, size: 5_000_000_000 });
  });

  it('calls a damaged LFS pointer unreadable, not a broken weight file', () => {
    const root = workspace({ 'w.gguf': 'version https://git-lfs.github.com/spec/v1\nsize 12\n' });
    expect(headerOf(root, 'w.gguf')).toEqual({
      kind: 'unreadable',
      reason: 'it is a Git LFS pointer without a valid sha256 oid and size, not the weights'
    });
  });

  it('has no header for pickles and other formats, and says why', () => {
    const root = workspace({
      'pytorch_model.bin': Buffer.from([0x80, 0x02, 0x7d, 0x71, 0x00]),
      'adapter_model.bin': Buffer.from('PK\u0003\u0004rest-of-a-zip'),
      candle_qlora_adapter: Buffer.from([1, 2, 3])
    });
    expect(headerOf(root, 'pytorch_model.bin')).toEqual({
      kind: 'opaque',
      reason: 'it is a pickled PyTorch file: the gate never unpickles untrusted files, so it has no header'
    });
    expect(headerOf(root, 'adapter_model.bin')).toEqual({
      kind: 'opaque',
      reason:
        'it is a PyTorch checkpoint (a zip of pickles): the gate never unpickles untrusted files, so it has no header'
    });
    expect(headerOf(root, 'candle_qlora_adapter')).toEqual({
      kind: 'opaque',
      reason: 'it is not GGUF or safetensors: the gate reads no header from this format'
    });
  });

  it('refuses a FIFO, a directory, a symlink out of the workspace and a missing file', () => {
    const root = workspace();
    const outside = workspace({ 'w.safetensors': safetensorsBytes([]) });
    execFileSync('mkfifo', [join(root, 'pipe.gguf')]);
    mkdirSync(join(root, 'dir.safetensors'));
    symlinkSync(join(outside, 'w.safetensors'), join(root, 'out.safetensors'));
    expect(headerOf(root, 'pipe.gguf')).toEqual({ kind: 'unreadable', reason: 'it is not a regular file' });
    expect(headerOf(root, 'dir.safetensors')).toEqual({ kind: 'unreadable', reason: 'it is a directory, not a file' });
    expect(headerOf(root, 'out.safetensors')).toEqual({
      kind: 'unreadable',
      reason: 'it is a symbolic link that points outside the repository'
    });
    expect(headerOf(root, 'gone.gguf')).toEqual({
      kind: 'unreadable',
      reason: 'the file does not exist in the checkout'
    });
  });

  it('closes every file it opens, read or refused', () => {
    const root = workspace({
      'a.gguf': ggufBytes({ entries: [] }),
      'b.gguf': 'GGUF',
      'c.safetensors': safetensorsBytes([]),
      'd.safetensors': Buffer.alloc(3),
      'e.bin': lfsPointerText(OID, 1),
      'f.bin': 'x'
    });
    const open = () => readdirSync('/proc/self/fd').length;
    const before = open();
    for (let i = 0; i < 50; i++) {
      for (const name of ['a.gguf', 'b.gguf', 'c.safetensors', 'd.safetensors', 'e.bin', 'f.bin']) headerOf(root, name);
    }
    expect(open()).toBe(before);
  });
});
