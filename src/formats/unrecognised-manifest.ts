/**
 * The fallback for a file that has a manifest's name but none of the formats' content (a
 * hand-written `adapter_config.json` holding only `base_model`): read whatever lineage keys it
 * has, and say what it is not, so nothing is skipped silently.
 */
import type { LineageRecord } from '../lineage/record.js';
import { addParentAt, emptyRecord, licenseIdAt, upstreamsAt } from './declarations.js';
import { hasKey, isObject, own } from './fields.js';
import type { FormatInput } from './format.js';
import { MENS_V3_FORMATS } from './mens-adapter-manifest-v3.js';
import { MENS_V2_FORMATS } from './mens-adapter-sidecar-v2.js';
import { TRAINING_REQUIRED_KEYS } from './mens-training-manifest.js';
import type { NameKind } from './manifest-names.js';
import { appendAll } from '../collections/append-all.js';

export const UNRECOGNISED_FORMAT = 'unrecognised-manifest';

/** Top-level keys read from any manifest-named file, in the order they are reported. */
const LINEAGE_KEYS = ['base_model', 'base_model_name_or_path', 'model', 'license'] as const;

/** True when the content names a model or license in a key this fallback reads. */
export function hasLineageKeys(value: unknown): boolean {
  return (
    isObject(value) && LINEAGE_KEYS.some((k) => hasKey(value, k) && (k !== 'model' || isModelValue(own(value, k))))
  );
}

/** `model` counts only as a string or null (a Kitfile's `model:` is an object describing weights). */
function isModelValue(value: unknown): boolean {
  return value === null || typeof value === 'string';
}

interface Expectation {
  what: string;
  lacks(value: unknown): string;
  fix: string;
}

function formatLacks(value: unknown, allowed: readonly string[]): string {
  const format = own(value, 'format');
  const names = allowed.map((f) => `\`${f}\``).join(' or ');
  if (format === undefined) return `it has no \`format\` key (expected ${names})`;
  return `its \`format\` is ${JSON.stringify(format)?.slice(0, 80)}, not ${names}`;
}

const LINEAGE_FIX = 'or declare the lineage in a lineage.yaml next to it (docs/lineage-manifest.md)';

const EXPECTATIONS: Record<Exclude<NameKind, 'model-card'>, Expectation> = {
  'adapter-config': {
    what: 'a PEFT or MLX adapter config',
    lacks: () => 'it has no `peft_type`, `fine_tune_type` or `lora_parameters`',
    fix:
      `If it is a PEFT adapter, save it with \`save_pretrained()\` so it carries \`peft_type\`, ` +
      `\`base_model_name_or_path\` and \`revision\`; if it is an MLX adapter, ` +
      `keep the config \`mlx_lm.lora\` writes; otherwise rename the file ${LINEAGE_FIX}.`
  },
  'mens-training': {
    what: 'a MENS training manifest',
    lacks: (value) => {
      const present = TRAINING_REQUIRED_KEYS.filter((k) => hasKey(value, k));
      return (
        `it has no \`manifest_schema_version\` and ${present.length === 0 ? 'none' : `only ${present.length}`} ` +
        `of the ${TRAINING_REQUIRED_KEYS.length} keys MENS always writes ` +
        `(${TRAINING_REQUIRED_KEYS.map((k) => `\`${k}\``).join(', ')})`
      );
    },
    fix:
      `Let the MENS trainer write training_manifest.json; ` +
      `if this file belongs to another tool, rename it ${LINEAGE_FIX}.`
  },
  'mens-adapter-v3': {
    what: 'a MENS adapter manifest v3',
    lacks: (value) => formatLacks(value, MENS_V3_FORMATS),
    fix:
      `Let MENS write the adapter manifest (\`format: "vox_mens_adapter"\`, ` +
      `\`version: 3\`); if this file belongs to another tool, rename it ${LINEAGE_FIX}.`
  },
  'mens-sidecar-v2': {
    what: 'a MENS adapter sidecar v2',
    lacks: (value) => formatLacks(value, MENS_V2_FORMATS),
    fix:
      `The v2 sidecar is retired: write the v3 adapter manifest ` +
      `with provenance instead, or rename the file ${LINEAGE_FIX}.`
  },
  lineage: {
    what: 'a lineage manifest',
    lacks: (value) =>
      isObject(value)
        ? 'it has none of its keys (`schema`, `upstreams`, `license`, …)'
        : 'its content is not a mapping of keys',
    fix: 'Start the file with `schema: 1` and follow docs/lineage-manifest.md.'
  }
};

function describeContent(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Read a manifest-named file that no format recognised. */
export function readUnrecognised(input: FormatInput, kind: Exclude<NameKind, 'model-card'>): LineageRecord {
  const record = emptyRecord(input, UNRECOGNISED_FORMAT);
  const root = input.doc.value;
  const read: string[] = [];
  for (const key of LINEAGE_KEYS) {
    if (!hasKey(root, key)) continue;
    if (key === 'license') {
      const license = licenseIdAt(input, [key]);
      if (license) {
        record.license = license;
        read.push(`\`${key}\``);
      }
      continue;
    }
    if (key === 'model' && !isModelValue(own(root, key))) continue;
    appendAll(
      record.upstreams,
      upstreamsAt(input, [key], () => 'base')
    );
    read.push(`\`${key}\``);
  }
  const expectation = EXPECTATIONS[kind];
  const notObject = isObject(root) ? '' : ` (its content is ${describeContent(root)}, not an object)`;
  const outcome = read.length
    ? `Only ${read.join(', ')} ${read.length === 1 ? 'was' : 'were'} read from it.`
    : `No lineage key could be read from it (no \`base_model\`, ` +
      `\`base_model_name_or_path\`, \`model\` or \`license\`).`;
  record.notes.push({
    kind: 'unrecognised-format',
    message:
      `${input.path} has the name of ${expectation.what} but is ` +
      `not one: ${expectation.lacks(root)}${notObject}. ${outcome}`,
    fix: expectation.fix,
    source: record.anchor
  });
  return record;
}

/** Keys in which a config of no known format names the models it starts from. */
export const LINEAGE_MODEL_KEYS: readonly string[] = [
  'base_model',
  'base_model_name_or_path',
  'model_name_or_path',
  'pretrained_model_name_or_path',
  '_name_or_path',
  'adapter_name_or_path'
];

/** Format id of a JSON/YAML file of any name that names a model in keys no known format has. */
export const LINEAGE_LIKE_FORMAT = 'unrecognised-config';

/**
 * Read a file that names a model in lineage keys (`model_name_or_path` …) but is no known format:
 * a training script's own config. Its models are upstreams like any other; it is a recipe (it says
 * how something is made), so it owes no license. The run lists such files so none passes unseen.
 */
export function readLineageLike(input: FormatInput): LineageRecord {
  const record = emptyRecord(input, LINEAGE_LIKE_FORMAT);
  record.recipe = true;
  for (const key of LINEAGE_MODEL_KEYS) {
    // An adapter trained on is a parent artifact when it is a local folder, an upstream when a Hub id.
    if (key === 'adapter_name_or_path') addParentAt(record, input, [key], 'upstream');
    else
      appendAll(
        record.upstreams,
        upstreamsAt(input, [key], () => 'base')
      );
  }
  return record;
}
