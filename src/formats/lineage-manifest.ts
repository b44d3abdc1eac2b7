import schema from '../../schemas/lineage.schema.json' with { type: 'json' };
import { classifyDatasetId } from '../lineage/classify.js';
import type {
  DatasetRef,
  DigestDecl,
  Evidence,
  LicenseDecl,
  LocalRef,
  UpstreamRef,
  UpstreamRole
} from '../lineage/record.js';
import type { PathSegment } from '../source/span.js';
import { emptyRecord, trainingFactsAt, upstreamAt, weakerEvidence } from './declarations.js';
import { hasKey, isObject, own, sourceAt, stringAt, valueAt } from './fields.js';
import type { FormatInput, ManifestFormat } from './format.js';
import { hasLineageName } from './manifest-names.js';

const ID = 'lineage-manifest';

/** Top-level keys of the lineage manifest (schemas/lineage.schema.json). */
export const LINEAGE_KEYS: readonly string[] = [
  'schema',
  'name',
  'relation',
  'upstreams',
  'license',
  'attribution',
  'datasets',
  'training',
  'weights'
];

const ROLES: readonly string[] = ['base', 'upstream', 'merge-parent', 'quantized-from'];
const EVIDENCE: readonly string[] = ['primary', 'secondary', 'inferred'];

/** `license:` as a Hub/SPDX id string, or `{ id, name, link }`. */
function licenseAt(input: FormatInput, path: readonly PathSegment[]): LicenseDecl | undefined {
  const value = valueAt(input.doc.value, path);
  if (typeof value === 'string') return { id: value, source: sourceAt(input, path) };
  if (!isObject(value)) return undefined;
  const id = stringAt(input, [...path, 'id']);
  const name = stringAt(input, [...path, 'name']);
  const link = stringAt(input, [...path, 'link']);
  // Point at the id when there is one: that is what license findings are about.
  const source = id?.source ?? sourceAt(input, path);
  return {
    ...(id ? { id: id.value } : {}),
    ...(name ? { name: name.value } : {}),
    ...(link ? { link: link.value } : {}),
    source
  };
}

function readUpstream(input: FormatInput, i: number): { ref?: UpstreamRef; local?: LocalRef; license?: LicenseDecl } {
  const path = ['upstreams', i];
  const roleValue = own(valueAt(input.doc.value, path), 'relation');
  const role = (typeof roleValue === 'string' && ROLES.includes(roleValue) ? roleValue : 'base') as UpstreamRole;
  // A local parent artifact: followed by the graph stage, not looked up on the Hub.
  const local = stringAt(input, [...path, 'path']);
  if (local && !hasKey(valueAt(input.doc.value, path), 'id')) {
    return { local: { raw: local.value, source: local.source, role }, license: licenseAt(input, [...path, 'license']) };
  }
  const ref = upstreamAt(input, [...path, 'id'], role);
  if (!ref) return { license: licenseAt(input, [...path, 'license']) };
  const revision = stringAt(input, [...path, 'revision']);
  if (revision && revision.value.trim() !== '' && !ref.revision) ref.revision = revision.value;
  const declared = own(valueAt(input.doc.value, path), 'evidence');
  // The author's evidence class can only lower what the reference itself supports: an id
  // recovered from a cache path stays `inferred` whatever the manifest says.
  if (typeof declared === 'string' && EVIDENCE.includes(declared))
    ref.evidence = weakerEvidence(ref.evidence, declared as Evidence);
  const citation = stringAt(input, [...path, 'source']);
  if (citation) ref.citation = citation.value;
  return { ref, license: licenseAt(input, [...path, 'license']) };
}

function readDataset(input: FormatInput, i: number): DatasetRef | undefined {
  const path = ['datasets', i];
  const value = valueAt(input.doc.value, path);
  const idPath = typeof value === 'string' ? path : [...path, 'id'];
  const entry = stringAt(input, idPath);
  if (!entry) return undefined;
  const found = classifyDatasetId(entry.value);
  const revision = stringAt(input, [...path, 'revision'])?.value ?? found.revision;
  const license = stringAt(input, [...path, 'license'])?.value;
  return {
    raw: entry.value,
    ...(found.id ? { id: found.id } : {}),
    ...(revision ? { revision } : {}),
    ...(license ? { license } : {}),
    source: entry.source
  };
}

function readDigest(input: FormatInput, i: number): DigestDecl | undefined {
  const file = stringAt(input, ['weights', i, 'path']);
  const sha = stringAt(input, ['weights', i, 'sha256']);
  if (!file || !sha) return undefined;
  return { file: file.value, sha256: sha.value.toLowerCase(), source: sha.source };
}

function indices(value: unknown): number[] {
  return Array.isArray(value) ? value.map((_, i) => i) : [];
}

/**
 * lineage-gate's own manifest (docs/lineage-manifest.md): what the third-party formats cannot
 * say — pinned revisions, evidence classes, the artifact's license, attribution, digests.
 */
export const lineageManifest: ManifestFormat = {
  id: ID,
  name: 'lineage manifest',
  syntax: 'yaml',
  upstreamHint: 'add an entry to `upstreams:` with `id: org/name` and `revision: <40-hex sha>`',
  revisionHint: () => '`revision:` on its entry in `upstreams:`',
  schema,
  // By its own name, any of its keys will do (the schema then says what is wrong); under another
  // name only its two defining keys together.
  detect(value, basename) {
    if (!isObject(value)) return false;
    if (hasLineageName(basename)) return LINEAGE_KEYS.some((k) => hasKey(value, k));
    return hasKey(value, 'schema') && hasKey(value, 'upstreams');
  },
  read(input) {
    const record = emptyRecord(input, ID);
    const root = input.doc.value;
    const name = stringAt(input, ['name']);
    if (name) record.name = name;
    const relation = stringAt(input, ['relation']);
    if (relation) record.relation = relation;
    for (const i of indices(own(root, 'upstreams'))) {
      const { ref, local, license } = readUpstream(input, i);
      if (ref) record.upstreams.push(ref);
      if (local) (record.localRefs ??= []).push(local);
      if (license) record.upstreamLicenses.push(license);
    }
    const license = licenseAt(input, ['license']);
    if (license) record.license = license;
    const attribution = own(root, 'attribution');
    if (isObject(attribution)) {
      const text = stringAt(input, ['attribution', 'text']);
      const required = own(attribution, 'required');
      record.attribution = {
        ...(text ? { text: text.value } : {}),
        ...(typeof required === 'boolean' ? { required } : {}),
        source:
          text?.source ?? sourceAt(input, typeof required === 'boolean' ? ['attribution', 'required'] : ['attribution'])
      };
    }
    for (const i of indices(own(root, 'datasets'))) {
      const dataset = readDataset(input, i);
      if (dataset) record.datasets.push(dataset);
    }
    const training = trainingFactsAt(input, {
      method: ['training', 'method'],
      framework: ['training', 'framework'],
      runId: ['training', 'run_id']
    });
    if (training) record.training = training;
    for (const i of indices(own(root, 'weights'))) {
      const digest = readDigest(input, i);
      if (digest) record.digests.push(digest);
    }
    return record;
  }
};
