export const id = 533;
export const ids = [533];
export const modules = {

/***/ 4533:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   toOutputs: () => (/* binding */ toOutputs)
/* harmony export */ });
/** The Action's outputs (names are the contract in action.yml); empty strings for files not written. */
function toOutputs(report, files = {}) {
    return {
        result: report.result,
        errors: String(report.counts.errors),
        warnings: String(report.counts.warnings),
        waived: String(report.counts.waived),
        artifacts: String(report.counts.artifacts),
        'report-file': files.reportFile ?? '',
        'sarif-file': files.sarifFile ?? '',
        'bom-file': files.bomFile ?? '',
        'attestation-file': report.artifacts.length > 0 ? (files.attestationFile ?? '') : ''
    };
}


/***/ })

};

//# sourceMappingURL=533.index.js.map