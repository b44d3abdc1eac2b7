/**
 * License values that name no license: what templates and tools write when nobody filled the
 * field in. The one place the gate decides it — every rule and the resolver of upstream licenses
 * treat such a value as absent (missing-license reports it; nothing compares it).
 */

/**
 * Whole values (compared trimmed, lower-cased, surrounding brackets dropped) that declare nothing:
 * the TRL card template's `licence: license`, the Hub card template's `[More Information Needed]`,
 * YAML-ish nulls written as text, to-do markers, `unknown` (a Hub id that says nothing), `other`
 * (alone it names no license; with `license_name` or `license_link` it does, see
 * `placeholderLicenseOf`).
 */
const PLACEHOLDER_WORDS: ReadonlySet<string> = new Set([
  '',
  'license',
  'licence',
  'the license',
  'your license',
  'your-license',
  'more information needed',
  'none',
  'null',
  'nil',
  'undefined',
  '~',
  '-',
  '?',
  'todo',
  'tbd',
  'tba',
  'fixme',
  'xxx',
  'placeholder',
  'unknown',
  'n/a',
  'na',
  'not specified',
  'unspecified',
  'other'
]);

/** Leading words that mark a to-do however it continues (`TODO: add the license`, `TBD - legal`). */
const TODO_PREFIX = /^(?:todo|tbd|fixme|placeholder)\b/;

/** Longest value looked at: a placeholder is a word or two. */
const MAX_PLACEHOLDER_LENGTH = 64;

/** `[More Information Needed]`, `<license>`, `{{ license }}`: the template's brackets around the word. */
const BRACKETS = /^(?:\[\s*(.*?)\s*\]|<\s*(.*?)\s*>|\{\{\s*(.*?)\s*\}\})$/s;

function normal(value: string): string {
  const trimmed = value.trim().toLowerCase();
  const inner = BRACKETS.exec(trimmed);
  return inner ? (inner[1] ?? inner[2] ?? inner[3]).trim() : trimmed;
}

/**
 * Whether one written license value is a placeholder (`unknown`, `TODO`, `None`, `license`,
 * `[More Information Needed]`, `other`, empty …). Null and undefined are absent values too.
 */
export function isPlaceholderLicense(value: string | null | undefined): boolean {
  if (value === null || value === undefined) return true;
  if (value.length > MAX_PLACEHOLDER_LENGTH) return false;
  const word = normal(value);
  return PLACEHOLDER_WORDS.has(word) || TODO_PREFIX.test(word);
}

/** A license declaration as the formats read it (`license`, `license_name`, `license_link`). */
export interface WrittenLicense {
  id?: string;
  name?: string;
  link?: string;
}

/**
 * The placeholder a declaration consists of, as written (`"license"`, `"other"`, `""`), or
 * undefined when it names a license: a real id, a real `license_name`, or a `license_link`
 * (`other` with a name or a link says which terms apply, even if unknown-license wants both).
 */
export function placeholderLicenseOf(decl: WrittenLicense): string | undefined {
  if (!isPlaceholderLicense(decl.id)) return undefined;
  if (!isPlaceholderLicense(decl.name)) return undefined;
  // `license_link: LICENSE` is the license file beside the card, not the TRL placeholder word.
  const link = decl.link?.trim();
  if (link && (!isPlaceholderLicense(link) || /^licen[cs]e$/i.test(link))) return undefined;
  return decl.id ?? decl.name ?? decl.link ?? '';
}

/** Why the placeholder names nothing, for messages. */
export function placeholderReason(value: string): string {
  const word = normal(value);
  if (word === 'other') return '`other` without `license_name` or `license_link` names no license';
  if (word === 'license' || word === 'licence')
    return 'it is the template text a tool writes when no license was given (TRL writes `licence: license`)';
  if (word === 'more information needed') return "it is the Hub card template's text for a field left empty";
  if (word === 'unknown') return '`unknown` says nothing about the terms';
  if (word === '') return 'it is empty';
  return 'it is a placeholder, not a license';
}
