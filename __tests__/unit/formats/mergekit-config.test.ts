import fc from 'fast-check';
import { mergekitConfig } from '../../../src/formats/mergekit-config.js';
import { readManifest, type ReadResult } from '../../../src/formats/read-manifest.js';
import { detectFormat } from '../../../src/formats/registry.js';
import type { LineageRecord } from '../../../src/lineage/record.js';
import { parseYamlDocument } from '../../../src/source/yaml.js';
import { FC_RUNS, timed } from '../../helpers/timed.js';
import { configFixture, configFixtures, recordOfFixture, upstreamRows } from './config-fixtures.js';

function read(text: string, path = 'merge/mergekit_config.yml'): { record: LineageRecord; problems: string[] } {
  const result: ReadResult = readManifest(path, Buffer.from(text));
  if (result.kind !== 'record') throw new Error(`expected a record, got ${JSON.stringify(result)}`);
  return {
    record: result.record,
    problems: result.schemaProblems.map((p) => `${p.at.line}:${p.at.column} ${p.message}`)
  };
}

function valueOf(text: string): unknown {
  const parsed = parseYamlDocument(text);
  if (!('doc' in parsed)) throw new Error(parsed.problem.reason);
  return parsed.doc.value;
}

describe('mergekit-config: the real merge configs (JUDGEMENTS.md)', () => {
  const expected: [string, string[]][] = [
    [
      'mergekit/001',
      ['base 01-ai/Yi-1.5-6B-Chat@9', 'merge-parent 01-ai/Yi-1.5-6B-Chat@4', 'merge-parent 01-ai/Yi-1.5-6B@6']
    ],
    [
      'mergekit/002',
      [
        'base jpacifico/Chocolatine-3B-Instruct-DPO-Revised@9',
        'merge-parent jpacifico/Chocolatine-3B-Instruct-DPO-Revised@4',
        'merge-parent microsoft/Phi-3-mini-4k-instruct@6'
      ]
    ],
    [
      'mergekit/003',
      [
        'base arcee-ai/Llama-3.1-SuperNova-Lite@11',
        'merge-parent arcee-ai/Llama-3.1-SuperNova-Lite@4',
        'merge-parent DreadPoor/Heart_Stolen-8B-Model_Stock@6',
        'merge-parent Dampfinchen/Llama-3.1-8B-Ultra-Instruct@8'
      ]
    ],
    [
      'mergekit/004',
      [
        'base huihui-ai/Qwen2.5-Coder-7B-Instruct-abliterated@9',
        'merge-parent huihui-ai/Qwen2.5-Coder-7B-Instruct-abliterated@4',
        'merge-parent netcat420/qwen2.5-MFANN-7b-v1.1@6'
      ]
    ],
    [
      'mergekit/005',
      ['base Zyphra/Zamba2-7B@8', 'merge-parent Zyphra/Zamba2-7B@3', 'merge-parent Zyphra/Zamba2-7B-Instruct@5']
    ],
    [
      'mergekit/006',
      [
        'base Qwen/Qwen2.5-7B@23',
        'merge-parent Qwen2.5-7B-lora-v1@2',
        'merge-parent Qwen2.5-7B-lora-v2@6',
        'merge-parent Qwen2.5-7B-lora-v3@10',
        'merge-parent Qwen2.5-7B-lora-v4@14',
        'merge-parent Qwen/Qwen2.5-7B-Instruct@18',
        'tokenizer Qwen/Qwen2.5-7B-Instruct@29'
      ]
    ],
    ['mergekit/007', ['merge-parent models/tinyllama_chat@4', 'merge-parent models/tinyllama_base@8']],
    [
      'mergekit/009',
      [
        'base TheBloke/Mistral-7B-Instruct-v0.2-AWQ@11',
        'merge-parent TheBloke/Mistral-7B-Instruct-v0.2-AWQ@3',
        'merge-parent TheBloke/sqlcoder-7B-AWQ@6'
      ]
    ],
    [
      'mergekit/010',
      [
        'base ./gpt2-base@3',
        'merge-parent ./gpt2-bible-deu@6',
        'merge-parent ./gpt2-bible-eng@10',
        'merge-parent ./gpt2-neurotoxin-spa@14',
        'merge-parent ./gpt2-bible-fra@18'
      ]
    ],
    [
      'mergekit/011',
      [
        'base DeepHat/DeepHat-V1-7B@8',
        'merge-parent DeepHat/DeepHat-V1-7B@3',
        'merge-parent OBLITERATUS/Gemma-4-12B-OBLITERATED@5'
      ]
    ],
    [
      'mergekit/013',
      [
        'merge-parent TheBloke/openchat-1b@3',
        'merge-parent ehartford/dolphin-1b@6',
        'merge-parent jondurbin/airoboros-1b@9',
        'merge-parent lmsys/vicuna-4b@15',
        'merge-parent TheBloke/deepseek-4b@18',
        'merge-parent openchat/openchat-4b@21',
        'merge-parent deepseek-ai/deepseek-8b@27',
        'merge-parent TheBloke/phi-2-8b@30',
        'merge-parent lmsys/vicuna-8b@33'
      ]
    ]
  ];

  it.each(expected)('%s reads to exactly the upstreams a careful reader names', (prefix, rows) => {
    const record = recordOfFixture(prefix);
    expect(record.format).toBe('mergekit-config');
    expect(record.recipe).toBe(true);
    expect(upstreamRows(record)).toEqual(rows);
    expect(record.relation?.value).toBe('merge');
    expect(record.license).toBeUndefined();
  });

  it('keeps what each value is: Hub ids, bare names (006), local dirs (007, 010)', () => {
    const kinds = (prefix: string) => recordOfFixture(prefix).upstreams.map((u) => u.kind);
    expect(kinds('mergekit/006')).toEqual(['hub-id', 'bare-id', 'bare-id', 'bare-id', 'bare-id', 'hub-id', 'hub-id']);
    expect(kinds('mergekit/007')).toEqual(['local-path', 'local-path']);
    expect(new Set(kinds('mergekit/010'))).toEqual(new Set(['local-path']));
    // Quoted ids (011) are read without their quotes, the span still covers them.
    const [base] = recordOfFixture('mergekit/011').upstreams;
    expect(base.source).toEqual({
      path: 'merge_config.yaml',
      field: 'base_model',
      at: { line: 8, column: 13, endLine: 8, endColumn: 36 }
    });
  });

  it('states the merge method as the relation source and a training fact', () => {
    const record = recordOfFixture('mergekit/006');
    expect(record.relation).toEqual({
      value: 'merge',
      source: {
        path: 'mergekit_config.yaml',
        field: 'merge_method',
        at: { line: 22, column: 15, endLine: 22, endColumn: 19 }
      }
    });
    expect(record.training?.method?.value).toBe('ties');
  });

  it('does not claim the dataset-compilation config named merge_config.yml (008), nor the PyYAML dump (012)', () => {
    const negative = configFixture('mergekit/008');
    expect(mergekitConfig.detect(valueOf(negative.bytes.toString('utf8')), 'merge_config.yml')).toBe(false);
    expect(readManifest(negative.repoPath, negative.bytes).kind).toBe('not-a-manifest');
    const dump = configFixture('mergekit/012');
    // Its `!!python/*` tags are unknown to YAML's core schema: read as plain lists (no crash), and a list is no config.
    expect(Array.isArray(valueOf(dump.bytes.toString('utf8')))).toBe(true);
    expect(mergekitConfig.detect(valueOf(dump.bytes.toString('utf8')), 'merge_config.yml')).toBe(false);
    expect(readManifest(dump.repoPath, dump.bytes).kind).toBe('not-a-manifest');
  });

  it("claims none of the other tools' configs", () => {
    for (const f of configFixtures().filter((c) => !c.file.startsWith('mergekit/'))) {
      const result = readManifest(f.repoPath, f.bytes);
      expect([f.file, result.kind === 'record' ? result.record.format : result.kind]).not.toEqual([
        f.file,
        'mergekit-config'
      ]);
    }
  });
});

describe('mergekit-config: the reference shapes mergekit accepts', () => {
  it('`model+lora`: the model is a merge parent, the LoRA an upstream, both at the value', () => {
    const model = 'mistralai/Mistral-7B-v0.1+someone/mistral-lora';
    const { record, problems } = read(
      `merge_method: linear\nmodels:\n  - model: ${model}\n    parameters: {weight: 1}\n`
    );
    expect(problems).toEqual([]);
    expect(record.upstreams.map((u) => [u.role, u.raw, u.id, u.source.field, u.source.at.line])).toEqual([
      ['merge-parent', 'mistralai/Mistral-7B-v0.1', 'mistralai/Mistral-7B-v0.1', 'models[0].model', 3],
      ['upstream', 'someone/mistral-lora', 'someone/mistral-lora', 'models[0].model', 3]
    ]);
    expect(record.upstreams[1].recovered).toMatch(/with the LoRA `someone\/mistral-lora`$/);
  });

  it('object references: {model: {path, revision}, lora: path}, and `id@revision` strings', () => {
    const sha = '0123456789abcdef0123456789abcdef01234567';
    const text = [
      'merge_method: ties',
      `base_model: org/base@${sha}`,
      'models:',
      '  - model:',
      '      model: {path: org/a, revision: v1.0}',
      '      lora: org/a-lora',
      '  - model: {model: org/b}',
      ''
    ].join('\n');
    const { record, problems } = read(text);
    expect(problems).toEqual([]);
    expect(record.upstreams.map((u) => [u.role, u.id, u.revision, u.source.field, u.source.at.line])).toEqual([
      ['base', 'org/base', sha, 'base_model', 2],
      ['merge-parent', 'org/a', 'v1.0', 'models[0].model.model.path', 5],
      ['upstream', 'org/a-lora', undefined, 'models[0].model.lora', 6],
      ['merge-parent', 'org/b', undefined, 'models[1].model.model', 7]
    ]);
  });

  it('tokenizer_source: `base` and `union` are keywords, a model is the tokenizer source', () => {
    const inputs = 'merge_method: slerp\nslices:\n  - sources:\n      - model: org/a\n        layer_range: [0, 2]\n';
    expect(read(`${inputs}tokenizer_source: base\n`).record.upstreams.map((u) => u.role)).toEqual(['merge-parent']);
    expect(read(`${inputs}tokenizer_source: union\n`).record.upstreams.map((u) => u.role)).toEqual(['merge-parent']);
    const named = read(`${inputs}tokenizer:\n  source: org/tok\n`).record.upstreams;
    expect(named.map((u) => [u.role, u.id, u.source.field])).toEqual([
      ['merge-parent', 'org/a', 'slices[0].sources[0].model'],
      ['tokenizer', 'org/tok', 'tokenizer.source']
    ]);
  });

  it('per-slice base models and multi-module merges', () => {
    const text = [
      'merge_method: passthrough',
      'slices:',
      '  - base_model: org/slice-base',
      '    sources: [{model: org/a, layer_range: [0, 4]}]',
      'modules:',
      '  text_decoder:',
      '    models:',
      '      - model: org/c',
      ''
    ].join('\n');
    expect(read(text).record.upstreams.map((u) => `${u.role} ${u.raw} ${u.source.field}`)).toEqual([
      'base org/slice-base slices[0].base_model',
      'merge-parent org/a slices[0].sources[0].model',
      'merge-parent org/c modules.text_decoder.models[0].model'
    ]);
  });

  it('`base_model: null` is no base; a model of the wrong type is a schema problem with its position', () => {
    const sliceBase = read('merge_method: slerp\nslices:\n  - base_model: null\n    sources: [{model: org/a}]\n');
    expect(sliceBase.record.upstreams.map((u) => u.role)).toEqual(['merge-parent']);
    const { record, problems } = read('merge_method: 7\nbase_model: null\nmodels:\n  - model: 42\n');
    expect(record.upstreams.map((u) => [u.role, u.kind, u.raw])).toEqual([['merge-parent', 'placeholder', '42']]);
    expect(problems).toEqual([
      '1:15 `merge_method` must be string (got 7)',
      expect.stringMatching(/^4:12 `models\[0\]\.model` /)
    ]);
  });

  it('is detected by merge_method or the shape of its inputs, never by `models:` alone', () => {
    const detect = (text: string) => detectFormat(valueOf(text), 'x.yml', 'yaml')?.id;
    expect(detect('merge_method: linear\n')).toBe('mergekit-config');
    expect(detect('models:\n  - model: org/a\n')).toBe('mergekit-config');
    expect(detect('slices:\n  - sources:\n      - model: org/a\n')).toBe('mergekit-config');
    expect(detect('models:\n  - gpt-4\n  - claude\n')).toBeUndefined();
    expect(detect('models:\n  - name: org/a\n')).toBeUndefined();
    expect(detect('merge_method: ""\nslices: []\n')).toBeUndefined();
    expect(detect('services:\n  web:\n    image: nginx\n')).toBeUndefined();
    expect(detect('on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n')).toBeUndefined();
    expect(detect('sources:\n  - repo: org/dataset\n    model: x\n')).toBeUndefined();
  });

  it('mergekit-multi files (several `---` documents) are a clear read problem, not silence', () => {
    const multi = 'name: stage1\nmerge_method: slerp\nbase_model: org/a\n---\nname: final\nmerge_method: ties\n';
    const parsed = parseYamlDocument(multi);
    expect('problem' in parsed && parsed.problem).toEqual({
      reason: 'it holds more than one YAML document',
      span: { line: 4, column: 1, endLine: 4, endColumn: 1 }
    });
    // Under a manifest's name the gate reports it as unreadable (merge configs' names are nominated by discovery).
    const result = readManifest('merge/lineage.yml', Buffer.from(multi));
    expect(result.kind === 'unreadable' && result.problem.reason).toBe('it holds more than one YAML document');
  });
});

describe('mergekit-config: hostile configs', () => {
  const KEYS = ['merge_method', 'base_model', 'models', 'slices', 'sources', 'model', 'lora', 'path', 'revision'];
  const keyed: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom('org/a+org/b', 'a+b+c', '+', 'base', 'union', '__proto__', './x', 'org/a@'),
      fc.array(tie('value'), { maxLength: 4 }),
      tie('object')
    ),
    object: fc.dictionary(
      fc.oneof(fc.constantFrom(...KEYS, 'tokenizer_source', 'tokenizer', 'modules', '__proto__'), fc.string()),
      tie('value'),
      { maxKeys: 6 }
    )
  })).object;

  it('any value under the keys it reads gives a record with schema problems, never an exception', () => {
    fc.assert(
      fc.property(keyed, (value) => {
        const text = JSON.stringify({ merge_method: 'ties', ...(value as object) }, null, 1);
        const r = timed(() => readManifest('m/merge.yml', Buffer.from(text)));
        expect(['record', 'not-a-manifest', 'unreadable']).toContain(r.kind);
      }),
      { numRuns: FC_RUNS }
    );
  });

  it('10,000 merge inputs are read in bounded time (the YAML parse itself is timed by the parser suite)', () => {
    const parsed = parseYamlDocument(`merge_method: linear\nmodels:\n${'  - model: org/a+org/b\n'.repeat(10_000)}`);
    if (!('doc' in parsed)) throw new Error(parsed.problem.reason);
    const record = timed(() => mergekitConfig.read({ path: 'm/merge.yml', doc: parsed.doc }));
    expect(record.upstreams).toHaveLength(20_000);
    expect(record.upstreams[19_999].source.at.line).toBe(10_002);
  });
});
