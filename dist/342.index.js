export const id = 342;
export const ids = [342];
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

/***/ 8610:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ prettyJsonChunks)
/* harmony export */ });
/**
 * The one pretty JSON writer of every document the gate writes (the JSON report, SARIF, the BOM, the
 * in-toto statement): the text of `JSON.stringify(value, null, 2)`, never held as one string.
 */
const INDENT = '  ';
/** A list to write an element at a time: an array, or any iterable object (a list spilled to disk, a generator). */
function isList(value) {
    return (typeof value === 'object' && value !== null && typeof value[Symbol.iterator] === 'function');
}
function isPlainObject(value) {
    if (typeof value !== 'object' || value === null || isList(value))
        return false;
    const proto = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null;
}
/** An object with a list to walk among its own values (a SARIF run's results, inside the `runs` array). */
function holdsStreamedList(value) {
    for (const key in value) {
        const v = value[key];
        if (isList(v) && !Array.isArray(v))
            return true;
    }
    return false;
}
/**
 * `JSON.stringify(value, null, 2)`, in pieces: the document's own objects are opened key by key and
 * its lists (arrays or iterables: a spilled list, a generator) walked an element at a time, each
 * element written whole unless it is an object holding such a list itself (then it is opened too).
 * So a report of a million findings is never one string (V8 caps a string near 512 MiB, and one that
 * size would be held twice while written), and a list can be made while it is written. The pieces
 * joined are exactly that text.
 */
function* prettyJsonChunks(value, indent = '') {
    const inner = indent + INDENT;
    if (isList(value)) {
        let first = true;
        for (const element of value) {
            yield first ? `[\n${inner}` : `,\n${inner}`;
            first = false;
            // An element holding a list to walk is opened too; any other is written whole, and one JSON
            // cannot hold (undefined, a function) is `null` inside an array, as in JSON.stringify.
            if (isPlainObject(element) && holdsStreamedList(element))
                yield* prettyJsonChunks(element, inner);
            else
                yield indented(element, inner) ?? 'null';
        }
        yield first ? '[]' : `\n${indent}]`;
        return;
    }
    if (isPlainObject(value)) {
        let first = true;
        for (const [key, v] of Object.entries(value)) {
            if (!isList(v) && !isPlainObject(v) && JSON.stringify(v) === undefined)
                continue;
            yield `${first ? '{\n' : ',\n'}${inner}${JSON.stringify(key)}: `;
            first = false;
            yield* prettyJsonChunks(v, inner);
        }
        yield first ? '{}' : `\n${indent}}`;
        return;
    }
    yield indented(value, indent) ?? 'null';
}
/** Around a value nested `depth` lists deep, the text JSON.stringify(…, null, 2) puts before and after it. */
const wrappers = [];
function wrapperAt(depth) {
    let known = wrappers[depth];
    if (!known) {
        const text = JSON.stringify(nest(0, depth), null, 2);
        const before = text.indexOf('0');
        wrappers[depth] = known = { before, after: text.length - before - 1 };
    }
    return known;
}
function nest(value, depth) {
    let nested = value;
    for (let i = 0; i < depth; i++)
        nested = [nested];
    return nested;
}
/**
 * One value pretty-printed as it would be when nested at `indent`: stringified inside as many
 * one-element lists as `indent` has levels, and cut out (a slice, not a copy: adding the indentation
 * afterwards copied every element, a quarter of what a large report allocated). Nested, a value JSON
 * cannot hold is `null`, as it is in a list.
 */
function indented(value, indent) {
    if (indent === '')
        return JSON.stringify(value, null, 2);
    const depth = indent.length / INDENT.length;
    const { before, after } = wrapperAt(depth);
    const text = JSON.stringify(nest(value, depth), null, 2);
    return text.slice(before, text.length - after);
}


/***/ }),

/***/ 8342:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderSarifChunks: () => (/* binding */ renderSarifChunks)
/* harmony export */ });
/* unused harmony exports SARIF_SCHEMA_URI, FINGERPRINT_KEY, SRCROOT, SARIF_MAX_RESULTS, SARIF_MAX_UPLOAD_BYTES, ruleName, pathToUriReference, renderSarif */
/* harmony import */ var _collections_sequence_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7152);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_events__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8474);
/* harmony import */ var node_events__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_events__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _files_write_output_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5976);
/* harmony import */ var _pretty_json_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8610);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(752);
/* harmony import */ var _text_thousands_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1324);
/**
 * The report as SARIF 2.1.0, for GitHub code scanning (`github/codeql-action/upload-sarif`) and any
 * other SARIF viewer: one run, every rule with its help, one result per finding.
 *
 * GitHub's limits are enforced here, not left to the upload to reject: at most 25,000 results per
 * run, and at most 10 MB for the gzip-compressed file (upload-sarif compresses before sending).
 * When either would be exceeded, the results are cut from the end (findings arrive errors first,
 * waived last) and `runs[0].properties.truncated` says how many were left out and why.
 */








const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
/**
 * Key of the finding's fingerprint in `partialFingerprints`. GitHub matches alerts by
 * `primaryLocationLineHash`, which upload-sarif adds from the file; this key carries the gate's own
 * identity (rule + path + subject, no line) for every other consumer. `/v1`: a new recipe gets a new key.
 */
const FINGERPRINT_KEY = 'lineageGate/v1';
/** Repository-relative URIs are resolved against this base (GitHub: the repository root). */
const SRCROOT = '%SRCROOT%';
/** GitHub code scanning rejects a run with more results. */
const SARIF_MAX_RESULTS = 25_000;
/** GitHub code scanning rejects a larger upload (gzip-compressed size). */
const SARIF_MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** One finding's message and fix are bounded so a single manifest value cannot fill the file. */
const MAX_MESSAGE_CHARS = 3000;
const MAX_FIX_CHARS = 1000;
/** GitHub shows at most this much of `fullDescription`. */
const MAX_FULL_DESCRIPTION_CHARS = 1000;
const LEVEL = { error: 'error', warning: 'warning', notice: 'note' };
/** GitHub's `problem.severity` for non-security rules: how prominently alerts are shown. */
const PROBLEM_SEVERITY = { error: 'error', warning: 'warning', notice: 'recommendation' };
/** Filter tags for GitHub's alert list, from the words of the rule id. */
const TOPICS = [
    [/^hub-/, 'hub'],
    [/license|attribution|naming|commercial/, 'license'],
    [/upstream|hub-id|revision|evidence|parent|cycle|lineage/, 'provenance'],
    [/manifest|schema|weights|digest|shape/, 'manifest'],
    [/not-allowed|evidence|waiver/, 'policy']
];
function ruleName(id) {
    return id
        .split(/[^A-Za-z0-9]+/)
        .filter(Boolean)
        .map((word) => word[0].toUpperCase() + word.slice(1))
        .join('');
}
function tagsFor(id) {
    return ['lineage', ...TOPICS.filter(([pattern]) => pattern.test(id)).map(([, tag]) => tag)].filter((t, i, all) => all.indexOf(t) === i);
}
function describeRule(id, meta, docsBase) {
    const helpUri = `${docsBase}/${id}.md`;
    const howToFix = `${helpUri}#how-to-fix`;
    return {
        id,
        name: ruleName(id),
        shortDescription: { text: meta.description },
        fullDescription: {
            text: (0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .clip */ .$Q)(`${meta.description} Default severity: ${meta.defaultSeverity}; ` +
                `the policy file can change it or turn the rule off.`, MAX_FULL_DESCRIPTION_CHARS)
        },
        help: {
            text: `${meta.description}\n\nHow to fix: ${howToFix}`,
            markdown: `${meta.description}\n\n` +
                `**How to fix:** see [${id}](${howToFix}) — what the rule checks, why it matters, and examples.`
        },
        helpUri,
        defaultConfiguration: { level: LEVEL[meta.defaultSeverity] },
        properties: { tags: tagsFor(id), 'problem.severity': PROBLEM_SEVERITY[meta.defaultSeverity] }
    };
}
/** A finding whose rule is not in the registry still needs a descriptor for `ruleIndex` to point at. */
function describeUnknownRule(f) {
    return {
        id: f.ruleId,
        name: ruleName(f.ruleId),
        shortDescription: { text: `Reported by lineage-gate rule ${f.ruleId}.` },
        helpUri: f.helpUri,
        properties: { tags: tagsFor(f.ruleId) }
    };
}
/** Rule descriptors (the registry, then any rule only the findings name) and each id's index. */
function ruleTable(catalogue, findings, docsBase) {
    const rules = catalogue.map((r) => describeRule(r.id, r.meta, docsBase));
    const index = new Map(rules.map((r, i) => [r.id, i]));
    for (const f of findings) {
        if (index.has(f.ruleId))
            continue;
        index.set(f.ruleId, rules.length);
        rules.push(describeUnknownRule(f));
    }
    return { rules, index };
}
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/**
 * A repository path as a relative URI reference: each segment percent-encoded, so `|`, spaces, `#`,
 * `?` and `%` stay part of the name and a `:` cannot make the first segment read as a scheme.
 * upload-sarif decodes it with `decodeURIComponent` to find the file.
 */
function pathToUriReference(path) {
    return path.replace(LONE_SURROGATE, '\uFFFD').split('/').map(encodeURIComponent).join('/');
}
/** `file:///…/` for the checkout: SARIF wants the base of `%SRCROOT%` absolute and ending in `/`. */
function directoryUri(dir) {
    const href = (0,node_url__WEBPACK_IMPORTED_MODULE_0__.pathToFileURL)(dir).href;
    return href.endsWith('/') ? href : `${href}/`;
}
/**
 * `[text](target)` in a plain-text SARIF message is an embedded link, which viewers render as a
 * link: a space after the `]` keeps every character but no longer forms one, so manifest values
 * cannot plant links in an alert. Invisible and reordering characters are shown, not obeyed.
 */
function plainText(text, max) {
    return (0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .revealInvisible */ .hR)((0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .clip */ .$Q)(text, max)).replace(/\]\(/g, '] (');
}
/** SARIF regions: 1-based lines and columns, end column exclusive, as the gate's spans are. */
function regionOf(f) {
    const startLine = Math.max(1, f.line);
    const endLine = Math.max(startLine, f.endLine);
    const startColumn = Math.max(1, f.column);
    const endColumn = Math.max(1, f.endColumn);
    // An empty span (a file's start, where a missing key belongs) underlines nothing: mark the line.
    if (endLine === startLine && endColumn <= startColumn)
        return { startLine, endLine };
    return { startLine, startColumn, endLine, endColumn };
}
function locationOf(path, region) {
    return { physicalLocation: { artifactLocation: { uri: pathToUriReference(path), uriBaseId: SRCROOT }, region } };
}
/** A policy waiver is a suppression kept outside the source, accepted, pointing at the waiver itself. */
function suppressionOf(waiver) {
    if (!waiver)
        return { kind: 'external', status: 'accepted' };
    const line = Math.max(1, waiver.line);
    return {
        kind: 'external',
        status: 'accepted',
        justification: plainText(waiver.reason, MAX_FIX_CHARS),
        location: locationOf(waiver.file, { startLine: line, endLine: line }),
        ...(waiver.expires ? { properties: { expires: waiver.expires } } : {})
    };
}
function resultOf(f, ruleIndex, pedigrees) {
    return {
        ruleId: f.ruleId,
        ruleIndex,
        level: LEVEL[f.severity],
        message: { text: `${plainText(f.message, MAX_MESSAGE_CHARS)} Fix: ${plainText(f.fix, MAX_FIX_CHARS)}` },
        locations: [locationOf(f.path, regionOf(f))],
        partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
        ...(f.waived ? { suppressions: [suppressionOf(f.waiver)] } : {}),
        properties: { artifact: f.artifact, ...(pedigrees.has(f.artifact) ? { pedigree: pedigrees.get(f.artifact) } : {}) }
    };
}
function truncationNote(reason, kept, total, maxResults, maxBytes) {
    const why = reason === 'result-limit'
        ? `GitHub code scanning accepts at most ${(0,_text_thousands_js__WEBPACK_IMPORTED_MODULE_5__/* .thousands */ .o)(maxResults)} results per run`
        : `GitHub code scanning accepts at most ` +
            `${(0,_text_thousands_js__WEBPACK_IMPORTED_MODULE_5__/* .thousands */ .o)(maxBytes / 1024 / 1024)} MB per upload (gzip-compressed)`;
    return {
        reason,
        findings: total,
        results: kept,
        note: `Only the first ${(0,_text_thousands_js__WEBPACK_IMPORTED_MODULE_5__/* .thousands */ .o)(kept)} of ${(0,_text_thousands_js__WEBPACK_IMPORTED_MODULE_5__/* .thousands */ .o)(total)} ` +
            `findings are included (errors first, waived last): ${why}. The JSON report lists them all.`
    };
}
function planOf(report, options) {
    const maxResults = options.maxResults ?? SARIF_MAX_RESULTS;
    const docsBase = options.docsBase.replace(/\/+$/, '');
    // One walk of the results to be: the rules they name, and the artifacts whose pedigrees they carry.
    const named = new Set();
    const first = (function* () {
        for (const f of (0,_collections_sequence_js__WEBPACK_IMPORTED_MODULE_6__/* .take */ .s)(report.findings, maxResults)) {
            named.add(f.artifact);
            yield f;
        }
    })();
    const { rules, index } = ruleTable(options.rules, first, docsBase);
    // Only the pedigrees the kept results name: a large run's artifacts are walked, not held.
    const pedigrees = new Map();
    for (const a of report.artifacts)
        if (named.has(a.dir))
            pedigrees.set(a.dir, a.pedigree);
    return {
        report,
        options,
        total: report.findings.length,
        maxResults,
        maxBytes: options.maxUploadBytes ?? SARIF_MAX_UPLOAD_BYTES,
        rules,
        index,
        pedigrees
    };
}
function logWith(plan, count, truncated) {
    const { report, options, index, pedigrees } = plan;
    const results = {
        *[Symbol.iterator]() {
            for (const f of (0,_collections_sequence_js__WEBPACK_IMPORTED_MODULE_6__/* .take */ .s)(report.findings, count))
                yield resultOf(f, index.get(f.ruleId), pedigrees);
        }
    };
    return {
        $schema: SARIF_SCHEMA_URI,
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'lineage-gate',
                        version: options.toolVersion ?? report.tool.version,
                        informationUri: options.informationUri,
                        rules: plan.rules
                    }
                },
                ...(options.repoRoot ? { originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(options.repoRoot) } } } : {}),
                columnKind: 'utf16CodeUnits',
                results,
                properties: {
                    result: report.result,
                    failOn: report.failOn,
                    counts: report.counts,
                    changeSource: report.run.changeSource,
                    notes: report.run.notes,
                    ...(truncated ? { truncated } : {})
                }
            }
        ]
    };
}
/** The log's text in pieces (2-space indent, trailing newline), never one string. */
function* logChunks(log) {
    yield* (0,_pretty_json_js__WEBPACK_IMPORTED_MODULE_7__/* .prettyJsonChunks */ .x)(log);
    yield '\n';
}
/**
 * What upload-sarif sends: the file gzip-compressed. A text that fits as it is counts as it is; one
 * that does not is compressed as a stream once it passes the limit (the same size as compressing it
 * joined), so neither the text nor its compressed form is ever held whole.
 */
async function uploadSize(log, maxBytes) {
    let raw = 0;
    let compressed = 0;
    let gzip;
    let ended;
    const held = [];
    const feed = async (text) => {
        if (!gzip.write(text))
            await (0,node_events__WEBPACK_IMPORTED_MODULE_1__.once)(gzip, 'drain');
    };
    for (const text of (0,_files_write_output_js__WEBPACK_IMPORTED_MODULE_3__/* .batched */ .QE)(logChunks(log))) {
        raw += Buffer.byteLength(text, 'utf8');
        if (gzip) {
            await feed(text);
            continue;
        }
        held.push(text);
        if (raw <= maxBytes)
            continue;
        gzip = (0,node_zlib__WEBPACK_IMPORTED_MODULE_2__.createGzip)();
        gzip.on('data', (d) => (compressed += d.length));
        ended = (0,node_events__WEBPACK_IMPORTED_MODULE_1__.once)(gzip, 'end');
        ended.catch(() => undefined); // awaited below; a stream error must not also be an unhandled rejection
        for (const piece of held.splice(0))
            await feed(piece);
    }
    if (!gzip)
        return raw;
    gzip.end();
    await ended;
    return compressed;
}
/**
 * The SARIF log as a JSON document (2-space indent, trailing newline) within GitHub's limits, in
 * pieces: a scan of 100,000 manifests keeps 25,000 results, tens of megabytes of text that are
 * measured and written as they are made, never held.
 */
async function renderSarifChunks(report, options) {
    const plan = planOf(report, options);
    const { total, maxResults, maxBytes } = plan;
    let count = Math.min(total, maxResults);
    let reason = count < total ? 'result-limit' : undefined;
    for (;;) {
        const log = logWith(plan, count, reason && truncationNote(reason, count, total, maxResults, maxBytes));
        const size = await uploadSize(log, maxBytes);
        if (size <= maxBytes || count === 0)
            return { [Symbol.iterator]: () => logChunks(log) };
        // Size grows about linearly with the results kept: aim 10% under, and always drop at least one.
        reason = 'size-limit';
        count = Math.max(0, Math.min(count - 1, Math.floor((count * maxBytes * 0.9) / size)));
    }
}
/** renderSarifChunks as one string (tests, small reports). */
async function renderSarif(report, options) {
    return [...(await renderSarifChunks(report, options))].join('');
}


/***/ })

};

//# sourceMappingURL=342.index.js.map