/**
 * Whether a LoRA adapter's tensor shapes can belong to a base model: each factor's width axis
 * against the width the base gives that module, and each adapted layer index against the base's
 * layer count. Only modules whose layout is known are read (see module-widths.ts); vision towers,
 * audio encoders and MoE experts are skipped, so what is reported is certain.
 */
import { counted, plural } from '../text/plural.js';
import type { BaseDimensions } from './base-dimensions.js';
import type { TensorInfo } from './header.js';
import { loraFactors, loraLayout, uniformRank, type LoraFactor, type LoraLayout } from './lora-tensors.js';
import { moduleWidths, type Width } from './module-widths.js';

export type { LoraLayout } from './lora-tensors.js';

export interface LoraShapeProblem {
  /** The first tensor showing the problem. */
  tensor: string;
  /** The number the base requires, with the config.json fields it comes from. */
  expected: string;
  /** What the tensor has. */
  actual: string;
  /** Which dimension of which module, and how many other tensors show the same. */
  why: string;
}

export interface LoraShapeReport {
  layout: LoraLayout;
  /** The rank all factors share; absent when ranks differ (PEFT `rank_pattern`) or nothing was read. */
  rank?: number;
  /** Tensors compared with the base. */
  checked: number;
  problems: LoraShapeProblem[];
}

/** Path parts of modules the check never reads: multimodal towers and mixture-of-experts. */
const SKIPPED_PART = /expert|vision|visual|audio|multi_modal|mm_projector|switch_mlp/i;
const LAYER = /(?:^|\.)layers\.(\d+)(?:\.|$)/;

interface Mismatch {
  first: LoraFactor;
  expected: Width;
  others: number;
}

function alike(count: number): string {
  if (count === 0) return '';
  return `; ${count} more ${plural(count, 'tensor')} alike`;
}

/** How messages name the writer of a layout. */
const WRITTEN_BY: Record<LoraLayout, string> = { peft: 'a PEFT', mlx: 'an mlx_lm', unknown: 'an unrecognised' };

function widthProblem(m: Mismatch, layout: LoraLayout, base: string): LoraShapeProblem {
  const { first, expected } = m;
  const shape = first.tensor.shape;
  return {
    tensor: first.tensor.name,
    expected: `${expected.size} (${expected.from})`,
    actual: `${shape[first.widthAxis]} (shape [${shape.join(', ')}])`,
    why:
      `dimension ${first.widthAxis} of ${WRITTEN_BY[layout]} ${first.kind} is the ${first.side}put width of ` +
      `${first.module}, which ${base} sets at ${expected.size}${alike(m.others)}`
  };
}

function layerProblem(beyond: { factor: LoraFactor; layer: number }[], d: BaseDimensions): LoraShapeProblem {
  const last = beyond.reduce((a, b) => (b.layer > a.layer ? b : a));
  const tensors = counted(beyond.length, 'tensor');
  return {
    tensor: last.factor.tensor.name,
    expected: `a layer index below ${d.layers} (num_hidden_layers ${d.layers})`,
    actual: `layer ${last.layer}`,
    why: `${d.id} has layers 0–${d.layers - 1}; ${tensors} adapt layers up to ${last.layer}`
  };
}

/** Compares a LoRA adapter's tensors with the dimensions of the base model its manifests declare. */
export function checkLoraShapes(tensors: TensorInfo[], dims: BaseDimensions): LoraShapeReport {
  const layout = loraLayout(tensors);
  const factors = loraFactors(tensors, layout);
  const rank = uniformRank(factors);
  const mismatches = new Map<string, Mismatch>();
  const beyond: { factor: LoraFactor; layer: number }[] = [];
  let checked = 0;
  for (const factor of factors) {
    if (factor.modulePath.split('.').some((part) => SKIPPED_PART.test(part))) continue;
    const widths = moduleWidths(factor.module, dims);
    const layer = LAYER.exec(factor.modulePath);
    const expected = widths?.[factor.side];
    // A module the check does not know, or a vocabulary side, is not compared at all.
    if (!widths || (!expected && !layer)) continue;
    checked++;
    if (layer && Number(layer[1]) >= dims.layers) beyond.push({ factor, layer: Number(layer[1]) });
    const actual = factor.tensor.shape[factor.widthAxis];
    if (!expected || actual === expected.size) continue;
    const key = `${factor.module}|${factor.kind}|${actual}`;
    const seen = mismatches.get(key);
    if (seen) seen.others++;
    else mismatches.set(key, { first: factor, expected, others: 0 });
  }
  const problems = [...mismatches.values()].map((m) => widthProblem(m, layout, dims.id));
  if (beyond.length > 0) problems.push(layerProblem(beyond, dims));
  return { layout, ...(rank === undefined ? {} : { rank }), checked, problems };
}
