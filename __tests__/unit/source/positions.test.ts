import { parseJsonDocument } from '../../../src/source/json.js';
import { parseYamlDocument } from '../../../src/source/yaml.js';
import { extractFrontMatter } from '../../../src/source/front-matter.js';

function ok<T>(r: { doc: T } | { problem: unknown }): T {
  if (!('doc' in r)) throw new Error(`expected a document, got ${JSON.stringify(r.problem)}`);
  return r.doc;
}

describe('JSON positions', () => {
  const doc = ok(parseJsonDocument('{\n  "a": {"b": [1, "x"]},\n  "c": null\n}'));
  it('points at nested values, keys and the nearest ancestor', () => {
    expect(doc.spanOf(['a', 'b', 1])).toEqual({ line: 2, column: 18, endLine: 2, endColumn: 21 });
    expect(doc.keySpanOf(['c'])).toEqual({ line: 3, column: 3, endLine: 3, endColumn: 6 });
    expect(doc.spanOf(['c'])).toEqual({ line: 3, column: 8, endLine: 3, endColumn: 12 });
    expect(doc.nearestSpan(['a', 'missing'])).toEqual({ line: 2, column: 3, endLine: 2, endColumn: 6 });
    expect(doc.nearestSpan(['nope'])).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 2 });
  });
  it('rejects trailing commas and comments with a position', () => {
    const r = parseJsonDocument('{\n  "a": 1,\n}');
    expect('problem' in r && r.problem.span?.line).toBe(3);
    expect('problem' in parseJsonDocument('// c\n{}')).toBe(true);
    expect('problem' in parseJsonDocument('')).toBe(true);
  });
});

describe('YAML positions', () => {
  it('offsets lines for front matter and excludes comments from value spans', () => {
    const doc = ok(parseYamlDocument('base_model:\n  - foo/bar  # c\n  - baz\nlicense: mit\n', 1));
    expect(doc.value).toEqual({ base_model: ['foo/bar', 'baz'], license: 'mit' });
    expect(doc.spanOf(['base_model', 0])).toEqual({ line: 3, column: 5, endLine: 3, endColumn: 12 });
    expect(doc.spanOf(['license'])).toEqual({ line: 5, column: 10, endLine: 5, endColumn: 13 });
    expect(doc.keySpanOf(['license'])).toEqual({ line: 5, column: 1, endLine: 5, endColumn: 8 });
  });
  it('keeps dates as strings and reports syntax errors with a line', () => {
    expect(ok(parseYamlDocument('expires: 2026-01-01\n')).value).toEqual({ expires: '2026-01-01' });
    const r = parseYamlDocument('a: [\n');
    expect('problem' in r).toBe(true);
  });
  it('refuses alias bombs', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 8; i++)
      bomb.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
          .fill('*' + String.fromCharCode(97 + i))
          .join(',')}]`
      );
    const r = parseYamlDocument(bomb.join('\n'));
    expect('problem' in r).toBe(true);
  });
  it('rejects duplicate keys', () => {
    expect('problem' in parseYamlDocument('a: 1\na: 2\n')).toBe(true);
  });
});

describe('front matter', () => {
  it('tolerates leading blank lines and CRLF', () => {
    const fm = extractFrontMatter('\n\n---\r\nlicense: mit\r\n---\r\n# Title\r\n');
    expect(fm).toMatchObject({ yamlStartLine: 4, bodyStartLine: 6 });
    expect(fm && 'yaml' in fm ? fm.yaml.trim() : fm).toBe('license: mit');
  });
  it('finds none when the file does not start with ---', () => {
    expect(extractFrontMatter('# Title\n---\na: 1\n---\n')).toBeUndefined();
  });
});
