import schema from '../../schemas/hf-model-card.schema.json' with { type: 'json' };
import { classifyDatasetId } from '../lineage/classify.js';
import type { DatasetRef, FormatNote, LicenseDecl, LineageRecord, UpstreamRole } from '../lineage/record.js';
import { isPlaceholderLicense } from '../licenses/placeholder.js';
import { emptyRecord, upstreamsAt } from './declarations.js';
import { hasKey, isObject, own, sourceAt, stringAt } from './fields.js';
import type { FormatInput, ManifestFormat } from './format.js';
import { appendAll } from '../collections/append-all.js';

/** Front-matter keys that make a Markdown file's metadata a model card (any one suffices). */
export const MODEL_CARD_KEYS: readonly string[] = [
  'base_model',
  'license',
  'license_name',
  'license_link',
  'library_name',
  'pipeline_tag',
  'datasets',
  'tags',
  'model-index',
  'base_model_relation',
  'language',
  'model_name'
];

/**
 * Keys only a model card's metadata has: a Markdown file of any other name is read as a card only
 * with one of them (a docs page's front matter may well carry `tags`, `license` or `language`).
 */
export const DISTINCTIVE_MODEL_CARD_KEYS: readonly string[] = [
  'base_model',
  'base_model_relation',
  'model-index',
  'model_name',
  'library_name',
  'pipeline_tag',
  'license_name',
  'license_link'
];

const ID = 'hf-model-card';

/**
 * The role of each `base_model` entry. The Hub's `base_model_relation` decides when given;
 * otherwise a list of two or more is a merge, as the Hub itself infers.
 */
function roleFor(relation: unknown): (count: number) => UpstreamRole {
  if (relation === 'quantized') return () => 'quantized-from';
  if (relation === 'merge') return () => 'merge-parent';
  if (relation === 'adapter' || relation === 'finetune') return () => 'base';
  return (count) => (count >= 2 ? 'merge-parent' : 'base');
}

/**
 * The card's license: `license` (a Hub id or a list, the first entry counts), with `license_name`
 * and `license_link` for `other`. TRL's card template writes the key as `licence` (holding the
 * word `license` when no license was given, a placeholder): read when `license` is absent, with a
 * note that the Hub does not read it.
 */
function readLicense(input: FormatInput): { decl?: LicenseDecl; note?: FormatNote } {
  const key = ['license', 'licence'].find((k) => hasKey(input.doc.value, k));
  const written = key === undefined ? undefined : own(input.doc.value, key);
  const id = key === undefined ? undefined : stringAt(input, Array.isArray(written) ? [key, 0] : [key]);
  const name = stringAt(input, ['license_name']);
  const link = stringAt(input, ['license_link']);
  const source = id?.source ?? name?.source ?? link?.source;
  if (!source) return {};
  const decl: LicenseDecl = {
    ...(id ? { id: id.value } : {}),
    ...(name ? { name: name.value } : {}),
    ...(link ? { link: link.value } : {}),
    source
  };
  if (key !== 'licence' || !id || isPlaceholderLicense(id.value)) return { decl };
  const note: FormatNote = {
    kind: 'misspelt-key',
    message:
      `\`licence\` in ${id.source.path} (line ${id.source.at.line}) is a misspelling of \`license\`: the gate reads ` +
      `${JSON.stringify(id.value.slice(0, 120))} as the card's license, but the Hub reads only \`license\`, ` +
      'so the model page shows no license.',
    fix: `Rename the key to \`license\` in ${id.source.path}.`,
    source: id.source
  };
  return { decl, note };
}

/** `datasets:` entries (a list, or a single id), each with what it names on the Hub. */
function readDatasets(input: FormatInput): DatasetRef[] {
  const value = own(input.doc.value, 'datasets');
  const paths = Array.isArray(value) ? value.map((_, i) => ['datasets', i]) : [['datasets']];
  const out: DatasetRef[] = [];
  for (const path of paths) {
    const entry = stringAt(input, path);
    if (!entry) continue;
    const { id, revision } = classifyDatasetId(entry.value);
    out.push({ raw: entry.value, ...(id ? { id } : {}), ...(revision ? { revision } : {}), source: entry.source });
  }
  return out;
}

/** YAML front matter of a Hugging Face model card (README.md, MODEL_CARD.md, *model_card*.md). */
export const hfModelCard: ManifestFormat = {
  id: ID,
  name: 'Hugging Face model card',
  syntax: 'front-matter',
  upstreamHint: 'set `base_model:` in the front matter to the Hub id (`org/name`)',
  schema,
  detect(value) {
    return isObject(value) && MODEL_CARD_KEYS.some((k) => hasKey(value, k));
  },
  read(input) {
    const record: LineageRecord = emptyRecord(input, ID);
    const relation = own(input.doc.value, 'base_model_relation');
    appendAll(record.upstreams, upstreamsAt(input, ['base_model'], roleFor(relation)));
    if (typeof relation === 'string')
      record.relation = { value: relation, source: sourceAt(input, ['base_model_relation']) };
    const license = readLicense(input);
    if (license.decl) record.license = license.decl;
    if (license.note) record.notes.push(license.note);
    appendAll(record.datasets, readDatasets(input));
    // The name the card publishes under: `model_name`, else the evaluation results' `model-index[0].name`.
    const name = stringAt(input, ['model_name']) ?? stringAt(input, ['model-index', 0, 'name']);
    if (name) record.name = name;
    if (input.prose) record.prose = input.prose;
    return record;
  }
};
