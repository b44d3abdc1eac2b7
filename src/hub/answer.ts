/**
 * What the Hub said about one repo, in the gate's own terms. Rules read these answers; the
 * client, the cache and the ancestry walk produce and keep them. Everything here is plain data
 * (JSON-serialisable) so that answers can be cached across runs.
 */

export type RepoType = 'model' | 'dataset';

/** One question to the Hub: a repo, optionally at a revision (branch, tag, 40-hex sha, `refs/pr/N`). */
export interface RepoQuery {
  type: RepoType;
  id: string;
  revision?: string;
}

/** The Hub's `gated` field: `false`, or how access requests are approved. */
export type Gated = false | 'auto' | 'manual';

/** The facts of a repo the gate uses, read from `/api/models/{id}` or `/api/datasets/{id}`. */
export interface HubRepoInfo {
  /** The id as the Hub reports it: the canonical one, which differs from the one asked for after a rename. */
  id: string;
  /** Commit the answer describes: what the asked revision (or the default branch) points at today. */
  sha?: string;
  gated: Gated;
  private: boolean;
  disabled: boolean;
  /** The card's license when it names exactly one (`cardData.license`, else the `license:` tag). */
  license?: string;
  /** Every license id the card names (a card may list several). */
  licenses: string[];
  /** `cardData.license_name` (set with `license: other`). */
  licenseName?: string;
  /** `cardData.license_link`, as written (may be relative to the repo, e.g. `LICENSE.md`). */
  licenseLink?: string;
  /** Parents named by the card's `base_model` (string or list); else the Hub's own `baseModels`/`base_model:` tags. */
  baseModels: string[];
  /** `cardData.base_model_relation` or the Hub's inferred relation (`adapter`, `merge`, `quantized`, `finetune`). */
  baseModelRelation?: string;
  tags: string[];
  /** File paths in the repo (`siblings[].rfilename`). */
  siblings: string[];
}

/**
 * One answer per question. `unreachable` means "could not ask" (network, time budget, rate
 * limit, a reply the gate cannot read), never "does not exist".
 */
export type HubAnswer =
  | { kind: 'found'; info: HubRepoInfo }
  | {
      kind: 'not-found';
      /**
       * Whether the request carried the token. A 401 to an anonymous request proves nothing:
       * missing, private and gated look alike.
       */
      authenticated: boolean;
      status: number;
      detail: string;
    }
  | { kind: 'revision-not-found'; revision: string; detail: string }
  | { kind: 'gated'; authenticated: boolean; detail: string }
  | { kind: 'disabled'; detail: string }
  | {
      kind: 'unreachable';
      reason: string;
      attempts: number;
      /**
       * No connection to the endpoint could be made at all (its host name does not resolve, the
       * connection is refused or reset): a fact about the Hub, not this repo, reported once per run.
       */
      hubDown?: true;
    };

export type HubAnswerKind = HubAnswer['kind'];

/** Answers that describe the repo rather than this run's network, and so may be kept across runs. */
export const CACHEABLE_KINDS: readonly HubAnswerKind[] = [
  'found',
  'not-found',
  'revision-not-found',
  'gated',
  'disabled'
];

export function isCacheable(answer: HubAnswer): boolean {
  return CACHEABLE_KINDS.includes(answer.kind);
}

// Bounds on what one answer may carry: the reply comes from a configurable endpoint.
const MAX_LIST = 10_000;
const MAX_BASE_MODELS = 64;
const MAX_TEXT = 2_048;

function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed ? trimmed.slice(0, MAX_TEXT) : undefined;
}

function strings(value: unknown, max: number): string[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  const out: string[] = [];
  for (const item of list) {
    const s = text(item);
    if (s !== undefined && !out.includes(s)) out.push(s);
    if (out.length >= max) break;
  }
  return out;
}

function gatedOf(value: unknown): Gated {
  if (value === 'auto' || value === 'manual') return value;
  if (value === false || value === undefined || value === null || value === 'false') return false;
  // An unknown truthy value: treat as gated with manual approval, the stricter reading.
  return 'manual';
}

/** `base_model:<id>` and `base_model:<relation>:<id>` tags the Hub adds to derived repos. */
function fromBaseModelTags(tags: string[]): { ids: string[]; relation?: string } {
  const ids: string[] = [];
  let relation: string | undefined;
  for (const tag of tags) {
    if (!tag.startsWith('base_model:')) continue;
    const rest = tag.slice('base_model:'.length);
    const parts = rest.split(':');
    if (parts.length === 2) {
      relation ??= parts[0];
      if (!ids.includes(parts[1])) ids.push(parts[1]);
    } else if (parts.length === 1 && !ids.includes(rest)) {
      ids.push(rest);
    }
  }
  return { ids: ids.slice(0, MAX_BASE_MODELS), relation };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a 200 reply of the repo-info API into `HubRepoInfo`. Returns undefined when the body is
 * not a JSON object (a proxy's HTML page, a truncated reply).
 */
export function repoInfoFromJson(json: unknown, askedId: string): HubRepoInfo | undefined {
  if (!isRecord(json)) return undefined;
  const card = isRecord(json.cardData) ? json.cardData : {};
  const tags = strings(json.tags, MAX_LIST);

  // The card is what the author declared; the Hub's `baseModels` and tags are derived from it
  // (and use renamed ids), so they only stand in when the card says nothing.
  let baseModels = strings(card.base_model, MAX_BASE_MODELS);
  let baseModelRelation = text(card.base_model_relation);
  const hubBase = isRecord(json.baseModels) ? json.baseModels : undefined;
  if (baseModels.length === 0 && hubBase) {
    baseModels = strings(
      Array.isArray(hubBase.models) ? hubBase.models.map((m) => (isRecord(m) ? m.id : undefined)) : [],
      MAX_BASE_MODELS
    );
  }
  if (hubBase) baseModelRelation ??= text(hubBase.relation);
  const tagged = fromBaseModelTags(tags);
  if (baseModels.length === 0) baseModels = tagged.ids;
  baseModelRelation ??= tagged.relation;

  let licenses = strings(card.license, MAX_BASE_MODELS);
  if (licenses.length === 0)
    licenses = tags.filter((t) => t.startsWith('license:')).map((t) => t.slice('license:'.length));

  const siblings = Array.isArray(json.siblings)
    ? strings(
        json.siblings.map((s) => (isRecord(s) ? s.rfilename : undefined)),
        MAX_LIST
      )
    : [];
  const sha = text(json.sha);
  return {
    id: text(json.id) ?? askedId,
    ...(sha ? { sha } : {}),
    gated: gatedOf(json.gated),
    private: json.private === true,
    disabled: json.disabled === true,
    ...(licenses.length === 1 ? { license: licenses[0] } : {}),
    licenses,
    ...optional('licenseName', text(card.license_name)),
    ...optional('licenseLink', text(card.license_link)),
    baseModels,
    ...optional('baseModelRelation', baseModelRelation),
    tags,
    siblings
  };
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

const GATED_VALUES: readonly unknown[] = [false, 'auto', 'manual'];

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function isOptionalString(value: unknown): boolean {
  return value === undefined || typeof value === 'string';
}

/** Shape check for answers read back from a cache file (which may be stale, edited or corrupt). */
export function isHubAnswer(value: unknown): value is HubAnswer {
  if (!isRecord(value)) return false;
  switch (value.kind) {
    case 'found': {
      const info = value.info;
      return (
        isRecord(info) &&
        typeof info.id === 'string' &&
        isOptionalString(info.sha) &&
        GATED_VALUES.includes(info.gated) &&
        typeof info.private === 'boolean' &&
        typeof info.disabled === 'boolean' &&
        isOptionalString(info.license) &&
        isStringArray(info.licenses) &&
        isOptionalString(info.licenseName) &&
        isOptionalString(info.licenseLink) &&
        isStringArray(info.baseModels) &&
        isOptionalString(info.baseModelRelation) &&
        isStringArray(info.tags) &&
        isStringArray(info.siblings)
      );
    }
    case 'not-found':
      return (
        typeof value.authenticated === 'boolean' && typeof value.status === 'number' && typeof value.detail === 'string'
      );
    case 'revision-not-found':
      return typeof value.revision === 'string' && typeof value.detail === 'string';
    case 'gated':
      return typeof value.authenticated === 'boolean' && typeof value.detail === 'string';
    case 'disabled':
      return typeof value.detail === 'string';
    case 'unreachable':
      return typeof value.reason === 'string' && typeof value.attempts === 'number';
    default:
      return false;
  }
}
