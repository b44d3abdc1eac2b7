/**
 * Classification of the strings manifests write where an upstream model belongs (DESIGN
 * "Upstream references"): what kind of reference each one is, and what id/revision can honestly
 * be read from it. Pure string work — it never touches the disk or the network.
 */
import { LicenseKnowledge } from '../licenses/knowledge.js';
import type { Classification } from './record.js';
import { hubIdProblem, isFullSha } from './hub-id.js';
import { currentIdOfLegacy } from './legacy-ids.js';
import { findHubCacheEntry, looksLikePath, readHubCachePath, readLocalPath } from './classify-path.js';
import { looksLikeUrl, readHubUrl, readUpstreamUrl } from './classify-url.js';
import { isPlaceholderText } from './upstream-words.js';

/** Longest revision accepted after `id@`; git refs are far shorter in practice. */
const MAX_REVISION = 200;

const EMPTY: Classification = { kind: 'empty', evidence: 'primary' };

/** timm / open_clip write Hub ids as `hf-hub:org/name`. */
const HUB_PREFIX = /^(hf[-_]hub:)(.+)$/i;

/**
 * A monorepo names a handful of upstreams thousands of times, and classifying is pure string work:
 * each short string is classified once per run. Results are frozen, as callers share them.
 */
const memo = new Map<string, Classification>();
const MEMO_SIZE = 4_096;
const MEMO_LONGEST = 256;

/**
 * Classify one upstream value as a manifest wrote it.
 *
 * Non-strings: null/undefined and `[]` are `empty`. Any other non-string (a number, boolean,
 * object, or a non-empty array — callers split lists before calling) is `placeholder` with
 * nothing recovered: it is a value, just not a reference to any model, and reporting it as
 * unresolvable is more useful than pretending the field is absent.
 */
export function classifyUpstream(raw: unknown): Classification {
  if (typeof raw !== 'string' || raw.length > MEMO_LONGEST) return classifyValue(raw);
  let known = memo.get(raw);
  if (!known) {
    known = Object.freeze(classifyValue(raw));
    if (memo.size >= MEMO_SIZE) memo.clear();
    memo.set(raw, known);
  }
  return known;
}

function classifyValue(raw: unknown): Classification {
  if (raw === null || raw === undefined) return EMPTY;
  if (Array.isArray(raw) && raw.length === 0) return EMPTY;
  if (typeof raw !== 'string') return { kind: 'placeholder', evidence: 'primary' };
  const value = raw.trim();
  if (value === '' || value === '""' || value === "''") return EMPTY;
  if (isPlaceholderText(value)) return { kind: 'placeholder', evidence: 'primary' };
  if (/^file:\/\//i.test(value)) return readFileUrl(value);
  if (looksLikeUrl(value)) return readUpstreamUrl(value);
  const cached = readHubCachePath(value);
  if (cached) return cached;
  if (looksLikePath(value)) return readLocalPath(value);
  const prefixed = HUB_PREFIX.exec(value);
  if (prefixed) return readPrefixedId(prefixed[1], prefixed[2]);
  return readWrittenId(value);
}

/** `hf-hub:org/name`: the id as written after the prefix, the prefix noted. */
function readPrefixedId(prefix: string, rest: string): Classification {
  const inner = readWrittenId(rest);
  const note = `read ${rest} after the ${prefix} prefix`;
  return { ...inner, recovered: inner.recovered ? `${note}; ${inner.recovered}` : note };
}

/** `org/name`, `name`, either with an `@revision` suffix, as the author wrote them. */
function readWrittenId(value: string): Classification {
  const at = value.indexOf('@');
  const id = at >= 0 ? value.slice(0, at) : value;
  const revision = at >= 0 ? value.slice(at + 1) : undefined;
  // One segment is a bare (legacy) id even when it breaks the rules: `invalidReason` says so.
  const kind = id.includes('/') ? 'hub-id' : 'bare-id';
  const invalidReason = hubIdProblem(id) ?? (revision !== undefined ? revisionProblem(revision) : undefined);
  const notes: string[] = [];
  // The revision was written by the author, so the evidence stays primary; the split is only noted.
  if (revision) notes.push(`split ${id}@${revision} into id ${id} and revision ${revision}${revisionRemark(revision)}`);
  const current = kind === 'bare-id' && !invalidReason ? currentIdOfLegacy(id) : undefined;
  if (current) notes.push(`the Hub now serves ${id} as ${current}`);
  const modelScope = kind === 'hub-id' && !invalidReason ? readModelScopeId(id) : undefined;
  if (modelScope) {
    const { hubId, note } = modelScope;
    notes.push(note);
    // A ModelScope revision names a ModelScope commit or branch, not one on the Hub.
    if (hubId && revision) notes.push(`the revision ${revision} is ModelScope's and is not kept`);
    return {
      kind,
      id: hubId ?? id,
      ...(revision && !hubId ? { revision } : {}),
      // The Hub id is deduced from the ModelScope one: an inference, not what the author wrote.
      evidence: hubId ? 'inferred' : 'primary',
      recovered: notes.join('; ')
    };
  }
  return {
    kind,
    id,
    ...(revision ? { revision } : {}),
    evidence: 'primary',
    ...(notes.length > 0 ? { recovered: notes.join('; ') } : {}),
    ...(invalidReason ? { invalidReason } : {})
  };
}

/**
 * An id whose org exists only on ModelScope (`LLM-Research/Meta-Llama-3-8B-Instruct`, `ZhipuAI/chatglm3-6b`,
 * data/licenses.yaml `modelscope-orgs`): the Hub id of the same weights when it is documented, and a note
 * saying how it was found (or that it was not).
 */
function readModelScopeId(id: string): { hubId?: string; note: string } | undefined {
  const knowledge = LicenseKnowledge.builtin();
  if (!knowledge.isModelScopeOnlyOrg(id.split('/')[0])) return undefined;
  const hub = knowledge.modelScopeToHub(id);
  if (!hub || hubIdProblem(hub.hubId) !== undefined)
    return { note: `${id} is a ModelScope id, whose Hugging Face id is not known` };
  return {
    hubId: hub.hubId,
    note: `read the ModelScope id ${id} as ${hub.hubId} on the Hugging Face Hub (${hub.how})`
  };
}

function revisionProblem(revision: string): string | undefined {
  if (revision.length === 0) return "has an empty revision after '@'";
  if (/\s/.test(revision)) return "has whitespace in the revision after '@'";
  if (revision.length > MAX_REVISION) return `has a revision longer than ${MAX_REVISION} characters`;
  if (revision.includes('@')) return "contains more than one '@'";
  return undefined;
}

function revisionRemark(revision: string): string {
  if (isFullSha(revision)) return '';
  if (isPlaceholderText(revision)) return ' (a placeholder, not a commit)';
  if (/^[0-9a-f]{4,39}$/i.test(revision)) return ' (an abbreviated commit, not a full 40-hex sha)';
  return ' (a branch or tag, not a 40-hex commit)';
}

/** `file://` URLs are local paths in URL clothing. */
function readFileUrl(value: string): Classification {
  let path: string;
  try {
    path = decodeURIComponent(new URL(value).pathname);
  } catch {
    return { kind: 'local-path', evidence: 'primary' };
  }
  return readHubCachePath(path) ?? readLocalPath(path);
}

/** What a dataset reference names on the Hub. */
export interface DatasetClassification {
  id?: string;
  revision?: string;
  /** Why the value is not (or not a valid) Hub dataset id; undefined when it is one. */
  problem?: string;
}

/**
 * Classify a dataset reference (model card `datasets:`, lineage.yaml). Dataset ids follow the
 * model id rules; a bare name (`openslr`) is not accepted as a dataset id.
 */
export function classifyDatasetId(raw: string): DatasetClassification {
  const value = raw.trim();
  if (value === '') return { problem: 'is empty' };
  if (isPlaceholderText(value)) return { problem: 'a placeholder, not a Hub dataset id' };
  if (looksLikeUrl(value)) {
    const target = readHubUrl(value);
    if (target?.repoType === 'datasets' && target.id?.includes('/'))
      return { id: target.id, revision: target.revision };
    return { problem: 'a URL that does not point at a Hub dataset' };
  }
  const cached = findHubCacheEntry(value);
  if (cached?.repoType === 'datasets' && cached.id?.includes('/')) return { id: cached.id, revision: cached.revision };
  if (cached || looksLikePath(value)) return { problem: 'a local path, not a Hub dataset id' };
  const at = value.indexOf('@');
  const id = at >= 0 ? value.slice(0, at) : value;
  const revision = at >= 0 ? value.slice(at + 1) : undefined;
  const problem = hubIdProblem(id) ?? (revision !== undefined ? revisionProblem(revision) : undefined);
  if (!id.includes('/') && !problem) return { problem: 'not a Hub dataset id' };
  return { id, ...(revision ? { revision } : {}), ...(problem ? { problem } : {}) };
}
