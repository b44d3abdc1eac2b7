import spdxIds from 'spdx-license-ids/index.json' with { type: 'json' };
import { LICENSE_DATA } from './knowledge-data.generated.js';
import { isPlaceholderLicense } from './placeholder.js';

/**
 * License ids the Hugging Face Hub accepts in a card's `license` field
 * (source: https://huggingface.co/docs/hub/repositories-licenses).
 */
export const HUB_LICENSE_IDS: ReadonlySet<string> = new Set([
  'apache-2.0',
  'mit',
  'openrail',
  'bigscience-openrail-m',
  'creativeml-openrail-m',
  'bigscience-bloom-rail-1.0',
  'bigcode-openrail-m',
  'afl-3.0',
  'artistic-2.0',
  'bsl-1.0',
  'bsd',
  'bsd-2-clause',
  'bsd-3-clause',
  'bsd-3-clause-clear',
  'c-uda',
  'cc',
  'cc0-1.0',
  'cc-by-2.0',
  'cc-by-2.5',
  'cc-by-3.0',
  'cc-by-4.0',
  'cc-by-sa-3.0',
  'cc-by-sa-4.0',
  'cc-by-nc-2.0',
  'cc-by-nc-3.0',
  'cc-by-nc-4.0',
  'cc-by-nd-4.0',
  'cc-by-nc-nd-3.0',
  'cc-by-nc-nd-4.0',
  'cc-by-nc-sa-2.0',
  'cc-by-nc-sa-3.0',
  'cc-by-nc-sa-4.0',
  'cdla-sharing-1.0',
  'cdla-permissive-1.0',
  'cdla-permissive-2.0',
  'wtfpl',
  'ecl-2.0',
  'epl-1.0',
  'epl-2.0',
  'etalab-2.0',
  'eupl-1.1',
  'eupl-1.2',
  'agpl-3.0',
  'gfdl',
  'gpl',
  'gpl-2.0',
  'gpl-3.0',
  'lgpl',
  'lgpl-2.1',
  'lgpl-3.0',
  'isc',
  'h-research',
  'intel-research',
  'lppl-1.3c',
  'ms-pl',
  'apple-ascl',
  'apple-amlr',
  'mpl-2.0',
  'odc-by',
  'odbl',
  'openmdw-1.0',
  'openrail++',
  'osl-3.0',
  'postgresql',
  'ofl-1.1',
  'ncsa',
  'unlicense',
  'zlib',
  'pddl',
  'lgpl-lr',
  'deepfloyd-if-license',
  'fair-noncommercial-research-license',
  'llama2',
  'llama3',
  'llama3.1',
  'llama3.2',
  'llama3.3',
  'llama4',
  'grok2-community',
  'gemma',
  'unknown',
  'other'
]);

/**
 * `license_name` values (with `license: other`) that name well-known model licenses: the
 * knowledge base's `license-name` entries and their aliases.
 */
export const KNOWN_LICENSE_NAMES: ReadonlySet<string> = new Set(
  LICENSE_DATA.licenses
    .filter((e) => e['written-as'] === 'license-name')
    .flatMap((e) => [e.id, ...('aliases' in e ? (e.aliases as readonly string[]) : [])])
    .map((name) => name.toLowerCase())
);

const SPDX_LOWER: ReadonlySet<string> = new Set((spdxIds as string[]).map((id) => id.toLowerCase()));

export type LicenseIdStatus = 'hub' | 'spdx' | 'known-name' | 'other' | 'placeholder' | 'unknown';

/**
 * How a written license id is known: a Hub id, an SPDX id, a well-known license name, or not at
 * all; `other` (which needs a name and a link) and placeholders (`unknown`, `TODO`, … see
 * placeholder.ts) are told apart.
 */
export function licenseIdStatus(id: string): LicenseIdStatus {
  const lower = id.trim().toLowerCase();
  if (lower === 'other') return 'other';
  if (isPlaceholderLicense(lower)) return 'placeholder';
  if (HUB_LICENSE_IDS.has(lower)) return 'hub';
  if (SPDX_LOWER.has(lower)) return 'spdx';
  if (KNOWN_LICENSE_NAMES.has(lower)) return 'known-name';
  return 'unknown';
}

/** The key a license is looked up and matched by: `license_name` for `other`, else the id. */
export function licenseKey(decl: { id?: string; name?: string }): string | undefined {
  if (decl.id?.toLowerCase() === 'other' && decl.name) return decl.name;
  return decl.id ?? decl.name;
}
