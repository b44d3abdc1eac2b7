import type { Report } from '../report.js';

/** The report as the JSON document described by schemas/report.schema.json. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
