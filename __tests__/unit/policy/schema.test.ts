import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parsePolicy } from '../../../src/policy/load.js';
import { RULE_IDS } from '../../../src/rules/ids.js';
import { reportValidator } from '../../helpers/report-schema.js';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
type Schema = Record<string, unknown>;
const schema = JSON.parse(read('schemas/policy.schema.json')) as Schema;
const defs = schema.$defs as Record<string, Schema>;

/** Every subschema, with a readable location. */
function walk(node: unknown, at: string, visit: (s: Schema, at: string) => void): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${at}/${i}`, visit));
  const s = node as Schema;
  visit(s, at);
  for (const [key, value] of Object.entries(s)) {
    if (key === 'properties' || key === 'patternProperties' || key === '$defs') {
      for (const [name, sub] of Object.entries(value as Schema)) walk(sub, `${at}/${key}/${name}`, visit);
    } else if (key === 'items') walk(value, `${at}/items`, visit);
  }
}

/** Property names reachable through the schema (following $refs), by the path of mappings. */
function propertyNames(): Set<string> {
  const names = new Set<string>();
  const seen = new Set<Schema>();
  const visit = (s: Schema | undefined): void => {
    if (!s || seen.has(s)) return;
    seen.add(s);
    if (typeof s.$ref === 'string') visit(defs[s.$ref.replace('#/$defs/', '')]);
    for (const [name, sub] of Object.entries((s.properties as Record<string, Schema> | undefined) ?? {})) {
      if (s !== defs.rules) names.add(name);
      visit(sub);
    }
    for (const sub of Object.values((s.patternProperties as Record<string, Schema> | undefined) ?? {})) visit(sub);
    if (s.items) visit(s.items as Schema);
  };
  visit(schema);
  return names;
}

describe('schemas/policy.schema.json', () => {
  it("is a draft 2020-12 schema published under the project's $id, and strict ajv compiles it", () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('https://github.com/lineage-gate/lineage-gate/schemas/policy.schema.json');
    expect(() => new Ajv2020({ strict: true, allowUnionTypes: true }).compile(schema)).not.toThrow();
  });

  it('closes every mapping with additionalProperties: false', () => {
    const open: string[] = [];
    walk(schema, '#', (s, at) => {
      const isObject =
        s.type === 'object' ||
        (Array.isArray(s.type) && s.type.includes('object')) ||
        'properties' in s ||
        'patternProperties' in s;
      if (isObject && s.additionalProperties !== false) open.push(at);
    });
    expect(open).toEqual([]);
  });

  it('describes every property, so that editors can explain what they complete', () => {
    const bare: string[] = [];
    walk(schema, '#', (s, at) => {
      for (const key of ['properties', 'patternProperties'] as const) {
        for (const [name, sub] of Object.entries((s[key] as Record<string, Schema> | undefined) ?? {})) {
          if (typeof sub.description !== 'string' || sub.description.length < 10) bare.push(`${at}/${key}/${name}`);
        }
      }
    });
    expect(bare).toEqual([]);
  });

  it('lists exactly the rule ids of the contract, for `rules` and for waivers', () => {
    expect(Object.keys(defs.rules.properties as Schema).sort()).toEqual([...RULE_IDS].sort());
    expect(((defs.waiver.properties as Record<string, Schema>).rule.enum as string[]).slice().sort()).toEqual(
      [...RULE_IDS].sort()
    );
  });

  it("accepts in `licenses.knowledge` every field of the knowledge base's own entries", () => {
    const kb = JSON.parse(read('schemas/license-knowledge.schema.json')) as { $defs: Record<string, Schema> };
    const theirs = Object.keys(kb.$defs.entry.properties as Schema);
    const ours = Object.keys(defs.knowledgeEntry.properties as Schema);
    expect(theirs.filter((k) => !ours.includes(k))).toEqual([]);
    const theirAttribution = Object.keys(kb.$defs.attribution.properties as Schema);
    const ourAttribution = Object.keys(
      (defs.knowledgeEntry.properties as Record<string, Schema>).attribution.properties as Schema
    );
    expect(ourAttribution.sort()).toEqual(theirAttribution.sort());
  });
});

/** Where an editor fetches the schema: the raw file on the default branch ($id is a name, not a file). */
const EDITOR_URL = String(schema.$id).replace(
  'https://github.com/lineage-gate/lineage-gate/',
  'https://raw.githubusercontent.com/lineage-gate/lineage-gate/main/'
);

describe('examples/lineage-policy.example.yml', () => {
  const text = read('examples/lineage-policy.example.yml');

  it('is a valid policy with the editor line', () => {
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=${EDITOR_URL}`);
    expect(() => parsePolicy(text, 'examples/lineage-policy.example.yml', RULE_IDS)).not.toThrow();
  });

  it('shows every setting of the schema', () => {
    const written = new Set(text.match(/[a-z][a-z-]*(?=:\s)/g) ?? []);
    expect([...propertyNames()].filter((name) => !written.has(name))).toEqual([]);
  });
});

describe('docs/policy.md', () => {
  const doc = read('docs/policy.md');

  it('gives the editor line with the raw schema file, as README and the examples do', () => {
    expect(EDITOR_URL).toBe(
      'https://raw.githubusercontent.com/lineage-gate/lineage-gate/main/schemas/policy.schema.json'
    );
    expect(doc).toContain(`# yaml-language-server: $schema=${EDITOR_URL}`);
    expect(read('README.md')).toContain(`# yaml-language-server: $schema=${EDITOR_URL}`);
    expect(read('README.md')).not.toContain('$schema=https://github.com/');
  });

  it("README's starter policy is a valid policy", () => {
    const starter = /```yaml\n(# yaml-language-server[^\n]*\n[\s\S]*?)```/.exec(read('README.md'))![1];
    expect(() => parsePolicy(starter, 'README.md', RULE_IDS)).not.toThrow();
    expect(starter.split('\n').length).toBeLessThan(12);
  });

  it('names every setting of the schema', () => {
    const missing = [...propertyNames()].filter((name) => !doc.includes(`${name}:`) && !doc.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });

  it('ends with the example file, setting for setting', () => {
    const blocks = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);
    const last = parsePolicy(blocks[blocks.length - 1], 'x.yml', RULE_IDS);
    const example = parsePolicy(read('examples/lineage-policy.example.yml'), 'x.yml', RULE_IDS);
    const withoutPositions = (p: object) =>
      JSON.parse(JSON.stringify(p, (k, v: unknown) => (k === 'at' ? undefined : v))) as unknown;
    expect(withoutPositions(last)).toEqual(withoutPositions(example));
  });
});

describe('schemas/report.schema.json: waived findings', () => {
  const validate = reportValidator();
  const report = (finding: Record<string, unknown>) => ({
    schemaVersion: 1,
    tool: { name: 'lineage-gate', version: '0.1.0' },
    result: 'pass',
    failOn: 'error',
    counts: { artifacts: 1, manifests: 1, errors: 0, warnings: 0, notices: 0, waived: 1 },
    artifacts: [],
    findings: [
      {
        ruleId: 'missing-attribution',
        severity: 'error',
        message: 'm',
        fix: 'f',
        path: 'experiments/e1/README.md',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 2,
        helpUri: 'https://github.com/lineage-gate/lineage-gate/blob/main/docs/rules/missing-attribution.md',
        fingerprint: '0123456789abcdef0123456789abcdef',
        waived: true,
        artifact: 'experiments/e1',
        ...finding
      }
    ],
    run: { changeSource: 'test', notes: [], policy: { file: null, sha256: '0'.repeat(64) } }
  });

  it('accepts the waiver that covers a finding', () => {
    expect(
      validate(
        report({
          waiver: { reason: 'Internal eval only.', expires: '2026-12-31', file: '.github/lineage-policy.yml', line: 33 }
        })
      )
    ).toBe(true);
    expect(validate(report({ waiver: { reason: 'Frozen.', file: '.github/lineage-policy.yml', line: 3 } }))).toBe(true);
    expect(validate(report({}))).toBe(true);
  });

  it('rejects a waiver without a reason or with unknown fields', () => {
    expect(validate(report({ waiver: { expires: '2026-12-31', file: 'p.yml', line: 3 } }))).toBe(false);
    expect(validate(report({ waiver: { reason: 'x', file: 'p.yml', line: 3, by: 'me' } }))).toBe(false);
    expect(validate(report({ waiver: { reason: 'x', file: 'p.yml', line: 3, expires: 'soon' } }))).toBe(false);
  });
});
