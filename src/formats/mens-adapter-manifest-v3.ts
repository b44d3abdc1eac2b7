import schema from '../../schemas/mens-adapter-manifest-v3.schema.json' with { type: 'json' };
import { attributionFlagAt, emptyRecord, licenseIdAt, trainingFactsAt, upstreamAt } from './declarations.js';
import { isObject, own, stringAt } from './fields.js';
import type { ManifestFormat } from './format.js';

/** `format` values of the v3 adapter manifest (`vox_populi_adapter` briefly, before the rename). */
export const MENS_V3_FORMATS: readonly string[] = ['vox_mens_adapter', 'vox_populi_adapter'];

const ID = 'mens-adapter-manifest-v3';

/**
 * MENS adapter manifest v3 (`adapter_manifest.json`, formerly `mens_adapter_manifest_v3.json` and
 * `populi_adapter_manifest_v3.json`). Quant settings come nested (`quant: {…}`) from the writer and
 * flat from some readers' fixtures; the schema accepts both, lineage does not depend on them.
 */
export const mensAdapterManifestV3: ManifestFormat = {
  id: ID,
  name: 'MENS adapter manifest v3',
  syntax: 'json',
  upstreamHint: 'set `base_model` and `provenance.upstream_model_id` to the Hub id (`org/name`)',
  schema,
  // Recognised by `format` alone: a wrong `version` is then a located schema problem rather than
  // an "unrecognised file" that hides what is wrong.
  detect(value) {
    const format = own(value, 'format');
    return isObject(value) && typeof format === 'string' && MENS_V3_FORMATS.includes(format);
  },
  read(input) {
    const record = emptyRecord(input, ID);
    const base = upstreamAt(input, ['base_model'], 'base');
    if (base) record.upstreams.push(base);
    const upstream = upstreamAt(input, ['provenance', 'upstream_model_id'], 'upstream');
    // MENS omits unset provenance fields; an explicit null means the same.
    if (upstream && upstream.raw !== null) record.upstreams.push(upstream);

    const licenseClass = licenseIdAt(input, ['provenance', 'license_class']);
    if (licenseClass) {
      record.upstreamLicenses.push(licenseClass);
      // As for the training manifest: the adapter ships under its upstream's license class, and
      // MENS has no other field for the artifact's own license.
      record.license = licenseClass;
    }
    const flag = attributionFlagAt(input, ['provenance', 'attribution_required']);
    if (flag) record.attribution = flag;
    const family = stringAt(input, ['provenance', 'base_family']);
    if (family) record.baseFamily = family;
    const method = stringAt(input, ['adapter_method']);
    if (method) record.relation = method;
    const training = trainingFactsAt(input, {
      rank: ['rank'],
      alpha: ['alpha'],
      dModel: ['d_model'],
      vocab: ['vocab'],
      method: ['adapter_method']
    });
    if (training) record.training = training;
    return record;
  }
};
