/**
 * The report as a CycloneDX 1.6 ML-BOM, built with the CycloneDX library's model and JSON normalizer.
 * The library's model has no `pedigree`, `modelCard` or `data` yet, all of which 1.6 defines: they
 * are added to the normalized components, typed after the 1.6 schema. Imported only when a BOM is
 * written (see cyclonedx.ts).
 */
import { isFullSha } from '../../lineage/hub-id.js';
import { ComponentType, ExternalReferenceType, HashAlgorithm } from '@cyclonedx/cyclonedx-library/Enums';
import { Bom, BomLinkElement, Component, ExternalReference, Property } from '@cyclonedx/cyclonedx-library/Models';
import { JSON as CdxJson } from '@cyclonedx/cyclonedx-library/Serialize';
import { Spec1dot6 } from '@cyclonedx/cyclonedx-library/Spec';
import type { Evidence } from '../../lineage/record.js';
import type { Report, ReportArtifact, ReportDataset, ReportParent, ReportUpstream, ReportWeight } from '../report.js';
import { prettyJsonChunks } from './pretty-json.js';
import {
  hubDatasetPage,
  hubModelPage,
  huggingfacePurl,
  nestByDepth,
  pinnedCommit,
  type AncestorTree
} from './cyclonedx-hub.js';
import { licenseChoice } from './cyclonedx-license.js';

export interface BomOptions {
  toolVersion: string;
  /** `urn:uuid:…`; BOM-Links to this BOM's own components are built from it. */
  serialNumber: string;
  timestamp: Date;
}

/** CycloneDX 1.6 component fields the library's model lacks, shaped as the 1.6 schema defines them. */
interface Extras {
  pedigree?: { ancestors: Node[] };
  modelCard?: { modelParameters: { datasets: { ref: string }[] } };
  data?: { type: 'dataset'; name: string }[];
}

interface Node {
  component: Component;
  extras?: Extras;
}

type NormalizedNode = CdxJson.Types.Normalized.Component &
  Omit<Extras, 'pedigree'> & { pedigree?: { ancestors: NormalizedNode[] } };

type HubAncestor = NonNullable<ReportUpstream['hub']>['ancestors'][number];

const P = 'lineage-gate:';
const EVIDENCE_RANK: Record<Evidence, number> = { primary: 0, secondary: 1, inferred: 2 };
const SHA256 = /^[0-9a-f]{64}$/i;
const SERIAL = /^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** Properties with a value; names carry the tool's prefix (CycloneDX's convention for tool-specific names). */
function addProperties(component: Component, entries: [string, string | number | null | undefined][]): void {
  for (const [name, value] of entries)
    if (value !== null && value !== undefined) component.properties.add(new Property(`${P}${name}`, String(value)));
}

const sourceOf = (at: { path: string; line: number }): string => `${at.path}:${at.line}`;
const artifactRef = (dir: string): string => `artifact:${dir}`;

interface Context {
  /** BOM-Link prefix of this document: `urn:cdx:<uuid>/1#`. */
  bomLink: string;
  artifactDirs: ReadonlySet<string>;
  /** Dataset key → its top-level `data` component, in first-seen order. */
  datasets: Map<string, Node>;
  /** Dataset bom-refs given so far. */
  datasetRefs: Set<string>;
}

/**
 * bom-refs must be unique in the document; a clash gets a counter. Each kind has its own prefix and
 * artifact directories are unique, so artifacts need no check, a weight's ref (under its artifact's
 * directory) only against its artifact's others, and a dataset's against the datasets (two spellings
 * meeting). A BOM of 100,000 artifacts does not keep every ref it wrote.
 */
function uniqueRef(used: Set<string>, wanted: string): string {
  let ref = wanted;
  for (let n = 2; used.has(ref); n++) ref = `${wanted}#${n}`;
  used.add(ref);
  return ref;
}

function weightComponent(weight: ReportWeight, usedRefs: Set<string>): Component {
  const component = new Component(ComponentType.File, weight.path, {
    bomRef: uniqueRef(usedRefs, `weight:${weight.path}`)
  });
  const sha256 = weight.sha256 && SHA256.test(weight.sha256) ? weight.sha256.toLowerCase() : undefined;
  if (sha256) component.hashes.set(HashAlgorithm['SHA-256'], sha256);
  addProperties(component, [
    ['weight-format', weight.format],
    ['change', weight.status],
    // An LFS pointer's oid is the sha256 of the real file, which this checkout may not hold.
    ['digest-source', sha256 ? (weight.digestVia === 'lfs-pointer' ? 'lfs-pointer-oid' : 'file-bytes') : undefined],
    ['size', weight.size]
  ]);
  return component;
}

interface UpstreamGroup {
  id: string;
  revision: string | null;
  members: ReportUpstream[];
}

/** A full sha is case-insensitive; any other revision (a branch, a tag) is compared as written. */
const revisionKey = (r: string | null): string => (r && isFullSha(r) ? r.toLowerCase() : (r ?? ''));

/**
 * One ancestor per upstream model: manifests of one artifact often name the same base (adapter config
 * and model card), and an unpinned mention joins the pinned one. Two different revisions stay apart.
 */
function groupUpstreams(upstreams: readonly ReportUpstream[]): UpstreamGroup[] {
  const byId = new Map<string, ReportUpstream[]>();
  for (const u of upstreams) if (u.id) byId.set(u.id.toLowerCase(), [...(byId.get(u.id.toLowerCase()) ?? []), u]);
  const groups: UpstreamGroup[] = [];
  for (const members of byId.values()) {
    const revisions = [...new Set(members.map((m) => revisionKey(m.revision)).filter(Boolean))];
    const sets =
      revisions.length <= 1
        ? [members]
        : [
            ...revisions.map((r) => members.filter((m) => revisionKey(m.revision) === r)),
            members.filter((m) => !m.revision)
          ].filter((s) => s.length > 0);
    for (const set of sets)
      groups.push({ id: set[0].id!, revision: set.find((m) => m.revision)?.revision ?? null, members: set });
  }
  return groups;
}

const distinct = (values: string[]): string[] => [...new Set(values)];

function hubAncestorNode(tree: AncestorTree<HubAncestor>): Node {
  const { id, depth, license, evidence } = tree.item;
  const component = new Component(ComponentType.MachineLearningModel, id, { purl: huggingfacePurl(id) });
  const page = hubModelPage(id);
  if (page) component.externalReferences.add(new ExternalReference(page, ExternalReferenceType.ModelCard));
  for (const l of licenseChoice({ id: license }, 'declared')) component.licenses.add(l);
  addProperties(component, [
    ['evidence', evidence],
    ['role', 'hub-base-model'],
    ['hub-depth', depth]
  ]);
  const ancestors = tree.ancestors.map(hubAncestorNode);
  return { component, extras: ancestors.length ? { pedigree: { ancestors } } : {} };
}

/** An upstream model: its identity on the Hub, the claim's evidence and role, and its Hub ancestry nested below it. */
function upstreamNode(group: UpstreamGroup): Node {
  const { id, revision, members } = group;
  const hub = members.find((m) => m.hub)?.hub ?? null;
  const license = members.find((m) => m.license)?.license ?? null;
  const evidence = members.map((m) => m.evidence).sort((a, b) => EVIDENCE_RANK[a] - EVIDENCE_RANK[b])[0];
  const component = new Component(ComponentType.MachineLearningModel, id, {
    version: revision ?? hub?.sha ?? undefined,
    purl: huggingfacePurl(id, pinnedCommit(revision, hub?.sha))
  });
  const page = hubModelPage(id);
  if (page) component.externalReferences.add(new ExternalReference(page, ExternalReferenceType.ModelCard));
  const acknowledged = license?.via === 'declared' || license?.via === 'hub' ? 'declared' : 'concluded';
  for (const l of licenseChoice(license && { id: license.id }, acknowledged)) component.licenses.add(l);
  addProperties(component, [
    ['evidence', evidence],
    ...distinct(members.map((m) => m.role)).map((role): [string, string] => ['role', role]),
    ...distinct(members.map((m) => m.kind)).map((kind): [string, string] => ['reference-kind', kind]),
    ['license-source', license?.via],
    ['hub-status', hub?.status],
    ['resolved-revision', hub?.sha && hub.sha !== revision ? hub.sha : undefined],
    ...distinct(members.map(sourceOf)).map((s): [string, string] => ['declared-in', s])
  ]);
  const ancestors = nestByDepth(hub?.ancestors ?? []).map(hubAncestorNode);
  return { component, extras: ancestors.length ? { pedigree: { ancestors } } : {} };
}

/** A local parent points at its own component by BOM-Link: a component's bom-ref may appear only once. */
function parentNode(dir: string, parents: ReportParent[], ctx: Context): Node {
  const component = new Component(ComponentType.MachineLearningModel, dir);
  if (ctx.artifactDirs.has(dir)) {
    const link = new BomLinkElement(`${ctx.bomLink}${encodeURIComponent(artifactRef(dir))}`);
    component.externalReferences.add(
      new ExternalReference(link, ExternalReferenceType.BOM, { comment: 'The local artifact, in this BOM.' })
    );
  }
  addProperties(component, [
    ['dir', dir],
    ['role', 'local-parent'],
    ...distinct(parents.map(sourceOf)).map((s): [string, string] => ['declared-in', s])
  ]);
  return { component };
}

/** The same dataset (id and revision, or the text as written) is one top-level `data` component. */
function datasetRef(dataset: ReportDataset, ctx: Context): string {
  const key = dataset.id
    ? `id:${dataset.id.toLowerCase()}@${dataset.revision ?? ''}`
    : `raw:${dataset.raw}@${dataset.revision ?? ''}`;
  const known = ctx.datasets.get(key);
  if (known) {
    addProperties(known.component, [['declared-in', sourceOf(dataset)]]);
    return known.component.bomRef.value!;
  }
  const name = dataset.id ?? dataset.raw;
  const ref = uniqueRef(ctx.datasetRefs, `dataset:${name}${dataset.revision ? `@${dataset.revision}` : ''}`);
  const component = new Component(ComponentType.Data, name, { bomRef: ref, version: dataset.revision ?? undefined });
  for (const l of licenseChoice({ id: dataset.license }, 'declared')) component.licenses.add(l);
  const page = dataset.id ? hubDatasetPage(dataset.id) : undefined;
  if (page) component.externalReferences.add(new ExternalReference(page, ExternalReferenceType.Website));
  addProperties(component, [['declared-in', sourceOf(dataset)]]);
  ctx.datasets.set(key, { component, extras: { data: [{ type: 'dataset', name }] } });
  return ref;
}

function artifactNode(artifact: ReportArtifact, ctx: Context): Node {
  const component = new Component(ComponentType.MachineLearningModel, artifact.dir, {
    bomRef: artifactRef(artifact.dir)
  });
  for (const l of licenseChoice(artifact.license, 'declared')) component.licenses.add(l);
  addProperties(component, [
    ['status', artifact.status],
    ['dir', artifact.dir],
    ['pedigree', artifact.pedigree],
    ...artifact.manifests.map((m): [string, string] => ['manifest', m.path]),
    ['attribution', artifact.attribution]
  ]);
  // The BOM lists what the artifact is made of now: a weight file the change removed is not part of it.
  const weightRefs = new Set<string>();
  for (const w of artifact.weights)
    if (w.status !== 'removed') component.components.add(weightComponent(w, weightRefs));

  const parents = new Map<string, ReportParent[]>();
  for (const p of artifact.parents) parents.set(p.dir, [...(parents.get(p.dir) ?? []), p]);
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
export function renderBomChunks(report: Report, options: BomOptions): Iterable<string> {
  const uuid = SERIAL.exec(options.serialNumber)?.[1];
  if (!uuid) throw new TypeError(`serialNumber must be urn:uuid:<lower-case uuid>; got ${options.serialNumber}`);
  const ctx: Context = {
    bomLink: `urn:cdx:${uuid}/1#`,
    artifactDirs: new Set(Array.from(report.artifacts, (a) => a.dir)),
    datasets: new Map(),
    datasetRefs: new Set()
  };

  const bom = new Bom({ serialNumber: options.serialNumber, version: 1 });
  bom.metadata.timestamp = options.timestamp;
  bom.metadata.tools.components.add(
    new Component(ComponentType.Application, report.tool.name, { version: options.toolVersion })
  );
  bom.metadata.properties.add(new Property(`${P}result`, report.result));
  bom.metadata.properties.add(new Property(`${P}fail-on`, report.failOn));

  const factory = new CdxJson.Normalize.Factory(Spec1dot6);
  const normalizeOptions = { sortLists: false };
  const componentNormalizer = factory.makeForComponent();
  const normalize = (node: Node): NormalizedNode => {
    const base = componentNormalizer.normalize(node.component, normalizeOptions);
    if (!base) throw new TypeError(`CycloneDX 1.6 has no component type ${node.component.type}`);
    const { pedigree, ...rest } = node.extras ?? {};
    return { ...base, ...(pedigree ? { pedigree: { ancestors: pedigree.ancestors.map(normalize) } } : {}), ...rest };
  };
  const components = function* () {
    for (const a of report.artifacts) yield normalize(artifactNode(a, ctx));
    // Walked after every artifact has named its datasets.
    for (const dataset of ctx.datasets.values()) yield normalize(dataset);
  };
  const document = {
    ...factory.makeForBom().normalize(bom, normalizeOptions),
    components: { [Symbol.iterator]: components },
    // Derivation is stated by pedigree; a dependency graph would claim runtime needs the report does not know.
    dependencies: undefined
  };
  return (function* () {
    yield* prettyJsonChunks(document);
    yield '\n';
  })();
}
