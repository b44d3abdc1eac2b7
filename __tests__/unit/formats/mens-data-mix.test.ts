/**
 * MENS data mix (docs/datasets.md): read only beside a training manifest; its sources and weights in
 * the report and the pedigree; invalid-mix-weight and removed-mix-source, through the whole engine.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Change } from '../../../src/changes/change-set.js';
import { runGate } from '../../../src/pipeline.js';
import { defaultPolicy } from '../../../src/policy/defaults.js';
import type { Report } from '../../../src/report/report.js';
import { scanOffline } from '../../helpers/offline-gate.js';

const CORPUS = '/work/shared/corpus/mens';
const HEAD_MIX = readFileSync(join(CORPUS, 'mix.yaml.vox-foundation-HEAD.yaml'), 'utf8');
const LATER_MIX = readFileSync(join(CORPUS, 'mix.yaml.brbrainerd-later-variant.yaml'), 'utf8');
const MANIFEST = readFileSync(
  new URL('../../../examples/mens/runs/qwen3-4b-support-promoted/training_manifest.json', import.meta.url),
  'utf8'
);

const MIX = `sources:
  - path: mens/data/validated.jsonl
    weight: 6.0
  - path: mens/data/synthetic.jsonl
    weight: 0.5
    sample_rate: 0.1
    optional: true
  - path: mens/data/docs.jsonl
output: target/train_mixed.jsonl
`;

let root: string;
beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'lg-mix-'))));
afterEach(() => rmSync(root, { recursive: true, force: true }));

const write = (path: string, text: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};
const run = (report: Report, dir: string) => [...report.artifacts].find((a) => a.dir === dir);
const rules = (report: Report) => [...report.findings].map((f) => `${f.ruleId} ${f.path}:${f.line}`);

function changedRun(changes: Change[]): Promise<Report> {
  return runGate({
    workspace: root,
    changeSet: { scope: 'changed', changes, source: 'test', notes: [] },
    include: () => true,
    failOn: 'error',
    policy: defaultPolicy(),
    now: new Date('2026-12-07T00:00:00Z'),
    hub: { off: 'test' }
  });
}

describe('MENS data mix: reading', () => {
  it('reads the real mixes beside a training manifest: every source, weight, optional flag and rate', async () => {
    write('runs/a/training_manifest.json', MANIFEST);
    write('runs/a/mix.yaml', HEAD_MIX);
    write('runs/b/training_manifest.json', MANIFEST);
    write('runs/b/mix.yaml', LATER_MIX);
    const report = await scanOffline(root);
    const a = run(report, 'runs/a')!;
    expect(a.manifests).toContainEqual({ path: 'runs/a/mix.yaml', format: 'mens-data-mix' });
    expect(a.dataMix.length).toBe(HEAD_MIX.match(/^\s+- path: /gm)!.length);
    expect(a.dataMix[0]).toEqual({
      path: 'target/dogfood/validated_mixed.jsonl',
      weight: 6,
      optional: false,
      sampleRate: null,
      file: 'runs/a/mix.yaml',
      line: HEAD_MIX.split('\n').findIndex((l) => l.includes('- path: target/dogfood/validated_mixed.jsonl')) + 1
    });
    expect(a.dataMix.find((s) => s.path === 'target/dogfood/train.jsonl')).toMatchObject({
      weight: 0.5,
      sampleRate: 0.05,
      optional: true
    });
    expect(run(report, 'runs/b')!.dataMix.length).toBeGreaterThan(3);
    // The later mix switches its optional tool traces off with `weight: 0.0`: a notice, not a failure.
    expect([...report.findings].filter((f) => f.path.endsWith('mix.yaml')).map((f) => [f.ruleId, f.severity])).toEqual([
      ['invalid-mix-weight', 'notice']
    ]);
  });

  it('reports a mix.yaml beside a run whose sources are not a list, instead of ignoring it', async () => {
    write('runs/a/training_manifest.json', MANIFEST);
    write('runs/a/mix.yaml', 'sources: {a: 1}\noutput: 3\n');
    const report = await scanOffline(root);
    expect(rules(report).filter((r) => r.includes('mix.yaml'))).toEqual([
      'schema-violation runs/a/mix.yaml:1',
      'schema-violation runs/a/mix.yaml:2'
    ]);
    expect(run(report, 'runs/a')!.dataMix).toEqual([]);
  });

  it('does not read a mix alone (a config directory), nor treat it as an artifact', async () => {
    write('mens/config/mix.yaml', HEAD_MIX);
    write('runs/a/training_manifest.json', MANIFEST);
    const report = await scanOffline(root);
    expect([...report.artifacts].map((a) => a.dir)).toEqual(['runs/a']);
    expect(run(report, 'runs/a')!.dataMix).toEqual([]);
  });

  it('binds the mix into the pedigree: a weight or a source changes it, no mix leaves no dataMix key', async () => {
    write('runs/a/training_manifest.json', MANIFEST);
    const without = run(await scanOffline(root), 'runs/a')!.pedigree;
    write('runs/a/mix.yaml', MIX);
    const withMix = run(await scanOffline(root), 'runs/a')!.pedigree;
    write('runs/a/mix.yaml', MIX.replace('weight: 6.0', 'weight: 5.0'));
    const reweighted = run(await scanOffline(root), 'runs/a')!.pedigree;
    write('runs/a/mix.yaml', `# reformatted\n${MIX.replace('weight: 6.0', 'weight: 6')}`);
    const reformatted = run(await scanOffline(root), 'runs/a')!.pedigree;
    expect(new Set([without, withMix, reweighted]).size).toBe(3);
    expect(reformatted).toBe(withMix);
  });
});

describe('invalid-mix-weight', () => {
  it('reports a zero or negative weight at its value; .inf, .nan and a word are schema violations', async () => {
    write('runs/a/training_manifest.json', MANIFEST);
    write(
      'runs/a/mix.yaml',
      'sources:\n  - path: a.jsonl\n    weight: 0\n  - path: b.jsonl\n    weight: -1\n' +
        '  - path: c.jsonl\n    weight: .inf\n  - path: d.jsonl\n    weight: .nan\n' +
        '  - path: e.jsonl\n    weight: high\n  - path: f.jsonl\n    weight: 0.001\noutput: o.jsonl\n'
    );
    const report = await scanOffline(root);
    const mixFindings = rules(report).filter((r) => r.includes('mix.yaml'));
    expect(mixFindings).toEqual([
      'invalid-mix-weight runs/a/mix.yaml:3',
      'invalid-mix-weight runs/a/mix.yaml:5',
      'schema-violation runs/a/mix.yaml:7',
      'schema-violation runs/a/mix.yaml:9',
      'schema-violation runs/a/mix.yaml:11'
    ]);
    const zero = [...report.findings].find((f) => f.line === 3)!;
    expect(zero.message).toBe(
      '`sources[0].weight` in runs/a/mix.yaml gives the source a.jsonl the weight 0: a mix weight must be ' +
        'positive (sources are sampled in proportion to their weights, and a required source that supplies ' +
        'nothing is a contradiction).'
    );
    expect(run(report, 'runs/a')!.dataMix.map((s) => s.weight)).toEqual([0, -1, Infinity, NaN, null, 0.001]);
    expect(zero.severity).toBe('error');
  });
});

describe('removed-mix-source', () => {
  const setUp = () => {
    write('runs/a/training_manifest.json', MANIFEST);
    write('runs/a/mix.yaml', MIX);
  };

  it('reports a non-optional source the change deletes, on a run the change does not touch otherwise', async () => {
    setUp();
    const report = await changedRun([
      { path: 'mens/data/validated.jsonl', status: 'removed' },
      { path: 'mens/data/synthetic.jsonl', status: 'removed' }
    ]);
    // The run joins to be judged by this one rule: its other findings are not this change's doing.
    expect(rules(report)).toEqual(['removed-mix-source runs/a/mix.yaml:2']);
    const [f] = report.findings;
    expect(f.message).toMatch(/^This change deletes "mens\/data\/validated\.jsonl", which `sources\[0\]\.path` in /);
    expect(run(report, 'runs/a')!.status).toBe('fail');
    expect(report.result).toBe('fail');
  });

  it('counts a source renamed away, and an unwritten optional flag as false; optional sources may go', async () => {
    setUp();
    const report = await changedRun([
      { path: 'mens/data/docs-v2.jsonl', previousPath: 'mens/data/docs.jsonl', status: 'renamed' },
      { path: 'mens/data/synthetic.jsonl', status: 'removed' }
    ]);
    expect(rules(report)).toEqual(['removed-mix-source runs/a/mix.yaml:8']);
  });

  it('judges the run with every rule when the change touches the run itself', async () => {
    setUp();
    cpSync(join(root, 'runs/a/mix.yaml'), join(root, 'runs/a/mix.yaml.bak'));
    const report = await changedRun([
      { path: 'runs/a/mix.yaml', status: 'modified' },
      { path: 'mens/data/validated.jsonl', status: 'removed' }
    ]);
    expect(rules(report)).toContain('removed-mix-source runs/a/mix.yaml:2');
    expect([...report.artifacts].map((a) => a.dir)).toEqual(['runs/a']);
  });

  it('says nothing when no file is deleted, and walks nothing', async () => {
    setUp();
    write('notes.txt', 'changed\n');
    const report = await changedRun([{ path: 'notes.txt', status: 'modified' }]);
    expect(report.findings).toEqual([]);
    expect(report.artifacts).toEqual([]);
  });
});
