import { readManifest, type ReadResult } from '../../../src/formats/read-manifest.js';
import type { LineageRecord } from '../../../src/lineage/record.js';
import { fixture } from './real-world.js';

function recordOf(result: ReadResult): { record: LineageRecord; problems: string[] } {
  if (result.kind !== 'record') throw new Error(`expected a record, got ${JSON.stringify(result)}`);
  return {
    record: result.record,
    problems: result.schemaProblems.map((p) => `${p.at.line}:${p.at.column}-${p.at.endColumn} ${p.message}`)
  };
}

function read(file: string) {
  const f = fixture(file);
  return { ...recordOf(readManifest(f.repoPath, f.bytes)), path: f.repoPath };
}

/** A real PEFT config with keys changed, written the way PEFT writes it (sorted, 2-space indent). */
function peftWith(file: string, changes: Record<string, unknown>) {
  const obj = { ...(JSON.parse(fixture(file).bytes.toString('utf8')) as Record<string, unknown>), ...changes };
  const sorted = Object.fromEntries(
    Object.keys(obj)
      .sort()
      .map((k) => [k, obj[k]])
  );
  const text = JSON.stringify(sorted, null, 2);
  return { ...recordOf(readManifest('adapter/adapter_config.json', Buffer.from(text))), text };
}

const KOALPACA = 'peft/002-darwinj07__KoAlpaca-lora__adapter_config.json';
const SHA = '0123456789abcdef0123456789abcdef01234567';

describe('peft-adapter-config', () => {
  it('reads base_model_name_or_path with its exact span', () => {
    const { record, problems, path } = read(KOALPACA);
    expect(problems).toEqual([]);
    expect(record.format).toBe('peft-adapter-config');
    expect(record.upstreams).toEqual([
      {
        raw: 'beomi/KoAlpaca-llama-1-7b',
        kind: 'hub-id',
        id: 'beomi/KoAlpaca-llama-1-7b',
        evidence: 'primary',
        role: 'base',
        source: { path, field: 'base_model_name_or_path', at: { line: 2, column: 30, endLine: 2, endColumn: 57 } }
      }
    ]);
    expect(record.license).toBeUndefined();
    expect(record.relation?.value).toBe('LORA');
  });

  it('classifies the odd real bases: bare dir, legacy id, local paths with a recoverable id, null', () => {
    const row = (file: string) => {
      const [u] = read(file).record.upstreams;
      return [u.kind, u.id, u.evidence, u.source.at.line];
    };
    expect(row('peft/001-BooniesFX__ChatGLM-Efficient-Tuning__adapter_config.json')).toEqual([
      'placeholder',
      undefined,
      'primary',
      2
    ]);
    expect(
      row('peft/006-stathopoan__Apply-Lightweight-Fine-Tuning-to-a-Foundation-LLM-Model__adapter_config.json')
    ).toEqual(['bare-id', 'gpt2', 'primary', 4]);
    expect(row('peft/014-EPlus-LLM__Model__adapter_config.json')).toEqual([
      'local-path',
      'google/flan-t5-xxl',
      'inferred',
      4
    ]);
    expect(row('peft/020-Darrenzeng__MoE_Train__adapter_config.json')).toEqual([
      'local-path',
      'Qwen/Qwen1.5-0.5B-Chat',
      'inferred',
      4
    ]);
    expect(row('peft/010-JaimeMitchell__Mom_Painting_Style_GenAI__adapter_config.json')).toEqual([
      'empty',
      undefined,
      'primary',
      9
    ]);
  });

  it('takes `revision` as the revision of an id that has none, as written', () => {
    expect(peftWith(KOALPACA, { revision: SHA }).record.upstreams[0]).toMatchObject({
      id: 'beomi/KoAlpaca-llama-1-7b',
      revision: SHA,
      evidence: 'primary'
    });
    // A branch name is kept: whether it pins anything is for unpinned-revision to say.
    expect(peftWith(KOALPACA, { revision: 'main' }).record.upstreams[0].revision).toBe('main');
    expect(peftWith(KOALPACA, { revision: null }).record.upstreams[0].revision).toBeUndefined();
    // An id that carries its own revision keeps it.
    const own = peftWith(KOALPACA, { base_model_name_or_path: `beomi/KoAlpaca-llama-1-7b@${SHA}`, revision: 'main' });
    expect(own.record.upstreams[0]).toMatchObject({ id: 'beomi/KoAlpaca-llama-1-7b', revision: SHA });
    // Nothing to attach a revision to.
    const none = peftWith(KOALPACA, { base_model_name_or_path: null, revision: SHA }).record.upstreams[0];
    expect([none.kind, none.revision]).toEqual(['empty', undefined]);
  });

  it('reports `r: "8"` at the value, with what was written', () => {
    const { problems, text } = peftWith('peft/013-KZ-Shi__LLaMA-E__adapter_config.json', { r: '8' });
    const line = text.split('\n').findIndex((l) => l.includes('"r"')) + 1;
    expect(problems).toEqual([`${line}:8-11 \`r\` must be integer (got "8")`]);
  });

  it('types the lineage keys and tolerates every other key real PEFT versions write', () => {
    const { problems } = peftWith('peft/022-Unisound-LLM__u2_decision_4b__adapter_config.json', {
      base_model_name_or_path: 42,
      revision: ['main'],
      peft_type: null
    });
    expect(problems.map((p) => p.replace(/^\d+:\d+-\d+ /, ''))).toEqual([
      '`base_model_name_or_path` must be string or null (got 42)',
      '`peft_type` must be string (got null)',
      '`revision` must be string or null (got ["main"])'
    ]);
  });
});

describe('files named adapter_config.json that are no adapter config', () => {
  it('reads base_model from the lerobot stub and says what it is not', () => {
    const { record, problems, path } = read('peft/011-Inishpy__lerobot-libero__adapter_config.json');
    expect(problems).toEqual([]);
    expect(record.format).toBe('unrecognised-manifest');
    expect(
      record.upstreams.map((u) => [u.source.field, u.kind, u.id, u.role, u.source.at.line, u.source.at.column])
    ).toEqual([['base_model', 'hub-id', 'lerobot/smolvla_base', 'base', 2, 17]]);
    expect(record.notes).toEqual([
      {
        kind: 'unrecognised-format',
        message:
          'adapter_config.json has the name of a PEFT or MLX adapter config but is not one: it has ' +
          'no `peft_type`, `fine_tune_type` or `lora_parameters`. Only `base_model` was read from it.',
        fix: expect.stringContaining('save_pretrained()'),
        source: { path, field: 'base_model', at: { line: 2, column: 3, endLine: 2, endColumn: 15 } }
      }
    ]);
  });

  it('reads the teaching stub with `lora_rank` and a bare `llama2`', () => {
    const { record } = read('peft/028-lzrong0203__iSpan_LLM09__adapter_config.json');
    expect(record.upstreams.map((u) => [u.kind, u.id])).toEqual([['bare-id', 'llama2']]);
    expect(record.notes[0].message).toContain(
      'lora_adapter/adapter_config.json has the name of a PEFT or MLX adapter config'
    );
  });

  it('reads model and license keys too, and says when there is nothing to read', () => {
    const both = recordOf(
      readManifest('x/adapter_config.json', Buffer.from('{"model": "Qwen/Qwen3-4B", "license": "apache-2.0"}'))
    ).record;
    expect(both.upstreams.map((u) => [u.source.field, u.id])).toEqual([['model', 'Qwen/Qwen3-4B']]);
    expect(both.license).toMatchObject({ id: 'apache-2.0', source: { field: 'license' } });
    expect(both.notes[0].message).toContain('Only `model`, `license` were read from it.');
    const list = recordOf(readManifest('x/adapter_config.json', Buffer.from('["not", "an", "object"]'))).record;
    expect(list.upstreams).toEqual([]);
    expect(list.notes[0].message).toContain(
      '(its content is a list, not an object). No lineage key could be read from it'
    );
  });
});

describe('mlx-adapter-config', () => {
  it('reads `model` from a full training-args dump', () => {
    const { record, problems, path } = read('mlx/002-Brandi-Kinard__civicdigest__adapter_config.json');
    expect(problems).toEqual([]);
    expect(record.format).toBe('mlx-adapter-config');
    expect(record.upstreams).toEqual([
      {
        raw: 'mlx-community/SmolLM2-1.7B-Instruct',
        kind: 'hub-id',
        id: 'mlx-community/SmolLM2-1.7B-Instruct',
        evidence: 'primary',
        role: 'base',
        source: { path, field: 'model', at: { line: 20, column: 14, endLine: 20, endColumn: 51 } }
      }
    ]);
    expect(record.relation?.value).toBe('lora');
  });

  it('has no upstream when `model` is absent', () => {
    const { record, problems } = read('mlx/001-chan4lk__mlx-fine-tune__adapter_config.json');
    expect(problems).toEqual([]);
    expect(record.upstreams).toEqual([]);
    expect(record.anchor.field).toBe('fine_tune_type');
  });

  it('is recognised by lora_parameters alone and checks their types', () => {
    const { record, problems } = recordOf(
      readManifest('a/adapter_config.json', Buffer.from('{\n  "lora_parameters": {"rank": "8"},\n  "model": ""\n}'))
    );
    expect(record.format).toBe('mlx-adapter-config');
    expect(record.upstreams.map((u) => u.kind)).toEqual(['empty']);
    expect(problems).toEqual([
      '2:31-34 `lora_parameters.rank` must be integer (got "8")',
      '3:12-14 `model` must NOT have fewer than 1 characters (got "")'
    ]);
  });
});
