import type { Change } from '../../../src/changes/change-set.js';
import { initRepo, type TempRepo } from '../../helpers/git-repo.js';

export interface History {
  repo: TempRepo;
  /** First commit, the merge base of main and feature. */
  root: string;
  /** Tip of main, one commit past the merge base. */
  main: string;
  /** Tip of feature: a rename, a deletion, a modification, a path with a space, a non-ASCII path. */
  feature: string;
}

/** What feature changed since it left main (the `main...feature` view). */
export const FEATURE_CHANGES: Change[] = [
  { path: 'models/b/README.md', status: 'modified' },
  { path: 'models/c/adapter_model.safetensors', status: 'removed' },
  { path: 'models/renamed/adapter_config.json', status: 'renamed', previousPath: 'models/a/adapter_config.json' },
  { path: 'models/with space/lineage.yaml', status: 'added' },
  { path: 'models/ünïcödé/README.md', status: 'added' }
];

/** main: root → main; feature: root → feature. */
export function buildHistory(): History {
  const repo = initRepo();
  repo.write(
    'models/a/adapter_config.json',
    JSON.stringify({ base_model_name_or_path: 'Qwen/Qwen2.5-7B', peft_type: 'LORA', r: 16 }, null, 2)
  );
  repo.write('models/b/README.md', '---\nbase_model: gpt2\nlicense: mit\n---\n');
  repo.write('models/c/adapter_model.safetensors', 'not really weights\n');
  repo.write('keep.txt', 'one\n');
  const root = repo.commit('root');
  repo.write('keep.txt', 'two\n');
  const main = repo.commit('main moves on');
  repo.git('checkout', '--quiet', '-b', 'feature', root);
  repo.move('models/a/adapter_config.json', 'models/renamed/adapter_config.json');
  repo.git('rm', '--quiet', 'models/c/adapter_model.safetensors');
  repo.write('models/b/README.md', '---\nbase_model: openai-community/gpt2\nlicense: mit\n---\n');
  repo.write('models/with space/lineage.yaml', 'upstream: []\n');
  repo.write('models/ünïcödé/README.md', '---\nlicense: apache-2.0\n---\n');
  const feature = repo.commit('feature work');
  return { repo, root, main, feature };
}
