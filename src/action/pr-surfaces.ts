import type { Change } from '../changes/change-set.js';
import type { Octokit } from '../changes/octokit.js';
import { CHECK_SUMMARY_MAX_CHARS, publishCheckRun } from '../github/check-run.js';
import { publishReview } from '../github/review-comments.js';
import {
  COMMENT_BODY_MAX_BYTES,
  findStickyComment,
  shouldComment,
  upsertStickyComment,
  type CommentMode
} from '../github/sticky-comment.js';
import type { Report } from '../report/report.js';
import { renderMarkdown } from '../report/render/markdown.js';
import { DOCS_BASE } from '../findings/rule-meta.js';
import { isOwnUrl } from '../licenses/own-urls.js';

export interface SurfaceContext {
  octokit: Octokit;
  owner: string;
  repo: string;
  /** Pull request number, when the event is one. */
  pullNumber?: number;
  headSha?: string;
  repoUrl?: string;
  report: Report;
  /** The run's changed files (with the diff's lines, for review comments). */
  changes: readonly Change[];
  comment: CommentMode;
  checkRun: boolean;
  reviewComments: boolean;
  /** Where informational lines and warnings go (a surface that cannot be written is a warning, never a failure). */
  info: (message: string) => void;
  warn: (message: string) => void;
}

/** `render` runs only when a comment is written: a passing run without one renders nothing. */
async function stickyComment(ctx: SurfaceContext, pullNumber: number, render: () => string): Promise<void> {
  const target = { octokit: ctx.octokit, owner: ctx.owner, repo: ctx.repo, issueNumber: pullNumber };
  const found = await findStickyComment(target);
  if (!found.ok) return ctx.warn(found.warning);
  if (!shouldComment(ctx.comment, ctx.report, found.comment !== null)) return;
  const done = await upsertStickyComment({ ...target, body: render(), existing: found.comment });
  if (done.ok) ctx.info(`PR comment ${done.action} (#${done.id}).`);
  else ctx.warn(done.warning);
}

async function review(ctx: SurfaceContext, pullNumber: number, headSha: string): Promise<void> {
  const links = { docsBase: DOCS_BASE, repoUrl: ctx.repoUrl, sha: headSha, isOwnUrl };
  const done = await publishReview({
    octokit: ctx.octokit,
    owner: ctx.owner,
    repo: ctx.repo,
    pullNumber,
    headSha,
    report: ctx.report,
    changes: ctx.changes,
    links,
    warn: ctx.warn
  });
  if (!done.ok) return ctx.warn(done.warning);
  const threads = done.threadsResolved ? ` and ${done.threadsResolved} conversation thread(s) resolved` : '';
  const resolved =
    done.resolved || done.threadsResolved ? `; ${done.resolved} earlier finding(s) marked resolved${threads}` : '';
  if (done.threadsLeftOpen) {
    ctx.info(
      `${done.threadsLeftOpen} conversation thread(s) of fixed findings stay open (their text ` +
        `says resolved): GitHub lets a workflow token resolve threads only with \`contents: write\`.`
    );
  }
  const again = done.alreadyPosted ? `; ${done.alreadyPosted} already posted by an earlier run` : '';
  if (done.reviewId === null) ctx.info(`PR review: nothing new to post${again}${resolved}.`);
  else
    ctx.info(
      `PR review #${done.reviewId}: ${done.lineComments} line comment(s), ` +
        `${done.inBody} finding(s) in its body${again}${resolved}.`
    );
}

/** The sticky PR comment, the review and the check run: all optional, all degrade to a warning without permission. */
export async function publishPrSurfaces(ctx: SurfaceContext): Promise<void> {
  // Each surface gets the report shortened to its own limit, so what is left out goes lowest severity first.
  const markdown = (maxBytes: number): string =>
    renderMarkdown(ctx.report, { repoUrl: ctx.repoUrl, sha: ctx.headSha, docsBase: DOCS_BASE, isOwnUrl, maxBytes });
  if (ctx.pullNumber && ctx.comment !== 'never')
    await stickyComment(ctx, ctx.pullNumber, () => markdown(COMMENT_BODY_MAX_BYTES));
  if (ctx.reviewComments) {
    if (ctx.pullNumber && ctx.headSha) await review(ctx, ctx.pullNumber, ctx.headSha);
    else ctx.info('review-comments: this event is not a pull request, so no review is posted.');
  }
  if (ctx.checkRun && ctx.headSha) {
    const run = await publishCheckRun({
      octokit: ctx.octokit,
      owner: ctx.owner,
      repo: ctx.repo,
      headSha: ctx.headSha,
      report: ctx.report,
      summaryMarkdown: markdown(CHECK_SUMMARY_MAX_CHARS)
    });
    if (run.ok) ctx.info(`Check run #${run.id}: ${run.batches} request(s) of annotations.`);
    else ctx.warn(run.warning);
  }
}
