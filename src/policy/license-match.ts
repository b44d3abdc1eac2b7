import spdxSatisfies from 'spdx-satisfies';
import { HUB_LICENSE_IDS, KNOWN_LICENSE_NAMES } from '../licenses/license-ids.js';
import { isPlaceholderLicense } from '../licenses/placeholder.js';
import type { LicenseSettings } from './policy.js';
import { idMatcher, isGlob } from './globs.js';
import { licenseTerm, parseLicense, type LicenseTerm } from './license-expression.js';

export type LicenseVerdict = 'allowed' | 'denied' | 'not-in-allow-list' | 'unknown';

/** One `licenses.allow` / `licenses.deny` entry, ready to compare. */
interface ListEntry {
  text: string;
  /** Alternatives of the entry, each a set of terms (globs are one-term sets). */
  alternatives: Matcher[][];
}

/** `canon` maps an id to the knowledge base's own id, so that aliases (`deepseek-license`) match. */
type Matcher = (term: LicenseTerm, canon: Canon) => boolean;
type Canon = (id: string) => string;

/** spdx-satisfies decides between SPDX ids (ranges such as `GPL-2.0+`, `-or-later`, exceptions). */
function satisfies(term: LicenseTerm, approved: LicenseTerm): boolean {
  try {
    return spdxSatisfies(term.key, [approved.key]);
  } catch {
    return false;
  }
}

function termMatcher(approved: LicenseTerm): Matcher {
  return (term, canon) =>
    term.spdx && approved.spdx
      ? satisfies(term, approved)
      : term.key === approved.key || canon(term.key) === canon(approved.key);
}

function compileEntry(text: string): ListEntry {
  const trimmed = text.trim();
  if (isGlob(trimmed)) {
    const test = idMatcher(trimmed.replace(/^other:/i, ''));
    return { text, alternatives: [[(term, canon) => test(term.id) || test(canon(term.id))]] };
  }
  const parsed = parseLicense(trimmed);
  // The loader rejects unparseable entries; a caller that skips it still gets exact-id matching.
  const alternatives = parsed.ok ? parsed.alternatives : [[licenseTerm(trimmed)]];
  return { text, alternatives: alternatives.map((alt) => alt.map(termMatcher)) };
}

const compiled = new WeakMap<readonly string[], ListEntry[]>();

/** Entries are compiled once per list: effective policies share the lists of the policy file. */
function compileList(list: readonly string[]): ListEntry[] {
  let entries = compiled.get(list);
  if (!entries) {
    entries = list.map(compileEntry);
    compiled.set(list, entries);
  }
  return entries;
}

/** Every entry term is met by some term of the alternative: the alternative carries the entry's licenses. */
function contains(alternative: readonly LicenseTerm[], entry: readonly Matcher[], canon: Canon): boolean {
  return entry.every((m) => alternative.some((t) => m(t, canon)));
}

/** The alternative is exactly the entry's combination (an `A AND B` allow entry admits just that). */
function equals(alternative: readonly LicenseTerm[], entry: readonly Matcher[], canon: Canon): boolean {
  return contains(alternative, entry, canon) && alternative.every((t) => entry.some((m) => m(t, canon)));
}

function deniedBy(
  alternative: readonly LicenseTerm[],
  deny: readonly ListEntry[],
  canon: Canon
): ListEntry | undefined {
  return deny.find((e) => e.alternatives.some((combo) => contains(alternative, combo, canon)));
}

/** Single-license entries cover terms one by one; combinations only cover an equal alternative. */
function allowedBy(
  alternative: readonly LicenseTerm[],
  allow: readonly ListEntry[],
  canon: Canon
): ListEntry | undefined {
  for (const entry of allow) {
    if (entry.alternatives.some((combo) => combo.length > 1 && equals(alternative, combo, canon))) return entry;
  }
  const coverers = alternative.map((t) =>
    allow.find((e) => e.alternatives.some((combo) => combo.length === 1 && combo[0](t, canon)))
  );
  return coverers.every(Boolean) ? coverers[0] : undefined;
}

function isKnown(term: LicenseTerm, knowledge: LicenseMatchOptions['knowledge']): boolean {
  // `other`, `unknown`, `TODO` … say nothing about the terms (src/licenses/placeholder.ts).
  if (isPlaceholderLicense(term.id)) return false;
  if (term.spdx) return true;
  return HUB_LICENSE_IDS.has(term.id) || KNOWN_LICENSE_NAMES.has(term.id) || knowledge?.lookup(term.id) !== undefined;
}

function mentioned(term: LicenseTerm, lists: readonly (readonly ListEntry[])[], canon: Canon): boolean {
  return lists.some((list) => list.some((e) => e.alternatives.some((combo) => combo.some((m) => m(term, canon)))));
}

const RANK: Record<LicenseVerdict, number> = { allowed: 3, unknown: 2, 'not-in-allow-list': 1, denied: 0 };

export interface LicenseMatchOptions {
  /**
   * The license knowledge base (src/licenses `LicenseKnowledge`, with the policy's entries): ids
   * and aliases it knows are not unknown, and an alias matches its id (`deepseek-license` ≡ `deepseek`).
   */
  knowledge?: { lookup(idOrName: string): { id: string } | undefined };
}

/**
 * Judges a license id or SPDX expression against `licenses.allow` / `licenses.deny`.
 * An expression is read as its alternatives (`A OR B`: either will do; `A AND B`: both apply):
 * the best alternative decides. An alternative is `denied` when it carries a denied license
 * (deny wins over allow), `allowed` when every license in it is allowed (or there is no
 * allow-list and all are known), `unknown` when a license in it is neither SPDX, nor a Hub id or
 * known license name, nor listed, and `not-in-allow-list` otherwise.
 */
export function licenseAllowed(
  licenseId: string,
  settings: Pick<LicenseSettings, 'allow' | 'deny'>,
  options: LicenseMatchOptions = {}
): { verdict: LicenseVerdict; matched?: string } {
  const parsed = parseLicense(licenseId);
  const alternatives = parsed.ok ? parsed.alternatives : [[licenseTerm(licenseId)]];
  const deny = compileList(settings.deny);
  const allow = settings.allow ? compileList(settings.allow) : undefined;
  const { knowledge } = options;
  const canon: Canon = knowledge ? (id) => knowledge.lookup(id)?.id.toLowerCase() ?? id : (id) => id;

  let best: { verdict: LicenseVerdict; matched?: string } | undefined;
  for (const alternative of alternatives) {
    const judged = judge(alternative, allow, deny, knowledge, canon);
    if (!best || RANK[judged.verdict] > RANK[best.verdict]) best = judged;
    if (best.verdict === 'allowed') break;
  }
  return best ?? { verdict: 'unknown' };
}

function judge(
  alternative: readonly LicenseTerm[],
  allow: readonly ListEntry[] | undefined,
  deny: readonly ListEntry[],
  knowledge: LicenseMatchOptions['knowledge'],
  canon: Canon
): { verdict: LicenseVerdict; matched?: string } {
  const denied = deniedBy(alternative, deny, canon);
  if (denied) return { verdict: 'denied', matched: denied.text };
  const lists = allow ? [allow, deny] : [deny];
  const unknown = alternative.some((t) => !isKnown(t, knowledge) && !mentioned(t, lists, canon));
  if (!allow) return unknown ? { verdict: 'unknown' } : { verdict: 'allowed' };
  const allowed = allowedBy(alternative, allow, canon);
  if (allowed) return { verdict: 'allowed', matched: allowed.text };
  return { verdict: unknown ? 'unknown' : 'not-in-allow-list' };
}
