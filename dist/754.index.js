export const id = 754;
export const ids = [754];
export const modules = {

/***/ 3973:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  renderBomChunks: () => (/* binding */ renderBomChunks)
});

// EXTERNAL MODULE: ./src/lineage/hub-id.ts
var hub_id = __webpack_require__(2534);
// EXTERNAL MODULE: ./node_modules/@cyclonedx/cyclonedx-library/dist.node/enums/index.js
var enums = __webpack_require__(6820);
// EXTERNAL MODULE: ./node_modules/@cyclonedx/cyclonedx-library/dist.node/models/index.js
var models = __webpack_require__(320);
// EXTERNAL MODULE: ./node_modules/@cyclonedx/cyclonedx-library/dist.node/serialize/index.node.js
var index_node = __webpack_require__(1248);
// EXTERNAL MODULE: ./node_modules/@cyclonedx/cyclonedx-library/dist.node/spec/index.js
var spec = __webpack_require__(4321);
// EXTERNAL MODULE: ./src/report/render/pretty-json.ts
var pretty_json = __webpack_require__(8610);
;// CONCATENATED MODULE: ./src/report/render/cyclonedx-hub.ts
/**
 * How a Hugging Face id reads in a BOM: its package URL, its page, and its `base_model` ancestry as
 * a tree. Pure functions of strings from the report, so they are tested without the CycloneDX library.
 */

const HUB_BASE = 'https://huggingface.co';
/** `org/name` as the Hub validates it: the only shape that has a purl and a page. */
function qualifiedHubId(id) {
    if ((0,hub_id/* hubIdProblem */.ye)(id))
        return undefined;
    const [namespace, name] = id.split('/');
    return name ? [namespace, name] : undefined;
}
/**
 * `pkg:huggingface/<namespace>/<name>@<commit>` (purl-spec types/huggingface-definition.json): the
 * namespace is required and, like the name, keeps its case; the version is a commit hash, lowercased,
 * so a branch or tag is left out rather than written where a commit belongs. Undefined for ids without
 * an org (`gpt2`): the Hub redirects those to an org the report does not know.
 */
function huggingfacePurl(id, commit) {
    const parts = qualifiedHubId(id);
    if (!parts)
        return undefined;
    const path = parts.map(encodeURIComponent).join('/');
    return `pkg:huggingface/${path}${commit && (0,hub_id/* isFullSha */.Wf)(commit) ? `@${commit.toLowerCase()}` : ''}`;
}
/** The commit a purl can carry: the revision named when it is one, else what the Hub said it resolved to. */
function pinnedCommit(revision, hubSha) {
    if (revision && (0,hub_id/* isFullSha */.Wf)(revision))
        return revision.toLowerCase();
    return hubSha && (0,hub_id/* isFullSha */.Wf)(hubSha) ? hubSha.toLowerCase() : undefined;
}
/** The model's page on the Hub, for any valid id (bare legacy ids redirect there too). */
function hubModelPage(id) {
    return (0,hub_id/* hubIdProblem */.ye)(id) ? undefined : `${HUB_BASE}/${id}`;
}
/** A dataset's page on the Hub; dataset ids always have an org. */
function hubDatasetPage(id) {
    return qualifiedHubId(id) ? `${HUB_BASE}/datasets/${id}` : undefined;
}
/**
 * The report lists Hub ancestors breadth-first with their depth, not which child names each one.
 * A level with one repo is the next level's child; after a merge (several repos at one depth) the
 * deeper levels hang off the last single repo, or the upstream itself, which they are ancestors of
 * either way: the tree never claims a parent-child link the report does not support.
 */
function nestByDepth(items) {
    const top = [];
    let holder = top;
    const depths = [...new Set(items.map((i) => i.depth))].sort((a, b) => a - b);
    for (const depth of depths) {
        const level = items.filter((i) => i.depth === depth).map((item) => ({ item, ancestors: [] }));
        holder.push(...level);
        if (level.length === 1)
            holder = level[0].ancestors;
    }
    return top;
}

// EXTERNAL MODULE: ./node_modules/@cyclonedx/cyclonedx-library/dist.node/spdx.js
var spdx = __webpack_require__(1290);
// EXTERNAL MODULE: ./node_modules/spdx-expression-parse/index.js
var spdx_expression_parse = __webpack_require__(3326);
var spdx_expression_parse_default = /*#__PURE__*/__webpack_require__.n(spdx_expression_parse);
;// CONCATENATED MODULE: ./src/report/render/cyclonedx-license.ts
/**
 * A license as the report states it (a Hub or SPDX id, a name, a link) → one CycloneDX license choice.
 * CycloneDX only accepts `license.id` from its own copy of the SPDX list, spelled as the list spells
 * it, while the Hub writes SPDX ids in lower case (`apache-2.0`) and has ids of its own (`llama3.1`).
 */




/** Undefined when `text` is not an SPDX expression (spdx-expression-parse throws on anything else). */
function parsed(text) {
    try {
        return spdx_expression_parse_default()(text);
    }
    catch {
        return undefined;
    }
}
/** The SPDX list's spelling of `id` when it names exactly one license of the list (no `+`, no exception). */
function spdxLicenseId(id) {
    const canonical = (0,spdx.fixupSpdxId)(id.trim());
    const tree = canonical ? parsed(canonical) : undefined;
    return tree && 'license' in tree && tree.license === canonical && !tree.plus && !tree.exception
        ? canonical
        : undefined;
}
/**
 * A link from a manifest is untrusted: only an http(s) URL becomes `url`, which BOM viewers render as
 * a link, written as a valid URI (WHATWG-parsed, then percent-encoding what RFC 3986 does not allow);
 * the library's own check accepts any non-empty string. Anything else stays readable as a property.
 */
function httpUrl(text) {
    let parsedUrl;
    try {
        parsedUrl = new URL(text);
    }
    catch {
        return undefined;
    }
    if (parsedUrl.protocol !== 'http:' && parsedUrl.protocol !== 'https:')
        return undefined;
    return parsedUrl.href
        .replace(/%(?![0-9A-Fa-f]{2})/g, '%25')
        .replace(/[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/g, (c) => encodeURIComponent(c));
}
/** Zero or one license: a list id, else a valid SPDX expression, else a named license with its link. */
function licenseChoice(facts, acknowledgement) {
    const id = facts?.id?.trim() || undefined;
    const name = facts?.name?.trim() || undefined;
    const ack = acknowledgement === 'declared' ? enums.LicenseAcknowledgement.Declared : enums.LicenseAcknowledgement.Concluded;
    const link = facts?.link?.trim() || undefined;
    const url = link ? httpUrl(link) : undefined;
    const keep = (license) => {
        if (link && !url)
            license.properties.add(new models.Property('lineage-gate:license-link', link));
        return [license];
    };
    if (id) {
        const spdx = spdxLicenseId(id);
        if (spdx)
            return keep(new models.SpdxLicense(spdx, { url, acknowledgement: ack }));
        // `MIT OR Apache-2.0`, `GPL-2.0+`, `LicenseRef-…`: already SPDX, written as an expression.
        if (parsed(id)) {
            const expression = new models.LicenseExpression(id);
            expression.acknowledgement = ack;
            return [expression];
        }
    }
    const label = name ?? id;
    if (!label)
        return [];
    const named = new models.NamedLicense(label, { url, acknowledgement: ack });
    // A human name replaces the id as the label; the id (`other`, `llama3.1`) stays machine-readable.
    if (id && name && id !== name)
        named.properties.add(new models.Property('lineage-gate:license-id', id));
    return keep(named);
}

;// CONCATENATED MODULE: ./src/report/render/cyclonedx-bom.ts
/**
 * The report as a CycloneDX 1.6 ML-BOM, built with the CycloneDX library's model and JSON normalizer.
 * The library's model has no `pedigree`, `modelCard` or `data` yet, all of which 1.6 defines: they
 * are added to the normalized components, typed after the 1.6 schema. Imported only when a BOM is
 * written (see cyclonedx.ts).
 */








const P = 'lineage-gate:';
const EVIDENCE_RANK = { primary: 0, secondary: 1, inferred: 2 };
const SHA256 = /^[0-9a-f]{64}$/i;
const SERIAL = /^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
/** Properties with a value; names carry the tool's prefix (CycloneDX's convention for tool-specific names). */
function addProperties(component, entries) {
    for (const [name, value] of entries)
        if (value !== null && value !== undefined)
            component.properties.add(new models.Property(`${P}${name}`, String(value)));
}
const sourceOf = (at) => `${at.path}:${at.line}`;
const artifactRef = (dir) => `artifact:${dir}`;
/**
 * bom-refs must be unique in the document; a clash gets a counter. Each kind has its own prefix and
 * artifact directories are unique, so artifacts need no check, a weight's ref (under its artifact's
 * directory) only against its artifact's others, and a dataset's against the datasets (two spellings
 * meeting). A BOM of 100,000 artifacts does not keep every ref it wrote.
 */
function uniqueRef(used, wanted) {
    let ref = wanted;
    for (let n = 2; used.has(ref); n++)
        ref = `${wanted}#${n}`;
    used.add(ref);
    return ref;
}
function weightComponent(weight, usedRefs) {
    const component = new models.Component(enums.ComponentType.File, weight.path, {
        bomRef: uniqueRef(usedRefs, `weight:${weight.path}`)
    });
    const sha256 = weight.sha256 && SHA256.test(weight.sha256) ? weight.sha256.toLowerCase() : undefined;
    if (sha256)
        component.hashes.set(enums.HashAlgorithm['SHA-256'], sha256);
    addProperties(component, [
        ['weight-format', weight.format],
        ['change', weight.status],
        // An LFS pointer's oid is the sha256 of the real file, which this checkout may not hold.
        ['digest-source', sha256 ? (weight.digestVia === 'lfs-pointer' ? 'lfs-pointer-oid' : 'file-bytes') : undefined],
        ['size', weight.size]
    ]);
    return component;
}
/** A full sha is case-insensitive; any other revision (a branch, a tag) is compared as written. */
const revisionKey = (r) => (r && (0,hub_id/* isFullSha */.Wf)(r) ? r.toLowerCase() : (r ?? ''));
/**
 * One ancestor per upstream model: manifests of one artifact often name the same base (adapter config
 * and model card), and an unpinned mention joins the pinned one. Two different revisions stay apart.
 */
function groupUpstreams(upstreams) {
    const byId = new Map();
    for (const u of upstreams)
        if (u.id)
            byId.set(u.id.toLowerCase(), [...(byId.get(u.id.toLowerCase()) ?? []), u]);
    const groups = [];
    for (const members of byId.values()) {
        const revisions = [...new Set(members.map((m) => revisionKey(m.revision)).filter(Boolean))];
        const sets = revisions.length <= 1
            ? [members]
            : [
                ...revisions.map((r) => members.filter((m) => revisionKey(m.revision) === r)),
                members.filter((m) => !m.revision)
            ].filter((s) => s.length > 0);
        for (const set of sets)
            groups.push({ id: set[0].id, revision: set.find((m) => m.revision)?.revision ?? null, members: set });
    }
    return groups;
}
const distinct = (values) => [...new Set(values)];
function hubAncestorNode(tree) {
    const { id, depth, license, evidence } = tree.item;
    const component = new models.Component(enums.ComponentType.MachineLearningModel, id, { purl: huggingfacePurl(id) });
    const page = hubModelPage(id);
    if (page)
        component.externalReferences.add(new models.ExternalReference(page, enums.ExternalReferenceType.ModelCard));
    for (const l of licenseChoice({ id: license }, 'declared'))
        component.licenses.add(l);
    addProperties(component, [
        ['evidence', evidence],
        ['role', 'hub-base-model'],
        ['hub-depth', depth]
    ]);
    const ancestors = tree.ancestors.map(hubAncestorNode);
    return { component, extras: ancestors.length ? { pedigree: { ancestors } } : {} };
}
/** An upstream model: its identity on the Hub, the claim's evidence and role, and its Hub ancestry nested below it. */
function upstreamNode(group) {
    const { id, revision, members } = group;
    const hub = members.find((m) => m.hub)?.hub ?? null;
    const license = members.find((m) => m.license)?.license ?? null;
    const evidence = members.map((m) => m.evidence).sort((a, b) => EVIDENCE_RANK[a] - EVIDENCE_RANK[b])[0];
    const component = new models.Component(enums.ComponentType.MachineLearningModel, id, {
        version: revision ?? hub?.sha ?? undefined,
        purl: huggingfacePurl(id, pinnedCommit(revision, hub?.sha))
    });
    const page = hubModelPage(id);
    if (page)
        component.externalReferences.add(new models.ExternalReference(page, enums.ExternalReferenceType.ModelCard));
    const acknowledged = license?.via === 'declared' || license?.via === 'hub' ? 'declared' : 'concluded';
    for (const l of licenseChoice(license && { id: license.id }, acknowledged))
        component.licenses.add(l);
    addProperties(component, [
        ['evidence', evidence],
        ...distinct(members.map((m) => m.role)).map((role) => ['role', role]),
        ...distinct(members.map((m) => m.kind)).map((kind) => ['reference-kind', kind]),
        ['license-source', license?.via],
        ['hub-status', hub?.status],
        ['resolved-revision', hub?.sha && hub.sha !== revision ? hub.sha : undefined],
        ...distinct(members.map(sourceOf)).map((s) => ['declared-in', s])
    ]);
    const ancestors = nestByDepth(hub?.ancestors ?? []).map(hubAncestorNode);
    return { component, extras: ancestors.length ? { pedigree: { ancestors } } : {} };
}
/** A local parent points at its own component by BOM-Link: a component's bom-ref may appear only once. */
function parentNode(dir, parents, ctx) {
    const component = new models.Component(enums.ComponentType.MachineLearningModel, dir);
    if (ctx.artifactDirs.has(dir)) {
        const link = new models.BomLinkElement(`${ctx.bomLink}${encodeURIComponent(artifactRef(dir))}`);
        component.externalReferences.add(new models.ExternalReference(link, enums.ExternalReferenceType.BOM, { comment: 'The local artifact, in this BOM.' }));
    }
    addProperties(component, [
        ['dir', dir],
        ['role', 'local-parent'],
        ...distinct(parents.map(sourceOf)).map((s) => ['declared-in', s])
    ]);
    return { component };
}
/** The same dataset (id and revision, or the text as written) is one top-level `data` component. */
function datasetRef(dataset, ctx) {
    const key = dataset.id
        ? `id:${dataset.id.toLowerCase()}@${dataset.revision ?? ''}`
        : `raw:${dataset.raw}@${dataset.revision ?? ''}`;
    const known = ctx.datasets.get(key);
    if (known) {
        addProperties(known.component, [['declared-in', sourceOf(dataset)]]);
        return known.component.bomRef.value;
    }
    const name = dataset.id ?? dataset.raw;
    const ref = uniqueRef(ctx.datasetRefs, `dataset:${name}${dataset.revision ? `@${dataset.revision}` : ''}`);
    const component = new models.Component(enums.ComponentType.Data, name, { bomRef: ref, version: dataset.revision ?? undefined });
    for (const l of licenseChoice({ id: dataset.license }, 'declared'))
        component.licenses.add(l);
    const page = dataset.id ? hubDatasetPage(dataset.id) : undefined;
    if (page)
        component.externalReferences.add(new models.ExternalReference(page, enums.ExternalReferenceType.Website));
    addProperties(component, [['declared-in', sourceOf(dataset)]]);
    ctx.datasets.set(key, { component, extras: { data: [{ type: 'dataset', name }] } });
    return ref;
}
function artifactNode(artifact, ctx) {
    const component = new models.Component(enums.ComponentType.MachineLearningModel, artifact.dir, {
        bomRef: artifactRef(artifact.dir)
    });
    for (const l of licenseChoice(artifact.license, 'declared'))
        component.licenses.add(l);
    addProperties(component, [
        ['status', artifact.status],
        ['dir', artifact.dir],
        ['pedigree', artifact.pedigree],
        ...artifact.manifests.map((m) => ['manifest', m.path]),
        ['attribution', artifact.attribution]
    ]);
    // The BOM lists what the artifact is made of now: a weight file the change removed is not part of it.
    const weightRefs = new Set();
    for (const w of artifact.weights)
        if (w.status !== 'removed')
            component.components.add(weightComponent(w, weightRefs));
    const parents = new Map();
    for (const p of artifact.parents)
        parents.set(p.dir, [...(parents.get(p.dir) ?? []), p]);
    const ancestors = [
        ...groupUpstreams(artifact.upstreams).map(upstreamNode),
        ...[...parents].map(([dir, list]) => parentNode(dir, list, ctx))
    ];
    const datasets = distinct(artifact.datasets.map((d) => datasetRef(d, ctx)));
    return {
        component,
        extras: {
            ...(ancestors.length ? { pedigree: { ancestors } } : {}),
            ...(datasets.length ? { modelCard: { modelParameters: { datasets: datasets.map((ref) => ({ ref })) } } } : {})
        }
    };
}
/**
 * The BOM as a JSON document (2-space indent, trailing newline), in pieces: each component is made
 * and written as the report's artifacts are walked, the datasets they name after them.
 */
function renderBomChunks(report, options) {
    const uuid = SERIAL.exec(options.serialNumber)?.[1];
    if (!uuid)
        throw new TypeError(`serialNumber must be urn:uuid:<lower-case uuid>; got ${options.serialNumber}`);
    const ctx = {
        bomLink: `urn:cdx:${uuid}/1#`,
        artifactDirs: new Set(Array.from(report.artifacts, (a) => a.dir)),
        datasets: new Map(),
        datasetRefs: new Set()
    };
    const bom = new models.Bom({ serialNumber: options.serialNumber, version: 1 });
    bom.metadata.timestamp = options.timestamp;
    bom.metadata.tools.components.add(new models.Component(enums.ComponentType.Application, report.tool.name, { version: options.toolVersion }));
    bom.metadata.properties.add(new models.Property(`${P}result`, report.result));
    bom.metadata.properties.add(new models.Property(`${P}fail-on`, report.failOn));
    const factory = new index_node.JSON.Normalize.Factory(spec.Spec1dot6);
    const normalizeOptions = { sortLists: false };
    const componentNormalizer = factory.makeForComponent();
    const normalize = (node) => {
        const base = componentNormalizer.normalize(node.component, normalizeOptions);
        if (!base)
            throw new TypeError(`CycloneDX 1.6 has no component type ${node.component.type}`);
        const { pedigree, ...rest } = node.extras ?? {};
        return { ...base, ...(pedigree ? { pedigree: { ancestors: pedigree.ancestors.map(normalize) } } : {}), ...rest };
    };
    const components = function* () {
        for (const a of report.artifacts)
            yield normalize(artifactNode(a, ctx));
        // Walked after every artifact has named its datasets.
        for (const dataset of ctx.datasets.values())
            yield normalize(dataset);
    };
    const document = {
        ...factory.makeForBom().normalize(bom, normalizeOptions),
        components: { [Symbol.iterator]: components },
        // Derivation is stated by pedigree; a dependency graph would claim runtime needs the report does not know.
        dependencies: undefined
    };
    return (function* () {
        yield* (0,pretty_json/* prettyJsonChunks */.x)(document);
        yield '\n';
    })();
}


/***/ }),

/***/ 7754:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderCycloneDx: () => (/* binding */ renderCycloneDx),
/* harmony export */   renderCycloneDxChunks: () => (/* binding */ renderCycloneDxChunks)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/**
 * The report as a CycloneDX 1.6 ML-BOM (JSON): one `machine-learning-model` component per artifact,
 * with its license, weight files and digests, its upstream models and their Hub ancestry as pedigree,
 * and its datasets as `data` components referenced from its model card.
 *
 * The CycloneDX library (and the builder using it) is imported on the first call, so that runs
 * which write no BOM do not evaluate it at start-up. `webpackMode: "eager"` keeps it inside the
 * ncc bundle rather than in a chunk file of its own: ncc writes licenses.txt once per chunk, and a
 * second chunk's notices replaced the bundle's (parsing the extra code costs a few milliseconds).
 */

/** The BOM in pieces, made as they are written (see renderBomChunks). */
async function renderCycloneDxChunks(report, options) {
    const { renderBomChunks } = await Promise.resolve(/* import() eager */).then(__webpack_require__.bind(__webpack_require__, 3973));
    return renderBomChunks(report, {
        toolVersion: options.toolVersion,
        serialNumber: options.serialNumber ?? `urn:uuid:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}`,
        timestamp: options.timestamp ?? new Date()
    });
}
/** The BOM as one string (tests, small runs). */
async function renderCycloneDx(report, options) {
    return [...(await renderCycloneDxChunks(report, options))].join('');
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

//# sourceMappingURL=754.index.js.map