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
  renderInToto: () => (/* binding */ renderInToto),
  renderInTotoChunks: () => (/* binding */ renderInTotoChunks)
});

// EXTERNAL MODULE: ./src/text/compare.ts
var compare = __webpack_require__(9200);
// EXTERNAL MODULE: ./src/findings/rule-meta.ts
var rule_meta = __webpack_require__(2190);
// EXTERNAL MODULE: ./src/pedigree/pedigree.ts + 1 modules
var pedigree = __webpack_require__(7437);
// EXTERNAL MODULE: ./src/collections/spill.ts + 2 modules
var spill = __webpack_require__(9484);
// EXTERNAL MODULE: ./src/report/build.ts + 1 modules
var build = __webpack_require__(4924);
// EXTERNAL MODULE: ./src/report/render/pretty-json.ts
var pretty_json = __webpack_require__(8610);
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
const byName = (a, b) => (0,compare/* compareStrings */.K)(a.name, b.name);
/** The last of each run of one name (a later subject of the same name replaces an earlier one). */
function* lastOfEachName(sorted) {
    let held;
    for (const subject of sorted) {
        if (held && held.name !== subject.name)
            yield held;
        held = subject;
    }
    if (held)
        yield held;
}
/**
 * Weight files (not deleted, digest known) and one lineage record per artifact, each name once, by
 * name: sorted through a spill, so a run of many artifacts never holds them all.
 */
function subjectsOf(report) {
    const subjects = new spill/* SortedSpill */.i(byName, (0,build/* spillLimits */.jn)().findings);
    for (const artifact of report.artifacts) {
        for (const w of artifact.weights) {
            if (w.status !== 'removed' && w.sha256)
                subjects.push({ name: w.path, digest: { sha256: w.sha256 } });
        }
        const name = `${PEDIGREE_SUBJECT_PREFIX}${artifact.dir}`;
        const sha256 = (0,pedigree/* pedigreeHex */.Vx)(artifact.pedigree);
        subjects.push({ name, digest: { sha256 }, mediaType: PEDIGREE_MEDIA_TYPE });
    }
    return { [Symbol.iterator]: () => lastOfEachName(subjects) };
}
function streamedStatement(report) {
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
            artifacts: {
                *[Symbol.iterator]() {
                    for (const a of report.artifacts)
                        yield { dir: a.dir, status: a.status, pedigree: a.pedigree, lineage: (0,pedigree/* pedigreeRecord */.rk)(a) };
                }
            }
        }
    };
}
/** The Statement as an object; a report without artifacts has nothing to attest (in-toto needs a subject). */
function inTotoStatement(report) {
    const streamed = streamedStatement(report);
    return {
        ...streamed,
        subject: [...streamed.subject],
        predicate: { ...streamed.predicate, artifacts: [...streamed.predicate.artifacts] }
    };
}
class NothingToAttestError extends Error {
    constructor() {
        super('the run checked no artifact, so there is nothing to attest (an in-toto Statement needs a subject)');
        this.name = 'NothingToAttestError';
    }
}
/** The Statement as a JSON document (2-space indent, trailing newline), in pieces: written as its lists are walked. */
function renderInTotoChunks(report) {
    const statement = streamedStatement(report); // throws now, not at the first piece, when there is nothing to attest
    return (function* () {
        yield* (0,pretty_json/* prettyJsonChunks */.x)(statement);
        yield '\n';
    })();
}
/** The Statement as one string (tests, small runs). */
function renderInToto(report) {
    return [...renderInTotoChunks(report)].join('');
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


/***/ })

};

//# sourceMappingURL=592.index.js.map