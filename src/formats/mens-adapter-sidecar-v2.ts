import schema from '../../schemas/mens-adapter-sidecar-v2.schema.json' with { type: 'json' };
import { emptyRecord, upstreamAt } from './declarations.js';
import { isObject, own } from './fields.js';
import type { ManifestFormat } from './format.js';

/** `format` values of the retired sidecar (`vox_populi_…` before the MENS rename). */
export const MENS_V2_FORMATS: readonly string[] = ['vox_mens_qlora_lora_only_v2', 'vox_populi_qlora_lora_only_v2'];

const ID = 'mens-adapter-sidecar-v2';

/**
 * The retired MENS adapter sidecar v2 (`candle_qlora_adapter_meta.json`, `adapter_meta_v2.json`,
 * `meta.json`). It has no provenance fields at all: `base_model` (string or null) is all it says.
 */
export const mensAdapterSidecarV2: ManifestFormat = {
  id: ID,
  name: 'MENS adapter sidecar v2',
  syntax: 'json',
  schema,
  detect(value) {
    const format = own(value, 'format');
    return isObject(value) && typeof format === 'string' && MENS_V2_FORMATS.includes(format);
  },
  read(input) {
    const record = emptyRecord(input, ID);
    const base = upstreamAt(input, ['base_model'], 'base');
    if (base) record.upstreams.push(base);
    return record;
  }
};
