/**
 * Hub answers kept in a JSON file between runs (the `hub-cache` input / `--cache` flag), so
 * that `actions/cache` can carry them and a warm run asks the Hub nothing.
 *
 * - Keyed by endpoint + repo type + id + revision: a mirror's answers never stand in for the Hub's.
 * - Entries carry `storedAt`; they expire after the TTL (default 24 h), except `found` answers
 *   for a 40-hex revision: what a commit contains (card, license, files) cannot change. Negative
 *   and access answers (not found, gated, disabled) describe the repo's state today and expire
 *   even for a sha.
 * - `unreachable` answers are never stored: they describe the network, not the repo.
 * - The token is never stored (answers do not carry it; the client redacts echoes of it).
 * - Models' config.json answers sit in their own `configs` list beside `entries`, keyed by endpoint
 *   + id + revision, under the same rules (a config found at a 40-hex revision never expires). The
 *   format stays version 1: readers that predate `configs` ignore it and keep their entries, and a
 *   file without it simply has no config answers.
 */
import { counted, plural } from '../text/plural.js';
import { randomBytes } from 'node:crypto';
import { closeSync, readSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { openChosenFile, openTrustedFile } from '../files/open-chosen.js';
import { writeOutputFile } from '../files/write-output.js';
import { isCacheable, isHubAnswer, type HubAnswer, type RepoType } from './answer.js';
import { isCacheableConfig, isHubModelConfig, type HubModelConfig } from './model-config.js';
import { isFullSha } from '../lineage/hub-id.js';

export interface HubCacheKey {
  endpoint: string;
  type: RepoType;
  id: string;
  revision?: string;
}

/** Where a model's config.json answer belongs (the client always names the revision, `main` by default). */
export interface HubConfigCacheKey {
  endpoint: string;
  id: string;
  revision: string;
}

export interface HubCacheEntry {
  storedAt: number;
  answer: HubAnswer;
}

export interface HubCacheOptions {
  path: string;
  /** Lifetime of entries that can change (default 24 h). */
  ttlMs?: number;
  /** Entries kept when saving; the oldest go first (default 10,000). */
  maxEntries?: number;
  /** Largest cache file read (default 32 MiB); a bigger one is ignored. */
  maxFileBytes?: number;
  clock?: { now(): number };
  /**
   * The workspace, when there is one: a cache inside it is read without following links out or
   * opening FIFOs, and written without following any link inside it.
   */
  workspace?: string;
}

/** What `load()` found: how many answers (repo and config) are usable, and why the file was (partly) ignored. */
export interface HubCacheLoad {
  entries: number;
  problem?: string;
}

const FORMAT = 'lineage-gate-hub-cache';
const VERSION = 1;

export const DEFAULT_TTL_MS = 24 * 60 * 60 * 1000;

/** Clocks of runners differ a little; an entry dated further ahead than this was not written by one. */
export const FUTURE_SKEW_MS = 5 * 60 * 1000;

function keyString(key: HubCacheKey): string {
  return `${key.endpoint} ${key.type} ${key.id}@${key.revision ?? ''}`;
}

function immutable(key: HubCacheKey, answer: HubAnswer): boolean {
  return answer.kind === 'found' && key.revision !== undefined && isFullSha(key.revision);
}

interface StoredEntry extends HubCacheEntry {
  key: HubCacheKey;
}

interface StoredConfig {
  key: HubConfigCacheKey;
  storedAt: number;
  answer: HubModelConfig;
}

function configKeyString(key: HubConfigCacheKey): string {
  return `${key.endpoint} config ${key.id}@${key.revision}`;
}

function isConfigKey(value: unknown): value is HubConfigCacheKey {
  if (!value || typeof value !== 'object') return false;
  const k = value as Record<string, unknown>;
  return typeof k.endpoint === 'string' && typeof k.id === 'string' && typeof k.revision === 'string';
}

function isStoredAt(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isKey(value: unknown): value is HubCacheKey {
  if (!value || typeof value !== 'object') return false;
  const k = value as Record<string, unknown>;
  return (
    typeof k.endpoint === 'string' &&
    (k.type === 'model' || k.type === 'dataset') &&
    typeof k.id === 'string' &&
    (k.revision === undefined || typeof k.revision === 'string')
  );
}

export class HubCache {
  readonly path: string;
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly maxFileBytes: number;
  private readonly clock: { now(): number };
  private readonly workspace: string | undefined;
  private readonly entries = new Map<string, StoredEntry>();
  private readonly configs = new Map<string, StoredConfig>();

  constructor(options: HubCacheOptions) {
    this.path = options.path;
    this.ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.maxFileBytes = options.maxFileBytes ?? 32 * 1024 * 1024;
    this.clock = options.clock ?? { now: () => Date.now() };
    this.workspace = options.workspace;
  }

  /** The file's text, or why there is none. Bounded by maxFileBytes; never blocks on a FIFO. */
  private readText(): { text: string } | { problem: string } {
    const opened = this.workspace ? openChosenFile(this.workspace, this.path) : openTrustedFile(this.path);
    if ('refused' in opened)
      return {
        problem: /does not exist/.test(opened.refused)
          ? 'no cache file yet'
          : `cannot read the cache file (${opened.refused}); starting empty`
      };
    try {
      if (opened.size > this.maxFileBytes)
        return { problem: `the cache file is larger than ${this.maxFileBytes} bytes; starting empty` };
      const buffer = Buffer.alloc(opened.size);
      let read = 0;
      for (let n = -1; n !== 0 && read < buffer.length; read += n)
        n = readSync(opened.fd, buffer, read, buffer.length - read, read);
      return { text: buffer.subarray(0, read).toString('utf8') };
    } catch (err) {
      return { problem: `cannot read the cache file (${(err as Error).message}); starting empty` };
    } finally {
      closeSync(opened.fd);
    }
  }

  /** Answers held: repo answers and config answers. */
  get size(): number {
    return this.entries.size + this.configs.size;
  }

  /** Reads the file. A missing, oversized or corrupt file is not an error: the cache starts empty and says why. */
  async load(): Promise<HubCacheLoad> {
    this.entries.clear();
    this.configs.clear();
    const read = this.readText();
    if ('problem' in read) return { entries: 0, problem: read.problem };
    const text = read.text;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { entries: 0, problem: 'the cache file is not valid JSON; starting empty' };
    }
    const doc = json as { format?: unknown; version?: unknown; entries?: unknown; configs?: unknown };
    if (
      !doc ||
      typeof doc !== 'object' ||
      doc.format !== FORMAT ||
      doc.version !== VERSION ||
      !Array.isArray(doc.entries)
    ) {
      return { entries: 0, problem: `the cache file is not a ${FORMAT} file of version ${VERSION}; starting empty` };
    }
    let dropped = 0;
    let future = 0;
    // An answer dated ahead of now would never expire: not something a run of the gate wrote.
    const latest = this.clock.now() + FUTURE_SKEW_MS;
    for (const raw of doc.entries as unknown[]) {
      const e = raw as Partial<StoredEntry> | null;
      if (
        !e ||
        !isKey(e.key) ||
        typeof e.storedAt !== 'number' ||
        !Number.isFinite(e.storedAt) ||
        !isHubAnswer(e.answer) ||
        !isCacheable(e.answer)
      ) {
        dropped++;
        continue;
      }
      if (e.storedAt > latest) {
        future++;
        continue;
      }
      const key: HubCacheKey = {
        endpoint: e.key.endpoint,
        type: e.key.type,
        id: e.key.id,
        ...(e.key.revision !== undefined ? { revision: e.key.revision } : {})
      };
      this.entries.set(keyString(key), { key, storedAt: e.storedAt, answer: e.answer });
    }
    for (const raw of Array.isArray(doc.configs) ? (doc.configs as unknown[]) : []) {
      const e = raw as Partial<StoredConfig> | null;
      if (
        !e ||
        !isConfigKey(e.key) ||
        !isStoredAt(e.storedAt) ||
        !isHubModelConfig(e.answer) ||
        !isCacheableConfig(e.answer)
      ) {
        dropped++;
        continue;
      }
      if (e.storedAt > latest) {
        future++;
        continue;
      }
      const key: HubConfigCacheKey = { endpoint: e.key.endpoint, id: e.key.id, revision: e.key.revision };
      this.configs.set(configKeyString(key), { key, storedAt: e.storedAt, answer: e.answer });
    }
    const problems = [
      ...(dropped ? [`${dropped} malformed cache ${plural(dropped, 'entry was', 'entries were')} ignored`] : []),
      ...(future ? [`${counted(future, 'cache entry', 'cache entries')} dated in the future ignored`] : [])
    ];
    return { entries: this.size, ...(problems.length ? { problem: problems.join('; ') } : {}) };
  }

  private fresh(entry: StoredEntry): boolean {
    return immutable(entry.key, entry.answer) || this.clock.now() - entry.storedAt <= this.ttlMs;
  }

  private freshConfig(entry: StoredConfig): boolean {
    // What a commit's config.json says cannot change; whether it can be read (gating, presence on a branch) can.
    const pinned = 'found' in entry.answer && isFullSha(entry.key.revision);
    return pinned || this.clock.now() - entry.storedAt <= this.ttlMs;
  }

  get(key: HubCacheKey): HubAnswer | undefined {
    const entry = this.entries.get(keyString(key));
    if (!entry) return undefined;
    if (!this.fresh(entry)) {
      this.entries.delete(keyString(key));
      return undefined;
    }
    return entry.answer;
  }

  /** Keeps an answer; returns false (and keeps nothing) for answers that must not be cached. */
  set(key: HubCacheKey, answer: HubAnswer): boolean {
    if (!isCacheable(answer)) return false;
    const clean: HubCacheKey = {
      endpoint: key.endpoint,
      type: key.type,
      id: key.id,
      ...(key.revision !== undefined ? { revision: key.revision } : {})
    };
    this.entries.set(keyString(clean), { key: clean, storedAt: this.clock.now(), answer });
    return true;
  }

  getConfig(key: HubConfigCacheKey): HubModelConfig | undefined {
    const k = configKeyString(key);
    const entry = this.configs.get(k);
    if (!entry) return undefined;
    if (!this.freshConfig(entry)) {
      this.configs.delete(k);
      return undefined;
    }
    return entry.answer;
  }

  /** Keeps a config answer; returns false (and keeps nothing) for answers about the network rather than the repo. */
  setConfig(key: HubConfigCacheKey, answer: HubModelConfig): boolean {
    if (!isCacheableConfig(answer)) return false;
    const clean: HubConfigCacheKey = { endpoint: key.endpoint, id: key.id, revision: key.revision };
    this.configs.set(configKeyString(clean), { key: clean, storedAt: this.clock.now(), answer });
    return true;
  }

  /**
   * Writes fresh entries (newest first, at most `maxEntries` repo and config answers together) to a
   * temp file, then renames it over the cache file.
   */
  async save(): Promise<void> {
    const kept = [
      ...[...this.entries.values()].filter((e) => this.fresh(e)).map((e) => ({ list: 'entries' as const, e })),
      ...[...this.configs.values()].filter((e) => this.freshConfig(e)).map((e) => ({ list: 'configs' as const, e }))
    ]
      .sort((a, b) => b.e.storedAt - a.e.storedAt)
      .slice(0, this.maxEntries);
    const doc = {
      format: FORMAT,
      version: VERSION,
      entries: kept.flatMap(({ list, e }) =>
        list === 'entries' ? [{ key: e.key, storedAt: e.storedAt, answer: e.answer }] : []
      ),
      configs: kept.flatMap(({ list, e }) =>
        list === 'configs' ? [{ key: e.key, storedAt: e.storedAt, answer: e.answer }] : []
      )
    };
    const temp = `${this.path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      // Inside the workspace no directory on the way may be a link; rename replaces a link, never follows it.
      if (this.workspace) await writeOutputFile(this.workspace, temp, `${JSON.stringify(doc)}\n`, 0o600);
      else {
        await mkdir(dirname(this.path), { recursive: true });
        await writeOutputFile(dirname(this.path), temp, `${JSON.stringify(doc)}\n`, 0o600);
      }
      await rename(temp, this.path);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
  }
}
