import fc from 'fast-check';
import { parseModelfile, UNRECOGNISED_KEY } from '../../../src/source/modelfile.js';
import type { SourceDocument } from '../../../src/source/document.js';
import { FC_RUNS, timed } from '../../helpers/timed.js';

function parse(text: string): SourceDocument {
  const parsed = parseModelfile(text);
  if (!('doc' in parsed)) throw new Error(parsed.problem.reason);
  return parsed.doc;
}

/** `line:column-endLine:endColumn` of the value at `path`. */
function at(doc: SourceDocument, path: (string | number)[]): string {
  const s = doc.spanOf(path);
  return s ? `${s.line}:${s.column}-${s.endLine}:${s.endColumn}` : 'none';
}

describe('parseModelfile', () => {
  it('reads one list per instruction, in any case, with exact value and keyword spans', () => {
    const doc = parse('# a comment\nfrom llama3.2:1b\nPARAMETER temperature 0.5\nParameter stop "<|eot|>"\n');
    expect(doc.value).toEqual({
      from: ['llama3.2:1b'],
      parameter: [
        { name: 'temperature', value: '0.5' },
        { name: 'stop', value: '<|eot|>' }
      ]
    });
    expect(at(doc, ['from', 0])).toBe('2:6-2:17');
    expect(doc.keySpanOf(['from', 0])).toEqual({ line: 2, column: 1, endLine: 2, endColumn: 5 });
    expect(at(doc, ['parameter', 1, 'name'])).toBe('4:11-4:15');
    // A quoted value's span covers its quotes, like JSON and YAML strings.
    expect(at(doc, ['parameter', 1, 'value'])).toBe('4:16-4:25');
  });

  it('reads `"""` values across lines, and `"` values that Ollama also lets run on', () => {
    const text =
      'FROM x\nSYSTEM """\nYou are\n  helpful.\n"""\nTEMPLATE "{{ .System }}\n\n{{ .Prompt }}"\nLICENSE mit\n';
    const doc = parse(text);
    expect(doc.value).toEqual({
      from: ['x'],
      system: ['\nYou are\n  helpful.\n'],
      template: ['{{ .System }}\n\n{{ .Prompt }}'],
      license: ['mit']
    });
    expect(at(doc, ['system', 0])).toBe('2:8-5:4');
    expect(at(doc, ['template', 0])).toBe('6:10-8:15');
    expect(at(doc, ['license', 0])).toBe('9:9-9:12');
  });

  it('keeps a quoted Windows path whole (spaces and backslashes) and repeated instructions in order', () => {
    const doc = parse('FROM "C:\\My Models\\a.gguf"\nLICENSE """one"""\nLICENSE two\nMESSAGE user Hi there\n');
    expect(doc.value).toEqual({
      from: ['C:\\My Models\\a.gguf'],
      license: ['one', 'two'],
      message: [{ role: 'user', content: 'Hi there' }]
    });
  });

  it('counts CR-only and CRLF line ends as Ollama does', () => {
    const doc = parse('FROM a\rADAPTER ./lora.gguf\r\nLICENSE """x\ry"""\r');
    expect(doc.value).toEqual({ from: ['a'], adapter: ['./lora.gguf'], license: ['x\ry'] });
    expect(at(doc, ['adapter', 0])).toBe('2:9-2:20');
    expect(at(doc, ['license', 0])).toBe('3:9-4:5');
  });

  it('lists lines that are no Modelfile instruction under `unrecognised` (a Dockerfile is not a Modelfile)', () => {
    const doc = parse('FROM ubuntu:22.04\nRUN apt-get update\nCOPY . /app\nFROM\n');
    expect(doc.value).toEqual({
      from: ['ubuntu:22.04'],
      [UNRECOGNISED_KEY]: ['RUN apt-get update', 'COPY . /app', 'FROM']
    });
    expect(at(doc, [UNRECOGNISED_KEY, 0])).toBe('2:1-2:19');
  });

  it('refuses a quote that never closes, at the quote', () => {
    expect(parseModelfile('FROM x\nSYSTEM """\nnever closed\n')).toEqual({
      problem: {
        reason: 'its SYSTEM value opens a `"""` quote on line 2 that never closes: end the value with `"""`',
        span: { line: 2, column: 8, endLine: 2, endColumn: 11 }
      }
    });
    expect('problem' in parseModelfile('FROM "x')).toBe(true);
  });

  it('ignores a byte-order mark, blank lines and indentation; `#` only starts a comment before an instruction', () => {
    const doc = parse('\uFEFF\n\n   FROM a # not a comment\n\t# comment\n');
    expect(doc.value).toEqual({ from: ['a # not a comment'] });
  });

  it('never makes `__proto__` a key', () => {
    const doc = parse('FROM a\n__proto__ x\nPARAMETER __proto__ 1\n');
    expect(Object.keys(doc.value as object)).toEqual(['from', UNRECOGNISED_KEY, 'parameter']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('stays fast on 10,000 instructions, a huge unterminated quote and long lines', () => {
    const many = `FROM a\n${'PARAMETER stop x\n'.repeat(10_000)}`;
    const doc = timed(() => parse(many));
    expect((doc.value as { parameter: unknown[] }).parameter).toHaveLength(10_000);
    expect(at(doc, ['parameter', 9_999, 'value'])).toBe('10001:16-10001:17');
    const unterminated = `FROM a\nSYSTEM """${'\nline "" """ x'.repeat(50_000)}`;
    expect('problem' in timed(() => parseModelfile(unterminated))).toBe(true);
    const quoted = `FROM a\nTEMPLATE "${'x '.repeat(200_000)}`;
    expect('problem' in timed(() => parseModelfile(quoted))).toBe(true);
  });

  it('takes any text to a document or a problem, never an exception', () => {
    const parts = [
      'FROM ',
      'from ',
      'PARAMETER ',
      'MESSAGE ',
      'LICENSE ',
      '"',
      '"""',
      '\n',
      '\r',
      '\r\n',
      ' ',
      '\t',
      '#'
    ];
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc
        .array(fc.oneof(fc.constantFrom(...parts), fc.string({ maxLength: 8 })), { maxLength: 60 })
        .map((p) => p.join(''))
    );
    fc.assert(
      fc.property(text, (t) => {
        const r = timed(() => parseModelfile(t));
        if ('doc' in r) expect(typeof r.doc.value).toBe('object');
        else expect(r.problem.reason).toMatch(/never closes/);
      }),
      { numRuns: FC_RUNS }
    );
  });
});
