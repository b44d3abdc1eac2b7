export const id = 310;
export const ids = [310,613];
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

/***/ 3348:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R1: () => (/* binding */ ARTIFACT_TABLE_HEAD),
/* harmony export */   XV: () => (/* binding */ artifactRow),
/* harmony export */   f6: () => (/* binding */ ARTIFACT_DETAILS_OPEN),
/* harmony export */   pC: () => (/* binding */ ARTIFACT_DETAILS_CLOSE),
/* harmony export */   qr: () => (/* binding */ artifactDetail)
/* harmony export */ });
/* unused harmony export attributionText */
/* harmony import */ var _findings_rule_meta_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2190);
/* harmony import */ var _lineage_hub_id_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2534);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(752);



/**
 * The artifact table of the summary and the PR comment, and the details under it. The table is
 * sized for a PR comment (~760 px): status first, one short line per artifact, each upstream named
 * once; the evidence behind each upstream, the manifests and the attribution go in a `<details>`.
 */
// Caps on what one PR-supplied value or list may cost, so no single entry can eat the document.
const MAX_VALUE = 300;
const MAX_LIST = 20;
/** Upstreams named in one table cell before "+N more": the details list them all. */
const MAX_CELL_UPSTREAMS = 3;
/** A license's human name in the table; the details show it whole. */
const MAX_CELL_LICENSE_NAME = 40;
/** Attribution notices are a sentence or two; the details show their start, the manifests the rest. */
const MAX_ATTRIBUTION = 120;
/** Where the pedigree id is defined, linked from each artifact's entry. */
const PEDIGREE_DOC = `${_findings_rule_meta_js__WEBPACK_IMPORTED_MODULE_0__/* .TOOL_URI */ .qH}/blob/main/docs/pedigree.md`;
const ARTIFACT_TABLE_HEAD = '| Status | Artifact | Upstream | License |\n| --- | --- | --- | --- |';
const ARTIFACT_DETAILS_OPEN = '<details><summary>Manifests, upstream evidence and attribution</summary>';
const ARTIFACT_DETAILS_CLOSE = '</details>';
function code(value) {
    return (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .inlineCode */ .ti)((0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)(value, MAX_VALUE));
}
/** At most MAX_LIST entries, then how many more there were. */
function capped(entries, separator) {
    const shown = entries.slice(0, MAX_LIST);
    if (entries.length > MAX_LIST)
        shown.push(`…and ${entries.length - MAX_LIST} more`);
    return shown.length ? shown.join(separator) : '—';
}
/** Manifest path relative to its artifact's directory, which the row already names. */
function withinDir(dir, path) {
    if (dir === '.' || dir === '')
        return path;
    return path.startsWith(`${dir}/`) ? path.slice(dir.length + 1) : path;
}
/** 40-hex commits shortened like git does; branch and tag names stay whole. */
function shortRevision(revision) {
    return (0,_lineage_hub_id_js__WEBPACK_IMPORTED_MODULE_2__/* .isFullSha */ .Wf)(revision) ? revision.slice(0, 12) : revision;
}
/** The same upstream claimed by several manifests (or at several revisions) is one upstream. */
function upstreamKey(u) {
    return u.id ? `id:${u.id.toLowerCase()}` : `raw:${u.raw ?? ''}`;
}
function groupedUpstreams(artifact) {
    const groups = new Map();
    for (const u of artifact.upstreams)
        groups.set(upstreamKey(u), [...(groups.get(upstreamKey(u)) ?? []), u]);
    return [...groups.values()];
}
function upstreamName(u) {
    const named = u.id ?? u.raw;
    return named === null || named.trim() === '' ? '*empty*' : code(named);
}
/** Revision as written, and which commit the Hub says a moving branch or tag meant today. */
function revisionText(u) {
    if (!u.revision)
        return undefined;
    const today = u.hub?.sha && u.revision !== u.hub.sha ? ` → ${shortRevision(u.hub.sha)}` : '';
    return `${shortRevision(u.revision)}${today}`;
}
function upstreamFacts(u) {
    const revision = revisionText(u);
    const license = u.license ? [`license ${u.license.id} (${u.license.via}, ${u.license.evidence})`] : [];
    const ancestors = u.hub?.status === 'found' ? u.hub.ancestors : [];
    const ancestry = ancestors.length ? `, from ${ancestors.map((a) => a.id).join(' ← ')}` : '';
    const hub = u.hub
        ? [u.hub.status === 'found' ? `on the Hub${u.hub.gated ? ', gated' : ''}${ancestry}` : `Hub: ${u.hub.status}`]
        : [];
    const facts = [u.kind, u.evidence, ...(u.role === 'base' ? [] : [u.role]), ...license, ...hub].map((f) => (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .safeMarkdown */ .fH)(f));
    return [...(revision ? [code(`@${revision}`)] : []), ...facts].join(', ');
}
function licenseText(license, maxName) {
    if (!license || (!license.id && !license.name))
        return '*none*';
    const id = license.id ? code(license.id) : '';
    const name = license.name ? (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .safeMarkdown */ .fH)((0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)(license.name, maxName)) : '';
    return id && name ? `${id} (${name})` : id || name;
}
/** One line of the table: status, directory, each upstream once, license. */
function artifactRow(artifact) {
    const status = artifact.status === 'pass' ? '✅ pass' : '❌ fail';
    const names = groupedUpstreams(artifact).map((group) => upstreamName(group[0]));
    const shown = names.slice(0, MAX_CELL_UPSTREAMS);
    if (names.length > MAX_CELL_UPSTREAMS)
        shown.push(`+${names.length - MAX_CELL_UPSTREAMS} more`);
    const cells = [
        status,
        code(artifact.dir),
        shown.length ? shown.join(', ') : '—',
        licenseText(artifact.license, MAX_CELL_LICENSE_NAME)
    ];
    return `| ${cells.map(_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeTableCell */ .aL).join(' | ')} |`;
}
/** The attribution text the artifact carries; "owed" when a license asks for one and none is there. */
function attributionText(attribution, owed) {
    if (attribution)
        return (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .safeMarkdown */ .fH)((0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)(attribution.replace(/\s+/g, ' ').trim(), MAX_ATTRIBUTION));
    return owed ? '❌ owed, missing' : '—';
}
/**
 * The artifact's entry in the details: manifests, each upstream once with everything known about
 * each claim of it, license and attribution. `attributionOwed`: a live missing-attribution finding.
 */
function artifactDetail(artifact, attributionOwed = false) {
    const manifests = artifact.manifests.map((m) => `${code(withinDir(artifact.dir, m.path))} (${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .safeMarkdown */ .fH)(m.format)})`);
    const upstreams = groupedUpstreams(artifact).map((group) => `  - Upstream ${upstreamName(group[0])}: ${[...new Set(group.map(upstreamFacts))].join('; ')}`);
    return [
        `- ${code(artifact.dir)}`,
        `  - Manifests: ${capped(manifests, ', ')}`,
        ...upstreams.slice(0, MAX_LIST),
        ...(upstreams.length > MAX_LIST ? [`  - …and ${upstreams.length - MAX_LIST} more upstreams`] : []),
        `  - License: ${licenseText(artifact.license, MAX_VALUE)}`,
        `  - Attribution: ${attributionText(artifact.attribution, attributionOwed)}`,
        `  - Pedigree: ${code(artifact.pedigree)} ([what it binds](${PEDIGREE_DOC}))`
    ].join('\n');
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

/***/ 629:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CK: () => (/* binding */ emptyTally),
/* harmony export */   Cn: () => (/* binding */ tallyFinding),
/* harmony export */   be: () => (/* binding */ verdictBlock),
/* harmony export */   dY: () => (/* binding */ findingItem),
/* harmony export */   eo: () => (/* binding */ compactFindingItem),
/* harmony export */   rA: () => (/* binding */ runBlock),
/* harmony export */   xI: () => (/* binding */ findingGroupHeading)
/* harmony export */ });
/* unused harmony export blobUrl */
/* harmony import */ var _text_plural_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(573);
/* harmony import */ var _annotations_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3613);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(752);



// Caps on what one PR-supplied value or list may cost, so no single entry can eat the summary.
const MAX_VALUE = 300;
const MAX_PROSE = 4000;
const MAX_NOTES = 50;
const ICON = { error: '❌', warning: '⚠️', notice: 'ℹ️' };
const WAIVED_ICON = '🔕';
/** `a, b and c`, for counts in prose. */
function listing(parts) {
    return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
function failOnSentence(failOn) {
    if (failOn === 'never')
        return 'Fail-on is `never`: findings are reported but never fail the gate.';
    if (failOn === 'warning')
        return 'Fail-on is `warning`: any warning or error that is not waived fails the gate.';
    return 'Fail-on is `error`: any error that is not waived fails the gate.';
}
/** Heading with the verdict, the counts, and what fail-on was; never left out. */
function verdictBlock(report) {
    const { counts } = report;
    const mark = report.result === 'pass' ? '✅' : '❌';
    const tally = listing([
        (0,_text_plural_js__WEBPACK_IMPORTED_MODULE_1__/* .counted */ .h)(counts.errors, 'error'),
        (0,_text_plural_js__WEBPACK_IMPORTED_MODULE_1__/* .counted */ .h)(counts.warnings, 'warning'),
        (0,_text_plural_js__WEBPACK_IMPORTED_MODULE_1__/* .counted */ .h)(counts.notices, 'notice')
    ]);
    const waived = counts.waived > 0 ? ` (${(0,_text_plural_js__WEBPACK_IMPORTED_MODULE_1__/* .counted */ .h)(counts.waived, 'finding')} waived)` : '';
    return [
        `## ${mark} Lineage gate: ${report.result}`,
        '',
        `**${tally}** in ${(0,_text_plural_js__WEBPACK_IMPORTED_MODULE_1__/* .counted */ .h)(counts.artifacts, 'artifact')} ` +
            `(${(0,_text_plural_js__WEBPACK_IMPORTED_MODULE_1__/* .counted */ .h)(counts.manifests, 'manifest')})${waived}. ${failOnSentence(report.failOn)}`
    ].join('\n');
}
/** How the files were chosen and anything unusual about the run (fallbacks, fetches). */
function runBlock(report) {
    const lines = [`**Files:** ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .gateProse */ .jp)((0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .clip */ .$Q)(report.run.changeSource, MAX_PROSE))}`];
    const notes = report.run.notes;
    for (const note of notes.slice(0, MAX_NOTES))
        lines.push(`- ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .gateProse */ .jp)((0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .clip */ .$Q)(note, MAX_PROSE))}`);
    if (notes.length > MAX_NOTES)
        lines.push(`- …and ${(0,_text_plural_js__WEBPACK_IMPORTED_MODULE_1__/* .counted */ .h)(notes.length - MAX_NOTES, 'more note')}`);
    return lines.join('\n');
}
function code(value) {
    return (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .inlineCode */ .ti)((0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .clip */ .$Q)(value, MAX_VALUE));
}
/** Percent-encodes a path segment, including the characters that end a Markdown link destination. */
function encodeSegment(segment) {
    return encodeURIComponent(segment).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
/** Link to the lines at the commit; Markdown files need `?plain=1` for line anchors to work. */
function blobUrl(repoUrl, sha, finding) {
    const path = finding.path.split('/').map(encodeSegment).join('/');
    const plain = /\.(md|markdown)$/i.test(finding.path) ? '?plain=1' : '';
    const lines = finding.endLine > finding.line ? `#L${finding.line}-L${finding.endLine}` : `#L${finding.line}`;
    return `${repoUrl.replace(/\/+$/, '')}/blob/${encodeSegment(sha)}/${path}${plain}${lines}`;
}
/** How much of a message a compact item keeps. */
const MAX_COMPACT_MESSAGE = 160;
/** `- ❌ **error** [rule](page) at [path:line](blob)`: what every rendering of a finding starts with. */
function findingHead(finding, links) {
    const icon = finding.waived ? WAIVED_ICON : ICON[finding.severity];
    const severity = finding.waived ? `${finding.severity}, waived` : finding.severity;
    const docsBase = links.docsBase.replace(/\/+$/, '');
    const rule = `[${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .inlineCode */ .ti)(finding.ruleId)}](${docsBase}/${encodeSegment(finding.ruleId)}.md)`;
    const where = code(`${finding.path}:${finding.line}`);
    const location = links.repoUrl && links.sha ? `[${where}](${blobUrl(links.repoUrl, links.sha, finding)})` : where;
    return `- ${icon} **${severity}** ${rule} at ${location}`;
}
/** One finding as a single-line list item: severity, rule (linked to its page), location, message, fix. */
function findingItem(finding, links) {
    const message = (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .gateProse */ .jp)((0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .clip */ .$Q)(`${(0,_annotations_js__WEBPACK_IMPORTED_MODULE_0__/* .waivedPrefix */ .N)(finding)}${finding.message}`, MAX_PROSE), links.isOwnUrl);
    const fix = (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .gateProse */ .jp)((0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .clip */ .$Q)(finding.fix, MAX_PROSE), links.isOwnUrl);
    return `${findingHead(finding, links)} — ${message}<br>**Fix:** ${fix}`;
}
/** The same item cut short, for documents that cannot hold every finding whole: the start of the message, no fix. */
function compactFindingItem(finding, links) {
    return (`${findingHead(finding, links)} — ` +
        `${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .gateProse */ .jp)((0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .clip */ .$Q)(`${(0,_annotations_js__WEBPACK_IMPORTED_MODULE_0__/* .waivedPrefix */ .N)(finding)}${finding.message}`, MAX_COMPACT_MESSAGE), links.isOwnUrl)}`);
}
function emptyTally() {
    return { error: 0, warning: 0, notice: 0, waived: 0 };
}
function tallyFinding(tally, f) {
    if (f.waived)
        tally.waived++;
    else
        tally[f.severity]++;
}
/** Heading of one artifact's findings, with that artifact's tally. */
function findingGroupHeading(dir, tally) {
    const parts = ['error', 'warning', 'notice'].filter((s) => tally[s] > 0).map((s) => (0,_text_plural_js__WEBPACK_IMPORTED_MODULE_1__/* .counted */ .h)(tally[s], s));
    if (tally.waived > 0)
        parts.push(`${tally.waived} waived`);
    return `#### ${code(dir)} — ${parts.join(', ')}`;
}


/***/ }),

/***/ 7310:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ renderMarkdownDocument)
/* harmony export */ });
/* harmony import */ var _text_plural_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(573);
/* harmony import */ var _mermaid_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2312);
/* harmony import */ var _artifact_table_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3348);
/* harmony import */ var _markdown_blocks_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(629);
/* harmony import */ var _markdown_layout_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(709);





/** Room kept for the note that says what was left out (its real size is far below this). */
const OMISSION_RESERVE = 1024;
/** Room for the newlines and one-line remarks that join the counted pieces. */
const JOINING_SLACK = 256;
function piece(text) {
    return { text, bytes: Buffer.byteLength(text, 'utf8') + 1, kept: true }; // +1: the joining newline
}
function rowPiece(row, detail) {
    return { text: row, detail, bytes: Buffer.byteLength(`${row}\n${detail}\n`, 'utf8'), kept: true };
}
/**
 * No finding item is shorter than this plus the docs base: its head alone is "- ", an icon, the
 * severity in bold, the rule id linked to its page and "at" the file and line.
 */
const MIN_ITEM_BYTES_BESIDES_DOCS = 32;
/**
 * Two walks over the findings. The first keeps no more of a kind (in report order) than could fit,
 * so a run of a quarter of a million findings builds a summary from a few thousand; the second
 * counts every finding of the artifacts kept, for their headings, and only theirs.
 */
function selectFindings(report, opts) {
    const cap = Math.ceil(opts.maxBytes / (MIN_ITEM_BYTES_BESIDES_DOCS + opts.docsBase.length));
    const taken = (0,_markdown_blocks_js__WEBPACK_IMPORTED_MODULE_1__/* .emptyTally */ .CK)();
    const unconsidered = (0,_markdown_blocks_js__WEBPACK_IMPORTED_MODULE_1__/* .emptyTally */ .CK)();
    const byDir = new Map();
    const owed = new Set();
    for (const f of report.findings) {
        if (f.ruleId === 'missing-attribution' && !f.waived)
            owed.add(f.artifact);
        const kind = f.waived ? 'waived' : f.severity;
        if (taken[kind] >= cap) {
            unconsidered[kind]++;
            continue;
        }
        taken[kind]++;
        const list = byDir.get(f.artifact);
        if (list)
            list.push(f);
        else
            byDir.set(f.artifact, [f]);
    }
    const tallies = new Map([...byDir.keys()].map((dir) => [dir, (0,_markdown_blocks_js__WEBPACK_IMPORTED_MODULE_1__/* .emptyTally */ .CK)()]));
    for (const f of report.findings) {
        const tally = tallies.get(f.artifact);
        if (tally)
            (0,_markdown_blocks_js__WEBPACK_IMPORTED_MODULE_1__/* .tallyFinding */ .Cn)(tally, f);
    }
    return { byDir, tallies, unconsidered, owed };
}
function groupByArtifact(report, links, selection) {
    const { byDir, tallies } = selection;
    // Artifacts in table order; any finding whose artifact is not in the table comes after.
    const order = new Set();
    for (const a of report.artifacts) {
        if (byDir.has(a.dir))
            order.add(a.dir);
        if (order.size === byDir.size)
            break;
    }
    for (const dir of byDir.keys())
        order.add(dir);
    const groups = [];
    for (const dir of order) {
        const findings = byDir.get(dir);
        const group = {
            heading: piece((0,_markdown_layout_js__WEBPACK_IMPORTED_MODULE_2__/* .groupHeading */ .Yg)(dir, tallies.get(dir))),
            items: [],
            kept: findings.length
        };
        group.items = findings.map((finding) => ({ ...piece((0,_markdown_blocks_js__WEBPACK_IMPORTED_MODULE_1__/* .findingItem */ .dY)(finding, links)), finding, group }));
        groups.push(group);
    }
    return groups;
}
function isLiveError(i) {
    return !i.finding.waived && i.finding.severity === 'error';
}
/**
 * What to leave out first when over the limit, each class from the bottom of the document up:
 * waived findings, notices, warnings. Then errors are shortened to one line each, then rows of the
 * artifact table go, and errors are left out only as a last resort.
 */
function lowSeverities(groups) {
    const items = groups.flatMap((g) => g.items).reverse();
    return [
        ...items.filter((i) => i.finding.waived),
        ...items.filter((i) => !i.finding.waived && i.finding.severity === 'notice'),
        ...items.filter((i) => !i.finding.waived && i.finding.severity === 'warning')
    ];
}
function sizeLabel(bytes) {
    return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${Math.floor(bytes / 1024)} KiB`;
}
/** Errors still shown, but in their compact form. */
function compactedCount(groups) {
    return groups.reduce((n, g) => n + g.items.filter((i) => i.kept && i.compacted).length, 0);
}
function omissionNote(groups, table, maxBytes, unconsidered) {
    const compacted = compactedCount(groups);
    const dropped = { ...unconsidered };
    for (const g of groups)
        for (const i of g.items)
            if (!i.kept)
                (0,_markdown_blocks_js__WEBPACK_IMPORTED_MODULE_1__/* .tallyFinding */ .Cn)(dropped, i.finding);
    const droppedCount = dropped.error + dropped.warning + dropped.notice + dropped.waived;
    const droppedRows = table.rows.filter((r) => !r.kept).length + table.unbuilt;
    const parts = [];
    if (droppedCount) {
        const kinds = [
            [dropped.error, 'error'],
            [dropped.warning, 'warning'],
            [dropped.notice, 'notice'],
            [dropped.waived, 'waived finding']
        ];
        const detail = kinds
            .filter(([n]) => n > 0)
            .map(([n, w]) => (0,_text_plural_js__WEBPACK_IMPORTED_MODULE_3__/* .counted */ .h)(n, w))
            .join(', ');
        parts.push(`the details of ${(0,_text_plural_js__WEBPACK_IMPORTED_MODULE_3__/* .counted */ .h)(droppedCount, 'finding')} (${detail})`);
    }
    if (droppedRows)
        parts.push(`${droppedRows} of ${table.rows.length + table.unbuilt} rows of the artifact table`);
    const sentences = [];
    if (parts.length)
        sentences.push(`${parts.join(' and ')} ${(0,_text_plural_js__WEBPACK_IMPORTED_MODULE_3__/* .plural */ .L)(droppedCount + droppedRows, 'was', 'were')} left out, lowest severity first.`);
    if (compacted)
        sentences.push(`${(0,_text_plural_js__WEBPACK_IMPORTED_MODULE_3__/* .counted */ .h)(compacted, 'error')} ${(0,_text_plural_js__WEBPACK_IMPORTED_MODULE_3__/* .plural */ .L)(compacted, 'is', 'are')} ` +
            `shown on one line, without ${(0,_text_plural_js__WEBPACK_IMPORTED_MODULE_3__/* .plural */ .L)(compacted, 'its', 'their')} fix.`);
    return (`> [!NOTE]\n> Shortened to stay under the ${sizeLabel(maxBytes)} limit: ` +
        `${sentences.join(' ')} The counts above include them; the JSON report lists them all.`);
}
/**
 * The table's rows while they could still fit. Rows are left out from the bottom, so once the rows
 * alone pass `maxBytes` the ones after them can never be shown: they are counted, not built (a scan
 * of 100,000 artifacts built every row and detail of a job summary that holds a few thousand).
 */
function tableOf(report, owed, maxBytes) {
    const rows = [];
    let bytes = 0;
    for (const a of report.artifacts) {
        if (bytes > maxBytes)
            break;
        const row = rowPiece((0,_artifact_table_js__WEBPACK_IMPORTED_MODULE_4__/* .artifactRow */ .XV)(a), (0,_artifact_table_js__WEBPACK_IMPORTED_MODULE_4__/* .artifactDetail */ .qr)(a, owed.has(a.dir)));
        rows.push(row);
        bytes += row.bytes;
    }
    return { rows, unbuilt: report.artifacts.length - rows.length };
}
/** Replaces an item by its compact form; returns the bytes saved. */
function compact(item, links) {
    const short = piece((0,_markdown_blocks_js__WEBPACK_IMPORTED_MODULE_1__/* .compactFindingItem */ .eo)(item.finding, links));
    const saved = item.bytes - short.bytes;
    if (saved <= 0)
        return 0;
    item.text = short.text;
    item.bytes = short.bytes;
    item.compacted = true;
    return saved;
}
/**
 * The report as one Markdown document: verdict, run notes, artifact table, findings by artifact.
 * Kept within `maxBytes` by leaving out findings and rows in `dropOrder`; the verdict always stays.
 */
function renderMarkdownDocument(report, opts) {
    const head = (0,_markdown_layout_js__WEBPACK_IMPORTED_MODULE_2__/* .documentHead */ .Kn)(report);
    const footer = (0,_markdown_layout_js__WEBPACK_IMPORTED_MODULE_2__/* .documentFooter */ .xb)(report);
    const selection = selectFindings(report, opts);
    const table = tableOf(report, selection.owed, opts.maxBytes);
    const { rows, unbuilt } = table;
    const rowCount = rows.length + unbuilt;
    // Rows never built stand for more than the limit: everything else is cut as if they were there.
    const unbuiltBytes = unbuilt > 0 ? opts.maxBytes + 1 : 0;
    // The heading, the table's head and the details' wrapper: counted once, with the first row.
    const detailsOpen = `\n${_artifact_table_js__WEBPACK_IMPORTED_MODULE_4__/* .ARTIFACT_DETAILS_OPEN */ .f6}\n`;
    const detailsClose = `\n${_artifact_table_js__WEBPACK_IMPORTED_MODULE_4__/* .ARTIFACT_DETAILS_CLOSE */ .pC}`;
    const tableHead = piece(`\n### Artifacts\n\n${_artifact_table_js__WEBPACK_IMPORTED_MODULE_4__/* .ARTIFACT_TABLE_HEAD */ .R1}${detailsOpen}${detailsClose}`);
    const groups = groupByArtifact(report, opts, selection);
    const findingsHead = piece('\n### Findings');
    const itemCount = groups.reduce((n, g) => n + g.items.length, 0);
    let keptRows = rowCount;
    let keptItems = itemCount;
    let total = Buffer.byteLength(head + footer, 'utf8') +
        JOINING_SLACK +
        (rowCount ? tableHead.bytes + rows.reduce((n, r) => n + r.bytes, 0) + unbuiltBytes : 0) +
        (itemCount
            ? findingsHead.bytes + groups.reduce((n, g) => n + g.heading.bytes + g.items.reduce((m, i) => m + i.bytes, 0), 0)
            : 0);
    const drop = (p) => {
        p.kept = false;
        total -= p.bytes;
        if ('group' in p) {
            const { group } = p;
            if (--group.kept === 0)
                total -= group.heading.bytes;
            if (--keptItems === 0)
                total -= findingsHead.bytes;
        }
        else if (--keptRows === 0) {
            total -= tableHead.bytes;
        }
    };
    if (total > opts.maxBytes) {
        total += OMISSION_RESERVE;
        const errors = groups
            .flatMap((g) => g.items)
            .filter(isLiveError)
            .reverse();
        for (const p of lowSeverities(groups)) {
            if (total <= opts.maxBytes)
                break;
            drop(p);
        }
        for (const e of errors) {
            if (total <= opts.maxBytes)
                break;
            total -= compact(e, opts);
        }
        // The rows never built are the table's last: the first rows to go, and they always must.
        if (unbuilt > 0) {
            total -= unbuiltBytes;
            keptRows -= unbuilt;
        }
        for (const p of [...[...rows].reverse(), ...errors]) {
            if (total <= opts.maxBytes)
                break;
            drop(p);
        }
    }
    // The lineage diagram comes with the table when there is room for it; it is the first thing to go.
    const diagram = (0,_mermaid_js__WEBPACK_IMPORTED_MODULE_0__/* .lineageDiagram */ .F)(report);
    const diagramBlock = diagram ? `\n### Lineage\n\n${diagram}` : undefined;
    const showDiagram = diagramBlock !== undefined && keptRows > 0 && total + Buffer.byteLength(diagramBlock, 'utf8') <= opts.maxBytes;
    const { unconsidered } = selection;
    const shortened = keptRows < rowCount ||
        keptItems < itemCount ||
        compactedCount(groups) > 0 ||
        unconsidered.error + unconsidered.warning + unconsidered.notice + unconsidered.waived > 0;
    const kept = rows.filter((r) => r.kept);
    const layout = {
        head,
        note: shortened ? omissionNote(groups, table, opts.maxBytes, unconsidered) : undefined,
        noArtifacts: rowCount === 0,
        table: keptRows ? { rows: kept.map((r) => r.text), details: kept.map((r) => r.detail) } : undefined,
        diagram: showDiagram ? diagram : undefined,
        noFindings: itemCount === 0 && rowCount > 0,
        groups: keptItems
            ? groups
                .filter((g) => g.kept)
                .map((g) => ({ heading: g.heading.text, items: g.items.filter((i) => i.kept).map((i) => i.text) }))
            : undefined,
        footer
    };
    return [...(0,_markdown_layout_js__WEBPACK_IMPORTED_MODULE_2__/* .layoutChunks */ .DZ)(layout)].join('');
}


/***/ }),

/***/ 709:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DZ: () => (/* binding */ layoutChunks),
/* harmony export */   Kn: () => (/* binding */ documentHead),
/* harmony export */   Yg: () => (/* binding */ groupHeading),
/* harmony export */   xb: () => (/* binding */ documentFooter)
/* harmony export */ });
/* unused harmony export NO_ARTIFACTS */
/* harmony import */ var _artifact_table_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3348);
/* harmony import */ var _markdown_blocks_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(629);


const NO_ARTIFACTS = 'No artifacts were checked: none of the files looked at is a lineage manifest or sits beside weights.';
/** Verdict and run notes: always shown. */
function documentHead(report) {
    return `${(0,_markdown_blocks_js__WEBPACK_IMPORTED_MODULE_0__/* .verdictBlock */ .be)(report)}\n\n${(0,_markdown_blocks_js__WEBPACK_IMPORTED_MODULE_0__/* .runBlock */ .rA)(report)}`;
}
function documentFooter(report) {
    return `\n<sub>lineage-gate ${report.tool.version} · report schema ${report.schemaVersion}</sub>\n`;
}
/** The heading of one artifact's findings, with the blank lines a group carries. */
function groupHeading(dir, tally) {
    return `\n${(0,_markdown_blocks_js__WEBPACK_IMPORTED_MODULE_0__/* .findingGroupHeading */ .xI)(dir, tally)}\n`;
}
/** The document in pieces: the blocks joined by newlines, then the footer. */
function* layoutChunks(layout) {
    yield layout.head;
    if (layout.note !== undefined)
        yield `\n\n${layout.note}`;
    if (layout.noArtifacts)
        yield `\n\n${NO_ARTIFACTS}`;
    else if (layout.table) {
        yield `\n\n### Artifacts\n\n${_artifact_table_js__WEBPACK_IMPORTED_MODULE_1__/* .ARTIFACT_TABLE_HEAD */ .R1}`;
        for (const row of layout.table.rows)
            yield `\n${row}`;
        // A blank line after <summary> and before </details>: GitHub parses Markdown between them only then.
        yield `\n\n${_artifact_table_js__WEBPACK_IMPORTED_MODULE_1__/* .ARTIFACT_DETAILS_OPEN */ .f6}\n`;
        for (const detail of layout.table.details)
            yield `\n${detail}`;
        yield `\n\n${_artifact_table_js__WEBPACK_IMPORTED_MODULE_1__/* .ARTIFACT_DETAILS_CLOSE */ .pC}`;
    }
    if (layout.diagram !== undefined)
        yield `\n\n### Lineage\n\n${layout.diagram}`;
    if (layout.noFindings)
        yield '\n\nNo findings.';
    else if (layout.groups) {
        yield '\n\n### Findings';
        for (const group of layout.groups) {
            yield `\n${group.heading}`;
            for (const item of group.items)
                yield `\n${item}`;
        }
    }
    yield `\n${layout.footer}`;
}


/***/ }),

/***/ 2312:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ lineageDiagram)
/* harmony export */ });
/* unused harmony export MAX_DIAGRAM_NODES */
/** Most nodes drawn: GitHub renders larger graphs poorly, and the diagram must not crowd out findings. */
const MAX_DIAGRAM_NODES = 60;
const STYLE = {
    fail: 'fill:#ffebe9,stroke:#cf222e,color:#1f2328',
    pass: 'fill:#dafbe1,stroke:#1a7f37,color:#1f2328'
};
/** Labels from PR content: only characters Hub ids and paths use survive, so nothing can break out of a label. */
function label(text) {
    return `"${text.replace(/[^A-Za-z0-9._/@:+ -]/g, '_').slice(0, 80)}"`;
}
/**
 * A Mermaid flowchart of the lineage of the checked artifacts — artifact → its local parent
 * artifacts and upstream models → the upstream's own base_model chain on the Hub, each checked
 * artifact coloured by its verdict — or undefined when there is nothing to draw.
 */
function lineageDiagram(report) {
    const ids = new Map();
    const lines = [];
    const edges = new Set();
    let cut = 0;
    const node = (key, text, shape) => {
        const known = ids.get(key);
        if (known)
            return known;
        if (ids.size >= MAX_DIAGRAM_NODES) {
            cut++;
            return undefined;
        }
        const id = `n${ids.size}`;
        ids.set(key, id);
        lines.push(shape === 'artifact' ? `  ${id}[${label(text)}]` : `  ${id}([${label(text)}])`);
        return id;
    };
    const edge = (from, to, arrow = '-->') => {
        if (!from || !to || edges.has(`${from}>${to}`))
            return;
        edges.add(`${from}>${to}`);
        lines.push(`  ${from} ${arrow} ${to}`);
    };
    const status = new Map();
    for (const artifact of report.artifacts) {
        const a = node(`artifact:${artifact.dir}`, artifact.dir, 'artifact');
        if (a)
            status.set(a, artifact.status);
        // Local parents (another directory of the repository) first: the artifact graph's own edges.
        for (const parent of artifact.parents)
            edge(a, node(`artifact:${parent.dir}`, parent.dir, 'artifact'));
        for (const u of artifact.upstreams) {
            if (!u.id)
                continue;
            const up = node(`model:${u.id.toLowerCase()}`, u.id, 'model');
            edge(a, up, u.evidence === 'primary' ? '-->' : '-.->');
            // Ancestors by depth: a single chain is drawn link by link; several parents at one depth hang off the upstream.
            let previous = up;
            const depths = new Map();
            for (const anc of u.hub?.ancestors ?? [])
                depths.set(anc.depth, [...(depths.get(anc.depth) ?? []), anc.id]);
            for (const depth of [...depths.keys()].sort((x, y) => x - y)) {
                const atDepth = depths.get(depth);
                const nodes = atDepth.map((id) => node(`model:${id.toLowerCase()}`, id, 'model'));
                for (const n of nodes)
                    edge(previous, n);
                previous = nodes.length === 1 ? nodes[0] : up;
            }
        }
    }
    if (edges.size === 0)
        return undefined;
    if (cut)
        lines.push(`  more[${label(`and ${cut} more not drawn`)}]`);
    // Each checked artifact coloured by its verdict; parents outside the run and models stay plain.
    for (const verdict of ['fail', 'pass']) {
        const members = [...status].filter(([, s]) => s === verdict).map(([id]) => id);
        if (members.length === 0)
            continue;
        lines.push(`  classDef ${verdict} ${STYLE[verdict]}`, `  class ${members.join(',')} ${verdict}`);
    }
    return ['```mermaid', 'flowchart LR', ...lines, '```'].join('\n');
}


/***/ })

};

//# sourceMappingURL=310.index.js.map