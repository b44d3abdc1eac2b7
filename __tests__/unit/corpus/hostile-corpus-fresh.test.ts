/**
 * The committed hostile corpus (__tests__/fixtures/hostile) is what scripts/hostile-corpus.mjs writes:
 * re-generated into a temporary directory, every file is byte-identical and none is missing or extra.
 * When this fails, run `node scripts/hostile-corpus.mjs` and commit the result.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tempDir } from '../../helpers/git-repo.js';
import { PROJECT_ROOT } from '../../helpers/run-action.js';

const COMMITTED = join(PROJECT_ROOT, '__tests__', 'fixtures', 'hostile');

function filesUnder(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? filesUnder(root, join(dir, entry.name)) : [relative(root, join(dir, entry.name))]
    )
    .sort();
}

describe('hostile corpus', () => {
  it('is fresh: re-generating it gives the committed tree, byte for byte', () => {
    const fresh = tempDir('lg-corpus-fresh-');
    execFileSync(process.execPath, [join(PROJECT_ROOT, 'scripts', 'hostile-corpus.mjs'), '--out', fresh], {
      stdio: 'ignore'
    });
    const files = filesUnder(fresh);
    expect(filesUnder(COMMITTED)).toEqual(files);
    const differing = files.filter((f) => !readFileSync(join(fresh, f)).equals(readFileSync(join(COMMITTED, f))));
    expect(differing).toEqual([]);
  });

  it('holds at least 200 cases, with unique ids, and stays small (< 2 MB committed)', () => {
    const cases = JSON.parse(readFileSync(join(COMMITTED, 'cases.json'), 'utf8')) as { id: string }[];
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    const bytes = filesUnder(COMMITTED).reduce((sum, f) => sum + readFileSync(join(COMMITTED, f)).length, 0);
    expect(bytes).toBeLessThan(2_000_000);
  });
});
