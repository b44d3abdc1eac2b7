import { describe, expect, it } from '@jest/globals';
import {
  openFingerprints,
  openMarker,
  resolveBodyLines,
  resolveCommentBody,
  REVIEW_MARKER
} from '../../../src/github/review-markers.js';

const A = 'a'.repeat(32);
const B = 'b'.repeat(32);

describe('review markers', () => {
  it('finds the open fingerprints of a text, not resolved ones', () => {
    const body = `${REVIEW_MARKER}\n- ${openMarker(A)} one\n- <!-- lineage-gate:resolved ${B} --> two`;
    expect(openFingerprints(body)).toEqual([A]);
    // An escaped marker (as PR text is rendered) is not a marker.
    expect(openFingerprints(`&lt;!-- lineage-gate:finding ${A} --&gt;`)).toEqual([]);
  });

  it('marks a line comment resolved and keeps the original folded', () => {
    const body = resolveCommentBody(`${openMarker(A)}\n❌ **error** at x — broken`, A, 'c'.repeat(40));
    expect(openFingerprints(body)).toEqual([]);
    expect(body).toContain(`<!-- lineage-gate:resolved ${A} -->`);
    expect(body).toContain('✅ **Resolved** at ccccccc');
    expect(body).toContain('<details><summary>Original finding</summary>\n\n❌ **error** at x — broken\n\n</details>');
  });

  it('strikes only the fixed items of a review body', () => {
    const body = [
      REVIEW_MARKER,
      '### Lineage gate: 2 new findings',
      `- ${openMarker(A)} ❌ first`,
      `- ${openMarker(B)} ⚠️ second`
    ].join('\n');
    const out = resolveBodyLines(body, new Set([A]), undefined).split('\n');
    expect(out[2]).toBe(
      `- <!-- lineage-gate:resolved ${A} -->~~❌ first~~<br>✅ **Resolved**: lineage-gate no longer reports this finding.`
    );
    expect(out[3]).toBe(`- ${openMarker(B)} ⚠️ second`);
    expect(openFingerprints(out.join('\n'))).toEqual([B]);
  });
});
