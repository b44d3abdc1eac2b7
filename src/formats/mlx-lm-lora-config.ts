import schema from '../../schemas/mlx-lm-lora-config.schema.json' with { type: 'json' };
import { datasetAt } from './declarations.js';
import type { ManifestFormat } from './format.js';
import { readMlxTrainingArgs } from './mlx-adapter-config.js';
import { countKeys } from './training-config.js';
import { isObject } from './fields.js';

const ID = 'mlx-lm-lora-config';

/**
 * Keys of mlx_lm's training arguments (and of the older mlx-examples `lora.py`) that other tools'
 * configs do not use. `model`, `data`, `train` and `seed` are too common to count.
 */
const MLX_LM_KEYS = [
  'fine_tune_type',
  'lora_parameters',
  'iters',
  'adapter_path',
  'adapter_file',
  'resume_adapter_file',
  'lora_layers',
  'num_layers',
  'steps_per_eval',
  'steps_per_report',
  'val_batches',
  'test_batches',
  'save_every',
  'grad_checkpoint',
  'mask_prompt'
];

/**
 * mlx_lm's YAML training config (`mlx_lm.lora -c lora_config.yaml`). Read like the adapter_config.json
 * mlx_lm writes from it, plus `data`: a local directory or a Hub dataset id. `model` may be absent
 * (given on the command line): the record then has no upstream, and the rules say so.
 */
export const mlxLmLoraConfig: ManifestFormat = {
  id: ID,
  name: 'mlx_lm LoRA config',
  syntax: 'yaml',
  recipe: true,
  upstreamHint: 'set `model` to the Hub id (`org/name`) the run starts from',
  schema,
  // Two of its own keys, so one shared word (`iters`, `save_every`) does not claim a stranger's YAML.
  detect(value) {
    // People copy the command line's spelling (`steps-per-eval`) into the YAML; mlx_lm then ignores
    // those keys, but they still say whose config this is.
    const keys = isObject(value) ? Object.fromEntries(Object.keys(value).map((k) => [k.replace(/-/g, '_'), true])) : {};
    return countKeys(keys, MLX_LM_KEYS) >= 2;
  },
  read(input) {
    const record = readMlxTrainingArgs(input, ID);
    const data = datasetAt(input, ['data']);
    if (data) record.datasets.push(data);
    return record;
  }
};
