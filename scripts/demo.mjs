// `npm run demo`: runs the bundled Action (dist/index.js) on examples/ exactly as a runner would —
// runner environment, a pull_request event payload, loopback HTTP servers standing in for the
// GitHub API and the Hugging Face Hub — and prints what the pull request would show.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoHub } from './demo-hub.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const OWNER = 'acme';
const REPO = 'models';
const NUMBER = 7;

if (!existsSync(join(root, 'dist', 'index.js'))) {
  console.error('dist/index.js is missing: run `npm run bundle` first.');
  process.exit(2);
}

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? listFiles(join(dir, d.name)) : [join(dir, d.name)]
  );
}
const changed = listFiles(join(root, 'examples'))
  .map((f) => relative(root, f).split(sep).join('/'))
  .sort();

// A real pull_request.opened payload shape (from @octokit/webhooks-examples), pointed at this demo repo.
const payload = {
  action: 'opened',
  number: NUMBER,
  pull_request: {
    number: NUMBER,
    title: 'Add support adapters and MENS runs',
    head: { ref: 'feature/adapters', sha: '6dcb09b5b57875f334f61aebed695e2e4193db5e' },
    base: { ref: 'main', sha: 'c8e1e4d0b8f54b2a2d2b1d0ad5f07d0cfbd7c8a1' },
    changed_files: changed.length
  },
  repository: { name: REPO, full_name: `${OWNER}/${REPO}`, owner: { login: OWNER } }
};

/** Head-side patch of a newly added text file: one hunk over all its lines (none for binaries). */
function addedPatch(path) {
  const bytes = readFileSync(join(root, path));
  if (bytes.includes(0)) return undefined;
  const lines = bytes.toString('utf8').split('\n').length;
  return `@@ -0,0 +1,${lines} @@`;
}

async function readJson(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return JSON.parse(body);
}

function answer(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

// What the gate writes to the pull request, kept to print at the end.
let postedComment;
let review;
const checkRun = { batches: [], conclusion: undefined };
const bot = { login: 'github-actions[bot]', type: 'Bot' };
const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  const pr = `/repos/${OWNER}/${REPO}/pulls/${NUMBER}`;
  if (url.pathname === `/repos/${OWNER}/${REPO}/issues/${NUMBER}/comments`) {
    if (req.method === 'GET') return answer(res, 200, []);
    postedComment = (await readJson(req)).body;
    return answer(res, 201, { id: 1, body: postedComment, user: bot });
  }
  if (req.method === 'GET' && url.pathname === `${pr}/files`) {
    const page = Number(url.searchParams.get('page') ?? 1);
    const perPage = Number(url.searchParams.get('per_page') ?? 30);
    const slice = changed.slice((page - 1) * perPage, page * perPage);
    return answer(
      res,
      200,
      slice.map((filename, i) => ({
        sha: String(i).padStart(40, '0'),
        filename,
        status: 'added',
        additions: 1,
        deletions: 0,
        changes: 1,
        patch: addedPatch(filename)
      }))
    );
  }
  if (req.method === 'GET' && (url.pathname === `${pr}/comments` || url.pathname === `${pr}/reviews`))
    return answer(res, 200, []);
  if (req.method === 'POST' && url.pathname === `${pr}/reviews`) {
    review = await readJson(req);
    return answer(res, 200, { id: 2, body: review.body, user: bot, state: 'COMMENTED' });
  }
  if (url.pathname.startsWith(`/repos/${OWNER}/${REPO}/check-runs`)) {
    const body = await readJson(req);
    if (req.method === 'PATCH') checkRun.batches.push(body.output?.annotations?.length ?? 0);
    if (body.conclusion) checkRun.conclusion = body.conclusion;
    return answer(res, req.method === 'POST' ? 201 : 200, { id: 3, status: body.status ?? 'in_progress' });
  }
  answer(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const apiUrl = `http://127.0.0.1:${server.address().port}`;

// The Hub the examples' upstreams are verified against (HF_HUB_OFFLINE=1 runs the demo without it).
const hub = await startDemoHub();

const tmp = mkdtempSync(join(tmpdir(), 'lineage-gate-demo-'));
const eventPath = join(tmp, 'event.json');
const outputPath = join(tmp, 'github_output');
const summaryPath = join(tmp, 'step_summary.md');
writeFileSync(eventPath, JSON.stringify(payload));
writeFileSync(outputPath, '');
writeFileSync(summaryPath, '');

const env = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  CI: 'true',
  GITHUB_ACTIONS: 'true',
  GITHUB_EVENT_NAME: 'pull_request',
  GITHUB_EVENT_PATH: eventPath,
  GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
  GITHUB_SHA: payload.pull_request.head.sha,
  GITHUB_REF: `refs/pull/${NUMBER}/merge`,
  GITHUB_WORKSPACE: root,
  GITHUB_API_URL: apiUrl,
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_RUN_ID: '1',
  GITHUB_OUTPUT: outputPath,
  GITHUB_STEP_SUMMARY: summaryPath,
  RUNNER_TEMP: tmp,
  INPUT_TOKEN: 'demo-token',
  INPUT_SCOPE: 'changed',
  'INPUT_FAIL-ON': 'error',
  INPUT_PATHS: 'examples/**',
  INPUT_POLICY: 'examples/lineage-policy.yml',
  'INPUT_REPORT-FILE': '',
  // The in-toto statement an actions/attest step would sign (docs/attestation.md).
  'INPUT_ATTESTATION-FILE': join(tmp, 'lineage.intoto.json'),
  'INPUT_BASE-REF': '',
  'INPUT_HEAD-REF': '',
  'INPUT_HUB-VERIFY': 'true',
  'INPUT_HUB-ENDPOINT': hub.url,
  'INPUT_HUB-MAX-DEPTH': '5',
  INPUT_COMMENT: 'on-failure',
  'INPUT_REVIEW-COMMENTS': 'true',
  'INPUT_CHECK-RUN': 'true',
  ...(process.env.HF_HUB_OFFLINE ? { HF_HUB_OFFLINE: process.env.HF_HUB_OFFLINE } : {})
};

const child = spawn(process.execPath, [join(root, 'dist', 'index.js')], { cwd: root, env });
let stdout = '';
child.stdout.on('data', (d) => (stdout += d));
child.stderr.on('data', (d) => process.stderr.write(d));
const code = await new Promise((resolve) => child.on('close', resolve));
server.close();
await hub.close();

const rule = (title) => console.log(`\n\x1b[1m── ${title} ${'─'.repeat(Math.max(0, 70 - title.length))}\x1b[0m`);
rule(`What the runner log shows (dist/index.js, pull_request #${NUMBER}, ${changed.length} files)`);
process.stdout.write(stdout);
rule('Job summary (GITHUB_STEP_SUMMARY)');
process.stdout.write(readFileSync(summaryPath, 'utf8'));
rule('Sticky PR comment (posted through the API)');
process.stdout.write(
  postedComment
    ? `${postedComment.split('\n').slice(0, 12).join('\n')}\n` +
        `… (${postedComment.length} characters; the same content as the job summary)\n`
    : '(none: the gate passed)\n'
);
rule('PR review (review-comments: true)');
if (review) {
  console.log(
    `${review.comments.length} line comment(s) on the diff, ` +
      `the rest in the review body (${review.body.length} characters):`
  );
  for (const c of review.comments.slice(0, 5))
    console.log(`  ${c.path}:${c.line}  ${c.body.split('\n')[1].slice(0, 110)}…`);
  if (review.comments.length > 5) console.log(`  … and ${review.comments.length - 5} more`);
} else console.log('(none: nothing to review)');
rule('Check run (check-run: true)');
console.log(
  checkRun.conclusion
    ? `conclusion ${checkRun.conclusion}; annotations sent in ` +
        `${checkRun.batches.length} request(s): ${checkRun.batches.join(' + ')}`
    : '(not created)'
);
rule('In-toto statement (attestation-file)');
const statementPath = join(tmp, 'lineage.intoto.json');
if (existsSync(statementPath)) {
  const statement = JSON.parse(readFileSync(statementPath, 'utf8'));
  const weights = statement.subject.filter((s) => !s.name.startsWith('pedigree:'));
  console.log(`predicateType ${statement.predicateType}`);
  console.log(`${statement.subject.length} subjects: ${weights.length} weight files, the rest lineage records`);
  for (const a of statement.predicate.artifacts.slice(0, 3)) console.log(`  ${a.dir}  ${a.pedigree}`);
  console.log('  …  (lineage-gate verify FILE checks a checkout against it, offline)');
} else console.log('(not written: no artifact was checked)');
rule('Step outputs (GITHUB_OUTPUT)');
const outputs = readFileSync(outputPath, 'utf8').match(/^([\w-]+)<<(.+)\n([\s\S]*?)\n\2$/gm) ?? [];
for (const block of outputs) {
  const [, name, , value] = block.match(/^([\w-]+)<<(.+)\n([\s\S]*?)\n\2$/);
  console.log(`${name}=${value}`);
}
rule('Exit status');
console.log(`${code} (${code === 0 ? 'the check passes' : 'the check fails: the PR shows a red ✗'})`);
