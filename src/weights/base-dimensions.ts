/**
 * The architecture sizes of well-known base models (data/base-dimensions.yaml, compiled into
 * dimensions-data.generated.ts): what an adapter's tensor shapes are checked against. A mirror's
 * or quantizer's copy resolves to its original the way the license knowledge base resolves it.
 */
import { LicenseKnowledge, stripMirrorSuffixes } from '../licenses/knowledge.js';
import { DIMENSIONS_DATA } from './dimensions-data.generated.js';
import type { RawModelDimensions } from './dimensions-types.js';

export interface BaseDimensions {
  /** The table id matched, as the table spells it. */
  id: string;
  hiddenSize: number;
  layers: number;
  intermediateSize: number;
  /** Embedding rows (config.json `vocab_size`); absent where the copies read disagree. */
  vocabSize?: number;
  heads: number;
  kvHeads: number;
  /** config.json `head_dim`, else hidden size / heads. */
  headDim: number;
  modelType: string;
  /** The Hub config.json and the public copy of it the numbers were read in. */
  source: string;
  /** The id asked for, when it is a mirror's or quantizer's copy of `id`. */
  viaMirror?: string;
}

/** Longest id looked at (the Hub allows 96 characters per part). */
const MAX_HUB_ID_LENGTH = 200;

let table: ReadonlyMap<string, BaseDimensions> | undefined;

function toDimensions(raw: RawModelDimensions, id: string): BaseDimensions {
  const source = raw.sources[0];
  return {
    id,
    hiddenSize: raw.hidden_size,
    layers: raw.num_hidden_layers,
    intermediateSize: raw.intermediate_size,
    ...(raw.vocab_size === undefined ? {} : { vocabSize: raw.vocab_size }),
    heads: raw.num_attention_heads,
    kvHeads: raw.num_key_value_heads,
    headDim: raw.head_dim ?? raw.hidden_size / raw.num_attention_heads,
    modelType: raw.model_type,
    source: `${source.config} (read in https://github.com/${source.repo}/blob/${source.commit}/${source.path})`
  };
}

/** Lower-cased id → dimensions, built once. */
function byId(): ReadonlyMap<string, BaseDimensions> {
  if (!table) {
    const map = new Map<string, BaseDimensions>();
    for (const raw of DIMENSIONS_DATA.models)
      for (const id of raw.ids) map.set(id.toLowerCase(), toDimensions(raw, id));
    table = map;
  }
  return table;
}

/**
 * The original a copy was made from: the family table's publisher for a mirror's copy
 * (`unsloth/…-bnb-4bit`, `mlx-community/…-4bit`, any `…-GGUF`), else the same org without the
 * quantization suffixes, for a publisher's own quantized build (`Qwen/Qwen2.5-7B-Instruct-AWQ`).
 */
function originalOf(hubId: string): string | undefined {
  const upstream = LicenseKnowledge.builtin().mirrorUpstream(hubId);
  if (upstream) return upstream;
  const parts = hubId.split('/');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return undefined;
  const name = stripMirrorSuffixes(parts[1]);
  return name && name !== parts[1] ? `${parts[0]}/${name}` : undefined;
}

/** The dimensions of a known base model, matched on the exact id ignoring case; undefined when unknown. */
export function baseDimensions(hubId: string): BaseDimensions | undefined {
  const id = hubId.trim();
  if (!id || id.length > MAX_HUB_ID_LENGTH) return undefined;
  const exact = byId().get(id.toLowerCase());
  if (exact) return exact;
  const original = originalOf(id);
  const dims = original === undefined ? undefined : byId().get(original.toLowerCase());
  return dims && { ...dims, viaMirror: id };
}
