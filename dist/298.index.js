export const id = 298;
export const ids = [298];
export const modules = {

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

//# sourceMappingURL=298.index.js.map