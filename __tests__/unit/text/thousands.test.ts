/** `thousands` writes numbers as `toLocaleString('en-US')` does (without loading ICU at start). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { PROJECT_ROOT } from '../../helpers/run-action.js';
import { thousands } from '../../../src/text/thousands.js';

describe('thousands', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [20000, '20,000'],
    [1234567, '1,234,567'],
    [-1234.5, '-1,234.5'],
    [9.5367431640625, '9.537'],
    [0.0004, '0'],
    [-0, '-0'],
    [1.0005, '1'],
    [2.0625, '2.063'],
    [Number.MAX_SAFE_INTEGER, '9,007,199,254,740,991']
  ])('%p → %p', (n, text) => {
    expect(thousands(n)).toBe(text);
  });

  it('agrees with toLocaleString("en-US") on integers and decimals', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -1e12, max: 1e12 }),
          fc.double({ min: -1e9, max: 1e9, noNaN: true }),
          fc.integer({ min: -1e6, max: 1e6 }).map((k) => k / 16)
        ),
        (n) => expect(thousands(n)).toBe(n.toLocaleString('en-US'))
      ),
      { numRuns: 2000 }
    );
  });

  it('is the only number formatting in src/ (toLocaleString would load ICU at start)', () => {
    const src = join(PROJECT_ROOT, 'src');
    const users = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && /\.toLocaleString\(/.test(readFileSync(join(src, f), 'utf8')))
      .sort();
    expect(users).toEqual([join('text', 'thousands.ts')]);
  });
});
