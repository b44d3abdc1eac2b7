#!/usr/bin/env node
/**
 * Writes the hostile corpus (issue #10): __tests__/fixtures/hostile/<group>/<case>/… and cases.json.
 * Every case is a small workspace directory of hostile manifests, or a description (`runtime`) of
 * what git cannot hold or what would be too big to commit — FIFOs, sockets, chmod 000, links out of
 * the workspace, sparse or repeated content — which __tests__/e2e/hostile-corpus.test.ts creates.
 *
 *   node scripts/hostile-corpus.mjs [--out DIR]
 *
 * Deterministic: a seeded generator and no clock, so re-running gives byte-identical output
 * (__tests__/unit/hostile-corpus.test.ts checks the committed tree is fresh).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from './seeded-random.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SEED = 0x10ca5e;

const random = seededRandom(SEED);
const randomBytes = (n) => Buffer.from(Array.from({ length: n }, () => Math.floor(random() * 256)));

const peftObject = (base = 'Qwen/Qwen3-4B', extra = {}) => ({
  peft_type: 'LORA',
  base_model_name_or_path: base,
  r: 8,
  lora_alpha: 16,
  task_type: 'CAUSAL_LM',
  ...extra
});
const peft = (base, extra) => JSON.stringify(peftObject(base, extra), null, 2) + '\n';
const card = (front) => `---\n${front}---\n\n# Model\n`;
const CARD_GOOD = 'base_model: Qwen/Qwen3-4B\nlicense: apache-2.0\n';
const lineage = (id = 'Qwen/Qwen3-4B', license = 'apache-2.0') =>
  `schema: 1\nupstreams:\n  - id: ${id}\nlicense: { id: ${license} }\n`;
const training = (base = 'Qwen/Qwen3-4B') =>
  JSON.stringify(
    { vocab_size: 151936, d_model: 2560, n_heads: 32, n_layers: 36, base_model: base, rank: 16, alpha: 32.0 },
    null,
    2
  ) + '\n';
const populi = (base = 'Qwen/Qwen3-4B') =>
  JSON.stringify({ format: 'vox_mens_adapter', version: 3, rank: 16, alpha: 32, base_model: base }, null, 2) + '\n';

const utf16 = (text, { bom = true, bigEndian = false } = {}) => {
  const le = Buffer.from(text, 'utf16le');
  const body = bigEndian ? Buffer.from(le).swap16() : le;
  const mark = bigEndian ? Buffer.from([0xfe, 0xff]) : Buffer.from([0xff, 0xfe]);
  return bom ? Buffer.concat([mark, body]) : body;
};

/** A finding expected among the report's: rule id and the file, relative to the case's directory. */
const finding = (ruleId, path) => ({ ruleId, path });
const unreadable = (path) => ({ exit: 1, findings: [finding('unreadable-manifest', path)] });
const rule = (ruleId, path) => ({ exit: 1, findings: [finding(ruleId, path)] });

const cases = [];
/**
 * A case: `files` maps a path (inside the case directory) to text or bytes committed in the fixture;
 * `runtime` lists what the test creates; `expect` says the outcome.
 */
function add(group, id, description, { files = {}, runtime, expect, service, policy, knownGap }) {
  // Run alone, not batched: what a non-root user cannot read, or a path the system cannot name, may sink a batch.
  const isolated = runtime?.some((r) => r.kind.startsWith('chmod000') || r.kind === 'long-path');
  cases.push({ id: `${group}/${id}`, group, description, files, runtime, expect, service, policy, knownGap, isolated });
}

// ---------------------------------------------------------------- encodings
{
  const g = 'encodings';
  const targets = [
    ['peft', 'adapter_config.json', peft('Qwen/Qwen3-4B', { license: 'apache-2.0' })],
    ['card', 'README.md', card(CARD_GOOD)],
    ['lineage', 'lineage.yaml', lineage()],
    ['training', 'training_manifest.json', training()],
    ['populi', 'populi_adapter_manifest_v3.json', populi()]
  ];
  for (const [kind, file, text] of targets) {
    add(g, `${kind}-utf16le-bom`, `${file} in UTF-16 LE with a byte-order mark`, {
      files: { [file]: utf16(text) },
      expect: unreadable(file)
    });
    add(g, `${kind}-utf16be-bom`, `${file} in UTF-16 BE with a byte-order mark`, {
      files: { [file]: utf16(text, { bigEndian: true }) },
      expect: unreadable(file)
    });
    add(g, `${kind}-utf16le-nobom`, `${file} in UTF-16 LE without a byte-order mark`, {
      files: { [file]: utf16(text, { bom: false }) },
      expect: unreadable(file)
    });
    add(g, `${kind}-invalid-utf8`, `${file} with invalid UTF-8 (0xC3 0x28, 0xFF) in a value`, {
      files: {
        [file]: Buffer.concat([
          Buffer.from(text.slice(0, 20)),
          Buffer.from([0xc3, 0x28, 0xff]),
          Buffer.from(text.slice(20))
        ])
      },
      expect: unreadable(file)
    });
    add(g, `${kind}-nul-bytes`, `${file} with NUL bytes inside`, {
      files: { [file]: Buffer.concat([Buffer.from(text.slice(0, 10)), Buffer.alloc(4), Buffer.from(text.slice(10))]) },
      expect: unreadable(file)
    });
  }
  add(g, 'peft-utf8-bom', 'adapter_config.json with a UTF-8 byte-order mark (accepted as UTF-8)', {
    files: { 'adapter_config.json': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(peft())]) },
    expect: rule('missing-license', 'adapter_config.json')
  });
  add(g, 'card-utf8-bom', 'README.md with a UTF-8 byte-order mark before the front matter', {
    files: { 'README.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(card(CARD_GOOD))]) },
    expect: rule('unpinned-revision', 'README.md')
  });
  add(g, 'card-lone-cr', 'README.md front matter with lone CR line ends', {
    files: { 'README.md': card(CARD_GOOD).replace(/\n/g, '\r') },
    expect: unreadable('README.md')
  });
  add(g, 'card-crlf', 'README.md with CRLF line ends (accepted)', {
    files: { 'README.md': card(CARD_GOOD).replace(/\n/g, '\r\n') },
    expect: rule('unpinned-revision', 'README.md')
  });
  add(g, 'card-mixed-eol', 'README.md mixing LF, CRLF and lone CR', {
    files: { 'README.md': '---\r\nbase_model: Qwen/Qwen3-4B\rlicense: apache-2.0\n---\r\n' },
    expect: unreadable('README.md')
  });
  add(g, 'lineage-crlf', 'lineage.yaml with CRLF line ends (accepted)', {
    files: { 'lineage.yaml': lineage().replace(/\n/g, '\r\n') },
    expect: rule('unpinned-revision', 'lineage.yaml')
  });
  add(g, 'peft-overlong-utf8', 'adapter_config.json with an overlong encoding of "/" (0xC0 0xAF) in the id', {
    files: {
      'adapter_config.json': Buffer.concat([
        Buffer.from('{"peft_type":"LORA","base_model_name_or_path":"Qwen'),
        Buffer.from([0xc0, 0xaf]),
        Buffer.from('Qwen3-4B","r":8}')
      ])
    },
    expect: unreadable('adapter_config.json')
  });
  add(g, 'peft-zero-width-id', 'base model id with a zero-width space (U+200B) inside', {
    files: { 'adapter_config.json': peft('Qwen/Qwen\u200b3-4B') },
    expect: rule('invalid-hub-id', 'adapter_config.json')
  });
  add(g, 'peft-bidi-id', 'base model id with a right-to-left override (U+202E)', {
    files: { 'adapter_config.json': peft('Qwen/\u202eB4-3newQ') },
    expect: rule('invalid-hub-id', 'adapter_config.json')
  });
  add(g, 'card-bidi-license', 'license with a right-to-left override inside', {
    files: { 'README.md': card('base_model: Qwen/Qwen3-4B\nlicense: "apache\u202e-2.0"\n') },
    expect: rule('unknown-license', 'README.md')
  });
  add(g, 'card-zero-width-license', 'license with a zero-width joiner inside', {
    files: { 'README.md': card('base_model: Qwen/Qwen3-4B\nlicense: "mi\u200dt"\n') },
    expect: rule('unknown-license', 'README.md')
  });
  // A README.md without front matter is no model card (most READMEs are not): not checked, by design.
  const emptyOutcome = {
    peft: unreadable('adapter_config.json'),
    card: { exit: 1, findings: [], notChecked: true },
    lineage: rule('schema-violation', 'lineage.yaml')
  };
  for (const [kind, file] of [
    ['peft', 'adapter_config.json'],
    ['card', 'README.md'],
    ['lineage', 'lineage.yaml']
  ]) {
    add(g, `${kind}-empty`, `empty ${file}`, { files: { [file]: '' }, expect: emptyOutcome[kind] });
    add(g, `${kind}-whitespace`, `${file} of whitespace only`, {
      files: { [file]: ' \n\t\n  \n' },
      expect: emptyOutcome[kind]
    });
    add(g, `${kind}-only-bom`, `${file} holding only a UTF-8 byte-order mark`, {
      files: { [file]: Buffer.from([0xef, 0xbb, 0xbf]) },
      expect: emptyOutcome[kind]
    });
  }
  add(g, 'card-latin1', 'README.md in Latin-1 (é as 0xE9) in the license name', {
    files: {
      'README.md': Buffer.from('---\nbase_model: Qwen/Qwen3-4B\nlicense: other\nlicense_name: caf\xe9\n---\n', 'latin1')
    },
    expect: unreadable('README.md')
  });
  add(g, 'lineage-random-bytes', 'lineage.yaml of 512 seeded random bytes', {
    files: { 'lineage.yaml': randomBytes(512) },
    expect: unreadable('lineage.yaml')
  });
}

// ---------------------------------------------------------------- JSON
{
  const g = 'json';
  const F = 'adapter_config.json';
  const bad = (id, description, text, expect = unreadable(F)) =>
    add(g, id, description, { files: { [F]: text }, expect });
  const nest = (open, close, n, inner = '1') => open.repeat(n) + inner + close.repeat(n);
  bad('nest-100-arrays', '100 nested arrays in a value', `{"peft_type":"LORA","x":${nest('[', ']', 100)}}`);
  bad('nest-100-objects', '100 nested objects in a value', `{"peft_type":"LORA","x":${nest('{"a":', '}', 100)}}`);
  for (const n of [2000, 100000]) {
    add(g, `nest-${n}-arrays`, `${n} nested arrays (generated at test time)`, {
      runtime: [
        {
          kind: 'repeat',
          path: F,
          prefix: '{"peft_type":"LORA","x":',
          unit: '[',
          times: n,
          suffix: ']'.repeat(0) + '}'
        }
      ],
      expect: unreadable(F)
    });
    add(g, `nest-${n}-objects`, `${n} nested objects (generated at test time)`, {
      runtime: [{ kind: 'repeat', path: F, prefix: '{"x":', unit: '{"a":', times: n, suffix: '1' }],
      expect: unreadable(F)
    });
  }
  add(g, 'nest-5000-unclosed', '5,000 `[` never closed (generated at test time)', {
    runtime: [{ kind: 'repeat', path: F, prefix: '', unit: '[', times: 5000, suffix: '' }],
    expect: unreadable(F)
  });
  bad(
    'dup-top-level',
    'base_model_name_or_path twice at the top level',
    `{"peft_type":"LORA","base_model_name_or_path":"Qwen/Qwen3-4B","r":8,"base_model_name_or_path":"evil/model"}`
  );
  bad(
    'dup-license',
    '`license` twice',
    `{"peft_type":"LORA","base_model_name_or_path":"Qwen/Qwen3-4B","license":"mit","license":"cc-by-nc-4.0"}`
  );
  bad(
    'dup-nested',
    'a duplicate key in a nested object',
    `{"peft_type":"LORA","base_model_name_or_path":"Qwen/Qwen3-4B","x":{"a":1,"a":2}}`
  );
  bad(
    'dup-escaped',
    'duplicate keys spelt differently (\\u0072 = r)',
    `{"peft_type":"LORA","base_model_name_or_path":"Qwen/Qwen3-4B","r":8,"\\u0072":64}`
  );
  bad('trailing-comma', 'a trailing comma', `{"peft_type":"LORA","base_model_name_or_path":"Qwen/Qwen3-4B",}`);
  bad(
    'comments',
    'a // comment and a /* */ comment',
    `{// hi\n"peft_type":"LORA",/* x */"base_model_name_or_path":"Qwen/Qwen3-4B"}`
  );
  bad('nan', 'NaN as r', `{"peft_type":"LORA","base_model_name_or_path":"Qwen/Qwen3-4B","r":NaN}`);
  bad(
    'infinity',
    'Infinity as lora_alpha',
    `{"peft_type":"LORA","base_model_name_or_path":"Qwen/Qwen3-4B","lora_alpha":Infinity}`
  );
  bad(
    'huge-number',
    'r = 1e400 (beyond double)',
    `{"peft_type":"LORA","base_model_name_or_path":"Qwen/Qwen3-4B","r":1e400}`,
    rule('schema-violation', F)
  );
  bad(
    'long-integer',
    'r = a 400-digit integer',
    `{"peft_type":"LORA","base_model_name_or_path":"Qwen/Qwen3-4B","r":${'9'.repeat(400)}}`,
    rule('schema-violation', F)
  );
  bad(
    'negative-zero',
    'r = -0',
    `{"peft_type":"LORA","base_model_name_or_path":"Qwen/Qwen3-4B","r":-0}`,
    rule('missing-license', F)
  );
  bad('single-quotes', 'single-quoted strings', `{'peft_type':'LORA'}`);
  bad('unquoted-keys', 'unquoted keys', `{peft_type:"LORA"}`);
  add(g, 'huge-string', 'a 900 KB string value (generated at test time)', {
    runtime: [
      {
        kind: 'repeat',
        path: F,
        prefix: '{"peft_type":"LORA","base_model_name_or_path":"Qwen/Qwen3-4B","note":"',
        unit: 'A',
        times: 900_000,
        suffix: '"}'
      }
    ],
    expect: rule('missing-license', F)
  });
  add(g, 'over-1mib', 'a 2 MB manifest, over the 1 MiB read bound (generated at test time)', {
    runtime: [
      { kind: 'repeat', path: F, prefix: '{"peft_type":"LORA","note":"', unit: 'B', times: 2_000_000, suffix: '"}' }
    ],
    expect: unreadable(F)
  });
  const wrongTypes = [
    ['base-array', 'base_model_name_or_path as an array', { base_model_name_or_path: ['Qwen/Qwen3-4B', 'evil/x'] }],
    ['base-number', 'base_model_name_or_path as a number', { base_model_name_or_path: 42 }],
    ['base-object', 'base_model_name_or_path as an object', { base_model_name_or_path: { id: 'Qwen/Qwen3-4B' } }],
    ['base-null', 'base_model_name_or_path null', { base_model_name_or_path: null }],
    ['base-bool', 'base_model_name_or_path true', { base_model_name_or_path: true }],
    ['r-string', 'r as a string', { r: '8' }],
    ['r-object', 'r as an object', { r: { value: 8 } }],
    ['r-negative', 'r negative', { r: -8 }],
    ['r-float', 'r fractional', { r: 8.5 }],
    ['alpha-array', 'lora_alpha as an array', { lora_alpha: [16] }],
    ['license-object', 'license as an object', { license: { id: 'mit' } }],
    ['license-number', 'license as a number', { license: 2 }],
    ['license-array', 'license as an array', { license: ['mit', 'apache-2.0'] }],
    ['revision-number', 'revision as a number', { revision: 1234567 }],
    ['revision-object', 'revision as an object', { revision: { sha: 'abc' } }],
    ['peft-type-number', 'peft_type as a number', { peft_type: 3 }],
    ['target-modules-object', 'target_modules as an object', { target_modules: { q: 1 } }]
  ];
  // What the gate does with each: a base it cannot use is unresolvable; fields PEFT does not define are not read.
  const wrongTypeRule = {
    'base-null': 'unresolvable-upstream',
    'license-object': 'missing-license',
    'license-number': 'missing-license',
    'license-array': 'missing-license',
    'target-modules-object': 'missing-license'
  };
  for (const [id, description, extra] of wrongTypes)
    bad(
      `type-${id}`,
      description,
      JSON.stringify(peftObject('Qwen/Qwen3-4B', extra)),
      rule(wrongTypeRule[id] ?? 'schema-violation', F)
    );
  bad('top-array', 'top-level array', '[{"peft_type":"LORA"}]', rule('schema-violation', F));
  bad('top-string', 'top-level string', '"Qwen/Qwen3-4B"', rule('schema-violation', F));
  bad('top-null', 'top-level null', 'null', rule('schema-violation', F));
  bad('top-number', 'top-level number', '8', rule('schema-violation', F));
  const whole = peft('Qwen/Qwen3-4B', { license: 'apache-2.0' });
  for (const at of [1, 17, 40, whole.length - 2])
    bad(`truncated-${at}`, `a valid manifest truncated after ${at} bytes`, whole.slice(0, at));
  bad(
    'proto-key',
    '`__proto__` carrying a base model',
    `{"peft_type":"LORA","__proto__":{"base_model_name_or_path":"evil/x","license":"mit"}}`,
    rule('missing-upstream', F)
  );
  // Brackets inside JSON strings are characters, not nesting (the YAML pre-check gets this wrong; see yaml/).
  for (const [name, open] of [
    ['brackets-in-string', '['],
    ['braces-in-string', '{']
  ])
    add(g, name, `200 \`${open}\` inside a string value`, {
      files: { [F]: JSON.stringify(peftObject('Qwen/Qwen3-4B', { notes: open.repeat(200) })) },
      expect: { ...rule('unpinned-revision', F), absent: ['unreadable-manifest'] }
    });
  bad(
    'proto-revision',
    '`__proto__` carrying a pinned revision',
    `{"peft_type":"LORA","base_model_name_or_path":"Qwen/Qwen3-4B","__proto__":{"revision":"${'1'.repeat(40)}"}}`,
    rule('unpinned-revision', F)
  );
  bad(
    'constructor-key',
    '`constructor` and `prototype` keys',
    `{"peft_type":"LORA","base_model_name_or_path":"Qwen/Qwen3-4B","constructor":{"prototype":{"license":"mit"}}}`,
    rule('missing-license', F)
  );
  bad(
    'long-key',
    'a 100,000-character key',
    `{"peft_type":"LORA","base_model_name_or_path":"Qwen/Qwen3-4B","${'k'.repeat(100_000)}":1}`,
    rule('missing-license', F)
  );
  add(g, 'ten-thousand-keys', '10,000 keys (generated at test time)', {
    runtime: [
      { kind: 'keys', path: F, count: 10_000, prefix: '{"peft_type":"LORA","base_model_name_or_path":"Qwen/Qwen3-4B",' }
    ],
    expect: rule('missing-license', F)
  });
  add(g, 'mens-training-type', 'training_manifest.json with base_model as an array', {
    files: {
      'training_manifest.json': JSON.stringify({ base_model: ['Qwen/Qwen3-4B'], rank: 16, alpha: 32, d_model: 2560 })
    },
    expect: rule('schema-violation', 'training_manifest.json')
  });
  add(g, 'mens-populi-dup', 'populi_adapter_manifest_v3.json with base_model twice', {
    files: {
      'populi_adapter_manifest_v3.json':
        '{"format":"vox_mens_adapter","version":3,"base_model":"Qwen/Qwen3-4B","base_model":"evil/x"}'
    },
    expect: unreadable('populi_adapter_manifest_v3.json')
  });
}

// ---------------------------------------------------------------- YAML
{
  const g = 'yaml';
  const L = 'lineage.yaml';
  const R = 'README.md';
  const y = (id, description, text, expect = unreadable(L)) =>
    add(g, id, description, { files: { [L]: text }, expect });
  const c = (id, description, text, expect = unreadable(R)) =>
    add(g, id, description, { files: { [R]: text }, expect });
  c(
    'front-never-closed',
    'front matter opened and never closed',
    '---\nbase_model: Qwen/Qwen3-4B\nlicense: apache-2.0\n\n# Model\n'
  );
  c('front-only-open', 'a card of one `---` line', '---\n');
  c('front-empty', 'empty front matter (a card without metadata is not checked)', '---\n---\n# Model\n', {
    exit: 1,
    findings: [],
    notChecked: true
  });
  add(g, 'front-list', 'front matter that is a list of model-card keys (`- base_model: …`)', {
    files: { [R]: '---\n- base_model: Qwen/Qwen3-4B\n- license: apache-2.0\n---\n' },
    expect: unreadable(R)
  });
  // `---` lines around text are Markdown thematic breaks as often as front matter: no card, no finding.
  add(g, 'front-scalar', 'front matter that is a scalar (a README between two `---` rules)', {
    files: { [R]: '---\njust text\n---\n' },
    expect: { exit: 1, findings: [], notChecked: true }
  });
  const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++)
    laughs.push(
      `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
        .fill(`*${String.fromCharCode(96 + i)}`)
        .join(',')}]`
    );
  y(
    'billion-laughs',
    'billion laughs: 10 levels of 9 aliases',
    `schema: 1\n${laughs.join('\n')}\nupstreams:\n  - id: Qwen/Qwen3-4B\n`
  );
  c(
    'billion-laughs-card',
    'billion laughs in front matter',
    `---\n${laughs.join('\n')}\nbase_model: Qwen/Qwen3-4B\nlicense: apache-2.0\n---\n`
  );
  y('self-anchor', 'a self-referencing anchor', 'schema: 1\nx: &x\n  y: *x\nupstreams:\n  - id: Qwen/Qwen3-4B\n');
  y(
    'self-anchor-seq',
    'a self-referencing sequence anchor',
    'schema: 1\nx: &x [*x, *x]\nupstreams:\n  - id: Qwen/Qwen3-4B\n'
  );
  y(
    'merge-keys',
    'merge keys bringing in the upstream',
    'base: &b\n  id: Qwen/Qwen3-4B\nschema: 1\nupstreams:\n  - <<: *b\nlicense: { id: apache-2.0 }\n',
    rule('schema-violation', L)
  );
  y(
    'merge-override',
    'a merge key overridden by an explicit id',
    'base: &b\n  id: evil/x\nschema: 1\nupstreams:\n  - <<: *b\n    id: Qwen/Qwen3-4B\nlicense: { id: apache-2.0 }\n',
    rule('schema-violation', L)
  );
  y(
    'tag-python',
    '!!python/object/apply tag',
    'schema: 1\nupstreams:\n  - id: !!python/object/apply:os.system ["id"]\nlicense: { id: apache-2.0 }\n',
    rule('schema-violation', L)
  );
  y(
    'tag-binary',
    '!!binary license',
    'schema: 1\nupstreams:\n  - id: Qwen/Qwen3-4B\nlicense: { id: !!binary YXBhY2hlLTIuMA== }\n',
    rule('schema-violation', L)
  );
  y(
    'tag-custom',
    'a custom !include tag',
    'schema: 1\nupstreams: !include /etc/passwd\nlicense: { id: apache-2.0 }\n',
    rule('schema-violation', L)
  );
  c(
    'tag-js-function',
    '!!js/function in front matter',
    '---\nbase_model: !!js/function "function(){return 1}"\nlicense: apache-2.0\n---\n',
    rule('unresolvable-upstream', R)
  );
  // A `__proto__` key must stay a key: an inherited license or upstream would be a forged claim.
  c(
    'proto-card',
    '`__proto__` carrying the license in front matter',
    `---\nbase_model: Qwen/Qwen3-4B\n__proto__:\n  license: apache-2.0\n---\n`,
    rule('missing-license', R)
  );
  y(
    'proto-lineage',
    '`__proto__` carrying the license in lineage.yaml',
    'schema: 1\nupstreams:\n  - id: Qwen/Qwen3-4B\n__proto__:\n  license: { id: apache-2.0 }\n',
    rule('missing-license', L)
  );
  y(
    'proto-upstream',
    '`__proto__` carrying an upstream id',
    'schema: 1\nupstreams:\n  - __proto__: { id: Qwen/Qwen3-4B }\nlicense: { id: apache-2.0 }\n',
    rule('missing-upstream', L)
  );
  y(
    'dup-keys',
    'upstreams twice',
    'schema: 1\nupstreams:\n  - id: Qwen/Qwen3-4B\nupstreams:\n  - id: evil/x\nlicense: { id: apache-2.0 }\n'
  );
  c(
    'dup-license-card',
    'license twice in front matter',
    '---\nbase_model: Qwen/Qwen3-4B\nlicense: apache-2.0\nlicense: cc-by-nc-4.0\n---\n'
  );
  y(
    'dup-nested',
    'a duplicate key inside an upstream',
    'schema: 1\nupstreams:\n  - id: Qwen/Qwen3-4B\n    id: evil/x\nlicense: { id: apache-2.0 }\n'
  );
  y('multi-document', 'two YAML documents', `${lineage()}---\n${lineage('evil/x', 'mit')}`);
  c(
    'multi-document-card',
    'a second document inside the front matter',
    '---\nbase_model: Qwen/Qwen3-4B\n---\nlicense: mit\n---\n',
    { exit: 1, findings: [finding('missing-license', R)] }
  );
  y('tabs', 'tab indentation', 'schema: 1\nupstreams:\n\t- id: Qwen/Qwen3-4B\nlicense: { id: apache-2.0 }\n');
  add(g, 'flow-nest-1500', '1,500 nested flow sequences (generated at test time)', {
    runtime: [{ kind: 'repeat', path: L, prefix: 'schema: 1\nx: ', unit: '[', times: 1500, suffix: '' }],
    expect: unreadable(L)
  });
  add(g, 'flow-map-nest-1500', '1,500 nested flow mappings (generated at test time)', {
    runtime: [{ kind: 'repeat', path: L, prefix: 'schema: 1\nx: ', unit: '{a: ', times: 1500, suffix: '1' }],
    expect: unreadable(L)
  });
  add(g, 'block-nest-300', '300 nested block mappings (generated at test time)', {
    runtime: [{ kind: 'indent', path: L, prefix: 'schema: 1\n', key: 'a', times: 300 }],
    expect: unreadable(L)
  });
  y(
    'block-scalar',
    'a license in a literal block scalar',
    'schema: 1\nupstreams:\n  - id: Qwen/Qwen3-4B\nlicense:\n  id: |\n    apache-2.0\n',
    rule('unpinned-revision', L)
  );
  y(
    'folded-scalar',
    'an id in a folded block scalar',
    'schema: 1\nupstreams:\n  - id: >-\n      Qwen/Qwen3-4B\nlicense: { id: apache-2.0 }\n',
    rule('unpinned-revision', L)
  );
  // Attribution text is free text: brackets in it are characters, not nesting.
  add(g, 'brackets-in-block-scalar', '80 unbalanced `[` inside a block scalar (attribution text)', {
    files: {
      [L]:
        'schema: 1\nupstreams:\n  - id: Qwen/Qwen3-4B\nlicense: { id: apache-2.0 }\n' +
        `attribution:\n  text: |\n    ${'['.repeat(80)}\n`
    },
    expect: { ...rule('unpinned-revision', L), absent: ['unreadable-manifest'] }
  });
  const cardWith = (line) => `---\nbase_model: Qwen/Qwen3-4B\nlicense: apache-2.0\n${line}\n---\n`;
  for (const [name, description, line, knownGap] of [
    [
      'braces-in-card-block-scalar',
      '70 `{` in a block scalar of the front matter',
      `model_name: |\n  ${'{'.repeat(70)}`,
      undefined
    ],
    ['brackets-in-plain-scalar', '70 `[` inside a plain scalar (`x[[[…`)', `model_name: x${'['.repeat(70)}`, undefined],
    ['brackets-in-quoted-scalar', '70 `[` inside a double-quoted scalar', `model_name: "${'['.repeat(70)}"`, undefined],
    ['brackets-in-comment', '70 `[` inside a YAML comment', `# ${'['.repeat(70)}`, undefined]
  ])
    add(g, name, description, {
      files: { [R]: cardWith(line) },
      expect: { ...rule('unpinned-revision', R), absent: ['unreadable-manifest'] },
      knownGap
    });
  c(
    'brackets-in-card-body',
    '80 `[` in the card body after the front matter',
    `---\n${CARD_GOOD}---\n\n${'['.repeat(80)}\n`,
    rule('unpinned-revision', R)
  );
  y(
    'timestamp-revision',
    'a revision that YAML reads as a timestamp',
    'schema: 1\nupstreams:\n  - id: Qwen/Qwen3-4B\n    revision: 2024-05-01\nlicense: { id: apache-2.0 }\n',
    rule('unpinned-revision', L)
  );
  y(
    'number-revision',
    'a 40-digit revision YAML reads as a number',
    `schema: 1\nupstreams:\n  - id: Qwen/Qwen3-4B\n    revision: ${'1'.repeat(40)}\nlicense: { id: apache-2.0 }\n`,
    rule('schema-violation', L)
  );
  y(
    'octal-like-revision',
    'a revision 0777 (octal in YAML 1.1)',
    'schema: 1\nupstreams:\n  - id: Qwen/Qwen3-4B\n    revision: 0777\nlicense: { id: apache-2.0 }\n',
    rule('schema-violation', L)
  );
  y(
    'norway-license',
    'license id `no` (a boolean in YAML 1.1)',
    'schema: 1\nupstreams:\n  - id: Qwen/Qwen3-4B\nlicense: { id: no }\n',
    rule('unknown-license', L)
  );
  add(g, 'base-list-1000', 'base_model as a list of 1,000 entries (generated at test time)', {
    runtime: [
      {
        kind: 'lines',
        path: R,
        prefix: '---\nlicense: apache-2.0\nbase_model:\n',
        line: '- Qwen/Qwen3-4B-{i}',
        times: 1000,
        suffix: '---\n'
      }
    ],
    expect: rule('unpinned-revision', R)
  });
  c(
    'base-mapping',
    'base_model as a mapping',
    '---\nbase_model:\n  id: Qwen/Qwen3-4B\nlicense: apache-2.0\n---\n',
    rule('schema-violation', R)
  );
  c(
    'base-null',
    'base_model: null',
    '---\nbase_model: null\nlicense: apache-2.0\n---\n',
    rule('unresolvable-upstream', R)
  );
  y(
    'schema-string',
    'schema as a string',
    'schema: "1"\nupstreams:\n  - id: Qwen/Qwen3-4B\nlicense: { id: apache-2.0 }\n',
    rule('schema-violation', L)
  );
  y(
    'key-complex',
    'a complex mapping key (`? [a]`)',
    'schema: 1\n? [a, b]\n: c\nupstreams:\n  - id: Qwen/Qwen3-4B\nlicense: { id: apache-2.0 }\n',
    rule('schema-violation', L)
  );
  y(
    'directive',
    'a %YAML 1.1 directive and a %TAG',
    '%YAML 1.1\n%TAG ! tag:evil.example,2024:\n---\n' +
      'schema: 1\nupstreams:\n  - id: !x Qwen/Qwen3-4B\nlicense: { id: apache-2.0 }\n',
    rule('unpinned-revision', L)
  );
  // Training, merge and serving configs are read by content whatever their name (issue #11).
  add(g, 'modelfile-unclosed-quote', 'a Modelfile whose SYSTEM opens `"""` and never closes it', {
    files: { Modelfile: 'FROM hf.co/org/repo\nSYSTEM """never closed\n' },
    expect: unreadable('Modelfile')
  });
  add(g, 'axolotl-10k-datasets', 'an axolotl config listing 10,000 datasets', {
    files: {
      'qlora.yml':
        'base_model: Qwen/Qwen3-4B\nadapter: lora\nsequence_len: 512\ndatasets:\n' +
        Array.from({ length: 10000 }, (_, i) => `  - path: org/ds${i}\n    type: alpaca\n`).join('')
    },
    expect: { ...rule('unpinned-revision', 'qlora.yml'), exit: 0, absent: ['unreadable-manifest'] }
  });
  add(g, 'mergekit-two-documents', 'a mergekit config holding two YAML documents (mergekit-multi)', {
    files: { 'mergekit_config.yml': 'merge_method: slerp\nbase_model: Qwen/Qwen3-4B\n---\nmerge_method: linear\n' },
    expect: unreadable('mergekit_config.yml')
  });
  add(g, 'llamafactory-interpolation', 'a LLaMA-Factory config whose model is a `${MODEL}` interpolation', {
    files: { 'sft.yaml': 'model_name_or_path: ${MODEL}\nstage: sft\nfinetuning_type: lora\n' },
    expect: rule('unresolvable-upstream', 'sft.yaml')
  });
  add(g, 'helm-template', 'a Helm template (not YAML until rendered) that names no model', {
    files: { 'deploy.yaml': 'metadata:\n  name: {{ .Release.Name }}\n  labels: {{- include "x" . }}\n' },
    expect: { exit: 0, findings: [], notChecked: true }
  });
}

// ---------------------------------------------------------------- file system
{
  const g = 'filesystem';
  const special = (id, description, runtime, expect, knownGap) =>
    add(g, id, description, { runtime, expect, knownGap });
  for (const file of ['adapter_config.json', 'README.md', 'lineage.yaml', 'training_manifest.json']) {
    const kind = file.split(/[._]/)[0];
    special(`fifo-${kind}`, `a FIFO named ${file}`, [{ kind: 'fifo', path: file }], unreadable(file));
    special(
      `symlink-passwd-${kind}`,
      `${file} a symbolic link to /etc/passwd`,
      [{ kind: 'symlink', path: file, target: '/etc/passwd' }],
      unreadable(file)
    );
    special(
      `chmod000-${kind}`,
      `${file} with mode 000`,
      [{ kind: 'chmod000', path: file, content: peft() }],
      unreadable(file)
    );
  }
  special(
    'fifo-weights',
    'a FIFO named adapter_model.safetensors next to a manifest',
    [
      { kind: 'fifo', path: 'adapter_model.safetensors' },
      { kind: 'file', path: 'adapter_config.json', content: peft() }
    ],
    unreadable('adapter_model.safetensors')
  );
  special(
    'fifo-gguf',
    'a FIFO named model.gguf next to a card',
    [
      { kind: 'fifo', path: 'model.gguf' },
      { kind: 'file', path: 'README.md', content: card(CARD_GOOD) }
    ],
    unreadable('model.gguf')
  );
  special(
    'socket-peft',
    'a Unix socket named adapter_config.json',
    [{ kind: 'socket', path: 'adapter_config.json' }],
    unreadable('adapter_config.json')
  );
  special(
    'chmod000-dir',
    'a directory with mode 000 holding a manifest',
    [{ kind: 'chmod000-dir', path: 'locked', content: peft() }],
    rule('unreadable-manifest', 'locked')
  );
  special(
    'symlink-out-dir',
    'a directory link out of the workspace holding a manifest',
    [{ kind: 'symlink-outside-dir', path: 'elsewhere', content: peft() }],
    { exit: 1, findings: [], notChecked: true }
  );
  special(
    'symlink-out-file',
    'adapter_config.json a link to a manifest outside the workspace',
    [{ kind: 'symlink-outside-file', path: 'adapter_config.json', content: peft() }],
    unreadable('adapter_config.json')
  );
  special(
    'symlink-loop',
    'adapter_config.json a link to itself',
    [{ kind: 'symlink', path: 'adapter_config.json', target: 'adapter_config.json' }],
    unreadable('adapter_config.json')
  );
  special(
    'symlink-loop-pair',
    'README.md and model_card.md linking to each other',
    [
      { kind: 'symlink', path: 'README.md', target: 'model_card.md' },
      { kind: 'symlink', path: 'model_card.md', target: 'README.md' }
    ],
    unreadable('README.md')
  );
  special(
    'symlink-dev-zero',
    'lineage.yaml a link to /dev/zero',
    [{ kind: 'symlink', path: 'lineage.yaml', target: '/dev/zero' }],
    unreadable('lineage.yaml')
  );
  special(
    'symlink-dev-urandom',
    'adapter_config.json a link to /dev/urandom',
    [{ kind: 'symlink', path: 'adapter_config.json', target: '/dev/urandom' }],
    unreadable('adapter_config.json')
  );
  special(
    'symlink-dev-zero-weights',
    'adapter_model.safetensors a link to /dev/zero',
    [
      { kind: 'symlink', path: 'adapter_model.safetensors', target: '/dev/zero' },
      { kind: 'file', path: 'adapter_config.json', content: peft() }
    ],
    unreadable('adapter_model.safetensors')
  );
  special(
    'symlink-inside',
    'README.md a link to a card inside the workspace (allowed)',
    [
      { kind: 'file', path: 'real/card.md', content: card(CARD_GOOD) },
      { kind: 'symlink', path: 'README.md', target: 'real/card.md' }
    ],
    rule('unpinned-revision', 'README.md')
  );
  add(g, 'dir-named-manifest', 'a directory named adapter_config.json', {
    files: { 'adapter_config.json/keep': 'x' },
    expect: unreadable('adapter_config.json')
  });
  special(
    'name-newline',
    'a manifest directory whose name holds a newline',
    [{ kind: 'file', path: 'a\nb/adapter_config.json', content: peft() }],
    rule('missing-license', 'a\nb/adapter_config.json')
  );
  special(
    'name-percent-0a',
    'a directory named with `%0A::set-output`',
    [{ kind: 'file', path: 'x%0A::set-output name=result::pass/adapter_config.json', content: peft() }],
    rule('missing-license', 'x%0A::set-output name=result::pass/adapter_config.json')
  );
  special(
    'name-colons',
    'a directory named `::error::owned`',
    [{ kind: 'file', path: '::error::owned/adapter_config.json', content: peft() }],
    rule('missing-license', '::error::owned/adapter_config.json')
  );
  special(
    'name-unicode',
    'a directory named with RTL override and emoji',
    [{ kind: 'file', path: 'mod\u202eel-\u{1f600}/adapter_config.json', content: peft() }],
    rule('missing-license', 'mod\u202eel-\u{1f600}/adapter_config.json')
  );
  special(
    'name-comma-equals',
    'a directory named `a,title=x,line=9`',
    [{ kind: 'file', path: 'a,title=x,line=9/adapter_config.json', content: peft() }],
    rule('missing-license', 'a,title=x,line=9/adapter_config.json')
  );
  special(
    'sparse-2g-safetensors',
    'a 2 GiB sparse adapter_model.safetensors (a zero header length)',
    [
      { kind: 'sparse', path: 'adapter_model.safetensors', size: 2 ** 31 },
      { kind: 'file', path: 'adapter_config.json', content: peft() }
    ],
    unreadable('adapter_model.safetensors')
  );
  add(g, 'truncated-gguf', 'a GGUF truncated after its magic and version', {
    files: { 'model.gguf': Buffer.from([0x47, 0x47, 0x55, 0x46, 3, 0, 0, 0, 1, 0]), 'README.md': card(CARD_GOOD) },
    expect: unreadable('model.gguf')
  });
  const headerLength = Buffer.alloc(8);
  headerLength.writeBigUInt64LE(2n ** 62n);
  add(g, 'safetensors-2-62', 'a safetensors file declaring a 2^62-byte header', {
    files: {
      'adapter_model.safetensors': Buffer.concat([headerLength, Buffer.from('{"a":')]),
      'adapter_config.json': peft()
    },
    expect: unreadable('adapter_model.safetensors')
  });
  add(g, 'lfs-pointer', 'adapter_config.json that is a Git LFS pointer', {
    files: {
      'adapter_config.json':
        'version https://git-lfs.github.com/spec/v1\noid sha256:' + 'a'.repeat(64) + '\nsize 1234\n'
    },
    expect: unreadable('adapter_config.json')
  });
  special(
    'ten-thousand-files',
    '10,000 empty files beside a manifest',
    [
      { kind: 'many-files', path: 'many', count: 10_000 },
      { kind: 'file', path: 'adapter_config.json', content: peft() }
    ],
    rule('missing-license', 'adapter_config.json')
  );
  special(
    'deep-tree-200',
    'a manifest 200 directories deep',
    [{ kind: 'deep-dir', path: 'd', levels: 200, file: 'adapter_config.json', content: peft() }],
    { exit: 1, findings: [], deepFinding: 'missing-license' }
  );
  special(
    'path-beyond-path-max',
    'a manifest 600 directories of 8 characters deep: its absolute path is longer than PATH_MAX (4096)',
    [
      {
        kind: 'long-path',
        path: 'deep',
        segment: 'dddddddd',
        levels: 600,
        file: 'adapter_config.json',
        content: peft()
      }
    ],
    // Reported at the first directory whose path the system refuses, more than 100 levels down.
    { exit: 1, findings: [], deepFinding: 'unreadable-manifest' }
  );
  add(g, 'weights-only', 'an adapter_model.safetensors with no manifest at all', {
    files: { 'adapter_model.safetensors': Buffer.concat([Buffer.from([2, 0, 0, 0, 0, 0, 0, 0]), Buffer.from('{}')]) },
    expect: rule('unmanifested-weights', 'adapter_model.safetensors')
  });
}

// ---------------------------------------------------------------- values
{
  const g = 'values';
  const F = 'adapter_config.json';
  const R = 'README.md';
  const id = (name, description, base, expect) => add(g, name, description, { files: { [F]: peft(base) }, expect });
  id('id-dotdot', 'base id `../../etc/passwd`', '../../etc/passwd', rule('dangling-parent', F));
  id('id-dotdot-hub', 'base id `Qwen/..`', 'Qwen/..', rule('invalid-hub-id', F));
  id('id-three-parts', 'base id `a/b/c`', 'a/b/c', rule('unresolvable-upstream', F));
  id('id-url', 'base id as an https URL', 'https://huggingface.co/Qwen/Qwen3-4B', rule('unresolvable-upstream', F));
  id(
    'id-url-tree',
    'base id `https://huggingface.co/Qwen/Qwen3-4B/tree/main`',
    'https://huggingface.co/Qwen/Qwen3-4B/tree/main',
    rule('unresolvable-upstream', F)
  );
  id('id-hf-scheme', 'base id `hf://Qwen/Qwen3-4B`', 'hf://Qwen/Qwen3-4B', rule('unresolvable-upstream', F));
  id('id-lookalike', 'base id with a Cyrillic Q (U+051A) look-alike', '\u051awen/Qwen3-4B', rule('invalid-hub-id', F));
  id('id-fullwidth', 'base id with a full-width solidus', 'Qwen\uff0fQwen3-4B', rule('invalid-hub-id', F));
  id('id-long', 'a 120-character base id', `acme/${'m'.repeat(115)}`, rule('invalid-hub-id', F));
  id('id-leading-dash', 'base id `-evil/--model`', '-evil/--model', rule('invalid-hub-id', F));
  id('id-space', 'base id with spaces', 'Qwen/Qwen3 4B', rule('invalid-hub-id', F));
  id('id-empty', 'empty base id', '', rule('unresolvable-upstream', F));
  id('id-absolute-path', 'base id `/content/base`', '/content/base', rule('unresolvable-upstream', F));
  id('id-windows-path', 'base id `C:\\models\\base`', 'C:\\models\\base', rule('unresolvable-upstream', F));
  const rev = (name, description, revision, expect) =>
    add(g, name, description, { files: { [F]: peft('Qwen/Qwen3-4B', { revision }) }, expect });
  rev('rev-short-sha', 'revision a 7-hex short sha', '1cfa9a7', rule('unpinned-revision', F));
  rev(
    'rev-upper-hex',
    'revision 40 uppercase hex (taken as pinned)',
    '1CFA9A7208912126459214E8B04321603B3DF60C',
    rule('missing-license', F)
  );
  rev('rev-branch', 'revision a branch name', 'main', rule('unpinned-revision', F));
  rev('rev-dotdot', 'revision `../../x`', '../../x', rule('unpinned-revision', F));
  rev('rev-41-hex', 'revision of 41 hex digits', 'a'.repeat(41), rule('unpinned-revision', F));
  const lic = (name, description, front, expect) =>
    add(g, name, description, { files: { [R]: card(`base_model: Qwen/Qwen3-4B\n${front}`) }, expect });
  lic('license-unknown', 'an unknown SPDX id', 'license: totally-made-up-1.0\n', rule('unknown-license', R));
  // Placeholders declare no license (issue #11): missing-license, not unknown-license.
  lic('license-other-no-name', '`other` without license_name', 'license: other\n', rule('missing-license', R));
  lic('license-trl-placeholder', "TRL's `licence: license`", 'licence: license\n', rule('missing-license', R));
  lic(
    'license-more-information-needed',
    '`[More Information Needed]`',
    'license: "[More Information Needed]"\n',
    rule('missing-license', R)
  );
  lic('license-with', 'an expression with WITH', 'license: "Apache-2.0 WITH LLVM-exception"\n', {
    exit: 1,
    findings: [finding('unknown-license', R)]
  });
  lic('license-and-or', 'an expression with AND and OR', 'license: "(MIT OR Apache-2.0) AND BSD-3-Clause"\n', {
    exit: 1,
    findings: [finding('unknown-license', R)]
  });
  lic('license-lowercase-expr', 'a lowercase expression', 'license: "mit or apache-2.0"\n', {
    exit: 1,
    findings: [finding('unknown-license', R)]
  });
  lic('license-deprecated', 'a deprecated SPDX id (GPL-2.0+)', 'license: GPL-2.0+\n', {
    exit: 1,
    findings: [finding('unknown-license', R)]
  });
  lic(
    'license-unbalanced',
    'an expression with unbalanced parentheses',
    'license: "((MIT OR Apache-2.0"\n',
    rule('unknown-license', R)
  );
  add(g, 'license-10k-terms', 'a 10,000-term OR expression (generated at test time)', {
    runtime: [
      {
        kind: 'lines',
        path: R,
        prefix: '---\nbase_model: Qwen/Qwen3-4B\nlicense: "MIT',
        line: ' OR MIT',
        times: 10_000,
        joiner: '',
        suffix: '"\n---\n'
      }
    ],
    expect: rule('unknown-license', R)
  });
  // Every rule looks at every upstream: a list of thousands once took the gate minutes (quadratic),
  // and spreading 140,000 entries into an array overflowed the stack.
  add(g, 'config-140k-upstreams', 'config.json naming 140,000 upstreams in `_name_or_path` (generated at test time)', {
    runtime: [
      {
        kind: 'lines',
        path: 'config.json',
        prefix: '{"architectures":["X"],"_name_or_path":["a/b"',
        line: ',"a/b"',
        times: 139_999,
        joiner: '',
        suffix: ']}'
      }
    ],
    expect: unreadable('config.json')
  });
  add(g, 'card-20k-base-models', 'a model card whose `base_model` lists 20,000 ids (generated at test time)', {
    runtime: [
      { kind: 'lines', path: R, prefix: '---\nbase_model:\n', line: '- org/m', times: 20_000, suffix: '---\n' }
    ],
    expect: unreadable(R)
  });
  add(g, 'lineage-5k-upstream-licenses', 'lineage.yaml with 5,000 upstreams and licenses (generated at test time)', {
    runtime: [
      {
        kind: 'lines',
        path: 'lineage.yaml',
        prefix: 'artifact: {name: x, license: mit}\nupstreams:',
        line: '- {id: org/m, relation: base, license: mit}',
        times: 5_000,
        suffix: ''
      }
    ],
    expect: unreadable('lineage.yaml')
  });
  const inject = (name, description, text, ruleId = 'invalid-hub-id') =>
    add(g, name, description, { files: { [F]: peft(text) }, expect: rule(ruleId, F) });
  inject('inject-error-command', '`::error::` in the base id', 'x\n::error::owned');
  inject('inject-set-output', '`%0A::set-output` in the base id', 'x%0A::set-output name=result::pass');
  inject(
    'inject-add-mask',
    '`::add-mask::` and `::stop-commands::` in the base id',
    '::stop-commands::abc\n::add-mask::x'
  );
  inject('inject-html', 'HTML in the base id', '<img src=x onerror=alert(1)>/<script>', 'unresolvable-upstream');
  inject(
    'inject-markdown',
    'a Markdown link and image in the base id',
    '[click](javascript:alert(1))/![x](https://evil.example/x.png)',
    'unresolvable-upstream'
  );
  inject('inject-mention', 'an @mention and #123 in the base id', '@octocat/#123');
  inject('inject-fence', 'a code fence in the base id', '```\n</details>', 'unresolvable-upstream');
  lic(
    'inject-license',
    'workflow commands and HTML in the license name',
    'license: other\nlicense_name: "::error::x <b>y</b> @octocat"\n',
    rule('unknown-license', R)
  );
}

// ---------------------------------------------------------------- policy
{
  const g = 'policy';
  const P = '.github/lineage-policy.yml';
  const pol = (name, description, text, expect) =>
    add(g, name, description, { files: { [P]: text }, policy: P, expect });
  const configError = (text) => ({ exit: 2, configError: text });
  pol('not-yaml', 'a policy that is not YAML', 'version: 1\nrules: [\n', configError('lineage-policy.yml'));
  pol('not-mapping', 'a policy that is a list', '- version: 1\n', configError('lineage-policy.yml'));
  pol('no-version', 'a policy without version', 'rules: {}\n', configError('version'));
  pol('version-2', 'an unknown version', 'version: 2\n', configError('version'));
  pol('unknown-key', 'an unknown top-level key', 'version: 1\nextra: true\n', configError('extra'));
  pol(
    'unknown-rule',
    'an unknown rule id',
    'version: 1\nrules:\n  missing-licence: error\n',
    configError('missing-licence')
  );
  pol('bad-severity', 'a rule set to `fatal`', 'version: 1\nrules:\n  missing-license: fatal\n', configError('fatal'));
  pol(
    'waiver-no-reason',
    'a waiver without reason',
    'version: 1\nwaivers:\n  - rule: missing-license\n    path: "**"\n',
    configError('reason')
  );
  pol(
    'waiver-empty-reason',
    'a waiver with an empty reason',
    'version: 1\nwaivers:\n  - rule: missing-license\n    path: "**"\n    reason: ""\n',
    configError('reason')
  );
  pol(
    'waiver-expired',
    'a waiver that expired',
    'version: 1\nwaivers:\n  - rule: missing-license\n    path: "**"\n    reason: old\n    expires: 2020-01-01\n',
    rule('waiver-expired', P)
  );
  pol(
    'waiver-bad-date',
    'a waiver expiring on 2026-02-31',
    'version: 1\nwaivers:\n  - rule: missing-license\n    path: "**"\n    reason: x\n    expires: 2026-02-31\n',
    configError('expires')
  );
  pol('dup-key', 'rules twice', 'version: 1\nrules: {}\nrules: {}\n', configError('rules'));
  pol(
    'billion-laughs',
    'billion laughs in the policy',
    'version: 1\na: &a [x,x,x,x,x,x,x,x,x]\n' +
      ['b', 'c', 'd', 'e', 'f', 'g']
        .map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdef'[i]}`).join(',')}]\n`)
        .join(''),
    configError('lineage-policy.yml')
  );
  pol(
    'python-tag',
    'a !!python/object tag in the policy',
    'version: 1\nrules: !!python/object/apply:os.system ["id"]\n',
    configError('lineage-policy.yml')
  );
  const evil = `**/*${'a*'.repeat(10)}b`;
  const longName = 'a'.repeat(200);
  for (const [where, text] of [
    ['waiver', `version: 1\nwaivers:\n  - rule: missing-license\n    path: "${evil}"\n    reason: catastrophic\n`],
    ['override', `version: 1\noverrides:\n  - paths: ["${evil}"]\n    rules: { missing-license: off }\n`]
  ])
    add(g, `catastrophic-glob-${where}`, `\`${evil}\` in a ${where}, against a 200-character directory name`, {
      files: { [P]: text, [`${longName}/adapter_config.json`]: peft() },
      policy: P,
      // picomatch backtracked here: 4 `a*` took 15 s, 10 did not finish in 120 s. src/glob is linear.
      expect: rule('missing-license', `${longName}/adapter_config.json`)
    });
  pol(
    'glob-brace-bomb',
    'a waiver glob of nested braces',
    'version: 1\nwaivers:\n  - rule: missing-license\n' +
      `    path: "${'{a,'.repeat(30)}b${'}'.repeat(30)}"\n    reason: braces\n`,
    rule('missing-license', 'bad/adapter_config.json')
  );
  const waiverLine = '  - { rule: missing-license, path: "nowhere/{i}/**", reason: "r{i}" }';
  add(g, 'three-thousand-waivers', '3,000 waivers, under the 256 KiB policy bound (generated at test time)', {
    runtime: [{ kind: 'lines', path: P, prefix: 'version: 1\nwaivers:\n', line: waiverLine, times: 3_000, suffix: '' }],
    policy: P,
    expect: rule('missing-license', 'bad/adapter_config.json')
  });
  add(g, 'ten-thousand-waivers', '10,000 waivers: over the 256 KiB policy bound (generated at test time)', {
    runtime: [
      { kind: 'lines', path: P, prefix: 'version: 1\nwaivers:\n', line: waiverLine, times: 10_000, suffix: '' }
    ],
    policy: P,
    expect: configError('larger than 256 KiB')
  });
  for (const [name, description, runtime, text] of [
    ['fifo', 'the policy is a FIFO', { kind: 'fifo', path: P }, 'not a regular file'],
    ['directory', 'the policy is a directory', { kind: 'dir', path: P }, 'directory'],
    [
      'symlink-out',
      'the policy links to a secret outside the workspace',
      { kind: 'symlink-outside-file', path: P, content: 'SECRET=policy-secret-0123456789\nversion: 1\n' },
      'points outside the repository'
    ],
    [
      'symlink-dev-zero',
      'the policy links to /dev/zero',
      { kind: 'symlink', path: P, target: '/dev/zero' },
      'outside the repository'
    ],
    [
      'symlink-loop',
      'the policy links to itself',
      { kind: 'symlink', path: P, target: 'lineage-policy.yml' },
      'lineage-policy.yml'
    ],
    [
      'chmod000',
      'the policy has mode 000',
      { kind: 'chmod000', path: P, content: 'version: 1\n' },
      'lineage-policy.yml'
    ],
    [
      'huge',
      'a 3 MB policy (generated at test time)',
      { kind: 'repeat', path: P, prefix: 'version: 1\n#', unit: 'x', times: 3_000_000, suffix: '\n' },
      'lineage-policy.yml'
    ]
  ])
    add(g, name, description, { runtime: [runtime], policy: P, expect: configError(text) });
}

// ---------------------------------------------------------------- services
{
  const g = 'services';
  const upstream = (id) => ({ 'lineage.yaml': lineage(id) });
  const hub = (name, description, behaviour, expect = rule('hub-unreachable', 'lineage.yaml')) =>
    add(g, name, description, {
      files: upstream(`hostile/${name}`),
      service: { hub: { repo: `hostile/${name}`, behaviour } },
      expect
    });
  hub('hub-500', 'the Hub answers 500 always', { kind: 'server-error', times: 1e9, status: 500 });
  hub('hub-503', 'the Hub answers 503 always', { kind: 'server-error', times: 1e9, status: 503 });
  hub('hub-429-day', '429 with Retry-After: 86400', {
    kind: 'rate-limited',
    times: 1e9,
    resetSeconds: 86400,
    retryAfter: '86400'
  });
  hub('hub-429-reset-day', '429 whose RateLimit reset is a day, no Retry-After', {
    kind: 'rate-limited',
    times: 1e9,
    resetSeconds: 86400
  });
  hub('hub-429-retry-date', '429 with Retry-After as a far HTTP date', {
    kind: 'rate-limited',
    times: 1e9,
    resetSeconds: 7,
    retryAfter: 'Fri, 31 Dec 2100 23:59:59 GMT'
  });
  hub('hub-429-retry-garbage', '429 with Retry-After: garbage', {
    kind: 'rate-limited',
    times: 1e9,
    resetSeconds: 1,
    retryAfter: 'soon'
  });
  hub('hub-trickle-headers', 'status line and headers one byte every 400 ms', {
    kind: 'trickle-headers',
    intervalMs: 400
  });
  hub('hub-trickle-body', 'an endless body one byte every 200 ms', { kind: 'trickle-body', intervalMs: 200 });
  hub('hub-stall', 'the Hub accepts and never answers', { kind: 'stall' });
  hub('hub-stall-body', 'headers, then a body that never ends', { kind: 'stall-body' });
  hub('hub-malformed', 'truncated JSON', { kind: 'malformed' });
  hub('hub-redirect-origin', 'a redirect to another origin', {
    kind: 'redirect',
    to: 'http://127.0.0.2:9/api/models/Qwen/Qwen3-4B'
  });
  hub('hub-redirect-metadata', 'a redirect to 169.254.169.254', {
    kind: 'redirect',
    to: 'http://169.254.169.254/latest/meta-data/'
  });
  hub('hub-redirect-file', 'a redirect to file:///etc/passwd', { kind: 'redirect', to: 'file:///etc/passwd' });
  hub('hub-huge-length', 'a 1 TB Content-Length', { kind: 'huge-length', bytes: 1e12 });
  for (const where of ['header', 'body'])
    for (const cut of [undefined, 9, 12])
      hub(
        `hub-echo-token-${where}${cut ? `-${cut}` : ''}`,
        `echoes the token${cut ? ` cut at ${cut} characters` : ''} in the ${where}`,
        { kind: 'echo-token', where, ...(cut ? { cut } : {}) }
      );
  hub('hub-echo-auth', 'echoes the Authorization header', { kind: 'echo-auth' });
  add(g, 'hub-fan-out', 'an upstream whose Hub ancestry fans out: 8 base models a card, 3 levels (585 repos)', {
    files: upstream('fan/r'),
    service: { hub: { fanOut: { prefix: 'fan', width: 8, levels: 3 } } },
    expect: rule('unpinned-revision', 'lineage.yaml')
  });
  add(g, 'hub-non-json', 'a 200 answer that is not JSON', {
    files: upstream('hostile/hub-non-json'),
    service: { hub: { repo: 'hostile/hub-non-json', behaviour: { kind: 'echo-token', where: 'body', cut: 0 } } },
    expect: rule('hub-unreachable', 'lineage.yaml')
  });
  const gh = (
    name,
    description,
    github,
    expect = { exit: 1, findings: [finding('missing-license', 'adapter_config.json')] }
  ) => add(g, name, description, { files: { 'adapter_config.json': peft() }, service: { github }, expect });
  gh('github-files-500', 'the PR files API answers 500', { files: { status: 500, body: { message: 'Server Error' } } });
  gh('github-files-429', 'the PR files API answers 429 with Retry-After: 86400', {
    files: { status: 429, headers: { 'retry-after': '86400' }, body: { message: 'API rate limit exceeded' } }
  });
  gh('github-files-truncated', 'the PR files API answers truncated JSON', {
    files: {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: '[{"sha":"abc","filename":"adapter_con'
    }
  });
  gh('github-files-non-json', 'the PR files API answers HTML', {
    files: { status: 200, headers: { 'content-type': 'text/html' }, body: '<html>unicorn</html>' }
  });
  // `{GITHUB_TOKEN}` is replaced by the test's token: an API (or a proxy before it) that echoes it.
  gh('github-files-echo', 'the PR files API answers text echoing the token and a workflow command', {
    files: {
      status: 200,
      headers: { 'content-type': 'text/plain' },
      body: 'unicorn\n::error::injected by the files API\n{GITHUB_TOKEN}\n::set-output name=result::pass'
    }
  });
  gh('github-files-huge-body', 'the PR files API answers 2 MB of HTML (generated at test time)', {
    files: { status: 502, headers: { 'content-type': 'text/html' } },
    filesBodyRepeat: { unit: '<p>bad gateway</p>', times: 110_000 }
  });
  gh('github-comments-403', 'every write answers 403', { readOnly: true });
  gh('github-review-422', 'review comments answer 422', { refuseLineComments: true });
}

// ---------------------------------------------------------------- write
const outArg = process.argv.indexOf('--out');
const OUT = outArg > 0 ? process.argv[outArg + 1] : join(ROOT, '__tests__', 'fixtures', 'hostile');
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const listed = cases.map((c) => {
  for (const [path, content] of Object.entries(c.files)) {
    const target = join(OUT, c.id, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  const entry = { id: c.id, group: c.group, description: c.description, files: Object.keys(c.files).sort() };
  if (c.runtime) entry.runtime = c.runtime;
  if (c.policy) entry.policy = c.policy;
  if (c.isolated) entry.isolated = true;
  if (c.service) entry.service = c.service;
  entry.expect = c.expect;
  if (c.knownGap) entry.knownGap = c.knownGap;
  return entry;
});
writeFileSync(join(OUT, 'cases.json'), JSON.stringify(listed, null, 2) + '\n');
const counts = {};
for (const c of cases) counts[c.group] = (counts[c.group] ?? 0) + 1;
console.log(`${cases.length} cases written to ${OUT}: ${JSON.stringify(counts)}`);
