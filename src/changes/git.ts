import { execFile } from 'node:child_process';
import { ConfigError } from '../config-error.js';
import type { Change } from './change-set.js';
import { headLinesOfPatch, type LineRange } from './patch-lines.js';

/**
 * `merge-base`: what `head` changed since it left `base` (`base...head`, the pull-request view).
 * `two-dot`: every path that differs between the two trees (`base head`, the push view, which
 * also covers force-pushes where `base` is not an ancestor).
 */
export type DiffMode = 'merge-base' | 'two-dot';

export interface GitDiffOptions {
  /** A directory inside the checkout. */
  cwd: string;
  base: string;
  head: string;
  mode?: DiffMode;
  /** Told about every fetch and deepening, so the run log says why the checkout grew. */
  log?: (message: string) => void;
  /** Remote to fetch missing commits from; `origin` in an Actions checkout. */
  remote?: string;
  /** Also read the diff's hunks, so changes carry `diffLines` as the files API's `patch` gives them. */
  withDiffLines?: boolean;
}

/**
 * Revisions the gate accepts: sha, branch, tag, `refs/…`, with optional `~N` / `^N` suffixes.
 * Refs can come from event payloads and inputs, so anything that git could read as an option
 * (`--upload-pack=…`), a refspec (`a:b`, `+a`), a range (`a..b`), a reflog selector (`@{…}`)
 * or shell text is refused before git sees it.
 */
const SAFE_REF = /^[A-Za-z0-9_][A-Za-z0-9_./-]*(?:[~^][0-9]{0,4})*$/;
const FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const MAX_REF_LENGTH = 255;

/** Shallow clones are deepened this far, then unshallowed, while looking for a merge base. */
const DEEPEN_STEPS = [100, 1000];
const FETCH_DEPTH = 50;
/** Enough for ~500k changed paths; past it git is stopped instead of filling memory. */
const MAX_DIFF_BYTES = 64 * 1024 * 1024;

export function isSafeRef(ref: string): boolean {
  return (
    ref.length > 0 &&
    ref.length <= MAX_REF_LENGTH &&
    SAFE_REF.test(ref) &&
    !ref.includes('..') &&
    !ref.includes('//') &&
    !/[./]$/.test(ref.replace(/(?:[~^][0-9]{0,4})+$/, '')) &&
    !/\.lock(?:\/|$)/.test(ref)
  );
}

export function assertSafeRef(ref: string, what: string): void {
  if (!isSafeRef(ref)) {
    throw new ConfigError(
      `Refusing ${what} ${JSON.stringify(ref.slice(0, 100))}: not a plain git revision (sha, branch or tag).`
    );
  }
}

export function isFullSha(ref: string): boolean {
  return FULL_SHA.test(ref);
}

interface GitResult {
  ok: boolean;
  stdout: string;
  stderr: string;
}

/** Runs git without a shell; never rejects, so callers decide what a failure means. */
function git(cwd: string, args: string[], timeoutMs = 120_000): Promise<GitResult> {
  return new Promise((resolve) => {
    execFile(
      'git',
      args,
      {
        cwd,
        maxBuffer: MAX_DIFF_BYTES,
        timeout: timeoutMs,
        encoding: 'utf8',
        // A fetch must fail, not wait for a password nobody will type.
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: '', SSH_ASKPASS: '' }
      },
      (error, stdout, stderr) => {
        let message = stderr.trim();
        if (error && (error as { killed?: boolean }).killed)
          message =
            `${message}\ngit was stopped: it ran longer than ${timeoutMs / 1000} ` +
            `s or printed more than ${MAX_DIFF_BYTES / 1024 / 1024} MiB`;
        else if (error && !message) message = error.message;
        resolve({ ok: !error, stdout, stderr: message });
      }
    );
  });
}

function lastLine(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return lines[lines.length - 1] ?? 'no message from git';
}

async function resolveCommit(cwd: string, ref: string): Promise<string | undefined> {
  const result = await git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  return result.ok ? result.stdout.trim() : undefined;
}

async function isShallow(cwd: string): Promise<boolean> {
  const result = await git(cwd, ['rev-parse', '--is-shallow-repository']);
  return result.ok && result.stdout.trim() === 'true';
}

async function mergeBase(cwd: string, a: string, b: string): Promise<string | undefined> {
  const result = await git(cwd, ['merge-base', a, b]);
  return result.ok ? result.stdout.trim() : undefined;
}

/** Returns the commit sha `ref` names, fetching it from the remote if the checkout lacks it. */
async function ensureCommit(cwd: string, ref: string, remote: string, log: (m: string) => void): Promise<string> {
  const local = await resolveCommit(cwd, ref);
  if (local) return local;
  const depth = (await isShallow(cwd)) ? [`--depth=${FETCH_DEPTH}`] : [];
  const args = ['fetch', '--no-tags', ...depth, remote, ref];
  log(`${ref} is not in the local checkout: fetching it (git ${args.join(' ')}).`);
  const fetched = await git(cwd, args, 600_000);
  if (!fetched.ok) {
    throw new Error(
      `Cannot diff: ${ref} is not in the local checkout and \`git ` +
        `fetch ${remote} ${ref}\` failed (${lastLine(fetched.stderr)}).`
    );
  }
  // A fetched sha resolves by itself; a fetched branch or tag name only lands in FETCH_HEAD.
  const sha = await resolveCommit(cwd, isFullSha(ref) ? ref : 'FETCH_HEAD');
  if (!sha) throw new Error(`Cannot diff: fetched ${ref} from ${remote} but it is not a commit.`);
  return sha;
}

/** A three-dot diff needs the merge base; shallow clones are deepened step by step until it shows up. */
async function ensureMergeBase(
  cwd: string,
  base: string,
  head: string,
  remote: string,
  log: (m: string) => void
): Promise<void> {
  if (await mergeBase(cwd, base, head)) return;
  if (!(await isShallow(cwd))) {
    throw new Error(`Cannot diff ${base}...${head}: the two commits have no common ancestor.`);
  }
  const attempts = [...DEEPEN_STEPS.map((n) => [`--depth=${n}`]), ['--unshallow']];
  for (const how of attempts) {
    const args = ['fetch', '--no-tags', ...how, remote, base, head];
    log(
      `No merge base of ${base.slice(0, 12)} and ${head.slice(0, 12)} ` +
        `in the shallow checkout: deepening it (git ${args.join(' ')}).`
    );
    const fetched = await git(cwd, args, 600_000);
    if (!fetched.ok)
      throw new Error(
        `Cannot diff ${base}...${head}: deepening the shallow checkout failed (${lastLine(fetched.stderr)}).`
      );
    if (await mergeBase(cwd, base, head)) return;
    if (!(await isShallow(cwd))) break;
  }
  throw new Error(`Cannot diff ${base}...${head}: the two commits have no common ancestor, even in the full history.`);
}

/** Parses `git diff --name-status -z` output: `X\0path\0`, or `R<score>\0old\0new\0` for renames and copies. */
export function parseNameStatus(output: string): Change[] {
  const fields = output.split('\0');
  const changes: Change[] = [];
  let i = 0;
  while (i < fields.length) {
    const status = fields[i++];
    if (status === '') continue;
    const code = status[0];
    if (code === 'R' || code === 'C') {
      const from = fields[i++];
      const to = fields[i++];
      if (!from || !to) throw new Error(`Unexpected git diff output: ${status} without two paths.`);
      changes.push(code === 'R' ? { path: to, status: 'renamed', previousPath: from } : { path: to, status: 'added' });
      continue;
    }
    const path = fields[i++];
    if (!path) throw new Error(`Unexpected git diff output: ${status} without a path.`);
    if (code === 'A') changes.push({ path, status: 'added' });
    else if (code === 'D') changes.push({ path, status: 'removed' });
    else if (code === 'M' || code === 'T' || code === 'U') changes.push({ path, status: 'modified' });
    else throw new Error(`Unexpected git diff status ${JSON.stringify(status)} for ${path}.`);
  }
  return changes;
}

const C_ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/** A path as git prints it in a patch header: C-quoted (`"b/caf\303\251"`) when it holds unusual bytes. */
export function unquoteGitPath(text: string): string {
  if (!(text.length >= 2 && text.startsWith('"') && text.endsWith('"'))) return text;
  const bytes: number[] = [];
  const body = text.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const next = body[++i];
    const octal = /^[0-7]{3}/.exec(body.slice(i));
    if (octal) {
      bytes.push(parseInt(octal[0], 8));
      i += 2;
    } else {
      bytes.push(C_ESCAPES[next] ?? next.charCodeAt(0));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/**
 * The head-side lines each file's hunks cover, from `git diff -U3` output: the lines GitHub shows
 * in a pull request's diff and takes review comments on. Files without hunks (binary, pure
 * renames, deletions) are absent.
 */
export function parsePatchLines(output: string): Map<string, LineRange[]> {
  const lines = new Map<string, LineRange[]>();
  let path: string | undefined;
  let header = false;
  let hunks: string[] = [];
  const flush = (): void => {
    if (path !== undefined && hunks.length) lines.set(path, headLinesOfPatch(hunks.join('\n')));
  };
  for (const line of output.split('\n')) {
    if (line.startsWith('diff --git ')) {
      flush();
      path = undefined;
      header = true;
      hunks = [];
    } else if (header && line.startsWith('+++ ')) {
      // git ends the name with a tab when it holds a space, for patch(1)'s sake.
      const target = unquoteGitPath(line.slice(4).replace(/\t$/, ''));
      path = target.startsWith('b/') ? target.slice(2) : undefined; // `/dev/null`: deleted
    } else if (line.startsWith('@@ ')) {
      header = false; // a hunk's own lines start with ' ', '+', '-' or '\\', never '@@'
      hunks.push(line);
    }
  }
  flush();
  return lines;
}

/** Changed paths between two revisions of the checkout at `cwd`, fetching what is missing. */
export async function gitDiffChanges({
  cwd,
  base,
  head,
  mode = 'merge-base',
  log = () => {},
  remote = 'origin',
  withDiffLines = false
}: GitDiffOptions): Promise<Change[]> {
  assertSafeRef(base, 'base revision');
  assertSafeRef(head, 'head revision');
  assertSafeRef(remote, 'remote');
  const checkout = await git(cwd, ['rev-parse', '--git-dir']);
  if (!checkout.ok) throw new Error(`Cannot diff: ${cwd} is not a git checkout (${lastLine(checkout.stderr)}).`);
  const baseSha = await ensureCommit(cwd, base, remote, log);
  const headSha = await ensureCommit(cwd, head, remote, log);
  if (mode === 'merge-base') await ensureMergeBase(cwd, baseSha, headSha, remote, log);
  const range = mode === 'merge-base' ? [`${baseSha}...${headSha}`] : [baseSha, headSha];
  // --no-ext-diff / --no-textconv: no configured program runs; `--` ends the revisions.
  const result = await git(cwd, [
    'diff',
    '--name-status',
    '-M',
    '-z',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    ...range,
    '--'
  ]);
  if (!result.ok) throw new Error(`Cannot diff ${base} and ${head}: git diff failed (${lastLine(result.stderr)}).`);
  const changes = parseNameStatus(result.stdout);
  if (withDiffLines) await attachDiffLines(cwd, range, changes, log);
  return changes;
}

/** Adds each change's head-side hunk lines; a diff too large to read leaves them out, with a note. */
async function attachDiffLines(
  cwd: string,
  range: string[],
  changes: Change[],
  log: (m: string) => void
): Promise<void> {
  // Explicit prefixes: a user's diff.noprefix or diff.mnemonicPrefix must not change the headers parsed.
  const patch = await git(cwd, [
    '-c',
    'core.quotePath=false',
    'diff',
    '-U3',
    '-M',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    '--src-prefix=a/',
    '--dst-prefix=b/',
    ...range,
    '--'
  ]);
  if (!patch.ok) {
    log(`The diff's lines could not be read (${lastLine(patch.stderr)}): review comments go into the review's body.`);
    return;
  }
  const lines = parsePatchLines(patch.stdout);
  for (const change of changes) {
    const ranges = change.status === 'removed' ? undefined : lines.get(change.path);
    if (ranges) change.diffLines = ranges;
  }
}
