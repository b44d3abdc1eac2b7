import { progressLine, startProgress, type ProgressStream } from '../../../src/cli/progress.js';

/** A terminal stand-in: what was written, and a clock the test moves. */
function fakeTerminal(isTTY = true, columns?: number) {
  const writes: string[] = [];
  const stream: ProgressStream = { isTTY, columns, write: (text: string) => writes.push(text) };
  let t = 5_000;
  return { stream, writes, now: () => t, advance: (ms: number) => (t += ms) };
}

const CLEAR = '\r\u001b[2K';

describe('startProgress', () => {
  it('stays silent for the first second, then draws one self-overwriting line, and clears it at the end', () => {
    const term = fakeTerminal();
    const progress = startProgress({ stream: term.stream, env: {}, now: term.now });
    progress.update({ files: 10, artifacts: 0 });
    term.advance(999);
    progress.update({ files: 900, artifacts: 0 });
    expect(term.writes).toEqual([]);

    term.advance(1);
    progress.update({ files: 2000, artifacts: 3 });
    expect(term.writes).toEqual([`${CLEAR}lineage-gate: 2,000 files seen, 3 artifacts checked (2,000 files/s)`]);
    expect(term.writes.join('')).not.toContain('\n');

    // Redrawn at most every 100 ms.
    term.advance(50);
    progress.update({ files: 2100, artifacts: 4 });
    expect(term.writes).toHaveLength(1);
    term.advance(950);
    progress.update({ files: 4000, artifacts: 1 });
    expect(term.writes[1]).toBe(`${CLEAR}lineage-gate: 4,000 files seen, 1 artifact checked (2,000 files/s)`);

    progress.done();
    expect(term.writes[2]).toBe(CLEAR);
    progress.done();
    expect(term.writes).toHaveLength(3);
  });

  it('writes nothing at all for a run shorter than a second (not even a clear)', () => {
    const term = fakeTerminal();
    const progress = startProgress({ stream: term.stream, env: {}, now: term.now });
    term.advance(500);
    progress.update({ files: 1, artifacts: 1 });
    progress.done();
    expect(term.writes).toEqual([]);
  });

  it.each([
    ['piped', false, {}],
    ['CI=true', true, { CI: 'true' }],
    ['CI=1', true, { CI: '1' }]
  ])('writes nothing when %s', (_, isTTY, env) => {
    const term = fakeTerminal(isTTY);
    const progress = startProgress({ stream: term.stream, env, now: term.now });
    term.advance(5_000);
    progress.update({ files: 1, artifacts: 1 });
    progress.done();
    expect(term.writes).toEqual([]);
  });

  it('draws on a terminal when CI is false or empty', () => {
    for (const ci of ['false', '0', '']) {
      const term = fakeTerminal();
      const progress = startProgress({ stream: term.stream, env: { CI: ci }, now: term.now });
      term.advance(1_000);
      progress.update({ files: 1, artifacts: 0 });
      expect(term.writes).toHaveLength(1);
    }
  });

  it('cuts the line to the terminal width, so it never wraps', () => {
    const term = fakeTerminal(true, 30);
    const progress = startProgress({ stream: term.stream, env: {}, now: term.now });
    term.advance(1_000);
    progress.update({ files: 123_456, artifacts: 789 });
    expect(term.writes[0]).toBe(`${CLEAR}${'lineage-gate: 123,456 files seen'.slice(0, 29)}`);
  });
});

describe('progressLine', () => {
  it('gives the rate in files per second', () => {
    expect(progressLine({ files: 1500, artifacts: 2 }, 3000)).toBe(
      'lineage-gate: 1,500 files seen, 2 artifacts checked (500 files/s)'
    );
  });
});
