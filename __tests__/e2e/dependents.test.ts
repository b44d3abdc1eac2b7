/**
 * A change that deletes an artifact: the bundled CLI walks the repository for manifests that still
 * reference it, however they spell the reference (a search of each file's bytes decides which ones are
 * parsed, so a reference it cannot read plainly must still be found).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { initRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-action.js';

interface JsonFinding {
  ruleId: string;
  path: string;
  line: number;
}

const peft = (base: string) => JSON.stringify({ peft_type: 'LORA', base_model_name_or_path: base }, null, 2);
const lineage = (path: string) => `schema: 1\nupstreams:\n  - path: ${path}\nlicense: { id: apache-2.0 }\n`;

describe('dependents of a deleted artifact', () => {
  it('are found whatever the spelling of the reference, and only they', async () => {
    const repo = initRepo();
    const parent = 'schema: 1\nupstreams: [{ id: Qwen/Qwen3-4B }]\nlicense: { id: apache-2.0 }\n';
    // Two artifacts deleted: one named in ASCII, one not.
    repo.write('models/qwen-sft-v7/lineage.yaml', parent);
    repo.write('models/modèle-sft/lineage.yaml', parent);
    repo.write('models/child/lineage.yaml', lineage('../qwen-sft-v7'));
    repo.write('models/enfant/lineage.yaml', lineage('../modèle-sft'));
    repo.write('deep/x/y/adapter_config.json', peft('../../../models/qwen-sft-v7'));
    // JSON escapes spell a name in bytes no plain search finds.
    repo.write(
      'escaped/adapter_config.json',
      '{"peft_type": "LORA", "base_model_name_or_path": "../models/mod\\u00e8le-sft"}'
    );
    repo.write('windows/adapter_config.json', peft('..\\models\\qwen-sft-v7'));
    // Below a deleted directory, `..` reaches it without naming it.
    repo.write('models/qwen-sft-v7/sub/lineage.yaml', lineage('..'));
    repo.write('unrelated/lineage.yaml', lineage('../models/child'));
    repo.write('other/adapter_config.json', peft('../models/qwen-sft-v8'));
    const base = repo.commit('base');
    repo.git('rm', '-q', 'models/qwen-sft-v7/lineage.yaml', 'models/modèle-sft/lineage.yaml');
    writeFileSync(join(repo.dir, 'README.md'), 'x\n');
    repo.commit('delete two artifacts');

    const run = await runCli(['check', '--changed-since', base, '--format', 'json', '--offline'], repo.dir);
    expect(run.stderr).toBe('');
    const findings = (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings;
    expect(
      findings
        .filter((f) => f.ruleId === 'orphaned-by-deletion')
        .map((f) => f.path)
        .sort()
    ).toEqual([
      'deep/x/y/adapter_config.json',
      'escaped/adapter_config.json',
      'models/child/lineage.yaml',
      'models/enfant/lineage.yaml',
      'models/qwen-sft-v7/sub/lineage.yaml',
      'windows/adapter_config.json'
    ]);
  });
});
