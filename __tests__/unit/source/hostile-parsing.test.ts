import nodeProcess from 'node:process';
import { jest } from '@jest/globals';
import { parseJsonDocument } from '../../../src/source/json.js';
import { parseYamlDocument } from '../../../src/source/yaml.js';
import { readManifest, type ReadResult } from '../../../src/formats/read-manifest.js';

function problemOf(result: ReadResult) {
  if (result.kind !== 'unreadable') throw new Error(`expected unreadable, got ${JSON.stringify(result).slice(0, 300)}`);
  return result.problem;
}

const nestedJson = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

describe('deep nesting', () => {
  it.each([65, 2000, 100_000])('a JSON manifest nested %i levels is unreadable, not a crash', (levels) => {
    const problem = problemOf(readManifest('a/adapter_config.json', Buffer.from(nestedJson(levels))));
    expect(problem.reason).toBe(`nested ${levels} levels deep; the limit is 64`);
    expect(problem.at).toMatchObject({ line: 1, column: 65 });
  });

  it('points at the line where the limit was passed', () => {
    const text = '{\n' + '"a": {\n'.repeat(70) + '}\n'.repeat(71);
    const problem = problemOf(readManifest('x/training_manifest.json', Buffer.from(text)));
    expect(problem.reason).toBe('nested 71 levels deep; the limit is 64');
    expect(problem.at.line).toBe(65);
  });

  it('64 levels are still read', () => {
    expect('doc' in parseJsonDocument(nestedJson(64))).toBe(true);
    expect('doc' in parseYamlDocument(nestedJson(64))).toBe(true);
  });

  it('a line break ends an unclosed string for the count, as it does for the parser', () => {
    // Found by the property test: `"` opens a string the JSON parser ends at the line break, so the
    // brackets after it are real to the parser; counted as inside the string, 1,380 levels reached
    // jsonc-parser's recursion and overflowed the stack of a jest worker.
    const text = `---\n["\n---\n${'[{"k":'.repeat(1380)}1`;
    const problem = problemOf(readManifest('dir/candle_qlora_adapter_meta.json', Buffer.from(text)));
    expect(problem.reason).toMatch(/^nested \d+ levels deep; the limit is 64$/);
    expect(problem.at.line).toBe(4);
    // Escaped, a line break stays inside the string (jsonc-parser reads it as a bad escape and goes on).
    expect('problem' in parseJsonDocument(`["\\\n${'['.repeat(100)}"]`)).toBe(true);
    expect('doc' in parseJsonDocument(JSON.stringify(['line\nbreak', '['.repeat(100)]))).toBe(true);
  });

  it.each([
    ['a block comment holding a quote', `/*"*/${'['.repeat(5000)}`, 1],
    ['a line comment holding a quote', `// "\n${'['.repeat(5000)}`, 2],
    ['a block comment never closed', `/* "\n${'['.repeat(5000)}`, undefined]
  ])('brackets after %s count as the parser meets them', (_name, text, line) => {
    const read = parseJsonDocument(text);
    if (line === undefined) {
      // Inside a comment that never ends the brackets are comment text: nothing deep is parsed.
      expect('problem' in read && read.problem.reason).not.toMatch(/nested/);
      return;
    }
    expect('problem' in read && read.problem.reason).toBe('nested 5000 levels deep; the limit is 64');
    expect('problem' in read && read.problem.span?.line).toBe(line);
  });

  it('brackets inside strings do not count', () => {
    expect('doc' in parseJsonDocument(JSON.stringify({ a: '['.repeat(500) }))).toBe(true);
    expect('doc' in parseYamlDocument(`a: "${'['.repeat(500)}"\n`)).toBe(true);
  });

  it.each([
    ['a key', 'description: |\n' + '  [\n'.repeat(100) + 'license: mit\n'],
    ['a folded key with indicators', 'a:\n  notes: >-2\n' + '    [{\n'.repeat(100) + '\n    [\n  b: 1\n'],
    ['a sequence entry', 'list:\n  - |\n' + '    - [\n'.repeat(100) + '  - x\n'],
    ['a key inside a sequence entry', '- notes: |\n' + '    [\n'.repeat(100) + '  other: 1\n']
  ])('brackets inside a block scalar (%s) do not count', (_name, text) => {
    const read = parseYamlDocument(text);
    expect('doc' in read ? 'read' : read.problem.reason).toBe('read');
  });

  it('brackets inside a plain scalar do not count; after an anchor or a tag they do', () => {
    const read = parseYamlDocument(`model_name: x${'['.repeat(70)}\nother: a{{{${'{'.repeat(70)}\n`);
    expect('doc' in read ? 'read' : read.problem.reason).toBe('read');
    for (const prefix of ['&anchor ', '!!seq ', '&a !custom '])
      expect(problemOf(readManifest('a/lineage.yaml', Buffer.from(`a: ${prefix}${nestedJson(100)}\n`))).reason).toBe(
        'nested 100 levels deep; the limit is 64'
      );
  });

  it('a block scalar ends where its indentation does: deep flow after it still counts', () => {
    const text = 'notes: |\n  [[[\nafter: ' + nestedJson(100) + '\n';
    expect(problemOf(readManifest('a/lineage.yaml', Buffer.from(text))).reason).toBe(
      'nested 100 levels deep; the limit is 64'
    );
  });

  it.each([
    ['flow, 2,000', nestedJson(2000), 2000],
    ['flow, 100,000', nestedJson(100_000), 100_000],
    ['block sequences', '- '.repeat(2000) + 'x\n', 2000],
    ['block maps', Array.from({ length: 100 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1\n', 100]
  ])('YAML nested deep (%s) is unreadable', (_name, text, levels) => {
    const problem = problemOf(readManifest('a/lineage.yaml', Buffer.from(text)));
    expect(problem.reason).toBe(`nested ${levels} levels deep; the limit is 64`);
  });

  it('front matter nested deep is unreadable', () => {
    const card = `---\nbase_model: ${nestedJson(3000)}\n---\n# Card\n`;
    const problem = problemOf(readManifest('a/README.md', Buffer.from(card)));
    expect(problem.reason).toBe('its front matter is nested 3000 levels deep; the limit is 64');
    expect(problem.at.line).toBe(2);
  });

  it('an alias chain nested deeper than its text is unreadable', () => {
    const base = `a0: &a0 ${nestedJson(40)}\n`;
    const chain = Array.from(
      { length: 5 },
      (_, i) => `a${i + 1}: &a${i + 1} ${'['.repeat(30)}*a${i}${']'.repeat(30)}\n`
    );
    const problem = problemOf(readManifest('a/lineage.yaml', Buffer.from(base + chain.join(''))));
    expect(problem.reason).toMatch(/^nested \d+ levels deep once YAML aliases are expanded; the limit is 64$/);
    expect(problem.at.line).toBe(6); // the alias that takes the tallest branch past the limit
  });

  it('an anchor that contains its own alias is unreadable, not an endless walk', () => {
    const problem = problemOf(readManifest('a/lineage.yaml', Buffer.from('schema: 1\nname: &a\n  x: *a\n')));
    expect(problem.reason).toBe('it nests a YAML anchor inside itself through an alias, which is infinitely deep');
    expect(problem.at.line).toBe(3);
  });

  it('an alias bomb is refused', () => {
    const rows = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++)
      rows.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`
      );
    const started = Date.now();
    const result = readManifest('a/lineage.yaml', Buffer.from(rows.join('\n') + '\n'));
    expect(result.kind).toBe('unreadable');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('collection keys', () => {
  it('are read as text keys without yaml printing a warning on the process', () => {
    // yaml warns through the `process` module (jest's global `process` is another object).
    const emitWarning = jest.spyOn(nodeProcess, 'emitWarning').mockImplementation(() => undefined);
    const read = parseYamlDocument('schema: 1\n? [a, b]\n: c\n');
    const calls = emitWarning.mock.calls.length;
    emitWarning.mockRestore();
    expect('doc' in read && read.doc.value).toEqual({ schema: 1, '[ a, b ]': 'c' });
    expect(calls).toBe(0);
  });
});

describe('duplicate keys', () => {
  const twice = 'the key `license` appears twice (lines 3 and 7): which one counts is undefined; keep one';

  it('JSON: names the key and both lines, points at the second', () => {
    const text =
      '{\n  "base_model_name_or_path": "Qwen/Qwen3-4B",\n  "license": "mit",\n  "r": 8,\n  "peft_type": "LORA",\n' +
      '  "x": 1,\n  "license": "apache-2.0"\n}\n';
    const problem = problemOf(readManifest('a/adapter_config.json', Buffer.from(text)));
    expect(problem.reason).toBe(twice);
    expect(problem.at).toMatchObject({ line: 7, column: 3 });
  });

  it('JSON: a nested key names its parent', () => {
    const text = '{\n  "provenance": {\n    "a": 1,\n    "a": 2\n  }\n}\n';
    expect(problemOf(readManifest('a/training_manifest.json', Buffer.from(text))).reason).toBe(
      'the key `a` in `provenance` appears twice (lines 3 and 4): which one counts is undefined; keep one'
    );
  });

  it('YAML gives the same message, same kind', () => {
    const text =
      'schema: 1\nname: x\nlicense: mit\nupstreams: []\nrelation: adapter\nmethod: lora\nlicense: apache-2.0\n';
    const problem = problemOf(readManifest('a/lineage.yaml', Buffer.from(text)));
    expect(problem.reason).toBe(twice);
    expect(problem.at).toMatchObject({ line: 7, column: 1 });
  });

  it('front matter counts lines in the file', () => {
    const card = '---\nbase_model: Qwen/Qwen3-4B\nlicense: mit\ntags: [a]\nlicense: apache-2.0\n---\n# Card\n';
    const problem = problemOf(readManifest('a/README.md', Buffer.from(card)));
    expect(problem.reason).toBe(
      'its front matter is the key `license` appears twice (lines 3 and 5): which one counts is undefined; keep one'
    );
    expect(problem.at.line).toBe(5);
  });
});

describe('model cards that would otherwise be skipped', () => {
  it('lone-CR line endings are reported, not read as a README without metadata', () => {
    const card = '---\rbase_model: Qwen/Qwen3-4B\rlicense: mit\r---\r# Card\r';
    const problem = problemOf(readManifest('a/README.md', Buffer.from(card)));
    expect(problem.reason).toMatch(/^it uses lone CR \(`\\r`\) line endings/);
    expect(problem.at).toMatchObject({ line: 1, column: 4 });
  });

  it('a README with lone CRs and no front matter is still no manifest', () => {
    expect(readManifest('a/README.md', Buffer.from('# Title\rText\r')).kind).toBe('not-a-manifest');
  });

  it('front matter that never closes is reported at its opening line', () => {
    const card = '\n---\nbase_model: Qwen/Qwen3-4B\nlicense: mit\n# Card\n';
    const problem = problemOf(readManifest('a/README.md', Buffer.from(card)));
    expect(problem.reason).toMatch(/^its front matter opens with `---` on line 2 and never closes/);
    expect(problem.at.line).toBe(2);
  });

  it('front matter that is a list of model-card keys is reported at the first such item', () => {
    const card = '---\n- title: x\n- base_model: Qwen/Qwen3-4B\n- license: mit\n---\n# Card\n';
    const problem = problemOf(readManifest('a/README.md', Buffer.from(card)));
    expect(problem.reason).toMatch(/^its front matter is a list, not a mapping/);
    expect(problem.at.line).toBe(3);
  });

  it('text between two `---` rules (scalar front matter) or a list without card keys is no card', () => {
    for (const card of ['---\nJust an intro.\n---\n# Title\n', '---\n- one\n- two\n---\n'])
      expect(readManifest('a/README.md', Buffer.from(card)).kind).toBe('not-a-manifest');
  });
});
