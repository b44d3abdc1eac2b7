/** Reading a statement for `verify`: someone else's file, so every way it can be wrong is a clear error. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../../src/config-error.js';
import { renderInToto } from '../../../src/report/render/in-toto.js';
import { MAX_STATEMENT_BYTES, parseStatement, readStatement } from '../../../src/verify/statement.js';
import { sampleReport } from '../report/sample-report.js';

const good = renderInToto(sampleReport());

describe('readStatement', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'lg-statement-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a statement the gate wrote, with or without a byte-order mark', () => {
    writeFileSync(join(dir, 's.json'), `\uFEFF${good}`);
    expect(readStatement(join(dir, 's.json'), 's.json').predicate.artifacts.length).toBeGreaterThan(0);
  });

  it('says what is wrong with a file that is missing, too large, not JSON or not a lineage statement', () => {
    const cases: [string, string | Buffer | undefined, RegExp][] = [
      ['missing.json', undefined, /cannot read the statement missing\.json: ENOENT/],
      ['big.json', Buffer.alloc(MAX_STATEMENT_BYTES + 1, 32), /at most 33554432 bytes/],
      ['text.json', 'not json', /text\.json is not JSON/],
      ['array.json', '[]', /is not a lineage-gate in-toto Statement .*\(top\) must be object/],
      [
        'slsa.json',
        JSON.stringify({ ...JSON.parse(good), predicateType: 'https://slsa.dev/provenance/v1' }),
        /predicateType/
      ],
      ['extra.json', JSON.stringify({ ...JSON.parse(good), extra: 1 }), /must NOT have additional properties/],
      ['surrogate.json', good.replace('"lineage-gate pedigree v1"', '"\\ud800"'), /not well-formed Unicode/]
    ];
    for (const [name, content, message] of cases) {
      if (content !== undefined) writeFileSync(join(dir, name), content);
      let thrown: unknown;
      try {
        readStatement(join(dir, name), name);
      } catch (err) {
        thrown = err;
      }
      expect(thrown).toBeInstanceOf(ConfigError);
      expect((thrown as Error).message).toMatch(message);
    }
  });

  it('names at most three schema problems, each at its place', () => {
    const statement = JSON.parse(good);
    statement.predicate.artifacts = statement.predicate.artifacts.map(() => ({ dir: '' }));
    const message = (() => {
      try {
        parseStatement(JSON.stringify(statement), 's.json');
      } catch (err) {
        return (err as Error).message;
      }
      return '';
    })();
    expect(message).toContain('/predicate/artifacts/0');
    expect(message.split('; ')).toHaveLength(3);
  });
});
