export const id = 667;
export const ids = [667];
export const modules = {

/***/ 8667:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderSummary: () => (/* binding */ renderSummary)
/* harmony export */ });
/* unused harmony export SUMMARY_MAX_BYTES */
/* harmony import */ var _markdown_document_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7310);

/** GitHub's cap on one step's job summary (`GITHUB_STEP_SUMMARY`). */
const SUMMARY_MAX_BYTES = 1024 * 1024;
/** Markdown for the job summary, never over GitHub's per-step cap; the verdict is always kept. */
function renderSummary(report, opts) {
    return (0,_markdown_document_js__WEBPACK_IMPORTED_MODULE_0__/* .renderMarkdownDocument */ .x)(report, {
        ...opts,
        maxBytes: Math.min(opts.maxBytes ?? SUMMARY_MAX_BYTES, SUMMARY_MAX_BYTES)
    });
}


/***/ })

};

//# sourceMappingURL=667.index.js.map