import { closeSync, lstatSync, readSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { ConfigError, PolicyError, type PolicyProblem } from '../config-error.js';
import { openChosenFile } from '../files/open-chosen.js';
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

function exists(full: string): boolean {
  try {
    lstatSync(full); // a link counts, even a dangling one: it must be refused, not taken for "no policy"
    return true;
  } catch {
    return false;
  }
}

/** The policy file to read: the named one (which must exist), else a default location, else none. */
function locatePolicy(workspace: string, file: string | undefined): string | undefined {
  if (file !== undefined) {
    const full = resolve(workspace, file);
    if (!exists(full)) throw new ConfigError(`The policy file ${file} does not exist (looked for ${full}).`);
    return full;
  }
  const found = DEFAULT_POLICY_FILES.map((candidate) => resolve(workspace, candidate)).filter(exists);
  if (found.length > 1)
    throw new ConfigError(
      `Both ${DEFAULT_POLICY_FILES.join(' and ')} exist: keep one, so that it is clear which policy applies.`
    );
  return found[0];
}

/**
 * Reads at most MAX_POLICY_BYTES + 1 bytes (enough to tell that a file is too large), through
 * openChosenFile: a link out of the repository, a FIFO, a directory or a device is refused by
 * path, and none of its content is read.
 */
export function readBounded(workspace: string, full: string, shown: string): { text: string; tooLarge: boolean } {
  const opened = openChosenFile(workspace, full);
  if ('refused' in opened) throw new ConfigError(`The policy file ${shown} cannot be used: ${opened.refused}.`);
  try {
    const buffer = Buffer.alloc(MAX_POLICY_BYTES + 1);
    let bytesRead = 0;
    for (let n = -1; n !== 0 && bytesRead < buffer.length; bytesRead += n)
      n = readSync(opened.fd, buffer, bytesRead, buffer.length - bytesRead, bytesRead);
    return {
      text: buffer.subarray(0, Math.min(bytesRead, MAX_POLICY_BYTES)).toString('utf8'),
      tooLarge: bytesRead > MAX_POLICY_BYTES
    };
  } finally {
    closeSync(opened.fd);
  }
}

/** Problems quote the policy; a hostile one must not fill the log or smuggle control characters into it. */
const MAX_PROBLEM_CHARS = 300;
function bounded(message: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = message.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
  return clean.length > MAX_PROBLEM_CHARS ? `${clean.slice(0, MAX_PROBLEM_CHARS - 1)}…` : clean;
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
    message: bounded(p.message)
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
  const full = locatePolicy(workspace, opts.file);
  if (!full) return defaultPolicy();
  const file = toRepoPath(workspace, full);
  const { text, tooLarge } = readBounded(workspace, full, file);
  if (tooLarge)
    fail(file, [
      {
        message: `the policy file is larger than ${MAX_POLICY_BYTES / 1024} KiB; a policy is a page of YAML`,
        at: FILE_START
      }
    ]);
  return parsePolicy(text, file, opts.ruleIds);
}
