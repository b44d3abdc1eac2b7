/**
 * End-to-end: the generated hostile corpus (__tests__/fixtures/hostile, scripts/hostile-corpus.mjs)
 * through the bundled CLI and Action as processes. File cases are batched, one workspace per group
 * with a sentinel good and bad artifact beside them; policy and service cases run one process each,
 * a few at a time. Every run must end with exit 0/1/2, no stack trace, bounded wall time and memory,
 * the expected finding on the expected file, and no prefix of a token anywhere it could leak.
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
  type Stats,
  lstatSync,
  readdirSync
} from 'node:fs';
import { createServer, type Server } from 'node:net';
import { dirname, join } from 'node:path';
import {
  fanOutRepos,
  fixtureSha,
  startHubServer,
  type Behaviour,
  type HubRepo,
  type LoopbackHub
} from '../helpers/hub-server.js';
import { tempDir } from '../helpers/git-repo.js';
import {
  pullRequestPayload,
  startPullRequestStandIn,
  type PullRequestStandIn,
  type StandInOptions
} from '../helpers/pull-request-stand-in.js';
import { NODE, PROJECT_ROOT, runAction, runCli } from '../helpers/run-action.js';
import type { ApiResponse } from '../helpers/github-api-server.js';

const CORPUS = join(PROJECT_ROOT, '__tests__', 'fixtures', 'hostile');
const GITHUB_TOKEN = 'ghs_hostileCorpusToken0123456789abcdef';
const HF_TOKEN = 'hf_hostileCorpusToken0123456789abcdefXYZ';
/** A process per group (or per case) must finish within this; a hang is killed here. */
const WALL_MS = 30_000;
/** A whole group (40-50 cases, some of them megabytes) takes 1-3 s; 10 s was passed once on a machine at load 7. */
const GROUP_WALL_MS = 25_000;
/** Hub service cases wait out the gate's own deadlines (10 s per request, two tries for a trickle). */
const SERVICE_WALL_MS = 45_000;
const MAX_RSS_MB = 400;
/** Where a known gap is a hang, its process is killed after this. */
const KNOWN_HANG_MS = 5_000;
const ROOT_USER = process.getuid?.() === 0;

interface Finding {
  ruleId: string;
  path: string;
  message: string;
  severity: string;
}
interface Report {
  artifacts: { dir: string }[];
  findings: Finding[];
  run: { notes: string[] };
}
type Runtime =
  | { kind: 'fifo' | 'socket' | 'dir'; path: string }
  | { kind: 'symlink'; path: string; target: string }
  | {
      kind: 'file' | 'chmod000' | 'chmod000-dir' | 'symlink-outside-file' | 'symlink-outside-dir';
      path: string;
      content: string;
    }
  | { kind: 'repeat'; path: string; prefix: string; unit: string; times: number; suffix: string }
  | { kind: 'keys'; path: string; count: number; prefix: string }
  | { kind: 'indent'; path: string; prefix: string; key: string; times: number }
  | { kind: 'lines'; path: string; prefix: string; line: string; times: number; suffix: string; joiner?: string }
  | { kind: 'sparse'; path: string; size: number }
  | { kind: 'many-files'; path: string; count: number }
  | { kind: 'deep-dir'; path: string; levels: number; file: string; content: string }
  | { kind: 'long-path'; path: string; segment: string; levels: number; file: string; content: string };
interface Expectation {
  exit: number;
  findings?: { ruleId: string; path: string }[];
  configError?: string;
  /** Nothing under the case's directory is reported (e.g. it is a link out of the workspace). */
  notChecked?: boolean;
  /** Rules that must not be reported on the case's files (e.g. a valid file refused as unreadable). */
  absent?: string[];
  /** This rule on some file deep under the case's directory. */
  deepFinding?: string;
}
interface HubService {
  repo?: string;
  behaviour?: Behaviour;
  fanOut?: { prefix: string; width: number; levels: number };
}
interface GitHubService {
  files?: ApiResponse;
  /** The files API's body, generated: `unit` repeated `times`. */
  filesBodyRepeat?: { unit: string; times: number };
  readOnly?: boolean;
  refuseLineComments?: boolean;
}
interface Case {
  id: string;
  group: string;
  description: string;
  files: string[];
  runtime?: Runtime[];
  policy?: string;
  service?: { hub?: HubService; github?: GitHubService };
  expect: Expectation;
  knownGap?: string;
  /** Runs in a process of its own: mode 000 (as nobody under root) or a path beyond PATH_MAX. */
  isolated?: boolean;
}

const CASES = JSON.parse(readFileSync(join(CORPUS, 'cases.json'), 'utf8')) as Case[];
const FILE_GROUPS = ['encodings', 'json', 'yaml', 'filesystem', 'values'];
const caseName = (c: Case): string => c.id.slice(c.group.length + 1);
const isModeZero = (c: Case): boolean => c.runtime?.some((r) => r.kind.startsWith('chmod000')) ?? false;
const isolated = (c: Case): boolean => c.isolated ?? false;

const PEFT_GOOD = JSON.stringify({
  peft_type: 'LORA',
  base_model_name_or_path: 'Qwen/Qwen3-4B',
  r: 8,
  lora_alpha: 16,
  task_type: 'CAUSAL_LM'
});
const SENTINELS: Record<string, string> = {
  'good/adapter_config.json': PEFT_GOOD,
  'good/README.md': '---\nbase_model: Qwen/Qwen3-4B\nlicense: apache-2.0\n---\n',
  'bad/adapter_config.json': JSON.stringify({ peft_type: 'LORA', r: 8, lora_alpha: 16 })
};

/** Lays out a case's committed files and creates its runtime inputs under `dir`; returns sockets to close. */
function layOut(c: Case, dir: string, outside: string): Server[] {
  const servers: Server[] = [];
  const source = join(CORPUS, c.id);
  if (c.files.length) cpSync(source, dir, { recursive: true });
  for (const r of c.runtime ?? []) {
    const path = join(dir, r.path);
    mkdirSync(dirname(path), { recursive: true });
    switch (r.kind) {
      case 'fifo':
        execFileSync('mkfifo', [path]);
        break;
      case 'socket': {
        const server = createServer();
        server.listen(path);
        servers.push(server);
        break;
      }
      case 'dir':
        mkdirSync(path, { recursive: true });
        break;
      case 'symlink':
        symlinkSync(r.target, path);
        break;
      case 'file':
        writeFileSync(path, r.content);
        break;
      case 'chmod000':
        writeFileSync(path, r.content);
        chmodSync(path, 0);
        break;
      case 'chmod000-dir':
        mkdirSync(path);
        writeFileSync(join(path, 'adapter_config.json'), r.content);
        chmodSync(path, 0);
        break;
      case 'symlink-outside-file': {
        const target = join(outside, `${c.id.replace(/\//g, '_')}-${r.path.replace(/\//g, '_')}`);
        writeFileSync(target, r.content);
        symlinkSync(target, path);
        break;
      }
      case 'symlink-outside-dir': {
        const target = join(outside, c.id.replace(/\//g, '_'));
        mkdirSync(target, { recursive: true });
        writeFileSync(join(target, 'adapter_config.json'), r.content);
        symlinkSync(target, path);
        break;
      }
      case 'repeat':
        writeFileSync(path, r.prefix + r.unit.repeat(r.times) + r.suffix);
        break;
      case 'keys':
        writeFileSync(path, r.prefix + Array.from({ length: r.count }, (_, i) => `"k${i}":${i}`).join(',') + '}');
        break;
      case 'indent':
        writeFileSync(
          path,
          r.prefix + Array.from({ length: r.times }, (_, i) => `${' '.repeat(i)}${r.key}:`).join('\n') + ' 1\n'
        );
        break;
      case 'lines': {
        const lines = Array.from({ length: r.times }, (_, i) => r.line.replace(/\{i\}/g, String(i)));
        writeFileSync(path, r.prefix + lines.join(r.joiner ?? '\n') + (r.joiner === '' ? '' : '\n') + r.suffix);
        break;
      }
      case 'sparse':
        writeFileSync(path, '');
        truncateSync(path, r.size);
        break;
      case 'many-files':
        mkdirSync(path, { recursive: true });
        for (let i = 0; i < r.count; i++) writeFileSync(join(path, `f${i}`), '');
        break;
      case 'long-path': {
        // Relative steps: no single system call may see the whole path.
        mkdirSync(path);
        const step = `mkdir ${r.segment} && cd ${r.segment}`;
        execFileSync('sh', ['-c', `for i in $(seq ${r.levels}); do ${step}; done; cat > ${r.file}`], {
          cwd: path,
          input: r.content
        });
        break;
      }
      case 'deep-dir': {
        const deep = join(path, ...Array<string>(r.levels).fill('d'));
        mkdirSync(deep, { recursive: true });
        writeFileSync(join(deep, r.file), r.content);
        break;
      }
    }
  }
  return servers;
}

/** Writes a preload that records the process's peak RSS (KiB) into LG_MAX_RSS_FILE at exit. */
const PRELOAD = join(tempDir('lg-corpus-preload-'), 'max-rss.cjs');
writeFileSync(
  PRELOAD,
  "process.on('exit', () => require('node:fs').writeFileSync(process.env.LG_MAX_RSS_FILE, " +
    'String(process.resourceUsage().maxRSS)));\n'
);
function measured(): { env: Record<string, string>; maxRssMb: () => number } {
  const file = join(tempDir('lg-corpus-rss-'), 'rss');
  return {
    env: { NODE_OPTIONS: `--require ${PRELOAD}`, LG_MAX_RSS_FILE: file },
    maxRssMb: () => (existsSync(file) ? Number(readFileSync(file, 'utf8')) / 1024 : Number.NaN)
  };
}

/** Every prefix of 8+ characters of a token, found anywhere but the `::add-mask::` line the runner needs. */
function leakedPrefix(text: string): string | undefined {
  const visible = text
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
  for (const token of [GITHUB_TOKEN, HF_TOKEN])
    for (let n = 8; n <= token.length; n++) if (visible.includes(token.slice(0, n))) return token.slice(0, n);
  return undefined;
}

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
  maxRssMb: number;
  report?: Report;
  /** Everything that could carry a token: streams, summary, outputs, report, SARIF, comment bodies. */
  surfaces: string;
  /** What the log shows (the CLI's stdout is the JSON report, not log). */
  log: string;
}

/** No crash: a documented exit code and no stack trace or internal error. */
function expectNoCrash(o: Outcome, wallMs = WALL_MS): void {
  expect([0, 1, 2]).toContain(o.code);
  // What a crash looks like: the CLI's and the Action's catch-alls, Node's own stack trace, the Hub client's catch-all.
  expect(o.stdout + o.stderr).not.toMatch(/lineage-gate: internal error|lineage-gate could not complete/);
  expect(o.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(o.report?.findings.map((f) => f.message).join('\n') ?? '').not.toContain('internal error:');
  expect(o.ms).toBeLessThan(wallMs);
  expect(o.maxRssMb).toBeLessThan(MAX_RSS_MB);
  expect(leakedPrefix(o.surfaces)).toBeUndefined();
  // Workflow commands only from the gate: none that PR content or a remote answer could have started.
  expect(o.stdout).not.toMatch(/^::(set-output|stop-commands|add-mask::x|error::(owned|injected))/m);
  // Remote text is quoted bounded: a 2 MB answer does not reach the log.
  expect(o.log.length).toBeLessThan(1_000_000);
}

function parseReport(text: string): Report | undefined {
  try {
    return JSON.parse(text) as Report;
  } catch {
    return undefined;
  }
}

const readIfThere = (path: string): string => (existsSync(path) ? readFileSync(path, 'utf8') : '');

async function cli(dir: string, args: string[], env: Record<string, string> = {}, wallMs = WALL_MS): Promise<Outcome> {
  const m = measured();
  const started = Date.now();
  const run = await runCli(['check', '--format', 'json', ...args], dir, { HF_TOKEN, ...env, ...m.env }, wallMs);
  const ms = Date.now() - started;
  return {
    ...run,
    ms,
    maxRssMb: m.maxRssMb(),
    report: parseReport(run.stdout),
    surfaces: run.stdout + run.stderr,
    log: run.stderr
  };
}

/**
 * The Action on a pull request adding `gh.files`, with a sticky comment to the loopback GitHub, a
 * report and a SARIF file: every surface a token could leak through is collected.
 */
async function actionOnPullRequest(
  dir: string,
  gh: PullRequestStandIn,
  inputs: Record<string, string>,
  timeoutMs: number
): Promise<Outcome> {
  const m = measured();
  const temp = tempDir('lg-corpus-action-');
  const reportFile = join(temp, 'report.json');
  const sarifFile = join(temp, 'report.sarif');
  const started = Date.now();
  const run = await runAction({
    workspace: dir,
    eventName: 'pull_request',
    payload: pullRequestPayload('opened', 'a'.repeat(40)),
    apiUrl: gh.server.url,
    inputs: {
      token: GITHUB_TOKEN,
      'hub-token': HF_TOKEN,
      'hub-verify': 'false',
      comment: 'always',
      'report-file': reportFile,
      'sarif-file': sarifFile,
      ...inputs
    },
    env: { ...m.env, RUNNER_TEMP: temp },
    timeoutMs
  });
  const report = readIfThere(reportFile);
  return {
    ...run,
    ms: Date.now() - started,
    maxRssMb: m.maxRssMb(),
    report: parseReport(report),
    log: run.stdout + run.stderr,
    surfaces: [
      run.stdout,
      run.stderr,
      run.summary,
      JSON.stringify(run.outputs),
      report,
      readIfThere(sarifFile),
      ...gh.server.requests.map((r) => r.body)
    ].join('\n')
  };
}

/** Checks one case's expectation against a report, the case's files living under `prefix/`. */
function expectCase(c: Case, report: Report, prefix: string): void {
  const under = (p: string): boolean => (prefix ? p.startsWith(`${prefix}/`) : true);
  const at = (p: string): string => (prefix ? `${prefix}/${p}` : p);
  const got = report.findings.map((f) => ({ ruleId: f.ruleId, path: f.path }));
  for (const want of c.expect.findings ?? []) expect(got).toContainEqual({ ruleId: want.ruleId, path: at(want.path) });
  if (c.expect.notChecked) {
    expect(report.artifacts.filter((a) => under(a.dir) || a.dir === prefix)).toEqual([]);
  }
  for (const ruleId of c.expect.absent ?? [])
    expect(got.filter((f) => f.ruleId === ruleId && under(f.path))).toEqual([]);
  if (c.expect.deepFinding)
    expect(got.some((f) => f.ruleId === c.expect.deepFinding && under(f.path) && f.path.split('/').length > 100)).toBe(
      true
    );
}

/** The sentinels: good passes with no error, bad fails with its known error. */
function expectSentinels(report: Report): void {
  const errorsOn = (dir: string) =>
    report.findings.filter((f) => f.path.startsWith(`${dir}/`) && f.severity === 'error').map((f) => f.ruleId);
  expect(errorsOn('good')).toEqual([]);
  expect(report.artifacts.map((a) => a.dir)).toContain('good');
  expect(errorsOn('bad')).toContain('missing-upstream');
}

/** `it` for a case, or `it.failing` for a known gap. */
function caseTest(c: Case, body: () => void): void {
  if (c.knownGap) it.failing(`${c.id}: ${c.description} (known gap: ${c.knownGap})`, body);
  else it(`${c.id}: ${c.description}`, body);
}

/**
 * Weight files a pull request adds are hashed whole (about 12 s for the 2 GiB sparse case on CI's two
 * cores); the corpus is about parsing, so bigger files stay out of the PR's list (unit tests time hashing).
 */
const HASHED_IN_TIME = 64 * 2 ** 20;
const changedPaths = (dir: string): string[] => {
  const out: string[] = [];
  const walk = (rel: string): void => {
    let st: Stats;
    try {
      st = lstatSync(join(dir, rel));
    } catch {
      return;
    }
    if (st.isDirectory() && !st.isSymbolicLink()) {
      let names: string[] = [];
      try {
        names = readdirSync(join(dir, rel));
      } catch {
        out.push(rel);
        return;
      }
      // A directory of 10,000 files is one case's point, not the PR list's: GitHub lists 3,000 at most.
      if (names.length > 1000) return;
      for (const n of names) walk(rel ? `${rel}/${n}` : n);
    } else if (st.size <= HASHED_IN_TIME) out.push(rel);
  };
  walk('');
  return out;
};

describe.each(FILE_GROUPS)('hostile corpus, %s (one CLI and one Action run for the group)', (group) => {
  // Isolated cases run one process each (below): one that crashes the gate must not sink the batch.
  const cases = CASES.filter((c) => c.group === group && !isolated(c));
  const outside = tempDir('lg-corpus-outside-');
  const dir = tempDir(`lg-corpus-${group}-`);
  let cliRun: Outcome;
  let actionRun: Outcome;
  let sockets: Server[] = [];

  beforeAll(async () => {
    for (const [path, content] of Object.entries(SENTINELS)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    for (const c of cases) {
      const caseDir = join(dir, caseName(c));
      mkdirSync(caseDir, { recursive: true });
      sockets.push(...layOut(c, caseDir, outside));
    }
    cliRun = await cli(dir, ['--offline']);

    // The Action on a pull request adding every file, with a sticky comment to a loopback GitHub.
    const gh = await startPullRequestStandIn();
    for (const path of changedPaths(dir)) gh.files.push({ path, status: 'added' });
    actionRun = await actionOnPullRequest(dir, gh, {}, GROUP_WALL_MS + 5_000);
    await gh.server.close().catch(() => undefined);
    for (const s of sockets) s.close();
    sockets = [];
  }, 60_000);

  it('the CLI ends in bounded time and memory, without a crash or a token, and the sentinels hold', () => {
    expectNoCrash(cliRun, GROUP_WALL_MS);
    expect(cliRun.code).toBe(1);
    expect(cliRun.report).toBeDefined();
    expectSentinels(cliRun.report!);
  });

  it('the Action too (report, SARIF, summary, outputs and PR comment carry no token)', () => {
    expectNoCrash(actionRun, GROUP_WALL_MS);
    expect(actionRun.code).toBe(1);
    expect(actionRun.report).toBeDefined();
    expectSentinels(actionRun.report!);
  });

  for (const c of cases)
    caseTest(c, () => {
      expectCase(c, cliRun.report!, caseName(c));
      expectCase(c, actionRun.report!, caseName(c));
    });
});

/** Runs `work` over `items`, `width` at a time. */
async function inBatches<T, R>(items: T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i]);
      }
    })
  );
  return results;
}

/** A workspace holding one case at its root, beside the sentinels. */
function caseWorkspace(c: Case, outside: string): { dir: string; sockets: Server[] } {
  const dir = tempDir('lg-corpus-case-');
  for (const [path, content] of Object.entries(SENTINELS)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return { dir, sockets: layOut(c, dir, outside) };
}

describe('hostile corpus, policy (one CLI run per case)', () => {
  const cases = CASES.filter((c) => c.group === 'policy' && !isolated(c));
  const outside = tempDir('lg-corpus-outside-');
  const outcomes = new Map<string, Outcome>();

  beforeAll(async () => {
    await inBatches(cases, 4, async (c) => {
      const { dir, sockets } = caseWorkspace(c, outside);
      // A known hang is cut short: its process would only burn the CPU the other cases need.
      const wallMs = c.knownGap ? KNOWN_HANG_MS : WALL_MS;
      outcomes.set(c.id, await cli(dir, ['--offline'], { LINEAGE_GATE_NOW: '2026-12-06' }, wallMs));
      for (const s of sockets) s.close();
    });
  }, 80_000);

  for (const c of cases)
    caseTest(c, () => {
      const o = outcomes.get(c.id)!;
      expectNoCrash(o);
      expect(o.code).toBe(c.expect.exit);
      if (c.expect.configError) {
        expect(o.stderr).toContain(c.expect.configError);
        expect(o.stdout + o.stderr).not.toContain('policy-secret');
      } else {
        expect(o.report).toBeDefined();
        expectSentinels(o.report!);
        expectCase(c, o.report!, '');
      }
    });
});

/** The Hub repos a service case needs. */
function hubRepos(service: HubService): HubRepo[] {
  if (service.fanOut) {
    const { prefix, width, levels } = service.fanOut;
    return fanOutRepos(prefix, width, levels);
  }
  return [{ type: 'model', id: service.repo!, sha: fixtureSha(service.repo!), behaviour: service.behaviour }];
}

describe('hostile corpus, services (one process per case, concurrently)', () => {
  const cases = CASES.filter((c) => c.group === 'services');
  const outside = tempDir('lg-corpus-outside-');
  const outcomes = new Map<string, Outcome & { hubRequests?: number }>();

  beforeAll(async () => {
    // The slowest (deadline-bound) first, so they overlap the rest.
    const slow = (c: Case) => (/stall|trickle/.test(c.id) ? 0 : 1);
    const ordered = [...cases].sort((a, b) => slow(a) - slow(b));
    await inBatches(ordered, 8, async (c) => {
      const { dir } = caseWorkspace(c, outside);
      if (c.service?.hub) {
        const hub: LoopbackHub = await startHubServer({ repos: hubRepos(c.service.hub) });
        const o = await cli(
          dir,
          ['--hub-endpoint', hub.url],
          { HF_HUB_OFFLINE: '', LINEAGE_GATE_NOW: '2026-12-06' },
          SERVICE_WALL_MS
        );
        outcomes.set(c.id, { ...o, hubRequests: hub.requests.length });
        await hub.close();
        return;
      }
      const github = c.service!.github!;
      const options: StandInOptions = {
        readOnly: github.readOnly,
        refuseLineComments: github.refuseLineComments,
        filesApiAnswer: github.files && {
          ...github.files,
          body: github.filesBodyRepeat
            ? github.filesBodyRepeat.unit.repeat(github.filesBodyRepeat.times)
            : typeof github.files.body === 'string'
              ? github.files.body.replace('{GITHUB_TOKEN}', GITHUB_TOKEN)
              : github.files.body
        }
      };
      const gh = await startPullRequestStandIn(options);
      for (const path of [...Object.keys(SENTINELS), ...c.files]) gh.files.push({ path, status: 'added' });
      outcomes.set(c.id, await actionOnPullRequest(dir, gh, { 'review-comments': 'true' }, SERVICE_WALL_MS));
      await gh.server.close().catch(() => undefined);
    });
  }, 85_000);

  for (const c of cases)
    caseTest(c, () => {
      const o = outcomes.get(c.id)!;
      expectNoCrash(o, SERVICE_WALL_MS);
      expect(o.code).toBe(c.expect.exit);
      expect(o.report).toBeDefined();
      expectSentinels(o.report!);
      expectCase(c, o.report!, '');
      if (c.service?.hub?.fanOut) {
        expect(o.hubRequests).toBeLessThanOrEqual(70);
        expect(JSON.stringify(o.report!.run.notes)).toContain('cut at 64 repos');
      }
    });
});

/** Runs the bundled CLI as `nobody` (setpriv), from a copy of dist/cli that user can read. */
async function cliAsNobody(dir: string, args: string[]): Promise<Outcome> {
  const home = tempDir('lg-corpus-nobody-');
  cpSync(join(PROJECT_ROOT, 'dist', 'cli'), join(home, 'cli'), { recursive: true });
  cpSync(PRELOAD, join(home, 'max-rss.cjs'));
  execFileSync('chmod', ['-R', 'a+rwX', home]);
  execFileSync('chmod', ['a+rx', dir, join(dir, 'good'), join(dir, 'bad')]);
  execFileSync('chmod', ['a+r', ...Object.keys(SENTINELS).map((f) => join(dir, f))]);
  const rssFile = join(home, 'rss');
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: home,
    HF_HUB_OFFLINE: '1',
    HF_TOKEN,
    NODE_OPTIONS: `--require ${join(home, 'max-rss.cjs')}`,
    LG_MAX_RSS_FILE: rssFile
  };
  const command = [NODE, join(home, 'cli', 'index.js'), 'check', '--format', 'json', ...args];
  const started = Date.now();
  const child = spawn('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', ...command], { cwd: dir, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), WALL_MS);
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
  clearTimeout(timer);
  const maxRssMb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 : Number.NaN;
  return {
    code,
    stdout,
    stderr,
    ms: Date.now() - started,
    maxRssMb,
    report: parseReport(stdout),
    surfaces: stdout + stderr,
    log: stderr
  };
}

// Root reads mode 000 anyway: as root those cases run as nobody (setpriv), or cannot run at all.
const CANNOT_DROP_ROOT = ROOT_USER && !existsSync('/usr/bin/setpriv');
describe('hostile corpus, isolated cases (one process each)', () => {
  const cases = CASES.filter((c) => isolated(c) && !(CANNOT_DROP_ROOT && isModeZero(c)));
  for (const c of CASES.filter((c) => isolated(c) && CANNOT_DROP_ROOT && isModeZero(c)))
    it.skip(`${c.id}: ${c.description} (root without setpriv reads mode 000)`, () => undefined);
  const outside = tempDir('lg-corpus-outside-');
  const outcomes = new Map<string, Outcome>();
  const locked: string[] = [];

  beforeAll(async () => {
    await inBatches(cases, 3, async (c) => {
      const { dir } = caseWorkspace(c, outside);
      for (const r of c.runtime ?? []) if (r.kind.startsWith('chmod000')) locked.push(join(dir, r.path));
      const asNobody = ROOT_USER && isModeZero(c);
      outcomes.set(c.id, asNobody ? await cliAsNobody(dir, ['--offline']) : await cli(dir, ['--offline']));
    });
  }, 60_000);

  afterAll(() => {
    for (const path of locked) chmodSync(path, 0o755);
  });

  for (const c of cases) {
    const body = (): void => {
      const o = outcomes.get(c.id)!;
      expectNoCrash(o);
      expect(o.code).toBe(c.expect.exit);
      if (c.expect.configError) {
        expect(o.stderr).toContain(c.expect.configError);
        return;
      }
      expect(o.report).toBeDefined();
      expectSentinels(o.report!);
      expectCase(c, o.report!, '');
    };
    caseTest(c, body);
  }
});
