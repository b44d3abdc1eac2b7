import { errorsOnly } from '../../../src/cli/quiet.js';
import { buildReport } from '../../../src/report/build.js';
import { ARTIFACTS, SAMPLE_POLICY, finding } from '../report/sample-report.js';

describe('errorsOnly (--quiet)', () => {
  const findings = [
    finding({ ruleId: 'missing-license', severity: 'error', path: 'a/x.json', artifact: 'a' }),
    finding({ ruleId: 'unpinned-revision', severity: 'warning', path: 'a/x.json', artifact: 'a' }),
    { ...finding({ ruleId: 'missing-license', severity: 'error', path: 'b/x.json', artifact: 'b' }), waived: true },
    finding({ ruleId: 'hub-gated', severity: 'notice', path: 'c/x.json', artifact: 'c' }),
    finding({ ruleId: 'shape-mismatch', severity: 'error', path: 'c/y.json', artifact: 'c', line: 4 })
  ];
  const report = (spillAt?: number) => {
    const before = process.env.LINEAGE_GATE_INTERNAL_SPILL_AT;
    if (spillAt) process.env.LINEAGE_GATE_INTERNAL_SPILL_AT = String(spillAt);
    try {
      return buildReport({
        version: '1',
        failOn: 'error',
        artifacts: ARTIFACTS,
        findings,
        changeSource: 'full scan',
        notes: ['a note'],
        manifestsCount: 5,
        policy: SAMPLE_POLICY
      });
    } finally {
      if (before === undefined) delete process.env.LINEAGE_GATE_INTERNAL_SPILL_AT;
      else process.env.LINEAGE_GATE_INTERNAL_SPILL_AT = before;
    }
  };

  it('walks the live errors of the report, held or spilled, without copying them into an array', () => {
    for (const spillAt of [undefined, 1, 2]) {
      const quiet = errorsOnly(report(spillAt));
      expect(Array.isArray(quiet.findings)).toBe(false);
      const paths = [...quiet.findings].map((f) => f.path);
      expect(paths).toEqual(['a/x.json', 'c/y.json']);
      expect([...quiet.findings].map((f) => f.path)).toEqual(paths);
      expect(quiet.findings.length).toBe(paths.length);
      expect(quiet.counts).toEqual(report(spillAt).counts);
      expect(quiet.run.notes).toEqual([]);
    }
  });
});
