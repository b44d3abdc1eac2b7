import { artifactDetail, artifactRow } from '../../../src/report/render/artifact-table.js';
import type { ReportUpstream } from '../../../src/report/report.js';
import { cells } from './markdown-check.js';
import { ARTIFACTS } from './sample-report.js';

const claim = (id: string, revision: string | null, path: string): ReportUpstream => ({
  ...ARTIFACTS[0].upstreams[0],
  raw: id,
  id,
  revision,
  path,
  license: null
});

describe('artifact table', () => {
  it('names each upstream once, whatever case, revision or manifest claims it', () => {
    const upstreams = [
      claim('Qwen/Qwen3-4B', 'main', 'a/adapter_config.json'),
      claim('qwen/qwen3-4b', null, 'a/README.md'),
      claim('Qwen/Qwen3-4B-Base', null, 'a/README.md')
    ];
    const artifact = { ...ARTIFACTS[0], dir: 'a', upstreams };
    expect(cells(artifactRow(artifact))[2]).toBe('`Qwen/Qwen3-4B`, `Qwen/Qwen3-4B-Base`');
    const detail = artifactDetail(artifact).split('\n');
    expect(detail.filter((l) => l.startsWith('  - Upstream '))).toEqual([
      '  - Upstream `Qwen/Qwen3-4B`: `@main`, hub-id, primary; hub-id, primary',
      '  - Upstream `Qwen/Qwen3-4B-Base`: hub-id, primary'
    ]);
  });

  it('keeps a row to a few upstreams; the details list them all', () => {
    const upstreams = ['a/one', 'a/two', 'a/three', 'a/four', 'a/five'].map((id) => claim(id, null, 'x/README.md'));
    const artifact = { ...ARTIFACTS[0], dir: 'x', upstreams };
    expect(cells(artifactRow(artifact))[2]).toBe('`a/one`, `a/two`, `a/three`, +2 more');
    expect(
      artifactDetail(artifact)
        .split('\n')
        .filter((l) => l.startsWith('  - Upstream '))
    ).toHaveLength(5);
  });

  it('is one line per artifact, status first', () => {
    for (const artifact of ARTIFACTS) {
      const row = artifactRow(artifact);
      expect(row).not.toContain('\n');
      expect(cells(row)[0]).toMatch(/^(✅ pass|❌ fail)$/);
    }
  });
});
