import schema from '../../schemas/mlx-adapter-config.schema.json' with { type: 'json' };
import type { LineageRecord } from '../lineage/record.js';
import { emptyRecord, trainingFactsAt, upstreamAt } from './declarations.js';
import { hasKey, isObject, stringAt } from './fields.js';
import type { FormatInput, ManifestFormat } from './format.js';
import { firstPresent } from './training-config.js';

const ID = 'mlx-adapter-config';

/** mlx_lm's adapter weights: `adapters.safetensors`, and the checkpoints `0000100_adapters.safetensors`. */
const MLX_ADAPTER_FILE = /(^|\/)(\d+_)?adapters\.safetensors$/;

/**
 * Whether a safetensors file's `lora_a`/`lora_b` names are mlx_lm's (`[in, r]` / `[r, out]`): by its
 * file name, or a sibling MLX adapter config. Other tools use the same names in other orientations.
 */
export function isMlxAdapterWeights(path: string, siblingFormats: readonly string[] = []): boolean {
  return MLX_ADAPTER_FILE.test(path) || siblingFormats.includes(ID);
}

/**
 * mlx_lm's training arguments, as the adapter_config.json dump and the YAML `-c` config both write
 * them: the base is `model` (Hub id, `mlx-community/*` conversion or local path, may be absent).
 * Old mlx-examples configs write `lora_rank`/`lora_alpha` where newer ones nest `lora_parameters`.
 */
export function readMlxTrainingArgs(input: FormatInput, format: string): LineageRecord {
  const record = emptyRecord(input, format);
  const base = upstreamAt(input, ['model'], 'base');
  if (base) record.upstreams.push(base);
  const type = stringAt(input, ['fine_tune_type']);
  if (type) record.relation = type;
  const training = trainingFactsAt(input, {
    rank: firstPresent(input, [['lora_parameters', 'rank'], ['lora_rank']]),
    alpha: firstPresent(input, [['lora_parameters', 'alpha'], ['lora_alpha']]),
    method: ['fine_tune_type']
  });
  if (training) record.training = training;
  // Training resumed from another adapter: that adapter is a parent artifact, not an upstream model.
  const resumed = stringAt(input, ['resume_adapter_file']);
  if (resumed && resumed.value.trim()) record.localRefs = [{ raw: resumed.value, source: resumed.source }];
  return record;
}

/**
 * `mlx_lm` adapter config (also named `adapter_config.json`): often a full dump of the training
 * arguments.
 */
export const mlxAdapterConfig: ManifestFormat = {
  id: ID,
  name: 'MLX adapter config',
  syntax: 'json',
  upstreamHint: 'set `model` to the Hub id (`org/name`) the adapter was trained on',
  schema,
  detect(value) {
    return isObject(value) && (hasKey(value, 'fine_tune_type') || hasKey(value, 'lora_parameters'));
  },
  read(input) {
    return readMlxTrainingArgs(input, ID);
  }
};
