import schema from '../../schemas/mergekit-config.schema.json' with { type: 'json' };
import type { UpstreamRef } from '../lineage/record.js';
import type { PathSegment } from '../source/span.js';
import { emptyRecord, trainingFactsAt } from './declarations.js';
import { anchorOf, isObject, own, sourceAt, stringAt } from './fields.js';
import type { FormatInput, ManifestFormat } from './format.js';
import { modelReferencesAt } from './mergekit-references.js';
import { appendAll } from '../collections/append-all.js';

const ID = 'mergekit-config';

/** `tokenizer_source` keywords: the base model's tokenizer, or the union of all; neither names a model. */
const TOKENIZER_KEYWORDS = new Set(['base', 'union']);

function list(value: unknown, key: string): unknown[] {
  const items = own(value, key);
  return Array.isArray(items) ? items : [];
}

/** Some item is an object carrying `model` (mergekit's input model or slice source). */
function hasModelItem(items: unknown[]): boolean {
  return items.some((item) => isObject(item) && Object.hasOwn(item, 'model'));
}

/** mergekit's input shapes: `models: [{model: …}]` or `slices: [{sources: [{model: …}]}]`. */
function hasMergeInputs(value: unknown): boolean {
  if (hasModelItem(list(value, 'models'))) return true;
  return list(value, 'slices').some((slice) => hasModelItem(list(slice, 'sources')));
}

/** Where a merge's inputs are written: at the top, and per module (`modules: {name: {models|slices}}`). */
function inputGroups(value: unknown): { path: PathSegment[]; value: unknown }[] {
  const groups = [{ path: [] as PathSegment[], value }];
  const modules = own(value, 'modules');
  if (isObject(modules)) {
    for (const name of Object.keys(modules)) groups.push({ path: ['modules', name], value: own(modules, name) });
  }
  return groups;
}

/** A slice's own `base_model`, every slice source and every input model, in the order written. */
function mergeInputs(input: FormatInput, group: { path: PathSegment[]; value: unknown }): UpstreamRef[] {
  const out: UpstreamRef[] = [];
  list(group.value, 'slices').forEach((slice, s) => {
    const at = [...group.path, 'slices', s];
    if (own(slice, 'base_model') !== null) appendAll(out, modelReferencesAt(input, [...at, 'base_model'], 'base'));
    list(slice, 'sources').forEach((_, i) => {
      appendAll(out, modelReferencesAt(input, [...at, 'sources', i, 'model'], 'merge-parent'));
    });
  });
  list(group.value, 'models').forEach((_, i) => {
    appendAll(out, modelReferencesAt(input, [...group.path, 'models', i, 'model'], 'merge-parent'));
  });
  return out;
}

/** `tokenizer_source` (or `tokenizer.source`) when it names a model rather than a keyword. */
function tokenizerSources(input: FormatInput): UpstreamRef[] {
  const out: UpstreamRef[] = [];
  for (const path of [['tokenizer_source'], ['tokenizer', 'source']]) {
    const keyword = stringAt(input, path);
    if (keyword && TOKENIZER_KEYWORDS.has(keyword.value.trim())) continue;
    appendAll(out, modelReferencesAt(input, path, 'tokenizer'));
  }
  return out;
}

/**
 * mergekit merge config (`mergekit-yaml config.yml`, and the `mergekit_config.yml` it writes into
 * the merged model). Recognised by `merge_method`, or by the shape of its inputs. `base_model` is
 * the base; every model written in `models` or a slice's `sources` is a merge parent, once per place
 * (so the base, merged too, appears twice); `tokenizer_source` naming a model is the tokenizer's.
 */
export const mergekitConfig: ManifestFormat = {
  id: ID,
  name: 'mergekit merge config',
  syntax: 'yaml',
  recipe: true,
  upstreamHint: 'set `base_model` and every `model:` to the Hub id (`org/name`) mergekit should load',
  revisionHint: (ref) => `\`${ref.id}@<sha>\` where it is named (mergekit loads that revision)`,
  schema,
  detect(value) {
    if (!isObject(value)) return false;
    const method = own(value, 'merge_method');
    return (typeof method === 'string' && method.trim() !== '') || hasMergeInputs(value);
  },
  read(input) {
    const record = emptyRecord(input, ID);
    const value = input.doc.value;
    const base = own(value, 'base_model');
    // `base_model: null` is mergekit's "no base", not an empty reference.
    if (base !== null) appendAll(record.upstreams, modelReferencesAt(input, ['base_model'], 'base'));
    for (const group of inputGroups(value)) appendAll(record.upstreams, mergeInputs(input, group));
    appendAll(record.upstreams, tokenizerSources(input));
    const method = stringAt(input, ['merge_method']);
    record.relation = { value: 'merge', source: method ? sourceAt(input, ['merge_method']) : anchorOf(input) };
    const training = trainingFactsAt(input, { method: ['merge_method'] });
    if (training) record.training = training;
    return record;
  }
};
