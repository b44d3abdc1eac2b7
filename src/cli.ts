#!/usr/bin/env node
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigError, PolicyError } from './config-error.js';
import { loadPolicy } from './policy/load.js';
import { clockFromEnv } from './clock.js';
import { redact } from './hub/safe-text.js';
import { batched, UnsafeOutputError, writeOutputFile, type OutputContent } from './files/write-output.js';
import { RULE_IDS } from './rules/ids.js';
import type { Change, ChangeSet } from './changes/change-set.js';
import { gitDiffChanges } from './changes/git.js';
import type { FailOn } from './pipeline.js';
import { runLineageGate } from './run.js';
import { shouldColor } from './report/render/text.js';
import { renderFormat, REPORT_FORMATS, type ReportFormat } from './report/render/format.js';
import { DOCS_BASE } from './findings/rule-meta.js';
import { findRule, RULES } from './rules/index.js';
import { version } from './version.js';
import { initLineage } from './init/init.js';
import { CHECK_USAGE, EXPLAIN_USAGE, INIT_USAGE, USAGE, VERIFY_USAGE } from './cli/usage.js';
import type { VerifyCheck } from './verify/verify.js';
import { counted } from './text/plural.js';
import { thousands } from './text/thousands.js';
import { isRevision, locateRepository } from './cli/repository.js';
import { emptyTargets, resolveTargets } from './cli/targets.js';
import { errorsOnly } from './cli/quiet.js';
import { startProgress } from './cli/progress.js';
import { mapped } from './collections/sequence.js';
import { limitHeapGrowth } from './heap-growth.js';

async function repositoryRoot(cwd: string): Promise<string> {
  return (await locateRepository(cwd)).root;
}

/** PATH arguments as repository-relative prefixes (`''` is the whole repository). */
function relativePrefixes(root: string, cwd: string, args: string[]): string[] {
  return args.map((arg) => {
    const full = resolve(cwd, arg);
    if (!existsSync(full)) throw new ConfigError(`No such file or directory: ${arg}`);
    const rel = relative(root, full).split(sep).join('/');
    if (rel.startsWith('..')) throw new ConfigError(`${arg} is outside the repository at ${root}.`);
    return rel;
  });
}

async function init(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }
  });
  if (values.help) return printHelp(INIT_USAGE);
  const cwd = process.cwd();
  const root = await repositoryRoot(cwd);
  const dirs = relativePrefixes(root, cwd, positionals.length > 0 ? positionals : ['.']);
  const outcomes = await initLineage({ root, dirs, force: values.force === true });
  if (outcomes.length === 0) {
    throw new ConfigError(
      `No artifact (manifests or weights) under ${positionals.join(', ') || 'the current directory'}.`
    );
  }
  for (const o of outcomes) {
    process.stdout.write(`${o.written ? 'wrote  ' : 'skipped'} ${o.path}: ${o.note}\n`);
  }
  return outcomes.every((o) => o.written) ? 0 : 1;
}

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new ConfigError(`${flag} must be one of ${allowed.join(', ')}; got ${JSON.stringify(value)}.`);
}

/** `--changed-since REF`: git's changes REF...HEAD, every failure a one-line usage error. */
async function changedSince(dir: string, since: string): Promise<Change[]> {
  const repository = await locateRepository(dir);
  if (!repository.git) throw new ConfigError(`--changed-since needs a git repository: ${repository.why}.`);
  // What git did on the way (fetching a missing ref) is told only when it worked: an error stays one line.
  const log: string[] = [];
  try {
    const changes = await gitDiffChanges({
      cwd: repository.root,
      base: since,
      head: 'HEAD',
      mode: 'merge-base',
      log: (m: string) => log.push(m)
    });
    for (const m of log) process.stderr.write(`${m}\n`);
    return changes;
  } catch (err) {
    if (err instanceof ConfigError) throw new ConfigError(`--changed-since: ${err.message}`);
    if (!(await isRevision(repository.root, since)))
      throw new ConfigError(`--changed-since ${since}: no such revision in ${repository.root} (nor on its origin).`);
    throw new ConfigError(`--changed-since ${since}: ${firstLine((err as Error).message)}`);
  }
}

/**
 * To stdout, or to `--output` (inside the repository no component may be a link: a checkout of
 * someone's branch could hold one).
 */
async function emit(rendered: OutputContent, to: { root: string; cwd: string; output?: string }): Promise<void> {
  if (!to.output) {
    for (const text of batched(rendered)) process.stdout.write(text);
    return;
  }
  try {
    await writeOutputFile(to.root, resolve(to.cwd, to.output), rendered);
  } catch (err) {
    if (err instanceof UnsafeOutputError) throw new ConfigError(`--output cannot be written safely: ${err.message}.`);
    throw err;
  }
}

async function check(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      policy: { type: 'string' },
      'changed-since': { type: 'string' },
      format: { type: 'string' },
      output: { type: 'string', short: 'o' },
      offline: { type: 'boolean' },
      'hub-endpoint': { type: 'string' },
      'fail-on': { type: 'string' },
      cache: { type: 'string' },
      'hub-max-depth': { type: 'string' },
      'allow-empty': { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      help: { type: 'boolean', short: 'h' }
    }
  });
  if (values.help) return printHelp(CHECK_USAGE);
  const format: ReportFormat = oneOf('--format', values.format, REPORT_FORMATS, 'text');
  const failOn: FailOn = oneOf('--fail-on', values['fail-on'], ['error', 'warning', 'never'] as const, 'error');

  const cwd = process.cwd();
  const { root, targets, include } = await resolveTargets(cwd, positionals);
  let changeSet: ChangeSet = { scope: 'all', changes: [], source: `full scan of ${root}`, notes: [] };
  const since = values['changed-since'];
  if (since) {
    const changes = (await changedSince(root, since)).filter(
      (c) => include(c.path) || (c.previousPath !== undefined && include(c.previousPath))
    );
    changeSet = { scope: 'changed', changes, source: `git diff ${since}...HEAD (${changes.length} files)`, notes: [] };
  }

  const policy = await loadPolicy({
    workspace: root,
    file: values.policy ? relative(root, resolve(cwd, values.policy)) : undefined,
    ruleIds: RULE_IDS
  });
  const secrets: string[] = [];
  // On a terminal only: a scan of a large tree otherwise looks like a hang.
  const progress = startProgress({ stream: process.stderr, env: process.env });
  const report = await runLineageGate(
    {
      workspace: root,
      changeSet,
      include,
      failOn,
      policy,
      now: clockFromEnv(process.env),
      hub: {
        env: process.env,
        offline: values.offline,
        endpoint: values['hub-endpoint'],
        cachePath: values.cache ? resolve(cwd, values.cache) : undefined,
        maxDepth: values['hub-max-depth']
      },
      eventName: '',
      secrets: [],
      onSecret: (secret) => secrets.push(secret),
      log: (m: string) => process.stderr.write(`${m}\n`),
      onProgress: progress.update
    },
    [
      // Clear the progress line before anything is printed (the `finally` below covers a run that throws).
      () => progress.done(),
      // A PATH that holds nothing the gate reads is a mistake, like a pattern matching no file (with
      // --changed-since, "nothing changed there" is an answer, not a mistake).
      (report) => {
        const empty = since || values['allow-empty'] ? [] : emptyTargets(targets, report.artifacts);
        if (empty.length > 0)
          throw new ConfigError(
            `nothing to check in ${empty.map((t) => t.arg).join(', ')} (no manifest, model card or weights)`
          );
      },
      async (report) => {
        if (format === 'in-toto' && report.artifacts.length === 0) {
          process.stderr.write(
            'lineage-gate: no artifact was checked, so no statement was written (nothing to attest).\n'
          );
          return;
        }
        const shown = format === 'text' && values.quiet ? errorsOnly(report) : report;
        const rendered = await renderFormat(shown, format, {
          rules: RULES,
          color: !values.output && shouldColor(process.stdout, process.env)
        });
        // Findings quote the Hub's text, already masked by the client; mask again at the door, as
        // core.setSecret does for the Action, so no path can print the token or a prefix of it.
        const masked =
          typeof rendered === 'string' ? redact(rendered, secrets) : mapped(rendered, (p) => redact(p, secrets));
        await emit(masked, { root, cwd, output: values.output });
        if (values.output && !values.quiet)
          process.stderr.write(`lineage-gate: ${report.result} — report written to ${values.output}\n`);
      }
    ]
  ).finally(() => progress.done());
  return report.result === 'fail' ? 1 : 0;
}

/** `verify STATEMENT [DIR…]`: 0 when the checkout holds what the statement attests, 1 when not. */
async function verify(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: { type: 'string' }, help: { type: 'boolean', short: 'h' } }
  });
  if (values.help) return printHelp(VERIFY_USAGE);
  const format = oneOf('--format', values.format, ['text', 'json'] as const, 'text');
  const [statementArg, ...dirArgs] = positionals;
  if (!statementArg) throw new ConfigError('verify needs the STATEMENT file. See lineage-gate verify --help.');
  const cwd = process.cwd();
  const { readStatement } = await import('./verify/statement.js');
  const { verifyStatement } = await import('./verify/verify.js');
  const statement = readStatement(resolve(cwd, statementArg), statementArg);
  const { root, include } = await resolveTargets(cwd, dirArgs);
  const policy = await loadPolicy({ workspace: root, file: undefined, ruleIds: RULE_IDS });
  const result = await verifyStatement({ statement, root, include, policy, now: clockFromEnv(process.env) });
  const failed = result.checks.filter((c) => !c.ok).length;
  if (format === 'json') process.stdout.write(`${JSON.stringify({ ...result, failed }, null, 2)}\n`);
  else process.stdout.write(verifyText(result, failed, statementArg));
  return failed > 0 ? 1 : 0;
}

function verifyText(result: { checks: VerifyCheck[]; skipped: number }, failed: number, statement: string): string {
  const lines = result.checks.flatMap((c) => [
    `${c.ok ? '✔' : '✖'} ${c.subject}: ${c.detail}`,
    ...c.differences.map((d) => `    ${d}`)
  ]);
  const skipped = result.skipped ? ` (${counted(result.skipped, 'artifact')} of the statement not selected)` : '';
  const checks = counted(result.checks.length, 'check');
  const verdict = failed
    ? `✖ ${thousands(failed)} of ${checks} failed: the files no longer match ${statement}`
    : `✔ all ${checks} match ${statement}`;
  return `${[...lines, `${verdict}${skipped}`].join('\n')}\n`;
}

/** Rule pages ship beside the bundle (dist/cli/ → ../../docs) and beside the sources (src/ → ../docs). */
function rulePage(id: string): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const page = join(dir, 'docs', 'rules', `${id}.md`);
    if (existsSync(page)) return readFileSync(page, 'utf8');
    dir = dirname(dir);
  }
  return undefined;
}

function explain(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h' } }
  });
  if (values.help) return printHelp(EXPLAIN_USAGE);
  if (positionals.length > 1) throw new ConfigError(`explain takes one RULE-ID; got ${positionals.length}.`);
  const id = positionals[0];
  const rule = id ? findRule(id) : undefined;
  if (!rule) {
    process.stderr.write(
      `${id ? `Unknown rule ${JSON.stringify(id)}. ` : ''}Rules: ${RULES.map((r) => r.id).join(', ')}\n`
    );
    return 2;
  }
  const page = rulePage(rule.id);
  process.stdout.write(
    page ??
      `# ${rule.id} (${rule.meta.defaultSeverity})\n\n${rule.meta.description}\n\nMore: ${DOCS_BASE}/${rule.id}.md\n`
  );
  return 0;
}

function printHelp(usage: string): number {
  process.stdout.write(`${usage}\n`);
  return 0;
}

function firstLine(text: string): string {
  return text.split('\n')[0].trim();
}

/** An invalid policy in one line: the first problem at its position, where the others are. */
function policyErrorLine(err: PolicyError): string {
  const [first, ...more] = err.problems;
  const others = more.length ? ` (and ${more.map((p) => `${p.line}:${p.column}`).join(', ')})` : '';
  return `${first.file}:${first.line}:${first.column}: ${firstLine(first.message)}${others} — the policy is invalid.`;
}

/** An option parseArgs refused, as one line that says where to look. */
function argumentError(command: string | undefined, err: Error): string {
  const help = ['check', 'init', 'explain', 'verify'].includes(command ?? '') ? `${command} --help` : '--help';
  return `${firstLine(err.message).replace(/\. To specify a positional argument.*$/, '.')} See lineage-gate ${help}.`;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'check') return await check(rest);
    if (command === 'init') return await init(rest);
    if (command === 'explain') return explain(rest);
    if (command === 'verify') return await verify(rest);
    if (command === '--version' || command === '-v') {
      process.stdout.write(`${version}\n`);
      return 0;
    }
    if (command === '--help' || command === '-h' || command === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    process.stderr.write(`${command ? `Unknown command ${JSON.stringify(command)}.\n` : ''}${USAGE}\n`);
    return 2;
  } catch (err) {
    if (err instanceof PolicyError) {
      process.stderr.write(`lineage-gate: ${policyErrorLine(err)}\n`);
      return 2;
    }
    if (err instanceof ConfigError) {
      process.stderr.write(`lineage-gate: ${firstLine(err.message)}\n`);
      return 2;
    }
    if ((err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`lineage-gate: ${argumentError(command, err as Error)}\n`);
      return 2;
    }
    process.stderr.write(`lineage-gate: internal error: ${(err as Error).stack ?? err}\n`);
    return 2;
  }
}

// A reader that stops early (`| head`) closes the pipe: the rest of the output has nowhere to go,
// which is no error of the run, and the verdict still decides the exit status.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
});
limitHeapGrowth();
process.exitCode = await main(process.argv.slice(2));
