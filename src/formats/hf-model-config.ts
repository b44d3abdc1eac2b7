import schema from '../../schemas/hf-model-config.schema.json' with { type: 'json' };
import { emptyRecord, upstreamAt } from './declarations.js';
import { isObject, own } from './fields.js';
import type { ManifestFormat } from './format.js';

const ID = 'hf-model-config';

/**
 * A transformers `config.json` (a model's, or any JSON whose content is one). `_name_or_path` is
 * what `from_pretrained` loaded before `save_pretrained` wrote the file: the model this one was
 * made from. Its dimensions are deliberately not read as training facts: they describe this model,
 * and a depth-upscaled merge, a pruned model or a resized vocabulary differs from its base, so a
 * comparison with the base's dimensions would report contradictions that are not there.
 */
export const hfModelConfig: ManifestFormat = {
  id: ID,
  name: 'Hugging Face model config',
  syntax: 'json',
  recipe: true,
  upstreamHint:
    'set `_name_or_path` to the Hub id (`org/name`) the model was made from, or declare it in a lineage.yaml',
  schema,
  detect(value) {
    if (!isObject(value)) return false;
    const name = own(value, '_name_or_path');
    if (typeof name !== 'string' || name.trim() === '') return false;
    return Array.isArray(own(value, 'architectures')) || typeof own(value, 'model_type') === 'string';
  },
  read(input) {
    const record = emptyRecord(input, ID);
    const base = upstreamAt(input, ['_name_or_path'], 'base');
    if (base) record.upstreams.push(base);
    return record;
  }
};
