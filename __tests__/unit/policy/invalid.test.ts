import { PolicyError } from '../../../src/config-error.js';
import { MAX_POLICY_PROBLEMS, parsePolicy } from '../../../src/policy/load.js';
import { RULE_IDS } from '../../../src/rules/ids.js';

type Problem = [line: number, column: number, message: string];

function problemsOf(text: string): Problem[] {
  try {
    parsePolicy(text, '.github/lineage-policy.yml', RULE_IDS);
  } catch (err) {
    expect(err).toBeInstanceOf(PolicyError);
    const e = err as PolicyError;
    for (const p of e.problems) expect(p.file).toBe('.github/lineage-policy.yml');
    return e.problems.map((p) => [p.line, p.column, p.message]);
  }
  throw new Error('expected the policy to be invalid');
}

describe('invalid policies: each problem at its line and column', () => {
  it.each<[string, string, Problem[]]>([
    [
      'a YAML syntax error',
      'version: 1\nrules: [\n',
      [[3, 1, expect.stringMatching(/^not valid YAML: /) as unknown as string]]
    ],
    ['an empty file', '# nothing yet\n', [[1, 1, 'the policy file is empty: it needs at least `version: 1`']]],
    ['a list instead of a mapping', '- version: 1\n', [[1, 1, 'the policy must be a mapping (got [{"version":1}])']]],
    [
      'no version',
      'rules:\n  hub-gated: off\n',
      [[1, 1, 'the policy has no `version`: start the file with `version: 1`']]
    ],
    [
      'a version that does not exist',
      'version: 2\n',
      [[1, 10, '`version` must be 1 (got 2): it is the only version of the policy format']]
    ],
    [
      'an unknown top-level setting',
      'version: 1\nrequires:\n  hub: true\n',
      [[2, 1, 'unknown setting `requires` (did you mean `require`?)']]
    ],
    [
      'a snake_case key',
      'version: 1\nrequire:\n  pinned_revisions: true\n',
      [[3, 3, 'unknown setting `pinned_revisions` in `require` (did you mean `pinned-revisions`?)']]
    ],
    [
      'an evidence class that does not exist',
      'version: 1\nrequire:\n  evidence: strong\n',
      [[3, 13, '`require.evidence` must be one of primary, secondary, inferred (got "strong")']]
    ],
    [
      'a boolean written as a string',
      'version: 1\nrequire:\n  hub: "yes"\n',
      [[3, 8, '`require.hub` must be true or false (got "yes")']]
    ],
    [
      'an attribution requirement that does not exist',
      'version: 1\nrequire: { attribution: sometimes }\n',
      [[2, 25, '`require.attribution` must be one of when-required, always, never (got "sometimes")']]
    ],
    [
      'a rule id that does not exist',
      'version: 1\nrules:\n  unpined-revision: error\n',
      [[3, 3, '`rules.unpined-revision` is not a rule id (did you mean `unpinned-revision`?)']]
    ],
    [
      'a rule id far from any other',
      'version: 1\nrules:\n  not-a-rule: error\n',
      [[3, 3, '`rules.not-a-rule` is not a rule id']]
    ],
    [
      'a severity that does not exist',
      'version: 1\nrules:\n  hub-gated: fatal\n',
      [[3, 14, '`rules.hub-gated` must be one of off, notice, warning, error (got "fatal")']]
    ],
    [
      'an unknown-license switch that does not exist',
      'version: 1\nlicenses:\n  unknown: deny\n',
      [[3, 12, '`licenses.unknown` must be one of fail, warn, allow (got "deny")']]
    ],
    [
      'a license list written as a string',
      'version: 1\nlicenses:\n  deny: cc-by-nc-4.0\n',
      [[3, 9, '`licenses.deny` must be a list (got "cc-by-nc-4.0")']]
    ],
    [
      'an invalid SPDX expression',
      'version: 1\nlicenses:\n  allow:\n    - MIT\n    - "MIT OR (Apache-2.0"\n' +
        '    - MIT Apache-2.0\n    - "MIT WITH Nothing-exception"\n',
      [
        [5, 7, '`licenses.allow[1]` "MIT OR (Apache-2.0" is not a valid SPDX expression: a `(` is not closed'],
        [
          6,
          7,
          '`licenses.allow[2]` "MIT Apache-2.0" is not a valid SPDX expression: ' +
            'licenses must be joined by AND or OR, each operator between two licenses'
        ],
        [
          7,
          7,
          '`licenses.allow[3]` "MIT WITH Nothing-exception" is not a valid ' +
            'SPDX expression: `Nothing-exception` is not an SPDX license exception'
        ]
      ]
    ],
    [
      'a license id that is a typo',
      'version: 1\nlicenses:\n  allow: [apach-2.0]\n',
      [
        [
          3,
          11,
          '`licenses.allow[0]` "apach-2.0" is neither an SPDX id, a Hub license id nor ' +
            'a known license name (did you mean `apache-2.0`?); write `other:apach-2.0` or ' +
            '`LicenseRef-apach-2.0` for a license of your own, or describe it under `licenses.knowledge`'
        ]
      ]
    ],
    [
      'an unknown id inside an expression',
      'version: 1\nlicenses:\n  deny: ["MIT AND lama3.1"]\n',
      [
        [
          3,
          10,
          '`licenses.deny[0]` "MIT AND lama3.1" names "lama3.1", which is neither an SPDX id, ' +
            'a Hub license id nor a known license name (did you mean `llama3.1`?); write `other:lama3.1` ' +
            'or `LicenseRef-lama3.1` for a license of your own, or describe it under `licenses.knowledge`'
        ]
      ]
    ],
    [
      'an invalid license glob',
      'version: 1\nlicenses:\n  deny: ["cc-by-nc-[34"]\n',
      [[3, 10, '`licenses.deny[0]` "cc-by-nc-[34" is not a valid glob: a `[` class is never closed (at character 10)']]
    ],
    [
      'an upstream license mapping to a pattern, and a key with spaces',
      'version: 1\nlicenses:\n  upstreams:\n    "meta-llama/*": "llama3.*"\n    "meta llama/*": llama3\n',
      [
        [4, 21, '`licenses.upstreams.meta-llama/*` "llama3.*" must be a license id, not a pattern'],
        [5, 5, '`licenses.upstreams` key "meta llama/*" is not a Hub id pattern: ids contain no whitespace']
      ]
    ],
    [
      'a knowledge entry without a source, and one described twice',
      'version: 1\nlicenses:\n  knowledge:\n    - id: acme\n      family: ACME\n' +
        '    - { id: ACME, family: ACME, source: "ftp://acme.example" }\n',
      [
        [4, 7, 'license knowledge entry 1 has no `source`: link the license text'],
        [6, 13, '`id` of license knowledge entry 2 "ACME" is described twice in `licenses.knowledge`'],
        [6, 41, '`source` of license knowledge entry 2 must be an http(s) link (got "ftp://acme.example")']
      ]
    ],
    [
      'knowledge entries with an empty attribution mapping, a bad id and a short marker',
      'version: 1\nlicenses:\n  knowledge:\n' +
        '    - { id: acme, family: ACME, source: "https://a.example", attribution: {} }\n' +
        '    - { id: "*acme", family: ACME, source: "https://a.example", attribution-markers: [ab] }\n',
      [
        [4, 62, '`attribution` of license knowledge entry 1 needs a `duty`, a `text` or `markers`'],
        [
          5,
          13,
          '`id` of license knowledge entry 2 must be a license id: letters, ' +
            'digits and `.+_- `, starting with a letter or digit (got "*acme")'
        ],
        [5, 87, '`attribution-markers[0]` of license knowledge entry 2 must be at least 3 characters long (got "ab")']
      ]
    ],
    [
      'invalid upstream globs',
      'version: 1\nupstreams:\n  allow: ["meta-llama/[Ll]lama*", "meta-llama/{a,b"]\n' +
        '  deny: ["!some-org/*", "some org/*"]\n',
      [
        [3, 35, '`upstreams.allow[1]` "meta-llama/{a,b" is not a valid glob: a `{` is never closed (at character 12)'],
        [4, 10, '`upstreams.deny[0]` "!some-org/*" starts with `!`: negated patterns are not supported here'],
        [4, 25, '`upstreams.deny[1]` "some org/*" contains whitespace, which no Hub id has']
      ]
    ],
    [
      'an override without paths, one with a path leaving the repository, one with a bad setting',
      'version: 1\noverrides:\n  - rules: { hub-gated: off }\n  - paths: ["../elsewhere/**"]\n' +
        '  - paths: ["runs/**"]\n    require: { evidence: weak }\n',
      [
        [3, 5, 'override 1 has no `paths`: say which files it applies to'],
        [
          4,
          13,
          '`paths[0]` of override 2 "../elsewhere/**" contains `..`: ' +
            'paths are relative to the repository root and never leave it'
        ],
        [6, 26, '`require.evidence` of override 3 must be one of primary, secondary, inferred (got "weak")']
      ]
    ],
    [
      'an override with no paths at all',
      'version: 1\noverrides:\n  - paths: []\n',
      [[3, 5, '`paths` of override 1 must list at least one pattern']]
    ],
    [
      'an override with an unknown rule id',
      'version: 1\noverrides:\n  - paths: [a/**]\n    rules: { missing-licence: off }\n',
      [[4, 14, '`rules.missing-licence` of override 1 is not a rule id (did you mean `missing-license`?)']]
    ],
    [
      'a waiver without a reason',
      'version: 1\nwaivers:\n  - rule: missing-attribution\n    path: experiments/**\n' +
        '    reason: ok\n  - rule: missing-attribution\n    path: experiments/**\n',
      [[6, 5, 'waiver 2 has no `reason`: every waiver must say why']]
    ],
    [
      'a waiver with a blank reason',
      'version: 1\nwaivers:\n  - { rule: missing-license, path: "**", reason: "   " }\n',
      [[3, 50, 'waiver 1 has an empty `reason`: every waiver must say why']]
    ],
    [
      'a waiver without a path',
      'version: 1\nwaivers:\n  - { rule: missing-license, reason: x }\n',
      [[3, 5, 'waiver 1 has no `path`: say which files it covers (`"**"` for all)']]
    ],
    [
      'a waiver of a rule that does not exist',
      'version: 1\nwaivers:\n  - rule: missing-atribution\n    path: x/**\n    reason: y\n',
      [
        [
          3,
          11,
          '`rule` of waiver 1 is "missing-atribution", which is not a rule id (did you mean `missing-attribution`?)'
        ]
      ]
    ],
    [
      'waivers with dates that are not dates',
      'version: 1\nwaivers:\n  - { rule: hub-gated, path: "**", reason: x, expires: 2026-02-30 }\n' +
        '  - { rule: hub-gated, path: "**", reason: x, expires: 31/12/2026 }\n' +
        '  - { rule: hub-gated, path: "**", reason: x, expires: 20261231 }\n',
      [
        [3, 56, '`expires` of waiver 1 "2026-02-30" is not a day of the calendar'],
        [4, 56, '`expires` of waiver 2 must be a date written YYYY-MM-DD (got "31/12/2026")'],
        [5, 56, '`expires` of waiver 3 must be a string (got 20261231)']
      ]
    ],
    [
      'waivers with invalid globs',
      'version: 1\nwaivers:\n  - { rule: hub-gated, path: "runs/[a", reason: x }\n' +
        '  - { rule: hub-gated, path: "**", upstream: "meta-llama/(x", reason: x }\n',
      [
        [3, 30, '`path` of waiver 1 "runs/[a" is not a valid glob: a `[` class is never closed (at character 6)'],
        [4, 46, '`upstream` of waiver 2 "meta-llama/(x" contains `(`, which no Hub id has']
      ]
    ],
    [
      'an unknown waiver setting',
      'version: 1\nwaivers:\n  - { rule: hub-gated, path: "**", reason: x, expire: 2026-01-01 }\n',
      [[3, 47, 'unknown setting `expire` in waiver 1 (did you mean `expires`?)']]
    ]
  ])('%s', (_name, text, expected) => {
    expect(problemsOf(text)).toEqual(expected);
  });

  it('reports every problem of the file, in file order, and names the first in the message', () => {
    let err: PolicyError | undefined;
    try {
      parsePolicy(
        'version: 1\nwaivers:\n  - { rule: nope, path: "**" }\nrequire:\n  evidence: strong\n',
        '.github/lineage-policy.yml',
        RULE_IDS
      );
    } catch (e) {
      err = e as PolicyError;
    }
    expect(err?.problems.map((p) => [p.line, p.column])).toEqual([
      [3, 5],
      [3, 13],
      [5, 13]
    ]);
    expect(err).toMatchObject({ file: '.github/lineage-policy.yml', line: 3, column: 5 });
    expect(err?.message).toBe(
      'The policy file .github/lineage-policy.yml is invalid: waiver 1 has no `reason`: ' +
        'every waiver must say why (line 3, column 5) (and 2 more problems).'
    );
  });

  it(`keeps at most ${MAX_POLICY_PROBLEMS} problems, the last saying how many more there are`, () => {
    const rules = Array.from({ length: 30 }, (_, i) => `  not-a-rule-${i}: error`).join('\n');
    const problems = problemsOf(`version: 1\nrules:\n${rules}\n`);
    expect(problems).toHaveLength(MAX_POLICY_PROBLEMS);
    expect(problems[0]).toEqual([3, 3, '`rules.not-a-rule-0` is not a rule id']);
    expect(problems[MAX_POLICY_PROBLEMS - 1]).toEqual([21, 3, '11 more problems not listed']);
  });

  it('refuses alias bombs through the positioned YAML reader', () => {
    const lines = ['version: 1', 'a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 8; i++)
      lines.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
          .fill('*' + String.fromCharCode(97 + i))
          .join(',')}]`
      );
    const [problem] = problemsOf(lines.join('\n'));
    expect(problem[2]).toMatch(/^not valid YAML: /);
  });

  it('accepts ids and aliases of the built-in license knowledge base in license lists', () => {
    expect(() =>
      parsePolicy(
        'version: 1\nlicenses:\n' +
          '  allow: [deepseek-license, llama-3.1, "MIT AND llama-3.1", apache2, apache license 2.0]\n',
        'p.yml',
        RULE_IDS
      )
    ).not.toThrow();
  });

  it('does not let `__proto__` or `constructor` pass as rule ids', () => {
    expect(problemsOf('version: 1\nrules:\n  __proto__: off\n  constructor: off\n')).toEqual([
      [3, 3, '`rules.__proto__` is not a rule id'],
      [4, 3, '`rules.constructor` is not a rule id']
    ]);
  });
});

describe('invalid policies: what the schema cannot check', () => {
  const accepts = (text: string) => () => parsePolicy(text, 'p.yml', RULE_IDS);

  it('accepts `other:` names, LicenseRef and DocumentRef ids, alone and inside expressions', () => {
    expect(
      accepts(
        'version: 1\nlicenses:\n  allow: [other:acme-internal, LicenseRef-acme, ' +
          '"DocumentRef-spdx-doc:LicenseRef-acme", "MIT AND other:acme", "MIT OR LicenseRef-acme.2"]\n'
      )
    ).not.toThrow();
  });

  it('accepts in expressions SPDX ids, Hub ids and ids the policy describes', () => {
    expect(
      accepts(
        'version: 1\nlicenses:\n  knowledge:\n    - { id: acme, family: ACME, source: "https://acme.example" }\n' +
          '  allow: ["0BSD AND Zlib", "MIT AND acme", "MIT AND ACME"]\n'
      )
    ).not.toThrow();
  });

  it('rejects ids that only contain `other:` or `LicenseRef-` somewhere', () => {
    expect(
      problemsOf('version: 1\nlicenses:\n  deny: [acme-other:x, xLicenseRef-acme, "LicenseRef-acme:x"]\n')
    ).toEqual([
      [3, 10, expect.stringMatching(/^`licenses.deny\[0\]` "acme-other:x" is neither an SPDX id/) as unknown as string],
      [3, 24, expect.stringMatching(/^`licenses.deny\[1\]` "xLicenseRef-acme" is neither/) as unknown as string],
      [3, 42, expect.stringMatching(/^`licenses.deny\[2\]` "LicenseRef-acme:x" is neither/) as unknown as string]
    ]);
  });

  it('suggests a LicenseRef id made of the characters SPDX allows', () => {
    const [[, , message]] = problemsOf('version: 1\nlicenses:\n  allow: ["MIT AND acme_internal"]\n');
    expect(message).toContain('write `other:acme_internal` or `LicenseRef-acme-internal` for a license of your own');
  });

  it('skips the exception after WITH but checks every license, whatever its case', () => {
    expect(accepts('version: 1\nlicenses:\n  allow: ["Apache-2.0 with LLVM-exception"]\n')).not.toThrow();
    const problems = problemsOf('version: 1\nlicenses:\n  allow: ["acmeand AND MIT", "MIT AND WITHacme"]\n');
    expect(problems.map(([, , message]) => message)).toEqual([
      expect.stringContaining('names "acmeand", which is neither'),
      expect.stringContaining('names "WITHacme", which is neither')
    ]);
  });

  it('checks the license an upstream mapping names, and the pattern of its key', () => {
    expect(problemsOf('version: 1\nlicenses:\n  upstreams:\n    "meta-llama/*": lama3.1\n    "qwen:*": mit\n')).toEqual(
      [
        [
          4,
          21,
          expect.stringMatching(/^`licenses.upstreams.meta-llama\/\*` "lama3.1" is neither/) as unknown as string
        ],
        [5, 5, '`licenses.upstreams.qwen:*` "qwen:*" contains `:`, which no Hub id has']
      ]
    );
  });

  it('checks the severity of a rule the caller knows but the schema does not list', () => {
    const withCustomRule = [...RULE_IDS, 'house-rule'];
    expect(() => parsePolicy('version: 1\nrules:\n  house-rule: warning\n', 'p.yml', withCustomRule)).not.toThrow();
    expect(() => parsePolicy('version: 1\nrules:\n  house-rule: loud\n', 'p.yml', withCustomRule)).toThrow(
      '`rules.house-rule` must be one of off, notice, warning, error (got "loud")'
    );
  });

  it('leaves empty licenses and knowledge ids of the wrong type to the schema, reporting each once', () => {
    expect(problemsOf('version: 1\nlicenses:\n  allow: [""]\n')).toEqual([
      [3, 11, '`licenses.allow[0]` must not be empty']
    ]);
    expect(problemsOf('version: 1\nlicenses:\n  upstreams:\n    "meta-llama/*": ""\n')).toEqual([
      [4, 21, '`licenses.upstreams.meta-llama/*` must not be empty']
    ]);
    expect(
      problemsOf('version: 1\nlicenses:\n  knowledge:\n    - { id: 7, family: A, source: "https://a.example" }\n')
    ).toEqual([[4, 13, '`id` of license knowledge entry 1 must be a string (got 7)']]);
  });

  it('rejects a calendar date only when the day does not exist', () => {
    const waiver = (expires: string) =>
      `version: 1\nwaivers:\n  - { rule: hub-gated, path: "**", reason: x, expires: "${expires}" }\n`;
    expect(accepts(waiver('2028-02-29'))).not.toThrow();
    for (const day of ['2027-02-29', '2026-13-01', '2026-04-31', '2026-00-10']) {
      expect(problemsOf(waiver(day))).toEqual([
        [3, 56, `\`expires\` of waiver 1 "${day}" is not a day of the calendar`]
      ]);
    }
  });
});

describe('schema problems: every one, each worded for its keyword', () => {
  it('reports every schema problem, not only the first', () => {
    expect(problemsOf('version: 1\nrequire:\n  hub: "yes"\n  evidence: strong\n')).toEqual([
      [3, 8, '`require.hub` must be true or false (got "yes")'],
      [4, 13, '`require.evidence` must be one of primary, secondary, inferred (got "strong")']
    ]);
  });

  it('suggests the known setting nearest an unknown one', () => {
    expect(problemsOf('version: 1\nwaivers:\n  - { rule: hub-gated, paht: "**", reason: x }\n')).toEqual([
      [3, 5, 'waiver 1 has no `path`: say which files it covers (`"**"` for all)'],
      [3, 24, 'unknown setting `paht` in waiver 1 (did you mean `path`?)']
    ]);
  });

  it('leaves unknown rule ids to the rule check, but not a `rules` of the wrong type', () => {
    expect(problemsOf('version: 1\nrules: off\n')).toEqual([[2, 8, '`rules` must be a mapping (got "off")']]);
    expect(problemsOf('version: 1\noverrides:\n  - { paths: ["**"], rules: [hub-gated] }\n')).toEqual([
      [3, 22, '`rules` of override 1 must be a mapping (got ["hub-gated"])']
    ]);
    expect(problemsOf('version: 1\nwaivers:\n  - { rule: [hub-gated], path: "**", reason: x }\n')).toEqual([
      [3, 7, '`rule` of waiver 1 must be a string (got ["hub-gated"])']
    ]);
  });

  it('names each type a setting may have', () => {
    expect(problemsOf('version: 1\nlicenses:\n  allow: 5\n')).toEqual([
      [3, 10, '`licenses.allow` must be a list or null (got 5)']
    ]);
  });

  it('words a pattern by the setting it constrains', () => {
    const entry = (fields: string) =>
      `version: 1\nlicenses:\n  knowledge:\n    - { id: acme, family: A, source: "https://a.example", ${fields} }\n`;
    expect(problemsOf(entry('aliases: ["-acme"]'))).toEqual([
      [
        4,
        69,
        '`aliases[0]` of license knowledge entry 1 must be a license id: letters, ' +
          'digits and `.+_- `, starting with a letter or digit (got "-acme")'
      ]
    ]);
    expect(problemsOf(entry('spdx: "-acme"'))).toEqual([
      [4, 65, '`spdx` of license knowledge entry 1 must match ^[A-Za-z0-9][A-Za-z0-9.+-]*$ (got "-acme")']
    ]);
  });

  it('bounds the length of a license id', () => {
    const id = 'a'.repeat(101);
    expect(
      problemsOf(`version: 1\nlicenses:\n  knowledge:\n    - { id: ${id}, family: A, source: "https://a.example" }\n`)
    ).toEqual([[4, 13, '`id` of license knowledge entry 1 must be at most 100 characters long']]);
  });
});
