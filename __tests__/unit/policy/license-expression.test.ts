import { licenseTerm, parseLicense } from '../../../src/policy/license-expression.js';

/** `(MIT OR ISC) AND (MIT OR ISC) AND …`: `groups` pairs, 2^groups alternatives, 6 * groups - 1 tokens. */
const pairs = (groups: number) => Array.from({ length: groups }, () => '(MIT OR ISC)').join(' AND ');

describe('licenseTerm', () => {
  it('reads an SPDX id in its canonical spelling, with a lower-cased id', () => {
    expect(licenseTerm('apache-2.0')).toEqual({ key: 'Apache-2.0', id: 'apache-2.0', spdx: true });
    expect(licenseTerm('  MIT ')).toEqual({ key: 'MIT', id: 'mit', spdx: true });
    expect(licenseTerm(' gpl-2.0+ ')).toEqual({ key: 'GPL-2.0+', id: 'gpl-2.0', spdx: true });
  });

  it('reads `+` as "or later" only after an SPDX id', () => {
    expect(licenseTerm('gpl-2.0+')).toEqual({ key: 'GPL-2.0+', id: 'gpl-2.0', spdx: true });
    expect(licenseTerm('openrail++')).toEqual({ key: 'openrail++', id: 'openrail++', spdx: false });
  });

  it('does not cut the last character of an id that merely starts with an SPDX id', () => {
    expect(licenseTerm('MITx')).toEqual({ key: 'mitx', id: 'mitx', spdx: false });
  });

  it('reads a spelling of the knowledge base as the SPDX license it names', () => {
    expect(licenseTerm('apache2')).toEqual({ key: 'Apache-2.0', id: 'apache-2.0', spdx: true });
    expect(licenseTerm('llama-3.1')).toEqual({ key: 'llama3.1', id: 'llama3.1', spdx: false });
  });

  it('strips `other:` only at the start', () => {
    expect(licenseTerm('other:qwen-research')).toEqual({ key: 'qwen-research', id: 'qwen-research', spdx: false });
    expect(licenseTerm('non-other:foo')).toEqual({ key: 'non-other:foo', id: 'non-other:foo', spdx: false });
  });
});

describe('parseLicense', () => {
  it('refuses an empty or blank license', () => {
    expect(parseLicense('')).toEqual({ ok: false, reason: 'is empty' });
    expect(parseLicense('   ')).toEqual({ ok: false, reason: 'is empty' });
  });

  it('reads a single id as one term, even one spelled like an operator', () => {
    expect(parseLicense(' MIT ')).toEqual({ ok: true, alternatives: [[{ key: 'MIT', id: 'mit', spdx: true }]] });
    expect(parseLicense('AND')).toEqual({ ok: true, alternatives: [[{ key: 'and', id: 'and', spdx: false }]] });
  });

  it('expands OR into alternatives and AND into licenses that apply together', () => {
    expect(parseLicense('(mit OR llama3.1) AND apache-2.0')).toEqual({
      ok: true,
      alternatives: [
        [
          { key: 'MIT', id: 'mit', spdx: true },
          { key: 'Apache-2.0', id: 'apache-2.0', spdx: true }
        ],
        [
          { key: 'llama3.1', id: 'llama3.1', spdx: false },
          { key: 'Apache-2.0', id: 'apache-2.0', spdx: true }
        ]
      ]
    });
  });

  it('keeps `+` and an exception in the key, and the bare id in `id`', () => {
    expect(parseLicense('GPL-2.0+ OR MIT')).toEqual({
      ok: true,
      alternatives: [[{ key: 'GPL-2.0+', id: 'gpl-2.0', spdx: true }], [{ key: 'MIT', id: 'mit', spdx: true }]]
    });
    expect(parseLicense('gpl-2.0+ WITH Classpath-exception-2.0')).toEqual({
      ok: true,
      alternatives: [[{ key: 'GPL-2.0+ WITH Classpath-exception-2.0', id: 'gpl-2.0', spdx: true }]]
    });
    expect(parseLicense('apache-2.0 WITH LLVM-exception')).toEqual({
      ok: true,
      alternatives: [[{ key: 'Apache-2.0 WITH LLVM-exception', id: 'apache-2.0', spdx: true }]]
    });
    expect(parseLicense('llama3.1 WITH LLVM-exception')).toEqual({
      ok: true,
      alternatives: [[{ key: 'llama3.1 WITH LLVM-exception', id: 'llama3.1', spdx: false }]]
    });
  });

  it('names the written token that is not an exception', () => {
    expect(parseLicense('MIT WITH foo OR ISC')).toEqual({
      ok: false,
      reason: 'is not a valid SPDX expression: `foo` is not an SPDX license exception'
    });
  });

  it('says which parenthesis is not closed, else how licenses are joined', () => {
    expect(parseLicense('(MIT OR ISC')).toEqual({
      ok: false,
      reason: 'is not a valid SPDX expression: a `(` is not closed'
    });
    expect(parseLicense('MIT Apache-2.0')).toEqual({
      ok: false,
      reason: 'is not a valid SPDX expression: licenses must be joined by AND or OR, each operator between two licenses'
    });
  });

  it('reads up to 64 tokens', () => {
    const tokens64 = `${Array.from({ length: 32 }, () => 'MIT').join(' OR ')} OR`;
    expect(tokens64.split(' ')).toHaveLength(64);
    expect(parseLicense(tokens64)).toEqual({
      ok: false,
      reason: 'is not a valid SPDX expression: licenses must be joined by AND or OR, each operator between two licenses'
    });
    expect(parseLicense(`${tokens64} MIT`)).toEqual({ ok: false, reason: 'has more than 64 tokens' });
  });

  it('expands to at most 256 alternatives, counting AND as a product and OR as a sum', () => {
    const at256 = parseLicense(pairs(8));
    expect(at256.ok && at256.alternatives).toHaveLength(256);
    expect(parseLicense(pairs(9))).toEqual({ ok: false, reason: 'expands to more than 256 alternatives' });
    expect(parseLicense(`(${pairs(8)}) OR MIT`)).toEqual({
      ok: false,
      reason: 'expands to more than 256 alternatives'
    });
    const triples = Array.from({ length: 6 }, () => '(MIT OR ISC OR BSD-3-Clause)').join(' AND ');
    expect(parseLicense(triples)).toEqual({ ok: false, reason: 'expands to more than 256 alternatives' });
    const sum = parseLicense(`(${pairs(7)}) OR (MIT OR ISC OR BSD-3-Clause)`);
    expect(sum.ok && sum.alternatives).toHaveLength(128 + 3);
  });
});
