/**
 * License duties in the cases the 2026-12-07 mutation run of license-conflict, non-commercial-upstream and
 * missing-attribution showed no test covered (docs/mutation-survivors.md): licenses a policy adds without
 * restrictions or attribution, upstream licenses the gate does not know, a duty the manifest declares next to one
 * a license brings, markers, scale conditions, and a manifest written on one line.
 */
import { LicenseKnowledge } from '../../../src/licenses/knowledge.js';
import type { LicenseEntry } from '../../../src/licenses/license-entry.js';
import type { Artifact } from '../../../src/lineage/artifact.js';
import type { SourceRef } from '../../../src/lineage/record.js';
import { mergeSettings } from '../../../src/policy/effective.js';
import { defaultEffectivePolicy } from '../../../src/policy/defaults.js';
import { evaluateArtifact } from '../../../src/rules/engine.js';
import { findRule } from '../../../src/rules/index.js';
import type { Rule, RuleContext } from '../../../src/rules/rule.js';
import { artifact, at, defaultRuleContext, license, record, upstream } from '../../helpers/build.js';

const LINEAGE = 'a/lineage.yaml';
const CARD = 'a/README.md';
const MENS = 'a/training_manifest.json';

/** A policy's `licenses.knowledge` entries on top of the built-in ones. */
const knowledgeWith = (...entries: Record<string, unknown>[]) => LicenseKnowledge.builtin().withEntries(entries);

function run(ruleId: string, a: Artifact, ctx: Partial<Omit<RuleContext, 'artifact'>> = {}) {
  return evaluateArtifact(a, [findRule(ruleId) as Rule], defaultRuleContext(ctx)).map((e) => e.finding);
}

function builtin(id: string): LicenseEntry {
  const entry = LicenseKnowledge.builtin().lookup(id);
  if (!entry) throw new Error(`no built-in license ${id}`);
  return entry;
}

/** A MENS manifest naming its upstreams and the license they are under (`license_class`), and its own license. */
function lineageWith(upstreams: { id: string; license?: string }[], own?: string): Artifact {
  return artifact('a', {
    records: [
      record(MENS, 'mens-training-manifest', {
        upstreams: upstreams.map((u) => upstream(MENS, { kind: 'hub-id', id: u.id })),
        upstreamLicenses: upstreams.flatMap((u) => (u.license ? [license(MENS, u.license)] : [])),
        ...(own ? { license: license(MENS, own) } : {})
      })
    ]
  });
}

const ACME_NC = {
  id: 'acme-nc',
  family: 'ACME',
  'non-commercial': true,
  'flow-down': true,
  source: 'https://acme.example/nc'
};

describe('non-commercial-upstream', () => {
  it('quotes the terms of a license that lists them', () => {
    const qwen = builtin('qwen-research');
    const [f] = run('non-commercial-upstream', lineageWith([{ id: 'acme/base-7b', license: 'qwen-research' }]));
    expect(qwen.restrictions.length).toBeGreaterThan(0);
    expect(f.message).toMatch(/the artifact inherits that restriction\. Terms: (.+)\.$/);
    expect(f.message.endsWith(`restriction. Terms: ${qwen.restrictions.join('; ')}.`)).toBe(true);
  });

  it('says no "Terms" for a license the policy adds without restrictions', () => {
    const findings = run('non-commercial-upstream', lineageWith([{ id: 'acme/base-7b', license: 'acme-nc' }]), {
      knowledge: knowledgeWith(ACME_NC)
    });
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toMatch(
      /allows non-commercial or research use only: the artifact inherits that restriction\.$/
    );
    expect(findings[0].fix).toContain('License: https://acme.example/nc');
  });

  it('lists every term of a license with several, and passes over an upstream license the gate does not know', () => {
    const nd = builtin('cc-by-nc-nd-4.0');
    expect(nd.restrictions.length).toBeGreaterThan(1);
    const [f] = run('non-commercial-upstream', lineageWith([{ id: 'acme/base-7b', license: 'cc-by-nc-nd-4.0' }]));
    expect(f.message.endsWith(`Terms: ${nd.restrictions.join('; ')}.`)).toBe(true);
    expect(run('non-commercial-upstream', lineageWith([{ id: 'acme/base-7b', license: 'acme-secret-eula' }]))).toEqual(
      []
    );
  });
});

describe('license-conflict', () => {
  it('words a flow-down license without restrictions without an empty parenthesis', () => {
    const knowledge = knowledgeWith({ ...ACME_NC, 'non-commercial': false });
    const [f, ...rest] = run('license-conflict', lineageWith([{ id: 'acme/base-7b', license: 'acme-nc' }], 'mit'), {
      knowledge
    });
    expect(rest).toEqual([]);
    expect(f.message).toContain('whose terms flow down to derivatives: the declared license cannot drop them.');
    expect(f.fix).toMatch(/^Declare `acme-nc` \(or `other`/);
  });

  it('passes over an upstream license the gate does not know (unknown-license reports it)', () => {
    const a = lineageWith([{ id: 'acme/base-7b', license: 'acme-secret-eula' }], 'mit');
    expect(run('license-conflict', a)).toEqual([]);
    expect(run('unknown-license', a).map((f) => f.message)).toEqual([expect.stringContaining('acme-secret-eula')]);
  });

  it('has nothing to compare when the artifact names no license value', () => {
    const a = artifact('a', {
      records: [
        record(LINEAGE, 'lineage-yaml', {
          upstreams: [upstream(LINEAGE, { kind: 'hub-id', id: 'meta-llama/Llama-3.1-8B' })],
          license: { source: at(LINEAGE, 'license') }
        })
      ]
    });
    expect(run('license-conflict', a)).toEqual([]);
  });

  it('tells to declare the upstream license as written when the policy calls its entry `other`', () => {
    const knowledge = knowledgeWith({
      id: 'other',
      aliases: ['acme-community'],
      family: 'ACME',
      'flow-down': true,
      source: 'https://acme.example/community'
    });
    const [f] = run('license-conflict', lineageWith([{ id: 'acme/base-7b', license: 'acme-community' }], 'mit'), {
      knowledge
    });
    expect(f.fix).toMatch(/^Declare other \(or `other` with a license that includes the upstream's terms\)/);
  });
});

describe('missing-attribution', () => {
  const flag = (required: boolean, source: SourceRef = at(MENS, 'attribution_required')) => ({ required, source });

  it('asks nothing for an upstream license without an attribution duty', () => {
    expect(builtin('openrail').attribution).toBeUndefined();
    expect(run('missing-attribution', lineageWith([{ id: 'acme/base-7b', license: 'openrail' }]))).toEqual([]);
    expect(run('missing-attribution', lineageWith([{ id: 'acme/base-7b', license: 'acme-secret-eula' }]))).toEqual([]);
  });

  it('asks nothing of an artifact whose own flow-down license has no notice text', () => {
    expect(run('missing-attribution', lineageWith([], 'openrail'))).toEqual([]);
  });

  it('fixes a declared duty with the notice of the upstream license the manifest names', () => {
    const llama = builtin('llama3.1');
    const a = artifact('a', {
      records: [
        record(MENS, 'mens-training-manifest', {
          upstreamLicenses: [license(MENS, 'acme-secret-eula'), license(MENS, 'llama3.1')],
          attribution: flag(true)
        })
      ]
    });
    const [f, ...rest] = run('missing-attribution', a);
    expect(rest).toEqual([]);
    expect(f.message).toContain('says attribution is required, but the artifact');
    expect(f.fix).toContain(`Carry "${llama.attribution!.text}" with the artifact`);
    expect(f.fix).toContain(`Source: ${llama.source}`);
  });

  it('says when a declared duty binds only past a threshold', () => {
    const kimi = builtin('modified-mit');
    const a = artifact('a', {
      records: [
        record(MENS, 'mens-training-manifest', {
          upstreamLicenses: [license(MENS, 'modified-mit')],
          attribution: flag(true)
        })
      ]
    });
    const [f] = run('missing-attribution', a);
    expect(f.message).toContain(
      `(the ${kimi.display} asks this when ${kimi.attribution!.condition}), but the artifact`
    );
  });

  it('reports the duty a license brings, not also the bare "required" of another manifest', () => {
    const a = artifact('a', {
      records: [
        record(LINEAGE, 'lineage-yaml', { attribution: { required: true, source: at(LINEAGE, 'attribution') } }),
        record(CARD, 'hf-model-card', { license: license(CARD, 'llama3.1') })
      ]
    });
    const findings = run('missing-attribution', a);
    expect(findings).toEqual([expect.objectContaining({ path: CARD })]);
    expect(findings[0].message).toContain('the artifact is licensed under Llama 3.1 Community License');
  });

  it('finds any one of a license’s markers in the card text enough', () => {
    const withProse = (text: string) =>
      artifact('a', {
        records: [
          record(CARD, 'hf-model-card', {
            upstreams: [upstream(CARD, { kind: 'hub-id', id: 'acme/base-7b' })],
            upstreamLicenses: [license(CARD, 'qwen-research')],
            prose: { text, startLine: 5 }
          })
        ]
      });
    expect(builtin('qwen-research').attribution!.markers.length).toBeGreaterThan(1);
    expect(run('missing-attribution', withProse('A fine-tune. Built with Qwen.'))).toEqual([]);
    expect(run('missing-attribution', withProse('A fine-tune.'))).toHaveLength(1);
  });

  it('finds the notice in the text of any one of the artifact’s files', () => {
    const a = artifact('a', {
      records: [
        record(MENS, 'mens-training-manifest', { upstreams: [upstream(MENS, { kind: 'hub-id', id: 'acme/base-7b' })] }),
        record(CARD, 'hf-model-card', {
          upstreamLicenses: [license(CARD, 'llama3.1')],
          upstreams: [upstream(CARD, { kind: 'hub-id', id: 'acme/base-7b' })],
          prose: { text: 'Built with Llama.', startLine: 4 }
        })
      ]
    });
    expect(run('missing-attribution', a)).toEqual([]);
  });

  it('has no place to point a policy-required duty in an artifact without a manifest', () => {
    const always = mergeSettings(defaultEffectivePolicy(), { require: { attribution: 'always' } });
    const a = artifact('a', { weights: [{ path: 'a/model.safetensors', status: 'added' }] });
    expect(run('missing-attribution', a, { policy: always })).toEqual([]);
  });

  describe('a manifest that says attribution is not required', () => {
    const llamaAt = (path: string, line: number) =>
      upstream(path, { kind: 'hub-id', id: 'meta-llama/Llama-3.1-8B', source: at(path, 'base_model', line) });
    const gemmaAt = (path: string, line: number) =>
      upstream(path, { kind: 'hub-id', id: 'google/gemma-2-9b', source: at(path, 'base_model', line) });

    it('is told so on its own line', () => {
      const a = artifact('a', {
        records: [
          record(MENS, 'mens-training-manifest', {
            upstreams: [llamaAt(MENS, 2)],
            attribution: flag(false, at(MENS, 'attribution_required', 9))
          })
        ]
      });
      const findings = run('missing-attribution', a);
      expect(findings.map((f) => f.line)).toEqual([2, 9]);
      expect(findings[1].message).toMatch(/says attribution is not required, but meta-llama\/Llama-3\.1-8B/);
      expect(findings[1].fix).toMatch(/^Set it to true and carry "Built with Llama/);
    });

    it('is told so even when another file has a finding on the same line number', () => {
      const a = artifact('a', {
        records: [
          record(CARD, 'hf-model-card', { upstreams: [llamaAt(CARD, 3)] }),
          record(MENS, 'mens-training-manifest', { attribution: flag(false, at(MENS, 'attribution_required', 3)) })
        ]
      });
      expect(run('missing-attribution', a).map((f) => `${f.path}:${f.line}`)).toEqual([`${CARD}:3`, `${MENS}:3`]);
    });

    it('is not told twice when the manifest is written on one line that already has a finding', () => {
      const a = artifact('a', {
        records: [
          record(MENS, 'mens-training-manifest', {
            upstreams: [llamaAt(MENS, 1), gemmaAt(MENS, 1)],
            attribution: flag(false, at(MENS, 'attribution_required', 1))
          })
        ]
      });
      const findings = run('missing-attribution', a);
      expect(findings.map((f) => f.line)).toEqual([1, 1]);
      expect(findings.every((f) => f.message.startsWith('Attribution is owed because'))).toBe(true);
    });

    it('is told so when only one of several findings shares its line', () => {
      const a = artifact('a', {
        records: [
          record(MENS, 'mens-training-manifest', {
            upstreams: [llamaAt(MENS, 1), gemmaAt(MENS, 5)],
            attribution: flag(false, at(MENS, 'attribution_required', 1))
          })
        ]
      });
      expect(run('missing-attribution', a).map((f) => f.line)).toEqual([1, 5]);
    });
  });
});
