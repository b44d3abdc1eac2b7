export const id = 911;
export const ids = [911];
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

/***/ 3911:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  verifyStatement: () => (/* binding */ verifyStatement)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/pedigree/pedigree.ts + 1 modules
var pedigree = __webpack_require__(7437);
// EXTERNAL MODULE: ./src/run.ts + 25 modules
var run = __webpack_require__(3286);
// EXTERNAL MODULE: ./src/report/render/in-toto-subjects.ts
var in_toto_subjects = __webpack_require__(9271);
// EXTERNAL MODULE: ./src/weights/digest.ts
var weights_digest = __webpack_require__(837);
;// CONCATENATED MODULE: ./src/verify/differences.ts
/**
 * What changed between an attested lineage record and the one the files give now, one line per
 * fact, in the record's own terms (docs/pedigree.md), so a failed `verify` says what to look at.
 */

/** Long values (an attribution, a license name) are cut: the line says what changed, not everything. */
const MAX_SHOWN = 80;
function shown(value) {
    const text = value === null || value === undefined ? 'none' : JSON.stringify(value);
    return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}
function upstreamText(u) {
    const name = u.id ?? u.raw ?? '(empty)';
    return `${u.role} ${name}${u.revision ? `@${u.revision}` : ''}`;
}
/** Entries only one side has, as "added"/"removed" lines. */
function setDifferences(what, attested, now, text) {
    const before = new Set(attested.map((x) => (0,pedigree/* canonicalJson */.dj)(x)));
    const after = new Set(now.map((x) => (0,pedigree/* canonicalJson */.dj)(x)));
    return [
        ...attested.filter((x) => !after.has((0,pedigree/* canonicalJson */.dj)(x))).map((x) => `${what} removed: ${text(x)}`),
        ...now.filter((x) => !before.has((0,pedigree/* canonicalJson */.dj)(x))).map((x) => `${what} added: ${text(x)}`)
    ];
}
function weightDifferences(attested, now) {
    const before = new Map(attested.map((w) => [w.name, w]));
    const after = new Map(now.map((w) => [w.name, w]));
    const lines = [];
    for (const [name, w] of before) {
        const n = after.get(name);
        if (!n)
            lines.push(`weight file removed: ${name}`);
        else if (n.sha256 !== w.sha256 || n.size !== w.size)
            lines.push(`weight file ${name}: attested sha256 ${shown(w.sha256)}, now ${shown(n.sha256)}`);
    }
    for (const name of after.keys())
        if (!before.has(name))
            lines.push(`weight file added: ${name}`);
    return lines;
}
function changed(what, attested, now) {
    return (0,pedigree/* canonicalJson */.dj)(attested ?? null) === (0,pedigree/* canonicalJson */.dj)(now ?? null)
        ? []
        : [`${what}: attested ${shown(attested)}, now ${shown(now)}`];
}
function describeDifferences(attested, now) {
    const trainingKeys = [...new Set([...Object.keys(attested.training), ...Object.keys(now.training)])].sort();
    return [
        ...setDifferences('upstream', attested.upstreams, now.upstreams, upstreamText),
        ...changed('relations', attested.relations, now.relations),
        ...changed('license', attested.license, now.license),
        ...changed('attribution', attested.attribution, now.attribution),
        ...trainingKeys.flatMap((key) => changed(`training ${key}`, attested.training[key], now.training[key])),
        ...weightDifferences(attested.weights, now.weights),
        ...setDifferences('dataset', attested.datasets, now.datasets, (d) => d.id ?? d.raw ?? '(empty)')
    ];
}

;// CONCATENATED MODULE: ./src/files/plain-path.ts
/** A repository path as written in a file someone else controls: `/`-separated, no empty, `.` or `..` step. */
function isPlainPath(path) {
    return path.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

// EXTERNAL MODULE: ./src/changes/paths-filter.ts
var paths_filter = __webpack_require__(2676);
;// CONCATENATED MODULE: ./src/verify/verify.ts
/**
 * `lineage-gate verify`: does this checkout still hold what a statement attests? Offline, file by
 * file: each weight subject's sha256 (a Git LFS pointer's oid counts as its content's), then each
 * artifact's pedigree id recomputed from its manifests and weights. The Hub facts (resolved commits,
 * ancestry) cannot be asked offline, so they are taken from the statement for the upstreams that are
 * still there; everything read from the files must match.
 */









const verify_short = (sha256) => `${sha256.slice(0, 12)}…`;
/** Whether an artifact directory is among what the DIR arguments name. */
function selected(dir, include) {
    return include(dir === '.' ? 'lineage.yaml' : `${dir}/lineage.yaml`);
}
/**
 * The paths inside the artifacts' directories (`.` is the root; the directory itself is not inside it),
 * looked up by the directories above a path: a statement of a full scan names tens of thousands.
 */
function insideArtifacts(dirs) {
    const under = (0,paths_filter/* underDirectories */.eu)(dirs.map((d) => (d === '.' ? '' : d)));
    const own = new Set(dirs);
    const inside = (path) => under(path) && !own.has(path);
    inside.reaches = under.reaches;
    return inside;
}
async function fileCheck(rootReal, root, name, attested) {
    const base = { subject: name, kind: 'file', differences: [] };
    if (!isPlainPath(name))
        return {
            ...base,
            ok: false,
            detail: 'not a path inside the repository, so nothing was read (the statement is not one the gate wrote)'
        };
    const digest = await (0,weights_digest/* sha256OfFile */.V)(rootReal, (0,external_node_path_.join)(root, name));
    if ('unverifiable' in digest)
        return { ...base, ok: false, detail: `missing or unreadable: ${digest.unverifiable}` };
    const via = digest.via === 'lfs-pointer' ? ' (the oid of its Git LFS pointer)' : '';
    return digest.sha256 === attested
        ? { ...base, ok: true, detail: `sha256 ${verify_short(attested)} matches${via}` }
        : { ...base, ok: false, detail: `changed: attested sha256 ${verify_short(attested)}, now ${verify_short(digest.sha256)}${via}` };
}
const upstreamKey = (u) => (0,pedigree/* canonicalJson */.dj)([u.role, u.kind, u.id, u.raw, u.revision]);
/** The recomputed artifact with the Hub's answers the statement recorded for the same upstreams. */
function withAttestedHubFacts(artifact, attested) {
    const facts = new Map(attested.upstreams.map((u) => [upstreamKey(u), u]));
    const upstreams = artifact.upstreams.map((u) => {
        const fact = facts.get(upstreamKey((0,pedigree/* pedigreeUpstream */.xn)(u)));
        if (!fact || (fact.resolved === null && fact.ancestors.length === 0))
            return u;
        const ancestors = fact.ancestors.map((a) => ({ ...a, license: null, evidence: 'secondary' }));
        return {
            ...u,
            hub: { status: 'found', sha: fact.resolved, gated: false, license: null, ancestors }
        };
    });
    // Datasets the same way: the commit the Hub resolved each to, as the statement recorded it.
    const datasetKey = (d) => (0,pedigree/* canonicalJson */.dj)([d.id, d.raw, d.revision, d.license]);
    const resolved = new Map(attested.datasets.map((d) => [datasetKey(d), d.resolved]));
    const datasets = artifact.datasets.map((d) => ({
        ...d,
        resolved: resolved.get(datasetKey((0,pedigree/* pedigreeDataset */.md)(d))) ?? d.resolved
    }));
    return { ...artifact, upstreams, datasets };
}
function pedigreeCheck(attested, found) {
    const base = { subject: attested.dir, kind: 'pedigree' };
    if (!found)
        return { ...base, ok: false, detail: 'no manifest or weights are left in this directory', differences: [] };
    const record = (0,pedigree/* pedigreeRecord */.rk)(withAttestedHubFacts(found, attested.lineage));
    const id = (0,pedigree/* pedigreeId */.Nn)(record);
    if (id === attested.pedigree)
        return { ...base, ok: true, detail: `pedigree ${attested.pedigree} matches`, differences: [] };
    return {
        ...base,
        ok: false,
        detail: `pedigree changed: attested ${attested.pedigree}, now ${id}`,
        differences: describeDifferences(attested.lineage, record)
    };
}
/** The statement's own consistency: each record hashes to its id, each id is a subject. */
/** Weight subjects under no artifact of the statement: the gate never writes one, so it was added later. */
function strayedSubjects(statement) {
    const inside = insideArtifacts(statement.predicate.artifacts.map((a) => a.dir));
    return statement.subject
        .filter((s) => !s.name.startsWith(in_toto_subjects/* PEDIGREE_SUBJECT_PREFIX */.a))
        .filter((s) => !inside(s.name))
        .map((s) => ({
        subject: s.name,
        kind: 'file',
        ok: false,
        detail: 'the statement is inconsistent: this subject belongs to none of its artifacts (nothing was read)',
        differences: []
    }));
}
function statementChecks(statement) {
    const subjects = new Map(statement.subject.map((s) => [s.name, s.digest.sha256]));
    return statement.predicate.artifacts.flatMap((a) => {
        const problems = [];
        if ((0,pedigree/* pedigreeId */.Nn)(a.lineage) !== a.pedigree)
            problems.push('its lineage record does not hash to its pedigree id');
        if (subjects.get(`${in_toto_subjects/* PEDIGREE_SUBJECT_PREFIX */.a}${a.dir}`) !== (0,pedigree/* pedigreeHex */.Vx)(a.pedigree))
            problems.push('its pedigree id is not among the subjects');
        return problems.length
            ? [
                {
                    subject: a.dir,
                    kind: 'pedigree',
                    ok: false,
                    detail: `the statement is inconsistent: ${problems.join('; ')}`,
                    differences: []
                }
            ]
            : [];
    });
}
async function verifyStatement(opts) {
    const { statement, root, include } = opts;
    const artifacts = statement.predicate.artifacts.filter((a) => selected(a.dir, include));
    const inSelected = insideArtifacts(artifacts.map((a) => a.dir));
    const rootReal = external_node_fs_.realpathSync.native(root);
    const checks = [
        ...strayedSubjects(statement),
        ...statementChecks({ ...statement, predicate: { ...statement.predicate, artifacts } })
    ];
    for (const subject of statement.subject) {
        if (subject.name.startsWith(in_toto_subjects/* PEDIGREE_SUBJECT_PREFIX */.a) || !inSelected(subject.name))
            continue;
        checks.push(await fileCheck(rootReal, root, subject.name, subject.digest.sha256));
    }
    // The one run both entry points use, offline and with no sink: only the artifacts' summaries are read.
    const report = await (0,run/* runLineageGate */.W)({
        workspace: root,
        changeSet: { scope: 'all', changes: [], source: 'verify', notes: [] },
        include: inSelected,
        failOn: 'never',
        policy: opts.policy,
        now: opts.now,
        hub: { env: {}, offline: true },
        eventName: '',
        secrets: [],
        onSecret: () => undefined,
        log: () => undefined
    }, []);
    const recomputed = new Map(Array.from(report.artifacts, (a) => [a.dir, a]));
    for (const attested of artifacts)
        checks.push(pedigreeCheck(attested, recomputed.get(attested.dir)));
    return { checks, skipped: statement.predicate.artifacts.length - artifacts.length };
}


/***/ })

};

//# sourceMappingURL=911.index.js.map