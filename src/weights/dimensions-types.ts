/**
 * The base-model dimension table as written in data/base-dimensions.yaml
 * (schemas/base-dimensions.schema.json): config.json's own key names. src/weights/base-dimensions.ts
 * turns an entry into `BaseDimensions`.
 */

/** One copy of a config.json that was read, and where. */
export interface RawDimensionsSource {
  readonly config: string;
  readonly repo: string;
  readonly path: string;
  readonly commit: string;
  readonly note?: string;
}

export interface RawModelDimensions {
  readonly ids: readonly string[];
  readonly model_type: string;
  readonly hidden_size: number;
  readonly num_hidden_layers: number;
  readonly intermediate_size: number;
  readonly vocab_size?: number;
  readonly num_attention_heads: number;
  readonly num_key_value_heads: number;
  readonly head_dim?: number;
  readonly note?: string;
  readonly sources: readonly RawDimensionsSource[];
}

export interface RawDimensionsData {
  readonly models: readonly RawModelDimensions[];
}
