import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChangeSet } from '../../../src/changes/change-set.js';
import { discoverArtifacts } from '../../../src/discover/discover.js';
import { linkArtifacts } from '../../../src/discover/relatives.js';
import { tempDir } from '../../helpers/git-repo.js';

const PARENT = 'schema: 1\nupstreams: [{ id: Qwen/Qwen3-4B }]\nlicense: { id: apache-2.0 }\n';
const child = (path: string) => `schema: 1\nupstreams:\n  - path: ${path}\nlicense: { id: apache-2.0 }\n`;

describe('linkArtifacts: parents outside a change set', () => {
  it('calls a parent hollow only when read and empty, never one the context cap left unread', async () => {
    const root = tempDir('lg-relatives-');
    const write = (path: string, text: string) => {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    // More untouched parents than the 256 a change set reads as context, and one that is hollow.
    const n = 300;
    for (let i = 0; i < n; i++) {
      write(`p${i}/lineage.yaml`, PARENT);
      write(`c${i}/lineage.yaml`, child(`../p${i}`));
    }
    write('hollow/train.py', 'print(1)\n');
    write('c-hollow/lineage.yaml', child('../hollow'));
    const changeSet: ChangeSet = {
      scope: 'changed',
      changes: [...Array.from({ length: n }, (_, i) => `c${i}`), 'c-hollow'].map((dir) => ({
        path: `${dir}/lineage.yaml`,
        status: 'modified' as const
      })),
      source: 'test',
      notes: []
    };
    const include = () => true;
    const { artifacts } = await discoverArtifacts({ workspace: root, changeSet, include });
    linkArtifacts(artifacts, { workspace: root, changeSet, include });
    const hollow = artifacts.flatMap((a) => (a.parents ?? []).filter((l) => l.holdsNothing).map((l) => l.dir));
    expect(hollow).toEqual(['hollow']);
    expect(artifacts.filter((a) => a.parents?.length === 1)).toHaveLength(n + 1);
  });
});
