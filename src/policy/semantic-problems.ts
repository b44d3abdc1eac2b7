/**
 * What the schema cannot say: rule ids (from the caller), globs that do not compile, license
 * ids that are typos, expressions that do not parse, dates that are not in the calendar.
 * Every check tolerates values of the wrong type: the schema reports those.
 */
import schema from '../../schemas/policy.schema.json' with { type: 'json' };
import { isObject, own, valueAt } from '../formats/fields.js';
import { LicenseKnowledge } from '../licenses/knowledge.js';
import { HUB_LICENSE_IDS, KNOWN_LICENSE_NAMES } from '../licenses/license-ids.js';
import type { SourceDocument } from '../source/document.js';
import type { PathSegment } from '../source/span.js';
import { suggestion } from './did-you-mean.js';
import { globProblem, isGlob } from './globs.js';
import { isExpression, licenseTerm, parseLicense } from './license-expression.js';
import { keySpan, show, subject, valueSpan, type LocatedProblem } from './located.js';
import spdxIds from 'spdx-license-ids/index.json' with { type: 'json' };

const SEVERITIES = ['off', 'notice', 'warning', 'error'];
const SCHEMA_RULE_IDS: ReadonlySet<string> = new Set(Object.keys(schema.$defs.rules.properties));
const quoteCode = (s: string) => `\`${s}\``;

class Collector {
  readonly problems: LocatedProblem[] = [];
  constructor(readonly doc: SourceDocument) {}

  value(path: readonly PathSegment[]): unknown {
    return valueAt(this.doc.value, path);
  }

  /** Indices of the list at `path` (none when it is not a list). */
  items(path: readonly PathSegment[]): number[] {
    const v = this.value(path);
    return Array.isArray(v) ? v.map((_, i) => i) : [];
  }

  keys(path: readonly PathSegment[]): string[] {
    const v = this.value(path);
    return isObject(v) ? Object.keys(v) : [];
  }

  atValue(path: readonly PathSegment[], message: string): void {
    this.problems.push({ message, at: valueSpan(this.doc, path) });
  }

  atKey(path: readonly PathSegment[], message: string): void {
    this.problems.push({ message, at: keySpan(this.doc, path) });
  }
}

function checkRules(c: Collector, path: PathSegment[], ruleIds: readonly string[]): void {
  for (const id of c.keys(path)) {
    const at = [...path, id];
    if (!ruleIds.includes(id)) {
      c.atKey(at, `${subject(at)} is not a rule id${suggestion(id, ruleIds, quoteCode)}`);
      continue;
    }
    // Ids the caller knows but the schema does not list escape the schema's value check.
    const severity = c.value(at);
    if (!SCHEMA_RULE_IDS.has(id) && !SEVERITIES.includes(severity as string)) {
      c.atValue(at, `${subject(at)} must be one of ${SEVERITIES.join(', ')} (got ${show(severity)})`);
    }
  }
}

function checkGlob(
  c: Collector,
  path: PathSegment[],
  kind: 'path' | 'hub-id',
  at: 'key' | 'value' = 'value',
  text?: string
): void {
  const glob = text ?? c.value(path);
  if (typeof glob !== 'string') return;
  const problem = globProblem(glob, kind);
  if (!problem) return;
  const message = `${subject(path)} ${JSON.stringify(glob)} ${problem}`;
  if (at === 'key') c.atKey(path, message);
  else c.atValue(path, message);
}

function checkGlobList(c: Collector, path: PathSegment[], kind: 'path' | 'hub-id'): void {
  for (const i of c.items(path)) checkGlob(c, [...path, i], kind);
}

/** Ids a policy may name without the gate knowing them otherwise. */
function isDeclaredId(token: string, knowledge: ReadonlySet<string>): boolean {
  const t = token.trim();
  if (/^other:\S+$/i.test(t)) return true;
  if (/^(DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+$/i.test(t)) return true;
  const term = licenseTerm(t);
  if (term.spdx || HUB_LICENSE_IDS.has(term.id) || KNOWN_LICENSE_NAMES.has(term.id) || knowledge.has(term.id))
    return true;
  return LicenseKnowledge.builtin().lookup(term.id) !== undefined;
}

const ID_CANDIDATES = [...HUB_LICENSE_IDS, ...KNOWN_LICENSE_NAMES, ...(spdxIds as string[])];

/** `whole`: the entry is the unknown id itself, rather than an expression naming it. */
function unknownIdProblem(token: string, knowledge: ReadonlySet<string>, whole: boolean): string {
  const hint = suggestion(token, [...ID_CANDIDATES, ...knowledge], quoteCode);
  const what = whole ? 'is' : `names ${JSON.stringify(token)}, which is`;
  return (
    `${what} neither an SPDX id, a Hub license id nor a known license name${hint}; ` +
    `write \`other:${token}\` or \`LicenseRef-${token.replace(/[^A-Za-z0-9.-]/g, '-')}\` ` +
    `for a license of your own, or describe it under \`licenses.knowledge\``
  );
}

/** The license ids of an expression: neither operators nor the exception after `WITH`. */
function licenseOperands(text: string): string[] {
  const tokens = text.match(/[^\s()]+/g) ?? [];
  return tokens.filter((t, i) => !/^(AND|OR|WITH)$/i.test(t) && !/^WITH$/i.test(tokens[i - 1] ?? ''));
}

/** Why a license (single id or expression; globs only when `globs`) cannot be used, or undefined. */
function licenseProblem(text: string, knowledge: ReadonlySet<string>, globs: boolean): string | undefined {
  if (isGlob(text)) {
    if (!globs) return 'must be a license id, not a pattern';
    return globProblem(text, 'license');
  }
  if (knowledge.has(text.trim().toLowerCase()) || LicenseKnowledge.builtin().lookup(text) !== undefined)
    return undefined;
  if (!isExpression(text))
    return isDeclaredId(text, knowledge) ? undefined : unknownIdProblem(text.trim(), knowledge, true);
  const parsed = parseLicense(text);
  if (!parsed.ok) return parsed.reason;
  const stranger = licenseOperands(text).find((t) => !isDeclaredId(t, knowledge));
  return stranger ? unknownIdProblem(stranger, knowledge, false) : undefined;
}

function checkLicenseList(c: Collector, path: PathSegment[], knowledge: ReadonlySet<string>): void {
  for (const i of c.items(path)) {
    const at = [...path, i];
    const text = c.value(at);
    if (typeof text !== 'string' || text.trim() === '') continue;
    const problem = licenseProblem(text, knowledge, true);
    if (problem) c.atValue(at, `${subject(at)} ${JSON.stringify(text)} ${problem}`);
  }
}

function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return true; // the schema's pattern reports the shape
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    date.getUTCFullYear() === Number(m[1]) &&
    date.getUTCMonth() === Number(m[2]) - 1 &&
    date.getUTCDate() === Number(m[3])
  );
}

function knowledgeIds(c: Collector): Set<string> {
  const ids = new Set<string>();
  for (const i of c.items(['licenses', 'knowledge'])) {
    const at: PathSegment[] = ['licenses', 'knowledge', i, 'id'];
    const id = c.value(at);
    if (typeof id !== 'string') continue;
    const key = id.trim().toLowerCase();
    if (ids.has(key))
      c.atValue(at, `${subject(at)} ${JSON.stringify(id)} is described twice in \`licenses.knowledge\``);
    ids.add(key);
  }
  return ids;
}

function checkSettings(
  c: Collector,
  base: PathSegment[],
  ruleIds: readonly string[],
  knowledge: ReadonlySet<string>
): void {
  checkRules(c, [...base, 'rules'], ruleIds);
  checkLicenseList(c, [...base, 'licenses', 'allow'], knowledge);
  checkLicenseList(c, [...base, 'licenses', 'deny'], knowledge);
  checkGlobList(c, [...base, 'upstreams', 'allow'], 'hub-id');
  checkGlobList(c, [...base, 'upstreams', 'deny'], 'hub-id');
}

function checkWaiver(c: Collector, i: number, ruleIds: readonly string[]): void {
  const base: PathSegment[] = ['waivers', i];
  const rule = c.value([...base, 'rule']);
  if (typeof rule === 'string' && !ruleIds.includes(rule)) {
    c.atValue(
      [...base, 'rule'],
      `${subject([...base, 'rule'])} is ${JSON.stringify(rule)}, ` +
        `which is not a rule id${suggestion(rule, ruleIds, quoteCode)}`
    );
  }
  checkGlob(c, [...base, 'path'], 'path');
  checkGlob(c, [...base, 'upstream'], 'hub-id');
  const expires = c.value([...base, 'expires']);
  if (typeof expires === 'string' && !isCalendarDate(expires)) {
    c.atValue(
      [...base, 'expires'],
      `${subject([...base, 'expires'])} ${JSON.stringify(expires)} is not a day of the calendar`
    );
  }
}

/** Problems the schema cannot see, in no particular order (the loader sorts them). */
export function semanticProblems(doc: SourceDocument, ruleIds: readonly string[]): LocatedProblem[] {
  const c = new Collector(doc);
  const knowledge = knowledgeIds(c);
  checkSettings(c, [], ruleIds, knowledge);
  for (const pattern of c.keys(['licenses', 'upstreams'])) {
    const at: PathSegment[] = ['licenses', 'upstreams', pattern];
    // A key with whitespace breaks the schema's key pattern, which reports it.
    if (!/\s/.test(pattern)) checkGlob(c, at, 'hub-id', 'key', pattern);
    const license = own(c.value(['licenses', 'upstreams']), pattern);
    if (typeof license === 'string' && license.trim() !== '') {
      const problem = licenseProblem(license, knowledge, false);
      if (problem) c.atValue(at, `${subject(at)} ${JSON.stringify(license)} ${problem}`);
    }
  }
  for (const i of c.items(['overrides'])) {
    checkSettings(c, ['overrides', i], ruleIds, knowledge);
    checkGlobList(c, ['overrides', i, 'paths'], 'path');
  }
  for (const i of c.items(['waivers'])) checkWaiver(c, i, ruleIds);
  return c.problems;
}
