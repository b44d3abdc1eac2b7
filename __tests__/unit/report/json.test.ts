import fc from 'fast-check';
import { batched } from '../../../src/files/write-output.js';
import { renderJson, renderJsonChunks } from '../../../src/report/render/json.js';
import { prettyJsonChunks } from '../../../src/report/render/pretty-json.js';
import { sampleReport } from './sample-report.js';

import { reportSchema as schema, reportValidator as validator } from '../../helpers/report-schema.js';

type Mutable = Record<string, unknown> & { findings: Record<string, unknown>[]; artifacts: Record<string, unknown>[] };
const parsed = (failOn: 'error' | 'warning' | 'never' = 'error') =>
  JSON.parse(renderJson(sampleReport(failOn))) as Mutable;

describe('renderJson', () => {
  it('is 2-space JSON with a trailing newline that round-trips the report', () => {
    const report = sampleReport();
    const text = renderJson(report);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "schemaVersion": 1,');
    expect(JSON.parse(text)).toEqual(report);
  });

  it('keeps hostile text intact (JSON escaping is the only escaping)', () => {
    const report = parsed();
    expect(report.findings[0].message).toContain('<img src=x onerror=alert(1)>');
    expect(report.findings[0].message).toContain('\n::error::owned');
  });
});

describe('schemas/report.schema.json', () => {
  const validate = validator();

  it('names itself and the draft', () => {
    expect(schema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'https://github.com/lineage-gate/lineage-gate/schemas/report.schema.json'
    });
  });

  it.each(['error', 'warning', 'never'] as const)('accepts a rendered report (fail-on %s)', (failOn) => {
    const ok = validate(parsed(failOn));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('accepts an empty run', () => {
    const empty = {
      ...parsed(),
      artifacts: [],
      findings: [],
      counts: { artifacts: 0, manifests: 0, errors: 0, warnings: 0, notices: 0, waived: 0 }
    };
    expect(validate(empty)).toBe(true);
  });

  const broken: [string, (r: Mutable) => void, string][] = [
    ['a missing top-level field', (r) => delete r.run, 'run'],
    ['an unknown top-level field', (r) => (r.extra = 1), 'extra'],
    ['a wrong schema version', (r) => (r.schemaVersion = 2), 'schemaVersion'],
    ['an unknown severity', (r) => (r.findings[0].severity = 'fatal'), 'severity'],
    ['a finding without fix', (r) => delete r.findings[0].fix, 'fix'],
    ['a finding without artifact', (r) => delete r.findings[1].artifact, 'artifact'],
    ['a 0-based line', (r) => (r.findings[0].line = 0), 'line'],
    ['a fingerprint that is not 32 hex digits', (r) => (r.findings[0].fingerprint = 'abc'), 'fingerprint'],
    ['a rule id that is not kebab-case', (r) => (r.findings[0].ruleId = 'Missing_License'), 'ruleId'],
    ['a help URI that is not a URI', (r) => (r.findings[0].helpUri = 'not a uri'), 'helpUri'],
    [
      'an unknown upstream kind',
      (r) => ((r.artifacts[0].upstreams as Record<string, unknown>[])[0].kind = 'guess'),
      'kind'
    ],
    ['a license object missing a key', (r) => (r.artifacts[0].license = { id: 'mit' }), 'license'],
    ['a string count', (r) => ((r.counts as Record<string, unknown>).errors = '2'), 'errors'],
    ['an unknown fail-on', (r) => (r.failOn = 'notice'), 'failOn']
  ];

  it.each(broken)('rejects %s', (_name, breakIt, where) => {
    const report = parsed();
    breakIt(report);
    expect(validate(report)).toBe(false);
    expect(JSON.stringify(validate.errors)).toContain(where);
  });
});

describe('the JSON report in pieces (issue #13: never one string)', () => {
  it('is JSON.stringify(value, null, 2) exactly, for any object', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        expect([...prettyJsonChunks(value)].join('')).toBe(JSON.stringify(value, null, 2));
      }),
      { numRuns: 500 }
    );
    const odd = {
      a: undefined,
      b: [undefined, () => 1, 'x'],
      c: [],
      d: {},
      e: [[1, [2]], { f: [] }],
      g: [new Date(0), { toJSON: () => undefined }, [[['deep', { h: ['\n', '\u2026'] }]]]]
    };
    expect([...prettyJsonChunks(odd)].join('')).toBe(JSON.stringify(odd, null, 2));
  });

  it('writes a list given as any iterable (a generator, a spilled list) as the array it yields, at any depth', () => {
    const lazy = <T>(items: T[]) => ({
      *[Symbol.iterator]() {
        yield* items;
      }
    });
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.array(fc.jsonValue()), (value, list) => {
        // A list inside an object that is itself an element of a list, as a SARIF run's results are.
        const runs = (results: Iterable<unknown>) => [{ name: 'run', results, after: value }, 'x'];
        const withLazy = {
          ...value,
          nested: { list: lazy(list), empty: lazy([]) },
          top: lazy(list),
          runs: runs(lazy(list))
        };
        const withArrays = { ...value, nested: { list, empty: [] }, top: list, runs: runs(list) };
        expect([...prettyJsonChunks(withLazy)].join('')).toBe(JSON.stringify(withArrays, null, 2));
      }),
      { numRuns: 300 }
    );
  });

  it('yields each finding and artifact as its own piece, and batches them back into the same text', () => {
    const report = sampleReport();
    const pieces = [...renderJsonChunks(report)];
    expect(pieces.length).toBeGreaterThan(report.findings.length + report.artifacts.length);
    expect(pieces.join('')).toBe(`${JSON.stringify(report, null, 2)}\n`);
    expect([...batched(pieces)].join('')).toBe(renderJson(report));
    const many = Array.from({ length: 20_000 }, (_, i) => `piece ${i},`);
    const batches = [...batched(many)];
    expect(batches.join('')).toBe(many.join(''));
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.length).toBeLessThan(many.length / 100);
  });
});
