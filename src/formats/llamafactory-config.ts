import schema from '../../schemas/llamafactory-config.schema.json' with { type: 'json' };
import { classifyUpstream } from '../lineage/classify.js';
import { addParent, datasetRef, emptyRecord, revisionSetting, trainingFactsAt, upstreamAt } from './declarations.js';
import { hasKey } from './fields.js';
import type { ManifestFormat } from './format.js';
import { countKeys, listItemsAt, textAt } from './training-config.js';

const ID = 'llamafactory-config';

/** The revision LLaMA-Factory loads the base at. */
const REVISION = revisionSetting('model_name_or_path', 'model_revision', 'yaml');

/**
 * Keys of LLaMA-Factory's own arguments (training, and `llamafactory-cli export`'s). `model_name_or_path`
 * alone is not enough: transformers' example scripts and TRL configs use it too, but none of them has these.
 */
const LLAMAFACTORY_KEYS = ['finetuning_type', 'stage', 'template', 'export_dir', 'export_size', 'export_hub_model_id'];

/**
 * LLaMA-Factory's training, export or chat config (`llamafactory-cli train x.yaml`, and the
 * `training_args.yaml` LlamaBoard saves). The run starts from `model_name_or_path`;
 * `adapter_name_or_path` lists adapters it loads on top (comma-separated); `dataset` and
 * `eval_dataset` are names in `dataset_info.json` or Hub ids.
 */
export const llamafactoryConfig: ManifestFormat = {
  id: ID,
  name: 'LLaMA-Factory config',
  syntax: 'yaml',
  recipe: true,
  upstreamHint: 'set `model_name_or_path` to the Hub id (`org/name`) the run starts from',
  revisionHint: REVISION.hint,
  schema,
  detect(value) {
    return hasKey(value, 'model_name_or_path') && countKeys(value, LLAMAFACTORY_KEYS) >= 1;
  },
  read(input) {
    const record = emptyRecord(input, ID);
    const base = upstreamAt(input, ['model_name_or_path'], 'base');
    if (base) record.upstreams.push(REVISION.read(input, base));
    for (const adapter of listItemsAt(input, ['adapter_name_or_path'])) {
      addParent(record, {
        ...classifyUpstream(adapter.value),
        raw: adapter.value,
        role: 'upstream',
        source: adapter.source
      });
    }
    const relation = textAt(input, ['finetuning_type']);
    if (relation) record.relation = relation;
    const name = textAt(input, ['hub_model_id']) ?? textAt(input, ['export_hub_model_id']);
    if (name) record.name = name;
    for (const key of ['dataset', 'eval_dataset']) {
      for (const item of listItemsAt(input, [key])) {
        const ref = datasetRef(item.value, item.source);
        // A bare name is a key of the run's dataset_info.json, which says what the data is.
        record.datasets.push(ref.id || item.value.includes('/') ? ref : { ...ref, registered: true });
      }
    }
    const training = trainingFactsAt(input, {
      rank: ['lora_rank'],
      alpha: ['lora_alpha'],
      method: ['finetuning_type']
    });
    if (training) record.training = training;
    return record;
  }
};
