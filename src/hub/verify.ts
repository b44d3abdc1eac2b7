import type { Artifact } from '../lineage/artifact.js';
import { hubIdProblem, isFullSha } from '../lineage/hub-id.js';
import type { DatasetRef, UpstreamRef } from '../lineage/record.js';
import { nodeAllowance, resolveAncestry, type AncestryResult, type RepoInfoSource } from './ancestry.js';
import type { HubAnswer } from './answer.js';
import type { HubModelConfig, ModelConfigQuery } from './model-config.js';

/** What the Hub said about one upstream (at the revision the artifact names) and its ancestry. */
export interface HubFact {
  id: string;
  revision?: string;
  answer: HubAnswer;
  ancestry: AncestryResult;
}

/** The Hub's answers for a run, looked up by upstream reference. */
export interface HubFacts {
  fact(ref: Pick<UpstreamRef, 'id' | 'revision'>): HubFact | undefined;
  /** The Hub's answer about a dataset the artifact names (`/api/datasets/…`). */
  dataset(ref: Pick<DatasetRef, 'id' | 'revision'>): HubAnswer | undefined;
  /**
   * The upstream's config.json (its dimensions), read at the commit the Hub reported for the
   * named revision. Undefined when it was not a question: only upstreams of artifacts with a
   * `.safetensors` weight file are asked, and only through a client that reads configs.
   */
  config(ref: Pick<UpstreamRef, 'id' | 'revision'>): HubModelConfig | undefined;
  readonly all: readonly HubFact[];
}

/** The client method that reads config.json (HubClient has it; a bare RepoInfoSource does not). */
export interface ModelConfigSource {
  modelConfig(query: ModelConfigQuery): Promise<HubModelConfig>;
}

/** What HubVerifier asks: repo info always, config.json when the source can read it. */
export type HubSource = RepoInfoSource & Partial<ModelConfigSource>;

function key(id: string, revision: string | undefined): string {
  return `${id.toLowerCase()}@${revision ?? ''}`;
}

/** Upstreams worth asking about: a valid Hub id, written or recovered. */
function askable(ref: UpstreamRef): boolean {
  return (
    !ref.invalidReason && !!ref.id && (ref.kind === 'hub-id' || ref.kind === 'bare-id' || ref.kind === 'hub-cache-path')
  );
}

/**
 * Whether the artifact's upstream dimensions are worth a request: the shape check reads LoRA
 * shapes from safetensors headers, so only artifacts holding such a file (not one this change removes) need them.
 */
export function needsModelConfig(artifact: Artifact): boolean {
  return artifact.weights.some((w) => w.status !== 'removed' && w.path.toLowerCase().endsWith('.safetensors'));
}

/**
 * config.json of one upstream, asked only when its repo answer says there is something to read:
 * at the commit that answer reports (so the file matches the facts, and a pinned answer caches
 * for good), and not at all when the repo's file list lacks it.
 */
async function configOf(
  client: RepoInfoSource & ModelConfigSource,
  id: string,
  revision: string | undefined
): Promise<HubModelConfig> {
  // The same question resolveAncestry asks for the root: the client answers both with one request.
  const answer = await client.repoInfo({ type: 'model', id, ...(revision !== undefined ? { revision } : {}) });
  if (answer.kind !== 'found') {
    return {
      unavailable: `config.json not asked: the Hub's answer about "${id}" was ${answer.kind}`,
      cause: 'not-asked'
    };
  }
  const { sha, siblings } = answer.info;
  if (siblings.length > 0 && !siblings.includes('config.json')) {
    return { unavailable: `"${id}" has no config.json (per the Hub's file list)`, cause: 'absent' };
  }
  // A renamed repo is asked under its current id: the old one would only cost a redirect.
  const current = hubIdProblem(answer.info.id) ? id : answer.info.id;
  return client.modelConfig({ id: current, revision: sha && isFullSha(sha) ? sha : revision });
}

/** config.json for each wanted upstream, by key; nothing when the client cannot read configs. */
async function askConfigs(
  client: HubSource,
  wanted: ReadonlyMap<string, { id: string; revision?: string }>
): Promise<Map<string, HubModelConfig>> {
  const { modelConfig } = client;
  if (typeof modelConfig !== 'function') return new Map();
  const source = { repoInfo: client.repoInfo.bind(client), modelConfig: modelConfig.bind(client) };
  const pairs = await Promise.all(
    [...wanted].map(async ([k, { id, revision }]) => [k, await configOf(source, id, revision)] as const)
  );
  return new Map(pairs);
}

/**
 * Asks the Hub once per distinct (id, revision) of every artifact it is given, following each
 * answer's `base_model` up to `maxDepth`, and reads config.json for the upstreams of artifacts that
 * need it (see `needsModelConfig`). A run hands it its artifacts a batch at a time: what an earlier
 * batch asked is not asked again, and one allowance of repos bounds the whole run's walks. The client
 * dedupes and bounds concurrency, so a batch is asked all at once.
 */
export class HubVerifier {
  // One allowance for every walk: many roots each fanning out must not multiply the requests.
  private readonly allowance = nodeAllowance();
  private readonly byKey = new Map<string, HubFact>();
  private readonly datasetAnswers = new Map<string, HubAnswer>();
  private readonly configs = new Map<string, HubModelConfig>();
  private readonly facts: HubFact[] = [];

  /** The answers so far, for the rules and the report. */
  readonly answers: HubFacts = {
    all: this.facts,
    fact: (ref) => (ref.id ? this.byKey.get(key(ref.id, ref.revision)) : undefined),
    dataset: (ref) => (ref.id ? this.datasetAnswers.get(key(ref.id, ref.revision)) : undefined),
    config: (ref) => (ref.id ? this.configs.get(key(ref.id, ref.revision)) : undefined)
  };

  constructor(
    private readonly client: HubSource,
    private readonly maxDepth: number
  ) {}

  async verify(artifacts: readonly Artifact[]): Promise<void> {
    const { client, maxDepth, allowance } = this;
    const wanted = new Map<string, { id: string; revision?: string }>();
    const datasets = new Map<string, { id: string; revision?: string }>();
    const configsWanted = new Map<string, { id: string; revision?: string }>();
    for (const artifact of artifacts) {
      const needsConfig = needsModelConfig(artifact);
      for (const record of artifact.records) {
        for (const ref of record.upstreams) {
          if (!askable(ref)) continue;
          const k = key(ref.id!, ref.revision);
          if (!this.byKey.has(k)) wanted.set(k, { id: ref.id!, revision: ref.revision });
          if (needsConfig && !this.configs.has(k)) configsWanted.set(k, { id: ref.id!, revision: ref.revision });
        }
        for (const d of record.datasets) {
          if (d.id && !this.datasetAnswers.has(key(d.id, d.revision)))
            datasets.set(key(d.id, d.revision), { id: d.id, revision: d.revision });
        }
      }
    }
    const datasetAnswers = await Promise.all(
      [...datasets].map(
        async ([k, d]) => [k, await client.repoInfo({ type: 'dataset', id: d.id, revision: d.revision })] as const
      )
    );
    const [facts, configs] = await Promise.all([
      Promise.all(
        [...wanted.values()].map(async ({ id, revision }) => {
          const ancestry = await resolveAncestry(client, id, { maxDepth, revision, allowance });
          return { id, revision, answer: ancestry.root.answer, ancestry } satisfies HubFact;
        })
      ),
      askConfigs(client, configsWanted)
    ]);
    for (const [k, answer] of datasetAnswers) this.datasetAnswers.set(k, answer);
    for (const fact of facts) {
      this.byKey.set(key(fact.id, fact.revision), fact);
      this.facts.push(fact);
    }
    for (const [k, config] of configs) this.configs.set(k, config);
  }
}
