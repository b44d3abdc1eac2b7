import { closeSync, ftruncateSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { GgufEntry, WeightHeader } from '../../../src/weights/header.js';
import { readGgufHeader, TRUNCATED_MARK } from '../../../src/weights/gguf.js';
import { tempDir } from '../../helpers/git-repo.js';
import { withFile } from '../../helpers/open-bytes.js';
import { ggufBytes, type GgufOptions, type GgufWireEntry } from '../../helpers/weights.js';

const read = (bytes: Buffer, size = bytes.length): WeightHeader => withFile(bytes, (fd) => readGgufHeader(fd, size));

function entriesOf(header: WeightHeader): GgufEntry[] {
  if (header.kind !== 'gguf') throw new Error(`expected gguf, got ${JSON.stringify(header)}`);
  return header.entries;
}

function valuesOf(header: WeightHeader): Record<string, unknown> {
  return Object.fromEntries(entriesOf(header).map((e) => [e.key, e.value]));
}

function reasonOf(header: WeightHeader): string {
  if (header.kind !== 'unreadable') throw new Error(`expected unreadable, got ${JSON.stringify(header).slice(0, 300)}`);
  return header.reason;
}

const EVERY_TYPE: GgufWireEntry[] = [
  ['general.architecture', 'string', 'llama'],
  ['general.type', 'string', 'adapter'],
  ['general.name', 'string', 'Ünïcödé 模型'],
  ['t.uint8', 'uint8', 255],
  ['t.int8', 'int8', -128],
  ['t.uint16', 'uint16', 65535],
  ['t.int16', 'int16', -32768],
  ['t.uint32', 'uint32', 4294967295],
  ['t.int32', 'int32', -2147483648],
  ['t.float32', 'float32', 0.5],
  ['t.bool.true', 'bool', true],
  ['t.bool.false', 'bool', false],
  ['t.uint64.safe', 'uint64', 2 ** 53 - 1],
  ['t.uint64.big', 'uint64', 2n ** 64n - 1n],
  ['t.int64.small', 'int64', -5],
  ['t.int64.big', 'int64', -(2n ** 63n)],
  ['t.float64', 'float64', Math.PI],
  ['t.empty', 'string', ''],
  ['t.array.int32', 'array', { of: 'int32', items: [1, -2, 3] }],
  ['t.array.string', 'array', { of: 'string', items: ['a', 'bc', ''] }],
  ['t.array.bool', 'array', { of: 'bool', items: [true, false] }],
  ['t.array.uint64', 'array', { of: 'uint64', items: [1, 2n ** 60n] }],
  ['t.array.float64', 'array', { of: 'float64', items: [1.5] }],
  ['t.array.empty', 'array', { of: 'uint8', items: [] }],
  ['t.array.long', 'array', { of: 'uint8', items: Array.from({ length: 65 }, (_, i) => i) }],
  [
    't.array.nested',
    'array',
    {
      of: 'array',
      items: [
        { of: 'string', items: ['x', 'y'] },
        { of: 'uint16', items: [7] }
      ]
    }
  ],
  ['general.license', 'string', 'apache-2.0']
];

describe('readGgufHeader on good files', () => {
  it('reads every value type, in file order, with the offset of each key', () => {
    const bytes = ggufBytes({ entries: EVERY_TYPE, tensorCount: 3 });
    const header = read(bytes);
    expect(header).toMatchObject({ kind: 'gguf', version: 3, tensorCount: 3 });
    expect(valuesOf(header)).toEqual({
      'general.architecture': 'llama',
      'general.type': 'adapter',
      'general.name': 'Ünïcödé 模型',
      't.uint8': 255,
      't.int8': -128,
      't.uint16': 65535,
      't.int16': -32768,
      't.uint32': 4294967295,
      't.int32': -2147483648,
      't.float32': 0.5,
      't.bool.true': true,
      't.bool.false': false,
      't.uint64.safe': 2 ** 53 - 1,
      't.uint64.big': '18446744073709551615',
      't.int64.small': -5,
      't.int64.big': '-9223372036854775808',
      't.float64': Math.PI,
      't.empty': '',
      't.array.int32': { arrayOf: 'int32', length: 3, items: [1, -2, 3] },
      't.array.string': { arrayOf: 'string', length: 3, items: ['a', 'bc', ''] },
      't.array.bool': { arrayOf: 'bool', length: 2, items: [true, false] },
      't.array.uint64': { arrayOf: 'uint64', length: 2, items: [1, '1152921504606846976'] },
      't.array.float64': { arrayOf: 'float64', length: 1, items: [1.5] },
      't.array.empty': { arrayOf: 'uint8', length: 0, items: [] },
      't.array.long': { arrayOf: 'uint8', length: 65 },
      't.array.nested': { arrayOf: 'array', length: 2 },
      'general.license': 'apache-2.0'
    });
    const entries = entriesOf(header);
    expect(entries.map((e) => e.key)).toEqual(EVERY_TYPE.map(([key]) => key));
    expect(entries[0].offset).toBe(24);
    for (const { key, offset } of entries) {
      const length = Number(bytes.readBigUInt64LE(offset));
      expect(bytes.subarray(offset + 8, offset + 8 + length).toString('utf8')).toBe(key);
    }
  });

  it('reads version 2, which has the same layout', () => {
    const header = read(ggufBytes({ version: 2, entries: [['general.name', 'string', 'v2']] }));
    expect(header).toEqual({
      kind: 'gguf',
      version: 2,
      tensorCount: 0,
      entries: [{ key: 'general.name', value: 'v2', offset: 24 }]
    });
  });

  it('steps over a 150,000-token vocabulary without keeping it, and reads what follows', () => {
    const tokens = Array.from({ length: 150_000 }, (_, i) => `tok${i}`);
    const header = read(
      ggufBytes({
        entries: [
          ['tokenizer.ggml.model', 'string', 'gpt2'],
          ['tokenizer.ggml.tokens', 'array', { of: 'string', items: tokens }],
          ['tokenizer.ggml.token_type', 'array', { of: 'int32', items: tokens.map(() => 1) }],
          ['tokenizer.ggml.scores', 'array', { of: 'float32', items: tokens.map(() => 0) }],
          ['general.license', 'string', 'mit']
        ]
      })
    );
    expect(valuesOf(header)).toEqual({
      'tokenizer.ggml.model': 'gpt2',
      'tokenizer.ggml.tokens': { arrayOf: 'string', length: 150_000 },
      'tokenizer.ggml.token_type': { arrayOf: 'int32', length: 150_000 },
      'tokenizer.ggml.scores': { arrayOf: 'float32', length: 150_000 },
      'general.license': 'mit'
    });
  });

  it('keeps the first 4 KiB of a string over 1 MiB, never half a character, and says how long it was', () => {
    // 'a' then 2-byte characters: byte 4096 falls in the middle of one.
    const long = 'a' + 'é'.repeat(600_000);
    const header = read(
      ggufBytes({
        entries: [
          ['tokenizer.huggingface.json', 'string', long],
          ['general.name', 'string', 'after']
        ]
      })
    );
    const values = valuesOf(header);
    const kept = values['tokenizer.huggingface.json'] as string;
    expect(kept.startsWith('a' + 'é'.repeat(2047))).toBe(true);
    expect(kept).not.toContain('\uFFFD');
    expect(kept.endsWith(`${TRUNCATED_MARK} the string is 1,200,001 bytes]`)).toBe(true);
    expect(values['general.name']).toBe('after');
  });

  it('decodes invalid UTF-8 in a value leniently (the key must be valid)', () => {
    const header = read(ggufBytes({ entries: [['general.name', 'string', Buffer.from([0x61, 0xff, 0x62])]] }));
    expect(valuesOf(header)).toEqual({ 'general.name': 'a\uFFFDb' });
  });
});

describe('readGgufHeader on hostile files', () => {
  it('says where the file ends, truncated at every offset', () => {
    const bytes = ggufBytes({ entries: EVERY_TYPE });
    withFile(bytes, (fd) => {
      for (let size = 0; size < bytes.length; size++) {
        const reason = reasonOf(readGgufHeader(fd, size));
        if (size < 4) expect(reason).toBe(`the file is ${size} bytes, too short to start with the GGUF magic`);
        else
          expect(reason.startsWith(`the GGUF header ends early (at byte ${size}): the file ends inside `)).toBe(true);
      }
    });
  });

  it('names the entry the file ends in', () => {
    const bytes = ggufBytes({ entries: [['general.name', 'string', 'abcdef']] });
    expect(reasonOf(read(bytes, bytes.length - 2))).toBe(
      `the GGUF header ends early (at byte ${bytes.length - 2}): ` +
        'the file ends inside the value of "general.name" (key at byte 24)'
    );
  });

  it('stops where a file shrank after it was measured', () => {
    const bytes = ggufBytes({ entries: [['general.name', 'string', 'abcdef']] });
    // fstat said 100 bytes more than the file now holds, which ends 2 bytes into the value.
    expect(reasonOf(read(bytes.subarray(0, bytes.length - 2), bytes.length + 100))).toMatch(
      new RegExp(
        `^the GGUF header ends early \\(at byte ${bytes.length - 2}\\): ` +
          'the file ends inside the value of "general.name"'
      )
    );
  });

  it.each([
    [
      'wrong magic',
      Buffer.from('PK\u0003\u0004 and more bytes'),
      /^it does not start with the GGUF magic "GGUF" \(its first bytes are 0x50 0x4b 0x03 0x04\)$/
    ],
    [
      'a pre-GGUF file',
      Buffer.from('tjgg\u0001\u0000\u0000\u0000'),
      /^it is a pre-GGUF llama.cpp file \(magic "ggjt"\)/
    ],
    ['version 1', ggufBytes({ version: 1, entries: [] }), /^it is GGUF version 1 /],
    [
      'version 7',
      ggufBytes({ version: 7, entries: [] }),
      /^it declares GGUF version 7; the gate reads versions 2 and 3$/
    ],
    [
      'a big-endian file',
      ggufBytes({ bigEndian: true, entries: [['general.name', 'string', 'x']] }),
      /^it is a big-endian GGUF file \(version 3\)/
    ],
    ['2^40 entries', ggufBytes({ entries: [], kvCount: 2n ** 40n }), /declares 1099511627776 metadata entries, over/],
    ['2^64 - 1 entries', ggufBytes({ entries: [], kvCount: 2n ** 64n - 1n }), /over the gate's cap of 1,000,000$/],
    [
      'an invalid UTF-8 key',
      ggufBytes({ entries: [[Buffer.from([0x67, 0xc3, 0x28]), 'uint8', 1]] }),
      /^the key at byte 24 is not valid UTF-8 \(byte 33\)$/
    ],
    [
      'a duplicate key',
      ggufBytes({
        entries: [
          ['general.license', 'string', 'mit'],
          ['general.license', 'string', 'apache-2.0']
        ]
      }),
      /^the key "general.license" appears twice \(at bytes 24 and 62\)/
    ],
    [
      'an unknown value type',
      ggufBytes({ entries: [['k', 13, 0]] }),
      /^the value of "k" has type 13, which GGUF does not define$/
    ],
    [
      'an unknown element type',
      ggufBytes({ entries: [['k', 'array', { of: 99, items: [] }]] }),
      /has elements of type 99/
    ],
    ['a bool of 2', ggufBytes({ entries: [['k', 'bool', 2]] }), /^the bool of "k" at byte 37 is 2, neither 0 nor 1$/],
    [
      'arrays nested 5 deep',
      ggufBytes({
        entries: [
          [
            'k',
            'array',
            {
              of: 'array',
              items: [
                { of: 'array', items: [{ of: 'array', items: [{ of: 'array', items: [{ of: 'uint8', items: [] }] }] }] }
              ]
            }
          ]
        ]
      }),
      /^the value of "k" nests arrays more than 4 deep$/
    ]
  ])('refuses %s', (_what, bytes, reason) => expect(reasonOf(read(bytes))).toMatch(reason));

  /** A file with one entry whose length field (at `at`) is overwritten with `length`. */
  function withLength(options: GgufOptions, at: number, length: bigint): Buffer {
    const bytes = ggufBytes(options);
    bytes.writeBigUInt64LE(length, at);
    return bytes;
  }

  it.each([
    [
      'a key of 70,000 bytes',
      withLength({ entries: [['k', 'uint8', 1]] }, 24, 70_000n),
      /is 70000 bytes long, over GGUF's limit of 65,535$/
    ],
    [
      'a key of 2^63 bytes',
      withLength({ entries: [['k', 'uint8', 1]] }, 24, 2n ** 63n),
      /is 9223372036854775808 bytes long/
    ],
    [
      'a string of 2^62 bytes',
      withLength({ entries: [['k', 'string', 'v']] }, 37, 2n ** 62n),
      /^the GGUF header ends early/
    ],
    [
      'a string of 2^64 - 1 bytes',
      withLength({ entries: [['k', 'string', 'v']] }, 37, 2n ** 64n - 1n),
      /^the GGUF header ends early/
    ],
    [
      '2^60 u8 elements',
      withLength({ entries: [['k', 'array', { of: 'uint8', items: [1] }]] }, 41, 2n ** 60n),
      /^the GGUF header ends early/
    ],
    [
      'a billion strings',
      withLength({ entries: [['k', 'array', { of: 'string', items: [''] }]] }, 41, 10n ** 9n),
      /^the GGUF header ends early/
    ]
  ])('refuses %s', (_what, bytes, reason) => expect(reasonOf(read(bytes))).toMatch(reason));

  it('refuses more tensors than the rest of the file can describe', () => {
    const bytes = ggufBytes({ entries: [], tensorCount: 2 });
    bytes.writeBigUInt64LE(2n ** 40n, 8);
    expect(reasonOf(read(bytes))).toMatch(/^the GGUF header declares 1099511627776 tensors, more than the 88 bytes/);
  });

  it('stops at 256 MiB of metadata (a sparse file with a 280 MiB array)', () => {
    const dir = tempDir('lg-gguf-');
    const path = join(dir, 'huge.gguf');
    const count = 280 * 1024 * 1024;
    const head = ggufBytes({ entries: [['k', 'array', { of: 'uint8', items: [] }]] });
    head.writeBigUInt64LE(BigInt(count), head.length - 8);
    const fd = openSync(path, 'w+');
    try {
      writeSync(fd, head);
      ftruncateSync(fd, head.length + count);
      expect(reasonOf(readGgufHeader(fd, head.length + count))).toBe(
        'the GGUF metadata runs past the gate\'s 256 MiB cap (in the value of "k" (key at byte 24))'
      );
    } finally {
      closeSync(fd);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
