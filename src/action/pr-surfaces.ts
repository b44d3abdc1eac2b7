import type { getOctokit } from '@actions/github';
import { publishCheckRun } from '../github/check-run.js';
import { findStickyComment, shouldComment, upsertStickyComment, type CommentMode } from '../github/sticky-comment.js';
import type { Report } from '../report/report.js';
import { renderMarkdown } from '../report/render/markdown.js';
import { DOCS_BASE } from '../rules/engine.js';

export interface SurfaceContext {
  octokit: ReturnType<typeof getOctokit>;
  owner: string;
  repo: string;
  /** Pull request number, when the event is one. */
  pullNumber?: number;
  headSha?: string;
  repoUrl?: string;
  report: Report;
  comment: CommentMode;
  checkRun: boolean;
  /** Where informational lines and warnings go (a surface that cannot be written is a warning, never a failure). */
  info: (message: string) => void;
  warn: (message: string) => void;
}

/** The sticky PR comment and the check run: both optional, both degrade to a warning without permission. */
export async function publishPrSurfaces(ctx: SurfaceContext): Promise<void> {
  const markdown = renderMarkdown(ctx.report, { repoUrl: ctx.repoUrl, sha: ctx.headSha, docsBase: DOCS_BASE });
  if (ctx.pullNumber && ctx.comment !== 'never') {
    const target = { octokit: ctx.octokit, owner: ctx.owner, repo: ctx.repo, issueNumber: ctx.pullNumber };
    const found = await findStickyComment(target);
    if (!found.ok) ctx.warn(found.warning);
    else if (shouldComment(ctx.comment, ctx.report, found.comment !== null)) {
      const done = await upsertStickyComment({ ...target, body: markdown, existing: found.comment });
      if (done.ok) ctx.info(`PR comment ${done.action} (#${done.id}).`);
      else ctx.warn(done.warning);
    }
  }
  if (ctx.checkRun && ctx.headSha) {
    const run = await publishCheckRun({ octokit: ctx.octokit, owner: ctx.owner, repo: ctx.repo, headSha: ctx.headSha, report: ctx.report, summaryMarkdown: markdown });
    if (run.ok) ctx.info(`Check run #${run.id}: ${run.batches} request(s) of annotations.`);
    else ctx.warn(run.warning);
  }
}
