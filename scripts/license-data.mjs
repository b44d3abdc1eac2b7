// Converts data/licenses.yaml into src/licenses/knowledge-data.generated.ts (see data-module.mjs),
// validated against schemas/license-knowledge.schema.json. `node scripts/license-data.mjs`
// rewrites the file; a test fails when it is stale.
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { renderDataModule, validateAgainst, writeDataModule } from './data-module.mjs';

export const DATA_FILE = 'data/licenses.yaml';
export const GENERATED_FILE = 'src/licenses/knowledge-data.generated.ts';
export const SCHEMA_FILE = 'schemas/license-knowledge.schema.json';

const SPEC = {
  script: 'scripts/license-data.mjs',
  dataFile: DATA_FILE,
  schemaFile: SCHEMA_FILE,
  generatedFile: GENERATED_FILE,
  typeName: 'RawKnowledgeData',
  typeModule: './knowledge-types.js',
  constName: 'LICENSE_DATA'
};

/** The data file's problems against the schema, as `pointer message` lines (empty: valid). */
export function validateKnowledge(data, schema) {
  return validateAgainst(data, schema);
}

/** The TypeScript module for the parsed data. */
export function renderKnowledgeModule(data) {
  return renderDataModule(SPEC, data);
}

export function loadKnowledgeYaml(text) {
  return load(text);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeDataModule(SPEC);
