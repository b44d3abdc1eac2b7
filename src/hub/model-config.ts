/**
 * A model's dimensions as its `config.json` on the Hub declares them: what the `shape-mismatch`
 * rule compares an adapter's tensor shapes with. Only a handful of numbers and the model type are
 * kept; the rest of the file (remote text) is dropped on reading. Plain data, so answers can be cached.
 */

/** One question: a model's config.json at a revision (default `main`). */
export interface ModelConfigQuery {
  id: string;
  revision?: string;
}

/** The numbers a LoRA's shapes depend on; a field is absent when the file does not say it (or says nonsense). */
export interface ModelDimensions {
  hiddenSize?: number;
  numHiddenLayers?: number;
  intermediateSize?: number;
  vocabSize?: number;
  numAttentionHeads?: number;
  numKeyValueHeads?: number;
  headDim?: number;
  modelType?: string;
}

/**
 * Why there is no config:
 * - `absent`: the Hub says the file, revision or repo is not there (EntryNotFound, RevisionNotFound, RepoNotFound);
 * - `denied`: gated, private or disabled — the request was not allowed to read it;
 * - `unreadable`: an answer came but cannot be used (not JSON, too large, redirected off the endpoint's origin);
 * - `unreachable`: no answer (network, time budget, rate limit, server errors, a rejected token);
 * - `not-asked`: the gate did not ask (not a valid id or revision, or the repo itself was not found).
 */
export type ConfigUnavailableCause = 'absent' | 'denied' | 'unreadable' | 'unreachable' | 'not-asked';

export type HubModelConfig =
  | { found: ModelDimensions }
  | {
      /** One short sanitised line saying why, for a finding's message. */
      unavailable: string;
      cause: ConfigUnavailableCause;
      /** For `denied`: whether the token was sent (a token may be granted access later). */
      authenticated?: boolean;
    };

/** Answers about the repo rather than this run's network: these may be kept across runs. */
export function isCacheableConfig(config: HubModelConfig): boolean {
  return 'found' in config || config.cause === 'absent' || config.cause === 'denied';
}

// transformers' spellings of the same quantity across architectures (GPT-2: n_embd/n_layer/n_inner/n_head,
// T5/BART: d_model/num_layers/ffn_dim), first match wins.
const NUMBER_FIELDS: readonly [keyof ModelDimensions, readonly string[]][] = [
  ['hiddenSize', ['hidden_size', 'n_embd', 'd_model']],
  ['numHiddenLayers', ['num_hidden_layers', 'n_layer', 'num_layers']],
  ['intermediateSize', ['intermediate_size', 'n_inner', 'ffn_dim']],
  ['vocabSize', ['vocab_size']],
  ['numAttentionHeads', ['num_attention_heads', 'n_head']],
  ['numKeyValueHeads', ['num_key_value_heads']],
  ['headDim', ['head_dim']]
];

// Larger than any real dimension (vocabularies reach ~10^6), small enough to multiply safely.
const MAX_DIMENSION = 2 ** 31 - 1;
const MODEL_TYPE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function own(source: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(source, key) ? source[key] : undefined;
}

function dimension(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= MAX_DIMENSION
    ? value
    : undefined;
}

function modelType(value: unknown): string | undefined {
  return typeof value === 'string' && MODEL_TYPE.test(value) ? value : undefined;
}

/**
 * Reads a parsed config.json. Multimodal configs (Gemma 3, Llama 3.2 Vision, Qwen2-VL in newer
 * transformers) keep the language model's numbers in `text_config`, which is what adapters train,
 * so it is read first; the top level fills the gaps and names the model type. Returns undefined
 * when the JSON is not an object.
 */
export function dimensionsFromConfig(json: unknown): ModelDimensions | undefined {
  if (!isRecord(json)) return undefined;
  const text = own(json, 'text_config');
  const sources = isRecord(text) ? [text, json] : [json];
  const out: ModelDimensions = {};
  for (const [field, names] of NUMBER_FIELDS) {
    const value = firstOf(sources, names, dimension);
    if (value !== undefined) (out as Record<string, number>)[field] = value;
  }
  const type = firstOf([...sources].reverse(), ['model_type'], modelType);
  if (type !== undefined) out.modelType = type;
  return out;
}

function firstOf<T>(
  sources: Record<string, unknown>[],
  names: readonly string[],
  read: (v: unknown) => T | undefined
): T | undefined {
  for (const source of sources) {
    for (const name of names) {
      const value = read(own(source, name));
      if (value !== undefined) return value;
    }
  }
  return undefined;
}

const CAUSES: readonly unknown[] = ['absent', 'denied', 'unreadable', 'unreachable', 'not-asked'];

/** Shape check for config answers read back from a cache file. */
export function isHubModelConfig(value: unknown): value is HubModelConfig {
  if (!isRecord(value)) return false;
  if ('found' in value) {
    const found = value.found;
    if (!isRecord(found)) return false;
    return Object.entries(found).every(([key, v]) =>
      key === 'modelType'
        ? modelType(v) !== undefined
        : NUMBER_FIELDS.some(([f]) => f === key) && dimension(v) !== undefined
    );
  }
  return (
    typeof value.unavailable === 'string' &&
    CAUSES.includes(value.cause) &&
    (value.authenticated === undefined || typeof value.authenticated === 'boolean')
  );
}
