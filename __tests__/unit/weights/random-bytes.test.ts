/**
 * Property: no bytes make a weight reader throw. fast-check is not a dependency of the project, so
 * the cases come from a seeded generator (reproducible: a failure prints its seed and case).
 */
import { closeSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readGgufHeader } from '../../../src/weights/gguf.js';
import { readSafetensorsHeader } from '../../../src/weights/safetensors.js';
import { readWeightHeader } from '../../../src/weights/read-header.js';
import { sha256OfFile } from '../../../src/weights/digest.js';
import { parseLfsPointer } from '../../../src/source/lfs-pointer.js';
import { seededRandom } from '../../../scripts/seeded-random.mjs';
import { tempDir } from '../../helpers/git-repo.js';
import { ggufBytes, lfsPointerText, safetensorsBytes } from '../../helpers/weights.js';

const SEED = 20261206;
const CASES = 2000;
const KINDS = new Set(['gguf', 'safetensors', 'lfs-pointer', 'opaque', 'unreadable']);

const GOOD_GGUF = ggufBytes({
  entries: [
    ['general.architecture', 'string', 'llama'],
    ['general.base_model.count', 'uint32', 1],
    ['general.base_model.0.repo_url', 'string', 'https://huggingface.co/Qwen/Qwen3-4B'],
    ['llama.embedding_length', 'uint64', 4096],
    ['tokenizer.ggml.tokens', 'array', { of: 'string', items: ['a', 'b', 'c'] }],
    ['t.nested', 'array', { of: 'array', items: [{ of: 'int16', items: [1, 2] }] }],
    ['adapter.lora.alpha', 'float32', 16]
  ],
  tensorCount: 2
});
const GOOD_SAFETENSORS = safetensorsBytes(
  [
    { name: 'a.lora_A.weight', dtype: 'F16', shape: [4, 8] },
    { name: 'a.lora_B.weight', dtype: 'F16', shape: [8, 4] }
  ],
  { format: 'pt' }
);
const POINTER = Buffer.from(lfsPointerText('ef'.repeat(32), 1234));

/** Random bytes, or a good file with some bytes changed, cut short, or grown. */
function mutant(random: () => number): Buffer {
  const int = (n: number) => Math.floor(random() * n);
  const pick = int(5);
  if (pick === 0) return Buffer.from(Array.from({ length: int(600) }, () => int(256)));
  const base = Buffer.from([GOOD_GGUF, GOOD_SAFETENSORS, POINTER, GOOD_GGUF][pick - 1]);
  const bytes = Buffer.from(base);
  for (let i = int(6); i >= 0; i--) {
    const at = int(bytes.length);
    // Length fields are where parsers break: write a large or a random value there as often as a byte.
    if (random() < 0.3 && at + 8 <= bytes.length) bytes.writeBigUInt64LE(BigInt(int(2 ** 32)) << BigInt(int(33)), at);
    else bytes[at] = int(256);
  }
  return random() < 0.3 ? bytes.subarray(0, int(bytes.length)) : bytes;
}

describe('weight readers on random bytes', () => {
  it(`never throw, on ${CASES} generated files (seed ${SEED})`, async () => {
    const random = seededRandom(SEED);
    const root = tempDir('lg-random-');
    const seen = new Map<string, number>();
    for (let i = 0; i < CASES; i++) {
      const bytes = mutant(random);
      const context = `case ${i} (seed ${SEED}): ${bytes.toString('base64').slice(0, 200)}`;
      try {
        const name = ['w.gguf', 'w.safetensors', 'w.bin'][i % 3];
        const path = join(root, name);
        writeFileSync(path, bytes);
        const fd = openSync(path, 'r');
        try {
          for (const header of [readGgufHeader(fd, bytes.length), readSafetensorsHeader(fd, bytes.length)]) {
            expect(KINDS.has(header.kind)).toBe(true);
            seen.set(header.kind, (seen.get(header.kind) ?? 0) + 1);
          }
        } finally {
          closeSync(fd);
        }
        parseLfsPointer(bytes.toString('utf8'));
        expect(KINDS.has(readWeightHeader(root, path).kind)).toBe(true);
        if (i % 20 === 0) {
          const digest = await sha256OfFile(root, path);
          expect('sha256' in digest || 'unverifiable' in digest).toBe(true);
        }
      } catch (error) {
        throw new Error(`${context}\n${String(error)}`);
      }
    }
    // The mutants reach past the first checks: some still parse, most fail somewhere inside.
    expect(seen.get('gguf')).toBeGreaterThan(30);
    expect(seen.get('safetensors')).toBeGreaterThan(30);
  });
});
