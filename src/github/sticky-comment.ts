/**
 * One pull request comment per PR, found again on every run by a hidden marker and edited in
 * place, so reviewers get the current verdict without a new comment on each push.
 */
import type { Octokit } from '../changes/octokit.js';
import type { Report } from '../report/report.js';
import { shortenMarkdown } from './bound-text.js';
import { isByLogin, tokenLogin } from './token-identity.js';
import { describeWriteFailure } from './write-failure.js';
import { thousands } from '../text/thousands.js';

export const STICKY_MARKER = '<!-- lineage-gate:sticky -->';
/** GitHub's limit on an issue comment body (characters). */
export const COMMENT_MAX_CHARS = 65_536;
/**
 * Room for the report below the marker line. Renderers bound UTF-8 bytes, and a UTF-8 byte count
 * is never below the UTF-16 length GitHub counts, so a body within this many bytes fits.
 */
export const COMMENT_BODY_MAX_BYTES = COMMENT_MAX_CHARS - STICKY_MARKER.length - 1;
/** Comments read at most (100 per page) while looking for the marker, so a huge thread cannot stall the gate. */
export const MAX_COMMENT_PAGES = 50;

export type CommentMode = 'on-failure' | 'always' | 'never';

export interface StickyComment {
  id: number;
  /** Whether a bot (e.g. github-actions[bot]) wrote it. */
  byBot: boolean;
}

interface CommentTarget {
  octokit: Octokit;
  owner: string;
  repo: string;
  issueNumber: number;
  marker?: string;
}

export interface UpsertStickyCommentOptions extends CommentTarget {
  body: string;
  /** The comment found earlier by `findStickyComment` (null: none); omitted, it is looked up. */
  existing?: StickyComment | null;
}

export type FindStickyCommentResult = { ok: true; comment: StickyComment | null } | { ok: false; warning: string };
export type UpsertStickyCommentResult =
  { ok: true; action: 'created' | 'updated'; id: number } | { ok: false; warning: string };

const READ = { what: 'the pull request comments', permission: 'pull-requests: read', verb: 'read' as const };
const WRITE = { what: 'the pull request comment', permission: 'pull-requests: write' };

/**
 * on-failure: comment when the gate fails, and keep an earlier comment current when a later run
 * passes (so it says passed instead of showing a stale failure); always / never: as named.
 */
export function shouldComment(mode: CommentMode, report: Report, existing: boolean): boolean {
  if (mode === 'never') return false;
  if (mode === 'always') return true;
  return report.result === 'fail' || existing;
}

/**
 * The comment carrying the marker. Anyone can paste the marker, so only a comment by the token's
 * own account counts; when GitHub does not say which account that is, a bot's comment is
 * preferred (the gate posts as a bot), and among those the oldest, the one first posted.
 */
export async function findStickyComment(target: CommentTarget): Promise<FindStickyCommentResult> {
  const { octokit, owner, repo, issueNumber, marker = STICKY_MARKER } = target;
  const login = await tokenLogin(octokit);
  let first: StickyComment | null = null;
  try {
    let pages = 0;
    const iterator = octokit.paginate.iterator(octokit.rest.issues.listComments, {
      owner,
      repo,
      issue_number: issueNumber,
      per_page: 100
    });
    for await (const page of iterator) {
      for (const comment of page.data) {
        if (!comment.body?.includes(marker)) continue;
        if (login !== undefined && !isByLogin(comment.user, login)) continue;
        const found = { id: comment.id, byBot: comment.user?.type === 'Bot' };
        if (found.byBot) return { ok: true, comment: found };
        first ??= found;
      }
      if (++pages >= MAX_COMMENT_PAGES) break;
    }
  } catch (err) {
    const warning = describeWriteFailure(err, READ);
    if (warning === undefined) throw err;
    return { ok: false, warning };
  }
  return { ok: true, comment: first };
}

/**
 * The body as posted: the marker on the first line (added when missing, and kept when the body is
 * shortened) and at most 65,536 characters, with a visible note when something was cut.
 */
export function boundCommentBody(body: string, marker = STICKY_MARKER): string {
  const withMarker = body.includes(marker) ? body : `${marker}\n${body}`;
  if (withMarker.length <= COMMENT_MAX_CHARS) return withMarker;
  const rest = body.split(marker).join('');
  const note =
    `\n\n> [!NOTE]\n> This comment was shortened to fit GitHub's ` +
    `${thousands(COMMENT_MAX_CHARS)}-character limit; the job summary has the full report.\n`;
  return `${marker}\n${shortenMarkdown(rest.replace(/^\n+/, ''), COMMENT_MAX_CHARS - marker.length - 1, note)}`;
}

/** Edits the marked comment in place, or posts it when there is none. */
export async function upsertStickyComment(options: UpsertStickyCommentOptions): Promise<UpsertStickyCommentResult> {
  const { octokit, owner, repo, issueNumber, marker = STICKY_MARKER } = options;
  let existing = options.existing;
  if (existing === undefined) {
    const found = await findStickyComment(options);
    if (!found.ok) return found;
    existing = found.comment;
  }
  const body = boundCommentBody(options.body, marker);
  try {
    if (existing) {
      const updated = await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
      return { ok: true, action: 'updated', id: updated.data.id };
    }
    const created = await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
    return { ok: true, action: 'created', id: created.data.id };
  } catch (err) {
    const warning = describeWriteFailure(err, WRITE);
    if (warning === undefined) throw err;
    return { ok: false, warning };
  }
}
