export const id = 705;
export const ids = [705];
export const modules = {

/***/ 2705:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderJson: () => (/* binding */ renderJson)
/* harmony export */ });
/** The report as the JSON document described by schemas/report.schema.json. */
function renderJson(report) {
    return `${JSON.stringify(report, null, 2)}\n`;
}


/***/ })

};

//# sourceMappingURL=705.index.js.map