/** End-to-end: Hub verification through dist/index.js and the CLI, against a loopback Hub. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fixtureSha, QWEN25_05B_SHA, startHubServer, type Behaviour, type LoopbackHub } from '../helpers/hub-server.js';
import { tempDir } from '../helpers/git-repo.js';
import { reportValidator } from '../helpers/report-schema.js';
import { runAction, runCli } from '../helpers/run-action.js';

const TOKEN = 'hf_e2eSecretToken0123456789';
const MISSING_SHA = 'deadbeef'.repeat(5);

function repo(files: Record<string, string>): string {
  const dir = tempDir('lg-hub-e2e-');
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const peft = (base: string, revision: string | null = null) =>
  JSON.stringify(
    { peft_type: 'LORA', base_model_name_or_path: base, revision, r: 8, lora_alpha: 16, task_type: 'CAUSAL_LM' },
    null,
    2
  );

const WORKSPACE = {
  // A mirror of a gated Llama: its ancestry (mirror → Instruct → base) makes the Llama duties bind.
  'mirror/adapter_config.json': peft('unsloth/Meta-Llama-3.1-8B-Instruct-bnb-4bit'),
  'mirror/README.md':
    '---\nbase_model: unsloth/Meta-Llama-3.1-8B-Instruct-bnb-4bit\n' +
    'license: llama3.1\nmodel_name: Llama-3.1-8B-helper\n---\n\nBuilt with Llama.\n',
  'gated/adapter_config.json': peft('meta-llama/Llama-3.1-8B-Instruct'),
  'gated/README.md': '---\nlicense: llama3.1\nmodel_name: Llama-3.1-8B-tool\n---\n\nBuilt with Llama.\n',
  'missing/adapter_config.json': peft('acme-corp/no-such-model'),
  'missing/README.md': '---\nlicense: apache-2.0\n---\n',
  'badrev/lineage.yaml':
    `schema: 1\nupstreams:\n  - id: Qwen/Qwen3-4B\n` + `    revision: ${MISSING_SHA}\nlicense: { id: apache-2.0 }\n`,
  'mismatch/lineage.yaml':
    `schema: 1\nupstreams:\n  - id: Qwen/Qwen3-4B\n    revision: main\n` +
    `    license: mit\nlicense: { id: apache-2.0 }\n`,
  'takedown/lineage.yaml': 'schema: 1\nupstreams:\n  - id: acme-corp/taken-down\nlicense: { id: apache-2.0 }\n',
  'alpaca/lineage.yaml':
    'schema: 1\nupstreams:\n  - id: Qwen/Qwen3-4B\n    revision: main\n' +
    'license: { id: apache-2.0 }\ndatasets:\n  - id: tatsu-lab/alpaca\n    license: apache-2.0\n',
  // Datasets are checked too; a bare name that is no dataset id is a notice.
  'data/README.md':
    '---\nbase_model: Qwen/Qwen3-4B@main\nlicense: apache-2.0\ndatasets:\n- acme-corp/no-such-data\n- openslr\n---\n'
};

/** A safetensors file (8-byte little-endian header length, JSON header, zeroed data) with LoRA tensors of rank 8. */
function loraSafetensors(hidden: number): Buffer {
  const bytes = 8 * hidden * 4;
  const prefix = 'base_model.model.model.layers.0.self_attn.q_proj';
  const header = Buffer.from(
    JSON.stringify({
      __metadata__: { format: 'pt' },
      [`${prefix}.lora_A.weight`]: { dtype: 'F32', shape: [8, hidden], data_offsets: [0, bytes] },
      [`${prefix}.lora_B.weight`]: { dtype: 'F32', shape: [hidden, 8], data_offsets: [bytes, 2 * bytes] }
    })
  );
  const length = Buffer.alloc(8);
  length.writeBigUInt64LE(BigInt(header.length));
  return Buffer.concat([length, header, Buffer.alloc(2 * bytes)]);
}

function ruleAt(annotations: string[]): string[] {
  return annotations
    .map(
      (a) =>
        `${a
          .match(/^::(\w+) title=([a-z-]+),file=([^,]+)/)!
          .slice(1)
          .join(' ')}`
    )
    .sort();
}

describe('Hub verification', () => {
  let hub: LoopbackHub;
  beforeEach(async () => {
    hub = await startHubServer();
  });
  afterEach(async () => hub.close());

  it('missing repos/revisions, gating, takedowns, license mismatches: once per upstream, token hidden', async () => {
    const dir = repo(WORKSPACE);
    const inputs = {
      scope: 'all',
      'hub-endpoint': hub.url,
      'hub-token': TOKEN,
      'hub-cache': '.cache/hub.json',
      'report-file': 'report.json',
      'fail-on': 'never'
    };
    const run = await runAction({
      workspace: dir,
      eventName: 'workflow_dispatch',
      payload: {},
      inputs,
      env: { HF_HUB_OFFLINE: '' }
    });
    expect(run.code).toBe(0);
    const hubFindings = ruleAt(run.annotations).filter((a) => / hub-/.test(a));
    expect(hubFindings).toEqual([
      'error hub-disabled takedown/lineage.yaml',
      'error hub-repo-not-found data/README.md',
      'error hub-repo-not-found missing/adapter_config.json',
      'error hub-revision-not-found badrev/lineage.yaml',
      'notice hub-gated gated/adapter_config.json',
      'warning hub-license-mismatch alpaca/lineage.yaml',
      'warning hub-license-mismatch mismatch/lineage.yaml'
    ]);
    expect(run.annotations.find((a) => a.includes('hub-license-mismatch,file=alpaca/'))).toContain(
      'dataset tatsu-lab/alpaca is under "apache-2.0", but its Hub card says "cc-by-nc-4.0"'
    );
    expect(run.annotations.find((a) => a.includes('hub-repo-not-found,file=data/README.md'))).toContain(
      'no dataset acme-corp/no-such-data'
    );
    expect(run.annotations.find((a) => a.includes('title=unqualified-hub-id,file=data/README.md'))).toMatch(
      /^::notice .*"openslr".*bare name/
    );
    // With a token, a missing repo is plainly missing.
    expect(run.annotations.find((a) => a.includes('hub-repo-not-found,file=missing/'))).toContain(
      'even with the token given'
    );
    // The token reached the Hub, and nothing else: not the log, the report or the cache.
    expect(hub.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
    const cache = readFileSync(join(dir, '.cache/hub.json'), 'utf8');
    const report = readFileSync(join(dir, 'report.json'), 'utf8');
    // `::add-mask::` is how the runner learns to hide it; no other line may carry it.
    expect(run.stdout.split('\n').filter((l) => l.includes(TOKEN))).toEqual([`::add-mask::${TOKEN}`]);
    for (const text of [run.stderr, run.summary, cache, report]) expect(text).not.toContain(TOKEN);
    // One question per (id, revision); the mirror's ancestry is asked once even though two artifacts lead there.
    const asked = hub.requests.map((r) => decodeURIComponent(r.url.split('?')[0]));
    // The mirror's card names the old id meta-llama/Meta-Llama-3.1-8B-Instruct, which redirects to the
    // current one: the only URL fetched twice is that redirect's target, as a different question.
    const twice = asked.filter((u, i) => asked.indexOf(u) !== i);
    expect(asked).toContain('/api/datasets/acme-corp/no-such-data');
    // The summary's artifact details say which commit `main` meant today.
    expect(run.summary).toMatch(/Upstream `Qwen\/Qwen3-4B`: `@main → [0-9a-f]{12}`/);
    expect(twice).toEqual(['/api/models/meta-llama/Llama-3.1-8B-Instruct']);
    const parsed = JSON.parse(report);
    expect(reportValidator()(parsed)).toBe(true);
    const mirror = parsed.artifacts.find((a: { dir: string }) => a.dir === 'mirror').upstreams[0];
    expect(mirror.hub.ancestors.map((a: { id: string }) => a.id)).toEqual([
      'meta-llama/Meta-Llama-3.1-8B-Instruct',
      'meta-llama/Meta-Llama-3.1-8B'
    ]);
    expect(mirror.hub.sha).toMatch(/^[0-9a-f]{40}$/);

    // A second run with the cache asks the Hub nothing.
    const before = hub.requests.length;
    const again = await runAction({
      workspace: dir,
      eventName: 'workflow_dispatch',
      payload: {},
      inputs,
      env: { HF_HUB_OFFLINE: '' }
    });
    expect(hub.requests.length).toBe(before);
    expect(ruleAt(again.annotations)).toEqual(ruleAt(run.annotations));
    expect(again.stdout).toMatch(
      /Hub http:\/\/127\.0\.0\.1:\d+: \d+ question\(s\), \d+ from the cache, 0 request\(s\)\./
    );
  });

  it('applies the license duties of every ancestor on the Hub, hidden behind a community merge', async () => {
    const dir = repo({
      'merge/README.md':
        '---\nbase_model: acme-corp/qwen-llama-merge\nlicense: apache-2.0\nmodel_name: Llama-merge-helper\n---\n'
    });
    const offline = await runCli(['check', '--format', 'json'], dir);
    const online = await runCli(['check', '--format', 'json', '--hub-endpoint', hub.url], dir, { HF_HUB_OFFLINE: '' });
    const rules = (out: string) => (JSON.parse(out) as { findings: { ruleId: string; message: string }[] }).findings;
    // Offline, nothing tells the gate what the merge contains.
    expect(rules(offline.stdout).map((f) => f.ruleId)).not.toContain('missing-attribution');
    const found = rules(online.stdout);
    const attribution = found.find((f) => f.ruleId === 'missing-attribution')!;
    expect(attribution.message).toContain('meta-llama/Llama-3.1-8B-Instruct');
    expect(attribution.message).toContain('the base of acme-corp/qwen-llama-merge');
    expect(found.map((f) => f.ruleId)).toContain('license-conflict');
  });

  it("reads a base's config.json only for adapters with safetensors weights, once, then from the cache", async () => {
    const dir = repo({
      'lora/adapter_config.json': peft('Qwen/Qwen2.5-0.5B'),
      'lora/README.md': '---\nlicense: apache-2.0\n---\n',
      'plain/adapter_config.json': peft('Qwen/Qwen3-4B'),
      'plain/README.md': '---\nlicense: apache-2.0\n---\n'
    });
    writeFileSync(join(dir, 'lora/adapter_model.safetensors'), loraSafetensors(896));
    const args = ['check', '--format', 'json', '--hub-endpoint', hub.url, '--cache', '.cache/hub.json'];
    const first = await runCli(args, dir, { HF_HUB_OFFLINE: '' });
    expect(JSON.parse(first.stdout).counts.artifacts).toBe(2);
    expect(hub.fileRequestsFor('Qwen/Qwen2.5-0.5B').map((r) => r.url)).toEqual([
      `/Qwen/Qwen2.5-0.5B/resolve/${QWEN25_05B_SHA}/config.json`,
      `/api/resolve-cache/models/Qwen/Qwen2.5-0.5B/${QWEN25_05B_SHA}/config.json`
    ]);
    expect(hub.fileRequestsFor('Qwen/Qwen3-4B')).toHaveLength(0);
    expect(hub.requestsFor('model', 'Qwen/Qwen2.5-0.5B')).toHaveLength(1);
    const cache = JSON.parse(readFileSync(join(dir, '.cache/hub.json'), 'utf8'));
    expect(cache.configs).toEqual([
      expect.objectContaining({
        key: expect.objectContaining({ id: 'Qwen/Qwen2.5-0.5B', revision: QWEN25_05B_SHA }),
        answer: { found: expect.objectContaining({ hiddenSize: 896, numHiddenLayers: 24 }) }
      })
    ]);
    const before = hub.requests.length;
    const second = await runCli(args, dir, { HF_HUB_OFFLINE: '' });
    expect(hub.requests.length).toBe(before);
    expect(JSON.parse(second.stdout).findings).toEqual(JSON.parse(first.stdout).findings);
  });

  it("judges LoRA shapes by the base's Hub config.json: quiet on a match, names another base's adapter", async () => {
    const dir = repo({
      'fits/adapter_config.json': peft('Qwen/Qwen2.5-0.5B'),
      'fits/README.md': '---\nlicense: apache-2.0\n---\n',
      'wrong/adapter_config.json': peft('Qwen/Qwen2.5-0.5B'),
      'wrong/README.md': '---\nlicense: apache-2.0\n---\n'
    });
    writeFileSync(join(dir, 'fits/adapter_model.safetensors'), loraSafetensors(896));
    writeFileSync(join(dir, 'wrong/adapter_model.safetensors'), loraSafetensors(1536));
    const run = await runCli(['check', '--format', 'json', '--hub-endpoint', hub.url], dir, { HF_HUB_OFFLINE: '' });
    const shapes = (
      JSON.parse(run.stdout) as { findings: { ruleId: string; path: string; message: string }[] }
    ).findings.filter((f) => f.ruleId === 'shape-mismatch');
    expect(shapes.map((f) => f.path)).toEqual(['wrong/adapter_config.json']);
    expect(shapes[0].message).toContain('has 1536 (shape [8, 1536]), expected 896 (hidden_size 896)');
    expect(shapes[0].message).toContain(`Dimensions from the Hub's config.json of Qwen/Qwen2.5-0.5B`);
  });

  it('says once that the Hub was not asked when verification is off', async () => {
    const dir = repo({ 'missing/adapter_config.json': peft('acme-corp/no-such-model') });
    const run = await runAction({
      workspace: dir,
      eventName: 'workflow_dispatch',
      payload: {},
      inputs: { scope: 'all', 'hub-verify': 'false', 'hub-endpoint': hub.url }
    });
    expect(hub.requests).toHaveLength(0);
    expect(run.annotations.some((a) => a.includes('hub-'))).toBe(false);
    expect(run.summary.match(/Hub verification is off/g)).toHaveLength(1);
  });

  it('fails closed on an unreachable Hub if policy requires it; tokenless not-found may be private (CLI)', async () => {
    const dir = repo({
      'flaky/lineage.yaml': 'schema: 1\nupstreams:\n  - id: flaky/always-500\nlicense: { id: apache-2.0 }\n',
      'anon/adapter_config.json': peft('acme-corp/no-such-model'),
      '.github/lineage-policy.yml':
        'version: 1\nrequire: { hub: true }\nrules: { missing-license: off, unpinned-revision: off }\n'
    });
    const run = await runCli(['check', '--format', 'json', '--hub-endpoint', hub.url], dir, { HF_HUB_OFFLINE: '' });
    const report = JSON.parse(run.stdout) as { findings: { ruleId: string; severity: string; message: string }[] };
    const unreachable = report.findings.find((f) => f.ruleId === 'hub-unreachable')!;
    expect(unreachable.severity).toBe('error');
    expect(report.findings.find((f) => f.ruleId === 'hub-repo-not-found')!.message).toContain(
      'or is private or gated and needs a token'
    );
    expect(run.code).toBe(1);
  }, 120000);
});

describe('a hostile Hub (CLI)', () => {
  const servers: LoopbackHub[] = [];
  afterEach(async () => Promise.all(servers.splice(0).map((s) => s.close())));
  const hostileHub = async (repos: Record<string, Behaviour>): Promise<LoopbackHub> => {
    const s = await startHubServer({
      repos: Object.entries(repos).map(([id, behaviour]) => ({ type: 'model', id, sha: fixtureSha(id), behaviour }))
    });
    servers.push(s);
    return s;
  };
  const upstream = (id: string) => `schema: 1\nupstreams:\n  - id: ${id}\nlicense: { id: apache-2.0 }\n`;
  const findings = (stdout: string) =>
    (JSON.parse(stdout) as { findings: { ruleId: string; message: string }[] }).findings.filter(
      (f) => f.ruleId === 'hub-unreachable'
    );

  it('off-origin redirects and echoed tokens: hub-unreachable with the reason, no token prefix anywhere', async () => {
    const other = await hostileHub({});
    const hub = await hostileHub({
      'evil/elsewhere': { kind: 'redirect', to: `${other.url}/api/models/Qwen/Qwen3-4B` },
      'evil/metadata': { kind: 'redirect', to: 'http://169.254.169.254/latest/meta-data/' },
      'echo/header': { kind: 'echo-token', where: 'header', cut: 12 },
      'echo/body': { kind: 'echo-token', where: 'body' }
    });
    const dir = repo(
      Object.fromEntries(
        ['evil/elsewhere', 'evil/metadata', 'echo/header', 'echo/body'].map((id) => [
          `${id}/lineage.yaml`,
          upstream(id)
        ])
      )
    );
    const started = Date.now();
    const run = await runCli(['check', '--format', 'json', '--fail-on', 'never', '--hub-endpoint', hub.url], dir, {
      HF_HUB_OFFLINE: '',
      HF_TOKEN: TOKEN
    });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(run.code).toBe(0);
    const messages = findings(run.stdout).map((f) => f.message);
    const host = new URL(other.url).host;
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining(`to another host (${host}); not followed`),
        expect.stringContaining('to another host (169.254.169.254); not followed'),
        expect.stringContaining('upstream refused token ***; retry later'),
        expect.stringMatching(/Could not ask the Hub about echo\/body .*malformed JSON/)
      ])
    );
    expect(other.requests).toHaveLength(0);
    expect(`${run.stdout}${run.stderr}`).not.toContain(TOKEN.slice(0, 8));
  }, 60000);

  it('a 429 asking for a day: given up at once, saying the rate limit', async () => {
    const hub = await hostileHub({
      'busy/day': { kind: 'rate-limited', times: 99, resetSeconds: 7, retryAfter: '86400' }
    });
    const dir = repo({ 'busy/lineage.yaml': upstream('busy/day') });
    const started = Date.now();
    const run = await runCli(['check', '--format', 'json', '--fail-on', 'never', '--hub-endpoint', hub.url], dir, {
      HF_HUB_OFFLINE: ''
    });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(findings(run.stdout).map((f) => f.message)).toEqual([
      expect.stringMatching(/rate-limited by the Hub \(429.*the Hub asks to wait 86400 s, beyond the time budget/)
    ]);
    expect(hub.requests).toHaveLength(1);
  }, 60000);
});
