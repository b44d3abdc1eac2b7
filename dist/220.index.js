export const id = 220;
export const ids = [220,613];
export const modules = {

/***/ 7152:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CV: () => (/* binding */ mapped),
/* harmony export */   KV: () => (/* binding */ filterOf),
/* harmony export */   ky: () => (/* binding */ runsOf),
/* harmony export */   s: () => (/* binding */ take)
/* harmony export */ });
/* unused harmony export filteredView */
/** Each item made into another as it is walked. */
function* mapped(items, f) {
    for (const item of items)
        yield f(item);
}
/** Runs of consecutive items that belong together (`same` of a run's first and the next), each as an array. */
function* runsOf(items, same) {
    let run = [];
    for (const item of items) {
        if (run.length > 0 && !same(run[0], item)) {
            yield run;
            run = [];
        }
        run.push(item);
    }
    if (run.length > 0)
        yield run;
}
/** The first `count` items. */
function* take(items, count) {
    if (count <= 0)
        return;
    let taken = 0;
    for (const item of items) {
        yield item;
        if (++taken >= count)
            return;
    }
}
/**
 * The items that pass `keep`, walked again each time the view is (nothing is copied): for a selection
 * whose size is already known (`length`) and which can be as large as the list.
 */
function filteredView(items, keep, length) {
    return {
        length,
        *[Symbol.iterator]() {
            for (const item of items)
                if (keep(item))
                    yield item;
        }
    };
}
/** The items that pass `keep`, as an array (for selections known to be small, or bounded by the caller). */
function filterOf(items, keep) {
    const out = [];
    for (const item of items)
        if (keep(item))
            out.push(item);
    return out;
}


/***/ }),

/***/ 3613:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MAX_ANNOTATIONS: () => (/* binding */ MAX_ANNOTATIONS),
/* harmony export */   N: () => (/* binding */ waivedPrefix),
/* harmony export */   emitAnnotations: () => (/* binding */ emitAnnotations),
/* harmony export */   toAnnotations: () => (/* binding */ toAnnotations)
/* harmony export */ });
/* harmony import */ var _collections_merge_sorted_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3599);
/* harmony import */ var _collections_sequence_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7152);
/* harmony import */ var _text_compare_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9200);
/* harmony import */ var _findings_finding_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4879);




function toAnnotation(f) {
    const sameLine = f.line === f.endLine;
    return {
        // A waived finding is still shown, but can no longer read as a problem.
        level: f.waived ? 'notice' : f.severity,
        message: `${waivedPrefix(f)}${f.message} Fix: ${f.fix}`,
        properties: {
            title: f.ruleId,
            file: f.path,
            startLine: f.line,
            endLine: f.endLine,
            ...(sameLine ? { startColumn: f.column, endColumn: f.endColumn } : {})
        }
    };
}
const compareAnnotations = (a, b) => _findings_finding_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITY_RANK */ .f[b.level] - _findings_finding_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITY_RANK */ .f[a.level] ||
    (0,_text_compare_js__WEBPACK_IMPORTED_MODULE_1__/* .compareStrings */ .K)(a.properties.file, b.properties.file) ||
    a.properties.startLine - b.properties.startLine ||
    (a.properties.startColumn ?? 0) - (b.properties.startColumn ?? 0);
/**
 * The annotations of the findings `keep` selects, in annotation order. The report's order already
 * agrees on level, file and line; only the column can differ (a finding spanning lines has none), so
 * each run of one level, file and line is sorted again.
 */
function* inAnnotationOrder(findings, keep) {
    const kept = function* () {
        for (const f of findings)
            if (keep(f))
                yield toAnnotation(f);
    };
    const sameLine = (a, b) => a.level === b.level && a.properties.file === b.properties.file && a.properties.startLine === b.properties.startLine;
    for (const run of (0,_collections_sequence_js__WEBPACK_IMPORTED_MODULE_2__/* .runsOf */ .ky)(kept(), sameLine))
        yield* run.sort(compareAnnotations);
}
/**
 * One annotation per finding, errors first, then by file and line: the UI shows only the first
 * few per step, so the ones that fail the gate must come first. Waived findings become notices, so
 * they are merged in among the live notices; the report is walked, never copied.
 */
function toAnnotations(report) {
    const live = inAnnotationOrder(report.findings, (f) => !f.waived);
    // Waived findings sort last in the report: finding the first would walk every other one, so a run
    // that waived nothing (and writes only its first 1,000 annotations) does not look.
    if (report.counts.waived === 0)
        return live;
    return (0,_collections_merge_sorted_js__WEBPACK_IMPORTED_MODULE_3__/* .mergeSorted */ .C)([live, inAnnotationOrder(report.findings, (f) => f.waived)], compareAnnotations);
}
/**
 * Workflow-command annotations a run writes at most. GitHub shows 10 of each level per step (50 per
 * job); past this many, more lines only bury the log (a monorepo scan can find hundreds of thousands).
 */
const MAX_ANNOTATIONS = 1_000;
/**
 * Writes the first `limit` annotations as workflow commands and returns how many it wrote.
 * `@actions/core` escapes the message and the properties (`%`, CR, LF, and `:` `,` in properties),
 * so PR text cannot start a command of its own.
 */
function emitAnnotations(annotations, sink, limit = Infinity) {
    let written = 0;
    for (const a of annotations) {
        if (written === limit)
            break;
        sink[a.level](a.message, { ...a.properties });
        written++;
    }
    return written;
}
/** "[waived until 2026-12-31 (.github/lineage-policy.yml:40): reason] ", so a reviewer sees why it is allowed. */
function waivedPrefix(f) {
    if (!f.waived)
        return '';
    if (!f.waiver)
        return '[waived] ';
    const until = f.waiver.expires ? ` until ${f.waiver.expires}` : '';
    return `[waived${until} by ${f.waiver.file}:${f.waiver.line}: ${f.waiver.reason}] `;
}


/***/ }),

/***/ 752:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $Q: () => (/* binding */ clip),
/* harmony export */   aL: () => (/* binding */ escapeTableCell),
/* harmony export */   fH: () => (/* binding */ safeMarkdown),
/* harmony export */   hR: () => (/* binding */ revealInvisible),
/* harmony export */   jp: () => (/* binding */ gateProse),
/* harmony export */   ti: () => (/* binding */ inlineCode)
/* harmony export */ });
/* unused harmony exports escapeMarkdown, neutraliseMentions */
/**
 * Escaping for text that comes from pull requests (paths, ids, quoted manifest values) before it
 * is placed into Markdown (job summary, `--format markdown`) or a terminal.
 */
/**
 * Characters that can hide or reorder what a reader sees (C0/C1 controls other than line breaks
 * and tab, bidi overrides and isolates, BOM): shown as `<U+202E>` instead of acting.
 */
const INVISIBLE = 
// eslint-disable-next-line no-control-regex -- matching control characters is the point
/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
function revealInvisible(text) {
    return text.replace(INVISIBLE, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
}
const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029/g;
/**
 * Escapes text for inline Markdown: nothing in it can open markup, a link, raw HTML or a new block.
 * Line breaks become `<br>` so the text stays inside the paragraph, list item or cell it was put in.
 * `|` becomes an entity rather than `\|`, so a preceding backslash cannot turn it back into a
 * table-cell separator in any GFM parser.
 */
function escapeMarkdown(text) {
    return revealInvisible(text)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/[\\`*_[\]()#~!{}]/g, '\\$&')
        .replace(/\|/g, '&#124;') // after the backslash escapes, which would break the entity's `#`
        .replace(/^(\s*)([-+=])/, '$1\\$2')
        .replace(/^(\s*\d+)\./, '$1\\.')
        .replace(/\t/g, ' ')
        .replace(LINE_BREAK, '<br>');
}
/**
 * Makes already-rendered Markdown safe inside a table cell: a raw `|` would end the cell, a line
 * break the row. GFM honours `\|` even inside code spans, and removes the backslash there.
 */
function escapeTableCell(markdown) {
    return markdown.replace(LINE_BREAK, '<br>').replace(/\|/g, '\\|');
}
/**
 * Stops `@user`, `@org/team` and `@everyone` from notifying anyone: a zero-width space after the
 * `@` keeps the text readable but no longer a mention.
 */
function neutraliseMentions(text) {
    return text.replace(/@(?=[A-Za-z0-9_-])/g, '@\u200B');
}
/** Escaped, mention-free Markdown for any untrusted prose. */
function safeMarkdown(text) {
    return neutraliseMentions(escapeMarkdown(text));
}
/**
 * A code span that shows `text` verbatim, whatever backticks it holds: the fence is one backtick
 * longer than the longest run inside, and padded with a space where CommonMark would otherwise
 * merge a leading/trailing backtick into the fence or strip a meaningful space. Line breaks become
 * spaces (as CommonMark does inside code spans) so a blank line cannot end the span early.
 */
function inlineCode(text) {
    const body = revealInvisible(text).replace(LINE_BREAK, ' ').replace(/\t/g, ' ');
    if (body === '')
        return '` `';
    const longestRun = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longestRun + 1);
    const pad = /^[` ]|[` ]$/.test(body) && body.trim() !== '' ? ' ' : '';
    return `${fence}${pad}${body}${pad}${fence}`;
}
/** Shortens text to at most `max` characters (bounds what one value can cost in a rendering). */
function clip(text, max) {
    if (text.length <= max)
        return text;
    let end = Math.max(0, max - 1);
    if (/[\uD800-\uDBFF]/.test(text.charAt(end - 1)))
        end -= 1; // never split a surrogate pair
    return `${text.slice(0, end)}…`;
}
/** A code span the gate wrote around a name or value (`base_model`, `licenses.deny`): one line, no backticks. */
const GATE_CODE_SPAN = /`([^`\n]+)`/g;
/** A bare https URL in a message; trailing sentence punctuation is not part of it. */
const BARE_URL = /https:\/\/[^\s<>"'`\\]+/g;
const TRAILING_PUNCTUATION = /[.,;:!?)\]]+$/;
/** Plain text of a message: escaped; URLs the gate does not vouch for become inert code, not broken links. */
function proseText(text, isOwnUrl) {
    let out = '';
    let last = 0;
    for (const m of text.matchAll(BARE_URL)) {
        const url = m[0].replace(TRAILING_PUNCTUATION, '');
        out += safeMarkdown(text.slice(last, m.index));
        // `<url>` keeps a URL whole (no escapes inside it, which GitHub would turn into %5C); only the gate's own.
        out += isOwnUrl(url) ? `<${url}>` : inlineCode(url);
        last = m.index + url.length;
    }
    return out + safeMarkdown(text.slice(last));
}
/**
 * A finding's message or fix: the gate's wording with values from the pull request spliced in. The
 * gate's own code spans stay code spans (their content verbatim, as `inlineCode` shows it: inert
 * whatever a PR value put there) and its own URLs (`isOwnUrl`: the license sources it ships) stay
 * links; everything else is escaped as PR content. An unpaired backtick is escaped like any other.
 */
function gateProse(text, isOwnUrl = () => false) {
    let out = '';
    let last = 0;
    for (const m of text.matchAll(GATE_CODE_SPAN)) {
        out += proseText(text.slice(last, m.index), isOwnUrl) + inlineCode(m[1]);
        last = m.index + m[0].length;
    }
    return out + proseText(text.slice(last), isOwnUrl);
}


/***/ }),

/***/ 2220:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderText: () => (/* binding */ renderText),
/* harmony export */   renderTextChunks: () => (/* binding */ renderTextChunks),
/* harmony export */   shouldColor: () => (/* binding */ shouldColor),
/* harmony export */   terminalSafe: () => (/* binding */ terminalSafe)
/* harmony export */ });
/* harmony import */ var _annotations_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3613);
/* harmony import */ var _text_compare_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9200);
/* harmony import */ var _findings_finding_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4879);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(752);
/* harmony import */ var _text_plural_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(573);
/* harmony import */ var _text_thousands_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(1324);
/* harmony import */ var _collections_spill_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9484);
/* harmony import */ var _collections_sequence_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7152);
/* harmony import */ var _build_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4924);









/**
 * Colour when the stream is a terminal, unless NO_COLOR (non-empty) or NODE_DISABLE_COLORS says
 * otherwise; FORCE_COLOR overrides both ways (`0`/`false` off, anything else on), as in Node.
 */
function shouldColor(stream, env) {
    const force = env.FORCE_COLOR;
    if (force !== undefined)
        return force !== '0' && force.toLowerCase() !== 'false';
    if (env.NO_COLOR || env.NODE_DISABLE_COLORS)
        return false;
    return stream.isTTY === true && env.TERM !== 'dumb';
}
const SGR = {
    red: [31, 39],
    yellow: [33, 39],
    cyan: [36, 39],
    green: [32, 39],
    dim: [2, 22],
    bold: [1, 22],
    underline: [4, 24]
};
const SEVERITY_STYLE = { error: 'red', warning: 'yellow', notice: 'cyan' };
const ESCAPES = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
/**
 * One terminal-safe line from PR text: control characters (ANSI escapes included) and line breaks
 * are shown escaped, bidi controls revealed, and `##[` broken so a runner reading this output
 * cannot take it for a legacy workflow command.
 */
function terminalSafe(text) {
    const escaped = text.replace(
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    return (0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .revealInvisible */ .hR)(escaped).replace(/##\[/g, '##\u200B[');
}
/** A line that starts with PR text must not start with `::` (a workflow command, after leading blanks). */
function lineStartSafe(text) {
    return text.replace(/^(\s*):(?=:)/, '$1:\u200B');
}
function compareInFile(a, b) {
    return (a.line - b.line ||
        a.column - b.column ||
        _findings_finding_js__WEBPACK_IMPORTED_MODULE_1__/* .SEVERITY_RANK */ .f[b.severity] - _findings_finding_js__WEBPACK_IMPORTED_MODULE_1__/* .SEVERITY_RANK */ .f[a.severity] ||
        (0,_text_compare_js__WEBPACK_IMPORTED_MODULE_5__/* .compareStrings */ .K)(a.ruleId, b.ruleId));
}
/** Files in path order, each with its findings by position: sorted through a spill, so no run holds them all. */
function* byFile(findings) {
    const sorted = new _collections_spill_js__WEBPACK_IMPORTED_MODULE_2__/* .SortedSpill */ .i((a, b) => (0,_text_compare_js__WEBPACK_IMPORTED_MODULE_5__/* .compareStrings */ .K)(a.path, b.path) || compareInFile(a, b), (0,_build_js__WEBPACK_IMPORTED_MODULE_3__/* .spillLimits */ .jn)().findings);
    for (const f of findings)
        sorted.push(f);
    try {
        for (const group of (0,_collections_sequence_js__WEBPACK_IMPORTED_MODULE_6__/* .runsOf */ .ky)(sorted, (a, b) => a.path === b.path))
            yield [group[0].path, group];
    }
    finally {
        sorted.dispose();
    }
}
function totals(report) {
    const { counts } = report;
    const artifacts = (0,_text_plural_js__WEBPACK_IMPORTED_MODULE_7__/* .counted */ .h)(counts.artifacts, 'artifact');
    const waived = counts.waived ? ` (${(0,_text_thousands_js__WEBPACK_IMPORTED_MODULE_8__/* .thousands */ .o)(counts.waived)} waived)` : '';
    if (counts.errors + counts.warnings + counts.notices === 0)
        return `✔ no lineage problems in ${artifacts}${waived}`;
    const symbol = report.result === 'fail' ? '✖' : '⚠';
    const tally = `${(0,_text_plural_js__WEBPACK_IMPORTED_MODULE_7__/* .counted */ .h)(counts.errors, 'error')}, ` +
        `${(0,_text_plural_js__WEBPACK_IMPORTED_MODULE_7__/* .counted */ .h)(counts.warnings, 'warning')}, ${(0,_text_plural_js__WEBPACK_IMPORTED_MODULE_7__/* .counted */ .h)(counts.notices, 'notice')}`;
    return (`${symbol} ${tally} in ${artifacts}${waived} — gate ` +
        `${report.result === 'fail' ? 'fails' : 'passes'} (fail-on: ${report.failOn})`);
}
/** Human output for the CLI: findings grouped by file, each with its fix, then the tally. */
function renderText(report, opts) {
    return [...renderTextChunks(report, opts)].join('');
}
/** renderText a file at a time: a scan of a million manifests prints more text than one string may hold. */
function* renderTextChunks(report, opts) {
    const paint = (style, text) => opts.color ? `\u001b[${SGR[style][0]}m${text}\u001b[${SGR[style][1]}m` : text;
    for (const [path, findings] of byFile(report.findings)) {
        const rows = findings.map((f) => ({
            f,
            position: `${f.line}:${f.column}`,
            severity: f.severity,
            message: terminalSafe(`${(0,_annotations_js__WEBPACK_IMPORTED_MODULE_0__/* .waivedPrefix */ .N)(f)}${f.message}`)
        }));
        // A loop, not Math.max(...list): one file may hold more findings than a call takes arguments.
        const posWidth = rows.reduce((w, r) => Math.max(w, r.position.length), 0);
        const sevWidth = rows.reduce((w, r) => Math.max(w, r.severity.length), 0);
        const indent = ' '.repeat(2 + posWidth + 2 + sevWidth + 2);
        const lines = [paint('underline', lineStartSafe(terminalSafe(path)))];
        for (const r of rows) {
            const severity = paint(r.f.waived ? 'dim' : SEVERITY_STYLE[r.severity], r.severity.padEnd(sevWidth));
            const message = r.f.waived ? paint('dim', r.message) : r.message;
            lines.push(`  ${paint('dim', r.position.padEnd(posWidth))}  ${severity}  ` +
                `${message}  ${paint('dim', terminalSafe(r.f.ruleId))}`);
            lines.push(`${indent}${paint('dim', 'fix:')} ${terminalSafe(r.f.fix)}`);
        }
        yield `${lines.join('\n')}\n\n`;
    }
    const notes = report.run.notes.map((note) => `note: ${terminalSafe(note)}\n`);
    if (notes.length)
        yield `${notes.join('')}\n`;
    const summary = totals(report);
    const clean = report.counts.errors + report.counts.warnings + report.counts.notices === 0;
    yield `${paint('bold', paint(report.result === 'fail' ? 'red' : clean ? 'green' : 'yellow', summary))}\n`;
}


/***/ })

};

//# sourceMappingURL=220.index.js.map