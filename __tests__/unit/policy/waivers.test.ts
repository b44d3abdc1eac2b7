import { parsePolicy } from '../../../src/policy/load.js';
import { isExpired, waiverJudge, type UpstreamOf } from '../../../src/policy/waivers.js';
import type { Waiver } from '../../../src/policy/policy.js';
import type { Finding } from '../../../src/findings/finding.js';
import { RULE_IDS } from '../../../src/rules/ids.js';

const { waivers } = parsePolicy(
  `version: 1
waivers:
  - rule: missing-attribution
    path: "experiments/**"
    upstream: "meta-llama/*"
    reason: "Internal eval only; never distributed."
    expires: 2026-06-30
  - rule: unpinned-revision
    path: ./legacy/
    reason: Frozen runs that are never retrained.
  - rule: unpinned-revision
    path: "**"
    reason: Everything, but only until the end of 2025.
    expires: 2025-12-31
`,
  '.github/lineage-policy.yml',
  RULE_IDS
);

function finding(ruleId: string, path: string, extra: Partial<Finding> = {}): Finding {
  return {
    ruleId,
    severity: 'error',
    message: 'm',
    fix: 'f',
    path,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 2,
    helpUri: `https://example.test/${ruleId}`,
    fingerprint: '0'.repeat(32),
    waived: false,
    artifact: path.split('/').slice(0, -1).join('/') || '.',
    ...extra
  };
}

const upstreams = new Map<Finding, string>();
const upstreamOf = (f: Finding) => upstreams.get(f);
const at = (iso: string) => ({ now: new Date(iso), upstreamOf });

/** The waivers judged at `now` and applied to the findings at hand, as the pipeline does per artifact. */
function applyWaivers(findings: Finding[], waivers: readonly Waiver[], clock: { now: Date; upstreamOf: UpstreamOf }) {
  const judge = waiverJudge(waivers, clock.now);
  return { findings: judge.apply(findings, clock.upstreamOf), expired: judge.expired };
}

describe('waiverJudge', () => {
  const llama = finding('missing-attribution', 'experiments/e1/README.md');
  const qwen = finding('missing-attribution', 'experiments/e2/README.md');
  const noUpstream = finding('missing-attribution', 'experiments/e3/lineage.yaml');
  const elsewhere = finding('missing-attribution', 'models/m1/README.md');
  upstreams.set(llama, 'Meta-Llama/Llama-3.1-8B');
  upstreams.set(qwen, 'Qwen/Qwen2.5-7B');
  upstreams.set(elsewhere, 'meta-llama/Llama-3.1-8B');

  it('waives a finding an active waiver covers, and records which waiver and why', () => {
    const { findings, expired } = applyWaivers([llama], waivers, at('2026-03-01T12:00:00Z'));
    expect(findings[0]).toEqual({
      ...llama,
      waived: true,
      waiver: {
        reason: 'Internal eval only; never distributed.',
        expires: '2026-06-30',
        file: '.github/lineage-policy.yml',
        line: 3
      }
    });
    expect(expired).toEqual([waivers[2]]);
  });

  it('scopes a waiver with `upstream` to findings about a matching upstream (case-insensitive)', () => {
    const { findings } = applyWaivers([llama, qwen, noUpstream, elsewhere], waivers, at('2026-03-01T00:00:00Z'));
    expect(findings.map((f) => f.waived)).toEqual([true, false, false, false]);
  });

  it('needs the same rule', () => {
    const other = finding('missing-license', 'experiments/e1/README.md');
    upstreams.set(other, 'meta-llama/Llama-3.1-8B');
    expect(applyWaivers([other], waivers, at('2026-03-01T00:00:00Z')).findings[0].waived).toBe(false);
  });

  it('reads `./legacy/` as everything under legacy/, and leaves out a waiver without `expires`', () => {
    const legacy = finding('unpinned-revision', 'legacy/run-7/training_manifest.json');
    const { findings } = applyWaivers([legacy], waivers, at('2030-01-01T00:00:00Z'));
    expect(findings[0].waiver).toEqual({
      reason: 'Frozen runs that are never retrained.',
      file: '.github/lineage-policy.yml',
      line: 8
    });
    expect(findings[0].waiver).not.toHaveProperty('expires');
  });

  it('keeps a waiver active through its `expires` day (UTC) and expires it the day after', () => {
    expect(applyWaivers([llama], waivers, at('2026-06-30T23:59:59Z')).findings[0].waived).toBe(true);
    const after = applyWaivers([llama], waivers, at('2026-07-01T00:00:00Z'));
    expect(after.findings[0].waived).toBe(false);
    expect(after.findings[0]).not.toHaveProperty('waiver');
    expect(after.expired).toEqual([waivers[0], waivers[2]]);
  });

  it("judges the day in UTC, whatever the runner's time zone", () => {
    // 2026-07-01T01:00+02:00 is still 2026-06-30 in UTC.
    expect(applyWaivers([llama], waivers, at('2026-07-01T01:00:00+02:00')).findings[0].waived).toBe(true);
    expect(isExpired(waivers[0], new Date('2026-07-01T01:00:00-02:00'))).toBe(true);
  });

  it('stops a broad waiver at its date: from the next day the finding counts again', () => {
    const anywhere = finding('unpinned-revision', 'models/m1/adapter_config.json');
    expect(applyWaivers([anywhere], waivers, at('2025-12-31T10:00:00Z')).findings[0].waiver?.line).toBe(11);
    const later = applyWaivers([anywhere], waivers, at('2026-01-01T10:00:00Z'));
    expect(later.findings[0].waived).toBe(false);
    expect(later.expired).toEqual([waivers[2]]);
  });

  it('records the first matching waiver in file order', () => {
    const legacy = finding('unpinned-revision', 'legacy/x.json');
    expect(applyWaivers([legacy], waivers, at('2025-06-01T00:00:00Z')).findings[0].waiver?.line).toBe(8);
  });

  it('returns new findings and leaves the given ones untouched', () => {
    const input = [llama, qwen];
    const snapshot = JSON.stringify(input);
    const { findings } = applyWaivers(input, waivers, at('2026-03-01T00:00:00Z'));
    expect(JSON.stringify(input)).toBe(snapshot);
    expect(findings[0]).not.toBe(llama);
    expect(findings[1]).not.toBe(qwen);
    expect(findings[1]).toEqual(qwen);
  });

  it('leaves a finding that is already waived with the waiver it has', () => {
    const earlier = { reason: 'Waived inline.', file: 'models/m1/README.md', line: 4 };
    const waived = finding('unpinned-revision', 'legacy/x.json', { waived: true, waiver: earlier });
    const { findings } = applyWaivers([waived], waivers, at('2025-06-01T00:00:00Z'));
    expect(findings[0]).toEqual(waived);
    expect(findings[0]).not.toBe(waived);
  });

  it('waives nothing without waivers', () => {
    expect(applyWaivers([llama], [], at('2026-03-01T00:00:00Z'))).toEqual({ findings: [llama], expired: [] });
  });
});
