import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, realpathSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UnsafeOutputError, writeOutputFile } from '../../../src/files/write-output.js';
import { tempDir } from '../../helpers/git-repo.js';
import fc from 'fast-check';
import { FC_RUNS } from '../../helpers/timed.js';

function dirs(): { workspace: string; outside: string } {
  return { workspace: realpathSync(tempDir('lg-write-')), outside: realpathSync(tempDir('lg-write-out-')) };
}

describe('writeOutputFile', () => {
  it('writes pieces as the UTF-8 of their joined text, wherever they are cut (a surrogate pair included)', async () => {
    const { workspace } = dirs();
    const text = fc.string({ unit: 'binary', maxLength: 200 });
    const cuts = fc.array(fc.nat(), { maxLength: 12 });
    // Pieces around the 256 KiB buffer: many small ones that cross it, and one larger than it.
    const sizes = fc.constantFrom(0, 1, 90_000, 300_000);
    await fc.assert(
      fc.asyncProperty(text, cuts, sizes, async (t, at, size) => {
        const whole = `${'€'.repeat(size)}${t}\u{1F600}${t}`;
        const points = [...new Set(at.map((n) => n % (whole.length + 1)))].sort((a, b) => a - b);
        const pieces = [0, ...points].map((from, i) => whole.slice(from, [...points, whole.length][i]));
        const full = await writeOutputFile(workspace, 'pieces.txt', pieces);
        expect(readFileSync(full).equals(Buffer.from(whole, 'utf8'))).toBe(true);
      }),
      { numRuns: FC_RUNS / 10 }
    );
  });

  it('writes a relative path inside the workspace, creating its directories', async () => {
    const { workspace } = dirs();
    const full = await writeOutputFile(workspace, 'out/deep/report.json', '{}');
    expect(full).toBe(join(workspace, 'out/deep/report.json'));
    expect(readFileSync(full, 'utf8')).toBe('{}');
    // Overwrites (truncates) an existing file.
    await writeOutputFile(workspace, 'out/deep/report.json', 'x');
    expect(readFileSync(full, 'utf8')).toBe('x');
  });

  it('writes non-ASCII text as UTF-8, inside and outside the workspace, with the mode asked for', async () => {
    const { workspace, outside } = dirs();
    const text = `${'x'.repeat(100_000)} fix… © 😀 ${'é'.repeat(70_000)}\n`;
    const inside = await writeOutputFile(workspace, 'r.json', text);
    const out = await writeOutputFile(workspace, join(outside, 'sub/r.json'), text, 0o600);
    for (const full of [inside, out]) expect(readFileSync(full)).toEqual(Buffer.from(text, 'utf8'));
    expect(statSync(out).mode & 0o777).toBe(0o600);
  });

  it('refuses a directory on the way that is a link out of the workspace; nothing is written', async () => {
    const { workspace, outside } = dirs();
    mkdirSync(join(workspace, 'a'));
    symlinkSync(outside, join(workspace, 'a/reports'));
    await expect(writeOutputFile(workspace, 'a/reports/r.json', '{}')).rejects.toThrow(
      new UnsafeOutputError('a/reports is a symbolic link in the repository')
    );
    expect(readdirSync(outside)).toEqual([]);
  });

  it('refuses a link inside the workspace even when it stays inside', async () => {
    const { workspace } = dirs();
    mkdirSync(join(workspace, 'real'));
    symlinkSync(join(workspace, 'real'), join(workspace, 'alias'));
    await expect(writeOutputFile(workspace, 'alias/r.json', '{}')).rejects.toThrow(/alias is a symbolic link/);
  });

  it('refuses a file that is a link, leaving its target untouched', async () => {
    const { workspace, outside } = dirs();
    writeFileSync(join(outside, 'victim'), 'keep');
    symlinkSync(join(outside, 'victim'), join(workspace, 'r.json'));
    await expect(writeOutputFile(workspace, 'r.json', 'pwned')).rejects.toThrow(/r\.json is a symbolic link/);
    expect(readFileSync(join(outside, 'victim'), 'utf8')).toBe('keep');
  });

  it('refuses a FIFO and a file standing where a directory must be, without hanging', async () => {
    const { workspace } = dirs();
    execFileSync('mkfifo', [join(workspace, 'fifo')]);
    await expect(writeOutputFile(workspace, 'fifo', '{}')).rejects.toThrow(/not a regular file/);
    writeFileSync(join(workspace, 'file'), '');
    await expect(writeOutputFile(workspace, 'file/r.json', '{}')).rejects.toThrow(/file is not a directory/);
  });

  it('writes an absolute path outside the workspace (chosen by the workflow), links and all', async () => {
    const { workspace, outside } = dirs();
    const linked = join(realpathSync(tempDir('lg-write-link-')), 'temp');
    symlinkSync(outside, linked);
    const full = await writeOutputFile(workspace, join(linked, 'new/r.json'), 'ok');
    expect(full).toBe(join(linked, 'new/r.json'));
    expect(readFileSync(join(outside, 'new/r.json'), 'utf8')).toBe('ok');
  });

  it('checks an absolute path inside the workspace like a relative one', async () => {
    const { workspace, outside } = dirs();
    symlinkSync(outside, join(workspace, 'reports'));
    await expect(writeOutputFile(workspace, join(workspace, 'reports/r.json'), '{}')).rejects.toThrow(
      /reports is a symbolic link/
    );
    expect(readdirSync(outside)).toEqual([]);
  });
});
