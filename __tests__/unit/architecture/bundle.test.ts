/**
 * What the Action loads before it knows there is work (issue #13's cold start): its first chunk must
 * not hold undici, Octokit or a source-map register; they are reached through `import()` only when a
 * run needs them. Reads the committed bundle, which CI checks equals a fresh `npm run bundle`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../helpers/run-action.js';

const DIST = join(PROJECT_ROOT, 'dist');
const mainChunk = readFileSync(join(DIST, 'index.js'), 'utf8');
const lazyChunks = readdirSync(DIST)
  .filter((name) => /^\d+\.index\.js$/.test(name))
  .map((name) => readFileSync(join(DIST, name), 'utf8'));

// Strings only the library's own code holds (a diagnostics channel name, a user-agent prefix).
const MARKERS: Record<string, RegExp> = {
  undici: /['"]undici:request:create['"]/,
  octokit: /octokit-core\.js\//,
  'source-map register': /source-map-support|sourceMapSupport/
};

describe("the Action's first chunk", () => {
  it.each(Object.entries(MARKERS))('does not hold %s', (_name, marker) => {
    expect(mainChunk).not.toMatch(marker);
  });

  it('reaches undici and Octokit through a lazy chunk (the markers above are real)', () => {
    expect(lazyChunks.some((chunk) => MARKERS.undici.test(chunk))).toBe(true);
    expect(lazyChunks.some((chunk) => MARKERS.octokit.test(chunk))).toBe(true);
  });

  it('keeps @actions/core out of undici: getIDToken imports the OIDC client on demand (patches/)', () => {
    expect(mainChunk).toMatch(/getIDToken\(aud\)[\s\S]{0,400}?import\(/);
  });
});
