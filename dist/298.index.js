export const id = 298;
export const ids = [298];
export const modules = {

/***/ 8298:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderMarkdown: () => (/* binding */ renderMarkdown)
/* harmony export */ });
/* harmony import */ var _markdown_document_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4201);

/** `--format markdown`: the same document as the job summary, without GitHub's size cap unless asked. */
function renderMarkdown(report, opts) {
    return (0,_markdown_document_js__WEBPACK_IMPORTED_MODULE_0__/* .renderMarkdownDocument */ .x)(report, { ...opts, maxBytes: opts.maxBytes ?? Infinity });
}


/***/ })

};

//# sourceMappingURL=298.index.js.map