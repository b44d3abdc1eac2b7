/**
 * The input and output widths of a base model's linear modules, by module name, from its
 * config.json dimensions. Only modules whose layout is known for the model type are described;
 * the shape check reads nothing else, so an unfamiliar architecture is never reported on.
 */
import type { BaseDimensions } from './base-dimensions.js';

/** A width and the config.json fields it comes from. */
export interface Width {
  size: number;
  from: string;
}

/** What a module maps from and to; an absent side is not checked (vocabulary rows: resizing changes them). */
export interface ModuleWidths {
  in?: Width;
  out?: Width;
}

/** q/k/v/o projections of heads × head_dim (not MLA attention: DeepSeek-V3, Kimi K2). */
const HEADED_ATTENTION = new Set([
  'llama',
  'mistral',
  'mixtral',
  'qwen2',
  'qwen3',
  'gemma',
  'gemma2',
  'gemma3',
  'gemma3_text',
  'phi3',
  'gpt_oss'
]);
/** A dense gate/up/down MLP of intermediate_size (experts are skipped by name before this). */
const GATED_MLP = new Set([
  'llama',
  'mistral',
  'qwen2',
  'qwen3',
  'gemma',
  'gemma2',
  'gemma3',
  'gemma3_text',
  'phi3',
  'deepseek_v3',
  'kimi_k2'
]);
/** Phi-3 fuses q/k/v into qkv_proj (q, then k, then v) and gate/up into gate_up_proj (transformers modeling_phi3). */
const FUSED_PHI3 = new Set(['phi3']);
const EMBEDDINGS = new Set([...HEADED_ATTENTION, ...GATED_MLP]);

function widths(d: BaseDimensions) {
  const heads = `num_attention_heads ${d.heads}`;
  const kvHeads = `num_key_value_heads ${d.kvHeads}`;
  const headDim = `head_dim ${d.headDim}`;
  return {
    hidden: { size: d.hiddenSize, from: `hidden_size ${d.hiddenSize}` },
    query: { size: d.heads * d.headDim, from: `${heads} × ${headDim}` },
    keyValue: { size: d.kvHeads * d.headDim, from: `${kvHeads} × ${headDim}` },
    qkv: { size: (d.heads + 2 * d.kvHeads) * d.headDim, from: `(${heads} + 2 × ${kvHeads}) × ${headDim}` },
    mlp: { size: d.intermediateSize, from: `intermediate_size ${d.intermediateSize}` },
    gateUp: { size: 2 * d.intermediateSize, from: `2 × intermediate_size ${d.intermediateSize}` }
  };
}

/** The widths of `module` in the base, or undefined when the module is not one the check knows for its type. */
export function moduleWidths(module: string, d: BaseDimensions): ModuleWidths | undefined {
  const w = widths(d);
  const type = d.modelType;
  if (HEADED_ATTENTION.has(type)) {
    if (module === 'q_proj') return { in: w.hidden, out: w.query };
    if (module === 'k_proj' || module === 'v_proj') return { in: w.hidden, out: w.keyValue };
    if (module === 'o_proj') return { in: w.query, out: w.hidden };
  }
  if (GATED_MLP.has(type)) {
    if (module === 'gate_proj' || module === 'up_proj') return { in: w.hidden, out: w.mlp };
    if (module === 'down_proj') return { in: w.mlp, out: w.hidden };
  }
  if (FUSED_PHI3.has(type)) {
    if (module === 'qkv_proj') return { in: w.hidden, out: w.qkv };
    if (module === 'gate_up_proj') return { in: w.hidden, out: w.gateUp };
  }
  if (EMBEDDINGS.has(type)) {
    if (module === 'lm_head') return { in: w.hidden };
    if (module === 'embed_tokens') return { out: w.hidden };
  }
  return undefined;
}
