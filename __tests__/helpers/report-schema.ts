import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';

export const reportSchema = JSON.parse(
  readFileSync(new URL('../../schemas/report.schema.json', import.meta.url), 'utf8')
) as object;

/** A strict validator for schemas/report.schema.json. */
export function reportValidator() {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  // ajv-formats is not a dependency; `uri` is checked with the WHATWG parser instead.
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  return ajv.compile(reportSchema);
}
