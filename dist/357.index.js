export const id = 357;
export const ids = [357,298];
export const modules = {

/***/ 5357:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  publishPrSurfaces: () => (/* binding */ publishPrSurfaces)
});

// EXTERNAL MODULE: ./src/report/render/annotations.ts
var annotations = __webpack_require__(3613);
;// CONCATENATED MODULE: ./src/github/bound-text.ts
/**
 * Cuts text to a limit measured in UTF-16 code units (what GitHub's character limits count at
 * most), never inside a surrogate pair.
 */
function cutToLength(text, max) {
    if (text.length <= max)
        return text;
    let end = Math.max(0, max);
    const last = text.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff)
        end -= 1; // a high surrogate whose partner would be cut off
    return text.slice(0, end);
}
/** Cuts text to at most `maxBytes` of UTF-8, on a character boundary. */
function cutToUtf8Bytes(text, maxBytes) {
    const bytes = Buffer.from(text, 'utf8');
    if (bytes.length <= maxBytes)
        return text;
    let end = Math.max(0, maxBytes);
    while (end > 0 && (bytes[end] & 0xc0) === 0x80)
        end -= 1; // back off continuation bytes
    return bytes.subarray(0, end).toString('utf8');
}
/**
 * Shortens Markdown to `max` characters including `note`, cutting at a line end when one is near
 * and closing a code fence left open, so the note renders as prose and not inside a code block.
 */
function shortenMarkdown(text, max, note) {
    if (text.length <= max)
        return text;
    let room = max - note.length;
    for (;;) {
        let kept = cutToLength(text, Math.max(0, room));
        // Drop a partial last line (a half table row reads as broken), unless the cut fell on a line end.
        const lineEnd = kept.lastIndexOf('\n');
        const cutMidLine = text[kept.length] !== '\n';
        if (cutMidLine && lineEnd > 0 && lineEnd >= kept.length - 2000)
            kept = kept.slice(0, lineEnd);
        const open = openFence(kept);
        const result = `${kept}${open ? `\n${open}` : ''}${note}`;
        if (result.length <= max || room <= 0)
            return result;
        room -= result.length - max; // make room for the closing fence and cut again
    }
}
/** The fence (e.g. "```") of a code block still open at the end of `text`, if any. */
function openFence(text) {
    let open;
    for (const line of text.split('\n')) {
        const fence = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
        if (!fence)
            continue;
        if (open === undefined)
            open = fence;
        else if (fence[0] === open[0] && fence.length >= open.length && line.trim() === fence)
            open = undefined;
    }
    return open;
}

;// CONCATENATED MODULE: ./src/github/write-failure.ts
/**
 * Turns a failed GitHub write into a warning the gate can print. Posting feedback is a courtesy:
 * on fork pull requests and read-only tokens it fails with 403, and that must never change the
 * verdict, so HTTP failures become text and only programming errors propagate.
 */
/** Octokit's RequestError and anything shaped like it (a numeric `status`). */
function asHttpFailure(err) {
    if (!err || typeof err !== 'object' || typeof err.status !== 'number')
        return undefined;
    const e = err;
    return {
        status: e.status,
        message: typeof e.message === 'string' ? e.message : '',
        headers: e.response?.headers ?? {}
    };
}
/** A one-line warning for an HTTP failure, or undefined when `err` is not one (then rethrow it). */
function describeWriteFailure(err, attempt) {
    const failure = asHttpFailure(err);
    if (!failure)
        return undefined;
    const { status, headers } = failure;
    const could = `Could not ${attempt.verb ?? 'write'} ${attempt.what}`;
    if ((status === 403 || status === 429) &&
        (headers['x-ratelimit-remaining'] === '0' || headers['retry-after'] !== undefined)) {
        return `${could}: GitHub's API rate limit was reached (HTTP ${status}). The verdict is unchanged.`;
    }
    if (status === 403 || status === 404) {
        return (`${could} (HTTP ${status}): the token lacks \`${attempt.permission}\`. ` +
            `Grant it in the job's \`permissions:\`; on pull requests from forks the token is read-only, ` +
            'so post from a `workflow_run` follow-up instead. The verdict is unchanged.');
    }
    // GitHub's messages are fixed strings about the request, not PR content; keep one line.
    const detail = failure.message.split(/\r?\n/, 1)[0].slice(0, 200);
    return `${could} (HTTP ${status}${detail ? `: ${detail}` : ''}). The verdict is unchanged.`;
}

// EXTERNAL MODULE: ./src/text/thousands.ts
var thousands = __webpack_require__(1324);
;// CONCATENATED MODULE: ./src/github/check-run.ts




/** Annotations the Checks API takes per request. */
const ANNOTATIONS_PER_REQUEST = 50;
/**
 * Annotations one check run carries at most (20 requests). A job's GITHUB_TOKEN may make 1,000
 * requests an hour per repository: the 5,000 a scan of 250,000 findings would take could never all be sent.
 */
const MAX_CHECK_ANNOTATIONS = 1_000;
/** `output.summary` and `output.text` limit (characters). */
const CHECK_SUMMARY_MAX_CHARS = 65_535;
/** `message` and `raw_details` limit per annotation. */
const ANNOTATION_TEXT_MAX_BYTES = 64 * 1024;
/** Long enough for any title the gate writes; GitHub does not document a tighter one. */
const TITLE_MAX_CHARS = 255;
/** success: passed with nothing to say; neutral: passed, but there are findings; failure: failed. */
function checkConclusion(report) {
    if (report.result === 'fail')
        return 'failure';
    const { errors, warnings, notices } = report.counts;
    return errors + warnings + notices > 0 ? 'neutral' : 'success';
}
/** "Failed: 2 errors, 1 warning" — counts only, so no PR text reaches the title. */
function checkTitle(report) {
    const { errors, warnings, notices, waived } = report.counts;
    const parts = [
        [errors, 'error'],
        [warnings, 'warning'],
        [notices, 'notice'],
        [waived, 'waived']
    ]
        .filter(([n]) => n > 0)
        .map(([n, word]) => `${n} ${word}${word !== 'waived' && n !== 1 ? 's' : ''}`);
    const verdict = report.result === 'fail' ? 'Failed' : 'Passed';
    return parts.length ? `${verdict}: ${parts.join(', ')}` : `${verdict}: no findings`;
}
/** One Checks API annotation per finding; a waived finding is a notice that says why it is allowed. */
function toCheckRunAnnotation(f) {
    // The API rejects lines below 1 and an end before the start.
    const startLine = Math.max(1, f.line);
    const endLine = Math.max(startLine, f.endLine);
    const sameLine = startLine === endLine;
    const level = f.waived ? 'notice' : f.severity === 'error' ? 'failure' : f.severity;
    return {
        path: f.path,
        start_line: startLine,
        end_line: endLine,
        // GitHub refuses columns on an annotation that spans lines.
        ...(sameLine ? { start_column: Math.max(1, f.column), end_column: Math.max(1, f.column, f.endColumn) } : {}),
        annotation_level: level,
        title: f.ruleId.slice(0, TITLE_MAX_CHARS),
        message: cutToUtf8Bytes(`${(0,annotations/* waivedPrefix */.N)(f)}${f.message}`, ANNOTATION_TEXT_MAX_BYTES),
        raw_details: cutToUtf8Bytes(f.fix, ANNOTATION_TEXT_MAX_BYTES)
    };
}
function boundSummary(markdown, findings) {
    const note = '\n\n_Shortened to fit the check run page; the job summary and the JSON report have everything._\n';
    if (findings <= MAX_CHECK_ANNOTATIONS)
        return shortenMarkdown(markdown, CHECK_SUMMARY_MAX_CHARS, note);
    const capped = `\n\n_The first ${(0,thousands/* thousands */.o)(MAX_CHECK_ANNOTATIONS)} of ${(0,thousands/* thousands */.o)(findings)} ` +
        'findings are annotated here (errors first): each 50 take one API request, and a job may make about 1,000 ' +
        'an hour. The JSON report (`report-file`) has every finding._\n';
    return shortenMarkdown(markdown, CHECK_SUMMARY_MAX_CHARS - capped.length, note) + capped;
}
/**
 * The first MAX_CHECK_ANNOTATIONS findings as annotations, 50 per request (one empty batch when there
 * are none), made as they are sent.
 */
function* annotationBatches(report) {
    let batch = [];
    let taken = 0;
    for (const finding of report.findings) {
        if (taken++ === MAX_CHECK_ANNOTATIONS)
            break;
        batch.push(toCheckRunAnnotation(finding));
        if (batch.length === ANNOTATIONS_PER_REQUEST) {
            yield batch;
            batch = [];
        }
    }
    if (batch.length > 0 || report.findings.length === 0)
        yield batch;
}
/**
 * Creates the check run (in progress), then sends the annotations in batches of 50; the last
 * request completes it with the conclusion. Report findings are already sorted errors first, so a
 * capped run keeps the ones that fail the gate.
 */
async function publishCheckRun(options) {
    const { octokit, owner, repo, headSha, report, name = 'Lineage Gate' } = options;
    const attempt = { what: `the check run "${name}"`, permission: 'checks: write' };
    const output = { title: checkTitle(report), summary: boundSummary(options.summaryMarkdown, report.findings.length) };
    const annotated = Math.min(report.findings.length, MAX_CHECK_ANNOTATIONS);
    const batchCount = Math.max(1, Math.ceil(annotated / ANNOTATIONS_PER_REQUEST));
    let id;
    try {
        const created = await octokit.rest.checks.create({
            owner,
            repo,
            name,
            head_sha: headSha,
            status: 'in_progress',
            output
        });
        id = created.data.id;
        let index = 0;
        for (const batch of annotationBatches(report)) {
            const last = ++index === batchCount;
            await octokit.rest.checks.update({
                owner,
                repo,
                check_run_id: id,
                output: { ...output, annotations: batch },
                ...(last
                    ? { status: 'completed', conclusion: checkConclusion(report), completed_at: new Date().toISOString() }
                    : {})
            });
        }
    }
    catch (err) {
        const warning = describeWriteFailure(err, attempt);
        if (warning === undefined)
            throw err;
        if (id === undefined)
            return { ok: false, warning };
        const completed = await completeWithoutAnnotations(options, id, output);
        const outcome = completed
            ? `Check run ${id} was completed with the verdict, but some annotations are missing from it.`
            : `Check run ${id} may be left in progress.`;
        return { ok: false, warning: `${warning} ${outcome}` };
    }
    return { ok: true, id, batches: batchCount };
}
/**
 * After a batch failed, one last request that completes the run with the verdict, so it does not
 * sit "in progress" on the pull request; false when that fails too (e.g. the token lost access).
 */
async function completeWithoutAnnotations(options, id, output) {
    const { octokit, owner, repo, report } = options;
    const note = '\n\n_Some annotations could not be sent to this check run; ' +
        'the job summary counts every finding, and the JSON report (`report-file`) lists them._\n';
    try {
        await octokit.rest.checks.update({
            owner,
            repo,
            check_run_id: id,
            status: 'completed',
            conclusion: checkConclusion(report),
            completed_at: new Date().toISOString(),
            output: {
                title: output.title,
                summary: shortenMarkdown(output.summary, CHECK_SUMMARY_MAX_CHARS - note.length, '') + note
            }
        });
        return true;
    }
    catch {
        return false;
    }
}

// EXTERNAL MODULE: ./src/collections/sequence.ts
var sequence = __webpack_require__(7152);
// EXTERNAL MODULE: ./src/changes/patch-lines.ts
var patch_lines = __webpack_require__(9729);
// EXTERNAL MODULE: ./src/report/render/markdown-blocks.ts
var markdown_blocks = __webpack_require__(629);
// EXTERNAL MODULE: ./src/text/plural.ts
var plural = __webpack_require__(573);
;// CONCATENATED MODULE: ./src/github/review-markers.ts
/**
 * Hidden markers that tie a review comment (or a line of a review's body) to one finding's
 * fingerprint, so later runs neither repeat a finding nor leave a fixed one looking open. PR
 * content cannot forge them: everything it supplies is rendered with `<` escaped.
 */
/** Marks the gate's reviews, so their bodies are read back on later runs. */
const REVIEW_MARKER = '<!-- lineage-gate:review -->';
const OPEN = /<!-- lineage-gate:finding ([0-9a-f]{32}) -->/g;
const OPEN_LINE = /<!-- lineage-gate:finding ([0-9a-f]{32}) -->/;
function openMarker(fingerprint) {
    return `<!-- lineage-gate:finding ${fingerprint} -->`;
}
function resolvedMarker(fingerprint) {
    return `<!-- lineage-gate:resolved ${fingerprint} -->`;
}
const RESOLVED = /<!-- lineage-gate:resolved [0-9a-f]{32} -->/;
/** Whether a text shows a finding the gate has marked resolved. */
function hasResolvedMarker(text) {
    return RESOLVED.test(text);
}
/** Fingerprints of the findings a text still shows as open (resolved ones carry another marker). */
function openFingerprints(text) {
    return [...text.matchAll(OPEN)].map((m) => m[1]);
}
function resolvedNote(sha) {
    return `✅ **Resolved**${sha ? ` at ${sha.slice(0, 7)}` : ''}: lineage-gate no longer reports this finding.`;
}
/** An inline comment rewritten to say its finding is fixed, keeping the original text folded. */
function resolveCommentBody(body, fingerprint, sha) {
    const original = body.split(openMarker(fingerprint)).join('').trim();
    return [
        resolvedMarker(fingerprint),
        resolvedNote(sha),
        '',
        '<details><summary>Original finding</summary>',
        '',
        original,
        '',
        '</details>'
    ].join('\n');
}
/**
 * A review body with the list items of fixed findings struck through and marked resolved. Each
 * finding is one line (`- <marker> …`), so striking the rest of the line is safe Markdown.
 */
function resolveBodyLines(body, fixed, sha) {
    return body
        .split('\n')
        .map((line) => {
        const fingerprint = OPEN_LINE.exec(line)?.[1];
        if (!fingerprint || !fixed.has(fingerprint))
            return line;
        const item = line.replace(/^- /, '').replace(openMarker(fingerprint), '').trim();
        return `- ${resolvedMarker(fingerprint)}~~${item}~~<br>${resolvedNote(sha)}`;
    })
        .join('\n');
}

;// CONCATENATED MODULE: ./src/github/review-threads.ts
/** Threads read at most (100 per page), like the comment listings. */
const MAX_PAGES = 30;
const THREADS = `query LineageGateThreads($owner: String!, $repo: String!, $number: Int!, $cursor: String) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      reviewThreads(first: 100, after: $cursor) {
        pageInfo { hasNextPage endCursor }
        nodes { id isResolved viewerCanResolve comments(first: 1) { nodes { databaseId } } }
      }
    }
  }
}`;
const RESOLVE = `mutation LineageGateResolve($thread: ID!) {
  resolveReviewThread(input: { threadId: $thread }) { thread { id isResolved } }
}`;
/** Resolves the open threads whose first comment is one of `commentIds`. */
async function resolveThreads(octokit, owner, repo, pullNumber, commentIds) {
    const result = { resolved: 0, notAllowed: 0 };
    if (commentIds.size === 0)
        return result;
    let cursor = null;
    for (let page = 0; page < MAX_PAGES; page++) {
        const data = await octokit.graphql(THREADS, { owner, repo, number: pullNumber, cursor });
        const threads = data.repository?.pullRequest?.reviewThreads;
        if (!threads)
            break;
        for (const thread of threads.nodes ?? []) {
            const first = thread?.comments.nodes?.[0]?.databaseId;
            if (!thread || thread.isResolved || first === null || first === undefined || !commentIds.has(first))
                continue;
            if (!thread.viewerCanResolve) {
                result.notAllowed++;
                continue;
            }
            await octokit.graphql(RESOLVE, { thread: thread.id });
            result.resolved++;
        }
        if (!threads.pageInfo.hasNextPage || !threads.pageInfo.endCursor)
            break;
        cursor = threads.pageInfo.endCursor;
    }
    return result;
}

;// CONCATENATED MODULE: ./src/github/token-identity.ts
/** One question per client: the sticky comment and the review both need the answer. */
const asked = new WeakMap();
/** The token's login, or undefined when GitHub does not say (callers then fall back to the marker alone). */
function tokenLogin(octokit) {
    let login = asked.get(octokit);
    if (!login) {
        login = askViewer(octokit);
        asked.set(octokit, login);
    }
    return login;
}
async function askViewer(octokit) {
    try {
        const data = await octokit.graphql('query LineageGateViewer { viewer { login } }');
        return data.viewer.login || undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * Whether `user` is the account `login` names; `github-actions[bot]` (REST) and `github-actions`
 * (GraphQL) are the same.
 */
function isByLogin(user, login) {
    if (!user)
        return false;
    const bare = (name) => name.toLowerCase().replace(/\[bot\]$/, '');
    return bare(user.login) === bare(login);
}

;// CONCATENATED MODULE: ./src/github/sticky-comment.ts




const STICKY_MARKER = '<!-- lineage-gate:sticky -->';
/** GitHub's limit on an issue comment body (characters). */
const COMMENT_MAX_CHARS = 65_536;
/**
 * Room for the report below the marker line. Renderers bound UTF-8 bytes, and a UTF-8 byte count
 * is never below the UTF-16 length GitHub counts, so a body within this many bytes fits.
 */
const COMMENT_BODY_MAX_BYTES = COMMENT_MAX_CHARS - STICKY_MARKER.length - 1;
/** Comments read at most (100 per page) while looking for the marker, so a huge thread cannot stall the gate. */
const MAX_COMMENT_PAGES = 50;
const READ = { what: 'the pull request comments', permission: 'pull-requests: read', verb: 'read' };
const WRITE = { what: 'the pull request comment', permission: 'pull-requests: write' };
/**
 * on-failure: comment when the gate fails, and keep an earlier comment current when a later run
 * passes (so it says passed instead of showing a stale failure); always / never: as named.
 */
function shouldComment(mode, report, existing) {
    if (mode === 'never')
        return false;
    if (mode === 'always')
        return true;
    return report.result === 'fail' || existing;
}
/**
 * The comment carrying the marker. Anyone can paste the marker, so only a comment by the token's
 * own account counts; when GitHub does not say which account that is, a bot's comment is
 * preferred (the gate posts as a bot), and among those the oldest, the one first posted.
 */
async function findStickyComment(target) {
    const { octokit, owner, repo, issueNumber, marker = STICKY_MARKER } = target;
    const login = await tokenLogin(octokit);
    let first = null;
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
                if (!comment.body?.includes(marker))
                    continue;
                if (login !== undefined && !isByLogin(comment.user, login))
                    continue;
                const found = { id: comment.id, byBot: comment.user?.type === 'Bot' };
                if (found.byBot)
                    return { ok: true, comment: found };
                first ??= found;
            }
            if (++pages >= MAX_COMMENT_PAGES)
                break;
        }
    }
    catch (err) {
        const warning = describeWriteFailure(err, READ);
        if (warning === undefined)
            throw err;
        return { ok: false, warning };
    }
    return { ok: true, comment: first };
}
/**
 * The body as posted: the marker on the first line (added when missing, and kept when the body is
 * shortened) and at most 65,536 characters, with a visible note when something was cut.
 */
function boundCommentBody(body, marker = STICKY_MARKER) {
    const withMarker = body.includes(marker) ? body : `${marker}\n${body}`;
    if (withMarker.length <= COMMENT_MAX_CHARS)
        return withMarker;
    const rest = body.split(marker).join('');
    const note = `\n\n> [!NOTE]\n> This comment was shortened to fit GitHub's ` +
        `${(0,thousands/* thousands */.o)(COMMENT_MAX_CHARS)}-character limit; the job summary has the full report.\n`;
    return `${marker}\n${shortenMarkdown(rest.replace(/^\n+/, ''), COMMENT_MAX_CHARS - marker.length - 1, note)}`;
}
/** Edits the marked comment in place, or posts it when there is none. */
async function upsertStickyComment(options) {
    const { octokit, owner, repo, issueNumber, marker = STICKY_MARKER } = options;
    let existing = options.existing;
    if (existing === undefined) {
        const found = await findStickyComment(options);
        if (!found.ok)
            return found;
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
    }
    catch (err) {
        const warning = describeWriteFailure(err, WRITE);
        if (warning === undefined)
            throw err;
        return { ok: false, warning };
    }
}

;// CONCATENATED MODULE: ./src/github/review-comments.ts
/**
 * One pull request review per run: findings on lines the diff shows become line comments, the
 * others are listed in the review's body. Findings posted by an earlier run (known by the
 * fingerprint markers) are not posted again; those no longer reported are marked resolved.
 */









/** Line comments per review at most; more would bury the conversation (the rest go to the body). */
const MAX_LINE_COMMENTS = 50;
/**
 * Earlier comments rewritten as resolved per run at most: each edit counts against GitHub's
 * content-creation limit, and the comments left open are rewritten by the next run.
 */
const MAX_RESOLVE_EDITS = 50;
/** Pages (100 each) of review comments and of reviews read while looking for earlier markers. */
const review_comments_MAX_PAGES = 30;
/** Room kept in the body for the heading and the closing note. */
const BODY_RESERVE = 2_000;
const review_comments_READ = { what: 'the pull request reviews', permission: 'pull-requests: read', verb: 'read' };
const review_comments_WRITE = { what: 'the pull request review', permission: 'pull-requests: write' };
/** Errors and warnings that are not waived: what a reviewer should act on. Notices stay in the summary. */
function reviewable(report) {
    const seen = new Set();
    return (0,sequence/* filterOf */.KV)(report.findings, (f) => {
        if (f.waived || f.severity === 'notice' || seen.has(f.fingerprint))
            return false;
        seen.add(f.fingerprint);
        return true;
    });
}
async function readPosted(o) {
    const { octokit, owner, repo, pullNumber } = o;
    // Anyone can paste a marker: only the token's own comments count (all, when GitHub does not say who that is).
    const login = await tokenLogin(octokit);
    const ours = (user) => login === undefined || isByLogin(user, login);
    const posted = [];
    const resolvedComments = [];
    const keep = (kind, id, body) => {
        const fingerprints = body ? openFingerprints(body) : [];
        if (fingerprints.length)
            posted.push({ kind, id, body: body, fingerprints });
    };
    let pages = 0;
    for await (const page of octokit.paginate.iterator(octokit.rest.pulls.listReviewComments, {
        owner,
        repo,
        pull_number: pullNumber,
        per_page: 100
    })) {
        for (const c of page.data) {
            if (!ours(c.user))
                continue;
            keep('comment', c.id, c.body);
            if (hasResolvedMarker(c.body))
                resolvedComments.push(c.id);
        }
        if (++pages >= review_comments_MAX_PAGES)
            break;
    }
    pages = 0;
    for await (const page of octokit.paginate.iterator(octokit.rest.pulls.listReviews, {
        owner,
        repo,
        pull_number: pullNumber,
        per_page: 100
    })) {
        for (const r of page.data)
            if (ours(r.user) && r.body?.includes(REVIEW_MARKER))
                keep('review', r.id, r.body);
        if (++pages >= review_comments_MAX_PAGES)
            break;
    }
    return { posted, resolvedComments };
}
/**
 * Rewrites earlier comments and review bodies whose findings are gone; counts findings, lists
 * rewritten line comments.
 */
async function markResolved(o, posted, current) {
    const { octokit, owner, repo, pullNumber, headSha } = o;
    let resolved = 0;
    const comments = [];
    let edits = 0;
    for (const p of posted) {
        const fixed = new Set(p.fingerprints.filter((fp) => !current.has(fp)));
        if (fixed.size === 0)
            continue;
        if (++edits > MAX_RESOLVE_EDITS)
            break;
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
            }
            else {
                await octokit.rest.pulls.updateReview({
                    owner,
                    repo,
                    pull_number: pullNumber,
                    review_id: p.id,
                    body: resolveBodyLines(p.body, fixed, headSha)
                });
            }
            resolved += fixed.size;
        }
        catch (err) {
            const warning = describeWriteFailure(err, {
                what: `an earlier review ${p.kind} (#${p.id}) to mark it resolved`,
                permission: 'pull-requests: write'
            });
            if (warning === undefined)
                throw err;
            o.warn(warning);
        }
    }
    return { resolved, comments };
}
/** Closes the threads of resolved line comments; a refusal is a warning, never a failure. */
async function closeThreads(o, commentIds) {
    try {
        const done = await resolveThreads(o.octokit, o.owner, o.repo, o.pullNumber, commentIds);
        return { threadsResolved: done.resolved, threadsLeftOpen: done.notAllowed };
    }
    catch (err) {
        const graphqlErrors = err.errors;
        const warning = describeWriteFailure(err, {
            what: 'the review threads of fixed findings',
            permission: 'contents: write',
            verb: 'write'
        }) ??
            (Array.isArray(graphqlErrors)
                ? `Could not resolve the review threads of fixed findings (GraphQL: ${String(graphqlErrors[0]?.message ?? 'error')
                    .split('\n', 1)[0]
                    .slice(0, 200)}). The verdict is unchanged.`
                : undefined);
        if (warning === undefined)
            throw err;
        o.warn(warning);
        return { threadsResolved: 0, threadsLeftOpen: 0 };
    }
}
function lineCommentBody(f, links) {
    return `${openMarker(f.fingerprint)}\n${(0,markdown_blocks/* findingItem */.dY)(f, links).replace(/^- /, '')}`;
}
/** The review's body: a heading, then one marked line per finding outside the diff, as many as fit. */
function reviewBody(inline, outside, links, linesRefused = false) {
    const lines = [REVIEW_MARKER, `### Lineage gate: ${(0,plural/* counted */.h)(inline + outside.length, 'new finding')}`, ''];
    if (inline > 0)
        lines.push(`${(0,plural/* counted */.h)(inline, 'finding')} on changed lines, commented below.`);
    const where = linesRefused
        ? 'listed here, as GitHub would not take line comments on this diff'
        : 'on lines this diff does not show';
    if (outside.length > 0)
        lines.push(`${outside.length === 1 ? 'One finding is' : `${outside.length} findings are`} ${where}:`, '');
    let size = lines.join('\n').length;
    let listed = 0;
    for (const f of outside) {
        const item = (0,markdown_blocks/* findingItem */.dY)(f, links).replace(/^- /, `- ${openMarker(f.fingerprint)} `);
        if (size + item.length + 1 > COMMENT_MAX_CHARS - BODY_RESERVE)
            break;
        lines.push(item);
        size += item.length + 1;
        listed++;
    }
    if (listed < outside.length)
        lines.push('', `…and ${(0,plural/* counted */.h)(outside.length - listed, 'more finding')}: see the job summary; the next run posts them.`);
    return { body: lines.join('\n'), listed };
}
function isUnprocessable(err) {
    return typeof err === 'object' && err !== null && err.status === 422;
}
async function publishReview(o) {
    const { octokit, owner, repo, pullNumber, headSha, links } = o;
    const findings = reviewable(o.report);
    let earlier;
    try {
        earlier = await readPosted(o);
    }
    catch (err) {
        const warning = describeWriteFailure(err, review_comments_READ);
        if (warning === undefined)
            throw err;
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
    if (fresh.length === 0)
        return { ok: true, reviewId: null, lineComments: 0, inBody: 0, ...counts };
    const diffLines = new Map(o.changes.filter((c) => c.diffLines).map((c) => [c.path, c.diffLines]));
    const inline = [];
    const outside = [];
    for (const f of fresh) {
        const ranges = diffLines.get(f.path);
        if (ranges && inline.length < MAX_LINE_COMMENTS && (0,patch_lines/* lineInRanges */.U)(f.line, ranges))
            inline.push(f);
        else
            outside.push(f);
    }
    const create = async (onLines, inBody, linesRefused = false) => {
        const { body, listed } = reviewBody(onLines.length, inBody, links, linesRefused);
        const comments = onLines.map((f) => ({
            path: f.path,
            line: f.line,
            side: 'RIGHT',
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
        return { ok: true, reviewId: review.data.id, lineComments: onLines.length, inBody: listed, ...counts };
    };
    try {
        try {
            return await create(inline, outside);
        }
        catch (err) {
            // A line the API will not take (the diff moved on since the event): post everything in the body.
            if (!isUnprocessable(err) || inline.length === 0)
                throw err;
            o.warn(`GitHub refused line comments on this pull request's diff (HTTP 422); ` +
                `the ${(0,plural/* counted */.h)(inline.length, 'finding')} went into the review's body instead.`);
            return await create([], [...inline, ...outside], true);
        }
    }
    catch (err) {
        const warning = describeWriteFailure(err, review_comments_WRITE);
        if (warning === undefined)
            throw err;
        return { ok: false, warning };
    }
}

// EXTERNAL MODULE: ./src/report/render/markdown.ts
var render_markdown = __webpack_require__(8298);
// EXTERNAL MODULE: ./src/findings/rule-meta.ts
var rule_meta = __webpack_require__(2190);
// EXTERNAL MODULE: ./src/licenses/own-urls.ts
var own_urls = __webpack_require__(6227);
;// CONCATENATED MODULE: ./src/action/pr-surfaces.ts






/** `render` runs only when a comment is written: a passing run without one renders nothing. */
async function stickyComment(ctx, pullNumber, render) {
    const target = { octokit: ctx.octokit, owner: ctx.owner, repo: ctx.repo, issueNumber: pullNumber };
    const found = await findStickyComment(target);
    if (!found.ok)
        return ctx.warn(found.warning);
    if (!shouldComment(ctx.comment, ctx.report, found.comment !== null))
        return;
    const done = await upsertStickyComment({ ...target, body: render(), existing: found.comment });
    if (done.ok)
        ctx.info(`PR comment ${done.action} (#${done.id}).`);
    else
        ctx.warn(done.warning);
}
async function review(ctx, pullNumber, headSha) {
    const links = { docsBase: rule_meta/* DOCS_BASE */.M0, repoUrl: ctx.repoUrl, sha: headSha, isOwnUrl: own_urls.isOwnUrl };
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
    if (!done.ok)
        return ctx.warn(done.warning);
    const threads = done.threadsResolved ? ` and ${done.threadsResolved} conversation thread(s) resolved` : '';
    const resolved = done.resolved || done.threadsResolved ? `; ${done.resolved} earlier finding(s) marked resolved${threads}` : '';
    if (done.threadsLeftOpen) {
        ctx.info(`${done.threadsLeftOpen} conversation thread(s) of fixed findings stay open (their text ` +
            `says resolved): GitHub lets a workflow token resolve threads only with \`contents: write\`.`);
    }
    const again = done.alreadyPosted ? `; ${done.alreadyPosted} already posted by an earlier run` : '';
    if (done.reviewId === null)
        ctx.info(`PR review: nothing new to post${again}${resolved}.`);
    else
        ctx.info(`PR review #${done.reviewId}: ${done.lineComments} line comment(s), ` +
            `${done.inBody} finding(s) in its body${again}${resolved}.`);
}
/** The sticky PR comment, the review and the check run: all optional, all degrade to a warning without permission. */
async function publishPrSurfaces(ctx) {
    // Each surface gets the report shortened to its own limit, so what is left out goes lowest severity first.
    const markdown = (maxBytes) => (0,render_markdown/* renderMarkdown */.G)(ctx.report, { repoUrl: ctx.repoUrl, sha: ctx.headSha, docsBase: rule_meta/* DOCS_BASE */.M0, isOwnUrl: own_urls.isOwnUrl, maxBytes });
    if (ctx.pullNumber && ctx.comment !== 'never')
        await stickyComment(ctx, ctx.pullNumber, () => markdown(COMMENT_BODY_MAX_BYTES));
    if (ctx.reviewComments) {
        if (ctx.pullNumber && ctx.headSha)
            await review(ctx, ctx.pullNumber, ctx.headSha);
        else
            ctx.info('review-comments: this event is not a pull request, so no review is posted.');
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
        if (run.ok)
            ctx.info(`Check run #${run.id}: ${run.batches} request(s) of annotations.`);
        else
            ctx.warn(run.warning);
    }
}


/***/ }),

/***/ 8298:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ renderMarkdown),
/* harmony export */   renderMarkdownChunks: () => (/* binding */ renderMarkdownChunks)
/* harmony export */ });
/* harmony import */ var _collections_sequence_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7152);
/* harmony import */ var _collections_spill_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9484);
/* harmony import */ var _text_compare_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9200);
/* harmony import */ var _build_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4924);
/* harmony import */ var _artifact_table_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3348);
/* harmony import */ var _markdown_blocks_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(629);
/* harmony import */ var _markdown_document_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7310);
/* harmony import */ var _markdown_layout_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(709);
/* harmony import */ var _mermaid_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2312);









/** `--format markdown`: the same document as the job summary, without GitHub's size cap unless asked. */
function renderMarkdown(report, opts) {
    return [...renderMarkdownChunks(report, opts)].join('');
}
/**
 * renderMarkdown in pieces. Without a size limit nothing is left out, so the document is written as
 * it is made, an artifact at a time: a scan of 100,000 manifests writes 230 MB of it, and a million
 * would pass what one string may hold. A limited document is fitted whole (it is small by definition).
 */
function renderMarkdownChunks(report, opts) {
    if (opts.maxBytes !== undefined)
        return [(0,_markdown_document_js__WEBPACK_IMPORTED_MODULE_3__/* .renderMarkdownDocument */ .x)(report, { ...opts, maxBytes: opts.maxBytes })];
    return wholeDocument(report, opts);
}
function* wholeDocument(report, links) {
    const rowCount = report.artifacts.length;
    const placed = placeFindings(report);
    try {
        yield* (0,_markdown_layout_js__WEBPACK_IMPORTED_MODULE_4__/* .layoutChunks */ .DZ)({
            head: (0,_markdown_layout_js__WEBPACK_IMPORTED_MODULE_4__/* .documentHead */ .Kn)(report),
            noArtifacts: rowCount === 0,
            table: rowCount
                ? { rows: (0,_collections_sequence_js__WEBPACK_IMPORTED_MODULE_6__/* .mapped */ .CV)(report.artifacts, _artifact_table_js__WEBPACK_IMPORTED_MODULE_7__/* .artifactRow */ .XV), details: details(report, placed.owed) }
                : undefined,
            diagram: rowCount ? (0,_mermaid_js__WEBPACK_IMPORTED_MODULE_5__/* .lineageDiagram */ .F)(report) : undefined,
            noFindings: report.findings.length === 0 && rowCount > 0,
            groups: report.findings.length ? groups(placed.findings, links) : undefined,
            footer: (0,_markdown_layout_js__WEBPACK_IMPORTED_MODULE_4__/* .documentFooter */ .xb)(report)
        });
    }
    finally {
        placed.findings.dispose();
        placed.owed.dispose();
    }
}
/**
 * The findings in document order (each artifact's in table order, those of a directory with no row
 * after them, each group in report order), and the rows whose artifact owes attribution (a live
 * missing-attribution finding): found by sorting both lists by directory and walking them side by
 * side, through spills, so that neither list is held.
 */
function placeFindings(report) {
    const limit = (0,_build_js__WEBPACK_IMPORTED_MODULE_1__/* .spillLimits */ .jn)().findings;
    const rows = new _collections_spill_js__WEBPACK_IMPORTED_MODULE_0__/* .SortedSpill */ .i((a, b) => (0,_text_compare_js__WEBPACK_IMPORTED_MODULE_8__/* .compareStrings */ .K)(a.dir, b.dir), limit);
    let row = 0;
    for (const a of report.artifacts)
        rows.push({ dir: a.dir, row: row++ });
    // A stable sort: each directory's findings stay in report order, numbered to place a directory with no row.
    const byDir = new _collections_spill_js__WEBPACK_IMPORTED_MODULE_0__/* .SortedSpill */ .i((a, b) => (0,_text_compare_js__WEBPACK_IMPORTED_MODULE_8__/* .compareStrings */ .K)(a.f.artifact, b.f.artifact), limit);
    let n = 0;
    for (const f of report.findings)
        byDir.push({ n: n++, f });
    const findings = new _collections_spill_js__WEBPACK_IMPORTED_MODULE_0__/* .SortedSpill */ .i((a, b) => a.at - b.at, limit);
    const owed = new _collections_spill_js__WEBPACK_IMPORTED_MODULE_0__/* .SortedSpill */ .i((a, b) => a - b, limit);
    const rowsInOrder = rows[Symbol.iterator]();
    let nextRow = rowsInOrder.next();
    let dir;
    let at = 0;
    try {
        for (const { n: first, f } of byDir) {
            if (f.artifact !== dir) {
                dir = f.artifact;
                while (!nextRow.done && (0,_text_compare_js__WEBPACK_IMPORTED_MODULE_8__/* .compareStrings */ .K)(nextRow.value.dir, dir) < 0)
                    nextRow = rowsInOrder.next();
                at = !nextRow.done && nextRow.value.dir === dir ? nextRow.value.row : report.artifacts.length + first;
            }
            if (f.ruleId === 'missing-attribution' && !f.waived && at < report.artifacts.length)
                owed.push(at);
            findings.push({ at, finding: f });
        }
    }
    finally {
        rows.dispose();
        byDir.dispose();
    }
    return { findings, owed };
}
/** Each row's details, told whether its artifact owes attribution (`owed` holds rows in order, maybe twice). */
function* details(report, owed) {
    const owing = owed[Symbol.iterator]();
    let next = owing.next();
    let row = 0;
    for (const a of report.artifacts) {
        while (!next.done && next.value < row)
            next = owing.next();
        yield (0,_artifact_table_js__WEBPACK_IMPORTED_MODULE_7__/* .artifactDetail */ .qr)(a, !next.done && next.value === row);
        row++;
    }
}
/** One artifact's findings at a time (a group is one artifact's, so it is held to count them for its heading). */
function* groups(placed, links) {
    for (const run of (0,_collections_sequence_js__WEBPACK_IMPORTED_MODULE_6__/* .runsOf */ .ky)(placed, (a, b) => a.at === b.at)) {
        const tally = (0,_markdown_blocks_js__WEBPACK_IMPORTED_MODULE_2__/* .emptyTally */ .CK)();
        for (const p of run)
            (0,_markdown_blocks_js__WEBPACK_IMPORTED_MODULE_2__/* .tallyFinding */ .Cn)(tally, p.finding);
        yield {
            heading: (0,_markdown_layout_js__WEBPACK_IMPORTED_MODULE_4__/* .groupHeading */ .Yg)(run[0].finding.artifact, tally),
            items: run.map((p) => (0,_markdown_blocks_js__WEBPACK_IMPORTED_MODULE_2__/* .findingItem */ .dY)(p.finding, links))
        };
    }
}


/***/ })

};

//# sourceMappingURL=357.index.js.map