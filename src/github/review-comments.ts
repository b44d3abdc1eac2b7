/**
 * One pull request review per run: findings on lines the diff shows become line comments, the
 * others are listed in the review's body. Findings posted by an earlier run (known by the
 * fingerprint markers) are not posted again; those no longer reported are marked resolved.
 */
import { filterOf } from '../collections/sequence.js';
import type { Change } from '../changes/change-set.js';
import type { Octokit } from '../changes/octokit.js';
import { lineInRanges, type LineRange } from '../changes/patch-lines.js';
import type { Finding } from '../findings/finding.js';
import type { Report } from '../report/report.js';
import { findingItem, type MarkdownLinks } from '../report/render/markdown-blocks.js';
import { counted } from '../text/plural.js';
import {
  hasResolvedMarker,
  openFingerprints,
  openMarker,
  resolveBodyLines,
  resolveCommentBody,
  REVIEW_MARKER
} from './review-markers.js';
import { resolveThreads } from './review-threads.js';
import { isByLogin, tokenLogin } from './token-identity.js';
import { COMMENT_MAX_CHARS } from './sticky-comment.js';
import { describeWriteFailure } from './write-failure.js';

/** Line comments per review at most; more would bury the conversation (the rest go to the body). */
export const MAX_LINE_COMMENTS = 50;
/**
 * Earlier comments rewritten as resolved per run at most: each edit counts against GitHub's
 * content-creation limit, and the comments left open are rewritten by the next run.
 */
export const MAX_RESOLVE_EDITS = 50;
/** Pages (100 each) of review comments and of reviews read while looking for earlier markers. */
const MAX_PAGES = 30;
/** Room kept in the body for the heading and the closing note. */
const BODY_RESERVE = 2_000;

export interface PublishReviewOptions {
  octokit: Octokit;
  owner: string;
  repo: string;
  pullNumber: number;
  headSha: string;
  report: Report;
  /** The pull request's changed files; their `diffLines` say where line comments can go. */
  changes: readonly Change[];
  links: MarkdownLinks;
  /** Told about each earlier comment that could not be marked resolved (the run goes on). */
  warn: (message: string) => void;
}

export interface ReviewCounts {
  reviewId: number | null;
  lineComments: number;
  inBody: number;
  alreadyPosted: number;
  /** Findings of earlier runs marked resolved in their text by this run. */
  resolved: number;
  /** Conversation threads of resolved line comments this run closed, and those it may not close. */
  threadsResolved: number;
  threadsLeftOpen: number;
}

export type PublishReviewResult = ({ ok: true } & ReviewCounts) | { ok: false; warning: string };

interface Posted {
  kind: 'comment' | 'review';
  id: number;
  body: string;
  fingerprints: string[];
}

const READ = { what: 'the pull request reviews', permission: 'pull-requests: read', verb: 'read' as const };
const WRITE = { what: 'the pull request review', permission: 'pull-requests: write' };

/** Errors and warnings that are not waived: what a reviewer should act on. Notices stay in the summary. */
function reviewable(report: Report): Finding[] {
  const seen = new Set<string>();
  return filterOf(report.findings, (f) => {
    if (f.waived || f.severity === 'notice' || seen.has(f.fingerprint)) return false;
    seen.add(f.fingerprint);
    return true;
  });
}

interface Earlier {
  /** Comments and review bodies that still show open findings. */
  posted: Posted[];
  /** Line comments marked resolved by earlier runs (their threads may still be open). */
  resolvedComments: number[];
}

async function readPosted(o: PublishReviewOptions): Promise<Earlier> {
  const { octokit, owner, repo, pullNumber } = o;
  // Anyone can paste a marker: only the token's own comments count (all, when GitHub does not say who that is).
  const login = await tokenLogin(octokit);
  const ours = (user: { login: string } | null | undefined): boolean => login === undefined || isByLogin(user, login);
  const posted: Posted[] = [];
  const resolvedComments: number[] = [];
  const keep = (kind: Posted['kind'], id: number, body: string | null | undefined): void => {
    const fingerprints = body ? openFingerprints(body) : [];
    if (fingerprints.length) posted.push({ kind, id, body: body as string, fingerprints });
  };
  let pages = 0;
  for await (const page of octokit.paginate.iterator(octokit.rest.pulls.listReviewComments, {
    owner,
    repo,
    pull_number: pullNumber,
    per_page: 100
  })) {
    for (const c of page.data) {
      if (!ours(c.user)) continue;
      keep('comment', c.id, c.body);
      if (hasResolvedMarker(c.body)) resolvedComments.push(c.id);
    }
    if (++pages >= MAX_PAGES) break;
  }
  pages = 0;
  for await (const page of octokit.paginate.iterator(octokit.rest.pulls.listReviews, {
    owner,
    repo,
    pull_number: pullNumber,
    per_page: 100
  })) {
    for (const r of page.data) if (ours(r.user) && r.body?.includes(REVIEW_MARKER)) keep('review', r.id, r.body);
    if (++pages >= MAX_PAGES) break;
  }
  return { posted, resolvedComments };
}

/**
 * Rewrites earlier comments and review bodies whose findings are gone; counts findings, lists
 * rewritten line comments.
 */
async function markResolved(
  o: PublishReviewOptions,
  posted: Posted[],
  current: ReadonlySet<string>
): Promise<{ resolved: number; comments: number[] }> {
  const { octokit, owner, repo, pullNumber, headSha } = o;
  let resolved = 0;
  const comments: number[] = [];
  let edits = 0;
  for (const p of posted) {
    const fixed = new Set(p.fingerprints.filter((fp) => !current.has(fp)));
    if (fixed.size === 0) continue;
    if (++edits > MAX_RESOLVE_EDITS) break;
    try {
      if (p.kind === 'comment') {
        const [fingerprint] = fixed;
        await octokit.rest.pulls.updateReviewComment({
          owner,
          repo,
          comment_id: p.id,
          body: resolveCommentBody(p.body, fingerprint, headSha)
        });
        comments.push(p.id);
      } else {
        await octokit.rest.pulls.updateReview({
          owner,
          repo,
          pull_number: pullNumber,
          review_id: p.id,
          body: resolveBodyLines(p.body, fixed, headSha)
        });
      }
      resolved += fixed.size;
    } catch (err) {
      const warning = describeWriteFailure(err, {
        what: `an earlier review ${p.kind} (#${p.id}) to mark it resolved`,
        permission: 'pull-requests: write'
      });
      if (warning === undefined) throw err;
      o.warn(warning);
    }
  }
  return { resolved, comments };
}

/** Closes the threads of resolved line comments; a refusal is a warning, never a failure. */
async function closeThreads(
  o: PublishReviewOptions,
  commentIds: ReadonlySet<number>
): Promise<{ threadsResolved: number; threadsLeftOpen: number }> {
  try {
    const done = await resolveThreads(o.octokit, o.owner, o.repo, o.pullNumber, commentIds);
    return { threadsResolved: done.resolved, threadsLeftOpen: done.notAllowed };
  } catch (err) {
    const graphqlErrors = (err as { errors?: { message?: unknown }[] }).errors;
    const warning =
      describeWriteFailure(err, {
        what: 'the review threads of fixed findings',
        permission: 'contents: write',
        verb: 'write'
      }) ??
      (Array.isArray(graphqlErrors)
        ? `Could not resolve the review threads of fixed findings (GraphQL: ${String(
            graphqlErrors[0]?.message ?? 'error'
          )
            .split('\n', 1)[0]
            .slice(0, 200)}). The verdict is unchanged.`
        : undefined);
    if (warning === undefined) throw err;
    o.warn(warning);
    return { threadsResolved: 0, threadsLeftOpen: 0 };
  }
}

function lineCommentBody(f: Finding, links: MarkdownLinks): string {
  return `${openMarker(f.fingerprint)}\n${findingItem(f, links).replace(/^- /, '')}`;
}

/** The review's body: a heading, then one marked line per finding outside the diff, as many as fit. */
function reviewBody(
  inline: number,
  outside: Finding[],
  links: MarkdownLinks,
  linesRefused = false
): { body: string; listed: number } {
  const lines = [REVIEW_MARKER, `### Lineage gate: ${counted(inline + outside.length, 'new finding')}`, ''];
  if (inline > 0) lines.push(`${counted(inline, 'finding')} on changed lines, commented below.`);
  const where = linesRefused
    ? 'listed here, as GitHub would not take line comments on this diff'
    : 'on lines this diff does not show';
  if (outside.length > 0)
    lines.push(`${outside.length === 1 ? 'One finding is' : `${outside.length} findings are`} ${where}:`, '');
  let size = lines.join('\n').length;
  let listed = 0;
  for (const f of outside) {
    const item = findingItem(f, links).replace(/^- /, `- ${openMarker(f.fingerprint)} `);
    if (size + item.length + 1 > COMMENT_MAX_CHARS - BODY_RESERVE) break;
    lines.push(item);
    size += item.length + 1;
    listed++;
  }
  if (listed < outside.length)
    lines.push(
      '',
      `…and ${counted(outside.length - listed, 'more finding')}: see the job summary; the next run posts them.`
    );
  return { body: lines.join('\n'), listed };
}

function isUnprocessable(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { status?: unknown }).status === 422;
}

export async function publishReview(o: PublishReviewOptions): Promise<PublishReviewResult> {
  const { octokit, owner, repo, pullNumber, headSha, links } = o;
  const findings = reviewable(o.report);
  let earlier: Earlier;
  try {
    earlier = await readPosted(o);
  } catch (err) {
    const warning = describeWriteFailure(err, READ);
    if (warning === undefined) throw err;
    return { ok: false, warning };
  }
  const { posted } = earlier;
  const current = new Set(findings.map((f) => f.fingerprint));
  const marked = await markResolved(o, posted, current);
  const threads = await closeThreads(o, new Set([...earlier.resolvedComments, ...marked.comments]));
  const already = new Set(posted.flatMap((p) => p.fingerprints));
  const fresh = findings.filter((f) => !already.has(f.fingerprint));
  const alreadyPosted = findings.length - fresh.length;
  const counts = { alreadyPosted, resolved: marked.resolved, ...threads };
  if (fresh.length === 0) return { ok: true, reviewId: null, lineComments: 0, inBody: 0, ...counts };

  const diffLines = new Map<string, LineRange[]>(
    o.changes.filter((c) => c.diffLines).map((c) => [c.path, c.diffLines as LineRange[]])
  );
  const inline: Finding[] = [];
  const outside: Finding[] = [];
  for (const f of fresh) {
    const ranges = diffLines.get(f.path);
    if (ranges && inline.length < MAX_LINE_COMMENTS && lineInRanges(f.line, ranges)) inline.push(f);
    else outside.push(f);
  }

  const create = async (onLines: Finding[], inBody: Finding[], linesRefused = false) => {
    const { body, listed } = reviewBody(onLines.length, inBody, links, linesRefused);
    const comments = onLines.map((f) => ({
      path: f.path,
      line: f.line,
      side: 'RIGHT' as const,
      body: lineCommentBody(f, links)
    }));
    const review = await octokit.rest.pulls.createReview({
      owner,
      repo,
      pull_number: pullNumber,
      commit_id: headSha,
      event: 'COMMENT',
      body,
      comments
    });
    return { ok: true as const, reviewId: review.data.id, lineComments: onLines.length, inBody: listed, ...counts };
  };
  try {
    try {
      return await create(inline, outside);
    } catch (err) {
      // A line the API will not take (the diff moved on since the event): post everything in the body.
      if (!isUnprocessable(err) || inline.length === 0) throw err;
      o.warn(
        `GitHub refused line comments on this pull request's diff (HTTP 422); ` +
          `the ${counted(inline.length, 'finding')} went into the review's body instead.`
      );
      return await create([], [...inline, ...outside], true);
    }
  } catch (err) {
    const warning = describeWriteFailure(err, WRITE);
    if (warning === undefined) throw err;
    return { ok: false, warning };
  }
}
