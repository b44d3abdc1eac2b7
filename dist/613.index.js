export const id = 613;
export const ids = [613];
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


/***/ })

};

//# sourceMappingURL=613.index.js.map