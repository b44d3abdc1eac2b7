/**
 * What changed between an attested lineage record and the one the files give now, one line per
 * fact, in the record's own terms (docs/pedigree.md), so a failed `verify` says what to look at.
 */
import { canonicalJson, type PedigreeRecord, type PedigreeUpstream } from '../pedigree/pedigree.js';

/** Long values (an attribution, a license name) are cut: the line says what changed, not everything. */
const MAX_SHOWN = 80;

function shown(value: unknown): string {
  const text = value === null || value === undefined ? 'none' : JSON.stringify(value);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}

function upstreamText(u: PedigreeUpstream): string {
  const name = u.id ?? u.raw ?? '(empty)';
  return `${u.role} ${name}${u.revision ? `@${u.revision}` : ''}`;
}

/** Entries only one side has, as "added"/"removed" lines. */
function setDifferences<T>(what: string, attested: readonly T[], now: readonly T[], text: (x: T) => string): string[] {
  const before = new Set(attested.map((x) => canonicalJson(x)));
  const after = new Set(now.map((x) => canonicalJson(x)));
  return [
    ...attested.filter((x) => !after.has(canonicalJson(x))).map((x) => `${what} removed: ${text(x)}`),
    ...now.filter((x) => !before.has(canonicalJson(x))).map((x) => `${what} added: ${text(x)}`)
  ];
}

function weightDifferences(attested: PedigreeRecord['weights'], now: PedigreeRecord['weights']): string[] {
  const before = new Map(attested.map((w) => [w.name, w]));
  const after = new Map(now.map((w) => [w.name, w]));
  const lines: string[] = [];
  for (const [name, w] of before) {
    const n = after.get(name);
    if (!n) lines.push(`weight file removed: ${name}`);
    else if (n.sha256 !== w.sha256 || n.size !== w.size)
      lines.push(`weight file ${name}: attested sha256 ${shown(w.sha256)}, now ${shown(n.sha256)}`);
  }
  for (const name of after.keys()) if (!before.has(name)) lines.push(`weight file added: ${name}`);
  return lines;
}

function changed(what: string, attested: unknown, now: unknown): string[] {
  return canonicalJson(attested ?? null) === canonicalJson(now ?? null)
    ? []
    : [`${what}: attested ${shown(attested)}, now ${shown(now)}`];
}

export function describeDifferences(attested: PedigreeRecord, now: PedigreeRecord): string[] {
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
