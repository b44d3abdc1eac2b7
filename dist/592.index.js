export const id = 592;
export const ids = [592];
export const modules = {

/***/ 8592:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  LINEAGE_PREDICATE_TYPE: () => (/* binding */ LINEAGE_PREDICATE_TYPE),
  NothingToAttestError: () => (/* binding */ NothingToAttestError),
  STATEMENT_TYPE: () => (/* binding */ STATEMENT_TYPE),
  inTotoStatement: () => (/* binding */ inTotoStatement),
  renderInToto: () => (/* binding */ renderInToto)
});

// EXTERNAL MODULE: ./src/findings/rule-meta.ts
var rule_meta = __webpack_require__(2190);
// EXTERNAL MODULE: ./src/pedigree/pedigree.ts + 1 modules
var pedigree = __webpack_require__(7437);
;// CONCATENATED MODULE: ./src/report/render/in-toto-subjects.ts
/**
 * How a lineage statement names its subjects (docs/attestation.md), shared by the renderer that
 * writes them and `verify`, which reads them — without `verify` loading the renderer.
 */
/** Subject names of lineage records: `pedigree:` and the artifact's directory. */
const PEDIGREE_SUBJECT_PREFIX = 'pedigree:';
const PEDIGREE_MEDIA_TYPE = 'application/vnd.lineage-gate.pedigree+json';

;// CONCATENATED MODULE: ./src/report/render/in-toto.ts
/**
 * The run as an in-toto Statement v1 (docs/attestation.md): subjects are the checked artifacts'
 * weight files by sha256 and each artifact's lineage record by its pedigree id; the predicate holds
 * each artifact's lineage record, pedigree id and status, the verdict and the policy's digest.
 * `actions/attest` signs the same subjects and predicate (Sigstore, GitHub's attestation store);
 * `lineage-gate verify` checks a checkout against it.
 */



const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
const LINEAGE_PREDICATE_TYPE = `${rule_meta/* TOOL_URI */.qH}/blob/main/docs/attestation.md#lineage-predicate-v1`;
const byName = (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
/** Weight files (not deleted, digest known) and one lineage record per artifact, each name once. */
function subjectsOf(report) {
    const subjects = new Map();
    for (const artifact of report.artifacts) {
        for (const w of artifact.weights) {
            if (w.status !== 'removed' && w.sha256)
                subjects.set(w.path, { name: w.path, digest: { sha256: w.sha256 } });
        }
        const name = `${PEDIGREE_SUBJECT_PREFIX}${artifact.dir}`;
        const sha256 = (0,pedigree/* pedigreeHex */.Vx)(artifact.pedigree);
        subjects.set(name, { name, digest: { sha256 }, mediaType: PEDIGREE_MEDIA_TYPE });
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
            tool: { name: 'lineage-gate', version: report.tool.version, uri: rule_meta/* TOOL_URI */.qH },
            pedigreeVersion: pedigree/* PEDIGREE_VERSION */.nb,
            result: report.result,
            failOn: report.failOn,
            counts: report.counts,
            policy: { file: report.run.policy.file, digest: { sha256: report.run.policy.sha256 } },
            changeSource: report.run.changeSource,
            artifacts: Array.from(report.artifacts, (a) => ({
                dir: a.dir,
                status: a.status,
                pedigree: a.pedigree,
                lineage: (0,pedigree/* pedigreeRecord */.rk)(a)
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

//# sourceMappingURL=592.index.js.map