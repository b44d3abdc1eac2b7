import parseSpdx from 'spdx-expression-parse';
import spdxIds from 'spdx-license-ids/index.json' with { type: 'json' };
import deprecatedSpdxIds from 'spdx-license-ids/deprecated.json' with { type: 'json' };
import { LicenseKnowledge } from '../licenses/knowledge.js';

/**
 * License ids and expressions as written in manifests and in the policy, in disjunctive normal
 * form: a list of alternatives, each a set of licenses that apply together. SPDX ids are matched
 * case-insensitively (the Hub writes `apache-2.0`, SPDX `Apache-2.0`); Hub-only ids (`llama3.1`,
 * `gemma`, `openrail++`) and license names (`qwen-research`) are plain ids that may appear inside
 * an expression too (`MIT AND llama3.1`).
 */
export interface LicenseTerm {
  /** Canonical SPDX form (`GPL-2.0+`, `Apache-2.0 WITH LLVM-exception`) or the lower-cased plain id. */
  key: string;
  /** Lower-cased id without `+` or exception: what globs and plain comparisons look at. */
  id: string;
  /** A license of the SPDX list (compared with spdx-satisfies, so `GPL-2.0+` covers `GPL-3.0`). */
  spdx: boolean;
}

export type LicenseAlternatives = LicenseTerm[][];

export type ParsedLicense = { ok: true; alternatives: LicenseAlternatives } | { ok: false; reason: string };

const SPDX_CANONICAL: ReadonlyMap<string, string> = new Map(
  [...(spdxIds as string[]), ...(deprecatedSpdxIds as string[])].map((id) => [id.toLowerCase(), id])
);

/** Bounds for hostile input: expressions longer than this are not licenses anyone writes. */
const MAX_TOKENS = 64;
const MAX_ALTERNATIVES = 256;

/** The SPDX list's spelling of `id`, if it is on the list (case-insensitive). */
export function canonicalSpdxId(id: string): string | undefined {
  return SPDX_CANONICAL.get(id.toLowerCase());
}

/** `other:qwen-research` → `qwen-research`: the Hub's `license: other` + `license_name`. */
function stripOther(id: string): string {
  return /^other:./i.test(id) ? id.slice('other:'.length) : id;
}

/** One license token → its term; `+` ("or later") only means something on SPDX ids. */
export function licenseTerm(token: string): LicenseTerm {
  const raw = stripOther(token.trim());
  const exact = canonicalSpdxId(raw);
  if (exact) return { key: exact, id: exact.toLowerCase(), spdx: true };
  if (raw.endsWith('+')) {
    const base = canonicalSpdxId(raw.slice(0, -1));
    if (base) return { key: `${base}+`, id: base.toLowerCase(), spdx: true };
  }
  // Spellings the knowledge base knows (`apache2`, `llama-3.1`) read as the license they name.
  const entry = LicenseKnowledge.builtin().lookup(raw);
  const spdx = entry?.spdx ? canonicalSpdxId(entry.spdx) : undefined;
  if (spdx) return { key: spdx, id: spdx.toLowerCase(), spdx: true };
  const id = (entry?.id ?? raw).toLowerCase();
  return { key: id, id, spdx: false };
}

const OPERATORS = new Set(['AND', 'OR', 'WITH']);

interface SpdxNode {
  license?: string;
  plus?: boolean;
  exception?: string;
  conjunction?: 'and' | 'or';
  left?: SpdxNode;
  right?: SpdxNode;
}

function cross(left: LicenseAlternatives, right: LicenseAlternatives): LicenseAlternatives {
  const out: LicenseAlternatives = [];
  for (const l of left) for (const r of right) out.push([...l, ...r]);
  return out;
}

/** Whether `text` is an expression (operators, parentheses) rather than a single id. */
export function isExpression(text: string): boolean {
  return /[\s()]/.test(text.trim());
}

/**
 * Parses a license id or SPDX expression. Plain ids that are not on the SPDX list stand in the
 * expression as `LicenseRef-…` placeholders, so spdx-expression-parse checks the syntax of all.
 */
export function parseLicense(text: string): ParsedLicense {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'is empty' };
  if (!isExpression(trimmed)) return { ok: true, alternatives: [[licenseTerm(trimmed)]] };

  const tokens = trimmed.match(/\(|\)|[^\s()]+/g) ?? [];
  if (tokens.length > MAX_TOKENS) return { ok: false, reason: `has more than ${MAX_TOKENS} tokens` };
  const placeholders = new Map<string, LicenseTerm>();
  const rewritten: string[] = [];
  let afterWith = false;
  for (const token of tokens) {
    const upper = token.toUpperCase();
    if (token === '(' || token === ')') rewritten.push(token);
    else if (OPERATORS.has(upper)) rewritten.push(upper);
    else if (afterWith) rewritten.push(token);
    else {
      const term = licenseTerm(token);
      if (term.spdx) rewritten.push(term.key);
      else {
        const ref = `LicenseRef-policy-${placeholders.size}`;
        placeholders.set(ref, term);
        rewritten.push(ref);
      }
    }
    afterWith = upper === 'WITH';
  }

  let tree: SpdxNode;
  try {
    tree = parseSpdx(rewritten.join(' ')) as SpdxNode;
  } catch (err) {
    return { ok: false, reason: `is not a valid SPDX expression: ${describeParseError(err, tokens, rewritten)}` };
  }

  const expand = (node: SpdxNode): LicenseAlternatives => {
    if (node.conjunction && node.left && node.right) {
      const left = expand(node.left);
      const right = expand(node.right);
      const size = node.conjunction === 'or' ? left.length + right.length : left.length * right.length;
      if (size > MAX_ALTERNATIVES) throw new RangeError(`expands to more than ${MAX_ALTERNATIVES} alternatives`);
      return node.conjunction === 'or' ? [...left, ...right] : cross(left, right);
    }
    const license = node.license ?? '';
    const placeholder = placeholders.get(license);
    const base: LicenseTerm = placeholder ?? { key: license, id: license.toLowerCase(), spdx: true };
    if (!node.plus && !node.exception) return [[base]];
    const key = `${base.key}${node.plus ? '+' : ''}${node.exception ? ` WITH ${node.exception}` : ''}`;
    return [[{ ...base, key }]];
  };
  try {
    return { ok: true, alternatives: expand(tree) };
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    return { ok: false, reason: err.message };
  }
}

/** spdx-expression-parse speaks of offsets in the rewritten text: name the written token instead. */
function describeParseError(err: unknown, tokens: readonly string[], rewritten: readonly string[]): string {
  const message = (err as Error).message;
  const offset = /at offset (\d+)/.exec(message);
  if (offset) {
    let at = 0;
    for (let i = 0; i < rewritten.length; i++) {
      if (Number(offset[1]) < at + rewritten[i].length) {
        return i > 0 && rewritten[i - 1] === 'WITH'
          ? `\`${tokens[i]}\` is not an SPDX license exception`
          : `unexpected \`${tokens[i]}\``;
      }
      at += rewritten[i].length + 1;
    }
  }
  if (/Expected `\)`/.test(message)) return 'a `(` is not closed';
  return 'licenses must be joined by AND or OR, each operator between two licenses';
}
