// A loopback stand-in for the Hugging Face Hub, for `npm run demo`: it answers GET /api/models/{id}
// (and /revision/{rev}) for the upstreams of examples/ the way the real Hub does — card data, gating,
// base_model, the sha a revision points at, and X-Error-Code on errors. The shas are made up.
import { createServer } from 'node:http';

const card = (license, base, extra = {}) => ({ license, ...(base ? { base_model: base } : {}), ...extra });
const REPOS = {
  'Qwen/Qwen3-4B': {
    sha: '1cfa9a7208912126459214e8b04321603b3df60c',
    gated: false,
    cardData: card('apache-2.0', 'Qwen/Qwen3-4B-Base')
  },
  'Qwen/Qwen3-4B-Base': { sha: '906bfd4b4dc7f14ee4320094d8b41684abff8539', gated: false, cardData: card('apache-2.0') },
  'Qwen/Qwen2.5-3B-Instruct': {
    sha: 'aa8e72537993ba99e69dfaafa59ed015b17504d1',
    gated: false,
    cardData: card('other', 'Qwen/Qwen2.5-3B', {
      license_name: 'qwen-research',
      license_link: 'https://huggingface.co/Qwen/Qwen2.5-3B-Instruct/blob/main/LICENSE'
    })
  },
  'Qwen/Qwen2.5-3B': {
    sha: '3aab1f1954e9cc14eb9509a215f9e5ca08227a9b',
    gated: false,
    cardData: card('other', undefined, { license_name: 'qwen-research' })
  },
  'meta-llama/Llama-3.1-8B-Instruct': {
    sha: '0e9e39f249a16976918f6564b8830bc894c89659',
    gated: 'manual',
    cardData: card('llama3.1', 'meta-llama/Llama-3.1-8B')
  },
  'meta-llama/Llama-3.1-8B': {
    sha: 'd04e592bb4f6aa9cfee91e2e20afa771667e1d4b',
    gated: 'manual',
    cardData: card('llama3.1')
  },
  'meta-llama/Llama-3.2-1B': {
    sha: '4e20de362430cd3b72f300e6b0f18e50e7166e08',
    gated: 'manual',
    cardData: card('llama3.2')
  },
  'unsloth/Meta-Llama-3.1-8B-Instruct-bnb-4bit': {
    sha: 'f15c379fb32bb402fa06a7ae9aecb1febf4b79ec',
    gated: false,
    cardData: card('llama3.1', 'meta-llama/Llama-3.1-8B-Instruct')
  }
};

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** Starts the stand-in; resolves to { url, requests, close }. */
export async function startDemoHub() {
  let requests = 0;
  const server = createServer((req, res) => {
    requests++;
    const path = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    const m = path.match(/^\/api\/models\/([^/]+\/[^/]+|[^/]+)(?:\/revision\/(.+))?$/);
    const repo = m && REPOS[m[1]];
    if (!repo)
      return send(
        res,
        401,
        { error: 'Repository not found' },
        { 'x-error-code': 'RepoNotFound', 'x-error-message': 'Repository not found' }
      );
    if (m[2] && m[2] !== 'main' && m[2] !== repo.sha)
      return send(
        res,
        404,
        { error: `Invalid rev id: ${m[2]}` },
        { 'x-error-code': 'RevisionNotFound', 'x-error-message': `Invalid rev id: ${m[2]}` }
      );
    const base = repo.cardData.base_model;
    send(res, 200, {
      _id: repo.sha.slice(0, 24),
      id: m[1],
      sha: repo.sha,
      private: false,
      disabled: false,
      gated: repo.gated,
      cardData: repo.cardData,
      tags: [`license:${repo.cardData.license}`, ...(base ? [`base_model:${base}`] : [])],
      siblings: [{ rfilename: 'README.md' }, { rfilename: 'config.json' }]
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    requests: () => requests,
    close: () => new Promise((r) => server.close(r))
  };
}
