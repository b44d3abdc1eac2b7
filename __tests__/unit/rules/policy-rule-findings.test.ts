/**
 * The license and policy rules' findings in full (message, fix, severity and the fingerprint a waiver or a
 * rerun matches), and cases policy-rules.test.ts leaves open. License names and terms come from the license
 * knowledge, so a change to the license data does not break these tests.
 */
import { LicenseKnowledge } from '../../../src/licenses/knowledge.js';
import type { LicenseEntry } from '../../../src/licenses/license-entry.js';
import { mergeSettings } from '../../../src/policy/effective.js';
import { defaultEffectivePolicy } from '../../../src/policy/defaults.js';
import type { EffectivePolicy } from '../../../src/policy/policy.js';
import { fingerprint } from '../../../src/findings/fingerprint.js';
import { evaluateArtifact } from '../../../src/rules/engine.js';
import { findRule } from '../../../src/rules/index.js';
import type { Rule } from '../../../src/rules/rule.js';
import type { LineageRecord, UpstreamRef } from '../../../src/lineage/record.js';
import { artifact, at, defaultRuleContext, license, record, upstream } from '../../helpers/build.js';

const CARD = 'a/README.md';

function policy(settings: Parameters<typeof mergeSettings>[1]): EffectivePolicy {
  return mergeSettings(defaultEffectivePolicy(), settings);
}
function run(ruleId: string, a: ReturnType<typeof artifact>, p: EffectivePolicy = defaultEffectivePolicy()) {
  return evaluateArtifact(a, [findRule(ruleId) as Rule], defaultRuleContext({ policy: p })).map((e) => e.finding);
}
function entry(id: string): LicenseEntry {
  const found = LicenseKnowledge.builtin().lookup(id);
  if (!found) throw new Error(`no built-in license ${id}`);
  return found;
}
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A message made of literal parts with anything (the license source a helper words) in between. */
const parts = (...literal: string[]) => new RegExp(`^${literal.map(escape).join('.+')}$`);

const hub = (id: string, extra: Partial<UpstreamRef> = {}) =>
  upstream(CARD, { kind: 'hub-id', id, raw: id, source: at(CARD, 'base_model', 7), ...extra });
const cardRecord = (upstreams: UpstreamRef[], lic?: string, extra: Partial<LineageRecord> = {}) =>
  record(CARD, 'hf-model-card', {
    upstreams,
    ...(lic ? { license: license(CARD, lic, { source: at(CARD, 'license', 3) }) } : {}),
    ...extra
  });
const card = (id: string, lic?: string, extra: Partial<LineageRecord> = {}) =>
  artifact('a', { records: [cardRecord([hub(id)], lic, extra)] });

describe('license-conflict', () => {
  it('says which terms flow down and what to declare', () => {
    const llama = entry('llama3.1');
    const findings = run('license-conflict', card('meta-llama/Llama-3.1-8B', 'apache-2.0'));
    expect(findings).toEqual([
      expect.objectContaining({
        path: CARD,
        line: 3,
        severity: 'warning',
        message: expect.stringMatching(
          parts(
            'The artifact declares "apache-2.0" (`license` in a/README.md), but its upstream meta-llama/Llama-3.1-8B ' +
              `is under ${llama.display} (from `,
            `), whose terms flow down to derivatives (${llama.restrictions.join('; ')}): the declared license ` +
              'cannot drop them.'
          )
        ),
        fix:
          "Declare `llama3.1` (or `other` with a license that includes the upstream's terms) and ship its terms " +
          `with the artifact. License: ${llama.source}`,
        fingerprint: fingerprint('license-conflict', CARD, 'apache-2.0:meta-llama/llama-3.1-8b')
      })
    ]);
  });

  it("accepts the upstream's license under another of its names", () => {
    const alias = entry('llama3.1').aliases.find((a) => a.toLowerCase() !== 'llama3.1');
    expect(alias).toBeDefined();
    expect(run('license-conflict', card('meta-llama/Llama-3.1-8B', alias))).toEqual([]);
  });

  it('says nothing without a declared license', () => {
    expect(run('license-conflict', card('meta-llama/Llama-3.1-8B'))).toEqual([]);
  });
});

describe('license-not-allowed', () => {
  it('reports a denied license of the artifact and of an upstream in full', () => {
    const findings = run(
      'license-not-allowed',
      card('Qwen/Qwen2.5-3B-Instruct', 'mit'),
      policy({ licenses: { deny: ['mit', 'qwen-research'] } })
    );
    const fix = 'Do not ship this artifact under these terms, or waive the finding in the policy with a reason.';
    expect(findings).toEqual([
      expect.objectContaining({
        line: 3,
        severity: 'error',
        message:
          'The artifact\'s license (`license` in a/README.md) is "mit", and the policy denies it ' +
          '(`licenses.deny`: "mit").',
        fix,
        fingerprint: fingerprint('license-not-allowed', CARD, 'artifact:mit')
      }),
      expect.objectContaining({
        line: 7,
        message: expect.stringMatching(
          parts(
            'The license of upstream Qwen/Qwen2.5-3B-Instruct (from ',
            ') is "qwen-research", and the policy denies it (`licenses.deny`: "qwen-research").'
          )
        ),
        fix,
        fingerprint: fingerprint('license-not-allowed', CARD, 'Qwen/Qwen2.5-3B-Instruct:qwen-research')
      })
    ]);
  });

  it('reports a license outside the allow list, and an unknown one when the policy fails closed', () => {
    const fix =
      'Use an allowed license, add it to `licenses.allow` if your legal review accepts it, or waive the finding ' +
      'with a reason.';
    const [outside] = run(
      'license-not-allowed',
      card('Qwen/Qwen3-4B', 'cc-by-4.0'),
      policy({ licenses: { allow: ['apache-2.0'] } })
    );
    expect(outside).toMatchObject({
      message:
        'The artifact\'s license (`license` in a/README.md) is "cc-by-4.0", and it is not in the policy\'s ' +
        '`licenses.allow` list.',
      fix
    });
    const [unknown] = run(
      'license-not-allowed',
      card('Qwen/Qwen3-4B', 'my-own-eula'),
      policy({ licenses: { unknown: 'fail' } })
    );
    expect(unknown).toMatchObject({
      severity: 'error',
      message:
        'The artifact\'s license (`license` in a/README.md) is "my-own-eula", and the gate does not know this ' +
        'license, and the policy does not accept unknown licenses (`licenses.unknown`).',
      fix
    });
  });

  it('lets unknown licenses through under `unknown: allow`, and judges only by a deny list when there is one', () => {
    const allowUnknown = policy({ licenses: { deny: ['mit'], unknown: 'allow' } });
    expect(run('license-not-allowed', card('Qwen/Qwen3-4B', 'my-own-eula'), allowUnknown)).toEqual([]);
    const denyOnly = policy({ licenses: { deny: ['mit'] } });
    expect(run('license-not-allowed', card('Qwen/Qwen3-4B', 'apache-2.0'), denyOnly)).toEqual([]);
  });
});

describe('non-commercial-upstream', () => {
  it('names the upstream, its license and terms', () => {
    const research = entry('qwen-research');
    const findings = run('non-commercial-upstream', card('Qwen/Qwen2.5-3B-Instruct'));
    expect(findings).toEqual([
      expect.objectContaining({
        path: CARD,
        line: 7,
        severity: 'warning',
        message: expect.stringMatching(
          parts(
            `The upstream Qwen/Qwen2.5-3B-Instruct (\`base_model\` in a/README.md) is under ${research.display} ` +
              '(license from ',
            '), which allows non-commercial or research use only: the artifact inherits that restriction. ' +
              `Terms: ${research.restrictions.join('; ')}.`
          )
        ),
        fix:
          'Keep the artifact out of commercial use, or train from an upstream whose license allows it. ' +
          `License: ${research.source}`,
        fingerprint: fingerprint('non-commercial-upstream', CARD, 'qwen/qwen2.5-3b-instruct')
      })
    ]);
  });
});

describe('naming-requirement', () => {
  const llama = entry('llama3.1');
  const named = (name: string) =>
    card('meta-llama/Llama-3.1-8B', undefined, { name: { value: name, source: at(CARD, 'model_name', 2) } });

  it('says what the name lacks and suggests one', () => {
    expect(run('naming-requirement', named('support-bot'))).toEqual([
      expect.objectContaining({
        path: CARD,
        line: 2,
        severity: 'warning',
        message:
          'The artifact\'s name "support-bot" (`model_name` in a/README.md) does not start with "Llama", which the ' +
          `${llama.display} of its upstream meta-llama/Llama-3.1-8B requires of derivative models.`,
        fix:
          'Name the artifact "Llama…" (e.g. "Llama-support-bot") in `model_name` in a/README.md. ' +
          `License: ${llama.source}`,
        fingerprint: fingerprint('naming-requirement', CARD, 'Llama:support-bot')
      })
    ]);
  });

  it('writes the suggestion with dashes for a prefix of several words', () => {
    const [f] = run(
      'naming-requirement',
      card('meta-llama/Meta-Llama-3-8B', undefined, { name: { value: 'bot', source: at(CARD, 'model_name') } })
    );
    expect(f.fix).toContain('(e.g. "Llama-3-bot")');
  });

  it('compares names regardless of case, separators and a digit run into the word', () => {
    expect(run('naming-requirement', named('LLAMA_support-bot'))).toEqual([]);
    expect(run('naming-requirement', named('Llama.support'))).toEqual([]);
    expect(run('naming-requirement', named('  llama  '))).toEqual([]);
    expect(run('naming-requirement', named('llamabot'))).toHaveLength(1);
  });

  it('reports a prefix once, for the repository root by no name', () => {
    const twice = artifact('a', {
      records: [
        cardRecord([hub('meta-llama/Llama-3.1-8B'), hub('meta-llama/Llama-3.1-70B')], undefined, {
          name: { value: 'bot', source: at(CARD, 'model_name') }
        })
      ]
    });
    expect(run('naming-requirement', twice)).toHaveLength(1);
    const root = artifact('.', {
      records: [record('README.md', 'hf-model-card', { upstreams: [hub('meta-llama/Llama-3.1-8B')] })]
    });
    expect(run('naming-requirement', root)).toEqual([]);
  });

  it('falls back to the last part of the directory, on the anchor manifest', () => {
    const nested = artifact('models/support-bot', {
      records: [
        record('models/support-bot/README.md', 'hf-model-card', { upstreams: [hub('meta-llama/Llama-3.1-8B')] })
      ]
    });
    const [f] = run('naming-requirement', nested);
    expect(f).toMatchObject({ path: 'models/support-bot/README.md', line: 1 });
    expect(f.message).toContain(
      'name "support-bot" (its directory name, as no manifest names it) does not start with "Llama"'
    );
  });
});

describe('upstream-not-allowed', () => {
  const mirror = 'unsloth/Meta-Llama-3.1-8B-Instruct-bnb-4bit';
  const mirrored = LicenseKnowledge.builtin().mirrorUpstream(mirror);

  it('reports a denied upstream, naming what it mirrors, in full', () => {
    expect(mirrored).toBeDefined();
    expect(run('upstream-not-allowed', card(mirror), policy({ upstreams: { deny: ['meta-llama/*'] } }))).toEqual([
      expect.objectContaining({
        path: CARD,
        line: 7,
        severity: 'error',
        message:
          `The upstream ${mirror} (a mirror of ${mirrored}) at \`base_model\` in a/README.md matches the policy's ` +
          '`upstreams.deny` pattern "meta-llama/*".',
        fix: 'Derive the artifact from an allowed upstream, or waive the finding in the policy with a reason.',
        fingerprint: fingerprint('upstream-not-allowed', CARD, mirror.toLowerCase())
      })
    ]);
  });

  it('reports an upstream outside the allow list in full', () => {
    expect(run('upstream-not-allowed', card(mirror), policy({ upstreams: { allow: ['Qwen/*', 'google/*'] } }))).toEqual(
      [
        expect.objectContaining({
          message:
            `The upstream ${mirror} (a mirror of ${mirrored}) at \`base_model\` in a/README.md matches none of the ` +
            'policy\'s `upstreams.allow` patterns ("Qwen/*", "google/*").',
          fix:
            `Derive the artifact from an allowed upstream, or add a pattern for ${mirrored} to \`upstreams.allow\` ` +
            'once it has been reviewed.',
          fingerprint: fingerprint('upstream-not-allowed', CARD, mirror.toLowerCase())
        })
      ]
    );
    const [own] = run(
      'upstream-not-allowed',
      card('acme/widget'),
      policy({ upstreams: { allow: ['Qwen/*'], mirrorsAsUpstream: false } })
    );
    expect(own.message).toMatch(/^The upstream acme\/widget at `base_model`/);
    expect(own.fix).toContain('add a pattern for acme/widget to');
  });

  it('judges each upstream once, and only upstreams that resolve', () => {
    const deny = policy({ upstreams: { deny: ['acme/*'] } });
    const twice = artifact('a', { records: [cardRecord([hub('acme/widget'), hub('ACME/Widget')])] });
    expect(run('upstream-not-allowed', twice, deny)).toHaveLength(1);
    const invalid = artifact('a', { records: [cardRecord([hub('acme/widget', { invalidReason: 'x' })])] });
    expect(run('upstream-not-allowed', invalid, deny)).toEqual([]);
  });
});

describe('insufficient-evidence', () => {
  const inferred = (id: string, extra: Partial<UpstreamRef> = {}) =>
    hub(id, { kind: 'local-path', evidence: 'inferred', recovered: `recovered ${id} from x`, ...extra });

  it('says how weak the claim is and how to make it primary', () => {
    const a = artifact('a', { records: [cardRecord([inferred('org/m')])] });
    expect(run('insufficient-evidence', a, policy({ require: { evidence: 'primary' } }))).toEqual([
      expect.objectContaining({
        path: CARD,
        line: 7,
        message:
          'The claim that the artifact derives from org/m (`base_model` in a/README.md) is only inferred evidence ' +
          '(recovered org/m from x); the policy requires at least primary.',
        fix:
          "Declare org/m directly, with its revision, in the artifact's manifest or a lineage.yaml " +
          '(`upstreams[].evidence: primary`), citing where the claim comes from.',
        fingerprint: fingerprint('insufficient-evidence', CARD, 'org/m')
      })
    ]);
  });

  it('judges an upstream by its strongest claim in any case of its id, and passes one at the minimum', () => {
    const primary = policy({ require: { evidence: 'primary' } });
    const secondary = policy({ require: { evidence: 'secondary' } });
    const both = artifact('a', { records: [cardRecord([inferred('org/m'), hub('ORG/M')])] });
    expect(run('insufficient-evidence', both, primary)).toEqual([]);
    const header = artifact('a', {
      records: [cardRecord([inferred('org/m'), hub('org/m', { evidence: 'secondary' })])]
    });
    expect(run('insufficient-evidence', header, secondary)).toEqual([]);
    const [f] = run('insufficient-evidence', header, primary);
    expect(f.message).toBe(
      'The claim that the artifact derives from org/m (`base_model` in a/README.md) is only secondary evidence; ' +
        'the policy requires at least primary.'
    );
  });
});

describe('missing-attribution', () => {
  const llama = entry('llama3.1');

  it('says why attribution is owed and which text to carry', () => {
    expect(run('missing-attribution', card('meta-llama/Llama-3.1-8B', 'llama3.1'))).toEqual([
      expect.objectContaining({
        path: CARD,
        line: 7,
        severity: 'error',
        message: expect.stringMatching(
          parts(
            'Attribution is owed because meta-llama/Llama-3.1-8B (`base_model` in a/README.md) is under the ' +
              `${llama.display} (from `,
            '), but the artifact in a carries no attribution text (no lineage.yaml `attribution.text`, no NOTICE ' +
              'file, no notice in the model card).'
          )
        ),
        fix:
          `Carry "${llama.attribution!.text}" with the artifact: in lineage.yaml \`attribution: { text: … }\`, in a ` +
          `NOTICE file in a, or in the model card's text. Source: ${llama.source}`,
        fingerprint: fingerprint('missing-attribution', CARD, 'a:llama3.1')
      })
    ]);
  });

  it('owes the notice of a model license the artifact itself carries', () => {
    const [f] = run('missing-attribution', artifact('a', { records: [cardRecord([], 'llama3.1')] }));
    expect(f).toMatchObject({ line: 3, fingerprint: fingerprint('missing-attribution', CARD, 'a:llama3.1') });
    expect(f.message).toContain(`because the artifact is licensed under ${llama.display} (\`license\` in a/README.md)`);
  });

  it('asks a generic text when the policy requires attribution of every artifact', () => {
    const always = policy({ require: { attribution: 'always' } });
    expect(run('missing-attribution', card('Qwen/Qwen3-4B', 'apache-2.0'), always)).toEqual([
      expect.objectContaining({
        line: 1,
        message:
          'Attribution is owed because the policy requires attribution text for every artifact ' +
          '(`require.attribution: always`), but the artifact in a carries no attribution text (no lineage.yaml ' +
          '`attribution.text`, no NOTICE file, no notice in the model card).',
        fix:
          'Carry the attribution text the upstream license asks for with the artifact: in lineage.yaml ' +
          "`attribution: { text: … }`, in a NOTICE file in a, or in the model card's text.",
        fingerprint: fingerprint('missing-attribution', CARD, 'a:declared')
      })
    ]);
  });

  it('is satisfied only by card prose that contains a marker of the license, in any case', () => {
    const marker = llama.attribution!.markers![0];
    const withProse = (text: string) =>
      artifact('a', {
        records: [cardRecord([hub('meta-llama/Llama-3.1-8B')], undefined, { prose: { text, startLine: 9 } })]
      });
    expect(run('missing-attribution', withProse(`We are ${marker.toUpperCase()}.`))).toEqual([]);
    expect(run('missing-attribution', withProse('A support bot.'))).toHaveLength(1);
    const blankText = record('a/lineage.yaml', 'lineage-manifest', {
      attribution: { text: '  ', source: at('a/lineage.yaml', 'attribution.text') }
    });
    const a = artifact('a', { records: [cardRecord([hub('meta-llama/Llama-3.1-8B')]), blankText] });
    expect(run('missing-attribution', a)).toHaveLength(1);
  });

  it('reports a false flag beside an unconditional duty in full, once per flag', () => {
    const path = 'r/training_manifest.json';
    const rec = record(path, 'mens-training-manifest', {
      upstreams: [upstream(path, { kind: 'hub-id', id: 'meta-llama/Llama-3.1-8B', source: at(path, 'base_model', 4) })],
      attribution: { required: false, source: at(path, 'provenance_attribution_required', 40) }
    });
    const findings = run('missing-attribution', artifact('r', { records: [rec] }));
    expect(findings).toHaveLength(2);
    expect(findings[1]).toMatchObject({
      path,
      line: 40,
      message: expect.stringMatching(
        parts(
          '`provenance_attribution_required` in r/training_manifest.json says attribution is not required, but ' +
            `meta-llama/Llama-3.1-8B (\`base_model\` in r/training_manifest.json) is under the ${llama.display} (from `,
          '), which requires a notice.'
        )
      ),
      fix:
        `Set it to true and carry "${llama.attribution!.text}" with the artifact: in lineage.yaml ` +
        `\`attribution: { text: … }\`, in a NOTICE file in r, or in the model card's text. Source: ${llama.source}`,
      fingerprint: fingerprint('missing-attribution', path, `${path}:provenance_attribution_required:false`)
    });
  });

  it('asks nothing under `require.attribution: never`', () => {
    expect(
      run('missing-attribution', card('meta-llama/Llama-3.1-8B'), policy({ require: { attribution: 'never' } }))
    ).toEqual([]);
  });
});
