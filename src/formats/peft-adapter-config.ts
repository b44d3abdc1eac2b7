import schema from '../../schemas/peft-adapter-config.schema.json' with { type: 'json' };
import { emptyRecord, revisionSetting, trainingFactsAt, upstreamAt } from './declarations.js';
import { hasKey, isObject, stringAt } from './fields.js';
import type { ManifestFormat } from './format.js';

const ID = 'peft-adapter-config';

/** The revision PEFT loads the base at. */
const REVISION = revisionSetting('base_model_name_or_path', 'revision', 'json');

/**
 * Hugging Face PEFT `adapter_config.json`. `base_model_name_or_path` names the base and `revision`
 * (when set) the revision PEFT loads it at. PEFT never records a license.
 */
export const peftAdapterConfig: ManifestFormat = {
  id: ID,
  name: 'PEFT adapter config',
  syntax: 'json',
  upstreamHint: 'set `base_model_name_or_path` to the Hub id (`org/name`) and `revision` to its 40-hex commit',
  revisionHint: REVISION.hint,
  schema,
  detect(value) {
    return isObject(value) && hasKey(value, 'peft_type');
  },
  read(input) {
    const record = emptyRecord(input, ID);
    const base = upstreamAt(input, ['base_model_name_or_path'], 'base');
    if (base) record.upstreams.push(REVISION.read(input, base));
    const type = stringAt(input, ['peft_type']);
    if (type) record.relation = type;
    const training = trainingFactsAt(input, { rank: ['r'], alpha: ['lora_alpha'], method: ['peft_type'] });
    if (training) record.training = training;
    return record;
  }
};
