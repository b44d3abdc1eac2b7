export type Severity = 'error' | 'warning' | 'notice';

/** Which waiver of the policy file covers a finding, and why. */
export interface FindingWaiver {
  reason: string;
  /** YYYY-MM-DD; absent when the waiver does not expire. */
  expires?: string;
  /** Repository-relative path of the policy file, and the line of the waiver in it. */
  file: string;
  line: number;
}

/** One problem, at one place, with why and how to fix. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  /** Why it is a problem, naming the values involved. */
  message: string;
  /** What to change to fix it. */
  fix: string;
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  helpUri: string;
  /** Stable across runs and line moves: rule + path + the finding's subject. */
  fingerprint: string;
  waived: boolean;
  /** The policy waiver that covers the finding (set together with `waived: true`). */
  waiver?: FindingWaiver;
  /** Directory of the artifact the finding belongs to. */
  artifact: string;
}

export const SEVERITY_RANK: Record<Severity, number> = { notice: 0, warning: 1, error: 2 };
