import { readManifest, type ReadResult } from '../../../src/formats/read-manifest.js';
import type { LineageRecord } from '../../../src/lineage/record.js';
import { fixture } from './real-world.js';

const QWEN35_SHA = '851bf6e806efd8d0a36b00ddf55e13ccb7b8cd0a';
const CODER3B_SHA = '488639f1ff808d1d3d0ba301aef8c11461451ec5';

function recordOf(result: ReadResult): { record: LineageRecord; problems: string[] } {
  if (result.kind !== 'record') throw new Error(`expected a record, got ${JSON.stringify(result)}`);
  return {
    record: result.record,
    problems: result.schemaProblems.map((p) => `${p.at.line}:${p.at.column} ${p.message}`)
  };
}

function read(file: string) {
  const f = fixture(file);
  return { ...recordOf(readManifest(f.repoPath, f.bytes)), path: f.repoPath };
}

/** A real fixture with one top-level key replaced or added (JSON text edit keeps the layout). */
function edited(file: string, edit: (obj: Record<string, unknown>) => void, name = 'training_manifest.json') {
  const obj = JSON.parse(fixture(file).bytes.toString('utf8')) as Record<string, unknown>;
  edit(obj);
  return recordOf(readManifest(`run/${name}`, Buffer.from(JSON.stringify(obj, null, 2))));
}

const upstreamRow = (r: LineageRecord) =>
  r.upstreams.map((u) => [
    u.source.field,
    u.raw,
    u.kind,
    u.id,
    u.revision,
    u.role,
    u.evidence,
    u.source.at.line,
    u.source.at.column
  ]);

describe('mens-training-manifest', () => {
  it('reads base_model, the upstream id, and the tokenizer cache path as the inferred revision record', () => {
    const { record, problems, path } = read(
      'mens/training_manifest.CONSTRUCTED.schema5.kimi-attribution-required.with-launch_argv-brbrainerd.json'
    );
    expect(problems).toEqual([]);
    expect(record.format).toBe('mens-training-manifest');
    expect(upstreamRow(record)).toEqual([
      ['base_model', 'Qwen/Qwen3.5-4B', 'hub-id', 'Qwen/Qwen3.5-4B', undefined, 'base', 'primary', 6, 17],
      [
        'provenance_upstream_model_id',
        'moonshotai/Kimi-K2.5',
        'hub-id',
        'moonshotai/Kimi-K2.5',
        undefined,
        'upstream',
        'primary',
        9,
        35
      ],
      [
        'tokenizer_path',
        `/home/ci/.cache/huggingface/hub/models--Qwen--Qwen3.5-4B/snapshots/${QWEN35_SHA}/tokenizer.json`,
        'hub-cache-path',
        'Qwen/Qwen3.5-4B',
        QWEN35_SHA,
        'base',
        'inferred',
        7,
        21
      ]
    ]);
    // The license class is the upstream's license and, for a MENS adapter, the artifact's own.
    const licenseSource = {
      path,
      field: 'provenance_license_class',
      at: { line: 10, column: 31, endLine: 10, endColumn: 45 }
    };
    expect(record.upstreamLicenses).toEqual([{ id: 'modified-mit', source: licenseSource }]);
    expect(record.license).toEqual({ id: 'modified-mit', source: licenseSource });
    expect(record.attribution).toEqual({
      required: true,
      source: {
        path,
        field: 'provenance_attribution_required',
        at: { line: 11, column: 38, endLine: 11, endColumn: 42 }
      }
    });
    expect(record.baseFamily?.value).toBe('kimi-k2.5');
    expect(record.anchor).toEqual({ path, field: 'vocab_size', at: { line: 2, column: 3, endLine: 2, endColumn: 15 } });
  });

  it('recovers the revision from a Windows cache path in a real schema-4 run without provenance', () => {
    const { record, problems } = read('mens/training_manifest.REAL.schema4.qwen25-coder-3b.no-provenance.json');
    expect(problems).toEqual([]);
    expect(record.upstreams.map((u) => [u.source.field, u.id, u.revision, u.evidence])).toEqual([
      ['base_model', 'Qwen/Qwen2.5-Coder-3B-Instruct', undefined, 'primary'],
      ['tokenizer_path', 'Qwen/Qwen2.5-Coder-3B-Instruct', CODER3B_SHA, 'inferred']
    ]);
    expect(record.license).toBeUndefined();
    expect(record.upstreamLicenses).toEqual([]);
    expect(record.attribution).toBeUndefined();
  });

  it('keeps attribution_required=false as a statement', () => {
    const { record } = read('mens/training_manifest.REAL.schema5.qwen35-4b.attribution-false-only.json');
    expect(record.attribution?.required).toBe(false);
    expect(record.attribution?.source.field).toBe('provenance_attribution_required');
  });

  it('ignores a tokenizer path that is not a Hub cache path, and a null upstream id', () => {
    const { record } = edited('mens/training_manifest.REAL.schema5.qwen35-4b.attribution-false-only.json', (m) => {
      m.tokenizer_path = 'mens/runs/qwen35/tokenizer.json';
      m.provenance_upstream_model_id = null;
    });
    expect(record.upstreams.map((u) => u.source.field)).toEqual(['base_model']);
  });

  it('reports wrong types at the value and missing keys at the document', () => {
    const { problems } = edited('mens/training_manifest.REAL.schema5.qwen35-4b.attribution-false-only.json', (m) => {
      m.alpha = '32.0';
      m.provenance_attribution_required = 'yes';
      delete m.train_file;
    });
    expect(problems).toEqual([
      '1:1 missing required property `train_file`',
      '8:38 `provenance_attribution_required` must be boolean (got "yes")',
      '10:12 `alpha` must be number (got "32.0")'
    ]);
  });

  it('is recognised by manifest_schema_version or most of its required keys, not by its name', () => {
    const tiny = { vocab_size: 10, d_model: 8, n_heads: 2, n_layers: 2, train_file: 't.jsonl' };
    expect(recordOf(readManifest('r/training_manifest.json', Buffer.from(JSON.stringify(tiny)))).record.format).toBe(
      'mens-training-manifest'
    );
    const foreign = { backend: 'flux', config: { lora_rank: 16 } };
    const other = recordOf(readManifest('r/training_manifest.json', Buffer.from(JSON.stringify(foreign)))).record;
    expect(other.format).toBe('unrecognised-manifest');
  });
});

describe('mens-adapter-manifest-v3', () => {
  it('reads base_model, provenance and the nested quant shape', () => {
    const { record, problems, path } = read(
      'mens/adapter_manifest_v3.CONSTRUCTED.nested-quant.with-base_model-and-provenance.json'
    );
    expect(problems).toEqual([]);
    expect(upstreamRow(record)).toEqual([
      [
        'base_model',
        'Qwen/Qwen2.5-Coder-3B-Instruct',
        'hub-id',
        'Qwen/Qwen2.5-Coder-3B-Instruct',
        undefined,
        'base',
        'primary',
        91,
        17
      ],
      [
        'provenance.upstream_model_id',
        'Qwen/Qwen2.5-Coder-3B-Instruct',
        'hub-id',
        'Qwen/Qwen2.5-Coder-3B-Instruct',
        undefined,
        'upstream',
        'primary',
        94,
        26
      ]
    ]);
    expect(record.license).toEqual({
      id: 'qwen-research',
      source: { path, field: 'provenance.license_class', at: { line: 95, column: 22, endLine: 95, endColumn: 37 } }
    });
    expect(record.upstreamLicenses.map((l) => l.id)).toEqual(['qwen-research']);
    expect(record.attribution).toMatchObject({
      required: true,
      source: { field: 'provenance.attribution_required', at: { line: 96 } }
    });
    expect(record.baseFamily).toMatchObject({
      value: 'qwen2.5',
      source: { field: 'provenance.base_family', at: { line: 93 } }
    });
    expect(record.relation?.value).toBe('qlora');
  });

  it('accepts the flat quant shape of the vox-ml-cli fixture', () => {
    const { record, problems } = read(
      'mens/adapter_manifest_v3.FIXTURE.vox-ml-cli-gpu_tests_body.flat-quant.with-provenance.json'
    );
    expect(problems).toEqual([]);
    expect(record.upstreams.map((u) => [u.role, u.id])).toEqual([
      ['base', 'Qwen/Qwen3.5-4B'],
      ['upstream', 'moonshotai/Kimi-K2.5']
    ]);
    expect(record.license?.id).toBe('modified-mit');
  });

  it('yields no upstream for the real run that recorded neither base_model nor provenance', () => {
    const { record, problems } = read('mens/adapter_manifest_v3.REAL.qwen25-coder-3b.nested-quant.no-provenance.json');
    expect(problems).toEqual([]);
    expect(record.upstreams).toEqual([]);
    expect(record.license).toBeUndefined();
    expect(record.attribution).toBeUndefined();
  });

  it('explains an unknown adapter_method, a wrong version, and missing quant settings', () => {
    const { problems } = edited(
      'mens/adapter_manifest_v3.CONSTRUCTED.unit-test-v3_provenance_roundtrips.kimi.json',
      (m) => {
        m.adapter_method = 'dora';
        m.version = 4;
        delete m.quant;
      },
      'adapter_manifest.json'
    );
    expect(problems).toEqual([
      '1:1 missing required property `quant` or `base_quant`',
      '3:14 `version` must be 3 (got 4)',
      '4:21 `adapter_method` must be one of `lora`, `qlora` (got "dora")'
    ]);
  });

  it('points a missing key of a nested object at that object', () => {
    const { problems } = edited(
      'mens/adapter_manifest_v3.CONSTRUCTED.unit-test-v3_provenance_roundtrips.kimi.json',
      (m) => {
        m.quant = { double_quant: 'yes' };
      },
      'adapter_manifest.json'
    );
    expect(problems).toEqual([
      '5:3 missing required property `base_quant` in `quant`',
      '6:21 `quant.double_quant` must be boolean (got "yes")'
    ]);
  });

  it('is recognised under every v3 file name, and not by name alone', () => {
    const bytes = fixture('mens/adapter_manifest_v3.CONSTRUCTED.unit-test-v3_provenance_roundtrips.kimi.json').bytes;
    for (const name of ['populi_adapter_manifest_v3.json', 'mens_adapter_manifest_v3.json', 'adapter_manifest.json']) {
      expect(recordOf(readManifest(`mens/runs/x/${name}`, bytes)).record.format).toBe('mens-adapter-manifest-v3');
    }
    const renamed = recordOf(
      readManifest('mens/runs/x/adapter_manifest.json', Buffer.from('{"format": "vox_other", "version": 3}'))
    ).record;
    expect(renamed.format).toBe('unrecognised-manifest');
    expect(renamed.notes[0].message).toBe(
      'mens/runs/x/adapter_manifest.json has the name of a MENS adapter manifest v3 but is not one: ' +
        'its `format` is "vox_other", not `vox_mens_adapter` or `vox_populi_adapter`. No lineage key ' +
        'could be read from it (no `base_model`, `base_model_name_or_path`, `model` or `license`).'
    );
  });
});

describe('mens-adapter-sidecar-v2', () => {
  it('reads base_model, its only lineage key', () => {
    const { record, problems } = read('mens/candle_qlora_adapter_meta_v2.CONSTRUCTED.with-base_model.json');
    expect(problems).toEqual([]);
    expect(upstreamRow(record)).toEqual([
      [
        'base_model',
        'Qwen/Qwen2.5-Coder-3B-Instruct',
        'hub-id',
        'Qwen/Qwen2.5-Coder-3B-Instruct',
        undefined,
        'base',
        'primary',
        87,
        17
      ]
    ]);
    expect(record.license).toBeUndefined();
  });

  it('reads the pre-rename vox_populi format and the real sidecar without base_model', () => {
    expect(read('mens/candle_qlora_adapter_meta_v2.CONSTRUCTED.legacy-format-vox_populi.json').record.format).toBe(
      'mens-adapter-sidecar-v2'
    );
    const real = read('mens/candle_qlora_adapter_meta_v2.REAL.qwen25-coder-3b.no-base_model.json');
    expect(real.record.upstreams).toEqual([]);
  });

  it('keeps a null base_model as an empty upstream (v2 serialises it when unset)', () => {
    const { record } = edited(
      'mens/candle_qlora_adapter_meta_v2.FIXTURE.vox-ml-cli-gpu_tests_body.gpt2-lm_head.json',
      (m) => (m.base_model = null),
      'adapter_meta_v2.json'
    );
    expect(record.upstreams.map((u) => [u.kind, u.raw])).toEqual([['empty', null]]);
  });

  it('reads meta.json only when its content is a sidecar or names a model', () => {
    const bytes = fixture(
      'mens/candle_qlora_adapter_meta_v2.FIXTURE.vox-ml-cli-gpu_tests_body.gpt2-lm_head.json'
    ).bytes;
    expect(recordOf(readManifest('runs/a/meta.json', bytes)).record.format).toBe('mens-adapter-sidecar-v2');
    const unrelated = readManifest('site/meta.json', Buffer.from('{"title": "docs", "version": 2}'));
    expect(unrelated).toEqual({
      kind: 'not-a-manifest',
      reason: expect.stringContaining('meta.json is a common name')
    });
    const named = recordOf(readManifest('runs/b/meta.json', Buffer.from('{"base_model": "Qwen/Qwen3-4B"}'))).record;
    expect(named.format).toBe('unrecognised-manifest');
    expect(named.upstreams.map((u) => u.id)).toEqual(['Qwen/Qwen3-4B']);
  });
});
