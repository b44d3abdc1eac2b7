/**
 * Reading filesystem paths written where an upstream id belongs: the Hugging Face cache layout
 * (`…/models--org--name/snapshots/<sha>/…`), ModelScope's cache, and plain local directories whose
 * last two segments plainly are `org/name`.
 */
import { LicenseKnowledge } from '../licenses/knowledge.js';
import type { Classification } from './record.js';
import { hubIdProblem, isFullSha } from './hub-id.js';
import {
  isCheckpointDir,
  isGenericFolder,
  isLocalDirWord,
  isPlaceholderText,
  isWeightsSubfolder,
  looksLikeFileName
} from './upstream-words.js';

export type HubRepoType = 'models' | 'datasets' | 'spaces';

/** What the HF cache folder `<type>--org--name[/snapshots/<sha>]` in a path says. */
export interface HubCacheEntry {
  repoType: HubRepoType;
  /** Undefined when the folder name does not decode to a valid id. */
  id?: string;
  revision?: string;
}

/** Split on `/` and `\` alike, dropping empty segments (doubled and trailing separators). */
export function pathSegments(value: string): string[] {
  return value.split(/[\\/]+/).filter((s) => s.length > 0);
}

const ABSOLUTE_OR_RELATIVE_START = [
  /^[\\/]/, // `/…`, `\\server\…`, `\\?\C:\…`
  /^~([\\/]|$)/, // `~/…`
  /^[A-Za-z]:([\\/]|$)/, // `C:\…`, `C:/…`
  /^\.{1,2}([\\/]|$)/ // `./…`, `../…`, `.`, `..`
];

/**
 * First segments that make a two-segment value a path, not `org/name`: trainers' output folders.
 * Deliberately short — anything else written as `a/b` is taken as the id it looks like.
 */
const LOCAL_NAMESPACES = new Set(['output', 'outputs', 'checkpoints', 'runs', 'results', 'models', 'saved_models']);

/** Folders under which a path leads to a Hub *repo type* rather than into a disk tree (`datasets/foo/bar`). */
const HUB_REPO_TYPE_PREFIX = /^(datasets|spaces)$/i;

/**
 * Whether `value` is a filesystem path rather than something written as an id. A relative
 * `org/name` stays an id (the gate cannot stat the author's disk); only explicit path syntax,
 * backslashes, three or more segments, a trailing separator, file/checkpoint names, or an output
 * folder as the first of two segments make a path.
 */
export function looksLikePath(value: string): boolean {
  if (ABSOLUTE_OR_RELATIVE_START.some((re) => re.test(value))) return true;
  if (value.includes('\\') || value.endsWith('/')) return true;
  // An `@` ends the id part of `org/name@revision` (revisions such as `refs/pr/1` contain `/`).
  const idPart = value.split('@')[0];
  const segments = idPart.split('/');
  if (segments.length >= 3) return !HUB_REPO_TYPE_PREFIX.test(segments[0]);
  const last = segments[segments.length - 1];
  if (segments.length === 1) return looksLikeFileName(last) || isLocalDirWord(last);
  return looksLikeFileName(last) || isCheckpointDir(last) || LOCAL_NAMESPACES.has(segments[0].toLowerCase());
}

const CACHE_FOLDER = /^(models|datasets|spaces)--(.+)$/;

/** The HF cache entry a path runs through, if any (`models--Qwen--Qwen2.5-7B/snapshots/<sha>`). */
export function findHubCacheEntry(value: string): HubCacheEntry | undefined {
  const segments = pathSegments(value);
  for (let i = 0; i < segments.length; i++) {
    const match = CACHE_FOLDER.exec(segments[i]);
    if (!match) continue;
    const repoType = match[1] as HubRepoType;
    // The cache writes `org/name` as `org--name`; a valid id never contains `--`, so the split is exact.
    const parts = match[2].split('--');
    const id = parts.length <= 2 ? parts.join('/') : undefined;
    const sha = segments[i + 1] === 'snapshots' ? segments[i + 2] : undefined;
    return {
      repoType,
      id: id !== undefined && hubIdProblem(id) === undefined ? id : undefined,
      revision: sha !== undefined && isFullSha(sha) ? sha : undefined
    };
  }
  return undefined;
}

/** Classify a path that runs through a model cache folder; undefined when it does not. */
export function readHubCachePath(value: string): Classification | undefined {
  const entry = findHubCacheEntry(value);
  if (!entry) return undefined;
  if (entry.repoType !== 'models') {
    // A dataset or Space cache is no model reference; say nothing was recovered rather than guess.
    return { kind: 'local-path', evidence: 'primary' };
  }
  if (!entry.id) return { kind: 'hub-cache-path', evidence: 'primary' };
  const recovered = entry.revision
    ? `recovered ${entry.id} at revision ${entry.revision} from the Hugging Face cache path`
    : `recovered ${entry.id} from the Hugging Face cache folder name (the path names no snapshot revision)`;
  return { kind: 'hub-cache-path', id: entry.id, revision: entry.revision, evidence: 'inferred', recovered };
}

/** Classify a local path, recovering `org/name` only where the path makes it plain. */
export function readLocalPath(value: string): Classification {
  const segments = pathSegments(value);
  const fromModelScope = modelScopeId(segments);
  if (fromModelScope) return fromModelScopeCache(fromModelScope, 'the ModelScope cache path', segments);
  if (segments.some((s) => s.toLowerCase() === 'modelscope')) return { kind: 'local-path', evidence: 'primary' };
  const fromTail = idFromLastTwoSegments(segments);
  // ModelScope writes `.` in names as `___` (`Qwen2-1___5B-Instruct`): a folder it downloaded into.
  if (fromTail?.includes('___'))
    return fromModelScopeCache(fromTail.replace(/___/g, '.'), 'a ModelScope download folder', segments);
  if (fromTail) return fromLastTwoSegments(fromTail);
  return { kind: 'local-path', evidence: 'primary' };
}

/**
 * The `org/name` a path's last two folders spell. A folder above the model's is often the user's own
 * (`D:\projects\nlp\Mistral\Mistral-7B-v0.3`): when it is no org the family table knows but the
 * name is a known family's, the family's publisher is the likelier org.
 */
function fromLastTwoSegments(id: string): Classification {
  const knowledge = LicenseKnowledge.builtin();
  const org = id.slice(0, id.indexOf('/'));
  const byName = knowledge.isKnownOrg(org) ? undefined : knowledge.familyByName(id);
  if (byName && hubIdProblem(byName.likelyOriginal) === undefined)
    return {
      kind: 'local-path',
      id: byName.likelyOriginal,
      evidence: 'inferred',
      recovered:
        `read ${id} from the last two segments of the local path; ${org} is no org the gate knows, and the ` +
        `name is ${byName.family}'s, published as ${byName.likelyOriginal}`
    };
  return {
    kind: 'local-path',
    id,
    evidence: 'inferred',
    recovered: `recovered ${id} from the last two segments of the local path`
  };
}

/**
 * A ModelScope id read from a path, as the Hugging Face id of the same weights where
 * data/licenses.yaml documents the org (`modelscope-orgs`); otherwise no id: a ModelScope id is
 * never offered as a Hub id.
 */
function fromModelScopeCache(modelScopeId: string, where: string, segments: readonly string[]): Classification {
  const decoded = segments.some((s) => s.includes('___')) ? ' (ModelScope writes `.` in names as `___`)' : '';
  const named = `recovered the ModelScope id ${modelScopeId} from ${where}${decoded}`;
  const hub = LicenseKnowledge.builtin().modelScopeToHub(modelScopeId);
  if (!hub || hubIdProblem(hub.hubId) !== undefined) {
    return {
      kind: 'local-path',
      evidence: 'primary',
      recovered: `${named}; its Hugging Face id is not known (the org is not in data/licenses.yaml \`modelscope-orgs\`)`
    };
  }
  return {
    kind: 'local-path',
    id: hub.hubId,
    evidence: 'inferred',
    recovered: `${named}, which is ${hub.hubId} on the Hugging Face Hub (${hub.how})`
  };
}

/**
 * ModelScope caches models as `…/modelscope/hub/<org>/<name>` (older) or
 * `…/modelscope/hub/models/<org>/<name>` (newer, which also writes `.` in names as `___`).
 */
function modelScopeId(segments: string[]): string | undefined {
  for (let i = 0; i + 1 < segments.length; i++) {
    if (segments[i].toLowerCase() !== 'modelscope' || segments[i + 1].toLowerCase() !== 'hub') continue;
    let at = i + 2;
    if (segments[at]?.toLowerCase() === 'models') at++;
    const org = segments[at];
    const name = segments[at + 1]?.replace(/___/g, '.');
    if (!org || !name || org.startsWith('.') || isGenericFolder(org)) return undefined;
    const id = `${org}/${name}`;
    return hubIdProblem(id) === undefined ? id : undefined;
  }
  return undefined;
}

/** Segments after which the next one is a person or a dataset slug, never a Hub organisation. */
function isOwnerSlot(segments: string[], orgIndex: number): boolean {
  const before = segments[orgIndex - 1]?.toLowerCase();
  if (before === 'home' || before === 'users') return true;
  // Kaggle: `/kaggle/input/<dataset-or-model-slug>/…`
  return before === 'input' && segments[orgIndex - 2]?.toLowerCase() === 'kaggle';
}

function idFromLastTwoSegments(all: string[]): string | undefined {
  const inFolder = all.length > 0 && looksLikeFileName(all[all.length - 1]) ? all.slice(0, -1) : all;
  // `…/Meta-Llama-3-8B-Instruct/original/`: the model is the folder above the weights' sub-folder.
  const last = inFolder[inFolder.length - 1];
  const segments = last !== undefined && isWeightsSubfolder(last) ? inFolder.slice(0, -1) : inFolder;
  if (segments.length < 2) return undefined;
  const orgIndex = segments.length - 2;
  const org = segments[orgIndex];
  const name = segments[orgIndex + 1];
  if (isGenericFolder(org) || isLocalDirWord(org) || isOwnerSlot(segments, orgIndex)) return undefined;
  if (isLocalDirWord(name) || isGenericFolder(name) || isPlaceholderText(name)) return undefined;
  // A name without letters is a version folder (`…/8b-chat-hf/1` in Kaggle's model layout).
  if (!/[A-Za-z]/.test(name)) return undefined;
  const id = `${org}/${name}`;
  return hubIdProblem(id) === undefined ? id : undefined;
}
