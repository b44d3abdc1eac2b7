/**
 * Reading URLs written where an upstream id belongs: Hub web and API URLs (`huggingface.co`,
 * `hf.co`), `hf://` filesystem URLs, and everything else (which names no Hub repo).
 */
import { LicenseKnowledge } from '../licenses/knowledge.js';
import type { Classification } from './record.js';
import type { HubRepoType } from './classify-path.js';
import { hubIdProblem } from './hub-id.js';

/** Hosts that serve the Hub's URL layout. `hf-mirror.com` is the widely used public mirror. */
const HUB_HOSTS = new Set(['huggingface.co', 'www.huggingface.co', 'hf.co', 'www.hf.co', 'hf-mirror.com']);

/** First path segments on the Hub that are site pages, not user or organisation namespaces. */
const RESERVED_FIRST_SEGMENTS = new Set([
  'docs',
  'blog',
  'papers',
  'collections',
  'organizations',
  'settings',
  'join',
  'login',
  'pricing',
  'learn',
  'tasks',
  'chat',
  'new',
  'new-dataset',
  'new-space',
  'search',
  'posts',
  'enterprise',
  'models',
  'datasets',
  'spaces',
  'api',
  'static-proxy',
  'front',
  'avatars',
  'notifications',
  'billing',
  'inference-endpoints',
  'terms-of-service',
  'privacy'
]);

/** Second segments that are a repo page, meaning the first segment alone was a legacy bare id. */
const REPO_PAGES = new Set(['tree', 'blob', 'resolve', 'raw', 'commit', 'commits', 'discussions', 'edit']);
const REVISION_PAGES = new Set(['tree', 'blob', 'resolve', 'raw', 'commit', 'commits', 'revision']);

/** Longest revision the gate keeps from a URL; anything longer is not a ref anyone wrote by hand. */
const MAX_REVISION = 200;

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;
const SCHEMELESS_HUB = /^(www\.)?(huggingface\.co|hf\.co)\//i;
/** Git's scp-like remote syntax, `git@hf.co:org/name.git`. */
const SCP_LIKE = /^[\w.-]+@([\w-]+(?:\.[\w-]+)+):([^\s]+)$/;

export function looksLikeUrl(value: string): boolean {
  return SCHEME.test(value) || SCHEMELESS_HUB.test(value) || SCP_LIKE.test(value);
}

/** A repo a Hub URL points at. */
export interface HubUrlTarget {
  repoType: HubRepoType;
  id?: string;
  revision?: string;
  /** Host the URL named (`huggingface.co`, `hf://` …), for messages. */
  via: string;
}

/** What repo (if any) a URL on the Hub names; undefined for URLs elsewhere or unparseable. */
export function readHubUrl(value: string): HubUrlTarget | undefined {
  if (/^hf:\/\//i.test(value)) return readHfFilesystemUrl(value.slice('hf://'.length));
  const scp = SCP_LIKE.exec(value);
  if (scp && !SCHEME.test(value)) {
    const host = scp[1].toLowerCase();
    return HUB_HOSTS.has(host)
      ? { ...repoFromHubPath(scp[2].split('/').filter((s) => s.length > 0)), via: host }
      : undefined;
  }
  let url: URL;
  try {
    url = new URL(SCHEME.test(value) ? value : `https://${value}`);
  } catch {
    return undefined;
  }
  const host = url.hostname.toLowerCase();
  if (!HUB_HOSTS.has(host) || (url.protocol !== 'https:' && url.protocol !== 'http:')) return undefined;
  const segments = url.pathname
    .split('/')
    .filter((s) => s.length > 0)
    .map(safeDecode);
  return { ...repoFromHubPath(segments), via: host };
}

function repoFromHubPath(path: string[]): Omit<HubUrlTarget, 'via'> {
  let segments = path;
  let repoType: HubRepoType = 'models';
  // `/api/models/<id>[/revision/<rev>]` and `/api/datasets/<id>…`
  if (segments[0] === 'api' && (segments[1] === 'models' || segments[1] === 'datasets' || segments[1] === 'spaces')) {
    repoType = segments[1] as HubRepoType;
    segments = segments.slice(2);
  } else if (segments[0] === 'datasets' || segments[0] === 'spaces') {
    repoType = segments[0] as HubRepoType;
    segments = segments.slice(1);
  } else if (segments.length === 0 || RESERVED_FIRST_SEGMENTS.has(segments[0])) {
    return { repoType };
  }
  if (segments.length === 0) return { repoType };
  // A clone URL ends the repo name with `.git`, which is no part of the id.
  if (segments.length <= 2)
    segments = segments.map((s, i) => (i === segments.length - 1 ? s.replace(/\.git$/i, '') : s));
  const namespaced = segments.length >= 2 && !REPO_PAGES.has(segments[1]);
  const id = namespaced ? `${segments[0]}/${segments[1]}` : segments[0];
  const rest = segments.slice(namespaced ? 2 : 1);
  const revision = REVISION_PAGES.has(rest[0]) ? rest[1] : undefined;
  if (hubIdProblem(id) !== undefined) return { repoType };
  return { repoType, id, revision: revision && revision.length <= MAX_REVISION ? revision : undefined };
}

/** `hf://[datasets/|spaces/]org/name[@revision]/path/in/repo` (huggingface_hub's HfFileSystem). */
function readHfFilesystemUrl(rest: string): HubUrlTarget {
  let segments = rest.split('/').filter((s) => s.length > 0);
  let repoType: HubRepoType = 'models';
  if (segments[0] === 'datasets' || segments[0] === 'spaces') {
    repoType = segments[0] as HubRepoType;
    segments = segments.slice(1);
  }
  const atIndex = segments.findIndex((s) => s.includes('@'));
  // The repo id is the first one or two segments; an `@revision` suffix ends it.
  const idSegments =
    atIndex >= 0 && atIndex < 2 ? segments.slice(0, atIndex + 1) : segments.slice(0, Math.min(2, segments.length));
  const joined = idSegments.join('/');
  const [id, encodedRevision] = joined.split('@', 2);
  const revision = encodedRevision ? safeDecode(encodedRevision) : undefined;
  if (!id || hubIdProblem(id) !== undefined) return { repoType, via: 'hf://' };
  return { repoType, id, revision: revision && revision.length <= MAX_REVISION ? revision : undefined, via: 'hf://' };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Classify a URL written as an upstream: a Hub model URL yields an id (and revision), evidence inferred. */
export function readUpstreamUrl(value: string): Classification {
  const target = readHubUrl(value);
  if (!target || target.repoType !== 'models' || !target.id) return readModelScopeUrl(value);
  const where = target.via === 'hf://' ? 'the hf:// URL' : `the ${target.via} URL`;
  const at = target.revision ? ` at revision ${target.revision}` : '';
  return {
    kind: 'url',
    id: target.id,
    revision: target.revision,
    evidence: 'inferred',
    recovered: `recovered ${target.id}${at} from ${where}`
  };
}

/** `https://modelscope.cn/models/<org>/<name>[/…]`: a ModelScope model page. */
const MODELSCOPE_URL = /^https?:\/\/(?:www\.)?modelscope\.cn\/models\/([^/?#]+)\/([^/?#]+)/i;

/**
 * A ModelScope model URL, as the Hugging Face id of the same weights where data/licenses.yaml
 * `modelscope-orgs` documents the org (evidence inferred); any other URL recovers nothing.
 */
function readModelScopeUrl(value: string): Classification {
  const match = MODELSCOPE_URL.exec(value);
  const modelScopeId = match ? `${match[1]}/${match[2]}` : undefined;
  const hub = modelScopeId ? LicenseKnowledge.builtin().modelScopeToHub(modelScopeId) : undefined;
  if (!modelScopeId || !hub || hubIdProblem(hub.hubId) !== undefined) return { kind: 'url', evidence: 'primary' };
  return {
    kind: 'url',
    id: hub.hubId,
    evidence: 'inferred',
    recovered:
      `recovered the ModelScope id ${modelScopeId} from the ModelScope URL, ` +
      `which is ${hub.hubId} on the Hugging Face Hub (${hub.how})`
  };
}
