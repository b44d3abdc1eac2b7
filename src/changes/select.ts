import { plural } from '../text/plural.js';
import { ConfigError } from '../config-error.js';
import type { Change, ChangeSet } from './change-set.js';
import { COMPARE_FILES_CAP, listComparedFiles } from './compare.js';
import { gitDiffChanges, isFullSha, isSafeRef, type DiffMode } from './git.js';
import type { Octokit } from './octokit.js';
import { filterChanges, makePathFilter, type PathFilter } from './paths-filter.js';
import { listPullRequestFiles, PULL_REQUEST_FILES_CAP, type ListedChanges } from './pull-request.js';
import { thousands } from '../text/thousands.js';

export interface ResolveChangeSetInput {
  eventName: string;
  /** The parsed JSON of GITHUB_EVENT_PATH; `{}` when there is none. */
  payload: Record<string, unknown>;
  inputs: { scope: 'changed' | 'all'; baseRef?: string; headRef?: string; paths: readonly string[] };
  /** The checkout, used for the git fallback. */
  workspace: string;
  /** Read the diff's lines when falling back to git (review comments need them; the files API gives them anyway). */
  diffLines?: boolean;
  /** Absent when no token was given: API sources are skipped, git is used directly. */
  octokit: Octokit | undefined;
  owner: string;
  repo: string;
  log: (message: string) => void;
}

/** Events that carry no change list: the whole tree is checked. */
export const FULL_SCAN_EVENTS = new Set(['schedule', 'workflow_dispatch', 'repository_dispatch']);
const ZERO_SHA = /^0+$/;

interface Context extends ResolveChangeSetInput {
  filter: PathFilter;
  notes: string[];
}

/** Property `path` of an untyped payload, or undefined. */
function pick(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function short(ref: string): string {
  return isFullSha(ref) ? ref.slice(0, 7) : ref;
}

function files(n: number): string {
  return `${thousands(n)} ${plural(n, 'file')}`;
}

function messageOf(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0].slice(0, 300);
}

function fullScan(ctx: Context, source: string): ChangeSet {
  return { scope: 'all', changes: [], source, notes: ctx.notes };
}

/** The ChangeSet for a list, filtered by `paths`; the source says how many files each step kept. */
function changed(ctx: Context, changes: Change[], label: string, fallbackReason?: string): ChangeSet {
  const kept = filterChanges(changes, ctx.filter);
  const counts =
    kept.length === changes.length
      ? files(changes.length)
      : `${files(changes.length)}, ${thousands(kept.length)} matching \`paths\``;
  const source = `${label} (${counts}${fallbackReason ? `; fallback: ${fallbackReason}` : ''})`;
  return { scope: 'changed', changes: kept, source, notes: ctx.notes };
}

function fallBack(ctx: Context, reason: string): void {
  ctx.log(`Falling back to git diff: ${reason}.`);
  ctx.notes.push(`Used git diff on the checkout because ${reason}.`);
}

/** git diff on the checkout; if that fails too, the whole tree is checked rather than a partial list. */
async function diffOrFullScan(
  ctx: Context,
  base: string | undefined,
  head: string | undefined,
  mode: DiffMode,
  reason: string
): Promise<ChangeSet> {
  if (!base || !head) {
    ctx.notes.push(`Checked the whole tree: ${reason}, and the event payload names no commits to diff.`);
    return fullScan(ctx, `full scan (${reason}; no commits to diff)`);
  }
  fallBack(ctx, reason);
  const log = (message: string): void => {
    ctx.log(message);
    ctx.notes.push(message);
  };
  try {
    const changes = await gitDiffChanges({ cwd: ctx.workspace, base, head, mode, log, withDiffLines: ctx.diffLines });
    const range = mode === 'merge-base' ? `${short(base)}...${short(head)}` : `${short(base)} ${short(head)}`;
    return changed(ctx, changes, `git diff ${range}`, reason);
  } catch (err) {
    const why = messageOf(err);
    ctx.log(`git diff failed as well (${why}): checking the whole tree instead.`);
    ctx.notes.push(`git diff failed as well (${why}), so the whole tree was checked.`);
    return fullScan(ctx, `full scan (${reason}; git diff failed)`);
  }
}

async function fromExplicitRefs(ctx: Context, base: string, head: string): Promise<ChangeSet> {
  try {
    const log = (message: string): void => {
      ctx.log(message);
      ctx.notes.push(message);
    };
    const changes = await gitDiffChanges({
      cwd: ctx.workspace,
      base,
      head,
      mode: 'merge-base',
      log,
      withDiffLines: ctx.diffLines
    });
    return changed(ctx, changes, `git diff ${short(base)}...${short(head)} from inputs base-ref/head-ref`);
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw new ConfigError(`Inputs \`base-ref\`/\`head-ref\`: ${messageOf(err)}`);
  }
}

async function fromPullRequest(ctx: Context): Promise<ChangeSet> {
  const pr = pick(ctx.payload, 'pull_request');
  const number = pick(pr, 'number') ?? pick(ctx.payload, 'number');
  const base = text(pick(pr, 'base', 'sha'));
  const head = text(pick(pr, 'head', 'sha'));
  let reason: string;
  if (!ctx.octokit) {
    reason = 'no token was given to ask the pull request files API';
  } else if (typeof number !== 'number' || !Number.isInteger(number) || number <= 0) {
    reason = 'the event payload has no pull request number';
  } else {
    try {
      const listed = await listPullRequestFiles({ octokit: ctx.octokit, owner: ctx.owner, repo: ctx.repo, number });
      if (!listed.capped) return changed(ctx, listed.changes, `pull request #${number} files API`);
      reason =
        `the pull request files API lists at most ${thousands(PULL_REQUEST_FILES_CAP)} ` +
        `files and pull request #${number} reached that cap`;
    } catch (err) {
      reason = `the pull request files API failed (${messageOf(err)})`;
    }
  }
  if (ctx.eventName === 'pull_request_target') {
    ctx.notes.push(
      'pull_request_target: files are read from the workspace, which holds ' +
        'the base branch unless the workflow checked out the pull request head.'
    );
  }
  return diffOrFullScan(ctx, base, head, 'merge-base', reason);
}

/** Compare API first; git diff when it is capped, fails or cannot be asked. */
async function compareOrDiff(
  ctx: Context,
  what: string,
  base: string,
  head: string,
  mode: DiffMode
): Promise<ChangeSet> {
  if (!isSafeRef(base) || !isSafeRef(head)) {
    ctx.notes.push(
      `The ${what} payload names revisions that are not plain git revisions, so the whole tree was checked.`
    );
    return fullScan(ctx, `full scan (${what} with unusable revisions)`);
  }
  let reason: string;
  if (!ctx.octokit) {
    reason = 'no token was given to ask the compare API';
  } else {
    try {
      const listed: ListedChanges = await listComparedFiles({
        octokit: ctx.octokit,
        owner: ctx.owner,
        repo: ctx.repo,
        base,
        head
      });
      if (!listed.capped) return changed(ctx, listed.changes, `${what} compare API ${short(base)}...${short(head)}`);
      reason = `the compare API lists at most ${COMPARE_FILES_CAP} files and this comparison reached that cap`;
    } catch (err) {
      reason = `the compare API failed (${messageOf(err)})`;
    }
  }
  return diffOrFullScan(ctx, base, head, mode, reason);
}

async function fromPush(ctx: Context): Promise<ChangeSet> {
  const before = text(pick(ctx.payload, 'before'));
  const after = text(pick(ctx.payload, 'after'));
  const ref = text(pick(ctx.payload, 'ref')) ?? 'the pushed ref';
  if (after && ZERO_SHA.test(after)) {
    ctx.notes.push(`The push deleted ${ref}: there are no files to check.`);
    return { scope: 'changed', changes: [], source: `push deleting ${ref} (0 files)`, notes: ctx.notes };
  }
  if (!before || !after) {
    ctx.notes.push('The push payload has no before/after commits, so the whole tree was checked.');
    return fullScan(ctx, 'full scan (push without before/after commits)');
  }
  if (!ZERO_SHA.test(before)) return compareOrDiff(ctx, 'push', before, after, 'two-dot');

  // A new ref has no "before": a new branch is compared with the default branch it grew from;
  // a new tag or the first push of the default branch is checked whole.
  const defaultBranch = text(pick(ctx.payload, 'repository', 'default_branch'));
  const branch = ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
  if (branch && defaultBranch && branch !== defaultBranch) {
    ctx.notes.push(`The push created branch ${branch}: compared with the default branch ${defaultBranch}.`);
    return compareOrDiff(ctx, 'new branch', defaultBranch, after, 'merge-base');
  }
  ctx.notes.push(`The push created ${ref}, which has nothing to compare with, so the whole tree was checked.`);
  return fullScan(ctx, `full scan (push created ${ref})`);
}

async function fromMergeGroup(ctx: Context): Promise<ChangeSet> {
  const base = text(pick(ctx.payload, 'merge_group', 'base_sha'));
  const head = text(pick(ctx.payload, 'merge_group', 'head_sha'));
  if (!base || !head)
    return diffOrFullScan(ctx, undefined, undefined, 'merge-base', 'the merge_group payload has no base_sha/head_sha');
  return compareOrDiff(ctx, 'merge group', base, head, 'merge-base');
}

/**
 * Decides which files a run looks at. Order: `scope: all` and scheduled/manual events → full
 * scan; explicit base/head refs → git diff; pull requests → files API (git diff when capped or
 * failing); pushes and merge queues → compare API (git diff fallback); anything else → full scan.
 * Every fallback is logged and noted; the `paths` filter applies to every list.
 */
export async function resolveChangeSet(input: ResolveChangeSetInput): Promise<ChangeSet> {
  const ctx: Context = { ...input, filter: makePathFilter(input.inputs.paths), notes: [] };
  const { eventName, inputs } = input;
  if (inputs.scope === 'all') return fullScan(ctx, 'full scan (scope: all)');
  if (FULL_SCAN_EVENTS.has(eventName)) return fullScan(ctx, `full scan (${eventName} event)`);

  const baseRef = inputs.baseRef?.trim();
  const headRef = inputs.headRef?.trim();
  if (baseRef || headRef) {
    if (!baseRef || !headRef)
      throw new ConfigError('Inputs `base-ref` and `head-ref` go together: set both or neither.');
    return fromExplicitRefs(ctx, baseRef, headRef);
  }

  switch (eventName) {
    case 'pull_request':
    case 'pull_request_target':
      return fromPullRequest(ctx);
    case 'push':
      return fromPush(ctx);
    case 'merge_group':
      return fromMergeGroup(ctx);
    default:
      ctx.notes.push(
        `The ${eventName || 'unknown'} event carries no list of changed files, so the whole tree was checked.`
      );
      return fullScan(ctx, `full scan (${eventName || 'unknown'} event)`);
  }
}
