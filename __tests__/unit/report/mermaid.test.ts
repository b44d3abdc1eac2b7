import { lineageDiagram, MAX_DIAGRAM_NODES } from '../../../src/report/render/mermaid.js';
import { buildReport } from '../../../src/report/build.js';
import type { ReportArtifact, ReportUpstream } from '../../../src/report/report.js';
import { SAMPLE_POLICY, completeArtifact } from './sample-report.js';

const up = (id: string, ancestors: { id: string; depth: number }[] = []): ReportUpstream => ({
  raw: id,
  kind: 'hub-id',
  id,
  revision: null,
  role: 'base',
  evidence: 'primary',
  path: 'a/README.md',
  line: 2,
  license: null,
  hub: {
    status: 'found',
    sha: null,
    gated: false,
    license: null,
    ancestors: ancestors.map((a) => ({ ...a, license: null, evidence: 'secondary' as const }))
  }
});
const art = (dir: string, upstreams: ReportUpstream[]): ReportArtifact =>
  completeArtifact({
    dir,
    manifests: [],
    upstreams,
    license: null,
    attribution: null,
    weights: [],
    datasets: [],
    parents: [],
    status: 'pass'
  });
const report = (artifacts: ReportArtifact[]) =>
  buildReport({
    version: '0.1.0',
    failOn: 'error',
    artifacts,
    findings: [],
    changeSource: 'x',
    notes: [],
    manifestsCount: 0,
    policy: SAMPLE_POLICY
  });

describe('lineageDiagram', () => {
  it('draws artifact → upstream → its base_model chain, each model once', () => {
    const chain = [
      { id: 'meta-llama/Llama-3.1-8B-Instruct', depth: 1 },
      { id: 'meta-llama/Llama-3.1-8B', depth: 2 }
    ];
    const d = lineageDiagram(
      report([
        art('a', [up('unsloth/Meta-Llama-3.1-8B-Instruct-bnb-4bit', chain)]),
        art('b', [up('meta-llama/Llama-3.1-8B-Instruct')])
      ])
    )!;
    expect(d.split('\n')).toEqual([
      '```mermaid',
      'flowchart LR',
      '  n0["a"]',
      '  n1(["unsloth/Meta-Llama-3.1-8B-Instruct-bnb-4bit"])',
      '  n0 --> n1',
      '  n2(["meta-llama/Llama-3.1-8B-Instruct"])',
      '  n1 --> n2',
      '  n3(["meta-llama/Llama-3.1-8B"])',
      '  n2 --> n3',
      '  n4["b"]',
      '  n4 --> n2',
      '  classDef pass fill:#dafbe1,stroke:#1a7f37,color:#1f2328',
      '  class n0,n4 pass',
      '```'
    ]);
  });
  it('keeps hostile text inside its label and bounds the size', () => {
    const d = lineageDiagram(
      report([art('x"]\n  click n0 "javascript:alert(1)"<img>', [up('evil/"])<b>@everyone')])])
    )!;
    expect(d.replace(/-\.?->/g, '')).not.toMatch(/[<>]|"javascript|\n {2}click/);
    expect(
      d
        .split('\n')
        .filter((l) => l.includes('"'))
        .every((l) => /^ {2}n\d+(\[|\(\[)"[^"]*"(\]|\]\))$/.test(l))
    ).toBe(true);
    const many = lineageDiagram(report(Array.from({ length: 100 }, (_, i) => art(`dir${i}`, [up(`org/model-${i}`)]))))!;
    expect(many.split('\n').filter((l) => /^ {2}n\d+[[(]/.test(l))).toHaveLength(MAX_DIAGRAM_NODES);
    expect(many).toContain('more["and 140 more not drawn"]');
  });
  it('draws nothing without upstreams', () => {
    expect(lineageDiagram(report([art('a', [])]))).toBeUndefined();
  });
});

describe('lineageDiagram: the artifact graph', () => {
  it('draws local parents as artifact nodes and colours checked artifacts by verdict', () => {
    const child = { ...art('runs/b', [up('org/base')]), status: 'fail' as const };
    child.parents = [{ dir: 'runs/a', path: 'runs/b/lineage.yaml', line: 3 }];
    const d = lineageDiagram(report([child]))!;
    expect(d.split('\n')).toEqual([
      '```mermaid',
      'flowchart LR',
      '  n0["runs/b"]',
      '  n1["runs/a"]',
      '  n0 --> n1',
      '  n2(["org/base"])',
      '  n0 --> n2',
      '  classDef fail fill:#ffebe9,stroke:#cf222e,color:#1f2328',
      '  class n0 fail',
      '```'
    ]);
  });
});
