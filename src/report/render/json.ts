import type { Report } from '../report.js';
import { prettyJsonChunks } from './pretty-json.js';

/** The report as the JSON document described by schemas/report.schema.json, in pieces (see prettyJsonChunks). */
export function* renderJsonChunks(report: Report): Generator<string> {
  yield* prettyJsonChunks(report);
  yield '\n';
}

/** The report as one string (small reports, tests). */
export function renderJson(report: Report): string {
  return [...renderJsonChunks(report)].join('');
}
