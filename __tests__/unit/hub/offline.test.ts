import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '../../../src/config-error.js';
import { hubEndpoint, hubMode } from '../../../src/hub/offline.js';

describe('hubMode', () => {
  it('is on by default', () => {
    expect(hubMode({}, {})).toEqual({ enabled: true });
    expect(hubMode({ HF_HUB_OFFLINE: '0' }, { hubVerify: 'true' })).toEqual({ enabled: true });
  });

  it('is off with hub-verify: false, --offline, or HF_HUB_OFFLINE / TRANSFORMERS_OFFLINE true; each says why', () => {
    expect(hubMode({}, { hubVerify: 'false' })).toMatchObject({
      enabled: false,
      reason: expect.stringContaining('hub-verify: false')
    });
    expect(hubMode({}, { hubVerify: false })).toMatchObject({ enabled: false });
    expect(hubMode({}, { offline: true })).toMatchObject({
      enabled: false,
      reason: expect.stringContaining('--offline')
    });
    for (const value of ['1', 'true', 'YES', 'on']) {
      expect(hubMode({ HF_HUB_OFFLINE: value }, {})).toMatchObject({
        enabled: false,
        reason: expect.stringContaining(`HF_HUB_OFFLINE=${value}`)
      });
    }
    expect(hubMode({ TRANSFORMERS_OFFLINE: '1' }, {})).toMatchObject({
      enabled: false,
      reason: expect.stringContaining('TRANSFORMERS_OFFLINE')
    });
  });

  it('rejects a hub-verify that is neither true nor false', () => {
    expect(() => hubMode({}, { hubVerify: 'maybe' })).toThrow(ConfigError);
  });
});

describe('hubEndpoint', () => {
  it('takes the input, else HF_ENDPOINT, else huggingface.co, without trailing slashes', () => {
    expect(hubEndpoint('https://hf-mirror.com/', { HF_ENDPOINT: 'https://other.example' })).toBe(
      'https://hf-mirror.com'
    );
    expect(hubEndpoint('', { HF_ENDPOINT: 'http://127.0.0.1:8080/hub//' })).toBe('http://127.0.0.1:8080/hub');
    expect(hubEndpoint(undefined, {})).toBe('https://huggingface.co');
    expect(hubEndpoint('  ', { HF_ENDPOINT: ' ' })).toBe('https://huggingface.co');
  });

  it('refuses what is not a plain http(s) URL, naming where it came from', () => {
    expect(() => hubEndpoint('huggingface.co', {})).toThrow(/Input `hub-endpoint` must be an http\(s\) URL/);
    expect(() => hubEndpoint(undefined, { HF_ENDPOINT: 'ftp://mirror' })).toThrow(
      /`HF_ENDPOINT` must be an http\(s\) URL/
    );
    expect(() => hubEndpoint('https://user:secret@hub.example', {})).toThrow(/must not contain credentials/);
    expect(() => hubEndpoint('https://user:secret@hub.example', {})).not.toThrow(/secret/);
    expect(() => hubEndpoint('https://hub.example/?x=1', {})).toThrow(/query or fragment/);
  });
});
