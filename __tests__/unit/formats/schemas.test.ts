import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { FORMATS, schemaFileOf } from '../../../src/formats/registry.js';
import { MAX_SCHEMA_PROBLEMS, validateManifest } from '../../../src/formats/validate.js';
import { readManifest } from '../../../src/formats/read-manifest.js';
import { parseJsonDocument } from '../../../src/source/json.js';
import type { SourceDocument } from '../../../src/source/document.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SCHEMA_BASE = 'https://github.com/lineage-gate/lineage-gate/';

function readSchema(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(`${ROOT}${file}`, 'utf8')) as Record<string, unknown>;
}

type Schema = Record<string, unknown>;

/** Every object-typed subschema with `properties`, with its JSON pointer. */
function objectSchemas(schema: Schema, pointer = '#'): [string, Schema][] {
  const out: [string, Schema][] = [];
  if (schema.properties) out.push([pointer, schema]);
  for (const [key, child] of Object.entries(schema)) {
    if (key === 'properties' || key === '$defs') {
      for (const [name, sub] of Object.entries(child as Record<string, Schema>))
        out.push(...objectSchemas(sub, `${pointer}/${key}/${name}`));
    } else if (key === 'items' && child && typeof child === 'object')
      out.push(...objectSchemas(child as Schema, `${pointer}/items`));
  }
  return out;
}

describe('format schemas', () => {
  it('has one schema file per format, each with its $id, draft 2020-12, compiling in strict mode', () => {
    // Schemas of the gate's own files and data, not of formats it reads.
    const own = new Set([
      'report.schema.json',
      'lineage-statement.schema.json',
      'policy.schema.json',
      'license-knowledge.schema.json',
      'base-dimensions.schema.json'
    ]);
    const files = readdirSync(`${ROOT}schemas`).filter((f) => !own.has(f));
    expect(FORMATS.map((f) => schemaFileOf(f.id).replace('schemas/', '')).sort()).toEqual(files.sort());
    const ajv = new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true });
    for (const format of FORMATS) {
      const file = schemaFileOf(format.id);
      const onDisk = readSchema(file);
      // The format validates with exactly what is published.
      expect(format.schema).toEqual(onDisk);
      expect(onDisk.$id).toBe(`${SCHEMA_BASE}${file}`);
      expect(onDisk.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(typeof onDisk.title).toBe('string');
      expect(() => ajv.compile(onDisk)).not.toThrow();
    }
  });

  it('lineage.schema.json: closed objects and a description on every property', () => {
    const schema = readSchema('schemas/lineage.schema.json');
    const objects = objectSchemas(schema);
    expect(objects.map(([p]) => p)).toEqual([
      '#',
      '#/properties/attribution',
      '#/properties/datasets/items',
      '#/properties/training',
      '#/properties/weights/items',
      '#/$defs/license',
      '#/$defs/upstream'
    ]);
    for (const [pointer, obj] of objects) {
      expect([pointer, obj.additionalProperties]).toEqual([pointer, false]);
      for (const [name, prop] of Object.entries(obj.properties as Record<string, Schema>)) {
        expect([`${pointer}/properties/${name}`, typeof prop.description]).toEqual([
          `${pointer}/properties/${name}`,
          'string'
        ]);
      }
    }
    expect(schema.required).toEqual(['schema']);
  });

  it('third-party schemas tolerate unknown keys', () => {
    for (const format of FORMATS.filter((f) => f.id !== 'lineage-manifest')) {
      expect([format.id, (format.schema as Schema).additionalProperties ?? true]).toEqual([format.id, true]);
    }
  });
});

describe('schema problems', () => {
  const peft = FORMATS.find((f) => f.id === 'peft-adapter-config')!;
  const doc = (text: string): SourceDocument => {
    const parsed = parseJsonDocument(text);
    if (!('doc' in parsed)) throw new Error('fixture must parse');
    return parsed.doc;
  };

  it('are capped, with a last problem saying how many more there are', () => {
    const listOfStrings = {
      ...peft,
      id: 'test-format',
      schema: { type: 'object', properties: { tags: { type: 'array', items: { type: 'string' } } } }
    };
    const text = `{\n"tags": [\n${Array.from({ length: 33 }, (_, i) => i).join(',\n')}\n]\n}`;
    const many = validateManifest(listOfStrings, 'a/x.json', doc(text));
    expect(many).toHaveLength(MAX_SCHEMA_PROBLEMS + 1);
    expect(many[0]).toEqual({
      path: 'a/x.json',
      format: 'test-format',
      message: '`tags[0]` must be string (got 0)',
      at: { line: 3, column: 1, endLine: 3, endColumn: 2 }
    });
    expect(many[MAX_SCHEMA_PROBLEMS].message).toBe('13 more schema problems not listed');
  });

  it('are sorted by position and name the format', () => {
    const result = readManifest('a/adapter_config.json', Buffer.from('{\n  "r": 1.5,\n  "peft_type": 7\n}'));
    if (result.kind !== 'record') throw new Error('expected a record');
    expect(result.schemaProblems).toEqual([
      {
        path: 'a/adapter_config.json',
        format: 'peft-adapter-config',
        message: '`r` must be integer (got 1.5)',
        at: { line: 2, column: 8, endLine: 2, endColumn: 11 }
      },
      {
        path: 'a/adapter_config.json',
        format: 'peft-adapter-config',
        message: '`peft_type` must be string (got 7)',
        at: { line: 3, column: 16, endLine: 3, endColumn: 17 }
      }
    ]);
  });
});
