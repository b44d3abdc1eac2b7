/**
 * The pedigree id of an artifact ("lineage-gate pedigree v1", docs/pedigree.md): `sha256:` over the
 * RFC 8785 canonical JSON of what the artifact was made from. Only what names the lineage enters —
 * not where it is written (paths of manifests, line numbers, spellings of the same id, key order,
 * file order), so reformatting keeps the id and any change of a bound fact changes it.
 */
import { hash } from 'node:crypto';
import canonicalize from 'canonicalize';

export const PEDIGREE_VERSION = 'lineage-gate pedigree v1';

/** What the pedigree reads of an artifact's summary (the JSON report's `artifacts[]` entry). */
export interface PedigreeSource {
  dir: string;
  upstreams: readonly {
    /** The file that names it: a weight file's own header is left out (its sha256 binds it). */
    path: string;
    raw: string | null;
    kind: string;
    id: string | null;
    revision: string | null;
    role: string;
    hub: { sha: string | null; ancestors: readonly { id: string; depth: number }[] } | null;
  }[];
  /** `path`: the file that declares it; a weight file's header is left out like its upstreams. */
  license: { id: string | null; name: string | null; link: string | null; path?: string } | null;
  attribution: string | null;
  relations: readonly string[];
  training: Readonly<Record<string, readonly (string | number)[]>>;
  weights: readonly { path: string; status: string; sha256: string | null; size: number | null }[];
  /** The training run's data mix; the record has `dataMix` only when there is one. */
  dataMix?: readonly { path: string; weight: number | null; optional: boolean; sampleRate: number | null }[];
  datasets: readonly {
    path: string;
    raw: string;
    id: string | null;
    revision: string | null;
    /** What the Hub resolved the revision to; absent or null when it was not asked. */
    resolved?: string | null;
    license: string | null;
  }[];
}

export interface PedigreeUpstream {
  role: string;
  kind: string;
  /** Hub ids are case-insensitive: lower-cased. Null for a reference that names no id (then `raw`). */
  id: string | null;
  raw: string | null;
  revision: string | null;
  /** The commit the Hub resolved the revision (or the default branch) to; null with the Hub off. */
  resolved: string | null;
  ancestors: { id: string; depth: number }[];
}

/** The canonical lineage record an id is the digest of. Every list is sorted and without repeats. */
export interface PedigreeRecord {
  pedigree: typeof PEDIGREE_VERSION;
  upstreams: PedigreeUpstream[];
  relations: string[];
  license: { id: string | null; name: string | null; link: string | null } | null;
  attribution: string | null;
  training: Record<string, (string | number)[]>;
  weights: { name: string; sha256: string | null; size: number | null }[];
  datasets: {
    id: string | null;
    raw: string | null;
    revision: string | null;
    resolved: string | null;
    license: string | null;
  }[];
  /** Present only for an artifact whose training manifest has a data mix beside it. */
  dataMix?: { path: string; weight: number | null; optional: boolean; sampleRate: number | null }[];
}

/** Text as the record holds it: well-formed (a lone surrogate becomes U+FFFD), spaces collapsed. */
function text(value: string): string {
  return value.toWellFormed().replace(/\s+/g, ' ').trim();
}

function nullableText(value: string | null): string | null {
  return value === null ? null : text(value);
}

/** Sorted by canonical JSON, repeats dropped: the order manifests or files came in does not count. */
function canonicalSet<T>(items: readonly T[]): T[] {
  // Most lists hold one entry (or none): nothing to order, and a canonical text per entry is not free.
  if (items.length < 2) return [...items];
  const byKey = new Map<string, T>();
  for (const item of items) byKey.set(canonicalJson(item), item);
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, item]) => item);
}

/** A weight file's name inside its artifact's directory. */
function nameWithin(dir: string, path: string): string {
  return dir !== '' && dir !== '.' && path.startsWith(`${dir}/`) ? path.slice(dir.length + 1) : path;
}

/** One upstream as the record holds it (also how `verify` matches attested Hub facts to recomputed upstreams). */
export function pedigreeUpstream(u: PedigreeSource['upstreams'][number]): PedigreeUpstream {
  return {
    role: u.role,
    kind: u.kind,
    id: u.id === null ? null : text(u.id).toLowerCase(),
    raw: u.id === null ? nullableText(u.raw) : null,
    revision: nullableText(u.revision),
    resolved: u.hub?.sha ?? null,
    ancestors: canonicalSet((u.hub?.ancestors ?? []).map((a) => ({ id: text(a.id).toLowerCase(), depth: a.depth })))
  };
}

/** One dataset as the record holds it (also how `verify` matches attested Hub facts to recomputed datasets). */
export function pedigreeDataset(d: PedigreeSource['datasets'][number]): PedigreeRecord['datasets'][number] {
  return {
    id: d.id === null ? null : text(d.id).toLowerCase(),
    raw: d.id === null ? text(d.raw) : null,
    revision: nullableText(d.revision),
    resolved: d.resolved ?? null,
    license: nullableText(d.license)
  };
}

/** The record an artifact's pedigree id is computed over. */
export function pedigreeRecord(source: PedigreeSource): PedigreeRecord {
  // What a weight file's header says (GGUF metadata, safetensors shapes) is bound by the file's
  // sha256 already, and a checkout holding only LFS pointers could not read it: manifests only.
  const weightFiles = new Set(source.weights.map((w) => w.path));
  const fromManifest = (x: { path: string }) => !weightFiles.has(x.path);
  const training: Record<string, (string | number)[]> = {};
  for (const key of Object.keys(source.training).sort()) {
    const values = source.training[key].map((v) => (typeof v === 'string' ? text(v) : v));
    if (values.length) training[key] = canonicalSet(values);
  }
  const dataMix = canonicalSet(
    (source.dataMix ?? []).map((s) => ({
      path: text(s.path),
      weight: finiteOrNull(s.weight),
      optional: s.optional,
      sampleRate: finiteOrNull(s.sampleRate)
    }))
  );
  return {
    pedigree: PEDIGREE_VERSION,
    upstreams: canonicalSet(source.upstreams.filter(fromManifest).map(pedigreeUpstream)),
    relations: canonicalSet(source.relations.map(text)),
    license:
      source.license && !(source.license.path !== undefined && weightFiles.has(source.license.path))
        ? {
            id: nullableText(source.license.id),
            name: nullableText(source.license.name),
            link: nullableText(source.license.link)
          }
        : null,
    attribution: nullableText(source.attribution),
    training,
    weights: canonicalSet(
      source.weights
        .filter((w) => w.status !== 'removed')
        .map((w) => ({ name: nameWithin(source.dir, w.path), sha256: w.sha256, size: w.size }))
    ),
    datasets: canonicalSet(source.datasets.filter(fromManifest).map(pedigreeDataset)),
    ...(dataMix.length ? { dataMix } : {})
  };
}

/** JSON has no NaN or Infinity (RFC 8785 refuses them): a weight that is not a finite number is null. */
function finiteOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}

/** RFC 8785 (JSON Canonicalization Scheme) text of a value. */
export function canonicalJson(value: unknown): string {
  const json = canonicalize(value);
  if (json === undefined) throw new Error('a pedigree record must be JSON');
  return json;
}

/** The hex digest of a pedigree id (`sha256:<hex>` → `<hex>`), as an in-toto subject's digest holds it. */
export function pedigreeHex(id: string): string {
  return id.slice('sha256:'.length);
}

/** `sha256:` and the hex digest of the record's canonical JSON (UTF-8). */
export function pedigreeId(record: PedigreeRecord): string {
  return `sha256:${hash('sha256', canonicalJson(record), 'hex')}`;
}
