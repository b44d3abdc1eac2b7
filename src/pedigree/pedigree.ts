/**
 * The pedigree id of an artifact ("lineage-gate pedigree v1", docs/pedigree.md): `sha256:` over the
 * RFC 8785 canonical JSON of what the artifact was made from. Only what names the lineage enters —
 * not where it is written (paths of manifests, line numbers, spellings of the same id, key order,
 * file order), so reformatting keeps the id and any change of a bound fact changes it.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

export const PEDIGREE_VERSION = 'lineage-gate pedigree v1';

/** What the pedigree reads of an artifact's summary (the JSON report's `artifacts[]` entry). */
export interface PedigreeSource {
  dir: string;
  upstreams: readonly {
    raw: string | null;
    kind: string;
    id: string | null;
    revision: string | null;
    role: string;
    hub: { sha: string | null; ancestors: readonly { id: string; depth: number }[] } | null;
  }[];
  license: { id: string | null; name: string | null; link: string | null } | null;
  attribution: string | null;
  relations: readonly string[];
  training: Readonly<Record<string, readonly (string | number)[]>>;
  weights: readonly { path: string; status: string; sha256: string | null; size: number | null }[];
  datasets: readonly { raw: string; id: string | null; revision: string | null; license: string | null }[];
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
  datasets: { id: string | null; raw: string | null; revision: string | null; license: string | null }[];
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
  const byKey = new Map<string, T>();
  for (const item of items) byKey.set(canonicalJson(item), item);
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, item]) => item);
}

/** A weight file's name inside its artifact's directory. */
function nameWithin(dir: string, path: string): string {
  return dir !== '' && dir !== '.' && path.startsWith(`${dir}/`) ? path.slice(dir.length + 1) : path;
}

function upstreamOf(u: PedigreeSource['upstreams'][number]): PedigreeUpstream {
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

/** The record an artifact's pedigree id is computed over. */
export function pedigreeRecord(source: PedigreeSource): PedigreeRecord {
  const training: Record<string, (string | number)[]> = {};
  for (const key of Object.keys(source.training).sort()) {
    const values = source.training[key].map((v) => (typeof v === 'string' ? text(v) : v));
    if (values.length) training[key] = canonicalSet(values);
  }
  return {
    pedigree: PEDIGREE_VERSION,
    upstreams: canonicalSet(source.upstreams.map(upstreamOf)),
    relations: canonicalSet(source.relations.map(text)),
    license: source.license
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
    datasets: canonicalSet(
      source.datasets.map((d) => ({
        id: d.id === null ? null : text(d.id).toLowerCase(),
        raw: d.id === null ? text(d.raw) : null,
        revision: nullableText(d.revision),
        license: nullableText(d.license)
      }))
    )
  };
}

/** RFC 8785 (JSON Canonicalization Scheme) text of a value. */
export function canonicalJson(value: unknown): string {
  const json = canonicalize(value);
  if (json === undefined) throw new Error('a pedigree record must be JSON');
  return json;
}

/** `sha256:` and the hex digest of the record's canonical JSON (UTF-8). */
export function pedigreeId(record: PedigreeRecord): string {
  return `sha256:${createHash('sha256').update(canonicalJson(record), 'utf8').digest('hex')}`;
}
