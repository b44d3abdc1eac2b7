import { LicenseKnowledge } from '../../../src/licenses/knowledge.js';
import { KNOWN_LICENSE_NAMES, licenseIdStatus } from '../../../src/licenses/license-ids.js';
import { realUpstreamIds } from './corpus.js';

const kb = LicenseKnowledge.builtin();

describe('LicenseKnowledge.lookup', () => {
  it('finds ids and aliases whatever their case and surrounding space', () => {
    expect(kb.lookup('llama3.1')?.display).toBe('Llama 3.1 Community License');
    expect(kb.lookup(' Apache-2.0 ')?.id).toBe('apache-2.0');
    expect(kb.lookup('Apache 2.0')?.id).toBe('apache-2.0');
    expect(kb.lookup('DeepSeek-License')?.id).toBe('deepseek');
    expect(kb.lookup('health-ai-developer-foundations')?.id).toBe('health-ai-developer-foundations-terms-of-use');
    expect(kb.lookup('QWEN-RESEARCH')).toMatchObject({
      id: 'qwen-research',
      nonCommercial: true,
      writtenAs: 'license-name',
      origin: 'builtin'
    });
  });

  it('knows nothing of unknown, empty, placeholder or absurdly long names', () => {
    for (const name of [undefined, '', 'other', 'unknown', 'acme-internal', 'x'.repeat(500)])
      expect(kb.lookup(name)).toBeUndefined();
  });

  it("turns YAML entries into the rules' shape", () => {
    expect(kb.lookup('modified-mit')).toEqual({
      id: 'modified-mit',
      aliases: [],
      family: 'Kimi',
      display: 'Modified MIT License (Kimi K2)',
      writtenAs: 'license-name',
      attribution: expect.objectContaining({
        text: 'Kimi K2',
        markers: ['Kimi K2'],
        condition: expect.stringContaining('100M monthly active users')
      }),
      nonCommercial: false,
      flowDown: false,
      restrictions: [],
      scaleThreshold: expect.stringContaining('US$20 million'),
      permissive: false,
      source: 'https://huggingface.co/moonshotai/Kimi-K2-Instruct/blob/main/LICENSE',
      origin: 'builtin'
    });
    expect(kb.lookup('openrail')?.attribution).toBeUndefined();
    expect(kb.lookup('apache-2.0')?.attribution?.condition).toContain('NOTICE');
  });
});

describe('LicenseKnowledge.family', () => {
  const license = (id: string) => kb.family(id)?.license;

  it('maps Llama versions by name, under meta-llama', () => {
    expect(kb.family('meta-llama/Llama-2-7b-hf')).toEqual({
      family: 'Llama 2',
      license: 'llama2',
      source: 'https://huggingface.co/meta-llama/Llama-2-7b-hf'
    });
    expect(license('meta-llama/Meta-Llama-3-8B-Instruct')).toBe('llama3');
    expect(license('meta-llama/Llama-3.1-8B')).toBe('llama3.1');
    expect(license('meta-llama/Llama-3.2-11B-Vision-Instruct')).toBe('llama3.2');
    expect(license('meta-llama/Llama-3.3-70B-Instruct')).toBe('llama3.3');
    expect(license('meta-llama/Llama-4-Scout-17B-16E-Instruct')).toBe('llama4');
  });

  it('tells Gemma 1–3 (gemma) from Gemma 4 (Apache-2.0) and MedGemma (HAI-DEF)', () => {
    expect(license('google/gemma-2-9b-it')).toBe('gemma');
    expect(license('google/gemma-3-4b-it')).toBe('gemma');
    expect(license('google/gemma-3n-E4B-it')).toBe('gemma');
    expect(license('google/gemma-7b')).toBe('gemma');
    expect(license('google/gemma-4-E4B-it')).toBe('apache-2.0');
    expect(license('google/gemma-4-it')).toBe('apache-2.0');
    expect(license('google/medgemma-1.5-4b-it')).toBe('health-ai-developer-foundations-terms-of-use');
    expect(license('google/flan-t5-base')).toBeUndefined();
  });

  it('gives Qwen2.5 its license by size: 3B research, 72B qwen, 7B Apache', () => {
    expect(license('Qwen/Qwen2.5-3B-Instruct')).toBe('qwen-research');
    expect(license('Qwen/Qwen2.5-Coder-3B-Instruct')).toBe('qwen-research');
    expect(license('Qwen/Qwen2.5-72B-Instruct')).toBe('qwen');
    expect(license('Qwen/Qwen2.5-7B-Instruct')).toBe('apache-2.0');
    expect(license('Qwen/Qwen2.5-32B')).toBe('apache-2.0');
    expect(license('Qwen/Qwen3.5-4B')).toBe('apache-2.0');
    expect(license('Qwen/Qwen1.5-0.5B-Chat')).toBe('tongyi-qianwen');
  });

  it('maps Kimi K2 and K2.5 to modified-mit, and DeepSeek by generation', () => {
    expect(license('moonshotai/Kimi-K2-Instruct')).toBe('modified-mit');
    expect(license('moonshotai/Kimi-K2.5')).toBe('modified-mit');
    expect(license('deepseek-ai/DeepSeek-V2-Lite')).toBe('deepseek');
    expect(license('deepseek-ai/DeepSeek-V3')).toBe('deepseek');
    expect(license('deepseek-ai/DeepSeek-V3-0324')).toBe('mit');
    expect(license('deepseek-ai/DeepSeek-R1')).toBe('mit');
    expect(license('deepseek-ai/DeepSeek-R1-Distill-Llama-8B')).toBe('llama3.1');
    expect(license('mistralai/Mistral-Large-Instruct-2407')).toBe('mrl');
    expect(license('mistralai/Codestral-22B-v0.1')).toBe('mnpl');
    expect(license('mistralai/Mistral-7B-Instruct-v0.3')).toBe('apache-2.0');
  });

  it('maps ChatGLM, Yi, Baichuan 2, Falcon, OLMo and Phi by series (issue #11)', () => {
    expect(kb.family('THUDM/chatglm3-6b')).toEqual({
      family: 'ChatGLM3-6B',
      license: 'chatglm3-6b-license',
      source: 'https://github.com/THUDM/ChatGLM3/blob/main/MODEL_LICENSE'
    });
    expect(license('zai-org/chatglm3-6b-32k')).toBe('chatglm3-6b-license');
    expect(license('THUDM/chatglm2-6b')).toBe('chatglm2-6b-license');
    expect(license('01-ai/Yi-34B')).toBe('apache-2.0');
    expect(license('01-ai/Yi-1.5-9B-Chat')).toBe('apache-2.0');
    expect(license('01-ai/Yi-VL-34B')).toBeUndefined();
    expect(license('baichuan-inc/Baichuan2-7B-Chat')).toBe('baichuan2-community-license');
    expect(license('tiiuae/falcon-180B')).toBe('falcon-180b-license');
    expect(license('tiiuae/falcon-180B-chat')).toBe('falcon-180b-license');
    expect(license('tiiuae/falcon-7b-instruct')).toBe('apache-2.0');
    expect(license('tiiuae/falcon-40b')).toBe('apache-2.0');
    expect(license('tiiuae/Falcon3-7B-Instruct')).toBeUndefined();
    expect(license('allenai/OLMo-7B')).toBe('apache-2.0');
    expect(license('allenai/OLMo-2-1124-7B')).toBe('apache-2.0');
    expect(license('allenai/OLMoE-1B-7B-0924')).toBeUndefined();
    expect(license('microsoft/Phi-3-mini-4k-instruct')).toBe('mit');
    expect(license('microsoft/phi-2')).toBe('mit');
    expect(license('microsoft/phi-4')).toBe('mit');
  });

  it("gives each DeepSeek-R1-Distill model its base's license: Qwen2.5 Apache-2.0, Llama 3.x", () => {
    expect(kb.family('deepseek-ai/DeepSeek-R1-Distill-Qwen-7B')).toEqual({
      family: 'DeepSeek-R1-Distill-Qwen (Qwen2.5 base, Apache-2.0)',
      license: 'apache-2.0',
      source: 'https://huggingface.co/deepseek-ai/DeepSeek-R1'
    });
    for (const size of ['1.5B', '14B', '32B'])
      expect(license(`deepseek-ai/DeepSeek-R1-Distill-Qwen-${size}`)).toBe('apache-2.0');
    expect(license('deepseek-ai/DeepSeek-R1-Distill-Llama-70B')).toBe('llama3.3');
    expect(license('deepseek-ai/DeepSeek-R1-0528')).toBe('mit');
    expect(kb.mirrorUpstream('unsloth/DeepSeek-R1-Distill-Qwen-7B-bnb-4bit')).toBe(
      'deepseek-ai/DeepSeek-R1-Distill-Qwen-7B'
    );
  });

  it('states the duties and conditions of the issue #11 licenses', () => {
    expect(kb.lookup('chatglm3-6b-license')).toMatchObject({
      display: 'The ChatGLM3-6B License',
      nonCommercial: false,
      attribution: {
        duty: expect.stringContaining('license notice'),
        condition: expect.stringContaining('substantial portions')
      },
      restrictions: expect.arrayContaining([expect.stringContaining('commercial use needs registration')])
    });
    expect(kb.lookup('chatglm2-6b-license')?.attribution?.duty).toContain('copyright notice');
    expect(kb.lookup('YI-LICENSE')).toMatchObject({
      flowDown: true,
      attribution: { duty: expect.stringContaining('attribute the source of the Yi Series Models') }
    });
    expect(kb.lookup('baichuan2-community-license')).toMatchObject({
      flowDown: true,
      scaleThreshold: expect.stringContaining('1 million daily active users')
    });
    expect(kb.lookup('baichuan2-community-license')?.restrictions).toEqual(
      expect.arrayContaining([expect.stringContaining('cloud service providers')])
    );
    expect(kb.lookup('falcon-180b-license')).toMatchObject({
      flowDown: true,
      restrictions: expect.arrayContaining([
        expect.stringContaining('Acceptable Use Policy'),
        expect.stringContaining('hosted services')
      ])
    });
    // No duty is stated where the license text could not be checked.
    expect(kb.lookup('baichuan2-community-license')?.attribution).toBeUndefined();
    expect(kb.lookup('falcon-180b-license')?.attribution).toBeUndefined();
  });

  it('does not take a name for a family under an unrelated org, nor non-ids', () => {
    for (const id of [
      'someone/Llama-3.1-8B-Instruct',
      'acme/gemma-2-9b-it',
      'gpt2',
      '',
      'a/b/c',
      `${'x'.repeat(300)}/Llama-3.1-8B`
    ])
      expect(kb.family(id)).toBeUndefined();
  });

  it('recognises mirror copies and names their original', () => {
    expect(kb.family('unsloth/Meta-Llama-3.1-8B-Instruct-bnb-4bit')).toEqual({
      family: 'Llama 3.1',
      license: 'llama3.1',
      canonicalId: 'meta-llama/Meta-Llama-3.1-8B-Instruct',
      source: 'https://huggingface.co/meta-llama/Llama-3.1-8B'
    });
    expect(kb.family('someone/Llama-3.1-8B-Instruct-GGUF')).toMatchObject({
      license: 'llama3.1',
      canonicalId: 'meta-llama/Llama-3.1-8B-Instruct'
    });
    // An original published by its own org needs no mapping back, GGUF or not.
    expect(kb.family('Qwen/Qwen2.5-7B-Instruct-GGUF')).toEqual(
      expect.not.objectContaining({ canonicalId: expect.anything() })
    );
  });
});

describe('LicenseKnowledge.mirrorUpstream on real-world ids', () => {
  const mirror = (prefix: string, i = 0) => kb.mirrorUpstream(realUpstreamIds(prefix)[i]);

  it('maps unsloth 4-bit copies back to Meta and Qwen', () => {
    expect(realUpstreamIds('peft/005-')).toEqual(['unsloth/llama-3.2-1b-bnb-4bit']);
    expect(mirror('peft/005-')).toBe('meta-llama/llama-3.2-1b');
    expect(mirror('peft/008-')).toBe('meta-llama/Meta-Llama-3.1-8B-Instruct');
    expect(mirror('peft/012-')).toBe('Qwen/qwen3-8b');
    expect(mirror('cards/016-')).toBe('Qwen/qwen2.5-7b-instruct');
    expect(mirror('cards/026-')).toBe('meta-llama/Meta-Llama-3.1-8B');
    // Llama 3 exists only as `Meta-Llama-3-…`.
    expect(mirror('cards/021-')).toBe('meta-llama/Meta-Llama-3-8b');
  });

  it('maps mlx-community and unsloth copies of SmolLM, gpt-oss and Gemma 4', () => {
    expect(mirror('mlx/002-')).toBe('HuggingFaceTB/SmolLM2-1.7B-Instruct');
    expect(mirror('cards/014-')).toBe('openai/gpt-oss-20b');
    expect(mirror('cards/009-', 1)).toBe('google/gemma-4-E4B-it');
    expect(kb.family(realUpstreamIds('cards/009-')[1])?.license).toBe('apache-2.0');
    expect(mirror('cards/025-')).toBe('deepseek-ai/deepseek-r1-distill-llama-8b');
  });

  it('strips the suffixes mirrors add, and leaves originals and unknown families alone', () => {
    expect(kb.mirrorUpstream('mlx-community/Qwen2.5-7B-Instruct-4bit')).toBe('Qwen/Qwen2.5-7B-Instruct');
    expect(kb.mirrorUpstream('bartowski/Meta-Llama-3.1-8B-Instruct-GGUF')).toBe(
      'meta-llama/Meta-Llama-3.1-8B-Instruct'
    );
    expect(kb.mirrorUpstream('TheBloke/Llama-2-7B-Chat-GPTQ')).toBe('meta-llama/Llama-2-7B-Chat');
    expect(kb.mirrorUpstream('mlx-community/Mistral-7B-Instruct-v0.3-MLX-4bit')).toBe(
      'mistralai/Mistral-7B-Instruct-v0.3'
    );
    expect(kb.mirrorUpstream('unsloth/Llama-3.2-1B-Instruct-unsloth-bnb-4bit')).toBe(
      'meta-llama/Llama-3.2-1B-Instruct'
    );
    expect(kb.mirrorUpstream('TheBloke/KafkaLM-70B-German-V0.1-GGUF')).toBeUndefined();
    expect(kb.mirrorUpstream('meta-llama/Llama-3.1-8B')).toBeUndefined();
    expect(kb.mirrorUpstream('Qwen/Qwen3-4B')).toBeUndefined();
    expect(kb.mirrorUpstream('someone/Llama-3.1-8B-bnb-4bit')).toBeUndefined();
    expect(kb.isMirrorOrg('MLX-Community')).toBe(true);
  });
});

describe('LicenseKnowledge.withEntries (policy additions)', () => {
  const acme = {
    id: 'acme-internal',
    family: 'Acme',
    source: 'https://acme.example/license',
    'non-commercial': true,
    attribution: { text: 'Built on Acme models' }
  };

  it('adds new ids and replaces known ones whole, leaving the built-in base untouched', () => {
    const withPolicy = kb.withEntries([
      acme,
      {
        id: 'Gemma',
        family: 'Gemma',
        display: "Gemma (our counsel's reading)",
        source: 'https://ai.google.dev/gemma/terms',
        'flow-down': false
      }
    ]);
    expect(withPolicy.lookup('ACME-INTERNAL')).toMatchObject({
      display: 'acme-internal',
      nonCommercial: true,
      flowDown: false,
      attribution: { text: 'Built on Acme models', markers: [] },
      origin: 'policy'
    });
    expect(withPolicy.lookup('gemma')).toMatchObject({ id: 'Gemma', flowDown: false, origin: 'policy' });
    expect(withPolicy.lookup('gemma')?.attribution).toBeUndefined();
    expect(withPolicy.entries).toHaveLength(kb.entries.length + 1);
    expect(withPolicy.entries.findIndex((e) => e.id === 'Gemma')).toBe(kb.entries.findIndex((e) => e.id === 'gemma'));
    expect(kb.lookup('gemma')?.origin).toBe('builtin');
    expect(kb.lookup('acme-internal')).toBeUndefined();
    expect(withPolicy.family('google/gemma-2-9b-it')?.license).toBe('gemma');
    expect(kb.withEntries([])).toBe(kb);
  });

  it('lets a policy id take over an alias, and a later entry win over an earlier one', () => {
    const k = kb.withEntries([
      { ...acme, id: 'deepseek-license' },
      { ...acme, display: 'first' },
      { ...acme, display: 'second' }
    ]);
    expect(k.lookup('deepseek-license')?.origin).toBe('policy');
    expect(k.lookup('deepseek')?.origin).toBe('builtin');
    expect(k.lookup('acme-internal')?.display).toBe('second');
  });

  it("reads the policy reader's camelCase form too", () => {
    const k = kb.withEntries([
      {
        id: 'acme-v2',
        family: 'Acme',
        attribution: 'Acme notice',
        attributionMarkers: ['Acme'],
        attributionCondition: 'past 1M users',
        namingPrefix: 'Acme',
        nonCommercial: true,
        flowDown: true,
        source: 'https://acme.example',
        at: { path: 'p.yml', line: 3, column: 5 }
      }
    ]);
    expect(k.lookup('acme-v2')).toMatchObject({
      attribution: { text: 'Acme notice', markers: ['Acme'], condition: 'past 1M users' },
      namingPrefix: 'Acme',
      nonCommercial: true,
      flowDown: true
    });
  });

  it('refuses malformed entries, saying which and where', () => {
    expect(() => kb.withEntries([acme, { id: 'x', source: 'y' }])).toThrow(
      'license knowledge entry 2: `family` is required'
    );
    expect(() =>
      kb.withEntries([{ ...acme, 'flow-down': 'yes', at: { path: '.github/lineage-policy.yml', line: 12 } }])
    ).toThrow('license knowledge entry 1 (.github/lineage-policy.yml:12): `flow-down` must be true or false');
    expect(() => kb.withEntries(['acme'])).toThrow('must be a mapping');
    expect(() => kb.withEntries([{ ...acme, attribution: {} }])).toThrow('`attribution` needs');
    expect(() => kb.withEntries([{ ...acme, aliases: 'acme' }])).toThrow('`aliases` must be a list of strings');
  });
});

describe('license-ids, read from the data', () => {
  it('licenseIdStatus knows the license-name entries and their aliases', () => {
    for (const name of [
      'modified-mit',
      'qwen',
      'qwen-research',
      'deepseek',
      'deepseek-license',
      'mrl',
      'mnpl',
      'tongyi-qianwen',
      'flux-1-dev-non-commercial-license',
      'health-ai-developer-foundations-terms-of-use',
      'chatglm2-6b-license',
      'chatglm3-6b-license',
      'yi-license',
      'baichuan2-community-license',
      'falcon-180b-license'
    ]) {
      expect({ name, known: KNOWN_LICENSE_NAMES.has(name) }).toEqual({ name, known: true });
    }
    expect(licenseIdStatus('Qwen-Research')).toBe('known-name');
    expect(licenseIdStatus('llama3.1')).toBe('hub');
    expect(licenseIdStatus('acme-internal')).toBe('unknown');
  });
});
