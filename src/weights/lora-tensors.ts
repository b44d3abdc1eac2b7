/**
 * The LoRA factors in an adapter's tensor list, read from the names alone: which layout wrote
 * them, which module each adapts, and which axis of each holds the module's width.
 *
 * PEFT (adapter_model.safetensors): `<module>.lora_A.weight` [r, in], `<module>.lora_B.weight`
 * [out, r], optionally with the adapter name before `.weight`; embeddings `lora_embedding_A`
 * [r, rows] and `lora_embedding_B` [dim, r]. mlx_lm (adapters.safetensors): `<module>.lora_a`
 * [in, r] and `<module>.lora_b` [r, out].
 */
import type { TensorInfo } from './header.js';

export type LoraLayout = 'peft' | 'mlx' | 'unknown';

/** One low-rank factor of one adapted module. */
export interface LoraFactor {
  tensor: TensorInfo;
  /** Dotted path of the adapted module (`base_model.model.model.layers.3.self_attn.q_proj`). */
  modulePath: string;
  /** Its last segment (`q_proj`). */
  module: string;
  /** As the name writes it: `lora_A`, `lora_embedding_B`, `lora_b` … */
  kind: string;
  /** A factors carry the module's input width, B factors its output width. */
  side: 'in' | 'out';
  /** The axis holding that width; the other axis is the rank. */
  widthAxis: 0 | 1;
}

const PEFT_LINEAR = /^(.+)\.(lora_([AB]))(?:\.[\w-]+)?\.weight$/;
const PEFT_EMBEDDING = /^(.+)\.(lora_embedding_([AB]))(?:\.[\w-]+)?$/;
const MLX = /^(.+)\.(lora_([ab]))$/;
/** Floating-point safetensors dtypes; mlx quantizes adapters into U32 words whose shapes are packed. */
const FLOAT_DTYPE = /^B?F\d/;

function isPeft(name: string): boolean {
  return PEFT_LINEAR.test(name) || PEFT_EMBEDDING.test(name);
}

/** The layout that wrote the tensors; `unknown` when neither or both name patterns occur. */
export function loraLayout(tensors: readonly TensorInfo[]): LoraLayout {
  const peft = tensors.some((t) => isPeft(t.name));
  const mlx = tensors.some((t) => MLX.test(t.name));
  if (peft === mlx) return 'unknown';
  return peft ? 'peft' : 'mlx';
}

function toFactor(tensor: TensorInfo, layout: LoraLayout): LoraFactor | undefined {
  const match =
    layout === 'peft'
      ? (PEFT_LINEAR.exec(tensor.name) ?? PEFT_EMBEDDING.exec(tensor.name))
      : layout === 'mlx'
        ? MLX.exec(tensor.name)
        : null;
  if (!match) return undefined;
  const side = match[3].toUpperCase() === 'A' ? 'in' : 'out';
  // PEFT stores factors as Linear weights ([out, in]); mlx stores them as right-multiplied matrices.
  const widthAxis = (layout === 'peft') === (side === 'in') ? 1 : 0;
  return { tensor, modulePath: match[1], module: match[1].split('.').pop()!, kind: match[2], side, widthAxis };
}

/** The 2-D floating-point LoRA factors of the layout; others (MoE stacks, quantized) are not read. */
export function loraFactors(tensors: readonly TensorInfo[], layout: LoraLayout): LoraFactor[] {
  const factors: LoraFactor[] = [];
  for (const tensor of tensors) {
    if (tensor.shape.length !== 2 || !FLOAT_DTYPE.test(tensor.dtype)) continue;
    const factor = toFactor(tensor, layout);
    if (factor) factors.push(factor);
  }
  return factors;
}

/** The rank every factor shares, or undefined when they differ (PEFT `rank_pattern`) or there are none. */
export function uniformRank(factors: readonly LoraFactor[]): number | undefined {
  const ranks = new Set(factors.map((f) => f.tensor.shape[1 - f.widthAxis]));
  return ranks.size === 1 ? [...ranks][0] : undefined;
}
