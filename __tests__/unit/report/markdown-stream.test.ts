/**
 * `--format markdown` without a size limit is written an artifact at a time: it must be the document
 * the size-fitting renderer makes when nothing has to go, whatever the order of the artifacts, for
 * findings of directories with no row, and with the lists held in memory or spilled to files.
 */
import fc from 'fast-check';
import type { Finding } from '../../../src/findings/finding.js';
import { buildReport } from '../../../src/report/build.js';
import { renderMarkdownDocument } from '../../../src/report/render/markdown-document.js';
import { renderMarkdown, renderMarkdownChunks } from '../../../src/report/render/markdown.js';
import { FC_RUNS } from '../../helpers/timed.js';
import { ARTIFACTS, DOCS, SAMPLE_POLICY, completeArtifact, finding, sampleReport } from './sample-report.js';

const links = { docsBase: DOCS, repoUrl: 'https://github.com/o/r', sha: 'feedfacefeedfacefeedfacefeedfacefeedface' };

function withSpillAt<T>(at: number | undefined, run: () => T): T {
  const before = process.env.LINEAGE_GATE_INTERNAL_SPILL_AT;
  if (at === undefined) delete process.env.LINEAGE_GATE_INTERNAL_SPILL_AT;
  else process.env.LINEAGE_GATE_INTERNAL_SPILL_AT = String(at);
  try {
    return run();
  } finally {
    if (before === undefined) delete process.env.LINEAGE_GATE_INTERNAL_SPILL_AT;
    else process.env.LINEAGE_GATE_INTERNAL_SPILL_AT = before;
  }
}

const whole = (report: ReturnType<typeof buildReport>) =>
  renderMarkdownDocument(report, { ...links, maxBytes: Infinity });

const DIRS = ['.', 'a', 'a/b', 'b', 'z/y', 'Z'];
const RULES = ['missing-attribution', 'missing-license', 'unpinned-revision', 'hub-gated'] as const;

const findingArb = fc.record({
  dir: fc.constantFrom(...DIRS, 'stray', 'a/stray'),
  rule: fc.constantFrom(...RULES),
  severity: fc.constantFrom('error', 'warning', 'notice') as fc.Arbitrary<Finding['severity']>,
  waived: fc.boolean(),
  line: fc.integer({ min: 1, max: 9 })
});

type FindingSpec = typeof findingArb extends fc.Arbitrary<infer T> ? T : never;

function reportOf(dirs: string[], specs: FindingSpec[]) {
  const artifacts = dirs.map((dir, i) => completeArtifact({ ...ARTIFACTS[i % ARTIFACTS.length], dir }));
  const findings = specs.map((s, i) => {
    const path = s.dir === '.' ? `m${i}.json` : `${s.dir}/m${i}.json`;
    const f = finding({ ruleId: s.rule, severity: s.severity, path, artifact: s.dir, line: s.line });
    return s.waived ? { ...f, waived: true, waiver: { reason: 'accepted', file: 'lineage-policy.yml', line: 3 } } : f;
  });
  return buildReport({
    version: '1',
    failOn: 'error',
    artifacts,
    findings,
    changeSource: 'full scan',
    notes: [],
    manifestsCount: dirs.length,
    policy: SAMPLE_POLICY
  });
}

describe('renderMarkdown without a size limit', () => {
  it('is the whole document, for the sample report held or spilled after every item', () => {
    const expected = whole(sampleReport());
    expect(renderMarkdown(sampleReport(), links)).toBe(expected);
    for (const at of [1, 3]) expect(withSpillAt(at, () => renderMarkdown(sampleReport(), links))).toBe(expected);
  });

  it('is the whole document for any artifact order, rows with no finding and findings with no row', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(DIRS),
        fc.array(findingArb, { maxLength: 14 }),
        fc.constantFrom(undefined, 1, 2, 5),
        (dirs, specs, spillAt) => {
          const expected = whole(reportOf(dirs, specs));
          expect(withSpillAt(spillAt, () => renderMarkdown(reportOf(dirs, specs), links))).toBe(expected);
        }
      ),
      { numRuns: FC_RUNS }
    );
  });

  it('comes in pieces, none of them the whole table or the whole list of findings', () => {
    const report = reportOf(DIRS, [
      { dir: 'a', rule: 'missing-license', severity: 'error', waived: false, line: 1 },
      { dir: 'b', rule: 'missing-attribution', severity: 'error', waived: false, line: 2 }
    ]);
    const pieces = [...renderMarkdownChunks(report, links)];
    expect(pieces.length).toBeGreaterThan(2 * DIRS.length);
    expect(pieces.join('')).toBe(whole(report));
    const bounded = [...renderMarkdownChunks(report, { ...links, maxBytes: 4096 })];
    expect(bounded).toEqual([renderMarkdownDocument(report, { ...links, maxBytes: 4096 })]);
  });
});
