/**
 * End-to-end: data lineage (docs/datasets.md) through the bundled CLI in a git repository — a
 * deleted data-mix source, a non-commercial dataset, and the mix bound into the pedigree.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from '../../src/report/report.js';
import { initRepo } from '../helpers/git-repo.js';
import { PROJECT_ROOT, runCli } from '../helpers/run-action.js';

const MANIFEST = readFileSync(
  join(PROJECT_ROOT, 'examples/mens/runs/qwen3-4b-support-promoted/training_manifest.json'),
  'utf8'
);
const MIX = `sources:
  - path: mens/data/validated.jsonl
    weight: 6.0
  - path: mens/data/synthetic.jsonl
    weight: 0.5
    optional: true
output: target/train_mixed.jsonl
`;

describe('data lineage', () => {
  it('fails a change that deletes a required mix source, on the run that needs it, and only for that', async () => {
    const repo = initRepo();
    repo.write('mens/runs/r1/training_manifest.json', MANIFEST);
    repo.write('mens/runs/r1/mix.yaml', MIX);
    repo.write('mens/data/validated.jsonl', '{"prompt":"a","response":"b"}\n');
    repo.write('mens/data/synthetic.jsonl', '{"prompt":"c","response":"d"}\n');
    const base = repo.commit('base');
    repo.git('rm', '-q', 'mens/data/validated.jsonl', 'mens/data/synthetic.jsonl');
    repo.commit('drop the data');

    const run = await runCli(['check', '--changed-since', base, '--format', 'json'], repo.dir);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as Report;
    expect([...report.findings].map((f) => `${f.ruleId} ${f.path}:${f.line}`)).toEqual([
      'removed-mix-source mens/runs/r1/mix.yaml:2'
    ]);
    expect([...report.artifacts].map((a) => [a.dir, a.status])).toEqual([['mens/runs/r1', 'fail']]);
    expect([...report.artifacts][0].dataMix.map((s) => [s.path, s.weight, s.optional])).toEqual([
      ['mens/data/validated.jsonl', 6, false],
      ['mens/data/synthetic.jsonl', 0.5, true]
    ]);
    expect(run.code).toBe(1);

    const text = await runCli(['check', '--changed-since', base], repo.dir);
    expect(text.stdout).toContain('removed-mix-source');
    expect(text.stdout).toContain('This change deletes "mens/data/validated.jsonl"');
  });

  it('passes a non-commercial dataset on to the model trained on it and binds datasets into the pedigree', async () => {
    const repo = initRepo();
    const lineage = (dataset: string) =>
      'schema: 1\nupstreams:\n  - id: Qwen/Qwen3-4B\n    revision: 1cfa9a7208912126459214e8b04321603b3df60c\n' +
      `license:\n  id: apache-2.0\ndatasets:\n  - id: ${dataset}\n    license: cc-by-nc-4.0\n`;
    repo.write('adapters/a/lineage.yaml', lineage('tatsu-lab/alpaca'));
    repo.commit('base');
    const first = await runCli(['check', '--offline', '--format', 'json', '--fail-on', 'warning'], repo.dir);
    const report = JSON.parse(first.stdout) as Report;
    const finding = [...report.findings].find((f) => f.ruleId === 'non-commercial-upstream')!;
    expect(finding).toMatchObject({ path: 'adapters/a/lineage.yaml', line: 8, severity: 'warning' });
    expect(finding.message).toMatch(/^The dataset tatsu-lab\/alpaca /);
    expect(first.code).toBe(1);

    repo.write('adapters/a/lineage.yaml', lineage('yahma/alpaca-cleaned'));
    const second = JSON.parse((await runCli(['check', '--offline', '--format', 'json'], repo.dir)).stdout) as Report;
    expect([...second.artifacts][0].pedigree).not.toBe([...report.artifacts][0].pedigree);
  });
});
