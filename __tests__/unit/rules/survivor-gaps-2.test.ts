/**
 * Cases the 2026-12-06 mutation run of src/rules (report rules4) showed no test covered, for
 * hub-unreachable (the one "Hub is down" finding), unresolvable-upstream, missing-license,
 * naming-requirement and the artifact facts they share (docs/mutation-survivors.md); each checked
 * against the surviving mutants with /work/notes/recheck.mjs.
 */
import type { HubAnswer } from '../../../src/hub/answer.js';
import { LicenseKnowledge } from '../../../src/licenses/knowledge.js';
import type { Artifact } from '../../../src/lineage/artifact.js';
import type { LineageRecord, UpstreamRef } from '../../../src/lineage/record.js';
import { defaultEffectivePolicy } from '../../../src/policy/defaults.js';
import type { EffectivePolicy } from '../../../src/policy/policy.js';
import { fingerprint } from '../../../src/findings/fingerprint.js';
import { artifactLicense, isRecipeOnly, placeholderLicenses } from '../../../src/rules/artifact-facts.js';
import { evaluateArtifact } from '../../../src/rules/engine.js';
import { findRule } from '../../../src/rules/index.js';
import type { Rule, RuleContext } from '../../../src/rules/rule.js';
import { artifact, at, defaultRuleContext, license, record, upstream } from '../../helpers/build.js';
import { fact, hubOf } from '../../helpers/hub-facts.js';

const CARD = 'a/README.md';
const PEFT = 'a/adapter_config.json';
const LINEAGE = 'a/lineage.yaml';
const SHA = '0123456789abcdef0123456789abcdef01234567';

function run(ruleId: string, a: Artifact, overrides: Partial<Omit<RuleContext, 'artifact'>> = {}) {
  return evaluateArtifact(a, [findRule(ruleId) as Rule], defaultRuleContext(overrides));
}

const hubRef = (path: string, id: string, line: number, extra: Partial<UpstreamRef> = {}): UpstreamRef =>
  upstream(path, { kind: 'hub-id', id, raw: id, source: at(path, 'base_model', line), ...extra });

describe('hub-unreachable: the Hub is down', () => {
  const down = (reason = 'getaddrinfo ENOTFOUND huggingface.co'): HubAnswer => ({
    kind: 'unreachable',
    reason,
    attempts: 1,
    hubDown: true
  });
  const timeout: HubAnswer = { kind: 'unreachable', reason: 'timed out after 30 s', attempts: 3 };
  const requireHub = (): EffectivePolicy => {
    const base = defaultEffectivePolicy();
    return { ...base, require: { ...base.require, hub: true } };
  };
  /** A card naming Org/A (line 4), org/b at a revision (line 5) and org/c (line 6). */
  const three = () =>
    artifact('a', {
      records: [
        record(CARD, 'hf-model-card', {
          upstreams: [hubRef(CARD, 'Org/A', 4), hubRef(CARD, 'org/b', 5, { revision: SHA }), hubRef(CARD, 'org/c', 6)]
        })
      ]
    });
  const hub = () => hubOf([fact('Org/A', down()), fact('org/b', down(), { revision: SHA }), fact('org/c', timeout)]);

  it('is one finding for all upstreams the Hub could not be reached for, beside those it could not answer', () => {
    const findings = run('hub-unreachable', three(), { hub: hub() });
    expect(findings.map((e) => [e.finding.line, e.upstream])).toEqual([
      [4, undefined],
      [6, 'org/c']
    ]);
    const [e] = findings;
    expect(e.finding).toMatchObject({ ruleId: 'hub-unreachable', severity: 'warning', path: CARD, artifact: 'a' });
    expect(e.finding.message).toBe(
      'Could not reach the Hub (first asked about Org/A, `base_model` in a/README.md): ' +
        `getaddrinfo ENOTFOUND huggingface.co. 2 upstreams left unverified: Org/A, org/b@${SHA}.`
    );
    expect(e.finding.fix).toBe(
      'Re-run when the Hub answers, or check `hub-endpoint` and `hub-token`; ' +
        'set `require.hub: true` in the policy to fail closed.'
    );
    expect(e.finding.fingerprint).toBe(fingerprint('hub-unreachable', CARD, 'hub-down'));
    expect(findings[1].finding.message).toContain('Could not ask the Hub about org/c');
  });

  it('is an error when the policy requires the Hub', () => {
    const [e] = run('hub-unreachable', three(), { hub: hub(), policy: requireHub() });
    expect(e.finding).toMatchObject({ severity: 'error', line: 4 });
    expect(e.finding.message).toMatch(/^Could not reach the Hub/);
    expect(e.finding.fix).toBe(
      'The policy requires the Hub (`require.hub: true`): re-run when the Hub answers, ' +
        'or check `hub-endpoint` and `hub-token`.'
    );
  });

  it('is said once per run: an artifact that does not name the first upstream asked says nothing of it', () => {
    const other = artifact('b', { records: [record('b/README.md', 'hf-model-card', { upstreams: [] })] });
    other.records[0].upstreams.push(hubRef('b/README.md', 'org/b', 3, { revision: SHA }));
    expect(run('hub-unreachable', other, { hub: hub() })).toEqual([]);
  });

  it('names at most 20 upstreams, and counts the rest', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `org/m${i}`);
    const message = (n: number) => {
      const a = artifact('a', {
        records: [record(CARD, 'hf-model-card', { upstreams: ids(n).map((id, i) => hubRef(CARD, id, 10 + i)) })]
      });
      const findings = run('hub-unreachable', a, { hub: hubOf(ids(n).map((id) => fact(id, down('refused')))) });
      expect(findings).toHaveLength(1);
      return findings[0].finding.message;
    };
    const head = 'Could not reach the Hub (first asked about org/m0, `base_model` in a/README.md): refused.';
    expect(message(1)).toBe(`${head} 1 upstream left unverified: org/m0.`);
    expect(message(20)).toBe(`${head} 20 upstreams left unverified: ${ids(20).join(', ')}.`);
    expect(message(21)).toBe(`${head} 21 upstreams left unverified: ${ids(20).join(', ')} and 1 more.`);
  });
});

describe('unresolvable-upstream', () => {
  it("gives the fix of the format the upstream is written in, not the first record's", () => {
    const a = artifact('a', {
      records: [
        record(CARD, 'hf-model-card'),
        record(PEFT, 'peft-adapter-config', {
          upstreams: [
            upstream(PEFT, { kind: 'local-path', raw: '/mnt/ft', source: at(PEFT, 'base_model_name_or_path') })
          ]
        })
      ]
    });
    const findings = run('unresolvable-upstream', a).map((e) => e.finding);
    expect(findings.map((f) => f.path)).toEqual([PEFT]);
    expect(findings[0].fix).toBe(
      'In a/adapter_config.json, set `base_model_name_or_path` to the Hub id (`org/name`) ' +
        'and `revision` to its 40-hex commit.'
    );
  });

  it("reports a merge parent written as a path when the other file names only the merge's base", () => {
    const M = 'm/mergekit_config.yml';
    const a = artifact('m', {
      records: [
        record(M, 'mergekit-config', {
          upstreams: [upstream(M, { kind: 'local-path', raw: '/mnt/ft', role: 'merge-parent' })]
        }),
        record('m/README.md', 'hf-model-card', { upstreams: [hubRef('m/README.md', 'Qwen/Qwen2.5-7B', 3)] })
      ]
    });
    const findings = run('unresolvable-upstream', a).map((e) => e.finding);
    expect(findings.map((f) => [f.path, f.message])).toEqual([[M, expect.stringContaining('("/mnt/ft")')]]);
  });
});

describe('missing-license', () => {
  const CARD_FIX =
    'a Hub license id such as `apache-2.0` or `llama3.1`, or `other` with `license_name` and `license_link`';

  it('quotes a placeholder under a misspelt `licence` key, and asks to spell the key right', () => {
    const a = artifact('a', {
      records: [
        record(CARD, 'hf-model-card', { license: license(CARD, 'license', { source: at(CARD, 'licence', 3) }) })
      ]
    });
    const [e, ...rest] = run('missing-license', a);
    expect(rest).toEqual([]);
    expect(e.finding).toMatchObject({ path: CARD, line: 3 });
    expect(e.finding.message).toBe(
      'The artifact in a declares no license: `licence` in a/README.md (line 3) says "license", a placeholder — ' +
        'it is the template text a tool writes when no license was given (TRL writes `licence: license`). ' +
        "No one can tell under which terms it may be used or what its upstream's license asks of it."
    );
    expect(e.finding.fix).toBe(
      `Replace "license" in the front matter of a/README.md with the artifact's real license (${CARD_FIX})` +
        ' (and spell the key `license`: the Hub reads no `licence`); ' +
        "for a derivative start from the upstream's license."
    );
  });

  it('gives the fix for the format that holds the placeholder, not for the first record', () => {
    const a = artifact('a', {
      records: [record(PEFT, 'peft-adapter-config'), record(CARD, 'hf-model-card', { license: license(CARD, 'other') })]
    });
    const [e] = run('missing-license', a);
    expect(e.finding.path).toBe(CARD);
    expect(e.finding.fix).toBe(
      `Replace "other" in the front matter of a/README.md with the artifact's real license (${CARD_FIX}); ` +
        "for a derivative start from the upstream's license."
    );
  });

  it('without a card, lands on the lineage.yaml rather than the PEFT config, and says why it matters', () => {
    const a = artifact('a', { records: [record(PEFT, 'peft-adapter-config'), record(LINEAGE, 'lineage-manifest')] });
    const [e, ...rest] = run('missing-license', a);
    expect(rest).toEqual([]);
    expect(e.finding).toMatchObject({ path: LINEAGE, line: 1 });
    expect(e.finding.message).toBe(
      'The artifact in a declares no license (adapter_config.json and lineage.yaml carry none), so no one ' +
        "can tell under which terms it may be used or what its upstream's license asks of it."
    );
  });
});

describe('naming-requirement', () => {
  const LLAMA_31 = 'meta-llama/Llama-3.1-8B';
  const LLAMA_3 = 'meta-llama/Meta-Llama-3-8B';
  const named = (id: string, ...names: { path: string; format: string; value: string }[]) =>
    artifact('a', {
      records: names.map((n, i): LineageRecord =>
        record(n.path, n.format, {
          upstreams: i === 0 ? [upstream(n.path, { kind: 'hub-id', id })] : [],
          name: { value: n.value, source: at(n.path, n.format === 'hf-model-card' ? 'model_name' : 'name', 7) }
        })
      )
    });
  const card = (value: string) => ({ path: CARD, format: 'hf-model-card', value });
  const lineage = (value: string) => ({ path: LINEAGE, format: 'lineage-manifest', value });

  it('ignores case, doubled separators and separators around the name', () => {
    expect(run('naming-requirement', named(LLAMA_3, card('Llama__3-support')))).toEqual([]);
    expect(run('naming-requirement', named(LLAMA_3, card('_llama3_support')))).toEqual([]);
  });

  it('skips a blank name for the next manifest that names the artifact', () => {
    const [e, ...rest] = run('naming-requirement', named(LLAMA_31, card('support-bot'), lineage('   ')));
    expect(rest).toEqual([]);
    expect(e.finding.message).toMatch(/^The artifact's name "support-bot" \(`model_name` in a\/README\.md\)/);
  });

  it('trims the declared name', () => {
    const [e] = run('naming-requirement', named(LLAMA_31, card('  org/support-bot  ')));
    expect(e.finding.message).toMatch(/^The artifact's name "support-bot" \(`model_name` in a\/README\.md\) does not/);
    expect(e.finding.fix).toMatch(/^Name the artifact "Llama…" \(e\.g\. "Llama-support-bot"\) in `model_name` in /);
  });

  const ACME = 'acme/chat-7b';
  const acme = () =>
    artifact('adapters/helper', {
      records: [
        record('adapters/helper/adapter_config.json', 'peft-adapter-config', {
          upstreams: [upstream('adapters/helper/adapter_config.json', { kind: 'hub-id', id: ACME })]
        })
      ]
    });
  const mapping = [
    { pattern: 'acme/*', license: 'acme-eula', at: { path: '.github/lineage-policy.yml', line: 1, column: 1 } }
  ];

  it('says nothing of an upstream license the gate does not know', () => {
    expect(run('naming-requirement', acme(), { upstreamLicenseMappings: mapping })).toEqual([]);
  });

  it("suggests a name from a policy license's prefix, one hyphen for each run of spaces", () => {
    const knowledge = LicenseKnowledge.builtin().withEntries([
      { id: 'acme-eula', family: 'acme', source: 'https://acme.example/eula', 'naming-prefix': 'Acme  Chat' }
    ]);
    const [e, ...rest] = run('naming-requirement', acme(), { upstreamLicenseMappings: mapping, knowledge });
    expect(rest).toEqual([]);
    expect(e.finding.message).toContain(`"helper" (its directory name, as no manifest names it) does not start`);
    expect(e.finding.fix).toBe(
      'Name the artifact "Acme  Chat…" (e.g. "Acme-Chat-helper") in its model card `model_name` or ' +
        'lineage.yaml `name`. License: https://acme.example/eula'
    );
  });
});

describe('artifact facts', () => {
  const recipe = (path: string) => record(path, 'axolotl-config', { recipe: true });

  it('isRecipeOnly: configs only, with no weights left; not an artifact without manifests', () => {
    expect(isRecipeOnly(artifact('a'))).toBe(false);
    expect(isRecipeOnly(artifact('a', { weights: [{ path: 'a/w.safetensors', status: 'removed' }] }))).toBe(false);
    const configs = [recipe('a/train.yml'), recipe('a/eval.yml')];
    expect(isRecipeOnly(artifact('a', { records: configs }))).toBe(true);
    expect(isRecipeOnly(artifact('a', { records: [...configs, record(CARD, 'hf-model-card')] }))).toBe(false);
    expect(
      isRecipeOnly(artifact('a', { records: configs, weights: [{ path: 'a/w.safetensors', status: 'removed' }] }))
    ).toBe(true);
    expect(
      isRecipeOnly(artifact('a', { records: configs, weights: [{ path: 'a/w.safetensors', status: 'present' }] }))
    ).toBe(false);
  });

  it('artifactLicense and placeholderLicenses pass over manifests without a license', () => {
    const real = license(CARD, 'apache-2.0');
    const a = artifact('a', {
      records: [record(LINEAGE, 'lineage-manifest'), record(CARD, 'hf-model-card', { license: real })]
    });
    expect(artifactLicense(a)).toBe(real);
    expect(placeholderLicenses(a)).toEqual([]);
    const unknown = license(CARD, 'unknown');
    const b = artifact('a', {
      records: [
        record(LINEAGE, 'lineage-manifest'),
        record(CARD, 'hf-model-card', { license: unknown }),
        record(PEFT, 'peft-adapter-config', { license: license(PEFT, 'mit') })
      ]
    });
    expect(placeholderLicenses(b)).toEqual([unknown]);
  });

  it('artifactLicense: a declaration with neither id nor name (only a link) is no license of its own', () => {
    const linkOnly = { link: 'https://example.com/LICENSE', source: at(CARD, 'license_link') };
    expect(artifactLicense(artifact('a', { records: [record(CARD, 'hf-model-card', { license: linkOnly })] }))).toBe(
      undefined
    );
  });
});
