export const id = 705;
export const ids = [705];
export const modules = {

/***/ 2705:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   prettyJsonChunks: () => (/* binding */ prettyJsonChunks),
/* harmony export */   renderJson: () => (/* binding */ renderJson),
/* harmony export */   renderJsonChunks: () => (/* binding */ renderJsonChunks)
/* harmony export */ });
/* harmony import */ var _collections_sequence_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7152);

const INDENT = '  ';
/**
 * `JSON.stringify(value, null, 2)` of a top-level object, in pieces: its arrays one element at a
 * time, so a report of a million findings is never one string (V8 caps a string near 512 MiB, and
 * one that size would be held twice while written). The pieces joined are exactly that text.
 */
function* prettyJsonChunks(value) {
    const entries = Object.entries(value).filter(([, v]) => (0,_collections_sequence_js__WEBPACK_IMPORTED_MODULE_0__/* .isSequence */ .wZ)(v) || JSON.stringify(v) !== undefined);
    if (entries.length === 0) {
        yield '{}';
        return;
    }
    yield '{\n';
    for (const [i, [key, v]] of entries.entries()) {
        const comma = i < entries.length - 1 ? ',' : '';
        const head = `${INDENT}${JSON.stringify(key)}: `;
        // A list (an array, or one a large run spilled to disk) is walked: its elements are never one string.
        if (!(0,_collections_sequence_js__WEBPACK_IMPORTED_MODULE_0__/* .isSequence */ .wZ)(v) || v.length === 0) {
            yield `${head}${indented((0,_collections_sequence_js__WEBPACK_IMPORTED_MODULE_0__/* .isSequence */ .wZ)(v) ? [] : v, INDENT)}${comma}\n`;
            continue;
        }
        yield `${head}[\n`;
        let left = v.length;
        for (const element of v) {
            // An element JSON cannot hold (undefined, a function) is `null` inside an array, as in JSON.stringify.
            const text = indented(element, INDENT + INDENT) ?? 'null';
            yield `${INDENT}${INDENT}${text}${--left > 0 ? ',' : ''}\n`;
        }
        yield `${INDENT}]${comma}\n`;
    }
    yield '}';
}
/** One value pretty-printed as it would be when nested at `indent`. */
function indented(value, indent) {
    return JSON.stringify(value, null, 2)?.replace(/\n/g, `\n${indent}`);
}
/** The report as the JSON document described by schemas/report.schema.json, in pieces (see prettyJsonChunks). */
function* renderJsonChunks(report) {
    yield* prettyJsonChunks(report);
    yield '\n';
}
/** The report as one string (small reports, tests). */
function renderJson(report) {
    return [...renderJsonChunks(report)].join('');
}


/***/ })

};

//# sourceMappingURL=705.index.js.map