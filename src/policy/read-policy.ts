/**
 * Turns a validated policy document (kebab-case YAML) into the `Policy` the pipeline uses
 * (camelCase settings over the built-in defaults, positions kept for findings about waivers;
 * license knowledge entries stay in the knowledge base's own kebab-case shape).
 */
import { isObject, own } from '../formats/fields.js';
import type { SourceDocument } from '../source/document.js';
import type { PathSegment } from '../source/span.js';
import { defaultEffectivePolicy } from './defaults.js';
import { mergeSettings, type PolicySettings } from './effective.js';
import type { PolicyLicenseEntry } from './knowledge-entry.js';
import type {
  LicenseSettings,
  Policy,
  PolicyLocation,
  RequireSettings,
  SeveritySetting,
  UpstreamSettings,
  UpstreamLicenseMapping,
  Waiver
} from './policy.js';

type Json = Record<string, unknown>;

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Copies `from[key]` to `to[as]` when the file wrote it (null included: it means "none"). */
function copy<T extends object>(
  to: Partial<T>,
  as: keyof T,
  from: Json,
  key: string,
  read: (v: unknown) => unknown = (v) => v
): void {
  if (Object.hasOwn(from, key)) (to as Record<keyof T, unknown>)[as] = read(from[key]);
}

const listOrNull = (v: unknown) => (v === null ? null : strings(v));

function readSettings(section: unknown): PolicySettings {
  if (!isObject(section)) return {};
  const out: PolicySettings = {};
  const rules = own(section, 'rules');
  if (isObject(rules))
    out.rules = Object.fromEntries(Object.entries(rules).map(([id, s]) => [id, s as SeveritySetting]));
  const require = own(section, 'require');
  if (isObject(require)) {
    const r: Partial<RequireSettings> = {};
    copy(r, 'pinnedRevisions', require, 'pinned-revisions');
    copy(r, 'evidence', require, 'evidence');
    copy(r, 'attribution', require, 'attribution');
    copy(r, 'hub', require, 'hub');
    out.require = r;
  }
  const licenses = own(section, 'licenses');
  if (isObject(licenses)) {
    const l: Partial<LicenseSettings> = {};
    copy(l, 'allow', licenses, 'allow', listOrNull);
    copy(l, 'deny', licenses, 'deny', strings);
    copy(l, 'unknown', licenses, 'unknown');
    out.licenses = l;
  }
  const upstreams = own(section, 'upstreams');
  if (isObject(upstreams)) {
    const u: Partial<UpstreamSettings> = {};
    copy(u, 'allow', upstreams, 'allow', listOrNull);
    copy(u, 'deny', upstreams, 'deny', strings);
    copy(u, 'mirrorsAsUpstream', upstreams, 'mirrors-as-upstream');
    out.upstreams = u;
  }
  return out;
}

function locate(doc: SourceDocument, file: string, path: readonly PathSegment[], key = false): PolicyLocation {
  const span = (key ? doc.keySpanOf(path) : doc.spanOf(path)) ?? doc.nearestSpan(path);
  return { path: file, line: span.line, column: span.column };
}

function items(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

function readWaivers(doc: SourceDocument, file: string, root: Json): Waiver[] {
  const list = own(root, 'waivers');
  if (!Array.isArray(list)) return [];
  return list.flatMap((w, i) => {
    if (!isObject(w)) return [];
    const upstream = own(w, 'upstream');
    const expires = own(w, 'expires');
    return [
      {
        rule: String(own(w, 'rule')),
        path: String(own(w, 'path')),
        ...(typeof upstream === 'string' ? { upstream } : {}),
        reason: String(own(w, 'reason')).trim(),
        ...(typeof expires === 'string' ? { expires } : {}),
        at: locate(doc, file, ['waivers', i])
      }
    ];
  });
}

function readUpstreamLicenses(doc: SourceDocument, file: string, licenses: unknown): UpstreamLicenseMapping[] {
  const map = own(licenses, 'upstreams');
  if (!isObject(map)) return [];
  return Object.entries(map)
    .filter((e): e is [string, string] => typeof e[1] === 'string')
    .map(([pattern, license]) => ({
      pattern,
      license: license.trim(),
      at: locate(doc, file, ['licenses', 'upstreams', pattern], true)
    }));
}

/** Entries keep the knowledge base's kebab-case shape: src/licenses reads them as its own data. */
function readKnowledge(doc: SourceDocument, file: string, licenses: unknown): PolicyLicenseEntry[] {
  const list = own(licenses, 'knowledge');
  if (!Array.isArray(list)) return [];
  return list.flatMap((e, i) =>
    isObject(e)
      ? [
          {
            ...(structuredClone(e) as Omit<PolicyLicenseEntry, 'at'>),
            at: locate(doc, file, ['licenses', 'knowledge', i])
          }
        ]
      : []
  );
}

/** The `Policy` of a document that passed validation. */
export function readPolicy(doc: SourceDocument, file: string): Policy {
  const root = isObject(doc.value) ? doc.value : {};
  const licenses = own(root, 'licenses');
  return {
    file,
    defaults: mergeSettings(defaultEffectivePolicy(), readSettings(root)),
    overrides: items(own(root, 'overrides')).map((o) => ({
      paths: strings(own(o, 'paths')),
      settings: readSettings(o)
    })),
    waivers: readWaivers(doc, file, root),
    upstreamLicenses: readUpstreamLicenses(doc, file, licenses),
    licenseEntries: readKnowledge(doc, file, licenses)
  };
}
