import schema from '../../schemas/peft-adapter-config.schema.json' with { type: 'json' };
import { emptyRecord, trainingFactsAt, upstreamAt, withRevision } from './declarations.js';
import { hasKey, isObject, stringAt } from './fields.js';
import type { ManifestFormat } from './format.js';

const ID = 'peft-adapter-config';

/**
 * Hugging Face PEFT `adapter_config.json`. `base_model_name_or_path` names the base and `revision`
 * (when set) the revision PEFT loads it at. PEFT never records a license.
 */
export const peftAdapterConfig: ManifestFormat = {
  id: ID,
  name: 'PEFT adapter config',
  syntax: 'json',
  upstreamHint: 'set `base_model_name_or_path` to the Hub id (`org/name`) and `revision` to its 40-hex commit',
  revisionHint: (ref) => (ref.role === 'base' ? '`revision` beside `base_model_name_or_path`' : undefined),
  schema,
  detect(value) {
    return isObject(value) && hasKey(value, 'peft_type');
  },
  read(input) {
    const record = emptyRecord(input, ID);
    const base = upstreamAt(input, ['base_model_name_or_path'], 'base');
    // `revision` is the one PEFT loads the base at.
    if (base) record.upstreams.push(withRevision(input, base, 'revision'));
    const type = stringAt(input, ['peft_type']);
    if (type) record.relation = type;
    const training = trainingFactsAt(input, { rank: ['r'], alpha: ['lora_alpha'], method: ['peft_type'] });
    if (training) record.training = training;
    return record;
  }
};
