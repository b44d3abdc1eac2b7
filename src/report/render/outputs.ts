import type { Report } from '../report.js';

export interface OutputFiles {
  /** Path of the JSON report, when one was written. */
  reportFile?: string;
  /** Path of the SARIF file, when one was written. */
  sarifFile?: string;
  /** Path of the CycloneDX BOM, when one was written. */
  bomFile?: string;
  /** Path of the in-toto Statement, when one was asked for (not written when no artifact was checked). */
  attestationFile?: string;
}

/** The Action's outputs (names are the contract in action.yml); empty strings for files not written. */
export function toOutputs(report: Report, files: OutputFiles = {}): Record<string, string> {
  return {
    result: report.result,
    errors: String(report.counts.errors),
    warnings: String(report.counts.warnings),
    waived: String(report.counts.waived),
    artifacts: String(report.counts.artifacts),
    'report-file': files.reportFile ?? '',
    'sarif-file': files.sarifFile ?? '',
    'bom-file': files.bomFile ?? '',
    'attestation-file': report.artifacts.length > 0 ? (files.attestationFile ?? '') : ''
  };
}
