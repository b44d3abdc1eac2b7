import type { Finding, Severity } from '../findings/finding.js';
import { SEVERITY_RANK } from '../findings/finding.js';
import { REPORT_SCHEMA_VERSION, type Report, type ReportArtifact } from './report.js';

export type FailOn = Report['failOn'];

export interface BuildReportInput {
  version: string;
  failOn: FailOn;
  artifacts: readonly ReportArtifact[];
  findings: readonly Finding[];
  changeSource: string;
  notes: readonly string[];
  policy: Report['run']['policy'];
  manifestsCount: number;
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

/** Code-unit order, independent of the machine's locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when a live (non-waived) finding of this severity fails the gate. */
export function failsGate(severity: Severity, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[failOn];
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * The one result model every surface renders, deep-frozen so no surface can alter what another
 * shows. The findings and artifacts given become part of it (and frozen) rather than copied: a
 * full scan hands over tens of thousands, and copying them cost more than anything else here.
 */
export function buildReport(input: BuildReportInput): Report {
  const findings = [...input.findings].sort(compareFindings);
  const live = findings.filter((f) => !f.waived);
  const count = (severity: Severity) => live.filter((f) => f.severity === severity).length;
  const report: Report = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'lineage-gate', version: input.version },
    result: live.some((f) => failsGate(f.severity, input.failOn)) ? 'fail' : 'pass',
    failOn: input.failOn,
    counts: {
      artifacts: input.artifacts.length,
      manifests: input.manifestsCount,
      errors: count('error'),
      warnings: count('warning'),
      notices: count('notice'),
      waived: findings.length - live.length
    },
    artifacts: [...input.artifacts],
    findings,
    run: { changeSource: input.changeSource, notes: [...input.notes], policy: { ...input.policy } }
  };
  return deepFreeze(report);
}
