import { candidatePaths, findCycles, localReferences } from '../../../src/lineage/graph.js';
import { at, record, upstream } from '../../helpers/build.js';

describe('localReferences', () => {
  it('takes explicit references and relative paths written as upstreams, never absolute ones', () => {
    const r = record('runs/b/adapter_config.json', 'peft-adapter-config', {
      upstreams: [
        upstream('runs/b/adapter_config.json', { kind: 'local-path', raw: '../a' }),
        upstream('runs/b/adapter_config.json', { kind: 'local-path', raw: 'model' }),
        upstream('runs/b/adapter_config.json', { kind: 'local-path', raw: '/content/model' }),
        upstream('runs/b/adapter_config.json', { kind: 'local-path', raw: 'C:\\models\\x' }),
        upstream('runs/b/adapter_config.json', { kind: 'hub-id', id: 'org/name', raw: 'org/name' })
      ],
      localRefs: [{ raw: 'adapters/adapters.safetensors', source: at('runs/b/adapter_config.json', 'resume') }]
    });
    expect(localReferences(r).map((l) => [l.raw, l.explicit])).toEqual([
      ['adapters/adapters.safetensors', true],
      ['../a', true],
      ['model', false]
    ]);
  });
});

describe('candidatePaths', () => {
  it('looks beside the manifest first, then from the repository root, never outside it', () => {
    expect(candidatePaths('runs/b/lineage.yaml', '../a')).toEqual(['runs/a']);
    expect(candidatePaths('runs/b/lineage.yaml', 'adapters/x.safetensors')).toEqual([
      'runs/b/adapters/x.safetensors',
      'adapters/x.safetensors'
    ]);
    expect(candidatePaths('lineage.yaml', '../outside')).toEqual([]);
    expect(candidatePaths('a/lineage.yaml', '..')).toEqual(['.']);
    expect(candidatePaths('a/lineage.yaml', '/abs/path')).toEqual([]);
    expect(candidatePaths('a/lineage.yaml', '.\\sub\\dir\\')).toEqual(['a/sub/dir', 'sub/dir']);
  });
});

describe('findCycles', () => {
  it('finds loops of two or more artifacts, and none in a chain', () => {
    const edges = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
      ['e', ['f']],
      ['f', []]
    ]);
    expect(findCycles(edges)).toEqual([['a', 'b', 'c']]);
    expect(
      findCycles(
        new Map([
          ['x', ['y']],
          ['y', []]
        ])
      )
    ).toEqual([]);
  });
  it('handles a chain of 100,000 links without overflowing the stack', () => {
    const edges = new Map<string, string[]>();
    for (let i = 0; i < 100_000; i++) edges.set(`n${i}`, [`n${i + 1}`]);
    edges.set('n100000', ['n0']);
    const cycles = findCycles(edges);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toHaveLength(100_001);
  });
});

describe('graph: details the broader tests leave open', () => {
  const manifest = 'runs/b/lineage.yaml';

  it('gives explicit references the role they were read with, `base` when none', () => {
    const r = record(manifest, 'lineage-yaml', {
      localRefs: [
        { raw: 'runs/a', source: at(manifest, 'base') },
        { raw: 'runs/q', source: at(manifest, 'quantized_from'), role: 'quantized-from' }
      ],
      upstreams: [upstream(manifest, { kind: 'local-path', raw: './m', role: 'merge-parent' })]
    });
    expect(localReferences(r).map((l) => [l.raw, l.role])).toEqual([
      ['runs/a', 'base'],
      ['runs/q', 'quantized-from'],
      ['./m', 'merge-parent']
    ]);
  });

  it('skips a local-path upstream that has no written value', () => {
    const r = record(manifest, 'lineage-yaml', { upstreams: [upstream(manifest, { kind: 'local-path' })] });
    expect(localReferences(r)).toEqual([]);
  });

  it('drops every trailing separator, finds nothing for an empty value, and lists each path once', () => {
    expect(candidatePaths('a/lineage.yaml', 'sub//')).toEqual(['a/sub', 'sub']);
    expect(candidatePaths('a/lineage.yaml', '')).toEqual([]);
    expect(candidatePaths('lineage.yaml', 'models/x')).toEqual(['models/x']);
  });

  it('reports loops in the order of their first artifact, whatever the order of the edges', () => {
    const edges = new Map([
      ['y', ['z']],
      ['z', ['y']],
      ['a', ['b']],
      ['b', ['a']]
    ]);
    expect(findCycles(edges)).toEqual([
      ['a', 'b'],
      ['y', 'z']
    ]);
  });

  it('finds a loop that also leads into an artifact already judged', () => {
    const edges = new Map([
      ['a', ['b']],
      ['b', []],
      ['c', ['d']],
      ['d', ['c', 'a']]
    ]);
    expect(findCycles(edges)).toEqual([['c', 'd']]);
  });
});
