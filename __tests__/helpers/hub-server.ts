/**
 * A loopback Hugging Face Hub (node:http on 127.0.0.1, port 0) answering `/api/models/{id}` and
 * `/api/datasets/{id}` (optionally `/revision/{rev}`) the way the real Hub does:
 * - `expand=` (or `expand[]=`) limits the reply to `_id`, `id` and the fields asked for;
 * - field shapes as huggingface.js's ApiModelInfo and huggingface_hub's ModelInfo read them:
 *   `sha`, `gated` (false | "auto" | "manual"), `private`, `disabled`, `cardData` (the card's
 *   front matter: license, license_name, license_link, base_model string or list,
 *   base_model_relation), `tags` (with the Hub's `base_model:…`, `base_model:<relation>:…`,
 *   `license:…` tags), `siblings: [{ rfilename }]`, `baseModels: { relation, models: [{ id }] }`;
 * - errors as the Hub sends them (`X-Error-Code`, `X-Error-Message`, `{"error": …}` body):
 *   a missing repo answers 401 without a code to anonymous requests ("Invalid username or
 *   password.") and 404 RepoNotFound with a token; a private repo 401 RepoNotFound without the
 *   right token; a bad revision 404 RevisionNotFound ("Invalid rev id: …"); a disabled repo 403
 *   "Access to this resource is disabled."; a renamed repo 307 to its new id; over the rate
 *   limit 429 with `RateLimit: "api";r=0;t=<s>` and `RateLimit-Policy`.
 * It also serves `config.json` through the file-resolve route `/{id}/resolve/{rev}/config.json`
 * (the URL `huggingface_hub`'s `hf_hub_url` builds) as the Hub does today: a same-origin 307 to
 * `/api/resolve-cache/models/{id}/{sha}/config.json`, which answers 200 with the file (logs of
 * `hf_hub_download` against huggingface.co show this pair); 404 `EntryNotFound` ("Entry not
 * found") for a file the revision lacks; `GatedRepo` for a gated repo — 401 to anonymous requests,
 * 403 to a token without access ("… you are not in the authorized list …") — while its metadata
 * stays public; and, per repo, misbehaviours (`configBehaviour`) such as a redirect off the origin.
 * The repos are modelled on the real ones named (card fields, tags and file lists as published);
 * their shas are made up except where noted. Every request is recorded with its headers.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Gated = false | 'auto' | 'manual';

/** How a repo misbehaves, to exercise the client's retries and limits. */
export type Behaviour =
  | { kind: 'rate-limited'; times: number; resetSeconds: number; retryAfter?: string }
  | { kind: 'server-error'; times: number; status?: number }
  | { kind: 'stall' }
  | { kind: 'stall-body' }
  | { kind: 'malformed' }
  | { kind: 'disabled' }
  | { kind: 'gated-files' }
  | { kind: 'echo-auth' }
  | { kind: 'redirect'; to: string }
  /** The whole response (status line and headers too) written one byte every `intervalMs`. */
  | { kind: 'trickle-headers'; intervalMs: number }
  /** Headers at once, then an endless JSON body one byte every `intervalMs`. */
  | { kind: 'trickle-body'; intervalMs: number }
  /** Declares a `Content-Length` of `bytes` and sends a few of them. */
  | { kind: 'huge-length'; bytes: number }
  /**
   * Echoes the Bearer token (its first `cut` characters, or all of it) back: in `X-Error-Message`
   * of a 500, or as the text of a 200 that is not JSON.
   */
  | { kind: 'echo-token'; where: 'header' | 'body'; cut?: number };

export interface HubRepo {
  type: 'model' | 'dataset';
  id: string;
  sha: string;
  gated?: Gated;
  private?: boolean;
  cardData?: Record<string, unknown>;
  tags?: string[];
  siblings?: string[];
  baseModels?: { relation: string; models: { id: string }[] };
  /** Other revisions (branches, tags) and the commit each points at; `main` and the sha always work. */
  refs?: Record<string, string>;
  /** Old ids that redirect (307) here. */
  renamedFrom?: string[];
  behaviour?: Behaviour;
  /** The repo's config.json (an object is served as pretty JSON, a string as is); absent → 404 EntryNotFound. */
  config?: Record<string, unknown> | string;
  /** How the file-resolve route misbehaves (the API route follows `behaviour`). */
  configBehaviour?: Behaviour;
}

export interface RecordedHubRequest {
  method: string;
  /** Path and query as sent. */
  url: string;
  headers: IncomingHttpHeaders;
  /** ms since the server started. */
  at: number;
}

export interface HubServerOptions {
  /** Added before every answer (ms). */
  latencyMs?: number;
  /** The token that unlocks private repos (other tokens get 404 RepoNotFound). */
  acceptedToken?: string;
  /** Repos beside (or replacing, by id) the built-in catalogue. */
  repos?: HubRepo[];
}

export interface LoopbackHub {
  url: string;
  requests: RecordedHubRequest[];
  /** Highest number of requests being answered at once. */
  peakInFlight(): number;
  setLatency(ms: number): void;
  /** Requests whose path starts with `/api/models/<id>` or `/api/datasets/<id>`. */
  requestsFor(type: 'model' | 'dataset', id: string): RecordedHubRequest[];
  /** Requests for a model's files: `/<id>/resolve/…` and `/api/resolve-cache/models/<id>/…`. */
  fileRequestsFor(id: string): RecordedHubRequest[];
  close(): Promise<void>;
}

const sha = (seed: string): string => {
  let h = 0x811c9dc5;
  let out = '';
  for (let round = 0; out.length < 40; round++) {
    for (const ch of `${seed}#${round}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 40);
};

/** Made-up but stable 40-hex commit for a fixture repo. */
export const fixtureSha = sha;

/** Every card names `width` new base models, `levels` levels deep (the last level's names do not exist). */
export function fanOutRepos(prefix: string, width: number, levels: number): HubRepo[] {
  const repos: HubRepo[] = [];
  const grow = (id: string, level: number): void => {
    const bases = level < levels ? Array.from({ length: width }, (_, i) => `${id}-${i}`) : [];
    repos.push({ type: 'model', id, sha: fixtureSha(id), cardData: { base_model: bases } });
    if (level < levels - 1) for (const base of bases) grow(base, level + 1);
  };
  grow(`${prefix}/r`, 0);
  return repos;
}

const LLAMA_31_FILES = [
  '.gitattributes',
  'LICENSE',
  'README.md',
  'USE_POLICY.md',
  'config.json',
  'generation_config.json',
  'model-00001-of-00004.safetensors',
  'model-00002-of-00004.safetensors',
  'model-00003-of-00004.safetensors',
  'model-00004-of-00004.safetensors',
  'model.safetensors.index.json',
  'original/consolidated.00.pth',
  'original/params.json',
  'original/tokenizer.model',
  'special_tokens_map.json',
  'tokenizer.json',
  'tokenizer_config.json'
];
const QWEN3_FILES = [
  '.gitattributes',
  'LICENSE',
  'README.md',
  'config.json',
  'generation_config.json',
  'merges.txt',
  'model-00001-of-00003.safetensors',
  'model-00002-of-00003.safetensors',
  'model-00003-of-00003.safetensors',
  'model.safetensors.index.json',
  'tokenizer.json',
  'tokenizer_config.json',
  'vocab.json'
];
const QWEN25_05B_FILES = [
  '.gitattributes',
  'LICENSE',
  'README.md',
  'config.json',
  'generation_config.json',
  'merges.txt',
  'model.safetensors',
  'tokenizer.json',
  'tokenizer_config.json',
  'vocab.json'
];
/**
 * The real config.json of Qwen/Qwen2.5-0.5B at commit 060db6499f32faf8b98477b0a26969ef7d8b9987, as
 * `hf_hub_download` fetched it — printed with that snapshot path in chtho-like/rosellm,
 * rosellm/models/hub.py (commit 6ab3b433834ac09c95bd3090a68957f9d7961c31).
 */
export const QWEN25_05B_CONFIG = {
  architectures: ['Qwen2ForCausalLM'],
  attention_dropout: 0.0,
  bos_token_id: 151643,
  eos_token_id: 151643,
  hidden_act: 'silu',
  hidden_size: 896,
  initializer_range: 0.02,
  intermediate_size: 4864,
  max_position_embeddings: 32768,
  max_window_layers: 24,
  model_type: 'qwen2',
  num_attention_heads: 14,
  num_hidden_layers: 24,
  num_key_value_heads: 2,
  rms_norm_eps: 1e-6,
  rope_theta: 1000000.0,
  sliding_window: 32768,
  tie_word_embeddings: true,
  torch_dtype: 'bfloat16',
  transformers_version: '4.40.1',
  use_cache: true,
  use_mrope: false,
  use_sliding_window: false,
  vocab_size: 151936
};
export const QWEN25_05B_SHA = '060db6499f32faf8b98477b0a26969ef7d8b9987';
// The published geometry of Qwen3-4B(-Base) and Llama 3.1 8B: the fields the gate reads, not whole files.
const QWEN3_4B_CONFIG = {
  architectures: ['Qwen3ForCausalLM'],
  model_type: 'qwen3',
  hidden_size: 2560,
  intermediate_size: 9728,
  num_hidden_layers: 36,
  num_attention_heads: 32,
  num_key_value_heads: 8,
  head_dim: 128,
  vocab_size: 151936,
  torch_dtype: 'bfloat16'
};
const LLAMA_31_8B_CONFIG = {
  architectures: ['LlamaForCausalLM'],
  model_type: 'llama',
  hidden_size: 4096,
  intermediate_size: 14336,
  num_hidden_layers: 32,
  num_attention_heads: 32,
  num_key_value_heads: 8,
  vocab_size: 128256,
  torch_dtype: 'bfloat16'
};
const LLAMA_GATE_PROMPT = 'LLAMA 3.1 COMMUNITY LICENSE AGREEMENT\nLlama 3.1 Version Release Date: July 23, 2024 …';

function model(id: string, rest: Omit<HubRepo, 'type' | 'id' | 'sha'> & { sha?: string }): HubRepo {
  return { type: 'model', id, sha: rest.sha ?? sha(id), ...rest };
}

/** The built-in repos, by scenario. */
export function catalogue(): HubRepo[] {
  return [
    // An ungated Apache-2.0 model and its base.
    model('Qwen/Qwen3-4B', {
      cardData: {
        library_name: 'transformers',
        license: 'apache-2.0',
        license_link: 'https://huggingface.co/Qwen/Qwen3-4B/blob/main/LICENSE',
        pipeline_tag: 'text-generation',
        base_model: ['Qwen/Qwen3-4B-Base']
      },
      tags: [
        'transformers',
        'safetensors',
        'qwen3',
        'text-generation',
        'conversational',
        'arxiv:2309.00071',
        'arxiv:2505.09388',
        'base_model:Qwen/Qwen3-4B-Base',
        'base_model:finetune:Qwen/Qwen3-4B-Base',
        'license:apache-2.0',
        'autotrain_compatible',
        'text-generation-inference',
        'endpoints_compatible',
        'region:us'
      ],
      siblings: QWEN3_FILES,
      baseModels: { relation: 'finetune', models: [{ id: 'Qwen/Qwen3-4B-Base' }] },
      refs: { v1: sha('Qwen/Qwen3-4B@v1') },
      config: QWEN3_4B_CONFIG
    }),
    model('Qwen/Qwen3-4B-Base', {
      cardData: {
        library_name: 'transformers',
        license: 'apache-2.0',
        license_link: 'https://huggingface.co/Qwen/Qwen3-4B-Base/blob/main/LICENSE',
        pipeline_tag: 'text-generation'
      },
      tags: [
        'transformers',
        'safetensors',
        'qwen3',
        'text-generation',
        'arxiv:2505.09388',
        'license:apache-2.0',
        'region:us'
      ],
      siblings: QWEN3_FILES,
      config: QWEN3_4B_CONFIG
    }),
    // A real config.json (see QWEN25_05B_CONFIG) at its real commit.
    model('Qwen/Qwen2.5-0.5B', {
      sha: QWEN25_05B_SHA,
      cardData: {
        language: ['en'],
        library_name: 'transformers',
        license: 'apache-2.0',
        license_link: 'https://huggingface.co/Qwen/Qwen2.5-0.5B/blob/main/LICENSE',
        pipeline_tag: 'text-generation'
      },
      tags: [
        'transformers',
        'safetensors',
        'qwen2',
        'text-generation',
        'conversational',
        'en',
        'arxiv:2407.10671',
        'license:apache-2.0',
        'autotrain_compatible',
        'text-generation-inference',
        'endpoints_compatible',
        'region:us'
      ],
      siblings: QWEN25_05B_FILES,
      config: QWEN25_05B_CONFIG
    }),
    // A gated Llama (manual approval), renamed from its Meta-Llama-3.1 id, and its base.
    model('meta-llama/Llama-3.1-8B-Instruct', {
      gated: 'manual',
      renamedFrom: ['meta-llama/Meta-Llama-3.1-8B-Instruct'],
      cardData: {
        language: ['en', 'de', 'fr', 'it', 'pt', 'hi', 'es', 'th'],
        license: 'llama3.1',
        base_model: 'meta-llama/Meta-Llama-3.1-8B',
        pipeline_tag: 'text-generation',
        tags: ['facebook', 'meta', 'pytorch', 'llama', 'llama-3'],
        extra_gated_prompt: LLAMA_GATE_PROMPT
      },
      tags: [
        'transformers',
        'safetensors',
        'llama',
        'text-generation',
        'facebook',
        'meta',
        'pytorch',
        'llama-3',
        'conversational',
        'en',
        'de',
        'fr',
        'it',
        'pt',
        'hi',
        'es',
        'th',
        'arxiv:2204.05149',
        'base_model:meta-llama/Llama-3.1-8B',
        'base_model:finetune:meta-llama/Llama-3.1-8B',
        'license:llama3.1',
        'autotrain_compatible',
        'text-generation-inference',
        'region:us'
      ],
      siblings: LLAMA_31_FILES,
      baseModels: { relation: 'finetune', models: [{ id: 'meta-llama/Llama-3.1-8B' }] },
      config: LLAMA_31_8B_CONFIG
    }),
    model('meta-llama/Llama-3.1-8B', {
      gated: 'manual',
      renamedFrom: ['meta-llama/Meta-Llama-3.1-8B'],
      cardData: {
        language: ['en', 'de', 'fr', 'it', 'pt', 'hi', 'es', 'th'],
        license: 'llama3.1',
        pipeline_tag: 'text-generation',
        extra_gated_prompt: LLAMA_GATE_PROMPT
      },
      tags: [
        'transformers',
        'safetensors',
        'llama',
        'text-generation',
        'facebook',
        'meta',
        'pytorch',
        'llama-3',
        'license:llama3.1',
        'region:us'
      ],
      siblings: LLAMA_31_FILES,
      config: LLAMA_31_8B_CONFIG
    }),
    // A quantized mirror whose card names the pre-rename id of its base.
    model('unsloth/Meta-Llama-3.1-8B-Instruct-bnb-4bit', {
      cardData: {
        base_model: 'meta-llama/Meta-Llama-3.1-8B-Instruct',
        language: ['en'],
        library_name: 'transformers',
        license: 'llama3.1',
        tags: ['llama-3', 'llama', 'meta', 'facebook', 'unsloth', 'transformers']
      },
      tags: [
        'transformers',
        'safetensors',
        'llama',
        'text-generation',
        'llama-3',
        'meta',
        'facebook',
        'unsloth',
        'conversational',
        'en',
        'base_model:meta-llama/Llama-3.1-8B-Instruct',
        'base_model:quantized:meta-llama/Llama-3.1-8B-Instruct',
        'license:llama3.1',
        '4-bit',
        'bitsandbytes',
        'region:us'
      ],
      siblings: [
        '.gitattributes',
        'README.md',
        'config.json',
        'generation_config.json',
        'model.safetensors',
        'special_tokens_map.json',
        'tokenizer.json',
        'tokenizer_config.json'
      ],
      baseModels: { relation: 'quantized', models: [{ id: 'meta-llama/Llama-3.1-8B-Instruct' }] },
      config: {
        ...LLAMA_31_8B_CONFIG,
        quantization_config: { load_in_4bit: true, bnb_4bit_quant_type: 'nf4', quant_method: 'bitsandbytes' }
      }
    }),
    // A private repo: 401 RepoNotFound to anyone without the accepted token.
    model('acme-corp/internal-llm', {
      private: true,
      cardData: {
        license: 'other',
        license_name: 'acme-internal',
        license_link: 'LICENSE.md',
        base_model: 'Qwen/Qwen3-4B'
      },
      tags: [
        'safetensors',
        'base_model:Qwen/Qwen3-4B',
        'base_model:finetune:Qwen/Qwen3-4B',
        'license:other',
        'region:us'
      ],
      siblings: ['.gitattributes', 'LICENSE.md', 'README.md', 'adapter_config.json', 'adapter_model.safetensors']
    }),
    model('acme-corp/taken-down', {
      behaviour: { kind: 'disabled' },
      cardData: { license: 'mit' },
      tags: ['license:mit']
    }),
    model('acme-corp/gated-files', { behaviour: { kind: 'gated-files' }, gated: 'auto' }),
    // Misbehaving repos.
    model('flaky/rate-limited', {
      behaviour: { kind: 'rate-limited', times: 1, resetSeconds: 7 },
      cardData: { license: 'mit' },
      tags: ['license:mit']
    }),
    model('flaky/server-error', {
      behaviour: { kind: 'server-error', times: 1 },
      cardData: { license: 'mit' },
      tags: ['license:mit']
    }),
    model('flaky/always-500', { behaviour: { kind: 'server-error', times: Number.POSITIVE_INFINITY, status: 503 } }),
    model('flaky/stalled', { behaviour: { kind: 'stall' } }),
    model('flaky/stalled-body', { behaviour: { kind: 'stall-body' } }),
    model('flaky/malformed', { behaviour: { kind: 'malformed' } }),
    model('flaky/echo-auth', { behaviour: { kind: 'echo-auth' } }),
    // Ancestry shapes: a merge of two families, a loop, a self-reference, a long chain, a diamond.
    model('acme-corp/qwen-llama-merge', {
      cardData: {
        license: 'other',
        license_name: 'merge-terms',
        base_model: ['Qwen/Qwen3-4B', 'meta-llama/Llama-3.1-8B-Instruct'],
        base_model_relation: 'merge'
      },
      tags: ['mergekit', 'merge', 'base_model:Qwen/Qwen3-4B', 'base_model:merge:Qwen/Qwen3-4B', 'license:other']
    }),
    model('loop/a', { cardData: { base_model: 'loop/b' } }),
    model('loop/b', { cardData: { base_model: 'loop/a' } }),
    model('loop/self', { cardData: { base_model: 'loop/self' } }),
    ...Array.from({ length: 8 }, (_, i) =>
      model(`chain/level-${i}`, {
        cardData: { license: 'mit', ...(i < 7 ? { base_model: `chain/level-${i + 1}` } : {}) }
      })
    ),
    model('shape/diamond', { cardData: { base_model: ['shape/left', 'shape/right'], base_model_relation: 'merge' } }),
    model('shape/left', { cardData: { base_model: 'shape/bottom' } }),
    model('shape/right', { cardData: { base_model: 'shape/bottom' } }),
    model('shape/bottom', { cardData: { license: 'apache-2.0' } }),
    // A PEFT auto-card whose base_model is a local path (as in corpus card 007, Darrenzeng/MoE_Train).
    model('shape/local-base', {
      cardData: { base_model: '/Users/a58/Downloads/pretrain_model/Qwen/Qwen1.5-0.5B-Chat', library_name: 'peft' }
    }),
    // A dataset (non-commercial license).
    {
      type: 'dataset',
      id: 'tatsu-lab/alpaca',
      sha: sha('tatsu-lab/alpaca'),
      cardData: {
        license: 'cc-by-nc-4.0',
        language: ['en'],
        tags: ['instruction-finetuning'],
        pretty_name: 'Alpaca',
        task_categories: ['text-generation']
      },
      tags: [
        'task_categories:text-generation',
        'language:en',
        'license:cc-by-nc-4.0',
        'size_categories:10K<n<100K',
        'format:parquet',
        'region:us',
        'instruction-finetuning'
      ],
      siblings: ['.gitattributes', 'README.md', 'data/train-00000-of-00001-a09b74b3ef9c3b56.parquet']
    }
  ];
}

function collection(type: 'model' | 'dataset'): string {
  return type === 'model' ? 'models' : 'datasets';
}

/** The full reply body of a repo, before `expand` narrows it. */
function fullBody(repo: HubRepo, commit: string): Record<string, unknown> {
  return {
    _id: sha(`_id:${repo.id}`).slice(0, 24),
    id: repo.id,
    ...(repo.type === 'model' ? { modelId: repo.id } : {}),
    author: repo.id.split('/')[0],
    sha: commit,
    lastModified: '2025-04-28T12:00:00.000Z',
    private: repo.private ?? false,
    disabled: false,
    gated: repo.gated ?? false,
    downloads: 1000,
    likes: 10,
    tags: repo.tags ?? [],
    cardData: repo.cardData ?? {},
    siblings: (repo.siblings ?? ['.gitattributes', 'README.md']).map((rfilename) => ({ rfilename })),
    ...(repo.type === 'model' && repo.baseModels ? { baseModels: repo.baseModels } : {}),
    createdAt: '2025-04-27T03:40:08.000Z',
    usedStorage: 16_089_219_540
  };
}

function narrowed(body: Record<string, unknown>, expand: string[]): Record<string, unknown> {
  if (expand.length === 0) return body;
  const out: Record<string, unknown> = { _id: body._id, id: body.id };
  for (const field of expand) if (field in body) out[field] = body[field];
  return out;
}

interface Route {
  type: 'model' | 'dataset';
  id: string;
  revision?: string;
}

/** `/api/models/{ns}/{name}[/revision/{rev}]` → route (ids of one or two segments). */
function parseRoute(pathname: string): Route | undefined {
  const match = /^\/api\/(models|datasets)\/(.+)$/.exec(pathname);
  if (!match) return undefined;
  const type = match[1] === 'models' ? 'model' : 'dataset';
  const segments = match[2].split('/');
  const revisionAt = segments.indexOf('revision');
  const idSegments = revisionAt === -1 ? segments : segments.slice(0, revisionAt);
  if (idSegments.length < 1 || idSegments.length > 2) return undefined;
  const id = idSegments.map(decodeURIComponent).join('/');
  if (revisionAt === -1) return { type, id };
  return { type, id, revision: decodeURIComponent(segments.slice(revisionAt + 1).join('/')) };
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  code?: string,
  extra: Record<string, string> = {}
): void {
  sendJson(
    res,
    status,
    { error: message },
    { 'x-error-message': message, ...(code ? { 'x-error-code': code } : {}), ...extra }
  );
}

/** The second half of the Hub's 401 GatedRepo message. */
const LOG_IN = 'You must have access to it and be authenticated to access it. Please log in.';

const bearer = (authorization: string | undefined): string | undefined =>
  authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : undefined;

/** Whether the request carries the token that unlocks private repos and gated files (none configured: nothing does). */
const granted = (tokenSent: string | undefined, acceptedToken: string | undefined): boolean =>
  tokenSent !== undefined && tokenSent === acceptedToken;

/** Answers for a repo the request may not see (missing, or private without the accepted token); false if visible. */
function refuseInvisible(
  res: ServerResponse,
  repo: HubRepo | undefined,
  tokenSent: string | undefined,
  acceptedToken: string | undefined
): boolean {
  if (repo && !(repo.private && !granted(tokenSent, acceptedToken))) return false;
  if (tokenSent) sendError(res, 404, 'Repository not found', 'RepoNotFound');
  // Anonymous: the Hub does not say whether the repo exists. Private repos carry the code; missing ones do not.
  else if (repo) sendError(res, 401, 'Invalid username or password.', 'RepoNotFound');
  else
    sendError(res, 401, 'Invalid username or password.', undefined, {
      'www-authenticate': 'Bearer realm="Authentication required", charset="UTF-8"'
    });
  return true;
}

/** Plays a transient or hostile behaviour on the `count`-th request of a route; false lets the request through. */
function misbehave(
  res: ServerResponse,
  behaviour: Behaviour | undefined,
  count: number,
  authorization: string | undefined,
  malformedBody: string
): boolean {
  switch (behaviour?.kind) {
    case 'rate-limited':
      if (count > behaviour.times) return false;
      sendError(
        res,
        429,
        'You have exceeded our hourly quotas for action: api. We invite you to retry later.',
        undefined,
        {
          ratelimit: `"api";r=0;t=${behaviour.resetSeconds}`,
          'ratelimit-policy': '"fixed window";"api";q=500;w=300',
          ...(behaviour.retryAfter ? { 'retry-after': behaviour.retryAfter } : {})
        }
      );
      return true;
    case 'server-error':
      if (count > behaviour.times) return false;
      sendError(res, behaviour.status ?? 500, "Internal Error - We're working hard to fix this as soon as possible!");
      return true;
    case 'stall':
      return true; // never answers; close() drops the connection
    case 'stall-body':
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.write(malformedBody.slice(0, 8));
      return true;
    case 'malformed':
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(malformedBody);
      return true;
    case 'echo-auth':
      // A hostile or broken mirror that reflects what it was sent.
      sendError(res, 500, `bad gateway for ${authorization ?? 'anonymous'}`, undefined, {
        'x-echo': authorization ?? ''
      });
      return true;
    case 'redirect':
      res.writeHead(302, { location: behaviour.to });
      res.end();
      return true;
    case 'trickle-headers':
      trickle(
        res,
        `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nx-pad: ${'p'.repeat(4096)}\r\n\r\n{}`,
        behaviour
      );
      return true;
    case 'trickle-body':
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      trickle(res, `{"id":"${'x'.repeat(1 << 16)}"}`, behaviour);
      return true;
    case 'huge-length':
      res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': String(behaviour.bytes)
      });
      res.write('{"id":"');
      return true;
    case 'echo-token': {
      const sent = bearer(authorization) ?? 'anonymous';
      const echo = sent.slice(0, behaviour.cut ?? sent.length);
      if (behaviour.where === 'header') {
        sendError(res, 500, `upstream refused token ${echo}; retry later`);
      } else {
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`${echo}\u0007\u001b[31m is not allowed here: ${echo} (${'z'.repeat(300)})`);
      }
      return true;
    }
    default:
      return false;
  }
}

/** Writes `text` one byte every `intervalMs` straight to the socket (a status line too), until done or closed. */
function trickle(res: ServerResponse, text: string, { kind, intervalMs }: { kind: string; intervalMs: number }): void {
  const socket = res.socket;
  if (!socket) return;
  let at = 0;
  const timer = setInterval(() => {
    if (at >= text.length || socket.destroyed) return clearInterval(timer);
    // Headers go to the socket raw (the response object never writes); a body through the response.
    if (kind === 'trickle-headers') socket.write(text[at++]);
    else res.write(text[at++]);
  }, intervalMs);
  socket.on('close', () => clearInterval(timer));
}

/** The commit a revision names (`main`, the sha, or a ref), or undefined for an unknown revision. */
function commitOf(repo: HubRepo, revision: string | undefined): string | undefined {
  if (revision === undefined || revision === 'main' || revision === repo.sha) return repo.sha;
  if (Object.values(repo.refs ?? {}).includes(revision)) return revision;
  return repo.refs?.[revision];
}

interface FileRoute {
  id: string;
  revision: string;
  file: string;
  /** `/api/resolve-cache/models/{id}/{sha}/{file}`: where the Hub sends `/resolve/` requests for plain git files. */
  cached: boolean;
}

/** `/{id}/resolve/{rev}/{file}` or `/api/resolve-cache/models/{id}/{sha}/{file}` → route (ids of 1 or 2 segments). */
function parseFileRoute(pathname: string): FileRoute | undefined {
  const decode = (parts: string[]): string => parts.map(decodeURIComponent).join('/');
  const cache = /^\/api\/resolve-cache\/models\/(.+)$/.exec(pathname);
  if (cache) {
    const parts = cache[1].split('/');
    const at = parts.findIndex((p, i) => (i === 1 || i === 2) && /^[0-9a-f]{40}$/.test(p));
    if (at === -1 || parts.length < at + 2) return undefined;
    return { id: decode(parts.slice(0, at)), revision: parts[at], file: decode(parts.slice(at + 1)), cached: true };
  }
  const parts = pathname.slice(1).split('/');
  const at = parts.indexOf('resolve');
  if ((at !== 1 && at !== 2) || parts.length < at + 3 || parts[0] === 'api') return undefined;
  return {
    id: decode(parts.slice(0, at)),
    revision: decodeURIComponent(parts[at + 1]),
    file: decode(parts.slice(at + 2)),
    cached: false
  };
}

function configBody(repo: HubRepo): string | undefined {
  if (repo.config === undefined) return undefined;
  return typeof repo.config === 'string' ? repo.config : `${JSON.stringify(repo.config, null, 2)}\n`;
}

export async function startHubServer(options: HubServerOptions = {}): Promise<LoopbackHub> {
  const repos = new Map<string, HubRepo>();
  const renamed = new Map<string, HubRepo>();
  for (const repo of [...catalogue(), ...(options.repos ?? [])]) {
    repos.set(`${repo.type}:${repo.id.toLowerCase()}`, repo);
    for (const old of repo.renamedFrom ?? []) renamed.set(`${repo.type}:${old.toLowerCase()}`, repo);
  }
  const hits = new Map<string, number>();
  const requests: RecordedHubRequest[] = [];
  const started = performance.now();
  let latencyMs = options.latencyMs ?? 0;
  let inFlight = 0;
  let peak = 0;

  const answer = (
    res: ServerResponse,
    route: Route,
    authorization: string | undefined,
    query: URLSearchParams
  ): void => {
    const key = `${route.type}:${route.id.toLowerCase()}`;
    const tokenSent = bearer(authorization);
    const moved = renamed.get(key);
    if (moved) {
      const rest = route.revision !== undefined ? `/revision/${encodeURIComponent(route.revision)}` : '';
      const search = query.toString();
      res.writeHead(307, {
        location: `/api/${collection(route.type)}/${moved.id}${rest}${search ? `?${search}` : ''}`
      });
      res.end(`Temporary Redirect. Redirecting to /api/${collection(route.type)}/${moved.id}${rest}`);
      return;
    }
    const repo = repos.get(key);
    if (refuseInvisible(res, repo, tokenSent, options.acceptedToken) || !repo) return;
    const count = (hits.get(key) ?? 0) + 1;
    hits.set(key, count);
    const behaviour = repo.behaviour;
    if (behaviour?.kind === 'disabled') return sendError(res, 403, 'Access to this resource is disabled.');
    if (behaviour?.kind === 'gated-files') {
      return sendError(res, 401, `Access to model ${repo.id} is restricted. ${LOG_IN}`, 'GatedRepo');
    }
    if (misbehave(res, behaviour, count, authorization, `{"_id":"6617","id":"${repo.id}","sha":`)) return;
    const commit = commitOf(repo, route.revision);
    if (!commit) return sendError(res, 404, `Invalid rev id: ${route.revision}`, 'RevisionNotFound');
    const expand = [...query.getAll('expand'), ...query.getAll('expand[]')];
    sendJson(res, 200, narrowed(fullBody(repo, commit), expand));
  };

  /** The file-resolve route, as far as config.json goes. */
  const answerFile = (res: ServerResponse, route: FileRoute, authorization: string | undefined): void => {
    const key = `model:${route.id.toLowerCase()}`;
    const tokenSent = bearer(authorization);
    const moved = renamed.get(key);
    if (moved && !route.cached) {
      const location = `/${moved.id}/resolve/${encodeURIComponent(route.revision)}/${route.file}`;
      res.writeHead(307, { location });
      res.end(`Temporary Redirect. Redirecting to ${location}`);
      return;
    }
    const repo = repos.get(key);
    if (refuseInvisible(res, repo, tokenSent, options.acceptedToken) || !repo) return;
    if (repo.behaviour?.kind === 'disabled') return sendError(res, 403, 'Access to this resource is disabled.');
    // Gated repos show their metadata to anyone, their files only to tokens granted access.
    if ((repo.gated || repo.behaviour?.kind === 'gated-files') && !granted(tokenSent, options.acceptedToken)) {
      const restricted = `Access to model ${repo.id} is restricted`;
      if (tokenSent) {
        const visit = `Visit https://huggingface.co/${repo.id} to ask for access.`;
        return sendError(res, 403, `${restricted} and you are not in the authorized list. ${visit}`, 'GatedRepo');
      }
      return sendError(res, 401, `${restricted}. ${LOG_IN}`, 'GatedRepo');
    }
    if (!route.cached) {
      const count = (hits.get(`file:${key}`) ?? 0) + 1;
      hits.set(`file:${key}`, count);
      if (misbehave(res, repo.configBehaviour, count, authorization, '{\n  "architectures": [\n')) return;
    }
    const commit = commitOf(repo, route.revision);
    if (!commit || (route.cached && commit !== route.revision)) {
      return sendError(res, 404, `Invalid rev id: ${route.revision}`, 'RevisionNotFound');
    }
    const body = route.file === 'config.json' ? configBody(repo) : undefined;
    if (body === undefined) return sendError(res, 404, 'Entry not found', 'EntryNotFound');
    if (!route.cached) {
      const location = `/api/resolve-cache/models/${repo.id}/${commit}/${route.file}`;
      res.writeHead(307, { location, 'x-repo-commit': commit });
      res.end(`Temporary Redirect. Redirecting to ${location}`);
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/plain; charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
      etag: `"${sha(`blob:${repo.id}@${commit}`)}"`,
      'x-repo-commit': commit
    });
    res.end(body);
  };

  const server = createServer((req, res) => {
    inFlight++;
    peak = Math.max(peak, inFlight);
    let counted = true;
    const done = (): void => {
      if (counted) inFlight--;
      counted = false;
    };
    res.on('finish', done);
    res.on('close', done);
    requests.push({
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers: req.headers,
      at: performance.now() - started
    });
    const reply = (): void => {
      const url = new URL(req.url ?? '/', 'http://hub.invalid');
      const route = req.method === 'GET' ? parseRoute(url.pathname) : undefined;
      const file = req.method === 'GET' && !route ? parseFileRoute(url.pathname) : undefined;
      if (file) return answerFile(res, file, req.headers.authorization);
      if (!route) return sendError(res, 404, "Sorry, we can't find the page you are looking for.");
      answer(res, route, req.headers.authorization, url.searchParams);
    };
    if (latencyMs > 0) setTimeout(reply, latencyMs);
    else reply();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    peakInFlight: () => peak,
    setLatency: (ms) => {
      latencyMs = ms;
    },
    requestsFor: (type, id) => {
      const prefix = `/api/${collection(type)}/${id}`;
      return requests.filter((r) => {
        const path = r.url.split('?')[0];
        return path === prefix || path.startsWith(`${prefix}/revision/`);
      });
    },
    fileRequestsFor: (id) =>
      requests.filter((r) => {
        const path = r.url.split('?')[0];
        return path.startsWith(`/${id}/resolve/`) || path.startsWith(`/api/resolve-cache/models/${id}/`);
      }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      })
  };
}
