export const id = 245;
export const ids = [245];
export const modules = {

/***/ 9271:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ PEDIGREE_SUBJECT_PREFIX),
/* harmony export */   g: () => (/* binding */ PEDIGREE_MEDIA_TYPE)
/* harmony export */ });
/**
 * How a lineage statement names its subjects (docs/attestation.md), shared by the renderer that
 * writes them and `verify`, which reads them — without `verify` loading the renderer.
 */
/** Subject names of lineage records: `pedigree:` and the artifact's directory. */
const PEDIGREE_SUBJECT_PREFIX = 'pedigree:';
const PEDIGREE_MEDIA_TYPE = 'application/vnd.lineage-gate.pedigree+json';


/***/ }),

/***/ 4245:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LINEAGE_PREDICATE_TYPE: () => (/* binding */ LINEAGE_PREDICATE_TYPE),
/* harmony export */   NothingToAttestError: () => (/* binding */ NothingToAttestError),
/* harmony export */   STATEMENT_TYPE: () => (/* binding */ STATEMENT_TYPE),
/* harmony export */   inTotoStatement: () => (/* binding */ inTotoStatement),
/* harmony export */   renderInToto: () => (/* binding */ renderInToto)
/* harmony export */ });
/* harmony import */ var _findings_rule_meta_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2190);
/* harmony import */ var _pedigree_pedigree_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7437);
/* harmony import */ var _in_toto_subjects_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9271);
/**
 * The run as an in-toto Statement v1 (docs/attestation.md): subjects are the checked artifacts'
 * weight files by sha256 and each artifact's lineage record by its pedigree id; the predicate holds
 * each artifact's lineage record, pedigree id and status, the verdict and the policy's digest.
 * `actions/attest` signs the same subjects and predicate (Sigstore, GitHub's attestation store);
 * `lineage-gate verify` checks a checkout against it.
 */



const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
const LINEAGE_PREDICATE_TYPE = `${_findings_rule_meta_js__WEBPACK_IMPORTED_MODULE_1__/* .TOOL_URI */ .qH}/blob/main/docs/attestation.md#lineage-predicate-v1`;
const byName = (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
/** Weight files (not deleted, digest known) and one lineage record per artifact, each name once. */
function subjectsOf(report) {
    const subjects = new Map();
    for (const artifact of report.artifacts) {
        for (const w of artifact.weights) {
            if (w.status !== 'removed' && w.sha256)
                subjects.set(w.path, { name: w.path, digest: { sha256: w.sha256 } });
        }
        const name = `${_in_toto_subjects_js__WEBPACK_IMPORTED_MODULE_2__/* .PEDIGREE_SUBJECT_PREFIX */ .a}${artifact.dir}`;
        const sha256 = (0,_pedigree_pedigree_js__WEBPACK_IMPORTED_MODULE_0__/* .pedigreeHex */ .Vx)(artifact.pedigree);
        subjects.set(name, { name, digest: { sha256 }, mediaType: _in_toto_subjects_js__WEBPACK_IMPORTED_MODULE_2__/* .PEDIGREE_MEDIA_TYPE */ .g });
    }
    return [...subjects.values()].sort(byName);
}
/** The Statement as an object; a report without artifacts has nothing to attest (in-toto needs a subject). */
function inTotoStatement(report) {
    if (report.artifacts.length === 0)
        throw new NothingToAttestError();
    return {
        _type: STATEMENT_TYPE,
        subject: subjectsOf(report),
        predicateType: LINEAGE_PREDICATE_TYPE,
        predicate: {
            tool: { name: 'lineage-gate', version: report.tool.version, uri: _findings_rule_meta_js__WEBPACK_IMPORTED_MODULE_1__/* .TOOL_URI */ .qH },
            pedigreeVersion: _pedigree_pedigree_js__WEBPACK_IMPORTED_MODULE_0__/* .PEDIGREE_VERSION */ .nb,
            result: report.result,
            failOn: report.failOn,
            counts: report.counts,
            policy: { file: report.run.policy.file, digest: { sha256: report.run.policy.sha256 } },
            changeSource: report.run.changeSource,
            artifacts: Array.from(report.artifacts, (a) => ({
                dir: a.dir,
                status: a.status,
                pedigree: a.pedigree,
                lineage: (0,_pedigree_pedigree_js__WEBPACK_IMPORTED_MODULE_0__/* .pedigreeRecord */ .rk)(a)
            }))
        }
    };
}
class NothingToAttestError extends Error {
    constructor() {
        super('the run checked no artifact, so there is nothing to attest (an in-toto Statement needs a subject)');
        this.name = 'NothingToAttestError';
    }
}
/** The Statement as a JSON document (2-space indent, trailing newline). */
function renderInToto(report) {
    return `${JSON.stringify(inTotoStatement(report), null, 2)}\n`;
}


/***/ })

};

//# sourceMappingURL=245.index.js.map