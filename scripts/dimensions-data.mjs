// Converts data/base-dimensions.yaml into src/weights/dimensions-data.generated.ts (see
// data-module.mjs), validated against schemas/base-dimensions.schema.json.
// `node scripts/dimensions-data.mjs` rewrites the file; a test fails when it is stale.
import { fileURLToPath } from 'node:url';
import { renderDataModule, validateAgainst, writeDataModule } from './data-module.mjs';

export const DATA_FILE = 'data/base-dimensions.yaml';
export const GENERATED_FILE = 'src/weights/dimensions-data.generated.ts';
export const SCHEMA_FILE = 'schemas/base-dimensions.schema.json';

const SPEC = {
  script: 'scripts/dimensions-data.mjs',
  dataFile: DATA_FILE,
  schemaFile: SCHEMA_FILE,
  generatedFile: GENERATED_FILE,
  typeName: 'RawDimensionsData',
  typeModule: './dimensions-types.js',
  constName: 'DIMENSIONS_DATA'
};

/** The data file's problems against the schema, as `pointer message` lines (empty: valid). */
export function validateDimensions(data, schema) {
  return validateAgainst(data, schema);
}

/** The TypeScript module for the parsed data. */
export function renderDimensionsModule(data) {
  return renderDataModule(SPEC, data);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeDataModule(SPEC);
