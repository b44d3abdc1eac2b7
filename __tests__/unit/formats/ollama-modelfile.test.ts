import fc from 'fast-check';
import { MAX_MANIFEST_BYTES, readManifest, type ReadResult } from '../../../src/formats/read-manifest.js';
import { detectFormat } from '../../../src/formats/registry.js';
import type { LineageRecord } from '../../../src/lineage/record.js';
import { evaluateArtifact } from '../../../src/rules/engine.js';
import { findRule } from '../../../src/rules/index.js';
import type { Rule } from '../../../src/rules/rule.js';
import { parseModelfile } from '../../../src/source/modelfile.js';
import { artifact, defaultRuleContext } from '../../helpers/build.js';
import { FC_RUNS, timed } from '../../helpers/timed.js';
import { configFixture, configFixtures, recordOfFixture, upstreamRows } from './config-fixtures.js';

function read(text: string, path = 'ollama/Modelfile'): { record: LineageRecord; problems: string[] } {
  const result: ReadResult = readManifest(path, Buffer.from(text));
  if (result.kind !== 'record') throw new Error(`expected a record, got ${JSON.stringify(result)}`);
  return {
    record: result.record,
    problems: result.schemaProblems.map((p) => `${p.at.line}:${p.at.column} ${p.message}`)
  };
}

function findings(ruleId: string, record: LineageRecord) {
  const rule = findRule(ruleId) as Rule;
  const a = artifact('ollama', { records: [record] });
  return evaluateArtifact(a, [rule], defaultRuleContext()).map((e) => e.finding);
}

describe('ollama-modelfile: the real Modelfiles (JUDGEMENTS.md)', () => {
  const expected: [string, string, string][] = [
    ['ollama/001', 'base phi3-patient-admission.gguf@1', 'local-path'],
    ['ollama/002', 'base ./tinyllama-finetuned.gguf@1', 'local-path'],
    [
      'ollama/003',
      'base C:\\Users\\goodn\\OneDrive\\Desktop\\gh projects\\hausa_ai\\model\\hausa-ai.gguf@1',
      'local-path'
    ],
    ['ollama/004', 'base ./models/QwenGram-0.8B-Q8_0.gguf@1', 'local-path'],
    ['ollama/005', 'base igorls/gemma-4-12B-it-heretic-GGUF:latest@1', 'ollama-library'],
    ['ollama/006', 'base llama3.2:1b@1', 'ollama-library'],
    ['ollama/007', 'base llama3.2@1', 'ollama-library']
  ];

  it.each(expected)('%s reads to its FROM, unresolvable offline', (prefix, row, kind) => {
    const record = recordOfFixture(prefix);
    expect(record.format).toBe('ollama-modelfile');
    expect(record.recipe).toBe(true);
    expect(upstreamRows(record)).toEqual([row]);
    expect(record.upstreams[0].kind).toBe(kind);
    expect(record.upstreams[0].id).toBeUndefined();
    expect(record.license).toBeUndefined();
    expect(findings('unresolvable-upstream', record)).toHaveLength(1);
    for (const rule of ['invalid-hub-id', 'unqualified-hub-id', 'missing-upstream'])
      expect([prefix, rule, findings(rule, record)]).toEqual([prefix, rule, []]);
  });

  it('reads the one saved as `makefile` (008) by content, as any file with no extension that Ollama would take', () => {
    const f = configFixture('ollama/008');
    const read = readManifest(f.repoPath, f.bytes);
    expect(read.kind === 'record' && read.record.format).toBe('ollama-modelfile');
    // A real Makefile (a recipe line) or a Dockerfile (`RUN`) is not one, and no error either.
    expect(readManifest('Makefile', Buffer.from('all:\n\tcc -o x x.c\n')).kind).toBe('not-a-manifest');
    expect(readManifest('Dockerfile', Buffer.from('FROM node:20\nRUN npm ci\n')).kind).toBe('not-a-manifest');
    const parsed = parseModelfile(f.bytes.toString('utf8'));
    if (!('doc' in parsed)) throw new Error(parsed.problem.reason);
    expect(detectFormat(parsed.doc.value, 'makefile', 'modelfile')?.id).toBe('ollama-modelfile');
    const record = recordOfFixture('ollama/008', 'lawBot/Modelfile');
    expect(upstreamRows(record)).toEqual(['base llama3.1:latest@1']);
    // The mixed-case `System` and the `"`-quoted TEMPLATE spanning lines are read as Ollama reads them.
    expect(Object.keys(parsed.doc.value as object)).toEqual(['from', 'template', 'parameter', 'system']);
  });

  it('says a library name is an Ollama model, not a Hugging Face id, and offers no id in the fix', () => {
    const [f] = findings('unresolvable-upstream', recordOfFixture('ollama/006'));
    expect(f.message).toBe(
      'The upstream `from[0]` in Modelfile is an Ollama library model, not a Hugging Face id ("llama3.2:1b"), ' +
        'so no one can verify what the artifact derives from. Nothing identifiable could be recovered from it.'
    );
    expect(f.fix).toBe(
      'In Modelfile, write `FROM hf.co/org/repo` (Ollama pulls it from the Hugging Face Hub), or declare the Hub ' +
        'id the model comes from in a lineage.yaml next to it.'
    );
  });

  it("claims none of the other tools' configs", () => {
    for (const f of configFixtures().filter((c) => !c.file.startsWith('ollama/'))) {
      const result = readManifest(f.repoPath, f.bytes);
      const format = result.kind === 'record' ? result.record.format : result.kind;
      expect([f.file, format]).not.toEqual([f.file, 'ollama-modelfile']);
    }
  });
});

describe('ollama-modelfile: FROM, ADAPTER and LICENSE', () => {
  it('recovers the Hub id from hf.co/… and huggingface.co/…; the `:tag` is a quantisation, not a revision', () => {
    const { record, problems } = read(
      [
        'FROM hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF:Q4_K_M',
        'FROM https://huggingface.co/Qwen/Qwen2.5-0.5B-Instruct-GGUF',
        'ADAPTER hf.co/someone/llama-lora:latest',
        ''
      ].join('\n')
    );
    expect(problems).toEqual([]);
    expect(record.upstreams.map((u) => [u.role, u.kind, u.id, u.revision, u.source.field, u.source.at.line])).toEqual([
      ['base', 'hub-id', 'bartowski/Llama-3.2-1B-Instruct-GGUF', undefined, 'from[0]', 1],
      ['base', 'hub-id', 'Qwen/Qwen2.5-0.5B-Instruct-GGUF', undefined, 'from[1]', 2],
      ['upstream', 'hub-id', 'someone/llama-lora', undefined, 'adapter[0]', 3]
    ]);
    expect(record.upstreams[0].recovered).toBe(
      "read bartowski/Llama-3.2-1B-Instruct-GGUF from Ollama's hf.co reference " +
        '`hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF:Q4_K_M` (`:Q4_K_M` picks a quantisation, not a revision)'
    );
    expect(findings('unresolvable-upstream', record)).toEqual([]);
  });

  it('a local ADAPTER is a parent artifact, not an upstream model', () => {
    const { record } = read('FROM llama3.2\nADAPTER ./lora.gguf\nADAPTER "/abs/adapter dir"\nADAPTER my-lora\n');
    expect(record.upstreams.map((u) => u.kind)).toEqual(['ollama-library']);
    // Ollama resolves every ADAPTER on disk, so a bare name is a directory next to the Modelfile.
    expect(record.localRefs?.map((l) => [l.raw, l.role, l.source.field, l.source.at.line])).toEqual([
      ['./lora.gguf', 'upstream', 'adapter[0]', 2],
      ['/abs/adapter dir', 'upstream', 'adapter[1]', 3],
      ['my-lora', 'upstream', 'adapter[2]', 4]
    ]);
    expect(read('FROM a\nADAPTER ""\n').record.upstreams.map((u) => [u.role, u.kind])).toEqual([
      ['base', 'ollama-library'],
      ['upstream', 'empty']
    ]);
  });

  it('registry names with a host or digest are Ollama models too; placeholders and URLs keep their kinds', () => {
    const kind = (from: string) => read(`FROM ${from}\n`).record.upstreams[0].kind;
    expect(kind('registry.ollama.ai/library/llama3:8b')).toBe('ollama-library');
    expect(kind('llama3@sha256:0123abcd')).toBe('ollama-library');
    expect(kind('models/x.safetensors')).toBe('local-path');
    expect(kind('~/models/x')).toBe('local-path');
    expect(kind('<path to your gguf>')).toBe('placeholder');
    expect(kind('https://example.com/x.gguf')).toBe('url');
    expect(kind('hf.co/only-one-segment')).toBe('url');
  });

  it('LICENSE: a short known id is the id, other text is named by its first line (bounded)', () => {
    const license = (text: string) => read(`FROM a\n${text}\n`).record.license;
    expect(license('LICENSE apache-2.0')).toMatchObject({ id: 'apache-2.0' });
    expect(license('LICENSE llama3.1')).toMatchObject({ id: 'llama3.1' });
    expect(license('LICENSE """\n\nMIT License\n\nCopyright (c) 2024 Someone\n"""')).toEqual({
      name: 'MIT License',
      source: { path: 'ollama/Modelfile', field: 'license[0]', at: { line: 2, column: 9, endLine: 7, endColumn: 4 } }
    });
    expect(license(`LICENSE """${'x'.repeat(500)}"""`)?.name).toHaveLength(120);
    // The first LICENSE is the model's; Ollama keeps the others as further license texts.
    expect(license('LICENSE mit\nLICENSE apache-2.0')).toMatchObject({ id: 'mit' });
  });

  it('a role Ollama does not accept is a schema problem with its position', () => {
    expect(read('FROM a\nMESSAGE robot hello\n').problems).toEqual([
      expect.stringMatching(/^2:9 `message\[0\]\.role` must be one of/)
    ]);
  });
});

describe('ollama-modelfile: detection and hostile files', () => {
  it('is read from names holding "modelfile" in any case; other extensions keep their syntax', () => {
    for (const name of ['Modelfile', 'modelfile', 'llama3.Modelfile', 'Modelfile.q4', 'x.modelfile'])
      expect([name, read('FROM a\n', `m/${name}`).record.format]).toEqual([name, 'ollama-modelfile']);
    expect(readManifest('m/modelfile.json', Buffer.from('{"from": ["a"]}')).kind).toBe('not-a-manifest');
  });

  it('a Dockerfile named Modelfile is unreadable at its first non-Modelfile line; plain text is no Modelfile', () => {
    const docker = readManifest('m/Modelfile', Buffer.from('FROM ubuntu:22.04\nRUN apt-get update\n'));
    expect(docker).toEqual({
      kind: 'unreadable',
      problem: {
        path: 'm/Modelfile',
        reason:
          '`RUN` is not a Modelfile instruction (FROM, ADAPTER, PARAMETER, TEMPLATE, SYSTEM, LICENSE, MESSAGE, ' +
          'REQUIRES …, each followed by its value), so Ollama would refuse this file',
        at: { line: 2, column: 1, endLine: 2, endColumn: 19 }
      }
    });
    expect(readManifest('m/Modelfile', Buffer.from('PARAMETER temperature 1\n'))).toMatchObject({
      kind: 'unreadable',
      problem: { reason: 'it has no FROM instruction, so Ollama would refuse it' }
    });
    expect(readManifest('m/Modelfile', Buffer.from('just some notes\n')).kind).toBe('not-a-manifest');
    expect(readManifest('m/Modelfile', Buffer.from('')).kind).toBe('not-a-manifest');
  });

  it('is never detected in JSON or YAML content, and never claims JSON or YAML', () => {
    expect(detectFormat({ from: ['llama3.2'] }, 'x.yaml', 'yaml')).toBeUndefined();
    expect(detectFormat({ merge_method: 'slerp' }, 'Modelfile', 'modelfile')).toBeUndefined();
  });

  it('binary, non-UTF-8, oversized and unterminated files are unreadable with a reason', () => {
    const reason = (bytes: Buffer, size?: number) => {
      const r = readManifest('m/Modelfile', bytes, size);
      return r.kind === 'unreadable' ? r.problem.reason : r.kind;
    };
    expect(reason(Buffer.from([0x46, 0x52, 0x00, 0x01]))).toMatch(/binary/);
    expect(reason(Buffer.from([0x46, 0x52, 0x4f, 0x4d, 0x20, 0xff, 0xfe, 0x0a]))).toMatch(/UTF-8/);
    expect(reason(Buffer.from('FROM a\n'), MAX_MANIFEST_BYTES + 1)).toMatch(/over the 1 MiB/);
    expect(reason(Buffer.from('FROM a\nTEMPLATE """{{ .Prompt }}\n'))).toMatch(/never closes/);
  });

  it('any bytes named Modelfile give a record, a problem or "not a manifest" in bounded time', () => {
    const parts = ['FROM ', 'ADAPTER ', 'LICENSE ', 'hf.co/', 'a/b', ':q4', '"', '"""', '\n', '\r', ' ', '__proto__'];
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 500 }).map((b) => Buffer.from(b)),
      fc
        .array(fc.oneof(fc.constantFrom(...parts), fc.string({ maxLength: 6 })), { maxLength: 50 })
        .map((p) => Buffer.from(p.join('')))
    );
    fc.assert(
      fc.property(bytes, (b) => {
        const r = timed(() => readManifest('m/Modelfile', b));
        expect(['record', 'unreadable', 'not-a-manifest']).toContain(r.kind);
      }),
      { numRuns: FC_RUNS }
    );
  });
});
