/**
 * The accuracy suite (issue #11): real training configs, merge configs, HF configs, Modelfiles and
 * cards written by other people, each in its own artifact directory under its real file name, judged
 * by the bundled CLI offline. Expected findings are the hand judgements in the fixtures'
 * JUDGEMENTS.md (columns "errors" and "warnings", one rule id per expected finding, `a|b` when
 * either rule is a fair reading): error findings must hold precision 100 % and recall ≥ 97 %.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { tempDir } from '../helpers/git-repo.js';
import { PROJECT_ROOT, runCli } from '../helpers/run-action.js';

const FIXTURES = join(PROJECT_ROOT, '__tests__/fixtures/real-world-configs');

interface Judged {
  file: string;
  /** Repository path of the file where it was found: its base name is kept. */
  sourcePath: string;
  errors: string[][];
  warnings: string[][];
}

interface Finding {
  ruleId: string;
  severity: string;
  path: string;
  line: number;
}

/** `a|b, c` → [[a, b], [c]]: one expected finding per comma, satisfied by any of its `|` alternatives. */
function expectedRules(cell: string): string[][] {
  const text = cell.replace(/`/g, '').trim();
  if (text === '—' || text === '') return [];
  return text.split(',').map((alternatives) => alternatives.trim().split('|'));
}

function judgements(): Judged[] {
  const sources = new Map(
    readFileSync(join(FIXTURES, 'SOURCES.tsv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t'))
      .map(([file, , path]) => [file, path])
  );
  const rows = readFileSync(join(FIXTURES, 'JUDGEMENTS.md'), 'utf8')
    .split('\n')
    .filter((line) => /^\| [a-z-]+\/\d{3}-/.test(line));
  return rows.map((row) => {
    const cells = row.split(' | ').map((c) => c.replace(/^\| ?| ?\|$/g, ''));
    const file = cells[0].trim();
    const [errors, warnings] = cells.slice(-2);
    const sourcePath = sources.get(file);
    if (!sourcePath) throw new Error(`${file} is not in SOURCES.tsv`);
    return { file, sourcePath, errors: expectedRules(errors), warnings: expectedRules(warnings) };
  });
}

/** Matches found rule ids to expected ones (each expected finding satisfied once): true positives. */
function matched(expected: string[][], found: string[]): number {
  const left = [...found];
  let hits = 0;
  for (const alternatives of expected) {
    const i = left.findIndex((rule) => alternatives.includes(rule));
    if (i >= 0) {
      left.splice(i, 1);
      hits++;
    }
  }
  return hits;
}

/** One finding per rule and file: the judgements count a value written twice as one finding. */
function rulesOf(findings: Finding[], path: string, severity: string): string[] {
  return [...new Set(findings.filter((f) => f.path === path && f.severity === severity).map((f) => f.ruleId))];
}

describe('real-world accuracy suite', () => {
  it('judges every hand-judged file as judged: error precision 100 %, recall ≥ 97 %', async () => {
    const judged = judgements();
    expect(judged.length).toBeGreaterThanOrEqual(40);
    const dir = tempDir('lg-accuracy-');
    const placed = new Map<string, Judged>();
    for (const j of judged) {
      // Each file alone in its directory, under the name it had in its repository.
      const path = `${j.file.split('__')[0]}/${j.sourcePath.split('/').pop()}`;
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), readFileSync(join(FIXTURES, j.file)));
      placed.set(path, j);
    }
    const run = await runCli(['check', '.', '--offline', '--format', 'json', '--fail-on', 'never'], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const findings = (JSON.parse(run.stdout) as { findings: Finding[] }).findings;
    const outside = findings.filter((f) => !placed.has(f.path)).map((f) => `${f.ruleId} ${f.path}`);
    expect(outside).toEqual([]);

    const tally = { errors: { tp: 0, found: 0, expected: 0 }, all: { tp: 0, found: 0, expected: 0 } };
    const wrong: string[] = [];
    for (const [path, j] of placed) {
      const errors = rulesOf(findings, path, 'error');
      // unpinned-revision is owed by every unpinned Hub id; the judgements do not list it.
      const warnings = rulesOf(findings, path, 'warning').filter((r) => r !== 'unpinned-revision');
      const errorHits = matched(j.errors, errors);
      const warningHits = matched(j.warnings, warnings);
      tally.errors.tp += errorHits;
      tally.errors.found += errors.length;
      tally.errors.expected += j.errors.length;
      tally.all.tp += errorHits + warningHits;
      tally.all.found += errors.length + warnings.length;
      tally.all.expected += j.errors.length + j.warnings.length;
      if (errorHits !== errors.length || errorHits !== j.errors.length)
        wrong.push(`${j.file}: errors ${JSON.stringify(errors)}, judged ${JSON.stringify(j.errors)}`);
      if (warningHits !== warnings.length || warningHits !== j.warnings.length)
        wrong.push(`${j.file}: warnings ${JSON.stringify(warnings)}, judged ${JSON.stringify(j.warnings)}`);
    }
    const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
    const summary = {
      errorPrecision: ratio(tally.errors.tp, tally.errors.found),
      errorRecall: ratio(tally.errors.tp, tally.errors.expected),
      allPrecision: ratio(tally.all.tp, tally.all.found),
      allRecall: ratio(tally.all.tp, tally.all.expected)
    };
    // The numbers and every disagreement, for the reader of a CI log.
    console.log(JSON.stringify({ files: placed.size, ...tally, ...summary, disagreements: wrong }, null, 2));
    expect(summary.errorPrecision).toBe(1);
    expect(summary.errorRecall).toBeGreaterThanOrEqual(0.97);
  }, 120000);
});
