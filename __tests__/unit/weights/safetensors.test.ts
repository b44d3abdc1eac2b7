import type { WeightHeader } from '../../../src/weights/header.js';
import { MAX_SAFETENSORS_HEADER_BYTES, readSafetensorsHeader } from '../../../src/weights/safetensors.js';
import { withFile } from '../../helpers/open-bytes.js';
import { safetensorsBytes, safetensorsHeaderBytes } from '../../helpers/weights.js';

const read = (bytes: Buffer, size = bytes.length): WeightHeader =>
  withFile(bytes, (fd) => readSafetensorsHeader(fd, size));

function reasonOf(header: WeightHeader): string {
  if (header.kind !== 'unreadable') throw new Error(`expected unreadable, got ${JSON.stringify(header).slice(0, 300)}`);
  return header.reason;
}

/** A file whose header is `json` followed by `dataBytes` zero bytes. */
const raw = (json: string | Buffer, dataBytes = 0) =>
  Buffer.concat([safetensorsHeaderBytes(json), Buffer.alloc(dataBytes)]);

const LORA = [
  { name: 'base_model.model.layers.0.self_attn.q_proj.lora_B.weight', dtype: 'F32', shape: [2048, 8] },
  { name: 'base_model.model.layers.0.self_attn.q_proj.lora_A.weight', dtype: 'BF16', shape: [8, 2048] },
  { name: 'scalar', dtype: 'F64', shape: [] },
  { name: 'empty', dtype: 'I8', shape: [0, 4] },
  { name: 'fp4', dtype: 'F4', shape: [16] }
];

describe('readSafetensorsHeader on good files', () => {
  it('lists tensors sorted by name with dtype and shape, and the metadata', () => {
    const header = read(safetensorsBytes(LORA, { format: 'pt', base_model: 'Qwen/Qwen3-4B' }));
    expect(header).toEqual({
      kind: 'safetensors',
      tensors: [
        { name: 'base_model.model.layers.0.self_attn.q_proj.lora_A.weight', dtype: 'BF16', shape: [8, 2048] },
        { name: 'base_model.model.layers.0.self_attn.q_proj.lora_B.weight', dtype: 'F32', shape: [2048, 8] },
        { name: 'empty', dtype: 'I8', shape: [0, 4] },
        { name: 'fp4', dtype: 'F4', shape: [16] },
        { name: 'scalar', dtype: 'F64', shape: [] }
      ],
      metadata: { format: 'pt', base_model: 'Qwen/Qwen3-4B' }
    });
  });

  it('reads a header with no tensors and no metadata', () => {
    expect(read(raw('{}'))).toEqual({ kind: 'safetensors', tensors: [], metadata: {} });
  });

  it('keeps a "__proto__" metadata key as data', () => {
    const header = read(raw('{"__metadata__":{"__proto__":"x","a":"b"}}'));
    if (header.kind !== 'safetensors') throw new Error(JSON.stringify(header));
    expect(Object.keys(header.metadata)).toEqual(['__proto__', 'a']);
    expect(Object.getPrototypeOf(header.metadata)).toBe(Object.prototype);
  });
});

describe('readSafetensorsHeader on hostile files', () => {
  const lengthOnly = (n: bigint, rest = 0) => {
    const b = Buffer.alloc(8 + rest);
    b.writeBigUInt64LE(n);
    return b;
  };

  it.each([
    ['an empty file', Buffer.alloc(0), 'the file is 0 bytes, too short for the 8-byte safetensors header length'],
    ['a 7-byte file', Buffer.alloc(7), 'the file is 7 bytes, too short for the 8-byte safetensors header length'],
    ['a header length of 0', lengthOnly(0n, 10), 'its header length is 0: a safetensors header is at least "{}"'],
    [
      'a header length past the end',
      lengthOnly(100n, 10),
      'its header length is 100 bytes, more than the 10 bytes after it: the file is truncated or not safetensors'
    ],
    [
      'a header length of 2^64 - 1',
      lengthOnly(2n ** 64n - 1n, 10),
      'its header length is 18446744073709551615 bytes, more than the 10 bytes after it: ' +
        'the file is truncated or not safetensors'
    ],
    [
      'a GGUF file',
      Buffer.from('GGUF\u0003\u0000\u0000\u0000\u0000\u0000\u0000\u0000'),
      /^its header length is \d+ bytes, more than the 4 bytes/
    ],
    ['invalid UTF-8', raw(Buffer.from([0x7b, 0xff, 0x7d])), 'its header is not valid UTF-8 (byte 9 of the file)'],
    ['not JSON', raw('{"a":'), /^its header is not JSON \(/],
    ['a JSON array', raw('[]'), 'its header is JSON but an array, not an object of tensors'],
    ['JSON null', raw('null'), 'its header is JSON but null, not an object of tensors'],
    ['a JSON number', raw('42'), 'its header is JSON but a number, not an object of tensors'],
    [
      'a tensor that is a string',
      raw('{"t":"x"}'),
      'tensor "t" is a string, not an object with dtype, shape and data_offsets'
    ],
    ['no dtype', raw('{"t":{"shape":[],"data_offsets":[0,0]}}'), 'tensor "t" has no string dtype'],
    ['a numeric dtype', raw('{"t":{"dtype":1,"shape":[],"data_offsets":[0,0]}}'), 'tensor "t" has no string dtype'],
    [
      'a negative dimension',
      raw('{"t":{"dtype":"F32","shape":[-1],"data_offsets":[0,0]}}'),
      'tensor "t" has a shape that is not a list of non-negative integers'
    ],
    [
      'a fractional dimension',
      raw('{"t":{"dtype":"F32","shape":[1.5],"data_offsets":[0,6]}}', 6),
      'tensor "t" has a shape that is not a list of non-negative integers'
    ],
    [
      'a dimension past 2^53',
      raw('{"t":{"dtype":"F32","shape":[9007199254740993],"data_offsets":[0,0]}}'),
      'tensor "t" has a shape that is not a list of non-negative integers'
    ],
    [
      'a string dimension',
      raw('{"t":{"dtype":"F32","shape":["1"],"data_offsets":[0,4]}}', 4),
      'tensor "t" has a shape that is not a list of non-negative integers'
    ],
    [
      'no shape',
      raw('{"t":{"dtype":"F32","data_offsets":[0,4]}}', 4),
      'tensor "t" has a shape that is not a list of non-negative integers'
    ],
    [
      'three data offsets',
      raw('{"t":{"dtype":"F32","shape":[1],"data_offsets":[0,4,8]}}', 8),
      'tensor "t" has data_offsets that are not [begin, end] with begin ≤ end'
    ],
    [
      'reversed data offsets',
      raw('{"t":{"dtype":"F32","shape":[1],"data_offsets":[4,0]}}', 8),
      'tensor "t" has data_offsets that are not [begin, end] with begin ≤ end'
    ],
    [
      'data past the end of the file',
      raw('{"t":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}', 8),
      'tensor "t" has data up to byte 16 of the data section, which holds 8 bytes'
    ],
    [
      'a shape its data cannot hold',
      raw('{"t":{"dtype":"F16","shape":[4096,4096],"data_offsets":[0,8]}}', 8),
      'tensor "t" is F16 of shape [4096, 4096] (33554432 bytes) but its data_offsets span 8 bytes'
    ],
    [
      'a shape whose size overflows',
      raw('{"t":{"dtype":"F64","shape":[9007199254740991,9007199254740991],"data_offsets":[0,8]}}', 8),
      /^tensor "t" is F64 of shape \[9007199254740991, 9007199254740991\] \(\d+ bytes\) but its data_offsets span 8/
    ],
    [
      'metadata that is a list',
      raw('{"__metadata__":["a"]}'),
      'its "__metadata__" is an array, not an object of strings'
    ],
    [
      'a number in the metadata',
      raw('{"__metadata__":{"rank":8}}'),
      'its "__metadata__" value "rank" is a number, not a string: the format allows only strings there, ' +
        'and the reference safetensors reader refuses the file'
    ],
    [
      'an object in the metadata',
      raw('{"__metadata__":{"cfg":{"a":1}}}'),
      /^its "__metadata__" value "cfg" is an object, not a string/
    ]
  ])('refuses %s', (_what, bytes, reason) => {
    if (typeof reason === 'string') expect(reasonOf(read(bytes))).toBe(reason);
    else expect(reasonOf(read(bytes))).toMatch(reason);
  });

  it('refuses a header over the 64 MiB cap without reading it', () => {
    const declared = BigInt(MAX_SAFETENSORS_HEADER_BYTES + 1);
    const bytes = Buffer.alloc(16);
    bytes.writeBigUInt64LE(declared);
    // The size says the bytes are there; the reader must refuse before reading them.
    expect(reasonOf(read(bytes, MAX_SAFETENSORS_HEADER_BYTES * 2))).toBe(
      "its header length is 67108865 bytes, over the gate's 64 MiB cap"
    );
  });

  it('survives 100,000 levels of nesting, in a tensor and in the metadata', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(reasonOf(read(raw(`{"t":${deep}}`)))).toBe(
      'tensor "t" is an array, not an object with dtype, shape and data_offsets'
    );
    expect(reasonOf(read(raw(`{"__metadata__":{"a":${deep}}}`)))).toMatch(/^its "__metadata__" value "a" is an array/);
    const objects = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
    expect(reasonOf(read(raw(`{"t":{"dtype":"F32","shape":${objects},"data_offsets":[0,0]}}`)))).toBe(
      'tensor "t" has a shape that is not a list of non-negative integers'
    );
  });

  it('says the file ends inside its header when it shrank after it was measured', () => {
    const bytes = raw('{"t":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}', 4);
    expect(reasonOf(read(bytes.subarray(0, 20), bytes.length))).toBe('the file ends inside its header');
  });
});
