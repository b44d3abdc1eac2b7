import { compareStrings } from '../text/compare.js';
import type { Finding, Severity } from '../findings/finding.js';
import { SEVERITY_RANK } from '../findings/finding.js';
import { SortedSpill } from '../collections/spill.js';
import { REPORT_SCHEMA_VERSION, type Report, type ReportArtifact } from './report.js';

export type FailOn = Report['failOn'];

/** How the run is described once its findings are in: where the files came from, the notes, the policy. */
export interface ReportRun {
  changeSource: string;
  notes: readonly string[];
  policy: Report['run']['policy'];
  manifestsCount: number;
}

export interface BuildReportInput extends ReportRun {
  version: string;
  failOn: FailOn;
  artifacts: Iterable<ReportArtifact>;
  findings: Iterable<Finding>;
}

/** How many items a report keeps in memory before it spills them to disk (see collections/spill.ts). */
export interface SpillLimits {
  /** Findings per sorted run on disk. */
  findings: number;
  /** Artifact summaries held before they are appended to their file. */
  artifacts: number;
}

/**
 * Past these a run's findings and summaries go to disk: a few MB of each in memory at most (a larger
 * buffer made the heap, and with it V8's room to grow, larger, without making the run faster).
 * `LINEAGE_GATE_INTERNAL_SPILL_AT` sets both (tests spill a run of a few findings).
 */
export function spillLimits(env: NodeJS.ProcessEnv = process.env): SpillLimits {
  const at = Number(env.LINEAGE_GATE_INTERNAL_SPILL_AT);
  if (Number.isInteger(at) && at > 0) return { findings: at, artifacts: at };
  return { findings: 4_096, artifacts: 1_024 };
}

/** Waived findings sort after every live one: they no longer bear on the gate. */
function rank(f: Finding): number {
  return f.waived ? -1 : SEVERITY_RANK[f.severity];
}

/** Errors first, then by file and position; rule id and fingerprint make the order total. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    rank(b) - rank(a) ||
    compareStrings(a.path, b.path) ||
    a.line - b.line ||
    a.column - b.column ||
    compareStrings(a.ruleId, b.ruleId) ||
    compareStrings(a.fingerprint, b.fingerprint)
  );
}

/** True when a live (non-waived) finding of this severity fails the gate. */
export function failsGate(severity: Severity, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[failOn];
}

/** Freezes plain objects and arrays all the way down (a spilled list is left as it is: its walks read fresh copies). */
function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  const proto: unknown = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return value;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
  return value;
}

/** A stable sort with no preference keeps the order of arrival. */
const asAdded = () => 0;

/**
 * Builds the one result model every surface renders, an artifact and a finding at a time: findings
 * are kept in report order and counted as they come, and both lists spill to disk past their limits,
 * so a run's memory does not grow with its size. Each item becomes the report's own rather than a
 * copy, and is deep-frozen once the report is read if it stayed in memory (a surface cannot alter what
 * another shows; one that went to disk is read back afresh by every walk).
 */
export class ReportBuilder {
  private readonly findings: SortedSpill<Finding>;
  private readonly artifacts: SortedSpill<ReportArtifact>;
  private readonly tally = { errors: 0, warnings: 0, notices: 0, waived: 0 };
  private failing = false;

  /**
   * Artifacts stay in the order added unless an `order` is given (a full scan's walk reaches
   * directories deepest first; the report lists them in directory order).
   */
  constructor(
    private readonly version: string,
    private readonly failOn: FailOn,
    options: { limits?: SpillLimits; order?: (a: ReportArtifact, b: ReportArtifact) => number } = {}
  ) {
    const limits = options.limits ?? spillLimits();
    this.findings = new SortedSpill(compareFindings, limits.findings, deepFreeze);
    this.artifacts = new SortedSpill(options.order ?? asAdded, limits.artifacts, deepFreeze);
  }

  addArtifact(artifact: ReportArtifact): void {
    this.artifacts.push(artifact);
  }

  addFinding(finding: Finding): void {
    this.findings.push(finding);
    if (finding.waived) this.tally.waived++;
    else {
      this.tally[`${finding.severity}s`]++;
      if (failsGate(finding.severity, this.failOn)) this.failing = true;
    }
  }

  finish(run: ReportRun): Report {
    const report: Report = {
      schemaVersion: REPORT_SCHEMA_VERSION,
      tool: { name: 'lineage-gate', version: this.version },
      result: this.failing ? 'fail' : 'pass',
      failOn: this.failOn,
      counts: { artifacts: this.artifacts.length, manifests: run.manifestsCount, ...this.tally },
      // A run that never spilled hands over plain arrays, as small reports always had.
      artifacts: this.artifacts.held() ?? this.artifacts,
      findings: this.findings.held() ?? this.findings,
      run: { changeSource: run.changeSource, notes: [...run.notes], policy: { ...run.policy } }
    };
    return deepFreeze(report);
  }
}

/** The report of findings and artifacts already at hand (a small run, a test). */
export function buildReport(input: BuildReportInput): Report {
  const builder = new ReportBuilder(input.version, input.failOn);
  for (const artifact of input.artifacts) builder.addArtifact(artifact);
  for (const finding of input.findings) builder.addFinding(finding);
  return builder.finish(input);
}
