import { buildReport } from '../../../src/report/build.js';
import { renderText, renderTextChunks, shouldColor, terminalSafe } from '../../../src/report/render/text.js';
import { SAMPLE_POLICY, ARTIFACTS, finding, sampleReport } from './sample-report.js';

const ESC = '\u001b';

describe('renderText without colour', () => {
  const text = renderText(sampleReport(), { color: false });
  const lines = text.split('\n');

  it('groups by file, sorted by path, each finding with its fix below the message', () => {
    expect(lines.slice(0, 4)).toEqual([
      'adapters/clean/README.md',
      '  3:3  notice  meta-llama/Llama-3.1-8B is gated.  hub-gated',
      '               fix: Nothing to do; users need access.',
      ''
    ]);
    expect(text).toContain(
      [
        'runs/mens-7/training_manifest.json',
        '  1:3  error    The artifact in runs/mens-7 declares no license.  missing-license',
        '                fix: Add a license.',
        '  7:3  warning  The upstream gpt2 is not pinned.  unpinned-revision',
        '                fix: Pin a 40-hex commit.',
        ''
      ].join('\n')
    );
    const headers = lines.filter((l) => l !== '' && !l.startsWith(' ') && !l.startsWith('note:') && !/^[✖✔⚠]/.test(l));
    expect(headers).toEqual([
      'adapters/clean/README.md',
      'adapters/pipe|dir/adapter_config.json',
      'lineage.yaml',
      'runs/mens-7/training_manifest.json'
    ]);
  });

  it('marks waived findings', () => {
    expect(text).toContain('  1:3  error  [waived] No upstream declared.  missing-upstream\n');
  });

  it('ends with the run notes and the tally', () => {
    expect(lines.slice(-4)).toEqual([
      'note: git diff fallback: the API list is capped at 3,000 files @everyone',
      '',
      '✖ 2 errors, 2 warnings, 1 notice in 4 artifacts (1 waived) — gate fails (fail-on: error)',
      ''
    ]);
  });

  it('contains no escape sequences', () => {
    expect(text).not.toContain(ESC);
  });

  it('keeps each finding on its own line, so PR text cannot start a workflow command', () => {
    expect(lines).toHaveLength(24);
    for (const line of lines) {
      expect(line.trimStart().startsWith('::')).toBe(false);
      expect(line).not.toContain('##[');
    }
    const hostile = lines.find((l) => l.includes('unresolvable-upstream'))!;
    expect(hostile).toContain('first line\\n\\n# injected heading\\n::error::owned');
  });
});

describe('renderText tallies', () => {
  const report = (failOn: 'error' | 'warning' | 'never', severities: ('error' | 'warning' | 'notice')[], waived = 0) =>
    buildReport({
      version: '1',
      failOn,
      artifacts: ARTIFACTS.slice(0, 1),
      changeSource: 'x',
      notes: [],
      manifestsCount: 1,
      policy: SAMPLE_POLICY,
      findings: [
        ...severities.map((severity, i) =>
          finding({ ruleId: 'r', severity, path: 'a.json', artifact: 'a', line: i + 1 })
        ),
        ...Array.from({ length: waived }, () =>
          finding({ ruleId: 'r', severity: 'error', path: 'a.json', artifact: 'a', waived: true })
        )
      ]
    });
  const last = (text: string) => text.trimEnd().split('\n').pop();

  it('says so when there are no problems', () => {
    expect(renderText(report('error', []), { color: false })).toBe('✔ no lineage problems in 1 artifact\n');
    expect(last(renderText(report('error', [], 2), { color: false }))).toBe(
      '✔ no lineage problems in 1 artifact (2 waived)'
    );
  });

  it('distinguishes problems that pass the gate from ones that fail it', () => {
    expect(last(renderText(report('error', ['warning']), { color: false }))).toBe(
      '⚠ 0 errors, 1 warning, 0 notices in 1 artifact — gate passes (fail-on: error)'
    );
    expect(last(renderText(report('warning', ['warning']), { color: false }))).toBe(
      '✖ 0 errors, 1 warning, 0 notices in 1 artifact — gate fails (fail-on: warning)'
    );
    expect(last(renderText(report('never', ['error']), { color: false }))).toBe(
      '⚠ 1 error, 0 warnings, 0 notices in 1 artifact — gate passes (fail-on: never)'
    );
  });
});

describe('renderText with colour', () => {
  const text = renderText(sampleReport(), { color: true });
  // eslint-disable-next-line no-control-regex -- matching the ANSI escape is the point
  const strip = (s: string) => s.replace(/\u001b\[\d+m/g, '');

  it('colours severities, dims positions and rule ids, underlines files', () => {
    expect(text).toContain(`${ESC}[4madapters/clean/README.md${ESC}[24m`);
    expect(text).toContain(`${ESC}[31merror  ${ESC}[39m`);
    expect(text).toContain(`${ESC}[33mwarning${ESC}[39m`);
    expect(text).toContain(`${ESC}[36mnotice${ESC}[39m`);
    expect(text).toContain(`${ESC}[2mmissing-license${ESC}[22m`);
    expect(text).toContain(`${ESC}[1m${ESC}[31m✖ 2 errors`);
  });

  it('is the plain text once the colour codes are removed', () => {
    expect(strip(text)).toBe(renderText(sampleReport(), { color: false }));
  });

  it('never passes escape sequences from PR text through to the terminal', () => {
    const hostile = sampleReport('error', [
      finding({
        ruleId: 'r',
        severity: 'error',
        path: `x${ESC}]0;pwned\u0007.json`,
        artifact: '.',
        message: `clear${ESC}[2J screen`,
        fix: `bidi\u202Eexe`
      })
    ]);
    const out = renderText(hostile, { color: true });
    expect(strip(out)).not.toContain(ESC);
    expect(out).toContain('clear\\u001b[2J screen');
    expect(out).toContain('x\\u001b]0;pwned\\u0007.json');
    expect(out).toContain('bidi<U+202E>exe');
  });

  it('breaks a path that would read as a workflow command', () => {
    const out = renderText(
      sampleReport('error', [finding({ ruleId: 'r', severity: 'error', path: '::error::pwned', artifact: '.' })]),
      { color: false }
    );
    expect(out.split('\n')[0]).toBe(':\u200B:error::pwned');
  });
});

describe('terminalSafe', () => {
  it('escapes line breaks and controls, reveals bidi controls, breaks legacy ##[ commands', () => {
    expect(terminalSafe('a\r\nb\tc\u0000')).toBe('a\\r\\nb\\tc\\u0000');
    expect(terminalSafe('x ##[error]y')).toBe('x ##\u200B[error]y');
    expect(terminalSafe('\u2066hidden\u2069')).toBe('<U+2066>hidden<U+2069>');
  });
});

describe('shouldColor', () => {
  const tty = { isTTY: true };
  const pipe = { isTTY: false };
  it.each([
    [tty, {}, true],
    [pipe, {}, false],
    [{}, {}, false],
    [tty, { TERM: 'dumb' }, false],
    [tty, { NO_COLOR: '1' }, false],
    [tty, { NO_COLOR: '' }, true],
    [tty, { NODE_DISABLE_COLORS: '1' }, false],
    [pipe, { FORCE_COLOR: '1' }, true],
    [pipe, { FORCE_COLOR: '' }, true],
    [pipe, { FORCE_COLOR: '1', NO_COLOR: '1' }, true],
    [tty, { FORCE_COLOR: '0' }, false],
    [tty, { FORCE_COLOR: 'false' }, false]
  ] as const)('%j with %j → %s', (stream, env, expected) => {
    expect(shouldColor(stream, env as Record<string, string>)).toBe(expected);
  });
});

describe('renderTextChunks', () => {
  it('yields a file at a time, and sorting through a spill on disk changes no byte', () => {
    const whole = renderText(sampleReport(), { color: true });
    const chunks = [...renderTextChunks(sampleReport(), { color: true })];
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.join('')).toBe(whole);
    const before = process.env.LINEAGE_GATE_INTERNAL_SPILL_AT;
    process.env.LINEAGE_GATE_INTERNAL_SPILL_AT = '1';
    try {
      expect([...renderTextChunks(sampleReport(), { color: true })].join('')).toBe(whole);
    } finally {
      if (before === undefined) delete process.env.LINEAGE_GATE_INTERNAL_SPILL_AT;
      else process.env.LINEAGE_GATE_INTERNAL_SPILL_AT = before;
    }
  });

  it('prints a file of 140,000 findings (more than a call takes arguments)', () => {
    const many = Array.from({ length: 140_000 }, (_, i) =>
      finding({
        ruleId: 'unpinned-revision',
        severity: 'warning',
        path: 'big/lineage.yaml',
        artifact: 'big',
        line: i + 1
      })
    );
    const lines = [...renderTextChunks(sampleReport('error', many), { color: false })].join('').split('\n');
    expect(lines[0]).toBe('big/lineage.yaml');
    expect(lines[1]).toBe('  1:3       warning  Problem found by unpinned-revision.  unpinned-revision');
    expect(lines[2 * 140_000 - 1]).toMatch(/^ {2}140000:3 {2}warning {2}/);
  });
});
