import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { discoverArtifacts } from '../../../src/discover/discover.js';
import type { Change, ChangeSet } from '../../../src/changes/change-set.js';
import { runGate } from '../../../src/pipeline.js';
import { defaultPolicy } from '../../../src/policy/defaults.js';
import { tempDir } from '../../helpers/git-repo.js';

const PEFT = JSON.stringify({
  peft_type: 'LORA',
  base_model_name_or_path: 'Qwen/Qwen3-4B',
  revision: null,
  r: 8,
  lora_alpha: 16,
  task_type: 'CAUSAL_LM'
});
const CARD = '---\nbase_model: Qwen/Qwen3-4B\nlicense: apache-2.0\nlibrary_name: peft\n---\n# Adapter\n';

function workspace(files: Record<string, string>, dirs: string[] = []): string {
  const root = tempDir('lg-hostile-');
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  for (const dir of dirs) mkdirSync(join(root, dir), { recursive: true });
  return root;
}

const all: ChangeSet = { scope: 'all', changes: [], source: 'test', notes: [] };
const changed = (changes: Change[]): ChangeSet => ({ scope: 'changed', changes, source: 'test', notes: [] });
const deep = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

describe('hostile manifests beside normal ones', () => {
  it('a 2,000-level JSON manifest is reported and the normal artifact beside it still checked', async () => {
    const root = workspace({
      'deep/adapter_config.json': deep(2000),
      'good/adapter_config.json': PEFT,
      'good/README.md': CARD
    });
    const report = await runGate({
      workspace: root,
      changeSet: all,
      include: () => true,
      failOn: 'error',
      policy: defaultPolicy(),
      now: new Date('2026-11-23T12:00:00Z'),
      hub: { off: 'test' }
    });
    const findings = [...report.findings].map((f) => [f.ruleId, f.path, f.line]);
    expect(findings).toContainEqual(['unreadable-manifest', 'deep/adapter_config.json', 1]);
    expect(findings).toContainEqual(['unpinned-revision', 'good/adapter_config.json', expect.any(Number)]);
    const unreadable = [...report.findings].find((f) => f.ruleId === 'unreadable-manifest')!;
    expect(unreadable.message).toContain('nested 2000 levels deep; the limit is 64');
    expect([...report.artifacts].map((a) => a.dir).sort()).toEqual(['deep', 'good']);
  });

  it('a 100,000-level manifest found by discover is unreadable, not a crash', async () => {
    const root = workspace({ 'a/lineage.yaml': deep(100_000), 'b/training_manifest.json': deep(100_000) });
    const { artifacts } = await discoverArtifacts({ workspace: root, changeSet: all, include: () => true });
    expect(artifacts.flatMap((a) => a.unreadable.map((u) => [u.path, u.reason]))).toEqual([
      ['a/lineage.yaml', 'nested 100000 levels deep; the limit is 64'],
      ['b/training_manifest.json', 'nested 100000 levels deep; the limit is 64']
    ]);
  });
});

describe('directories named like manifests', () => {
  const reason = /^it is a directory named like a manifest, not a file/;

  it('a full scan reports them', async () => {
    const root = workspace({ 'a/adapter_config.json/weights.txt': 'x' }, ['b/lineage.yaml']);
    const { artifacts } = await discoverArtifacts({ workspace: root, changeSet: all, include: () => true });
    const unreadable = artifacts.flatMap((a) => a.unreadable);
    expect(unreadable.map((u) => u.path)).toEqual(['a/adapter_config.json', 'b/lineage.yaml']);
    for (const u of unreadable) expect(u.reason).toMatch(reason);
  });

  it('a change beside one, or inside one, reports it', async () => {
    const root = workspace({ 'a/README.md': CARD, 'b/lineage.yaml/notes.txt': 'x' }, ['a/adapter_config.json']);
    const { artifacts } = await discoverArtifacts({
      workspace: root,
      changeSet: changed([
        { path: 'a/README.md', status: 'modified' },
        { path: 'b/lineage.yaml/notes.txt', status: 'added' }
      ]),
      include: () => true
    });
    const unreadable = artifacts.flatMap((a) => a.unreadable);
    expect(unreadable.map((u) => u.path)).toEqual(['a/adapter_config.json', 'b/lineage.yaml']);
    for (const u of unreadable) expect(u.reason).toMatch(reason);
  });
});
