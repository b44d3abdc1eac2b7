import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ChangedDirectories, discoverArtifacts } from '../../../src/discover/discover.js';
import type { Change, ChangeSet } from '../../../src/changes/change-set.js';
import { runGate } from '../../../src/pipeline.js';
import { defaultPolicy } from '../../../src/policy/defaults.js';
import { tempDir } from '../../helpers/git-repo.js';
import { safetensorsBytes } from '../../helpers/weights.js';
import { timed } from '../../helpers/timed.js';
import { realpathSync } from 'node:fs';

const PEFT = JSON.stringify(
  {
    peft_type: 'LORA',
    base_model_name_or_path: 'Qwen/Qwen3-4B',
    revision: null,
    r: 8,
    lora_alpha: 16,
    task_type: 'CAUSAL_LM'
  },
  null,
  2
);
const CARD = '---\nbase_model: Qwen/Qwen3-4B\nlicense: apache-2.0\nlibrary_name: peft\n---\n# Adapter\n';

function workspace(files: Record<string, string | Buffer>): string {
  const root = tempDir('lg-discover-');
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const changed = (changes: Change[]): ChangeSet => ({ scope: 'changed', changes, source: 'test', notes: [] });
const all: ChangeSet = { scope: 'all', changes: [], source: 'test', notes: [] };

describe('discoverArtifacts', () => {
  it('tells a progress listener each file the walk sees, and each artifact as the walk leaves it', async () => {
    const root = workspace({ 'a/adapter_config.json': PEFT, 'a/train.py': '', 'b/README.md': CARD, 'c.txt': '' });
    const seen: { files: number; artifacts: number }[] = [];
    await discoverArtifacts({ workspace: root, changeSet: all, include: () => true, onProgress: (p) => seen.push(p) });
    expect(seen).toEqual([
      { files: 1, artifacts: 0 },
      { files: 2, artifacts: 0 },
      { files: 2, artifacts: 1 },
      { files: 3, artifacts: 1 },
      { files: 3, artifacts: 2 },
      { files: 4, artifacts: 2 }
    ]);
  });

  it('judges a changed manifest together with its untouched siblings', async () => {
    const root = workspace({
      'a/adapter_config.json': PEFT,
      'a/README.md': CARD,
      'a/adapter_model.safetensors': safetensorsBytes([{ name: 'w', dtype: 'F32', shape: [1] }]),
      'b/lineage.yaml': 'schema: 1\n'
    });
    const { artifacts, manifestCount } = await discoverArtifacts({
      workspace: root,
      changeSet: changed([{ path: 'a/adapter_config.json', status: 'modified' }]),
      include: () => true
    });
    expect(artifacts.map((a) => a.dir)).toEqual(['a']);
    expect(artifacts[0].records.map((r) => r.format).sort()).toEqual(['hf-model-card', 'peft-adapter-config']);
    expect(artifacts[0].weights.map(({ path, status }) => ({ path, status }))).toEqual([
      { path: 'a/adapter_model.safetensors', status: 'present' }
    ]);
    expect(manifestCount).toBe(2);
    // The card's license covers the adapter config that cannot carry one.
    const report = await runGate({
      workspace: root,
      changeSet: changed([{ path: 'a/adapter_config.json', status: 'modified' }]),
      include: () => true,
      failOn: 'error',
      policy: defaultPolicy(),
      now: new Date('2026-11-23T12:00:00Z'),
      hub: { off: 'test' }
    });
    expect([...report.findings].map((f) => f.ruleId)).toEqual(['unpinned-revision']);
    expect(report.result).toBe('pass');
  });

  it('reports weights whose manifest this change deletes, and manifests moved out of a directory', async () => {
    const root = workspace({
      'w/model.gguf': 'GGUF',
      'moved/to/lineage.yaml': 'schema: 1\nupstreams: []\n',
      'm/adapter_model.safetensors': 'x'
    });
    const { artifacts } = await discoverArtifacts({
      workspace: root,
      changeSet: changed([
        { path: 'w/lineage.yaml', status: 'removed' },
        { path: 'moved/to/lineage.yaml', status: 'renamed', previousPath: 'm/lineage.yaml' }
      ]),
      include: () => true
    });
    const byDir = Object.fromEntries(artifacts.map((a) => [a.dir, a]));
    expect(byDir.w.removedManifests).toEqual(['w/lineage.yaml']);
    expect(byDir.w.weights.map(({ path, status }) => ({ path, status }))).toEqual([
      { path: 'w/model.gguf', status: 'present' }
    ]);
    expect(byDir.m.removedManifests).toEqual(['m/lineage.yaml']);
    expect(byDir['moved/to'].records).toHaveLength(1);
  });

  it('lists folders named like manifests under a deep path once each, in time linear in the change', () => {
    // 250 folders called lineage.yaml, one in the other (a 3 KB path), holding 400 new files: each
    // file passes all 250. Joining each folder's directory and replaying every file for each took minutes.
    const deep = Array.from({ length: 250 }, () => 'lineage.yaml').join('/');
    const files = Array.from({ length: 400 }, (_, i) => `${deep}/f${i}.txt`);
    const root = workspace(Object.fromEntries(files.map((f) => [f, 'x'])));
    const changeSet = changed(files.map((path) => ({ path, status: 'added' as const })));
    const artifacts = timed(() => [
      ...new ChangedDirectories({ workspace: root, changeSet, include: () => true }).artifacts(realpathSync(root))
    ]);
    expect(artifacts).toHaveLength(250);
    expect(artifacts[0].dir).toBe('.');
    for (const artifact of artifacts) {
      expect(artifact.unreadable.map((u) => u.path)).toEqual([
        artifact.dir === '.' ? 'lineage.yaml' : `${artifact.dir}/lineage.yaml`
      ]);
      expect(artifact.unreadable[0].reason).toMatch(/directory named like a manifest/);
    }
  });

  it('refuses symlinks that leave the workspace and reads huge files only up to the cap', async () => {
    const outside = tempDir('lg-outside-');
    writeFileSync(join(outside, 'secret.json'), '{"peft_type":"LORA"}');
    const root = workspace({ 'big/adapter_config.json': 'x'.repeat(3 * 1024 * 1024) });
    mkdirSync(join(root, 'link'));
    symlinkSync(join(outside, 'secret.json'), join(root, 'link', 'adapter_config.json'));
    const { artifacts } = await discoverArtifacts({ workspace: root, changeSet: all, include: () => true });
    const reasons = Object.fromEntries(artifacts.map((a) => [a.dir, a.unreadable[0]?.reason]));
    expect(reasons.link).toContain('points outside the repository');
    expect(reasons.big).toMatch(/3,?145,?728 bytes|3 MiB|larger than/);
  });

  it('leaves out directories with nothing lineage-related, and applies the path filter on a full scan', async () => {
    const root = workspace({
      'docs/README.md': '# Docs\n',
      'x/adapter_config.json': PEFT,
      'y/adapter_config.json': PEFT
    });
    const { artifacts } = await discoverArtifacts({
      workspace: root,
      changeSet: all,
      include: (p) => !p.startsWith('y/')
    });
    expect(artifacts.map((a) => a.dir)).toEqual(['x']);
  });

  it('finds a NOTICE file as attribution for the artifact', async () => {
    const root = workspace({
      'l/adapter_config.json': PEFT.replace('Qwen/Qwen3-4B', 'meta-llama/Llama-3.1-8B'),
      'l/NOTICE': 'Built with Llama\n'
    });
    const { artifacts } = await discoverArtifacts({ workspace: root, changeSet: all, include: () => true });
    expect(artifacts[0].noticeFiles).toEqual(['l/NOTICE']);
  });
});

describe('Markdown of any name', () => {
  const bareLicense = '---\nlicense: apache-2.0\ntags: [lora]\n---\n# Card\n';

  it("is the artifact's card with any card key beside weights or a manifest; elsewhere a docs page", async () => {
    const root = workspace({
      'adapter/adapter_config.json': PEFT,
      'adapter/card.md': bareLicense,
      'docs/guide.md': bareLicense,
      'docs/README.md': '# Docs\n'
    });
    const { artifacts } = await discoverArtifacts({ workspace: root, changeSet: all, include: () => true });
    expect(artifacts.map((a) => [a.dir, a.records.map((r) => `${r.format} ${r.path}`)])).toEqual([
      ['adapter', ['peft-adapter-config adapter/adapter_config.json', 'hf-model-card adapter/card.md']]
    ]);
    // The card's license is the artifact's: no missing-license.
    const report = await runGate({
      workspace: root,
      changeSet: all,
      include: () => true,
      policy: defaultPolicy(),
      hub: { off: 'offline' },
      failOn: 'error',
      now: new Date('2026-12-01')
    });
    expect([...report.findings].filter((f) => f.ruleId === 'missing-license')).toEqual([]);
  });
});
