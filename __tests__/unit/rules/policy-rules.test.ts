import { evaluateArtifact } from '../../../src/rules/engine.js';
import { findRule } from '../../../src/rules/index.js';
import type { Rule } from '../../../src/rules/rule.js';
import { mergeSettings } from '../../../src/policy/effective.js';
import { defaultEffectivePolicy } from '../../../src/policy/defaults.js';
import type { EffectivePolicy } from '../../../src/policy/policy.js';
import { artifact, at, defaultRuleContext, license, record, upstream } from '../../helpers/build.js';

const CARD = 'a/README.md';
const PEFT = 'a/adapter_config.json';

function policy(settings: Parameters<typeof mergeSettings>[1]): EffectivePolicy {
  return mergeSettings(defaultEffectivePolicy(), settings);
}

function run(
  ruleId: string,
  a: ReturnType<typeof artifact>,
  p: EffectivePolicy = defaultEffectivePolicy(),
  mappings: { pattern: string; license: string }[] = []
) {
  return evaluateArtifact(
    a,
    [findRule(ruleId) as Rule],
    defaultRuleContext({
      policy: p,
      upstreamLicenseMappings: mappings.map((m) => ({
        ...m,
        at: { path: '.github/lineage-policy.yml', line: 1, column: 1 }
      }))
    })
  );
}

const card = (id: string, lic?: string, extra: Parameters<typeof record>[2] = {}) =>
  artifact('a', {
    records: [
      record(CARD, 'hf-model-card', {
        upstreams: [upstream(CARD, { kind: 'hub-id', id })],
        ...(lic ? { license: license(CARD, lic) } : {}),
        ...extra
      })
    ]
  });

describe('license-not-allowed', () => {
  it('is silent without allow/deny lists, and judges the artifact and its upstreams when set', () => {
    expect(run('license-not-allowed', card('Qwen/Qwen2.5-3B-Instruct', 'mit'))).toEqual([]);
    const p = policy({ licenses: { allow: ['mit', 'apache-2.0'], deny: ['qwen-research'] } });
    const found = run('license-not-allowed', card('Qwen/Qwen2.5-3B-Instruct', 'mit'), p).map((e) => e.finding.message);
    expect(found).toEqual([expect.stringContaining('"qwen-research", and the policy denies it')]);
    const notListed = run('license-not-allowed', card('Qwen/Qwen3-4B', 'cc-by-4.0'), p);
    expect(notListed[0].finding.message).toContain("not in the policy's `licenses.allow` list");
  });
  it('fails closed on unknown licenses only when asked, and knows policy mappings', () => {
    const failClosed = policy({ licenses: { unknown: 'fail' } });
    const [f] = run('license-not-allowed', card('Qwen/Qwen3-4B', 'my-own-eula'), failClosed);
    expect(f.finding).toMatchObject({ severity: 'error' });
    const warn = policy({ licenses: { allow: ['apache-2.0'], unknown: 'warn' } });
    expect(run('license-not-allowed', card('Qwen/Qwen3-4B', 'my-own-eula'), warn)[0].finding.severity).toBe('warning');
    const mapped = run(
      'license-not-allowed',
      card('acme/base-7b', 'apache-2.0'),
      policy({ licenses: { allow: ['apache-2.0'] } }),
      [{ pattern: 'acme/*', license: 'cc-by-nc-4.0' }]
    );
    expect(mapped[0].finding.message).toContain('from policy');
    expect(mapped[0].upstream).toBe('acme/base-7b');
  });
});

describe('upstream-not-allowed', () => {
  it('matches globs, and judges mirrors as what they mirror unless told not to', () => {
    const p = policy({ upstreams: { allow: ['meta-llama/*', 'Qwen/*'] } });
    expect(run('upstream-not-allowed', card('Qwen/Qwen3-4B'), p)).toEqual([]);
    expect(run('upstream-not-allowed', card('unsloth/Meta-Llama-3.1-8B-Instruct-bnb-4bit'), p)).toEqual([]);
    const strict = policy({ upstreams: { allow: ['meta-llama/*'], mirrorsAsUpstream: false } });
    expect(
      run('upstream-not-allowed', card('unsloth/Meta-Llama-3.1-8B-Instruct-bnb-4bit'), strict)[0].finding.message
    ).toContain('matches none of');
    const deny = policy({ upstreams: { deny: ['meta-llama/*'] } });
    expect(
      run('upstream-not-allowed', card('unsloth/Meta-Llama-3.1-8B-Instruct-bnb-4bit'), deny)[0].finding.message
    ).toContain('a mirror of meta-llama/');
  });
});

describe('insufficient-evidence', () => {
  it('judges each upstream by its strongest claim in the artifact', () => {
    const path = 'r/training_manifest.json';
    const inferredOnly = artifact('r', {
      records: [
        record(path, 'mens-training-manifest', {
          upstreams: [
            upstream(path, {
              kind: 'hub-cache-path',
              id: 'Qwen/Qwen3-4B',
              evidence: 'inferred',
              recovered: 'recovered from the cache path'
            })
          ]
        })
      ]
    });
    expect(run('insufficient-evidence', inferredOnly)).toEqual([]);
    const [f] = run('insufficient-evidence', inferredOnly, policy({ require: { evidence: 'secondary' } }));
    expect(f.finding.message).toContain('only inferred evidence');
    const declared = artifact('r', {
      records: [
        ...inferredOnly.records,
        record('r/lineage.yaml', 'lineage-manifest', {
          upstreams: [upstream('r/lineage.yaml', { kind: 'hub-id', id: 'Qwen/Qwen3-4B' })]
        })
      ]
    });
    expect(run('insufficient-evidence', declared, policy({ require: { evidence: 'primary' } }))).toEqual([]);
  });
});

describe('license-conflict', () => {
  it('flags apache-2.0 on a Llama 3.1 derivative, not llama3.1 itself nor an expression that keeps it', () => {
    expect(run('license-conflict', card('meta-llama/Llama-3.1-8B', 'apache-2.0'))[0].finding.message).toContain(
      'whose terms flow down'
    );
    expect(run('license-conflict', card('meta-llama/Llama-3.1-8B', 'llama3.1'))).toEqual([]);
    expect(run('license-conflict', card('meta-llama/Llama-3.1-8B', 'MIT AND llama3.1'))).toEqual([]);
    expect(run('license-conflict', card('Qwen/Qwen3-4B', 'mit'))).toEqual([]);
  });
});

describe('naming-requirement', () => {
  it('asks Llama 3.1 derivatives to start with "Llama", Llama 3 ones with "Llama 3"', () => {
    const named = (id: string, name: string) =>
      card(id, undefined, { name: { value: name, source: at(CARD, 'model_name') } });
    expect(run('naming-requirement', named('meta-llama/Llama-3.1-8B', 'support-bot'))[0].finding.fix).toContain(
      '"Llama-support-bot"'
    );
    expect(run('naming-requirement', named('meta-llama/Llama-3.1-8B', 'llama-support-bot'))).toEqual([]);
    expect(run('naming-requirement', named('meta-llama/Meta-Llama-3-8B', 'llama3-instruct-lora'))).toEqual([]);
    expect(
      run('naming-requirement', named('meta-llama/Meta-Llama-3-8B', 'llama-instruct'))[0].finding.message
    ).toContain('"Llama 3"');
  });
  it('falls back to the directory name', () => {
    const a = artifact('adapters/support', {
      records: [
        record(PEFT, 'peft-adapter-config', {
          upstreams: [upstream(PEFT, { kind: 'hub-id', id: 'meta-llama/Llama-3.2-1B' })]
        })
      ]
    });
    expect(run('naming-requirement', a)[0].finding.message).toContain('its directory name');
  });
});

describe('non-commercial-upstream', () => {
  it('names the restriction of qwen-research, and says nothing of Apache bases', () => {
    expect(run('non-commercial-upstream', card('Qwen/Qwen2.5-3B-Instruct'))[0].finding.message).toContain(
      'non-commercial'
    );
    expect(run('non-commercial-upstream', card('Qwen/Qwen2.5-7B-Instruct'))).toEqual([]);
  });
});

describe('missing-attribution under require.attribution', () => {
  it('always: every artifact needs text; never: nothing is asked', () => {
    const qwen = card('Qwen/Qwen3-4B', 'apache-2.0');
    expect(run('missing-attribution', qwen)).toEqual([]);
    expect(
      run('missing-attribution', qwen, policy({ require: { attribution: 'always' } }))[0].finding.message
    ).toContain('require.attribution: always');
    expect(
      run(
        'missing-attribution',
        card('meta-llama/Llama-3.1-8B', 'llama3.1'),
        policy({ require: { attribution: 'never' } })
      )
    ).toEqual([]);
  });
  it('does not make a CC BY artifact owe attribution to itself', () => {
    expect(run('missing-attribution', card('Qwen/Qwen3-4B', 'cc-by-4.0'))).toEqual([]);
  });
});

describe('unpinned-revision under require.pinned-revisions', () => {
  it('becomes an error, and a severity set in `rules:` still wins', () => {
    expect(
      run('unpinned-revision', card('Qwen/Qwen3-4B'), policy({ require: { pinnedRevisions: true } }))[0].finding
        .severity
    ).toBe('error');
    expect(
      run(
        'unpinned-revision',
        card('Qwen/Qwen3-4B'),
        policy({ require: { pinnedRevisions: true }, rules: { 'unpinned-revision': 'notice' } })
      )[0].finding.severity
    ).toBe('notice');
    expect(run('unpinned-revision', card('Qwen/Qwen3-4B'), policy({ rules: { 'unpinned-revision': 'off' } }))).toEqual(
      []
    );
  });
});

describe('edge cases of license expressions and names', () => {
  it('an OR that lets a user pick a permissive license still conflicts', () => {
    expect(run('license-conflict', card('meta-llama/Llama-3.1-8B', 'MIT OR llama3.1'))).toHaveLength(1);
  });
  it('compares name prefixes word by word', () => {
    const named = (name: string) =>
      card('meta-llama/Meta-Llama-3-8B', undefined, { name: { value: name, source: at(CARD, 'model_name') } });
    expect(run('naming-requirement', named('llama30b-chat'))).toHaveLength(1);
    expect(run('naming-requirement', named('Llama-3-chat'))).toEqual([]);
  });
  it('unknown-license knows licenses the policy adds', async () => {
    const { LicenseKnowledge } = await import('../../../src/licenses/knowledge.js');
    const knowledge = LicenseKnowledge.builtin().withEntries([
      {
        id: 'acme-eula',
        family: 'ACME',
        'non-commercial': false,
        'flow-down': false,
        source: 'https://acme.example/eula'
      }
    ]);
    const a = card('Qwen/Qwen3-4B', 'acme-eula');
    expect(evaluateArtifact(a, [findRule('unknown-license') as Rule], defaultRuleContext())).toHaveLength(1);
    expect(evaluateArtifact(a, [findRule('unknown-license') as Rule], defaultRuleContext({ knowledge }))).toEqual([]);
  });
});
