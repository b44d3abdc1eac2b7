/**
 * Issue #11: weights of a known family under any org are recognised by name (evidence inferred),
 * with patterns anchored at the start of the name so that look-alike families do not match.
 */
import { LicenseKnowledge } from '../../../src/licenses/knowledge.js';
import { resolveUpstreamLicense } from '../../../src/licenses/upstream-license.js';
import type { UpstreamRef } from '../../../src/lineage/record.js';
import { evaluateArtifact } from '../../../src/rules/engine.js';
import { findRule } from '../../../src/rules/index.js';
import type { Rule, RuleContext } from '../../../src/rules/rule.js';
import { upstreamLicensesOf } from '../../../src/rules/upstream-licenses.js';
import { artifact, at, defaultRuleContext, license, record, upstream } from '../../helpers/build.js';
import { fact, found, hubOf } from '../../helpers/hub-facts.js';

const kb = LicenseKnowledge.builtin();
const CARD = 'a/README.md';

describe('LicenseKnowledge.familyByName', () => {
  it.each([
    ['someone/llama-2-7b-chat-hf', 'Llama 2', 'llama2', 'meta-llama/llama-2-7b-chat-hf'],
    ['x/Meta-Llama-3-8B-Instruct', 'Llama 3', 'llama3', 'meta-llama/Meta-Llama-3-8B-Instruct'],
    ['x/Llama-3-8B-Instruct', 'Llama 3', 'llama3', 'meta-llama/Meta-Llama-3-8B-Instruct'],
    ['x/Llama-3.1-8B-Instruct', 'Llama 3.1', 'llama3.1', 'meta-llama/Llama-3.1-8B-Instruct'],
    ['x/Llama-3.2-1B-Instruct-AWQ', 'Llama 3.2', 'llama3.2', 'meta-llama/Llama-3.2-1B-Instruct'],
    // Derivatives drop the hyphen (real: shenzhi-wang/Llama3-70B-Chinese-Chat, FlagAlpha/Llama2-Chinese-7b-Chat).
    ['shenzhi-wang/Llama3-70B-Chinese-Chat', 'Llama 3', 'llama3', 'meta-llama/Meta-Llama-3-70B-Chinese-Chat'],
    ['x/llama3-8b', 'Llama 3', 'llama3', 'meta-llama/Meta-Llama-3-8b'],
    ['FlagAlpha/Llama2-Chinese-7b-Chat', 'Llama 2', 'llama2', 'meta-llama/Llama-2-Chinese-7b-Chat'],
    ['x/Llama3.1-8B-Instruct', 'Llama 3.1', 'llama3.1', 'meta-llama/Llama-3.1-8B-Instruct'],
    ['x/Meta-Llama3-8B', 'Llama 3', 'llama3', 'meta-llama/Meta-Llama-3-8B'],
    ['y/gemma-2-9b-it', 'Gemma', 'gemma', 'google/gemma-2-9b-it'],
    ['z/Qwen2.5-7B-Instruct-AWQ', 'Qwen2.5 (Apache sizes)', 'apache-2.0', 'Qwen/Qwen2.5-7B-Instruct'],
    ['z/Qwen2.5-3B-Instruct', 'Qwen2.5 3B', 'qwen-research', 'Qwen/Qwen2.5-3B-Instruct'],
    ['z/Qwen2-7B-Instruct-GPTQ-Int4', 'Qwen2 (Apache sizes)', 'apache-2.0', 'Qwen/Qwen2-7B-Instruct'],
    ['m/Mistral-7B-Instruct-v0.2-AWQ', 'Mistral (Apache)', 'apache-2.0', 'mistralai/Mistral-7B-Instruct-v0.2'],
    [
      'q/DeepSeek-R1-Distill-Qwen-7B',
      'DeepSeek-R1-Distill-Qwen (Qwen2.5 base, Apache-2.0)',
      'apache-2.0',
      'deepseek-ai/DeepSeek-R1-Distill-Qwen-7B'
    ]
  ])('%s looks like %s (%s)', (id, family, license, likelyOriginal) => {
    expect(kb.familyByName(id)).toMatchObject({ family, license, likelyOriginal });
  });

  it.each([
    'TinyLlama/TinyLlama-1.1B-Chat-v1.0', // `llama` inside `tinyllama`
    'someone/tinyllama-1.1b-llama-2-chat',
    'codellama/CodeLlama-7b-hf', // Code Llama has its own license
    'x/codellama-7b-instruct',
    'lmsys/vicuna-7b-v1.5',
    'llava-hf/llava-1.5-7b-hf',
    'liuhaotian/llava-v1.6-mistral-7b',
    'x/my-llama-2-finetune', // the family name must start the name
    'x/Llama-Guard-3-8B',
    'x/llama-30b', // LLaMA 1, no family entry
    'x/llama30b', // LLaMA 1 without a hyphen either
    'x/Qwen2.5-Math-7B', // a Qwen2.5 variant whose license the table does not state
    'Qwen/QwQ-32B',
    'x/OpenR1-Qwen-7B', // a Qwen fine-tune named after its maker
    'x/qwen-7b',
    'a/b/c',
    ''
  ])('%s is not recognised by name', (id) => {
    expect(kb.familyByName(id)).toBeUndefined();
  });

  it('says a Llama-3.1 name is Llama 3.1, never Llama 3', () => {
    expect(kb.familyByName('x/Meta-Llama-3.1-8B')?.license).toBe('llama3.1');
    expect(kb.familyByName('x/Meta-Llama-3-8B')?.license).toBe('llama3');
  });

  it('leaves ids the family table already knows (originals, mirrors) to `family`', () => {
    expect(kb.familyByName('meta-llama/Llama-2-7b-chat-hf')).toBeUndefined();
    expect(kb.familyByName('unsloth/llama-3-8b-bnb-4bit')).toBeUndefined();
    expect(kb.family('someone/Llama-3.1-8B-Instruct')).toBeUndefined();
  });
});

function ref(id: string, line = 2): UpstreamRef {
  return upstream(CARD, { kind: 'hub-id', id, raw: id, source: at(CARD, 'base_model', line) });
}

describe('resolveUpstreamLicense: the name is the last resort, inferred', () => {
  it('answers from the name when nothing else does, saying so', () => {
    const r = ref('someone/llama-2-7b-chat-hf');
    const got = resolveUpstreamLicense({ ref: r, record: record(CARD, 'hf-model-card'), mappings: [], knowledge: kb });
    expect(got).toMatchObject({
      license: 'llama2',
      via: 'builtin',
      evidence: 'inferred',
      byName: { family: 'Llama 2', likelyOriginal: 'meta-llama/llama-2-7b-chat-hf' }
    });
    expect(got?.source).toContain('an inference from the name someone/llama-2-7b-chat-hf');
  });
  it('a policy mapping wins over it', () => {
    const r = ref('someone/llama-2-7b-chat-hf');
    const got = resolveUpstreamLicense({
      ref: r,
      record: record(CARD, 'hf-model-card'),
      mappings: [{ pattern: 'someone/*', license: 'mit' }],
      knowledge: kb
    });
    expect(got).toMatchObject({ license: 'mit', via: 'policy', evidence: 'secondary' });
  });
});

function run(ruleId: string, a: ReturnType<typeof artifact>, overrides: Partial<Omit<RuleContext, 'artifact'>> = {}) {
  return evaluateArtifact(a, [findRule(ruleId) as Rule], defaultRuleContext(overrides)).map((e) => e.finding);
}

describe('the duties of a family recognised by name apply', () => {
  const card = (id: string, extra = {}) =>
    artifact('a', { records: [record(CARD, 'hf-model-card', { upstreams: [ref(id)], ...extra })] });

  it('non-commercial-upstream: a re-upload of Qwen2.5-3B', () => {
    const [f, ...rest] = run('non-commercial-upstream', card('someone/Qwen2.5-3B-Instruct'));
    expect(rest).toEqual([]);
    expect(f.message).toContain('an inference from the name someone/Qwen2.5-3B-Instruct');
    expect(f.fix).toContain("someone/Qwen2.5-3B-Instruct's license is an inference from its name");
    expect(f.fix).toContain('`base_model: Qwen/Qwen2.5-3B-Instruct`');
    expect(f.fix).toContain('`relation: upstream`');
  });

  it('missing-attribution and naming-requirement: a Llama 3 re-upload', () => {
    const a = card('x/Meta-Llama-3-8B-Instruct', { license: license(CARD, 'llama3') });
    const [attribution] = run('missing-attribution', a);
    expect(attribution.message).toContain('Meta Llama 3 Community License');
    expect(attribution.fix).toContain('Built with Meta Llama 3');
    expect(attribution.fix).toContain('`base_model: meta-llama/Meta-Llama-3-8B-Instruct`');
    const [naming] = run('naming-requirement', a);
    expect(naming.message).toContain('"Llama 3"');
    expect(naming.fix).toContain('inference from its name');
  });

  it('license-conflict: a Gemma re-upload under an MIT card', () => {
    const [f] = run('license-conflict', card('y/gemma-2-9b-it', { license: license(CARD, 'mit') }));
    expect(f.message).toContain('Gemma Terms of Use');
    expect(f.message).toContain('an inference from the name y/gemma-2-9b-it');
    expect(f.fix).toContain('`base_model: google/gemma-2-9b-it`');
  });

  it('false-positive names raise nothing', () => {
    for (const id of ['TinyLlama/TinyLlama-1.1B-Chat-v1.0', 'lmsys/vicuna-7b-v1.5', 'llava-hf/llava-1.5-7b-hf'])
      for (const rule of ['non-commercial-upstream', 'missing-attribution', 'license-conflict', 'naming-requirement'])
        expect(run(rule, card(id, { license: license(CARD, 'mit') }))).toEqual([]);
  });

  it('the Hub card of the id wins over the inference when the Hub is asked', () => {
    const id = 'someone/Qwen2.5-3B-Instruct';
    const a = card(id);
    const hub = hubOf([fact(id, found(id, { license: 'apache-2.0' }))]);
    const ctx = { ...defaultRuleContext({ hub }), artifact: a };
    expect(upstreamLicensesOf(ctx)[0]).toMatchObject({ license: 'apache-2.0', via: 'hub', evidence: 'secondary' });
    expect(run('non-commercial-upstream', a, { hub })).toEqual([]);
    // A placeholder on the Hub card says nothing: the inference stands.
    const vague = hubOf([fact(id, found(id, { license: 'other' }))]);
    const vagueCtx = { ...defaultRuleContext({ hub: vague }), artifact: card(id) };
    expect(upstreamLicensesOf(vagueCtx)[0]).toMatchObject({ license: 'qwen-research', evidence: 'inferred' });
  });
});
