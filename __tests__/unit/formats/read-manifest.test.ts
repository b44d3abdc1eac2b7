import {
  isManifestCandidate,
  MAX_LISTED_DATASETS,
  MAX_LISTED_ENTRIES,
  MAX_MANIFEST_BYTES,
  readManifest,
  type ReadResult
} from '../../../src/formats/read-manifest.js';
import { firstInvalidUtf8 } from '../../../src/formats/decode.js';
import { fixture } from './real-world.js';

const KOYASH = 'peft/018-mnkhmtv__koyash-prompt-vs-lora__adapter_config.json';

function problemOf(result: ReadResult) {
  if (result.kind !== 'unreadable') throw new Error(`expected unreadable, got ${JSON.stringify(result).slice(0, 300)}`);
  return result.problem;
}

describe('isManifestCandidate', () => {
  it.each([
    'adapter_config.json',
    'out/Adapter_Config.JSON',
    'mens/runs/a/training_manifest.json',
    'adapter_manifest.json',
    'mens_adapter_manifest_v3.json',
    'populi_adapter_manifest_v3.json',
    'candle_qlora_adapter_meta.json',
    'adapter_meta_v2.json',
    'meta.json',
    'README.md',
    'x/readme.md',
    'MODEL_CARD.md',
    'HF_MODEL_CARD.md',
    'hf_model_card.md',
    'lineage.yaml',
    'lineage.yml',
    'a/qwen.lineage.json',
    'a/qwen.lineage.yaml',
    'a/qwen.LINEAGE.YML',
    // Any JSON, YAML, Markdown or Modelfile: its content decides.
    'config.json',
    'configs/qlora.yml',
    'mergekit_config.yaml',
    'notes/lineage.md',
    'Modelfile',
    'ollama/llama3.Modelfile',
    // No extension: a Modelfile saved under another name is one by its content.
    'lawbot/makefile',
    'Kitfile'
  ])('%s is a candidate', (path) => expect(isManifestCandidate(path)).toBe(true));

  it.each(['adapter_model.safetensors', 'README.txt', 'adapter_config.json.bak', 'model_card.txt', 'train.py'])(
    '%s is not',
    (path) => expect(isManifestCandidate(path)).toBe(false)
  );
});

describe('readManifest refuses what is not a bounded UTF-8 text manifest', () => {
  it('caps the size, saying the size and the cap', () => {
    const big = Buffer.alloc(2 * 1024 * 1024, 0x20);
    expect(problemOf(readManifest('a/adapter_config.json', big))).toEqual({
      path: 'a/adapter_config.json',
      reason:
        'it is 2097152 bytes (2.0 MiB), over the 1 MiB (1048576-byte) cap for a ' +
        'manifest; a manifest is metadata: move logs, tensors or data out of it',
      at: { line: 1, column: 1, endLine: 1, endColumn: 1 }
    });
    // A bounded read hands over cap + 1 bytes; the size on disk, when passed, is what is reported.
    const head = big.subarray(0, MAX_MANIFEST_BYTES + 1);
    expect(problemOf(readManifest('a/adapter_config.json', head)).reason).toMatch(
      /^it is larger than the 1 MiB \(1048576-byte\) cap for a manifest \(reading stopped after 1048577 bytes\)/
    );
    expect(problemOf(readManifest('a/adapter_config.json', head, 5_000_000)).reason).toMatch(
      /^it is 5000000 bytes \(4\.8 MiB\), over the 1 MiB/
    );
    // Exactly at the cap is still read.
    const atCap = Buffer.alloc(MAX_MANIFEST_BYTES, 0x20);
    Buffer.from('{"peft_type":"LORA"}').copy(atCap);
    expect(readManifest('a/adapter_config.json', atCap).kind).toBe('record');
  });

  it('refuses a list longer than the cap, pointing at the first entry past it; the cap itself is read', () => {
    const card = (n: number) =>
      Buffer.from(`---\nbase_model:\n${Array.from({ length: n }, (_, i) => `- org/m${i}\n`).join('')}---\n`);
    const atCap = readManifest('m/README.md', card(MAX_LISTED_ENTRIES));
    expect(atCap.kind === 'record' && atCap.record.upstreams.length).toBe(MAX_LISTED_ENTRIES);
    expect(problemOf(readManifest('m/README.md', card(MAX_LISTED_ENTRIES + 1)))).toEqual({
      path: 'm/README.md',
      reason:
        `it names ${MAX_LISTED_ENTRIES + 1} upstreams; the limit is ${MAX_LISTED_ENTRIES} (from ` +
        `\`base_model[${MAX_LISTED_ENTRIES}]\` on): lineage names an artifact's direct sources, not a catalogue`,
      at: expect.objectContaining({ line: MAX_LISTED_ENTRIES + 3 }),
      fix: expect.stringContaining('Name only what the artifact was made from')
    });
    const datasets = (n: number) => Buffer.from(`---\nlicense: mit\ndatasets:\n${'- org/d\n'.repeat(n)}---\n`);
    expect(readManifest('m/README.md', datasets(MAX_LISTED_DATASETS)).kind).toBe('record');
    expect(problemOf(readManifest('m/README.md', datasets(MAX_LISTED_DATASETS + 1))).reason).toMatch(
      /^it names 10001 datasets; the limit is 10000 /
    );
  });

  it('says a Git LFS pointer is one, with its oid and size, and how to get the real file', () => {
    const pointer =
      'version https://git-lfs.github.com/spec/v1\n' +
      'oid sha256:fb5f8cff1bf787a0bcdbdd58db70204cdc71793097d30aeb7333b4cc4b948ff8\nsize 705\n';
    const problem = problemOf(readManifest('model/adapter_config.json', Buffer.from(pointer)));
    expect(problem.reason).toBe(
      'it is a Git LFS pointer (oid sha256:fb5f8cff1bf787a0bcdbdd58db70204cdc71793097d30aeb7333b4cc4b948ff8, ' +
        'size 705 bytes), not the manifest: the checkout holds the pointer instead of the file'
    );
    expect(problem.fix).toBe(
      'Commit the real file (do not track manifests with LFS), ' +
        'or run `git lfs pull` (actions/checkout with `lfs: true`) before the gate.'
    );
    expect(problem.at.line).toBe(1);
    // A model card committed through LFS is no less unreadable.
    expect(problemOf(readManifest('model/README.md', Buffer.from(pointer.replace(/\n/g, '\r\n')))).reason).toMatch(
      /^it is a Git LFS pointer/
    );
  });

  it('names UTF-16 and UTF-32, with or without a byte-order mark', () => {
    const text = fixture(KOYASH).bytes.toString('utf8');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(problemOf(readManifest('a/adapter_config.json', le)).reason).toBe(
      'it is encoded as UTF-16 (little-endian), with a byte-order ' +
        'mark; save it as UTF-8 (e.g. `iconv -f UTF-16 -t UTF-8`)'
    );
    const be = Buffer.from(le);
    be.swap16();
    expect(problemOf(readManifest('a/adapter_config.json', be)).reason).toMatch(
      /^it is encoded as UTF-16 \(big-endian\)/
    );
    const utf32 = Buffer.concat([Buffer.from([0xff, 0xfe, 0x00, 0x00]), Buffer.from('{}')]);
    expect(problemOf(readManifest('a/adapter_config.json', utf32)).reason).toMatch(
      /^it is encoded as UTF-32 \(little-endian\)/
    );
    // PowerShell's `>` writes UTF-16LE with a BOM; a stripped BOM leaves NUL in every other byte.
    expect(problemOf(readManifest('a/adapter_config.json', Buffer.from(text, 'utf16le'))).reason).toBe(
      'it is encoded as UTF-16 without a byte-order mark (every other byte is NUL); save it as UTF-8'
    );
  });

  it('calls binary junk named adapter_config.json binary, at the first NUL', () => {
    const junk = Buffer.from([
      0x7b, 0x0a, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52
    ]);
    const problem = problemOf(readManifest('a/adapter_config.json', junk));
    expect(problem.reason).toBe(
      'it contains NUL bytes (the first at line 4, column 1): it is binary data, not a UTF-8 text manifest'
    );
    expect(problem.at).toEqual({ line: 4, column: 1, endLine: 4, endColumn: 2 });
  });

  it('locates invalid UTF-8 (Latin-1 text)', () => {
    const latin1 = Buffer.from('{\n  "base_model": "caf\xe9/model"\n}', 'latin1');
    const problem = problemOf(readManifest('a/adapter_config.json', latin1));
    expect(problem.reason).toBe(
      'it is not valid UTF-8 text (byte 0xe9 at line 2, column 21): binary data, ' +
        'or a legacy encoding such as Latin-1 or Windows-1252; save it as UTF-8'
    );
    expect(problem.at.line).toBe(2);
  });

  it('finds the first invalid UTF-8 sequence: truncated, overlong, surrogate, stray continuation', () => {
    expect(firstInvalidUtf8(Buffer.from('héllo €', 'utf8'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xe2, 0x82]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0xaf]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0x80]))).toBe(2);
  });

  it('strips a UTF-8 byte-order mark and keeps positions', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), fixture(KOYASH).bytes]);
    const result = readManifest('model/adapter_config.json', bytes);
    if (result.kind !== 'record') throw new Error(JSON.stringify(result));
    expect(result.record.upstreams[0]).toMatchObject({ id: 'Qwen/Qwen3-4B', source: { at: { line: 4, column: 30 } } });
  });

  it('says where JSON stops parsing', () => {
    const broken = '{\n  "peft_type": "LORA",\n  "base_model_name_or_path": "Qwen/Qwen3-4B",\n}\n';
    const problem = problemOf(readManifest('a/adapter_config.json', Buffer.from(broken)));
    expect(problem.reason).toMatch(/^not valid JSON: /);
    expect(problem.at.line).toBe(4);
    expect(problemOf(readManifest('a/adapter_config.json', Buffer.from(''))).reason).toMatch(/^not valid JSON/);
  });

  it('says where YAML stops parsing, and refuses alias bombs', () => {
    const problem = problemOf(readManifest('a/lineage.yaml', Buffer.from('schema: 1\nupstreams:\n  - id: [org/a\n')));
    expect(problem.reason).toMatch(/^not valid YAML: /);
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x","x"]',
      ...'bcdefghij'.split('').map(
        (k, i) =>
          `${k}: &${k} [${Array(10)
            .fill(`*${String.fromCharCode(97 + i)}`)
            .join(',')}]`
      )
    ].join('\n');
    expect(problemOf(readManifest('a/lineage.yaml', Buffer.from(`${bomb}\nschema: 1\n`))).reason).toMatch(
      /^not valid YAML: .*alias/i
    );
  });

  it('is not a manifest by a name the gate does not read', () => {
    expect(readManifest('weights/model.safetensors', Buffer.from('{}'))).toEqual({
      kind: 'not-a-manifest',
      reason: 'its name is not one of the manifest names the gate reads'
    });
  });
});

describe('readManifest copes with hostile shapes', () => {
  const weird: unknown[] = [null, 0, true, 'x', [], ['a', 1], {}, { a: [null] }, { constructor: 'x' }];
  const docs: [string, Record<string, unknown>][] = [
    ['adapter_config.json', { peft_type: 'LORA', base_model_name_or_path: 0, revision: 0 }],
    ['adapter_config.json', { fine_tune_type: 'lora', model: 0, lora_parameters: 0 }],
    [
      'training_manifest.json',
      {
        manifest_schema_version: 5,
        base_model: 0,
        tokenizer_path: 0,
        provenance_upstream_model_id: 0,
        provenance_license_class: 0,
        provenance_attribution_required: 0,
        provenance_base_family: 0
      }
    ],
    ['adapter_manifest.json', { format: 'vox_mens_adapter', base_model: 0, provenance: 0, adapter_method: 0 }],
    ['meta.json', { format: 'vox_mens_qlora_lora_only_v2', base_model: 0 }],
    [
      'lineage.yaml',
      { schema: 1, name: 0, relation: 0, upstreams: 0, license: 0, attribution: 0, datasets: 0, weights: 0 }
    ]
  ];

  it.each(docs)('%s: every lineage key with every kind of value', (name, template) => {
    for (const value of weird) {
      const obj = Object.fromEntries(Object.entries(template).map(([k, v]) => [k, v === 0 ? value : v]));
      for (const shape of [
        obj,
        { ...obj, upstreams: [value, { id: value, license: value, revision: value, evidence: value }] }
      ]) {
        const result = readManifest(`x/${name}`, Buffer.from(JSON.stringify(shape)));
        expect(result.kind).toBe('record');
      }
    }
  });

  it('model cards: every lineage key with every kind of value', () => {
    for (const value of weird) {
      const keys = [
        'base_model',
        'license',
        'licence',
        'license_name',
        'license_link',
        'datasets',
        'model_name',
        'base_model_relation'
      ];
      const lines = keys.map((k) => `${k}: ${JSON.stringify(value)}`).join('\n');
      const text = `---\n${lines}\n---\n`;
      expect(readManifest('x/README.md', Buffer.from(text)).kind).toBe('record');
    }
  });
});

describe('files of any name are manifests when their content says so', () => {
  const read = (path: string, text: string | Buffer) =>
    readManifest(path, typeof text === 'string' ? Buffer.from(text) : text);

  it('reads a config of no known format for the model keys it names, as a recipe', () => {
    const result = read(
      'train/my_run.yaml',
      '# our own trainer\nlearning_rate: 2e-5\nmodel_name_or_path: Qwen/Qwen2.5-7B\nadapter_name_or_path: me/ad\n'
    );
    if (result.kind !== 'record') throw new Error(JSON.stringify(result));
    expect(result.record.format).toBe('unrecognised-config');
    expect(result.record.recipe).toBe(true);
    expect(result.record.upstreams.map((u) => [u.source.field, u.id, u.role, u.source.at.line])).toEqual([
      ['model_name_or_path', 'Qwen/Qwen2.5-7B', 'base', 3],
      ['adapter_name_or_path', 'me/ad', 'upstream', 4]
    ]);
  });

  it('leaves alone JSON and YAML that name no model, even when they cannot be parsed', () => {
    for (const [path, text] of [
      ['.github/workflows/ci.yml', 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n'],
      ['chart/templates/deploy.yaml', 'metadata:\n  name: {{ .Release.Name }}\n  labels: {{- include "x" . }}\n'],
      ['tsconfig.json', '{\n  // comments are fine for tsc\n  "compilerOptions": {}\n}\n'],
      ['docker-compose.yml', 'services:\n  app:\n    image: ollama/ollama\n    model: llama3\n'],
      ['tokenizer.json', 'version https://git-lfs.github.com/spec/v1\noid sha256:' + 'a'.repeat(64) + '\nsize 9\n']
    ]) {
      expect([path, read(path, text).kind]).toEqual([path, 'not-a-manifest']);
    }
    const big = Buffer.concat([Buffer.from('{"vocab": ['), Buffer.alloc(MAX_MANIFEST_BYTES, 0x20)]);
    expect(readManifest('tokenizer.json', big).kind).toBe('not-a-manifest');
  });

  it('reports a file that names a model but cannot be read, whatever its name', () => {
    const problem = problemOf(read('configs/sft.yaml', 'model_name_or_path: Qwen/Qwen2-7B\nreport_to:wandb\n'));
    expect(problem.path).toBe('configs/sft.yaml');
    expect(problem.at.line).toBe(2);
    const big = Buffer.concat([Buffer.from('{"base_model": "a/b", "x": "'), Buffer.alloc(MAX_MANIFEST_BYTES, 0x61)]);
    expect(problemOf(readManifest('run.json', big)).reason).toMatch(/larger than|bytes/);
  });

  it('reads Markdown of any name as a model card only with a key no docs page has', () => {
    const page = '---\ntitle: Guide\ntags: [llm]\nlicense: mit\n---\n# Guide\n';
    expect(read('docs/guide.md', page).kind).toBe('not-a-manifest');
    // A page that opens with a `---` rule and never closes it is prose, not a broken card.
    expect(read('docs/notes.md', '---\nsome prose\n').kind).toBe('not-a-manifest');
    const card = read('models/qwen-sql.md', '---\nbase_model: Qwen/Qwen2.5-3B\nlicense: apache-2.0\n---\n');
    if (card.kind !== 'record') throw new Error(JSON.stringify(card));
    expect(card.record.format).toBe('hf-model-card');
    // README-like names are cards with any model-card key, as README.md is.
    const zh = read('out/README_zh.md', '---\nlicense: apache-2.0\n---\n');
    expect(zh.kind === 'record' && zh.record.format).toBe('hf-model-card');
  });
});
