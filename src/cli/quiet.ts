import { filterOf } from '../collections/sequence.js';
import type { Report } from '../report/report.js';

/**
 * `--quiet`: the report as the text output shows it, live errors only (no warnings, notices,
 * waived findings or run notes). Counts and result stay whole: the tally and the exit status
 * still tell the truth about what was left out.
 */
export function errorsOnly(report: Report): Report {
  return {
    ...report,
    findings: filterOf(report.findings, (f) => f.severity === 'error' && !f.waived),
    run: { ...report.run, notes: [] }
  };
}
