// Hub benchmark (issue #4): 1,000 manifests naming 25 upstreams, each with a 3-deep `base_model`
// ancestry (upstream → parent → grandparent → great-grandparent) on a loopback Hub that adds
// 50 ms to every answer. Runs the bundled CLI three ways: offline (the cost without the Hub),
// cold (no cache file) and warm (the cache file the cold run wrote), and prints one JSON line.
// Usage: node bench/hub.mjs        LG_CLI=/path/to/cli.js to check another build than dist/cli/index.js
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MANIFESTS = 1000;
const UPSTREAMS = 25;
const LATENCY_MS = 50;
const TIME_GOAL_MS = 2000;
const root = fileURLToPath(new URL('..', import.meta.url));
const cli = process.env.LG_CLI || join(root, 'dist', 'cli', 'index.js');

// ── The ancestry ──────────────────────────────────────────────────────────────────────────
// Each tier halves: upstream i → parent ⌊i/2⌋ → grandparent ⌊i/4⌋ → great-grandparent ⌊i/8⌋,
// so siblings share ancestors: 25 + 13 + 7 + 4 = 49 distinct ids (100 if nothing were shared).
const TIERS = [
  { name: 'upstream', count: UPSTREAMS, divisor: 1 },
  { name: 'parent', count: Math.ceil(UPSTREAMS / 2), divisor: 2 },
  { name: 'grandparent', count: Math.ceil(UPSTREAMS / 4), divisor: 4 },
  { name: 'great-grandparent', count: Math.ceil(UPSTREAMS / 8), divisor: 8 }
];
const LICENSES = ['apache-2.0', 'mit'];
const RELATIONS = ['quantized', 'finetune', 'finetune']; // of a tier to the tier above it
const idOf = (tier, n) => `bench-${TIERS[tier].name}/model-${String(n).padStart(2, '0')}`;
const licenseOf = (i) => LICENSES[Math.floor(i / 8) % LICENSES.length]; // upstream i inherits its great-grandparent's
const sha = (text) => {
  let h = 0x811c9dc5;
  let out = '';
  for (let round = 0; out.length < 40; round++) {
    for (const ch of `${text}#${round}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 40);
};

/** The Hub's repos by lower-cased id, with the fields `/api/models/{id}` returns. */
function hubRepos() {
  const repos = new Map();
  TIERS.forEach((tier, t) => {
    for (let n = 0; n < tier.count; n++) {
      const id = idOf(t, n);
      const license = licenseOf(n * tier.divisor);
      const base =
        t + 1 < TIERS.length ? idOf(t + 1, Math.floor((n * tier.divisor) / TIERS[t + 1].divisor)) : undefined;
      const relation = base ? RELATIONS[t] : undefined;
      repos.set(id.toLowerCase(), {
        _id: sha(`_id:${id}`).slice(0, 24),
        id,
        modelId: id,
        author: id.split('/')[0],
        sha: sha(id),
        lastModified: '2026-11-01T12:00:00.000Z',
        private: false,
        disabled: false,
        gated: false,
        downloads: 1000,
        likes: 10,
        tags: [
          'transformers',
          'safetensors',
          'text-generation',
          ...(base ? [`base_model:${base}`, `base_model:${relation}:${base}`] : []),
          `license:${license}`,
          'region:us'
        ],
        cardData: {
          license,
          library_name: 'transformers',
          pipeline_tag: 'text-generation',
          ...(base ? { base_model: base, base_model_relation: relation } : {})
        },
        siblings: ['.gitattributes', 'LICENSE', 'README.md', 'config.json', 'model.safetensors', 'tokenizer.json'].map(
          (rfilename) => ({ rfilename })
        ),
        ...(base ? { baseModels: { relation, models: [{ id: base }] } } : {}),
        createdAt: '2026-10-01T03:40:08.000Z'
      });
    }
  });
  return repos;
}

// ── The loopback Hub ──────────────────────────────────────────────────────────────────────
/** `/api/models/{ns}/{name}[/revision/{rev}]?expand=…` as the real Hub answers it, `LATENCY_MS` late. */
async function startHub(repos) {
  const stats = { requests: 0, byId: new Map(), inFlight: 0, peakInFlight: 0 };
  const send = (res, status, body, headers = {}) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  };
  const reply = (req, res) => {
    const url = new URL(req.url ?? '/', 'http://hub.invalid');
    const match = /^\/api\/models\/([^/]+\/[^/]+)(?:\/revision\/(.+))?$/.exec(url.pathname);
    if (req.method !== 'GET' || !match)
      return send(res, 404, { error: "Sorry, we can't find the page you are looking for." });
    const id = decodeURIComponent(match[1]);
    stats.byId.set(id, (stats.byId.get(id) ?? 0) + 1);
    const repo = repos.get(id.toLowerCase());
    // Anonymous requests for a missing repo get a 401 without an error code, as on huggingface.co.
    if (!repo)
      return send(
        res,
        401,
        { error: 'Invalid username or password.' },
        { 'x-error-message': 'Invalid username or password.' }
      );
    const revision = match[2] === undefined ? undefined : decodeURIComponent(match[2]);
    if (revision !== undefined && revision !== 'main' && revision !== repo.sha) {
      return send(
        res,
        404,
        { error: `Invalid rev id: ${revision}` },
        { 'x-error-code': 'RevisionNotFound', 'x-error-message': `Invalid rev id: ${revision}` }
      );
    }
    const expand = [...url.searchParams.getAll('expand'), ...url.searchParams.getAll('expand[]')];
    if (expand.length === 0) return send(res, 200, repo);
    const narrowed = { _id: repo._id, id: repo.id };
    for (const field of expand) if (field in repo) narrowed[field] = repo[field];
    send(res, 200, narrowed);
  };
  const server = createServer((req, res) => {
    stats.requests++;
    stats.peakInFlight = Math.max(stats.peakInFlight, ++stats.inFlight);
    res.on('close', () => stats.inFlight--);
    setTimeout(() => reply(req, res), LATENCY_MS);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    stats,
    reset: () => Object.assign(stats, { requests: 0, byId: new Map(), inFlight: 0, peakInFlight: 0 }),
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      })
  };
}

// ── The manifests ─────────────────────────────────────────────────────────────────────────
// Manifest i names upstream i mod 25 in format i mod 3; 25 and 3 are coprime, so every upstream
// is named by every format. No revision is pinned: a pinned root would be a question of its own.
const FORMATS = [
  (id) => {
    const config = {
      base_model_name_or_path: id,
      peft_type: 'LORA',
      r: 16,
      lora_alpha: 32,
      lora_dropout: 0.05,
      revision: null,
      target_modules: ['q_proj', 'v_proj'],
      task_type: 'CAUSAL_LM'
    };
    return ['adapter_config.json', `${JSON.stringify(config, null, 2)}\n`];
  },
  (id, license) => [
    'README.md',
    `---\nbase_model: ${id}\nlicense: ${license}\nlibrary_name: peft\ntags:\n` +
      `- base_model:adapter:${id}\n- lora\n---\n\n# Adapter\n\nA LoRA adapter on ${id}.\n`
  ],
  (id, license) => [
    'lineage.yaml',
    `schema: 1\nname: bench-adapter\nrelation: adapter\nupstreams:\n  - id: ${id}\n` +
      `    relation: base\n    evidence: primary\nlicense:\n  id: ${license}\n`
  ]
];

function writeManifests(dir) {
  for (let i = 0; i < MANIFESTS; i++) {
    const upstream = i % UPSTREAMS;
    const d = join(dir, `team-${i % 40}`, `run-${String(i).padStart(4, '0')}`);
    mkdirSync(d, { recursive: true });
    const [name, text] = FORMATS[i % FORMATS.length](idOf(0, upstream), licenseOf(upstream));
    writeFileSync(join(d, name), text);
  }
}

// ── One run of the CLI ────────────────────────────────────────────────────────────────────
function childEnv() {
  const env = { ...process.env };
  // The Hub must be on, and nothing of the caller's Hub set-up (token, endpoint) may leak in.
  for (const name of ['HF_HUB_OFFLINE', 'TRANSFORMERS_OFFLINE', 'HF_TOKEN', 'HUGGING_FACE_HUB_TOKEN', 'HF_ENDPOINT'])
    delete env[name];
  return env;
}

/** Runs the CLI asynchronously (the Hub answers from this process's event loop) and times it. */
function runGate(workspace, args) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [cli, 'check', '--format', 'json', '--fail-on', 'never', ...args], {
      cwd: workspace,
      env: childEnv(),
      stdio: ['ignore', 'ignore', 'pipe']
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) reject(new Error(`the CLI exited with ${code}:\n${stderr}`));
      else resolve({ ms, stderr });
    });
  });
}

/** The client's own account, from its stderr line `Hub …: N question(s), M from the cache, K request(s).` */
function clientStats(stderr) {
  const m = /: (\d+) question\(s\), (\d+) from the cache, (\d+) request\(s\)\./.exec(stderr);
  return m ? { questions: Number(m[1]), cacheHits: Number(m[2]), requests: Number(m[3]) } : null;
}

/** Every upstream of every artifact: its Hub status and ancestor ids, to check the walk went 3 deep. */
function hubView(reportFile) {
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  const upstreams = report.artifacts.flatMap((a) => a.upstreams.map((u) => ({ dir: a.dir, id: u.id, hub: u.hub })));
  return { report, upstreams };
}

function checkWalk(view, label) {
  if (view.report.counts.manifests !== MANIFESTS)
    throw new Error(`${label}: the report has ${view.report.counts.manifests} manifests, expected ${MANIFESTS}`);
  for (const u of view.upstreams) {
    const ancestors = u.hub?.ancestors?.map((a) => a.id) ?? [];
    if (u.hub?.status !== 'found' || ancestors.length !== 3) {
      throw new Error(
        `${label}: ${u.dir} upstream ${u.id} has Hub status ${u.hub?.status ?? 'none'} ` +
          `and ${ancestors.length} ancestor(s), expected found and 3`
      );
    }
  }
}

const tmp = mkdtempSync(join(tmpdir(), 'lg-bench-hub-'));
const hub = await startHub(hubRepos());
try {
  if (!existsSync(cli)) throw new Error(`no CLI at ${cli}`);
  const workspace = join(tmp, 'ws');
  writeManifests(workspace);
  const cache = join(tmp, 'cache', 'hub-cache.json');
  const hubArgs = ['--hub-endpoint', hub.url, '--cache', cache, '--hub-max-depth', '5'];
  const distinctIds = TIERS.reduce((sum, t) => sum + t.count, 0);

  const offline = await runGate(workspace, ['--offline', '--output', join(tmp, 'offline.json')]);
  if (hub.stats.requests !== 0) throw new Error('the offline run asked the Hub');

  const cold = await runGate(workspace, [...hubArgs, '--output', join(tmp, 'cold.json')]);
  const coldHub = { ...hub.stats, byId: hub.stats.byId };
  const coldView = hubView(join(tmp, 'cold.json'));
  checkWalk(coldView, 'cold');
  hub.reset();

  const warm = await runGate(workspace, [...hubArgs, '--output', join(tmp, 'warm.json')]);
  const warmView = hubView(join(tmp, 'warm.json'));
  checkWalk(warmView, 'warm');
  if (JSON.stringify(warmView.upstreams) !== JSON.stringify(coldView.upstreams))
    throw new Error('the warm run reports other Hub facts than the cold run');

  const asked = [...coldHub.byId.values()];
  const result = {
    date: new Date().toISOString().slice(0, 10),
    node: process.version,
    cpus: cpus().length,
    cli,
    manifests: MANIFESTS,
    upstreams: UPSTREAMS,
    distinctIdsInAncestry: distinctIds,
    latencyMs: LATENCY_MS,
    offlineMs: Math.round(offline.ms),
    cold: {
      ms: Math.round(cold.ms),
      requests: coldHub.requests,
      idsAsked: coldHub.byId.size,
      idsAskedTwice: asked.filter((n) => n > 1).length,
      peakInFlight: coldHub.peakInFlight,
      client: clientStats(cold.stderr)
    },
    warm: { ms: Math.round(warm.ms), requests: hub.stats.requests, client: clientStats(warm.stderr) },
    findings: coldView.report.findings.length,
    goals: {
      requestsAtMostDistinctIds: coldHub.requests <= distinctIds,
      coldUnder2s: cold.ms < TIME_GOAL_MS,
      warmZeroRequests: hub.stats.requests === 0
    }
  };
  console.log(JSON.stringify(result));
} finally {
  await hub.close();
  rmSync(tmp, { recursive: true, force: true });
}
