/**
 * MENS data mix (`mix.yaml`): the corpus sources a training run sampled, each with its weight. Read
 * only beside a MENS `training_manifest.json` — there it describes that run's data; a mix alone in
 * a config directory describes no artifact. Its sources and weights enter the pedigree; the
 * removed-mix-source and invalid-mix-weight rules judge them.
 */
import schema from '../../schemas/mens-data-mix.schema.json' with { type: 'json' };
import type { DataMixSource } from '../lineage/record.js';
import type { PathSegment } from '../source/span.js';
import { emptyRecord } from './declarations.js';
import { hasKey, own, sourceAt } from './fields.js';
import type { FormatInput, ManifestFormat } from './format.js';

const ID = 'mens-data-mix';
/** MENS's own defaults for a source's fields. */
const DEFAULT_WEIGHT = 1.0;

/** `mix.yaml` / `mix.yml`: the one name a run directory's mix has. */
export function isDataMixName(basename: string): boolean {
  return /^mix\.ya?ml$/i.test(basename);
}

/** The mix is read only in a directory that also holds a MENS training manifest. */
export function readsDataMixBeside(siblingNames: Iterable<string>): boolean {
  for (const name of siblingNames) if (name.toLowerCase() === 'training_manifest.json') return true;
  return false;
}

function sourceOf(input: FormatInput, entry: unknown, i: number): DataMixSource | undefined {
  const path = own(entry, 'path');
  if (typeof path !== 'string' || path.trim() === '') return undefined;
  const at: PathSegment[] = ['sources', i];
  const weight = own(entry, 'weight');
  const rate = own(entry, 'sample_rate');
  return {
    path: path.trim().replace(/^\.\//, ''),
    weight: weight === undefined ? DEFAULT_WEIGHT : typeof weight === 'number' ? weight : null,
    optional: own(entry, 'optional') === true,
    sampleRate: typeof rate === 'number' ? rate : null,
    source: sourceAt(input, [...at, 'path']),
    weightSource: sourceAt(input, weight === undefined ? at : [...at, 'weight'])
  };
}

export const mensDataMix: ManifestFormat = {
  id: ID,
  name: 'MENS data mix',
  syntax: 'yaml',
  // Training input: it carries no license of its own and is not compared with the run's manifest.
  recipe: true,
  upstreamHint: 'name the base model in the training manifest beside it (`base_model`)',
  schema,
  // Named mix.yaml and holding `sources` at all: a list of the wrong shape is then a schema violation, not ignored.
  detect(value, basename) {
    return isDataMixName(basename) && hasKey(value, 'sources');
  },
  read(input) {
    const record = emptyRecord(input, ID);
    const sources = own(input.doc.value, 'sources');
    const list = Array.isArray(sources) ? sources : [];
    record.dataMix = {
      sources: list.flatMap((entry, i) => sourceOf(input, entry, i) ?? [])
    };
    return record;
  }
};
