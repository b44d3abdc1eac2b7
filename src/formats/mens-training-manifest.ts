import schema from '../../schemas/mens-training-manifest.schema.json' with { type: 'json' };
import { attributionFlagAt, datasetAt, emptyRecord, licenseIdAt, trainingFactsAt, upstreamAt } from './declarations.js';
import { hasKey, isObject, stringAt } from './fields.js';
import type { ManifestFormat } from './format.js';

/** Keys MENS always writes into `training_manifest.json` (every schema version). */
export const TRAINING_REQUIRED_KEYS = [
  'vocab_size',
  'd_model',
  'n_heads',
  'n_layers',
  'train_file',
  'rank',
  'alpha',
  'seq_len',
  'epochs'
];

/** Most of the required keys, so one missing or mistyped key is a schema problem, not "unrecognised". */
const MIN_REQUIRED_PRESENT = 5;

/**
 * MENS `training_manifest.json`, schema versions 1–5. Provenance is flat here
 * (`provenance_*`), and `tokenizer_path` is often the only record of the base's revision.
 */
const ID = 'mens-training-manifest';

export const mensTrainingManifest: ManifestFormat = {
  id: ID,
  name: 'MENS training manifest',
  syntax: 'json',
  upstreamHint: 'set `base_model` and `provenance_upstream_model_id` to the Hub id (`org/name`)',
  schema,
  detect(value) {
    if (!isObject(value)) return false;
    if (hasKey(value, 'manifest_schema_version')) return true;
    return TRAINING_REQUIRED_KEYS.filter((k) => hasKey(value, k)).length >= MIN_REQUIRED_PRESENT;
  },
  read(input) {
    const record = emptyRecord(input, ID);
    const base = upstreamAt(input, ['base_model'], 'base');
    if (base) record.upstreams.push(base);
    const upstream = upstreamAt(input, ['provenance_upstream_model_id'], 'upstream');
    // MENS writes provenance keys only when set; an explicit null still says "not set".
    if (upstream && upstream.raw !== null) record.upstreams.push(upstream);
    // The tokenizer path counts only as an HF cache path: then it pins the base's revision
    // (often the only record of it). Any other tokenizer path says nothing about lineage.
    const tokenizer = upstreamAt(input, ['tokenizer_path'], 'base');
    if (tokenizer?.kind === 'hub-cache-path') record.upstreams.push({ ...tokenizer, evidence: 'inferred' });

    const licenseClass = licenseIdAt(input, ['provenance_license_class']);
    if (licenseClass) {
      record.upstreamLicenses.push(licenseClass);
      // A MENS adapter is distributed under its upstream's license class: MENS has no separate
      // field for the artifact's own license, so the class is the artifact's license too.
      record.license = licenseClass;
    }
    // `train_file` is the corpus the run read (usually the output of its data mix): a dataset.
    const train = datasetAt(input, ['train_file']);
    if (train) record.datasets.push(train);
    const flag = attributionFlagAt(input, ['provenance_attribution_required']);
    if (flag) record.attribution = flag;
    const family = stringAt(input, ['provenance_base_family']);
    if (family) record.baseFamily = family;
    const training = trainingFactsAt(input, {
      rank: ['rank'],
      alpha: ['alpha'],
      dModel: ['d_model'],
      vocab: ['vocab_size'],
      layers: ['n_layers'],
      heads: ['n_heads'],
      method: ['execution_kernel'],
      runId: ['run_id']
    });
    if (training) record.training = training;
    return record;
  }
};
