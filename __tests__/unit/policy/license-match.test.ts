import { LicenseKnowledge } from '../../../src/licenses/knowledge.js';
import { licenseAllowed } from '../../../src/policy/license-match.js';
import { parseLicense } from '../../../src/policy/license-expression.js';

const lists = (allow: string[] | null, deny: string[] = []) => ({ allow, deny });
const verdict = (license: string, allow: string[] | null, deny: string[] = []) =>
  licenseAllowed(license, lists(allow, deny)).verdict;

describe('licenseAllowed: SPDX semantics (spdx-satisfies)', () => {
  it('lets a disjunction pass when one alternative is allowed', () => {
    expect(licenseAllowed('MIT OR Apache-2.0', lists(['MIT']))).toEqual({ verdict: 'allowed', matched: 'MIT' });
    expect(verdict('GPL-3.0-only OR MIT', ['MIT'])).toBe('allowed');
  });

  it('needs every license of a conjunction allowed', () => {
    expect(verdict('MIT AND Apache-2.0', ['MIT'])).toBe('not-in-allow-list');
    expect(verdict('MIT AND Apache-2.0', ['MIT', 'Apache-2.0'])).toBe('allowed');
    expect(verdict('(MIT OR ISC) AND Apache-2.0', ['ISC', 'Apache-2.0'])).toBe('allowed');
  });

  it('honours "or later" ranges and -only / -or-later ids', () => {
    expect(verdict('GPL-3.0-only', ['GPL-2.0+'])).toBe('allowed');
    expect(verdict('GPL-2.0-or-later', ['GPL-3.0'])).toBe('allowed');
    expect(verdict('GPL-1.0', ['GPL-2.0+'])).toBe('not-in-allow-list');
  });

  it('treats an exception as part of the license', () => {
    expect(verdict('Apache-2.0 WITH LLVM-exception', ['Apache-2.0 WITH LLVM-exception'])).toBe('allowed');
    expect(verdict('Apache-2.0 WITH LLVM-exception', ['Apache-2.0'])).toBe('not-in-allow-list');
  });

  it('reads Hub ids as their SPDX ids, case-insensitively, on either side', () => {
    expect(verdict('apache-2.0', ['Apache-2.0'])).toBe('allowed');
    expect(verdict('Apache-2.0', ['apache-2.0'])).toBe('allowed');
    expect(verdict('mit or bsd-3-clause', ['BSD-3-Clause'])).toBe('allowed');
    expect(verdict('gpl-3.0', ['GPL-3.0-only'])).toBe('allowed');
  });

  it('reads an OR entry of the allow-list as each of its alternatives', () => {
    expect(licenseAllowed('Apache-2.0', lists(['MIT OR Apache-2.0']))).toEqual({
      verdict: 'allowed',
      matched: 'MIT OR Apache-2.0'
    });
  });

  it('reads an AND entry of the allow-list as exactly that combination', () => {
    expect(verdict('MIT AND llama3.1', ['llama3.1 AND MIT'])).toBe('allowed');
    expect(verdict('MIT', ['llama3.1 AND MIT'])).toBe('not-in-allow-list');
    expect(verdict('MIT AND llama3.1 AND Apache-2.0', ['llama3.1 AND MIT'])).toBe('not-in-allow-list');
  });
});

describe('licenseAllowed: Hub-only ids and license names', () => {
  it('compares them by id, case-insensitively', () => {
    expect(licenseAllowed('Llama3.1', lists(['llama3.1']))).toEqual({ verdict: 'allowed', matched: 'llama3.1' });
    expect(verdict('gemma', ['llama3.1'])).toBe('not-in-allow-list');
    expect(verdict('openrail++', ['openrail++'])).toBe('allowed');
    expect(verdict('openrail', ['openrail++'])).toBe('not-in-allow-list');
  });

  it('reads `other:<license_name>` as the license name', () => {
    expect(verdict('qwen-research', ['other:qwen-research'])).toBe('allowed');
    expect(verdict('other:modified-mit', ['modified-mit'])).toBe('allowed');
    expect(verdict('other:modified-mit', ['mit'])).toBe('not-in-allow-list');
  });

  it('mixes with SPDX ids inside an expression (DeepSeek-R1-Distill-Llama: MIT and Llama 3.1)', () => {
    expect(verdict('MIT AND llama3.1', ['mit', 'llama3.1'])).toBe('allowed');
    expect(verdict('MIT AND llama3.1', ['mit'])).toBe('not-in-allow-list');
    expect(licenseAllowed('MIT AND llama3.1', lists(null, ['llama3.*']))).toEqual({
      verdict: 'denied',
      matched: 'llama3.*'
    });
  });
});

describe('licenseAllowed: deny-list', () => {
  it('denies by id and by glob', () => {
    expect(licenseAllowed('cc-by-nc-4.0', lists(null, ['cc-by-nc-4.0']))).toEqual({
      verdict: 'denied',
      matched: 'cc-by-nc-4.0'
    });
    expect(licenseAllowed('CC-BY-NC-SA-4.0', lists(null, ['cc-by-nc-*']))).toEqual({
      verdict: 'denied',
      matched: 'cc-by-nc-*'
    });
    expect(verdict('cc-by-4.0', null, ['cc-by-nc-*'])).toBe('allowed');
    expect(verdict('other:qwen-research', null, ['qwen-*'])).toBe('denied');
  });

  it('lets deny win over allow', () => {
    expect(licenseAllowed('cc-by-nc-4.0', lists(['cc-by-*'], ['cc-by-nc-*']))).toEqual({
      verdict: 'denied',
      matched: 'cc-by-nc-*'
    });
    expect(verdict('llama3.1', ['llama3.1'], ['llama3.1'])).toBe('denied');
  });

  it('denies a disjunction only when every alternative needs a denied license', () => {
    expect(verdict('MIT OR GPL-3.0-only', null, ['GPL-3.0-only'])).toBe('allowed');
    expect(verdict('GPL-2.0-only OR GPL-3.0-only', null, ['GPL-2.0+'])).toBe('denied');
    expect(verdict('MIT AND GPL-3.0-only', null, ['GPL-3.0-only'])).toBe('denied');
  });

  it('denies an AND entry only when the license carries the whole combination', () => {
    expect(verdict('MIT', null, ['MIT AND GPL-3.0-only'])).toBe('allowed');
    expect(verdict('GPL-3.0-only AND MIT AND ISC', null, ['MIT AND GPL-3.0-only'])).toBe('denied');
  });
});

describe('licenseAllowed: unknown licenses', () => {
  it('calls a license unknown when it is neither SPDX, a Hub id, a known name, nor listed', () => {
    expect(licenseAllowed('acme-internal', lists(['mit']))).toEqual({ verdict: 'unknown' });
    expect(verdict('acme-internal', null, ['cc-by-nc-4.0'])).toBe('unknown');
    expect(verdict('acme-internal', ['acme-internal'])).toBe('allowed');
    expect(verdict('acme-internal', ['acme-*'])).toBe('allowed');
    expect(verdict('LicenseRef-acme', ['mit'])).toBe('unknown');
    expect(verdict('LicenseRef-acme', ['licenseref-ACME'])).toBe('allowed');
  });

  it('knows Hub ids and license names without a list naming them', () => {
    expect(verdict('llama3.1', ['mit'])).toBe('not-in-allow-list');
    expect(verdict('qwen-research', ['mit'])).toBe('not-in-allow-list');
    expect(verdict('bigscience-openrail-m', null)).toBe('allowed');
  });

  it('treats the placeholders `other` and `unknown` as unknown unless listed', () => {
    expect(verdict('other', ['mit'])).toBe('unknown');
    expect(verdict('unknown', null)).toBe('unknown');
    expect(verdict('other', ['other'])).toBe('allowed');
  });

  it("knows the ids and aliases of the license knowledge base, with the policy's entries", () => {
    const knowledge = LicenseKnowledge.builtin().withEntries([
      { id: 'acme-internal', family: 'ACME', source: 'https://acme.example/l' }
    ]);
    expect(licenseAllowed('acme-internal', lists(['mit']), { knowledge })).toEqual({ verdict: 'not-in-allow-list' });
    expect(licenseAllowed('acme-internal', lists(['acme-internal']), { knowledge })).toEqual({
      verdict: 'allowed',
      matched: 'acme-internal'
    });
    // An alias matches its id, in either direction, and through globs.
    expect(licenseAllowed('deepseek-license', lists(['deepseek']), { knowledge }).verdict).toBe('allowed');
    expect(licenseAllowed('llama-3.1', lists(null, ['llama3.*']), { knowledge }).verdict).toBe('denied');
  });

  it("reads the built-in knowledge base's spellings as the license they name, without being told", () => {
    expect(verdict('deepseek-license', ['deepseek'])).toBe('allowed');
    expect(verdict('Apache 2.0', ['Apache-2.0'])).toBe('allowed');
    expect(verdict('apache-2.0', ['apache2'])).toBe('allowed');
    expect(verdict('MIT OR Apache 2.0', ['apache-2.0'])).toBe('unknown');
  });

  it('prefers an unknown alternative to a refused one, and a refused one to a denied one', () => {
    expect(verdict('acme-internal OR gemma', ['mit'])).toBe('unknown');
    expect(verdict('gemma OR cc-by-nc-4.0', ['mit'], ['cc-by-nc-4.0'])).toBe('not-in-allow-list');
  });

  it('takes an unparseable expression as one opaque id, which only the same text matches', () => {
    expect(verdict('Llama 3.1 Community License', ['mit'])).toBe('unknown');
    expect(verdict('Llama 3.1 Community License', ['llama 3.1 community license'])).toBe('allowed');
    expect(verdict('', ['mit'])).toBe('unknown');
  });
});

describe('parseLicense', () => {
  it('expands expressions into alternatives of licenses that apply together', () => {
    const parsed = parseLicense('(MIT OR apache-2.0) AND llama3.1');
    expect(parsed.ok && parsed.alternatives.map((alt) => alt.map((t) => t.key))).toEqual([
      ['MIT', 'llama3.1'],
      ['Apache-2.0', 'llama3.1']
    ]);
  });

  it('bounds expressions that would explode', () => {
    // 4^5 = 1024 alternatives from 49 tokens.
    const huge = Array.from({ length: 5 }, (_, i) => `(MIT OR ISC OR Zlib OR LicenseRef-${i})`).join(' AND ');
    expect(parseLicense(huge)).toEqual({ ok: false, reason: 'expands to more than 256 alternatives' });
    expect(parseLicense(Array(40).fill('MIT').join(' OR '))).toEqual({ ok: false, reason: 'has more than 64 tokens' });
  });
});

describe('licenseAllowed: details the broader tests leave open', () => {
  /** A policy entry that takes over `mit` and gives it the alias `acme-mit`, which the built-in base does not know. */
  const knowledgeWithMitAlias = () =>
    LicenseKnowledge.builtin().withEntries([
      { id: 'mit', family: 'Permissive', source: 'https://acme.example/mit', aliases: ['acme-mit'] }
    ]);

  it("matches a policy alias against the SPDX id it names, by the knowledge base's id", () => {
    const knowledge = knowledgeWithMitAlias();
    expect(licenseAllowed('acme-mit', lists(['MIT']), { knowledge })).toEqual({ verdict: 'allowed', matched: 'MIT' });
    expect(licenseAllowed('MIT', lists(['acme-mit']), { knowledge })).toEqual({
      verdict: 'allowed',
      matched: 'acme-mit'
    });
    expect(licenseAllowed('acme-mit', lists(['ISC']), { knowledge }).verdict).toBe('not-in-allow-list');
  });

  it('matches a glob against the written id as well as the id of the knowledge base', () => {
    const knowledge = knowledgeWithMitAlias();
    expect(licenseAllowed('acme-mit', lists(null, ['acme-*']), { knowledge })).toEqual({
      verdict: 'denied',
      matched: 'acme-*'
    });
    expect(licenseAllowed('acme-mit', lists(null, ['mi?']), { knowledge }).verdict).toBe('denied');
  });

  it('trims glob entries, and strips `other:` from a glob only as its prefix', () => {
    expect(licenseAllowed('cc-by-nc-4.0', lists(null, [' cc-by-nc-* '])).verdict).toBe('denied');
    expect(verdict('qwen-research', null, ['other:qwen-*'])).toBe('denied');
    expect(verdict('qwen-research', null, [' other:qwen-* '])).toBe('denied');
    expect(verdict('acme-internal', ['acme-other:*'])).toBe('unknown');
  });

  it('denies a license that any alternative of an OR deny entry names', () => {
    expect(licenseAllowed('MIT', lists(null, ['MIT OR GPL-3.0-only']))).toEqual({
      verdict: 'denied',
      matched: 'MIT OR GPL-3.0-only'
    });
  });

  it('allows an AND combination named by one alternative of an OR allow entry', () => {
    expect(licenseAllowed('MIT AND ISC', lists(['(MIT AND ISC) OR Zlib']))).toEqual({
      verdict: 'allowed',
      matched: '(MIT AND ISC) OR Zlib'
    });
  });

  it('names the entry that covers the first license when single entries cover a combination', () => {
    expect(licenseAllowed('GPL-3.0-only AND GPL-2.0-only', lists(['GPL-3.0-only', 'GPL-2.0+']))).toEqual({
      verdict: 'allowed',
      matched: 'GPL-3.0-only'
    });
  });

  it('does not let the first license of an AND entry cover that license alone', () => {
    expect(verdict('llama3.1', ['llama3.1 AND MIT'])).toBe('not-in-allow-list');
  });

  it('names the first of equally denied alternatives', () => {
    expect(licenseAllowed('GPL-2.0-only OR GPL-3.0-only', lists(null, ['GPL-2.0-only', 'GPL-3.0-only']))).toEqual({
      verdict: 'denied',
      matched: 'GPL-2.0-only'
    });
  });

  it('calls a combination unknown when any one of its licenses is unknown', () => {
    expect(verdict('acme-internal AND gemma', ['mit'])).toBe('unknown');
    expect(verdict('gemma AND acme-internal', null)).toBe('unknown');
  });

  it('knows a license that either list mentions anywhere, even one that does not match it whole', () => {
    // Mentioned by the allow-list only: known, so refused rather than unknown.
    expect(verdict('acme-internal AND ISC', ['acme-internal'])).toBe('not-in-allow-list');
    // Mentioned in one alternative of an OR entry.
    expect(verdict('acme-internal AND ISC', ['MIT OR acme-internal'])).toBe('not-in-allow-list');
    // Mentioned by a deny entry (as the first or the second license of a combination) it does not meet.
    expect(verdict('acme-internal', null, ['acme-internal AND MIT'])).toBe('allowed');
    expect(verdict('acme-internal', null, ['MIT AND acme-internal'])).toBe('allowed');
    expect(verdict('acme-internal AND ISC', ['ISC'], ['acme-internal AND MIT'])).toBe('not-in-allow-list');
  });
});
