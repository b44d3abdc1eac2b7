import { describe, expect, it } from '@jest/globals';
import { classifyConfigReply } from '../../../src/hub/classify-config-response.js';
import { dimensionsFromConfig, isCacheableConfig, isHubModelConfig } from '../../../src/hub/model-config.js';
import { QWEN25_05B_CONFIG } from '../../helpers/hub-server.js';

describe('dimensionsFromConfig', () => {
  it('reads the real Qwen/Qwen2.5-0.5B config.json', () => {
    expect(dimensionsFromConfig(QWEN25_05B_CONFIG)).toEqual({
      hiddenSize: 896,
      numHiddenLayers: 24,
      intermediateSize: 4864,
      vocabSize: 151936,
      numAttentionHeads: 14,
      numKeyValueHeads: 2,
      modelType: 'qwen2'
    });
  });

  it("reads GPT-2's spellings (n_embd, n_layer, n_head; n_inner null means 4·n_embd and is left out)", () => {
    const gpt2 = { model_type: 'gpt2', n_embd: 768, n_layer: 12, n_head: 12, n_inner: null, vocab_size: 50257 };
    expect(dimensionsFromConfig(gpt2)).toEqual({
      hiddenSize: 768,
      numHiddenLayers: 12,
      numAttentionHeads: 12,
      vocabSize: 50257,
      modelType: 'gpt2'
    });
  });

  it('reads BART/T5-style d_model, num_layers and ffn_dim', () => {
    expect(dimensionsFromConfig({ model_type: 'bart', d_model: 1024, num_layers: 12, ffn_dim: 4096 })).toEqual({
      hiddenSize: 1024,
      numHiddenLayers: 12,
      intermediateSize: 4096,
      modelType: 'bart'
    });
  });

  it('reads the language model of a multimodal config from text_config, and the model type from the top', () => {
    // Shaped like google/gemma-3-4b-it: the top level describes the whole model, text_config the LM.
    const gemma3 = {
      architectures: ['Gemma3ForConditionalGeneration'],
      model_type: 'gemma3',
      text_config: {
        hidden_size: 2560,
        intermediate_size: 10240,
        model_type: 'gemma3_text',
        num_hidden_layers: 34
      },
      vision_config: { hidden_size: 1152, intermediate_size: 4304, model_type: 'siglip_vision_model' }
    };
    expect(dimensionsFromConfig(gemma3)).toEqual({
      hiddenSize: 2560,
      intermediateSize: 10240,
      numHiddenLayers: 34,
      modelType: 'gemma3'
    });
    // text_config wins over the top level; the top level fills what text_config lacks.
    const mixed = { model_type: 'mllama', hidden_size: 1, vocab_size: 128256, text_config: { hidden_size: 4096 } };
    expect(dimensionsFromConfig(mixed)).toEqual({ hiddenSize: 4096, vocabSize: 128256, modelType: 'mllama' });
    // Only text_config names a type: use it.
    expect(dimensionsFromConfig({ text_config: { model_type: 'qwen2_vl_text' } })).toEqual({
      modelType: 'qwen2_vl_text'
    });
  });

  it('keeps only positive whole numbers in range and plain model types', () => {
    const hostile = {
      hidden_size: '4096',
      num_hidden_layers: -1,
      intermediate_size: 1.5,
      vocab_size: 2 ** 53,
      num_attention_heads: Number.MAX_SAFE_INTEGER,
      num_key_value_heads: 0,
      head_dim: 128,
      model_type: '::error::injected\nline'
    };
    expect(dimensionsFromConfig(hostile)).toEqual({ headDim: 128 });
    expect(dimensionsFromConfig({ model_type: 'x'.repeat(65) })).toEqual({});
  });

  it('reads own fields only, and nothing from a JSON that is not an object', () => {
    const parsed = JSON.parse('{"__proto__": {"hidden_size": 4096}, "text_config": [1]}') as unknown;
    expect(dimensionsFromConfig(parsed)).toEqual({});
    expect(dimensionsFromConfig([1, 2])).toBeUndefined();
    expect(dimensionsFromConfig(null)).toBeUndefined();
    expect(dimensionsFromConfig('config')).toBeUndefined();
  });
});

describe('isHubModelConfig / isCacheableConfig', () => {
  it('accepts what the client produces and rejects edited cache entries', () => {
    expect(isHubModelConfig({ found: { hiddenSize: 896, modelType: 'qwen2' } })).toBe(true);
    expect(isHubModelConfig({ unavailable: 'x', cause: 'denied', authenticated: false })).toBe(true);
    expect(isHubModelConfig({ found: { hiddenSize: '896' } })).toBe(false);
    expect(isHubModelConfig({ found: { hiddenSize: 896, extra: 1 } })).toBe(false);
    expect(isHubModelConfig({ unavailable: 'x', cause: 'later' })).toBe(false);
    expect(isHubModelConfig(null)).toBe(false);
  });

  it('keeps answers about the repo, not about the network or the reply', () => {
    expect(isCacheableConfig({ found: {} })).toBe(true);
    expect(isCacheableConfig({ unavailable: 'x', cause: 'absent' })).toBe(true);
    expect(isCacheableConfig({ unavailable: 'x', cause: 'denied', authenticated: true })).toBe(true);
    for (const cause of ['unreadable', 'unreachable', 'not-asked'] as const) {
      expect(isCacheableConfig({ unavailable: 'x', cause })).toBe(false);
    }
  });
});

describe('classifyConfigReply', () => {
  const Q = { id: 'acme/model', revision: 'main' };
  const reply = (status: number, headers: Record<string, string> = {}, body = '') => ({
    status,
    headers: new Headers(headers),
    body
  });
  const error = (status: number, code: string | undefined, message: string) =>
    reply(status, { ...(code ? { 'x-error-code': code } : {}), 'x-error-message': message }, `{"error":"${message}"}`);

  it('a 200 with a JSON object is found; other bodies cannot be used', () => {
    expect(classifyConfigReply(reply(200, {}, '{"hidden_size": 8}'), Q, false, 0)).toEqual({
      final: { found: { hiddenSize: 8 } }
    });
    const html = classifyConfigReply(reply(200, {}, '<!doctype html><title>Proxy</title>'), Q, false, 0);
    expect('fail' in html && html.fail).toMatch(/^config.json of "acme\/model"@main is not JSON \(/);
    const list = classifyConfigReply(reply(200, {}, '[896]'), Q, false, 0);
    expect('fail' in list && list.fail).toMatch(/is JSON but not an object/);
  });

  it('EntryNotFound, RevisionNotFound and RepoNotFound (with a token) are absent', () => {
    for (const [status, code] of [
      [404, 'EntryNotFound'],
      [404, 'RevisionNotFound'],
      [404, 'RepoNotFound']
    ] as const) {
      const outcome = classifyConfigReply(error(status, code, 'Entry not found'), Q, true, 0);
      expect(outcome).toMatchObject({ final: { cause: 'absent' } });
      expect(JSON.stringify(outcome)).toContain(code);
    }
  });

  it('GatedRepo (401 or 403), a disabled repo and an anonymous 401 are denied, with whether the token went', () => {
    const anonymous = classifyConfigReply(error(401, 'GatedRepo', 'Access to model x is restricted.'), Q, false, 0);
    expect(anonymous).toMatchObject({ final: { cause: 'denied', authenticated: false } });
    expect('final' in anonymous && JSON.stringify(anonymous.final)).toContain('needs a token with access');
    const withToken = classifyConfigReply(error(403, 'GatedRepo', 'not in the authorized list'), Q, true, 0);
    expect(withToken).toMatchObject({ final: { cause: 'denied', authenticated: true } });
    expect(JSON.stringify(withToken)).toContain('has not been granted access');
    expect(
      classifyConfigReply(error(403, undefined, 'Access to this resource is disabled.'), Q, false, 0)
    ).toMatchObject({ final: { cause: 'denied' } });
    expect(classifyConfigReply(error(401, undefined, 'Invalid username or password.'), Q, false, 0)).toMatchObject({
      final: { cause: 'denied', authenticated: false }
    });
  });

  it('a rejected token, a 404 without a code and other statuses are unreachable; 429 and 5xx are retried', () => {
    const badToken = error(401, undefined, 'Invalid credentials in Authorization header');
    expect(classifyConfigReply(badToken, Q, true, 0)).toMatchObject({ final: { cause: 'unreachable' } });
    const notHub = classifyConfigReply(reply(404), Q, false, 0);
    expect(JSON.stringify(notHub)).toMatch(/is hub-endpoint a Hugging Face Hub/);
    expect(classifyConfigReply(reply(418), Q, false, 0)).toMatchObject({ final: { cause: 'unreachable' } });
    expect(classifyConfigReply(reply(429, { ratelimit: '"api";r=0;t=9' }), Q, false, 0)).toMatchObject({
      waitMs: 9000
    });
    for (const status of [408, 500, 502, 503])
      expect('retry' in classifyConfigReply(reply(status), Q, false, 0)).toBe(true);
  });

  it('quotes at most one short line of the server message', () => {
    const long = `${'a'.repeat(500)}\n::error::x`;
    const body = JSON.stringify({ error: long });
    const outcome = classifyConfigReply(reply(404, { 'x-error-code': 'EntryNotFound' }, body), Q, false, 0);
    const reason = 'final' in outcome && 'unavailable' in outcome.final ? outcome.final.unavailable : '';
    expect(reason).not.toContain('\n');
    expect(reason.length).toBeLessThan(320);
  });
});
