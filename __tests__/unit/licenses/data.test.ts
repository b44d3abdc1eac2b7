/**
 * data/licenses.yaml: valid against its published schema, complete, internally consistent, and
 * the generated module and README table are what the scripts make of it now.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { load } from 'js-yaml';
import spdxIds from 'spdx-license-ids/index.json' with { type: 'json' };
import { HUB_LICENSE_IDS } from '../../../src/licenses/license-ids.js';
import type { RawKnowledgeData } from '../../../src/licenses/knowledge-types.js';
// @ts-expect-error -- a plain ESM script shared with `node scripts/license-data.mjs`
import { GENERATED_FILE, renderKnowledgeModule, validateKnowledge } from '../../../scripts/license-data.mjs';
// @ts-expect-error -- a plain ESM script shared with `node scripts/license-table.mjs`
import { renderLicenseTable } from '../../../scripts/license-table.mjs';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const read = (file: string) => readFileSync(`${ROOT}${file}`, 'utf8');
const yamlText = read('data/licenses.yaml');
const data = load(yamlText) as RawKnowledgeData;
const schema = JSON.parse(read('schemas/license-knowledge.schema.json')) as Record<string, unknown>;

/** The ids issue #3 names, each of which must have an entry. */
const REQUIRED_IDS = [
  'llama2',
  'llama3',
  'llama3.1',
  'llama3.2',
  'llama3.3',
  'llama4',
  'gemma',
  'qwen',
  'qwen-research',
  'deepseek',
  'mrl',
  'mnpl',
  'modified-mit',
  'apache-2.0',
  'mit',
  'bsd-3-clause',
  'cc-by-4.0',
  'cc-by-sa-4.0',
  'cc-by-nc-4.0',
  'cc-by-nc-sa-4.0',
  'cc-by-nc-nd-4.0',
  'openrail',
  'openrail++',
  'creativeml-openrail-m',
  'bigscience-openrail-m',
  'bigscience-bloom-rail-1.0',
  'bigcode-openrail-m',
  'fair-noncommercial-research-license',
  'health-ai-developer-foundations-terms-of-use',
  'flux-1-dev-non-commercial-license',
  // issue #11
  'chatglm2-6b-license',
  'chatglm3-6b-license',
  'yi-license',
  'baichuan2-community-license',
  'falcon-180b-license'
];

function compile(s: Record<string, unknown>) {
  return new Ajv2020({ strict: true, allErrors: true }).compile(s);
}

describe('license knowledge data', () => {
  it('matches schemas/license-knowledge.schema.json (draft 2020-12, strict, published $id)', () => {
    expect(schema.$id).toBe('https://github.com/lineage-gate/lineage-gate/schemas/license-knowledge.schema.json');
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(validateKnowledge(data, schema)).toEqual([]);
  });

  it('has a closed schema with a description on every property', () => {
    const defs = schema.$defs as Record<
      string,
      { type?: string; additionalProperties?: boolean; properties?: Record<string, { description?: string }> }
    >;
    const objects = [schema as (typeof defs)[string], ...Object.values(defs)].filter((d) => d.type === 'object');
    expect(objects.length).toBeGreaterThanOrEqual(4);
    for (const object of objects) {
      expect(object.additionalProperties).toBe(false);
      for (const [name, prop] of Object.entries(object.properties ?? {}))
        expect({ name, described: typeof prop.description === 'string' }).toEqual({ name, described: true });
    }
  });

  it('lets a policy $ref one entry, and rejects what the schema forbids', () => {
    const ajv = new Ajv2020({ strict: true });
    ajv.addSchema(schema);
    const entry = ajv.compile({
      $ref: 'https://github.com/lineage-gate/lineage-gate/schemas/license-knowledge.schema.json#/$defs/entry'
    });
    expect(
      entry({
        id: 'acme-internal',
        family: 'Acme',
        source: 'https://acme.example/license',
        attribution: { text: 'Built on Acme' }
      })
    ).toBe(true);
    expect(entry({ id: 'acme-internal', family: 'Acme', source: 'x', notice: 'typo of a field' })).toBe(false);
    expect(entry({ family: 'Acme', source: 'x' })).toBe(false);
    expect(entry({ id: 'acme', family: 'Acme', source: 'x', attribution: {} })).toBe(false);
    expect(entry({ id: 'acme', family: 'Acme', source: 'x', 'non-commercial': 'yes' })).toBe(false);
    const whole = compile(schema);
    expect(whole({ ...data, extra: true })).toBe(false);
    expect(whole({ licenses: [], families: [{ family: 'X', 'canonical-org': 'x', name: '^x', license: 'mit' }] })).toBe(
      false
    );
  });

  it('has an entry for every license id the issue names, ids and aliases unique and lower-case', () => {
    const ids = data.licenses.map((e) => e.id);
    for (const id of REQUIRED_IDS) expect(ids).toContain(id);
    const names = data.licenses.flatMap((e) => [e.id, ...(e.aliases ?? [])]);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    for (const id of ids) expect(id).toBe(id.toLowerCase());
  });

  it('states everything for every built-in entry: display, flags, source, and what attribution asks', () => {
    for (const e of data.licenses) {
      const stated = {
        id: e.id,
        display: typeof e.display,
        flags: [e['non-commercial'], e['flow-down'], e.permissive].map((v) => typeof v),
        source: /^https:\/\//.test(e.source),
        writtenAs: typeof e['written-as'],
        duty: e.attribution ? typeof e.attribution.duty : 'string'
      };
      expect(stated).toEqual({
        id: e.id,
        display: 'string',
        flags: ['boolean', 'boolean', 'boolean'],
        source: true,
        writtenAs: 'string',
        duty: 'string'
      });
    }
  });

  it('writes Hub ids as `license`, model-license names as `license_name`, SPDX ids that SPDX lists', () => {
    const spdx = new Set(spdxIds as string[]);
    for (const e of data.licenses) {
      if (e['written-as'] === 'license')
        expect({ id: e.id, hub: HUB_LICENSE_IDS.has(e.id) }).toEqual({ id: e.id, hub: true });
      if (e['written-as'] === 'license-name')
        expect({ id: e.id, hub: HUB_LICENSE_IDS.has(e.id) }).toEqual({ id: e.id, hub: false });
      if (e.spdx) expect({ id: e.id, spdx: spdx.has(e.spdx) }).toEqual({ id: e.id, spdx: true });
    }
  });

  it('marks the license facts the rules depend on (licenses.md)', () => {
    const byId = new Map(data.licenses.map((e) => [e.id, e]));
    const nonCommercial = data.licenses
      .filter((e) => e['non-commercial'])
      .map((e) => e.id)
      .sort();
    expect(nonCommercial).toEqual([
      'cc-by-nc-4.0',
      'cc-by-nc-nd-4.0',
      'cc-by-nc-sa-4.0',
      'fair-noncommercial-research-license',
      'flux-1-dev-non-commercial-license',
      'mnpl',
      'mrl',
      'qwen-research'
    ]);
    for (const id of ['gemma', 'deepseek', 'llama3.1', 'openrail', 'bigscience-bloom-rail-1.0', 'cc-by-sa-4.0'])
      expect({ id, flowDown: byId.get(id)?.['flow-down'] }).toEqual({ id, flowDown: true });
    for (const id of ['apache-2.0', 'mit', 'bsd-3-clause'])
      expect({ id, permissive: byId.get(id)?.permissive, flowDown: byId.get(id)?.['flow-down'] }).toEqual({
        id,
        permissive: true,
        flowDown: false
      });
    expect(byId.get('llama3')?.['naming-prefix']).toBe('Llama 3');
    for (const id of ['llama3.1', 'llama3.2', 'llama3.3', 'llama4'])
      expect(byId.get(id)?.['naming-prefix']).toBe('Llama');
    expect(byId.get('modified-mit')?.attribution?.condition).toMatch(
      /100M monthly active users.*US\$20M monthly revenue/
    );
    expect(byId.get('qwen')?.attribution?.markers).toContain('Built with Qwen');
    expect(byId.get('deepseek')?.aliases).toContain('deepseek-license');
  });

  it('quotes each attribution text in its own markers, so carrying the text satisfies the check', () => {
    for (const e of data.licenses) {
      const a = e.attribution;
      if (!a?.text || !a.markers?.length) continue;
      expect({ id: e.id, carried: a.markers.some((m) => a.text!.toLowerCase().includes(m.toLowerCase())) }).toEqual({
        id: e.id,
        carried: true
      });
    }
  });

  it('has families whose patterns compile, whose licenses are entries, with a known canonical org', () => {
    const ids = new Set(data.licenses.map((e) => e.id));
    for (const f of data.families) {
      expect(() => new RegExp(f.name, 'i')).not.toThrow();
      expect({ family: f.family, license: ids.has(f.license) }).toEqual({ family: f.family, license: true });
      expect(f.source).toMatch(/^https:\/\//);
    }
    const canonical = new Set(data.families.map((f) => f['canonical-org']));
    for (const org of [
      'meta-llama',
      'google',
      'Qwen',
      'moonshotai',
      'deepseek-ai',
      'mistralai',
      'THUDM',
      '01-ai',
      'baichuan-inc',
      'tiiuae',
      'allenai',
      'microsoft'
    ])
      expect(canonical).toContain(org);
    expect(data['mirror-orgs']).toEqual([
      'unsloth',
      'mlx-community',
      'TheBloke',
      'bartowski',
      'lmstudio-community',
      'NousResearch'
    ]);
  });

  it(`is what ${GENERATED_FILE} holds (run \`node scripts/license-data.mjs\`)`, () => {
    const generated = read(GENERATED_FILE);
    expect(generated).toBe(renderKnowledgeModule(data));
    expect(generated.split('\n')[0]).toMatch(
      /^\/\/ Generated by scripts\/license-data\.mjs from data\/licenses\.yaml\. Do not edit/
    );
  });

  it('renders one README row per license, escaping pipes', () => {
    const table = renderLicenseTable({
      licenses: [...data.licenses, { id: 'a|b', family: 'F|G', source: 'LICENSE.txt' }]
    }) as string;
    const rows = table.split('\n');
    expect(rows).toHaveLength(data.licenses.length + 3);
    expect(rows[0]).toBe(
      '| license | family | attribution to carry | name prefix | non-commercial | terms flow down | source |'
    );
    expect(rows.find((r) => r.startsWith('| `llama3.1`'))).toBe(
      '| `llama3.1`, also `llama-3.1` | Llama | "Built with Llama. Llama 3.1 is licensed ' +
        'under the Llama 3.1 Community License, Copyright © Meta Platforms, Inc. All Rights ' +
        'Reserved." | "Llama" | no | yes | [llama.com](https://www.llama.com/llama3_1/license/) |'
    );
    expect(rows.find((r) => r.startsWith('| `qwen-research`'))).toContain('(`other` + `license_name`) | Qwen |');
    expect(rows.find((r) => r.startsWith('| `apache-2.0`'))).toContain('— only when the upstream ships a NOTICE file');
    expect(rows[rows.length - 1]).toBe('| `a\\|b` | F\\|G | — | — | no | no | [LICENSE.txt](LICENSE.txt) |');
  });

  it('has the generated table in README.md (run `node scripts/license-table.mjs`)', () => {
    const readme = read('README.md');
    const block = /<!-- licenses:start -->\n([\s\S]*?)\n<!-- licenses:end -->/.exec(readme);
    expect(block?.[1]).toBe(renderLicenseTable(data));
  });
});
