export type Severity = 'error' | 'warning' | 'notice';

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
  /** Directory of the artifact the finding belongs to. */
  artifact: string;
}

export const SEVERITY_RANK: Record<Severity, number> = { notice: 0, warning: 1, error: 2 };
