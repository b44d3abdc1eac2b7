/**
 * One license knowledge-base entry, read from its YAML shape (data/licenses.yaml, or a policy's
 * `licenses.knowledge`, schemas/license-knowledge.schema.json `$defs/entry`) into the shape rules use.
 */
import type { WrittenAs } from './knowledge-types.js';

export interface LicenseAttribution {
  /** What the license asks, in one sentence. */
  duty?: string;
  /** Fixed notice / display text to carry, quoted from the license; absent when it names none. */
  text?: string;
  /** Phrases whose presence in an artifact's text shows the attribution is carried. */
  markers: readonly string[];
  /** The duty binds only in some cases (Kimi's scale threshold, Apache's NOTICE file). */
  condition?: string;
}

export interface LicenseEntry {
  id: string;
  aliases: readonly string[];
  family: string;
  display: string;
  spdx?: string;
  writtenAs?: WrittenAs;
  /** Absent: the license asks derivatives for no attribution. */
  attribution?: LicenseAttribution;
  namingPrefix?: string;
  nonCommercial: boolean;
  flowDown: boolean;
  restrictions: readonly string[];
  scaleThreshold?: string;
  permissive: boolean;
  source: string;
  /** Built in (data/licenses.yaml) or added / overridden by the policy file. */
  origin: 'builtin' | 'policy';
}

export class LicenseEntryError extends Error {}

/** Longest license id or name looked at; anything longer is not a real one. */
export const MAX_LICENSE_ID_LENGTH = 200;

const WRITTEN_AS: readonly string[] = ['license', 'license-name', 'spdx'];

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `key` as YAML writes it (kebab-case), or camelCased as the policy reader may hand it over. */
function pick(raw: Fields, key: string): unknown {
  if (Object.hasOwn(raw, key)) return raw[key];
  const camel = key.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
  return camel !== key && Object.hasOwn(raw, camel) ? raw[camel] : undefined;
}

function text(raw: Fields, key: string, required: true): string;
function text(raw: Fields, key: string, required?: false): string | undefined;
function text(raw: Fields, key: string, required = false): string | undefined {
  const value = pick(raw, key);
  if (value === undefined) {
    if (required) throw new LicenseEntryError(`\`${key}\` is required`);
    return undefined;
  }
  if (typeof value !== 'string' || value.trim() === '')
    throw new LicenseEntryError(`\`${key}\` must be a non-empty string`);
  return value;
}

function flag(raw: Fields, key: string): boolean {
  const value = pick(raw, key);
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw new LicenseEntryError(`\`${key}\` must be true or false`);
  return value;
}

function list(raw: Fields, key: string): readonly string[] {
  const value = pick(raw, key);
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
    throw new LicenseEntryError(`\`${key}\` must be a list of strings`);
  return value as string[];
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function attributionOf(raw: Fields): LicenseAttribution | undefined {
  const value = pick(raw, 'attribution');
  if (value === undefined) return undefined;
  // The policy reader's flat form: `attribution` is the text, markers and condition beside it.
  if (typeof value === 'string') {
    return {
      ...optional('text', text(raw, 'attribution')),
      markers: list(raw, 'attribution-markers'),
      ...optional('condition', text(raw, 'attribution-condition'))
    };
  }
  if (!isObject(value)) throw new LicenseEntryError('`attribution` must be a mapping');
  const out = {
    ...optional('duty', text(value, 'duty')),
    ...optional('text', text(value, 'text')),
    markers: list(value, 'markers'),
    ...optional('condition', text(value, 'condition'))
  };
  if (!out.duty && !out.text && out.markers.length === 0)
    throw new LicenseEntryError('`attribution` needs a `duty`, a `text` or `markers`');
  return out;
}

function entryOf(raw: unknown, origin: LicenseEntry['origin']): LicenseEntry {
  if (!isObject(raw)) throw new LicenseEntryError('an entry must be a mapping');
  const id = text(raw, 'id', true).trim();
  if (id.length > MAX_LICENSE_ID_LENGTH) throw new LicenseEntryError('`id` is too long');
  const writtenAs = text(raw, 'written-as');
  if (writtenAs !== undefined && !WRITTEN_AS.includes(writtenAs))
    throw new LicenseEntryError(`\`written-as\` must be one of ${WRITTEN_AS.join(', ')}`);
  return {
    id,
    aliases: list(raw, 'aliases'),
    family: text(raw, 'family', true),
    display: text(raw, 'display') ?? id,
    ...optional('spdx', text(raw, 'spdx')),
    ...optional('writtenAs', writtenAs as WrittenAs | undefined),
    ...optional('attribution', attributionOf(raw)),
    ...optional('namingPrefix', text(raw, 'naming-prefix')),
    nonCommercial: flag(raw, 'non-commercial'),
    flowDown: flag(raw, 'flow-down'),
    restrictions: list(raw, 'restrictions'),
    ...optional('scaleThreshold', text(raw, 'scale-threshold')),
    permissive: flag(raw, 'permissive'),
    source: text(raw, 'source', true),
    origin
  };
}

/** Where a policy entry was written (`at: { path, line }`), for error messages. */
function locationOf(raw: unknown): string {
  const at = isObject(raw) ? raw.at : undefined;
  if (!isObject(at) || typeof at.path !== 'string') return '';
  return typeof at.line === 'number' ? ` (${at.path}:${at.line})` : ` (${at.path})`;
}

/**
 * An entry from its YAML shape. Policy entries arrive as `unknown` (already schema-checked by
 * the policy loader); the checks here keep a malformed one from reaching a rule. `index` is
 * 0-based and only names the entry in the error.
 */
export function toLicenseEntry(raw: unknown, origin: LicenseEntry['origin'], index = 0): LicenseEntry {
  try {
    return entryOf(raw, origin);
  } catch (error) {
    if (!(error instanceof LicenseEntryError)) throw error;
    throw new LicenseEntryError(`license knowledge entry ${index + 1}${locationOf(raw)}: ${error.message}`);
  }
}
