import fc from 'fast-check';
import { hfModelConfig } from '../../../src/formats/hf-model-config.js';
import { readManifest } from '../../../src/formats/read-manifest.js';
import { detectFormat } from '../../../src/formats/registry.js';
import { FC_RUNS, timed } from '../../helpers/timed.js';
import { configFixtures, recordOfFixture, upstreamRows } from './config-fixtures.js';
import { realWorldFixtures } from './real-world.js';

const formatOf = (path: string, bytes: Buffer) => {
  const result = readManifest(path, bytes);
  return result.kind === 'record' ? result.record.format : result.kind;
};

describe('hf-model-config: the real config.json files (JUDGEMENTS.md)', () => {
  const expected: [string, string][] = [
    ['hf-config/001', 'base arcee-ai/Llama-3.1-SuperNova-Lite@2'],
    ['hf-config/002', 'base 01-ai/Yi-1.5-6B-Chat@2'],
    ['hf-config/003', 'base lmsys/vicuna-7b-v1.3@2'],
    ['hf-config/004', 'base TinyLlama/TinyLlama-1.1B-Chat-v1.0@2']
  ];

  it.each(expected)('%s reads `_name_or_path` as the base', (prefix, row) => {
    const record = recordOfFixture(prefix);
    expect(record.format).toBe('hf-model-config');
    expect(record.recipe).toBe(true);
    expect(upstreamRows(record)).toEqual([row]);
    expect(record.upstreams[0]).toMatchObject({
      kind: 'hub-id',
      evidence: 'primary',
      source: { field: '_name_or_path' }
    });
    expect(record.upstreams[0].source.at).toMatchObject({ line: 2, column: 20 });
    // Dimensions are not training facts (see hf-model-config.ts), license there is none.
    expect(record.training).toBeUndefined();
    expect(record.license).toBeUndefined();
  });

  it("claims none of the other tools' configs, nor any PEFT, MLX, MENS manifest or model card", () => {
    for (const f of configFixtures().filter((c) => !c.file.startsWith('hf-config/')))
      expect([f.file, formatOf(f.repoPath, f.bytes)]).not.toEqual([f.file, 'hf-model-config']);
    for (const f of realWorldFixtures())
      expect([f.file, formatOf(f.repoPath, f.bytes)]).not.toEqual([f.file, 'hf-model-config']);
  });
});

describe('hf-model-config: detection', () => {
  const detect = (value: unknown) => detectFormat(value, 'config.json', 'json')?.id;

  it('needs a non-empty `_name_or_path` and `architectures` (a list) or `model_type` (a string)', () => {
    expect(detect({ _name_or_path: 'org/a', architectures: ['LlamaForCausalLM'] })).toBe('hf-model-config');
    expect(detect({ _name_or_path: 'org/a', model_type: 'llama' })).toBe('hf-model-config');
    expect(detect({ _name_or_path: '', model_type: 'llama' })).toBeUndefined();
    expect(detect({ _name_or_path: '  ', architectures: [] })).toBeUndefined();
    expect(detect({ _name_or_path: 'org/a' })).toBeUndefined();
    expect(detect({ _name_or_path: 'org/a', architectures: 'LlamaForCausalLM' })).toBeUndefined();
    expect(detect({ model_type: 'llama', architectures: ['LlamaForCausalLM'] })).toBeUndefined();
    expect(hfModelConfig.detect([{ _name_or_path: 'org/a', model_type: 'llama' }], 'config.json')).toBe(false);
  });

  it('never takes package.json, tsconfig.json or a PEFT adapter config', () => {
    const pkg = { name: 'x', version: '1.0.0', main: 'index.js', dependencies: { yaml: '^2' } };
    expect(formatOf('package.json', Buffer.from(JSON.stringify(pkg)))).toBe('not-a-manifest');
    const tsconfig = { compilerOptions: { target: 'es2022', module: 'nodenext' } };
    expect(formatOf('tsconfig.json', Buffer.from(JSON.stringify(tsconfig)))).toBe('not-a-manifest');
    const peft = { peft_type: 'LORA', base_model_name_or_path: 'org/a', model_type: 'llama' };
    expect(formatOf('a/adapter_config.json', Buffer.from(JSON.stringify(peft)))).toBe('peft-adapter-config');
    // Under any other name, its content still makes it a PEFT config, never a transformers config.
    expect(formatOf('a/peft.json', Buffer.from(JSON.stringify(peft)))).toBe('peft-adapter-config');
    // A file that names a model and cannot be parsed is reported, whatever its name.
    expect(formatOf('a/broken.json', Buffer.from('{"_name_or_path": '))).toBe('unreadable');
    expect(formatOf('a/broken.json', Buffer.from('{"name": '))).toBe('not-a-manifest');
  });

  it('reads a local `_name_or_path` as a local path, and a wrong type as a schema problem', () => {
    const local = readManifest(
      'm/config.json',
      Buffer.from('{\n  "_name_or_path": "/data/ckpt/checkpoint-500",\n  "model_type": "llama"\n}\n')
    );
    expect(local.kind === 'record' && local.record.upstreams.map((u) => u.kind)).toEqual(['local-path']);
    const typed = readManifest(
      'm/config.json',
      Buffer.from('{\n  "_name_or_path": "org/a",\n  "model_type": "llama",\n  "architectures": [3]\n}\n')
    );
    expect(typed.kind === 'record' && typed.schemaProblems.map((p) => [p.at.line, p.message])).toEqual([
      [4, '`architectures[0]` must be string (got 3)']
    ]);
  });
});

describe('hf-model-config: hostile configs', () => {
  it('any `_name_or_path` and any other keys give a record or "not a manifest", never an exception', () => {
    const config = fc.record({
      _name_or_path: fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('__proto__', 'hf.co/a/b')),
      model_type: fc.oneof(fc.constant('llama'), fc.jsonValue({ maxDepth: 1 })),
      architectures: fc.oneof(fc.array(fc.string(), { maxLength: 3 }), fc.jsonValue({ maxDepth: 1 })),
      extra: fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 })
    });
    fc.assert(
      fc.property(config, ({ extra, ...keys }) => {
        const text = JSON.stringify({ ...extra, ...keys }, null, 2);
        const r = timed(() => readManifest('m/config.json', Buffer.from(text)));
        expect(['record', 'not-a-manifest']).toContain(r.kind);
      }),
      { numRuns: FC_RUNS }
    );
  });
});
