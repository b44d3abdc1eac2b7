import type { UpstreamRef } from '../lineage/record.js';
import { baseDimensions, type BaseDimensions } from '../weights/base-dimensions.js';
import { checkLoraShapes } from '../weights/lora-shapes.js';
import { loraLayout } from '../weights/lora-tensors.js';
import { isMlxAdapterWeights } from '../formats/mlx-adapter-config.js';
import type { FindingDraft, Rule, RuleContext } from './rule.js';
import { isResolvable, manifestRecords, quote, where } from './artifact-facts.js';

/** Problems quoted in one finding; the rest are counted. */
const QUOTED = 3;

/** The one base model the manifests declare (roles base / quantized-from); none when they name several. */
function declaredBase(ctx: RuleContext): UpstreamRef | undefined {
  const bases = manifestRecords(ctx.artifact)
    .flatMap((r) => r.upstreams)
    .filter((r) => (r.role === 'base' || r.role === 'quantized-from') && isResolvable(r) && r.id);
  const distinct = new Map(bases.map((r) => [(baseDimensions(r.id!)?.id ?? r.id!).toLowerCase(), r]));
  return distinct.size === 1 ? bases[0] : undefined;
}

/** The base's dimensions: the Hub's config.json when it was read, else the built-in table. */
function dimensionsOf(ctx: RuleContext, ref: UpstreamRef): { dims: BaseDimensions; from: string } | undefined {
  const hub = ctx.hub?.config(ref);
  if (hub && 'found' in hub) {
    const c = hub.found;
    // config.json leaves out what transformers defaults: a missing field is unknown, never a mismatch.
    if (c.hiddenSize && c.numHiddenLayers && c.intermediateSize && c.numAttentionHeads) {
      const dims: BaseDimensions = {
        id: ref.id!,
        hiddenSize: c.hiddenSize,
        layers: c.numHiddenLayers,
        intermediateSize: c.intermediateSize,
        ...(c.vocabSize ? { vocabSize: c.vocabSize } : {}),
        heads: c.numAttentionHeads,
        kvHeads: c.numKeyValueHeads ?? c.numAttentionHeads,
        headDim: c.headDim ?? c.hiddenSize / c.numAttentionHeads,
        modelType: c.modelType ?? 'unknown',
        source: `the Hub's config.json of ${ref.id}${ref.revision ? `@${ref.revision}` : ''}`
      };
      return { dims, from: dims.source };
    }
  }
  const builtin = baseDimensions(ref.id!);
  return builtin ? { dims: builtin, from: `the built-in table of base dimensions (${builtin.source})` } : undefined;
}

function loraFindings(ctx: RuleContext, base: UpstreamRef, known: { dims: BaseDimensions; from: string }) {
  const out: FindingDraft[] = [];
  for (const weight of ctx.artifact.weights) {
    if (weight.header?.kind !== 'safetensors') continue;
    const layout = loraLayout(weight.header.tensors);
    const formats = ctx.artifact.records.map((r) => r.format);
    if (layout === 'mlx' && !isMlxAdapterWeights(weight.path, formats)) continue;
    const report = checkLoraShapes(weight.header.tensors, known.dims);
    if (report.problems.length === 0) continue;
    const quoted = report.problems
      .slice(0, QUOTED)
      .map((p) => `\`${p.tensor}\` has ${p.actual}, expected ${p.expected} (${p.why})`)
      .join('; ');
    const more = report.problems.length > QUOTED ? `; and ${report.problems.length - QUOTED} more` : '';
    out.push({
      path: base.source.path,
      at: base.source.at,
      message:
        `${weight.path} cannot be a LoRA adapter of ${base.id} (${where(base.source)}): ${quoted}${more}. ` +
        `Dimensions from ${known.from}.`,
      fix:
        'Declare the base model the adapter was really trained on (its tensor widths say which), or replace the ' +
        'weights with the adapter trained on this base.',
      subject: `${weight.path}:${base.id!.toLowerCase()}`,
      upstream: base.id
    });
  }
  return out;
}

/** A stated hidden size or layer count (MENS manifest, a GGUF's own dimensions) that the base does not have. */
function statedDimensionFindings(ctx: RuleContext, base: UpstreamRef, known: { dims: BaseDimensions; from: string }) {
  const out: FindingDraft[] = [];
  for (const record of ctx.artifact.records) {
    const checks = [
      { fact: record.training?.dModel, expected: known.dims.hiddenSize, name: 'hidden size' },
      { fact: record.training?.layers, expected: known.dims.layers, name: 'layer count' }
    ];
    for (const { fact, expected, name } of checks) {
      if (!fact || typeof fact.value !== 'number' || fact.value === expected) continue;
      const place =
        record.origin === 'weights' ? `the header of ${record.path} (\`${fact.source.field}\`)` : where(fact.source);
      out.push({
        path: record.origin === 'weights' ? base.source.path : fact.source.path,
        at: record.origin === 'weights' ? base.source.at : fact.source.at,
        message:
          `${place} gives the ${name} as ${quote(String(fact.value))}, but ${base.id} (${where(base.source)}) has ` +
          `${expected} (from ${known.from}): these weights cannot come from that base.`,
        fix: 'Declare the base model the weights were really made from, or correct the stated dimensions.',
        subject: `${record.path}:${name}:${base.id!.toLowerCase()}`,
        upstream: base.id
      });
    }
  }
  return out;
}

export const shapeMismatch: Rule = {
  id: 'shape-mismatch',
  meta: {
    description:
      "An adapter's tensor shapes, or the dimensions its files state, cannot belong to the base model its " +
      'manifests declare.',
    defaultSeverity: 'error',
    docs: 'docs/rules/shape-mismatch.md'
  },
  check(ctx) {
    const base = declaredBase(ctx);
    if (!base) return [];
    const known = dimensionsOf(ctx, base);
    if (!known) return [];
    return [...loraFindings(ctx, base, known), ...statedDimensionFindings(ctx, base, known)];
  }
};
