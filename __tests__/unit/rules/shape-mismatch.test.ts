/**
 * shape-mismatch as a rule: which base it checks against, where the dimensions come from, which weight
 * files it reads, and what its findings say. The shape check itself is in __tests__/unit/weights/lora-shapes.test.ts.
 */
import { fingerprint } from '../../../src/findings/fingerprint.js';
import { evaluateArtifact } from '../../../src/rules/engine.js';
import { findRule } from '../../../src/rules/index.js';
import type { Rule } from '../../../src/rules/rule.js';
import type { HubModelConfig, ModelDimensions } from '../../../src/hub/model-config.js';
import type { Artifact, WeightFile } from '../../../src/lineage/artifact.js';
import type { LineageRecord, UpstreamRef } from '../../../src/lineage/record.js';
import type { TensorInfo } from '../../../src/weights/header.js';
import { artifact, at, defaultRuleContext, record, upstream } from '../../helpers/build.js';
import { hubOf } from '../../helpers/hub-facts.js';

const PEFT = 'a/adapter_config.json';
const ADAPTER = 'a/adapter_model.safetensors';
const QWEN_7B = 'Qwen/Qwen2.5-7B';
const SHA = '0123456789abcdef0123456789abcdef01234567';

/** [input width, output width] of each adapted module of Llama 3.1 8B and Qwen2.5 7B (their config.json). */
const LLAMA_8B: Record<string, [number, number]> = {
  'self_attn.q_proj': [4096, 4096],
  'self_attn.k_proj': [4096, 1024],
  'self_attn.v_proj': [4096, 1024],
  'self_attn.o_proj': [4096, 4096]
};
const QWEN_7B_WIDTHS: Record<string, [number, number]> = {
  'self_attn.q_proj': [3584, 3584],
  'self_attn.k_proj': [3584, 512],
  'self_attn.v_proj': [3584, 512],
  'self_attn.o_proj': [3584, 3584]
};

/** A rank-8 adapter of one layer, as PEFT saves it (`lora_A` is [r, in], `lora_B` is [out, r]). */
function peftTensors(widths: Record<string, [number, number]>): TensorInfo[] {
  return Object.entries(widths).flatMap(([module, [input, output]]) => [
    { name: `base_model.model.model.layers.0.${module}.lora_A.weight`, dtype: 'F16', shape: [8, input] },
    { name: `base_model.model.model.layers.0.${module}.lora_B.weight`, dtype: 'F16', shape: [output, 8] }
  ]);
}

/** The same as mlx_lm saves it (`lora_a` is [in, r], `lora_b` is [r, out]). */
function mlxTensors(widths: Record<string, [number, number]>): TensorInfo[] {
  return Object.entries(widths).flatMap(([module, [input, output]]) => [
    { name: `model.layers.0.${module}.lora_a`, dtype: 'F16', shape: [input, 8] },
    { name: `model.layers.0.${module}.lora_b`, dtype: 'F16', shape: [8, output] }
  ]);
}

const safetensors = (path: string, tensors: TensorInfo[]): WeightFile => ({
  path,
  status: 'added',
  header: { kind: 'safetensors', tensors, metadata: {} }
});
const base = (id: string, extra: Partial<UpstreamRef> = {}) =>
  upstream(PEFT, { kind: 'hub-id', id, raw: id, source: at(PEFT, 'base_model_name_or_path', 2), ...extra });
const peftConfig = (...upstreams: UpstreamRef[]) => record(PEFT, 'peft-adapter-config', { upstreams });

function run(a: Artifact, config?: HubModelConfig) {
  const hub = config ? { ...hubOf([]), config: () => config } : undefined;
  return evaluateArtifact(a, [findRule('shape-mismatch') as Rule], defaultRuleContext({ hub })).map((e) => e.finding);
}

const adapterOf = (records: LineageRecord[], weights: WeightFile[]) => artifact('a', { records, weights });

describe('LoRA tensor shapes', () => {
  it('reports an adapter whose widths are not the base’s, quoting three tensors and counting the rest', () => {
    const findings = run(adapterOf([peftConfig(base(QWEN_7B))], [safetensors(ADAPTER, peftTensors(LLAMA_8B))]));
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f).toMatchObject({
      path: PEFT,
      line: 2,
      fix:
        'Declare the base model the adapter was really trained on (its tensor widths say which), or replace the ' +
        'weights with the adapter trained on this base.',
      fingerprint: fingerprint('shape-mismatch', PEFT, `${ADAPTER}:qwen/qwen2.5-7b`)
    });
    expect(
      f.message.startsWith(
        'a/adapter_model.safetensors cannot be a LoRA adapter of Qwen/Qwen2.5-7B (`base_model_name_or_path` in ' +
          'a/adapter_config.json): `base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight` has 4096 ' +
          '(shape [8, 4096]), expected 3584 (hidden_size 3584) (dimension 1 of a PEFT lora_A is the input width of ' +
          'q_proj, which Qwen/Qwen2.5-7B sets at 3584); `'
      )
    ).toBe(true);
    expect(f.message.match(/` has \d+ \(shape /g)).toHaveLength(3);
    expect(f.message).toContain('; and 5 more. Dimensions from the built-in table of base dimensions (https://');
  });

  it('says nothing for an adapter of the declared base, or a file that is no safetensors', () => {
    expect(run(adapterOf([peftConfig(base(QWEN_7B))], [safetensors(ADAPTER, peftTensors(QWEN_7B_WIDTHS))]))).toEqual(
      []
    );
    const gguf: WeightFile = {
      path: 'a/model.gguf',
      status: 'added',
      header: { kind: 'gguf', version: 3, tensorCount: 0, entries: [] }
    };
    expect(run(adapterOf([peftConfig(base(QWEN_7B))], [gguf]))).toEqual([]);
  });

  it('quotes every problem when there are three or fewer, without "more"', () => {
    const oneModule = { 'self_attn.q_proj': LLAMA_8B['self_attn.q_proj'] };
    const [f] = run(adapterOf([peftConfig(base(QWEN_7B))], [safetensors(ADAPTER, peftTensors(oneModule))]));
    expect(f.message).not.toContain('more');
  });

  it('reads mlx_lm names only in an MLX adapter file or beside an MLX adapter config', () => {
    const mlx = mlxTensors(LLAMA_8B);
    const records = [peftConfig(base(QWEN_7B))];
    expect(run(adapterOf(records, [safetensors('a/weights.safetensors', mlx)]))).toEqual([]);
    expect(run(adapterOf(records, [safetensors('a/adapters.safetensors', mlx)]))).toHaveLength(1);
    const withMlxConfig = [...records, record('a/adapter_config.json', 'mlx-adapter-config')];
    expect(run(adapterOf(withMlxConfig, [safetensors('a/weights.safetensors', mlx)]))).toHaveLength(1);
  });
});

describe('the base it checks against', () => {
  const llamaAdapter = [safetensors(ADAPTER, peftTensors(LLAMA_8B))];

  it('takes one declared base, counting a mirror or a second mention of it once', () => {
    const twice = peftConfig(base(QWEN_7B), base('qwen/qwen2.5-7b'));
    expect(run(adapterOf([twice], llamaAdapter))).toHaveLength(1);
    const quantizedFrom = peftConfig(base(QWEN_7B, { role: 'quantized-from' }));
    expect(run(adapterOf([quantizedFrom], llamaAdapter))).toHaveLength(1);
  });

  it('checks nothing when the manifests name two bases, no base, or a base that does not resolve', () => {
    expect(run(adapterOf([peftConfig(base(QWEN_7B), base('meta-llama/Llama-3.1-8B'))], llamaAdapter))).toEqual([]);
    expect(run(adapterOf([peftConfig(base(QWEN_7B, { role: 'merge-parent' }))], llamaAdapter))).toEqual([]);
    expect(run(adapterOf([peftConfig(base(QWEN_7B, { invalidReason: 'x' }))], llamaAdapter))).toEqual([]);
    expect(run(adapterOf([peftConfig(base('acme/unknown-model'))], llamaAdapter))).toEqual([]);
  });

  it("ignores a base named only by a weight file's header", () => {
    const header = record('a/model.gguf', 'gguf-header', { origin: 'weights', upstreams: [base(QWEN_7B)] });
    expect(run(adapterOf([header], llamaAdapter))).toEqual([]);
  });
});

describe("dimensions from the Hub's config.json", () => {
  const qwen: ModelDimensions = {
    hiddenSize: 3584,
    numHiddenLayers: 28,
    intermediateSize: 18944,
    numAttentionHeads: 28,
    numKeyValueHeads: 4,
    vocabSize: 152064,
    modelType: 'qwen2'
  };
  const llamaAdapter = [safetensors(ADAPTER, peftTensors(LLAMA_8B))];

  it('prefers the config.json read from the Hub, naming the revision asked for', () => {
    const [f] = run(adapterOf([peftConfig(base('acme/unknown-model', { revision: SHA }))], llamaAdapter), {
      found: qwen
    });
    expect(f.message).toContain(`Dimensions from the Hub's config.json of acme/unknown-model@${SHA}.`);
    const [unpinned] = run(adapterOf([peftConfig(base('acme/unknown-model'))], llamaAdapter), { found: qwen });
    expect(unpinned.message).toContain("Dimensions from the Hub's config.json of acme/unknown-model.");
  });

  it('takes the key/value heads and head width from the attention heads when config.json leaves them out', () => {
    const noKv = { ...qwen, numKeyValueHeads: undefined };
    // Without key/value heads every head is one: k_proj is then 3584 wide, as the Qwen widths are not.
    const [f] = run(
      adapterOf([peftConfig(base('acme/unknown-model'))], [safetensors(ADAPTER, peftTensors(QWEN_7B_WIDTHS))]),
      {
        found: noKv
      }
    );
    expect(f.message).toContain('k_proj.lora_B.weight` has 512 (shape [512, 8]), expected 3584');
    expect(f.message).not.toContain('q_proj');
  });

  it('checks nothing against a config.json that does not say the architecture', () => {
    const noType = { ...qwen, modelType: undefined };
    expect(run(adapterOf([peftConfig(base('acme/unknown-model'))], llamaAdapter), { found: noType })).toEqual([]);
  });

  it.each(['hiddenSize', 'numHiddenLayers', 'intermediateSize', 'numAttentionHeads'] as const)(
    'falls back to the built-in table when config.json has no %s',
    (field) => {
      const partial = { ...qwen, hiddenSize: 1, [field]: undefined };
      const [f] = run(adapterOf([peftConfig(base(QWEN_7B))], llamaAdapter), { found: partial });
      expect(f.message).toContain('Dimensions from the built-in table of base dimensions');
    }
  );

  it('falls back to the built-in table when the Hub has no config', () => {
    const [f] = run(adapterOf([peftConfig(base(QWEN_7B))], llamaAdapter), { unavailable: 'gone', cause: 'absent' });
    expect(f.message).toContain('Dimensions from the built-in table of base dimensions');
  });
});

describe('stated dimensions', () => {
  const mens = 'a/training_manifest.json';

  it('reports a manifest stating another hidden size or layer count than the base has, on that field', () => {
    const stated = record(mens, 'mens-training-manifest', {
      upstreams: [base(QWEN_7B)],
      training: {
        dModel: { value: 4096, source: at(mens, 'd_model', 5) },
        layers: { value: 32, source: at(mens, 'n_layers', 6) }
      }
    });
    const findings = run(adapterOf([stated], []));
    expect(findings).toEqual([
      expect.objectContaining({
        path: mens,
        line: 5,
        message:
          '`d_model` in a/training_manifest.json gives the hidden size as "4096", but Qwen/Qwen2.5-7B ' +
          '(`base_model_name_or_path` in a/adapter_config.json) has 3584 (from the built-in table of base ' +
          `dimensions (${findings[0].message.split('(from the built-in table of base dimensions (')[1]}`,
        fix: 'Declare the base model the weights were really made from, or correct the stated dimensions.',
        fingerprint: fingerprint('shape-mismatch', mens, `${mens}:hidden size:qwen/qwen2.5-7b`)
      }),
      expect.objectContaining({
        path: mens,
        line: 6,
        fingerprint: fingerprint('shape-mismatch', mens, `${mens}:layer count:qwen/qwen2.5-7b`)
      })
    ]);
    expect(findings[0].message).toMatch(/\): these weights cannot come from that base\.$/);
    expect(findings[1].message).toContain('gives the layer count as "32", but Qwen/Qwen2.5-7B');
  });

  it("puts a weight header's stated dimension on the declared base, naming the header key", () => {
    const gguf = record('a/model.gguf', 'gguf-header', {
      origin: 'weights',
      training: { dModel: { value: 4096, source: at('a/model.gguf', 'llama.embedding_length') } }
    });
    const [f] = run(adapterOf([peftConfig(base(QWEN_7B)), gguf], []));
    expect(f).toMatchObject({ path: PEFT, line: 2 });
    expect(f.message).toMatch(
      /^the header of a\/model\.gguf \(`llama\.embedding_length`\) gives the hidden size as "4096"/
    );
  });

  it('says nothing for a matching or non-numeric stated dimension', () => {
    const stated = (value: number | string) =>
      record(mens, 'mens-training-manifest', {
        upstreams: [base(QWEN_7B)],
        training: {
          dModel: { value, source: at(mens, 'd_model') },
          layers: { value: 28, source: at(mens, 'n_layers') }
        }
      });
    expect(run(adapterOf([stated(3584)], []))).toEqual([]);
    expect(run(adapterOf([stated('4096')], []))).toEqual([]);
  });
});
