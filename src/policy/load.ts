import { open, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { ConfigError, PolicyError, type PolicyProblem } from '../config-error.js';
import { parseYamlDocument } from '../source/yaml.js';
import { FILE_START } from '../source/span.js';
import type { SourceDocument } from '../source/document.js';
import { defaultPolicy } from './defaults.js';
import type { LocatedProblem } from './located.js';
import type { Policy } from './policy.js';
import { readPolicy } from './read-policy.js';
import { schemaProblems } from './schema-problems.js';
import { semanticProblems } from './semantic-problems.js';

/** Where the policy is looked for when none is named. */
export const DEFAULT_POLICY_FILES: readonly string[] = ['.github/lineage-policy.yml', '.github/lineage-policy.yaml'];

/** A policy is a page of YAML; anything far larger is a mistake or an attack on the parser. */
export const MAX_POLICY_BYTES = 256 * 1024;

/** The first problems are enough to fix; a hostile file could have thousands. */
export const MAX_POLICY_PROBLEMS = 20;

export interface LoadPolicyOptions {
  /** Repository root; `file` is resolved against it. */
  workspace: string;
  /** Policy file named by the `policy` input / `--policy`; it must exist. */
  file?: string;
  /** Rule ids the policy may name in `rules` and `waivers[].rule`. */
  ruleIds: readonly string[];
}

function toRepoPath(workspace: string, full: string): string {
  const rel = relative(workspace, full);
  return (rel === '' || isAbsolute(rel) ? full : rel).split(sep).join('/');
}

async function isFile(full: string): Promise<boolean> {
  try {
    return (await stat(full)).isFile();
  } catch {
    return false;
  }
}

/** The policy file to read: the named one (which must exist), else a default location, else none. */
async function locatePolicy(workspace: string, file: string | undefined): Promise<string | undefined> {
  if (file !== undefined) {
    const full = resolve(workspace, file);
    let info;
    try {
      info = await stat(full);
    } catch {
      throw new ConfigError(`The policy file ${file} does not exist (looked for ${full}).`);
    }
    if (!info.isFile()) throw new ConfigError(`The policy file ${file} is not a file (${full}).`);
    return full;
  }
  const found: string[] = [];
  for (const candidate of DEFAULT_POLICY_FILES) {
    const full = resolve(workspace, candidate);
    if (await isFile(full)) found.push(full);
  }
  if (found.length > 1)
    throw new ConfigError(
      `Both ${DEFAULT_POLICY_FILES.join(' and ')} exist: keep one, so that it is clear which policy applies.`
    );
  return found[0];
}

/** Reads at most MAX_POLICY_BYTES + 1 bytes: enough to tell that a file is too large. */
async function readBounded(full: string): Promise<{ text: string; tooLarge: boolean }> {
  const handle = await open(full, 'r');
  try {
    const buffer = Buffer.alloc(MAX_POLICY_BYTES + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return {
      text: buffer.subarray(0, Math.min(bytesRead, MAX_POLICY_BYTES)).toString('utf8'),
      tooLarge: bytesRead > MAX_POLICY_BYTES
    };
  } finally {
    await handle.close();
  }
}

function byPosition(a: LocatedProblem, b: LocatedProblem): number {
  return a.at.line - b.at.line || a.at.column - b.at.column;
}

function fail(file: string, located: LocatedProblem[]): never {
  const unique = located.filter(
    (p, i) =>
      located.findIndex((o) => o.message === p.message && o.at.line === p.at.line && o.at.column === p.at.column) === i
  );
  unique.sort(byPosition);
  let kept = unique;
  if (unique.length > MAX_POLICY_PROBLEMS) {
    kept = unique.slice(0, MAX_POLICY_PROBLEMS - 1);
    const more = unique.length - kept.length;
    kept.push({ message: `${more} more problems not listed`, at: kept[kept.length - 1].at });
  }
  const problems: PolicyProblem[] = kept.map((p) => ({
    file,
    line: p.at.line,
    column: p.at.column,
    message: p.message
  }));
  throw new PolicyError(problems);
}

/**
 * Parses and validates policy text. `file` is the repository-relative path used in problems
 * and in the returned policy. Throws a PolicyError listing every problem (the first 20).
 */
export function parsePolicy(text: string, file: string, ruleIds: readonly string[]): Policy {
  const parsed = parseYamlDocument(text.replace(/^\uFEFF/, ''));
  if ('problem' in parsed) fail(file, [{ message: parsed.problem.reason, at: parsed.problem.span ?? FILE_START }]);
  const doc: SourceDocument = parsed.doc;
  if (doc.value === null)
    fail(file, [{ message: 'the policy file is empty: it needs at least `version: 1`', at: FILE_START }]);
  const problems = [...schemaProblems(doc), ...semanticProblems(doc, ruleIds)];
  if (problems.length > 0) fail(file, problems);
  return readPolicy(doc, file);
}

/**
 * The policy of the repository: `file` when given (it must exist), else
 * `.github/lineage-policy.yml` / `.yaml` when present, else the defaults.
 */
export async function loadPolicy(opts: LoadPolicyOptions): Promise<Policy> {
  const workspace = resolve(opts.workspace);
  const full = await locatePolicy(workspace, opts.file);
  if (!full) return defaultPolicy();
  const file = toRepoPath(workspace, full);
  const { text, tooLarge } = await readBounded(full);
  if (tooLarge)
    fail(file, [
      {
        message: `the policy file is larger than ${MAX_POLICY_BYTES / 1024} KiB; a policy is a page of YAML`,
        at: FILE_START
      }
    ]);
  return parsePolicy(text, file, opts.ruleIds);
}
