/**
 * The JSON nesting pre-count must never count fewer levels than jsonc-parser opens, or a few
 * kilobytes of broken JSON reach its recursion unmeasured and end the run with a stack overflow
 * (found by CI's property test: an unclosed string, then a comment, then a stray `}`).
 */
import fc from 'fast-check';
import { visit } from 'jsonc-parser';
import { jsonShape } from '../../../src/source/nesting.js';
import { parseJsonDocument } from '../../../src/source/json.js';
import { FC_RUNS } from '../../helpers/timed.js';

/** The deepest level jsonc-parser opens while it reads (and recovers from errors in) the text. */
function parserDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  const open = () => {
    depth++;
    if (depth > deepest) deepest = depth;
  };
  const close = () => depth--;
  const visitor = { onObjectBegin: open, onArrayBegin: open, onObjectEnd: close, onArrayEnd: close };
  visit(text, visitor, { disallowComments: true, allowTrailingComma: false });
  return deepest;
}

const token = fc.constantFrom('[', ']', '{', '}', '"', '\\', '/', '*', '\n', '\r', ':', ',', 'a', '1', ' ', 'u');

describe('JSON nesting pre-count', () => {
  it('is never below the depth jsonc-parser opens, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.array(token, { maxLength: 80 }).map((t) => t.join('')),
        (text) => {
          expect(jsonShape(text).deepest).toBeGreaterThanOrEqual(parserDepth(text));
        }
      ),
      { numRuns: FC_RUNS * 100 }
    );
  });

  it('counts stray closing brackets as closing nothing, as the parser does', () => {
    expect(parserDepth('[},'.repeat(100))).toBe(100);
    expect(jsonShape('[},'.repeat(100)).deepest).toBe(100);
    const read = parseJsonDocument('[},'.repeat(50_000));
    expect('problem' in read && read.problem.reason).toBe('nested 50000 levels deep; the limit is 64');
  });

  it('counts valid JSON exactly', () => {
    expect(jsonShape(JSON.stringify({ a: [[1], { b: [] }], c: '[{' })).deepest).toBe(4);
  });
});
