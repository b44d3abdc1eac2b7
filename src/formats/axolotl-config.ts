import schema from '../../schemas/axolotl-config.schema.json' with { type: 'json' };
import type { DatasetRef, LineageRecord, UpstreamRole } from '../lineage/record.js';
import type { PathSegment } from '../source/span.js';
import { addParentAt, datasetAt, emptyRecord, revisionSetting, trainingFactsAt, upstreamAt } from './declarations.js';
import { hasKey, isObject, sourceAt, valueAt } from './fields.js';
import type { FormatInput, ManifestFormat } from './format.js';
import { countKeys, listItemsAt, textAt } from './training-config.js';

const ID = 'axolotl-config';

/** The revision axolotl loads the base at. */
const REVISION = revisionSetting('base_model', 'revision_of_model', 'yaml');

/**
 * Keys only axolotl's config uses. `base_model` alone is not enough: mergekit configs and model
 * cards carry it too.
 */
const AXOLOTL_KEYS = [
  'sequence_len',
  'micro_batch_size',
  'num_epochs',
  'adapter',
  'lora_r',
  'lora_model_dir',
  'lora_target_linear',
  'val_set_size',
  'dataset_prepared_path',
  'sample_packing',
  'pad_to_sequence_len',
  'load_in_4bit',
  'load_in_8bit',
  'base_model_config',
  'tokenizer_type',
  'train_on_inputs',
  'rl',
  'test_datasets',
  'pretraining_dataset'
];

/** The dataset lists axolotl trains and evaluates on; `pretraining_dataset` may also be a single id. */
const DATASET_KEYS = ['datasets', 'test_datasets', 'pretraining_dataset'];

/** `true` when `path` holds the same string as `base_model`: it then names no second upstream. */
function sameAsBase(input: FormatInput, path: readonly PathSegment[]): boolean {
  const value = valueAt(input.doc.value, path);
  const base = valueAt(input.doc.value, ['base_model']);
  return typeof value === 'string' && typeof base === 'string' && value.trim() === base.trim();
}

/** A second repository the run takes part of the model from, unless it is empty or `base_model` again. */
function otherSourceAt(input: FormatInput, key: string, role: UpstreamRole, record: LineageRecord): void {
  if (sameAsBase(input, [key])) return;
  const ref = upstreamAt(input, [key], role);
  if (ref && ref.kind !== 'empty') record.upstreams.push(ref);
}

/**
 * One `datasets[]` entry: its `path` (a Hub id or a local file), or, for an entry with only
 * `data_files`, each local file as written (no id). A plain string entry is read as a path.
 */
function datasetsOfEntry(input: FormatInput, path: readonly PathSegment[]): DatasetRef[] {
  const entry = valueAt(input.doc.value, path);
  if (!isObject(entry)) return [datasetAt(input, path)].filter((d) => d !== undefined);
  const named = datasetAt(input, [...path, 'path']);
  if (named) return [named];
  return listItemsAt(input, [...path, 'data_files']).map((f) => ({ raw: f.value, source: f.source }));
}

function readDatasets(input: FormatInput): DatasetRef[] {
  return DATASET_KEYS.flatMap((key) => {
    const value = valueAt(input.doc.value, [key]);
    const entries = Array.isArray(value) ? value.map((_, i) => [key, i]) : [[key]];
    return entries.flatMap((path) => datasetsOfEntry(input, path));
  });
}

/** `adapter: lora|qlora`; an empty or absent `adapter` is a full fine-tune, any other value says nothing. */
function relationOf(input: FormatInput, record: LineageRecord): LineageRecord['relation'] {
  const adapter = valueAt(input.doc.value, ['adapter']);
  if (adapter === undefined) return { value: 'finetune', source: record.anchor };
  if (adapter === null || (typeof adapter === 'string' && !adapter.trim()))
    return { value: 'finetune', source: sourceAt(input, ['adapter']) };
  return textAt(input, ['adapter']);
}

/**
 * axolotl's training config (`axolotl train config.yml`). The run starts from `base_model`;
 * `base_model_config` and `tokenizer_config` name other repositories only when they differ from it;
 * `lora_model_dir` is an adapter training resumes from; `gkd_teacher` the model a distillation run
 * learns from; `hub_model_id` is where the result is pushed.
 */
export const axolotlConfig: ManifestFormat = {
  id: ID,
  name: 'axolotl config',
  syntax: 'yaml',
  recipe: true,
  upstreamHint: 'set `base_model` to the Hub id (`org/name`) the run starts from',
  revisionHint: REVISION.hint,
  schema,
  detect(value) {
    return hasKey(value, 'base_model') && countKeys(value, AXOLOTL_KEYS) >= 2;
  },
  read(input) {
    const record = emptyRecord(input, ID);
    const base = upstreamAt(input, ['base_model'], 'base');
    if (base) record.upstreams.push(REVISION.read(input, base));
    otherSourceAt(input, 'base_model_config', 'upstream', record);
    otherSourceAt(input, 'tokenizer_config', 'tokenizer', record);
    // On-policy distillation (the GKD plugin): the student learns from the teacher's outputs, and
    // licenses such as Gemma's count a model trained on them as a derivative.
    otherSourceAt(input, 'gkd_teacher', 'upstream', record);
    addParentAt(record, input, ['lora_model_dir'], 'upstream');
    const name = textAt(input, ['hub_model_id']);
    if (name) record.name = name;
    record.relation = relationOf(input, record);
    record.datasets = readDatasets(input);
    const training = trainingFactsAt(input, { rank: ['lora_r'], alpha: ['lora_alpha'], method: ['adapter'] });
    if (training) record.training = training;
    return record;
  }
};
