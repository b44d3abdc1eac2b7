/**
 * The LoRA shape check on tensor lists shaped like real adapters.
 *
 * Name patterns: PEFT's saved keys as vLLM's LoRA loader tests list them
 * (vllm-project/vllm tests/lora/test_utils.py @ 0306474e9d1f26d8717aad457b9511f0c9e57d60:
 * `base_model.model.model.layers.9.mlp.down_proj.lora_A.weight`, `base_model.model.lm_head.lora_A.weight`,
 * `base_model.model.model.embed_tokens.lora_embedding_A`, `…down_proj.lora_magnitude_vector`,
 * `language_model.layers.9.mlp.down_proj.lora_B.weight`); in-memory state dicts keep the adapter
 * name (`…q_proj.lora_A.default.weight`). mlx_lm saves `tree_flatten(model.trainable_parameters())`,
 * so keys follow the module tree (`model.layers.N.self_attn.q_proj.lora_a`), with lora_a of shape
 * (input_dims, r) and lora_b (r, output_dims); LoRASwitchLinear factors are 3-D and
 * QuantizedLoRALinear packs them into words (ml-explore/mlx-lm mlx_lm/tuner/lora.py
 * @ 200af25dd5b26d1711317970fe44b5acf365faab).
 * Module widths: printed modules in Retruth/deontic nlp_models/*\/README.md
 * @ a77cf87a77779d63bd2acc1ef6d031e5cba833ff (Llama 3 8B k_proj 4096→1024; Gemma 2 9B q_proj
 * 3584→4096, k_proj 3584→2048, o_proj 4096→3584; Qwen2 7B k_proj 3584→512). Phi-3's fused
 * qkv_proj and gate_up_proj: huggingface/transformers src/transformers/models/phi3/modeling_phi3.py
 * @ 00d4b3d2142cb4ced2f51b90614b5d26bc045015.
 */
import { baseDimensions, type BaseDimensions } from '../../../src/weights/base-dimensions.js';
import type { TensorInfo } from '../../../src/weights/header.js';
import { checkLoraShapes } from '../../../src/weights/lora-shapes.js';

/** Module path inside a layer → [input width, output width] of a base. */
type Widths = Record<string, [number, number]>;

const LLAMA_31_8B: Widths = {
  'self_attn.q_proj': [4096, 4096],
  'self_attn.k_proj': [4096, 1024],
  'self_attn.v_proj': [4096, 1024],
  'self_attn.o_proj': [4096, 4096],
  'mlp.gate_proj': [4096, 14336],
  'mlp.up_proj': [4096, 14336],
  'mlp.down_proj': [14336, 4096]
};
const QWEN25_15B: Widths = {
  'self_attn.q_proj': [1536, 1536],
  'self_attn.k_proj': [1536, 256],
  'self_attn.v_proj': [1536, 256],
  'self_attn.o_proj': [1536, 1536],
  'mlp.gate_proj': [1536, 8960],
  'mlp.up_proj': [1536, 8960],
  'mlp.down_proj': [8960, 1536]
};
const QWEN25_7B: Widths = {
  'self_attn.q_proj': [3584, 3584],
  'self_attn.k_proj': [3584, 512],
  'self_attn.v_proj': [3584, 512],
  'self_attn.o_proj': [3584, 3584],
  'mlp.gate_proj': [3584, 18944],
  'mlp.up_proj': [3584, 18944],
  'mlp.down_proj': [18944, 3584]
};
const GEMMA2_9B: Widths = {
  'self_attn.q_proj': [3584, 4096],
  'self_attn.k_proj': [3584, 2048],
  'self_attn.v_proj': [3584, 2048],
  'self_attn.o_proj': [4096, 3584],
  'mlp.gate_proj': [3584, 14336],
  'mlp.up_proj': [3584, 14336],
  'mlp.down_proj': [14336, 3584]
};
const PHI35_MINI: Widths = {
  'self_attn.qkv_proj': [3072, 9216],
  'self_attn.o_proj': [3072, 3072],
  'mlp.gate_up_proj': [3072, 16384],
  'mlp.down_proj': [8192, 3072]
};

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
const tensor = (name: string, shape: number[], dtype = 'F32'): TensorInfo => ({ name, dtype, shape });

/** A PEFT adapter_model.safetensors listing: `<prefix>layers.N.<module>.lora_A[.<adapter>].weight`. */
function peft(widths: Widths, layers: number[], r: number, prefix = 'base_model.model.model.', adapter = '') {
  const name = (layer: number, module: string, factor: string) =>
    `${prefix}layers.${layer}.${module}.${factor}${adapter ? `.${adapter}` : ''}.weight`;
  return layers.flatMap((layer) =>
    Object.entries(widths).flatMap(([module, [input, output]]) => [
      tensor(name(layer, module, 'lora_A'), [r, input]),
      tensor(name(layer, module, 'lora_B'), [output, r])
    ])
  );
}

/** An mlx_lm adapters.safetensors listing: `model.layers.N.<module>.lora_a` (in, r) and `.lora_b` (r, out). */
function mlx(widths: Widths, layers: number[], r: number) {
  return layers.flatMap((layer) =>
    Object.entries(widths).flatMap(([module, [input, output]]) => [
      tensor(`model.layers.${layer}.${module}.lora_a`, [input, r], 'BF16'),
      tensor(`model.layers.${layer}.${module}.lora_b`, [r, output], 'BF16')
    ])
  );
}

function dims(id: string): BaseDimensions {
  const found = baseDimensions(id);
  if (!found) throw new Error(`${id} is not in the table`);
  return found;
}

describe('checkLoraShapes on adapters of the declared base', () => {
  it('passes a PEFT adapter of Llama-3.1-8B (kvHeads 8: k_proj out 1024), with lm_head, embeddings and DoRA', () => {
    const tensors = [
      ...peft(LLAMA_31_8B, range(0, 32), 16),
      tensor('base_model.model.lm_head.lora_A.weight', [16, 4096]),
      tensor('base_model.model.lm_head.lora_B.weight', [128256, 16]),
      tensor('base_model.model.model.embed_tokens.lora_embedding_A', [16, 128256]),
      tensor('base_model.model.model.embed_tokens.lora_embedding_B', [4096, 16]),
      tensor('base_model.model.model.layers.9.mlp.down_proj.lora_magnitude_vector', [4096])
    ];
    expect(checkLoraShapes(tensors, dims('meta-llama/Llama-3.1-8B-Instruct'))).toEqual({
      layout: 'peft',
      rank: 16,
      checked: 32 * 14 + 2,
      problems: []
    });
  });

  it('passes a Qwen2.5-7B adapter that keeps the adapter name, and leaves mixed ranks unstated', () => {
    const tensors = [
      ...peft(QWEN25_7B, range(0, 28), 8, 'base_model.model.model.', 'default'),
      ...peft({ 'self_attn.q_proj': [3584, 3584] }, [0], 32, 'base_model.model.model.', 'extra')
    ];
    const report = checkLoraShapes(tensors, dims('Qwen/Qwen2.5-7B-Instruct'));
    expect(report).toEqual({ layout: 'peft', checked: 28 * 14 + 2, problems: [] });
    expect(report).not.toHaveProperty('rank');
  });

  it('passes an mlx_lm adapter of Gemma-2-9B, whose head_dim 256 is not hidden_size / heads', () => {
    const tensors = mlx(GEMMA2_9B, range(26, 42), 8);
    expect(checkLoraShapes(tensors, dims('mlx-community/gemma-2-9b-it-4bit'))).toEqual({
      layout: 'mlx',
      rank: 8,
      checked: 16 * 14,
      problems: []
    });
  });

  it("passes Phi-3.5-mini's fused qkv_proj and gate_up_proj", () => {
    expect(checkLoraShapes(peft(PHI35_MINI, range(0, 32), 16), dims('microsoft/Phi-3.5-mini-instruct'))).toEqual({
      layout: 'peft',
      rank: 16,
      checked: 32 * 8,
      problems: []
    });
  });

  it("reads a multimodal Gemma 3's language model and skips its vision tower and projector", () => {
    const language = peft(
      { 'self_attn.q_proj': [2560, 2048], 'self_attn.k_proj': [2560, 1024], 'mlp.down_proj': [10240, 2560] },
      range(0, 34),
      16,
      'base_model.model.model.language_model.'
    );
    const vision = peft(
      { 'self_attn.q_proj': [1152, 1152], 'mlp.fc1': [1152, 4304] },
      range(0, 27),
      16,
      'base_model.model.model.vision_tower.vision_model.encoder.'
    );
    const projector = tensor(
      'base_model.model.model.multi_modal_projector.mm_input_projection.lora_A.weight',
      [16, 1152]
    );
    const report = checkLoraShapes([...language, ...vision, projector], dims('google/gemma-3-4b-it'));
    expect(report).toEqual({ layout: 'peft', rank: 16, checked: 34 * 6, problems: [] });
  });

  it("reads DeepSeek-V3's dense MLP but neither its MLA attention nor its experts", () => {
    const tensors = [
      ...peft({ 'mlp.gate_proj': [7168, 18432], 'mlp.down_proj': [18432, 7168] }, range(0, 3), 8),
      ...peft({ 'self_attn.o_proj': [16384, 7168], 'self_attn.q_b_proj': [1536, 24576] }, range(0, 61), 8),
      ...peft({ 'mlp.experts.12.gate_proj': [7168, 2048], 'mlp.shared_experts.down_proj': [2048, 7168] }, [5], 8)
    ];
    expect(checkLoraShapes(tensors, dims('deepseek-ai/DeepSeek-V3'))).toEqual({
      layout: 'peft',
      rank: 8,
      checked: 3 * 4,
      problems: []
    });
  });
});

describe('checkLoraShapes on adapters trained on another base', () => {
  it('names tensor, dimension and numbers for a Qwen2.5-1.5B adapter declared as Llama-3.1-8B', () => {
    const report = checkLoraShapes(peft(QWEN25_15B, range(0, 28), 16), dims('meta-llama/Llama-3.1-8B-Instruct'));
    expect(report.layout).toBe('peft');
    expect(report.rank).toBe(16);
    expect(report.checked).toBe(28 * 14);
    // One problem per module and factor, however many layers show it.
    expect(report.problems).toHaveLength(14);
    expect(report.problems).toContainEqual({
      tensor: 'base_model.model.model.layers.0.self_attn.k_proj.lora_B.weight',
      expected: '1024 (num_key_value_heads 8 × head_dim 128)',
      actual: '256 (shape [256, 16])',
      why:
        'dimension 0 of a PEFT lora_B is the output width of k_proj, which meta-llama/Llama-3.1-8B-Instruct ' +
        'sets at 1024; 27 more tensors alike'
    });
    expect(report.problems).toContainEqual({
      tensor: 'base_model.model.model.layers.0.mlp.down_proj.lora_A.weight',
      expected: '14336 (intermediate_size 14336)',
      actual: '8960 (shape [16, 8960])',
      why:
        'dimension 1 of a PEFT lora_A is the input width of down_proj, which meta-llama/Llama-3.1-8B-Instruct ' +
        'sets at 14336; 27 more tensors alike'
    });
    for (const problem of report.problems) {
      expect(problem.tensor).toMatch(/^base_model\.model\.model\.layers\.0\./);
      expect(problem.expected).toMatch(/^\d+ \((hidden_size|num_|intermediate_size)/);
      expect(problem.actual).toMatch(/^\d+ \(shape \[\d+, \d+\]\)$/);
    }
  });

  it('reports layers the base does not have once, for a Llama-3.1-8B adapter declared as Qwen2.5-1.5B', () => {
    const report = checkLoraShapes(peft(LLAMA_31_8B, range(0, 32), 16), dims('Qwen/Qwen2.5-1.5B-Instruct'));
    expect(report.problems).toContainEqual({
      tensor: 'base_model.model.model.layers.31.self_attn.q_proj.lora_A.weight',
      expected: 'a layer index below 28 (num_hidden_layers 28)',
      actual: 'layer 31',
      why: 'Qwen/Qwen2.5-1.5B-Instruct has layers 0–27; 56 tensors adapt layers up to 31'
    });
    expect(report.problems.filter((p) => p.actual.startsWith('layer '))).toHaveLength(1);
  });

  it('catches a Gemma-2-9B mlx adapter declared as Qwen2.5-7B, though both have hidden_size 3584', () => {
    const report = checkLoraShapes(mlx(GEMMA2_9B, range(26, 42), 8), dims('Qwen/Qwen2.5-7B-Instruct'));
    const hidden = report.problems.filter((p) => p.expected.includes('hidden_size'));
    expect(hidden).toEqual([]);
    expect(report.problems).toContainEqual({
      tensor: 'model.layers.26.self_attn.q_proj.lora_b',
      expected: '3584 (num_attention_heads 28 × head_dim 128)',
      actual: '4096 (shape [8, 4096])',
      why:
        'dimension 1 of an mlx_lm lora_b is the output width of q_proj, which Qwen/Qwen2.5-7B-Instruct sets at 3584; ' +
        '15 more tensors alike'
    });
    expect(report.problems).toContainEqual(
      expect.objectContaining({ tensor: 'model.layers.26.self_attn.o_proj.lora_a', actual: '4096 (shape [4096, 8])' })
    );
    expect(report.problems).toContainEqual(
      expect.objectContaining({ tensor: 'model.layers.41.self_attn.q_proj.lora_a', actual: 'layer 41' })
    );
  });

  it('tells Mistral v0.1 from Llama-2-7B by the k_proj width alone', () => {
    const mistral = peft({ 'self_attn.q_proj': [4096, 4096], 'self_attn.k_proj': [4096, 1024] }, range(0, 32), 8);
    const problems = checkLoraShapes(mistral, dims('meta-llama/Llama-2-7b-hf')).problems;
    expect(problems).toEqual([
      expect.objectContaining({
        tensor: 'base_model.model.model.layers.0.self_attn.k_proj.lora_B.weight',
        expected: '4096 (num_key_value_heads 32 × head_dim 128)',
        actual: '1024 (shape [1024, 8])'
      })
    ]);
  });
});

describe('checkLoraShapes says nothing it is unsure of', () => {
  const llama = () => dims('meta-llama/Llama-3.1-8B-Instruct');

  it('skips modules whose layout it does not know for the model type', () => {
    // GPT-2 Conv1D, Phi-3 fused projections on a Llama base, Mixtral experts, T5 attention.
    const tensors = [
      tensor('base_model.model.transformer.h.0.attn.c_attn.lora_A.weight', [8, 768]),
      tensor('base_model.model.model.layers.0.self_attn.qkv_proj.lora_B.weight', [9216, 8]),
      tensor('base_model.model.model.layers.0.block_sparse_moe.experts.0.w1.lora_A.weight', [8, 4096]),
      tensor('base_model.model.encoder.block.0.layer.0.SelfAttention.q.lora_A.weight', [8, 512])
    ];
    expect(checkLoraShapes(tensors, llama())).toEqual({ layout: 'peft', rank: 8, checked: 0, problems: [] });
  });

  it('does not check vocabulary rows, which resize_token_embeddings changes', () => {
    const tensors = [
      tensor('base_model.model.lm_head.lora_B.weight', [128264, 16]),
      tensor('base_model.model.model.embed_tokens.lora_embedding_A', [16, 128264])
    ];
    expect(checkLoraShapes(tensors, llama())).toEqual({ layout: 'peft', rank: 16, checked: 0, problems: [] });
  });

  it('does not read quantized mlx factors or mixture-of-experts stacks', () => {
    const tensors = [
      tensor('model.layers.0.self_attn.q_proj.lora_a', [8, 128], 'U32'),
      tensor('model.layers.0.self_attn.q_proj.lora_a_scales', [8, 64], 'BF16'),
      tensor('model.layers.0.mlp.switch_mlp.gate_proj.lora_a', [64, 8, 2048], 'BF16'),
      tensor('model.layers.0.mlp.switch_mlp.gate_proj.lora_b', [64, 768, 8], 'BF16')
    ];
    expect(checkLoraShapes(tensors, llama())).toEqual({ layout: 'mlx', checked: 0, problems: [] });
  });

  it('reads neither an unknown layout nor a mix of layouts', () => {
    const kohya = [tensor('lora_unet_down_blocks_0_attentions_0_proj_in.lora_down.weight', [4, 320])];
    expect(checkLoraShapes(kohya, llama())).toEqual({ layout: 'unknown', checked: 0, problems: [] });
    const mixed = [...peft(QWEN25_15B, [0], 8), ...mlx(QWEN25_15B, [0], 8)];
    expect(checkLoraShapes(mixed, llama())).toEqual({ layout: 'unknown', checked: 0, problems: [] });
    expect(checkLoraShapes([], llama())).toEqual({ layout: 'unknown', checked: 0, problems: [] });
  });
});
