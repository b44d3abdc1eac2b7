import { defaultPolicy } from '../../../src/policy/defaults.js';
import type { Waiver } from '../../../src/policy/policy.js';
import { fingerprint } from '../../../src/findings/fingerprint.js';
import type { Artifact } from '../../../src/lineage/artifact.js';
import { evaluateArtifact, evaluateRun } from '../../../src/rules/engine.js';
import { findRule } from '../../../src/rules/index.js';
import type { Rule } from '../../../src/rules/rule.js';
import { artifact, at, defaultRuleContext, license, record, upstream } from '../../helpers/build.js';

const CARD = 'a/README.md';
const PEFT = 'a/adapter_config.json';
const span = (line: number) => ({ line, column: 1, endLine: line, endColumn: 10 });

function run(ruleId: string, a: Artifact) {
  return evaluateArtifact(a, [findRule(ruleId) as Rule], defaultRuleContext());
}

describe('schema-violation', () => {
  it('reports each schema problem with its format and schema file, as an error', () => {
    const a = artifact('a', {
      schemaProblems: [
        { path: 'a/lineage.yaml', format: 'lineage-manifest', message: '`upstreams` must be a list', at: span(3) },
        { path: PEFT, format: 'peft-adapter-config', message: '`r` must be a number', at: span(8) }
      ]
    });
    const [lineage, peft, ...rest] = run('schema-violation', a);
    expect(rest).toEqual([]);
    expect(lineage.finding).toMatchObject({ severity: 'error', path: 'a/lineage.yaml', line: 3 });
    expect(lineage.finding.message).toBe('a/lineage.yaml is not a valid lineage-manifest: `upstreams` must be a list.');
    expect(lineage.finding.fix).toBe(
      'Correct the value so it matches the lineage-manifest schema (schemas/lineage.schema.json).'
    );
    expect(lineage.finding.fingerprint).toBe(
      fingerprint('schema-violation', 'a/lineage.yaml', 'lineage-manifest:`upstreams` must be a list')
    );
    expect(peft.finding).toMatchObject({ path: PEFT, line: 8 });
    expect(peft.finding.fix).toContain('(schemas/peft-adapter-config.schema.json)');
  });
  it("reports a file with a manifest's name but none of its formats as a warning, with the reader's words", () => {
    const note = {
      kind: 'unrecognised-format' as const,
      message: 'adapter_config.json is not a PEFT file.',
      fix: 'Rename it.',
      source: at(PEFT, '', 2)
    };
    const [e, ...rest] = run('schema-violation', artifact('a', { records: [record(PEFT, 'x', { notes: [note] })] }));
    expect(rest).toEqual([]);
    expect(e.finding).toMatchObject({
      severity: 'warning',
      path: PEFT,
      line: 2,
      message: 'adapter_config.json is not a PEFT file.',
      fix: 'Rename it.',
      fingerprint: fingerprint('schema-violation', PEFT, `unrecognised:${PEFT}`)
    });
    expect(run('schema-violation', artifact('a', { records: [record(PEFT, 'x')] }))).toEqual([]);
  });
});

describe('unreadable-manifest', () => {
  it('reports a manifest that cannot be read as an error, and a weight header as a warning', () => {
    const a = artifact('a', {
      unreadable: [{ path: PEFT, reason: 'Unexpected token } in JSON at position 12', at: span(1) }],
      weights: [
        { path: 'a/model.safetensors', status: 'added', header: { kind: 'unreadable', reason: 'a Git LFS pointer' } },
        { path: 'a/other.safetensors', status: 'added' }
      ]
    });
    const [manifest, weights, ...rest] = run('unreadable-manifest', a);
    expect(rest).toEqual([]);
    expect(manifest.finding).toMatchObject({ severity: 'error', path: PEFT, line: 1 });
    expect(manifest.finding.message).toBe(
      'a/adapter_config.json could not be read as a manifest: Unexpected token } in JSON at position 12.'
    );
    expect(manifest.finding.fix).toBe(
      'Commit the manifest as UTF-8 JSON that parses (`python -m json.tool` shows where), or remove it.'
    );
    // The parser the fix names is the file's own: YAML for YAML, the front matter's for a card.
    const fixOf = (path: string) =>
      run('unreadable-manifest', artifact('a', { unreadable: [{ path, reason: 'x', at: span(1) }] }))[0].finding.fix;
    expect(fixOf('a/lineage.yaml')).toMatch(/^Commit the manifest as UTF-8 YAML that parses \(a YAML linter, or /);
    expect(fixOf('a/README.md')).toMatch(/^Make the YAML between the two `---` lines parse \(a YAML linter/);
    expect(fixOf('a/Modelfile')).toBe('Commit the manifest as UTF-8 text in the form its tool reads, or remove it.');
    expect(manifest.finding.fingerprint).toBe(fingerprint('unreadable-manifest', PEFT, PEFT));
    expect(weights.finding).toMatchObject({ severity: 'warning', path: 'a/model.safetensors', line: 1, column: 1 });
    expect(weights.finding.message).toMatch(
      /^The header of a\/model\.safetensors could not be read: a Git LFS pointer\. /
    );
    expect(weights.finding.fix).toBe('Commit the real file (or its Git LFS pointer), or remove it.');
    expect(weights.finding.fingerprint).toBe(
      fingerprint('unreadable-manifest', 'a/model.safetensors', 'weights:a/model.safetensors')
    );
  });
});

describe('missing-license', () => {
  it('points at the model card and asks for `license:` in its front matter', () => {
    const a = artifact('a', { records: [record(PEFT, 'peft-adapter-config'), record(CARD, 'hf-model-card')] });
    const [e, ...rest] = run('missing-license', a);
    expect(rest).toEqual([]);
    expect(e.finding).toMatchObject({ severity: 'error', path: CARD, line: 1 });
    expect(e.finding.message).toContain(
      'The artifact in a declares no license (adapter_config.json and README.md carry none)'
    );
    expect(e.finding.fix).toMatch(/^Add `license:` to the front matter of a\/README\.md/);
    expect(e.finding.fingerprint).toBe(fingerprint('missing-license', CARD, 'a'));
  });
  it('asks for a model card or lineage.yaml when there is no card, at the repository root too', () => {
    const [e] = run(
      'missing-license',
      artifact('.', { records: [record('adapter_config.json', 'peft-adapter-config')] })
    );
    expect(e.finding.message).toContain(
      'at the repository root declares no license (adapter_config.json carries none)'
    );
    expect(e.finding.fix).toBe(
      'Add a model card (README.md with `license:` in its front matter) or a lineage.yaml with ' +
        '`license: { id: … }` at the repository root.'
    );
  });
  it('names a README without card metadata as the place for the license', () => {
    const peft = [record(PEFT, 'peft-adapter-config')];
    const bare = artifact('a', { records: peft, plainCards: [{ path: CARD, frontMatter: false, prose: '# A' }] });
    expect(run('missing-license', bare)[0].finding.fix).toBe(
      'Start a/README.md with YAML front matter that declares the license (a `---` line, `license: …`, ' +
        'another `---` line; a Hub license id such as `apache-2.0` or `llama3.1`, or `other` with ' +
        '`license_name` and `license_link`), or add a lineage.yaml with `license: { id: … }` in a.'
    );
    const titled = artifact('a', { records: peft, plainCards: [{ path: CARD, frontMatter: true, prose: '' }] });
    const [e] = run('missing-license', titled);
    expect(e.finding.fix).toBe(
      'Add `license:` to the front matter of a/README.md (a Hub license id such as `apache-2.0` or ' +
        '`llama3.1`, or `other` with `license_name` and `license_link`), or add a lineage.yaml with ' +
        '`license: { id: … }` in a.'
    );
    // The finding stays where it was (the fingerprint of a known finding does not move).
    expect(e.finding.path).toBe(PEFT);
  });
  it('is silent when a manifest declares a license, or the artifact is only weights', () => {
    const licensed = artifact('a', {
      records: [record(PEFT, 'peft-adapter-config'), record(CARD, 'hf-model-card', { license: license(CARD, 'mit') })]
    });
    expect(run('missing-license', licensed)).toEqual([]);
    expect(
      run('missing-license', artifact('a', { records: [record('a/m.gguf', 'gguf', { origin: 'weights' })] }))
    ).toEqual([]);
  });
});

describe('invalid-hub-id', () => {
  it('reports each invalid id with the reason, and the raw value when no id was read', () => {
    const a = artifact('a', {
      records: [
        record(PEFT, 'peft-adapter-config', {
          upstreams: [
            upstream(PEFT, { kind: 'hub-id', id: 'org--x/m', raw: 'org--x/m', invalidReason: "contains '--'" }),
            upstream(PEFT, {
              kind: 'hub-id',
              raw: 'a/b/c',
              invalidReason: 'has two slashes',
              source: at(PEFT, 'f', 9)
            }),
            upstream(PEFT, { kind: 'hub-id', id: 'org/fine' })
          ]
        })
      ]
    });
    const [first, second, ...rest] = run('invalid-hub-id', a);
    expect(rest).toEqual([]);
    expect(first.finding.severity).toBe('error');
    expect(first.finding.message).toBe(
      '"org--x/m" at `base_model` in a/adapter_config.json is not a valid Hub repo id: contains \'--\'.'
    );
    expect(first.finding.fix).toContain('`org/name`, letters, digits');
    expect(first.finding.fingerprint).toBe(fingerprint('invalid-hub-id', PEFT, 'base_model:org--x/m'));
    expect(second.finding).toMatchObject({
      line: 9,
      message: '"a/b/c" at `f` in a/adapter_config.json is not a valid Hub repo id: has two slashes.'
    });
  });
});

describe('waiver-expired', () => {
  const waiver = (extra: Partial<Waiver> = {}): Waiver => ({
    rule: 'missing-license',
    path: 'models/**',
    reason: 'legal review pending',
    expires: '2026-01-31',
    at: { path: '.github/lineage-policy.yml', line: 12, column: 5 },
    ...extra
  });
  const findings = (expiredWaivers: Waiver[]) =>
    evaluateRun([findRule('waiver-expired') as Rule], { policy: defaultPolicy(), now: new Date(), expiredWaivers });

  it('reports each expired waiver at its place in the policy file, with its reason', () => {
    const [e, ...rest] = findings([waiver()]);
    expect(rest).toEqual([]);
    expect(e.finding).toMatchObject({
      severity: 'warning',
      path: '.github/lineage-policy.yml',
      line: 12,
      column: 5,
      endLine: 12,
      endColumn: 6,
      artifact: '.github'
    });
    expect(e.finding.message).toBe(
      'The waiver of `missing-license` for "models/**" expired on 2026-01-31; the findings it covered count again. ' +
        'Its reason was: "legal review pending".'
    );
    expect(e.finding.fix).toContain('renew the waiver with a new `expires` date');
    expect(e.finding.fingerprint).toBe(
      fingerprint('waiver-expired', '.github/lineage-policy.yml', 'missing-license:models/**:')
    );
  });
  it('names the upstream a scoped waiver covered', () => {
    const [e] = findings([waiver({ upstream: 'meta-llama/*' })]);
    expect(e.finding.message).toContain('for "models/**" (upstream "meta-llama/*") expired');
    expect(e.finding.fingerprint).toBe(
      fingerprint('waiver-expired', '.github/lineage-policy.yml', 'missing-license:models/**:meta-llama/*')
    );
  });
  it('says nothing about artifacts, and nothing without expired waivers', () => {
    expect(findings([])).toEqual([]);
    expect(run('waiver-expired', artifact('a', { records: [record(CARD, 'hf-model-card')] }))).toEqual([]);
  });
});
