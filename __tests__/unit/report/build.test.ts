import fc from 'fast-check';
import { buildReport, failsGate, ReportBuilder } from '../../../src/report/build.js';
import { compareStrings } from '../../../src/text/compare.js';
import { SEVERITY_RANK, type Finding } from '../../../src/findings/finding.js';
import type { ReportArtifact } from '../../../src/report/report.js';
import { renderJson } from '../../../src/report/render/json.js';
import { toAnnotations } from '../../../src/report/render/annotations.js';
import { fingerprint } from '../../../src/findings/fingerprint.js';
import { SAMPLE_POLICY, ARTIFACTS, FINDINGS, finding, sampleReport } from './sample-report.js';

describe('fingerprint', () => {
  it('is the first 32 hex digits of sha256 over rule, path and subject joined by NUL', () => {
    // Expected value computed with: printf 'missing-license\0adapters/a/README.md\0adapters/a' | sha256sum
    expect(fingerprint('missing-license', 'adapters/a/README.md', 'adapters/a')).toBe(
      'aa87b63921446223e7cf8db666aa9cd7'
    );
  });

  it('depends on each part and not on how they happen to concatenate', () => {
    const base = fingerprint('r', 'p', 's');
    expect(fingerprint('r', 'p', 's')).toBe(base);
    expect(fingerprint('r', 'p', 't')).not.toBe(base);
    expect(fingerprint('r', 'q', 's')).not.toBe(base);
    expect(fingerprint('ab', 'c', 's')).not.toBe(fingerprint('a', 'bc', 's'));
  });
});

describe('buildReport', () => {
  it('sorts errors first, then by path and line, waived findings last', () => {
    const report = sampleReport();
    expect([...report.findings].map((f) => `${f.waived ? 'waived ' : ''}${f.severity} ${f.path}:${f.line}`)).toEqual([
      'error adapters/pipe|dir/adapter_config.json:2',
      'error runs/mens-7/training_manifest.json:1',
      'warning adapters/pipe|dir/adapter_config.json:9',
      'warning runs/mens-7/training_manifest.json:7',
      'notice adapters/clean/README.md:3',
      'waived error lineage.yaml:1'
    ]);
  });

  it('counts waived findings only as waived', () => {
    expect(sampleReport().counts).toEqual({
      artifacts: 4,
      manifests: 5,
      errors: 2,
      warnings: 2,
      notices: 1,
      waived: 1
    });
  });

  it('carries the run description, tool and schema version', () => {
    const report = sampleReport();
    expect(report.schemaVersion).toBe(1);
    expect(report.tool).toEqual({ name: 'lineage-gate', version: '0.1.0' });
    expect(report.run.changeSource).toBe('pull request #12 files API (14 files)');
    expect(report.run.notes).toHaveLength(1);
  });

  const build = (
    failOn: 'error' | 'warning' | 'never',
    severities: ('error' | 'warning' | 'notice' | 'waived-error')[]
  ) =>
    buildReport({
      version: '1',
      failOn,
      artifacts: [],
      changeSource: 'x',
      notes: [],
      manifestsCount: 0,
      policy: SAMPLE_POLICY,
      findings: severities.map((s, i) =>
        finding({
          ruleId: 'r',
          severity: s === 'waived-error' ? 'error' : s,
          waived: s === 'waived-error',
          path: `p${i}`,
          artifact: '.'
        })
      )
    }).result;

  it.each([
    ['error', [], 'pass'],
    ['error', ['notice', 'warning'], 'pass'],
    ['error', ['error'], 'fail'],
    ['error', ['waived-error', 'warning'], 'pass'],
    ['warning', ['notice'], 'pass'],
    ['warning', ['warning'], 'fail'],
    ['warning', ['error'], 'fail'],
    ['warning', ['waived-error'], 'pass'],
    ['never', ['error', 'warning', 'notice'], 'pass']
  ] as const)('fail-on %s with %j → %s', (failOn, severities, expected) => {
    expect(build(failOn, [...severities])).toBe(expected);
  });

  it('failsGate compares severities against fail-on', () => {
    expect(failsGate('notice', 'warning')).toBe(false);
    expect(failsGate('warning', 'warning')).toBe(true);
    expect(failsGate('error', 'never')).toBe(false);
  });

  it('freezes the report deeply, taking the inputs in without reordering them', () => {
    const report = sampleReport();
    expect(Object.isFrozen(report)).toBe(true);
    expect(Object.isFrozen([...report.findings][0])).toBe(true);
    expect(Object.isFrozen([...report.artifacts][1].upstreams[0])).toBe(true);
    expect(Object.isFrozen(report.run.notes)).toBe(true);
    expect(() => {
      (report.counts as { errors: number }).errors = 0;
    }).toThrow(/read.only/);
    // (the TypeError comes from another realm under jest's vm modules, so match the message)
    expect(() => (report.findings as unknown as unknown[]).push({})).toThrow(/not extensible/);
    // The findings and artifacts given are the report's own (not copied, for speed), so they are frozen too.
    expect(Object.isFrozen(FINDINGS[0])).toBe(true);
    expect([...report.artifacts][0]).toBe(ARTIFACTS[0]);
    expect(Object.isFrozen(ARTIFACTS)).toBe(false); // the list itself is copied
    expect(FINDINGS[0].ruleId).toBe('unpinned-revision'); // input order not sorted in place
  });
});

describe('ReportBuilder spilling to disk', () => {
  const arbFinding = fc
    .record({
      ruleId: fc.constantFrom('missing-license', 'unpinned-revision', 'schema-violation'),
      severity: fc.constantFrom('error', 'warning', 'notice'),
      path: fc.constantFrom('a/README.md', 'a/adapter_config.json', 'b/lineage.yaml', 'b-c/x.json'),
      line: fc.integer({ min: 1, max: 4 }),
      endLine: fc.integer({ min: 1, max: 5 }),
      column: fc.integer({ min: 1, max: 3 }),
      message: fc.string({ unit: 'grapheme', maxLength: 6 }),
      waived: fc.boolean()
    })
    .map((r) => finding({ ...r, artifact: r.path.split('/')[0] }) as Finding);

  it('renders the same report, annotations and counts whether it kept its lists in memory or on disk', () => {
    fc.assert(
      fc.property(fc.array(arbFinding, { maxLength: 60 }), fc.integer({ min: 1, max: 9 }), (findings, at) => {
        const build = (limits: { findings: number; artifacts: number }) => {
          const builder = new ReportBuilder('1', 'error', { limits });
          for (const a of ARTIFACTS) builder.addArtifact(a);
          for (const f of findings) builder.addFinding(f);
          return builder.finish({ changeSource: 'test', notes: [], policy: SAMPLE_POLICY, manifestsCount: 3 });
        };
        const held = build({ findings: 1_000, artifacts: 1_000 });
        const spilled = build({ findings: at, artifacts: at });
        expect(Array.isArray(held.findings)).toBe(true);
        if (findings.length >= at) expect(Array.isArray(spilled.findings)).toBe(false);
        expect(renderJson(spilled)).toBe(renderJson(held));
        expect(spilled.counts).toEqual(held.counts);
        expect(spilled.result).toBe(held.result);
        // Annotations walk the findings twice at once; the order is the one a full sort gives.
        const expected = [...toAnnotations(held)];
        const sorted = [...expected].sort(
          (x, y) =>
            SEVERITY_RANK[y.level] - SEVERITY_RANK[x.level] ||
            compareStrings(x.properties.file, y.properties.file) ||
            x.properties.startLine - y.properties.startLine ||
            (x.properties.startColumn ?? 0) - (y.properties.startColumn ?? 0)
        );
        expect(expected).toEqual(sorted);
        expect([...toAnnotations(spilled)]).toEqual(expected);
      }),
      { numRuns: 120 }
    );
  });

  it('freezes what stays in memory and gives every walk of what went to disk its own copies', () => {
    // One run goes to disk, the last finding stays in memory.
    const limit = FINDINGS.length - 1;
    const builder = new ReportBuilder('1', 'error', { limits: { findings: limit, artifacts: limit } });
    for (const a of ARTIFACTS) builder.addArtifact(JSON.parse(JSON.stringify(a)) as ReportArtifact);
    const added = FINDINGS.map((f) => JSON.parse(JSON.stringify(f)) as Finding);
    for (const f of added) builder.addFinding(f);
    const report = builder.finish({ changeSource: 'test', notes: [], policy: SAMPLE_POLICY, manifestsCount: 3 });
    expect(Array.isArray(report.findings)).toBe(false);
    const walked = [...report.findings];
    const inMemory = walked.filter((f) => added.includes(f));
    const fromDisk = walked.filter((f) => !added.includes(f));
    expect(inMemory.length).toBeGreaterThan(0);
    expect(fromDisk.length).toBeGreaterThan(0);
    for (const f of inMemory) expect(Object.isFrozen(f)).toBe(true);
    const artifact = [...report.artifacts].find((a) => a.upstreams.length > 0);
    expect(artifact && Object.isFrozen(artifact.upstreams[0])).toBe(true);
    (fromDisk[0] as { message: string }).message = 'altered by one surface';
    expect([...report.findings].map((f) => f.message)).not.toContain('altered by one surface');
  });
});
