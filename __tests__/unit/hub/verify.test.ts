import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { RepoInfoSource } from '../../../src/hub/ancestry.js';
import { HubClient } from '../../../src/hub/client.js';
import { HubVerifier, needsModelConfig, type HubSource } from '../../../src/hub/verify.js';
import type { Artifact } from '../../../src/lineage/artifact.js';

/** The Hub's answers about these artifacts, asked as one batch. */
async function verifyOnHub(artifacts: Artifact[], client: HubSource, maxDepth: number) {
  const verifier = new HubVerifier(client, maxDepth);
  await verifier.verify(artifacts);
  return verifier.answers;
}
import type { WeightFile } from '../../../src/lineage/artifact.js';
import { artifact, record, upstream } from '../../helpers/build.js';
import { QWEN25_05B_SHA, fixtureSha, startHubServer, type LoopbackHub } from '../../helpers/hub-server.js';
import { fakeClock } from './fake-clock.js';

let server: LoopbackHub;
let client: HubClient;

beforeEach(async () => {
  server = await startHubServer();
  client = new HubClient({ endpoint: server.url, clock: fakeClock() });
});

afterEach(async () => {
  await server.close();
});

const weight = (path: string, status: WeightFile['status'] = 'present'): WeightFile => ({ path, status });

/** An artifact whose adapter_config.json names `ids` (as `id` or `id@revision`), holding `weights`. */
function adapter(dir: string, ids: string[], weights: WeightFile[] = []) {
  const path = `${dir}/adapter_config.json`;
  const upstreams = ids.map((raw) => {
    const [id, revision] = raw.split('@');
    return upstream(path, { kind: 'hub-id', id, ...(revision ? { revision } : {}) });
  });
  return artifact(dir, { records: [record(path, 'peft-adapter-config', { upstreams })], weights });
}

const fileRequests = () =>
  server.requests.filter((r) => r.url.includes('/resolve/') || r.url.startsWith('/api/resolve-cache/'));

describe('needsModelConfig', () => {
  it('is true for an artifact holding a .safetensors file it keeps, whatever its name or case', () => {
    expect(needsModelConfig(artifact('a', { weights: [weight('a/adapter_model.safetensors')] }))).toBe(true);
    expect(needsModelConfig(artifact('a', { weights: [weight('a/MODEL.SafeTensors', 'added')] }))).toBe(true);
    expect(needsModelConfig(artifact('a', { weights: [weight('a/model.gguf'), weight('a/x.bin')] }))).toBe(false);
    expect(needsModelConfig(artifact('a', { weights: [weight('a/adapter_model.safetensors', 'removed')] }))).toBe(
      false
    );
    expect(needsModelConfig(artifact('a'))).toBe(false);
  });
});

describe('HubVerifier and config.json', () => {
  it('reads config.json only for upstreams of artifacts with safetensors weights', async () => {
    const facts = await verifyOnHub(
      [
        adapter('lora', ['Qwen/Qwen2.5-0.5B'], [weight('lora/adapter_model.safetensors')]),
        adapter('gguf', ['Qwen/Qwen3-4B'], [weight('gguf/adapter.gguf')]),
        adapter('bare', ['Qwen/Qwen3-4B-Base'])
      ],
      client,
      5
    );
    expect(facts.config({ id: 'Qwen/Qwen2.5-0.5B' })).toEqual({
      found: expect.objectContaining({ hiddenSize: 896, numHiddenLayers: 24, modelType: 'qwen2' })
    });
    expect(facts.config({ id: 'Qwen/Qwen3-4B' })).toBeUndefined();
    expect(facts.config({ id: 'Qwen/Qwen3-4B-Base' })).toBeUndefined();
    // At the commit the repo answer reported for main: the file matches the facts, and caches for good.
    expect(fileRequests().map((r) => r.url)).toEqual([
      `/Qwen/Qwen2.5-0.5B/resolve/${QWEN25_05B_SHA}/config.json`,
      `/api/resolve-cache/models/Qwen/Qwen2.5-0.5B/${QWEN25_05B_SHA}/config.json`
    ]);
    // The repo info behind it was asked once, shared with the ancestry walk.
    expect(server.requestsFor('model', 'Qwen/Qwen2.5-0.5B')).toHaveLength(1);
  });

  it('makes no config request at all when no artifact has safetensors weights', async () => {
    const before = await verifyOnHub([adapter('a', ['Qwen/Qwen3-4B']), adapter('b', ['Qwen/Qwen2.5-0.5B'])], client, 5);
    expect(before.config({ id: 'Qwen/Qwen3-4B' })).toBeUndefined();
    expect(fileRequests()).toHaveLength(0);
    expect(server.requests.every((r) => r.url.startsWith('/api/models/'))).toBe(true);
  });

  it('asks once per (id, revision) across artifacts, and looks answers up by the reference as written', async () => {
    const sw = (dir: string) => [weight(`${dir}/adapter_model.safetensors`)];
    const facts = await verifyOnHub(
      [
        adapter('a', ['Qwen/Qwen2.5-0.5B'], sw('a')),
        adapter('b', ['qwen/qwen2.5-0.5b'], sw('b')),
        adapter('c', [`Qwen/Qwen2.5-0.5B@${QWEN25_05B_SHA}`], sw('c')),
        adapter('d', ['Qwen/Qwen3-4B@v1'], sw('d'))
      ],
      client,
      0
    );
    expect(facts.config({ id: 'qwen/QWEN2.5-0.5B' })).toEqual(facts.config({ id: 'Qwen/Qwen2.5-0.5B' }));
    expect(facts.config({ id: 'Qwen/Qwen2.5-0.5B', revision: QWEN25_05B_SHA })).toMatchObject({
      found: { hiddenSize: 896 }
    });
    expect(facts.config({ id: 'Qwen/Qwen3-4B', revision: 'v1' })).toMatchObject({ found: { hiddenSize: 2560 } });
    expect(facts.config({ id: 'Qwen/Qwen3-4B' })).toBeUndefined();
    // main and the sha it points at are one file: asked once. The tag is asked at its own commit.
    expect(fileRequests().filter((r) => r.url.includes('/resolve/'))).toHaveLength(2);
    expect(fileRequests().map((r) => r.url)).toContain(
      `/Qwen/Qwen3-4B/resolve/${fixtureSha('Qwen/Qwen3-4B@v1')}/config.json`
    );
  });

  it('does not ask when the repo answer rules it out: not found, or no config.json in its file list', async () => {
    const sw = (dir: string) => [weight(`${dir}/adapter_model.safetensors`)];
    const facts = await verifyOnHub(
      [
        adapter('missing', ['acme-corp/no-such-model'], sw('missing')),
        adapter('peft', ['shape/local-base'], sw('peft'))
      ],
      client,
      0
    );
    expect(facts.config({ id: 'acme-corp/no-such-model' })).toEqual({
      unavailable: `config.json not asked: the Hub's answer about "acme-corp/no-such-model" was not-found`,
      cause: 'not-asked'
    });
    expect(facts.config({ id: 'shape/local-base' })).toEqual({
      unavailable: `"shape/local-base" has no config.json (per the Hub's file list)`,
      cause: 'absent'
    });
    expect(fileRequests()).toHaveLength(0);
  });

  it('asks a renamed repo under its current id, and reports a gated one as denied', async () => {
    const facts = await verifyOnHub(
      [adapter('mirror', ['meta-llama/Meta-Llama-3.1-8B-Instruct'], [weight('mirror/adapter_model.safetensors')])],
      client,
      0
    );
    expect(facts.config({ id: 'meta-llama/Meta-Llama-3.1-8B-Instruct' })).toMatchObject({
      cause: 'denied',
      authenticated: false
    });
    expect(fileRequests().map((r) => r.url)).toEqual([
      `/meta-llama/Llama-3.1-8B-Instruct/resolve/${fixtureSha('meta-llama/Llama-3.1-8B-Instruct')}/config.json`
    ]);
  });

  it('skips upstreams that are not Hub ids, and clients that cannot read configs', async () => {
    const path = 'x/adapter_config.json';
    const local = artifact('x', {
      records: [
        record(path, 'peft-adapter-config', { upstreams: [upstream(path, { kind: 'local-path', raw: './base' })] })
      ],
      weights: [weight('x/adapter_model.safetensors')]
    });
    const facts = await verifyOnHub([local], client, 0);
    expect(facts.config({ id: undefined })).toBeUndefined();
    expect(server.requests).toHaveLength(0);

    const repoInfoOnly: RepoInfoSource = { repoInfo: (q) => client.repoInfo(q) };
    const plain = await verifyOnHub(
      [adapter('a', ['Qwen/Qwen2.5-0.5B'], [weight('a/adapter_model.safetensors')])],
      repoInfoOnly,
      0
    );
    expect(plain.fact({ id: 'Qwen/Qwen2.5-0.5B' })?.answer.kind).toBe('found');
    expect(plain.config({ id: 'Qwen/Qwen2.5-0.5B' })).toBeUndefined();
    expect(fileRequests()).toHaveLength(0);
  });
});
