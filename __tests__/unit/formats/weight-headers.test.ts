import { readWeightRecord } from '../../../src/formats/weight-formats.js';
import type { GgufEntry, WeightHeader } from '../../../src/weights/header.js';

const gguf = (entries: [string, GgufEntry['value']][]): WeightHeader => ({
  kind: 'gguf',
  version: 3,
  tensorCount: 0,
  entries: entries.map(([key, value], i) => ({ key, value, offset: 24 + i * 40 }))
});
const tensors = (names: [string, number[]][]): WeightHeader => ({
  kind: 'safetensors',
  tensors: names.map(([name, shape]) => ({ name, dtype: 'F16', shape })),
  metadata: {}
});

describe('GGUF headers as lineage evidence', () => {
  it('reads base models, the source, license, datasets and dimensions, each at its key and byte offset', () => {
    const record = readWeightRecord(
      'm/model.gguf',
      gguf([
        ['general.architecture', 'llama'],
        ['general.name', 'Support Bot'],
        ['general.base_model.count', 2],
        ['general.base_model.0.name', 'Llama 3.1 8B Instruct'],
        ['general.base_model.0.repo_url', 'https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct'],
        ['general.base_model.1.name', 'Free text only'],
        ['general.source.repo_url', 'https://huggingface.co/acme/support-bot'],
        ['general.license', 'llama3.1'],
        ['general.dataset.count', 1],
        ['general.dataset.0.repo_url', 'https://huggingface.co/datasets/acme/tickets'],
        ['llama.embedding_length', 4096],
        ['llama.block_count', 32],
        ['tokenizer.ggml.tokens', { arrayOf: 'string', length: 128256 }]
      ])
    )!;
    expect(record).toMatchObject({ origin: 'weights', format: 'gguf-header', name: { value: 'Support Bot' } });
    expect(record.upstreams.map((u) => [u.id, u.role, u.evidence, u.source.field])).toEqual([
      ['meta-llama/Llama-3.1-8B-Instruct', 'base', 'secondary', 'general.base_model.0.repo_url (byte 184)'],
      ['acme/support-bot', 'quantized-from', 'secondary', 'general.source.repo_url (byte 264)']
    ]);
    expect(record.license).toMatchObject({ id: 'llama3.1', source: { field: 'general.license (byte 304)' } });
    expect(record.datasets).toEqual([expect.objectContaining({ id: 'acme/tickets' })]);
    expect(record.training).toMatchObject({ dModel: { value: 4096 }, layers: { value: 32 }, vocab: { value: 128256 } });
  });

  it('never guesses an id from free text, bounds what it keeps, and says nothing for an empty header', () => {
    const record = readWeightRecord(
      'm/model.gguf',
      gguf([
        ['general.base_model.count', 1_000_000],
        ['general.base_model.0.name', 'Meta Llama 3.1'],
        ['general.base_model.1.name', 'Qwen/Qwen2.5-7B'],
        ['general.name', 'x'.repeat(5000)]
      ])
    )!;
    expect(record.upstreams.map((u) => u.id)).toEqual(['Qwen/Qwen2.5-7B']);
    expect(record.name!.value.length).toBeLessThanOrEqual(200);
    expect(readWeightRecord('m/model.gguf', gguf([['general.architecture', 'llama']]))).toBeUndefined();
    expect(readWeightRecord('m/model.gguf', { kind: 'unreadable', reason: 'x' })).toBeUndefined();
  });
});

describe('safetensors headers as lineage evidence', () => {
  it('reads a base model from __metadata__ and the LoRA rank from PEFT tensors', () => {
    const header = tensors([
      ['base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight', [16, 4096]],
      ['base_model.model.model.layers.0.self_attn.q_proj.lora_B.weight', [4096, 16]]
    ]);
    if (header.kind === 'safetensors') header.metadata = { format: 'pt', base_model: 'Qwen/Qwen3-4B' };
    const record = readWeightRecord('a/adapter_model.safetensors', header)!;
    expect(record.upstreams.map((u) => [u.id, u.source.field])).toEqual([['Qwen/Qwen3-4B', '__metadata__.base_model']]);
    expect(record.training?.rank?.value).toBe(16);
  });

  it("takes mlx_lm's lora_a/lora_b orientation only in mlx_lm's own files", () => {
    const mlx = tensors([
      ['model.layers.0.self_attn.q_proj.lora_a', [4096, 8]],
      ['model.layers.0.self_attn.q_proj.lora_b', [8, 4096]]
    ]);
    expect(readWeightRecord('a/adapters.safetensors', mlx)?.training?.rank?.value).toBe(8);
    expect(readWeightRecord('a/0000100_adapters.safetensors', mlx)?.training?.rank?.value).toBe(8);
    expect(readWeightRecord('a/candle_qlora_adapter.safetensors', mlx)).toBeUndefined();
  });
});
