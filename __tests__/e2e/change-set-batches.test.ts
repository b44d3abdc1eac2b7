/**
 * A change set is read, linked and judged a batch of artifacts at a time (memory stays flat for a
 * pull request of any size). The bundled CLI with batches of two must report what it reports with
 * the change in one batch: parents, inheritance and loops across batches; a deleted artifact's
 * dependents inside and outside the change; a training run outside it that needs a deleted file.
 */
import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Report } from '../../src/report/report.js';
import { initRepo } from '../helpers/git-repo.js';
import { PROJECT_ROOT, runCli } from '../helpers/run-action.js';
import { safetensorsBytes } from '../helpers/weights.js';

const MANIFEST = readFileSync(
  join(PROJECT_ROOT, 'examples/mens/runs/qwen3-4b-support-promoted/training_manifest.json'),
  'utf8'
);
const MIX = 'sources:\n  - path: data/train.jsonl\n    weight: 1.0\noutput: target/train_mixed.jsonl\n';
const APACHE = 'license: { id: apache-2.0 }\n';
const ROOT = `schema: 1\nupstreams: [{ id: Qwen/Qwen3-4B }]\n${APACHE}`;
/** Llama's license asks every derivative to carry its name and its attribution: what the chain inherits. */
const LLAMA_ROOT = 'schema: 1\nupstreams: [{ id: meta-llama/Llama-3.1-8B }]\nlicense: { id: llama3.1 }\n';
/** A lineage.yaml deriving from a local directory. */
const child = (path: string, license = APACHE) => `schema: 1\nupstreams:\n  - path: ${path}\n${license}`;
const peft = (base: string) => JSON.stringify({ peft_type: 'LORA', base_model_name_or_path: base }, null, 2);

function changeOfManyArtifacts() {
  const repo = initRepo();
  repo.write('a-root/lineage.yaml', LLAMA_ROOT);
  // A chain whose links fall in different batches, ending in an adapter that names no Hub model itself.
  for (let i = 0; i < 5; i++) repo.write(`chain-${i}/lineage.yaml`, child(i ? `../chain-${i - 1}` : '../a-root'));
  repo.write('chain-9/adapter_config.json', peft('../chain-4'));
  repo.write('chain-9/README.md', '---\nlicense: apache-2.0\n---\n# chain-9\n');
  // A loop whose two ends are judged in different batches.
  repo.write('loop-a/lineage.yaml', child('../loop-z', 'license: { id: mit }\n'));
  repo.write('loop-m/lineage.yaml', ROOT);
  repo.write('loop-z/lineage.yaml', child('../loop-a', 'license: { id: mit }\n'));
  // An artifact to delete, what derives from it inside and outside the change, and an unrelated one.
  repo.write('gone/lineage.yaml', ROOT);
  repo.write('in-change/lineage.yaml', child('../gone'));
  repo.write('in-change-w/lineage.yaml', child('../gone-but-weights'));
  repo.write('outside/lineage.yaml', child('../gone'));
  repo.write('elsewhere/lineage.yaml', child('../a-root'));
  // An artifact whose manifest goes while its weights stay (read again after the last batch).
  repo.write('gone-but-weights/lineage.yaml', ROOT);
  writeFileSync(
    join(repo.dir, 'gone-but-weights/adapter_model.safetensors'),
    safetensorsBytes([{ name: 'w', dtype: 'F32', shape: [1] }])
  );
  // A training run outside the change whose mix needs a file the change deletes.
  repo.write('runs/r1/training_manifest.json', MANIFEST);
  repo.write('runs/r1/mix.yaml', MIX);
  repo.write('data/train.jsonl', '{"prompt":"a","response":"b"}\n');
  const base = repo.commit('base');

  const touched = ['a-root', 'chain-0', 'chain-1', 'chain-2', 'chain-3', 'chain-4', 'loop-a', 'loop-m', 'loop-z'];
  for (const dir of [...touched, 'in-change', 'in-change-w']) repo.write(`${dir}/README.md`, `# ${dir}\n`);
  repo.write('chain-9/adapter_config.json', peft('../chain-4') + '\n');
  repo.git('rm', '-q', 'gone/lineage.yaml', 'gone-but-weights/lineage.yaml', 'data/train.jsonl');
  repo.commit('touch everything, delete one artifact and a data file');
  return { repo, base };
}

describe('a change set judged in batches', () => {
  it('reports exactly what it reports judged as one batch', async () => {
    const { repo, base } = changeOfManyArtifacts();
    const args = ['check', '--changed-since', base, '--format', 'json', '--offline'];
    const whole = await runCli(args, repo.dir);
    const batched = await runCli(args, repo.dir, { LINEAGE_GATE_INTERNAL_BATCH: '2' });
    expect(batched.stderr).toBe('');
    expect(batched.stdout).toBe(whole.stdout);
    expect(batched.code).toBe(whole.code);

    const report = JSON.parse(batched.stdout) as Report;
    const findings = [...report.findings].map((f) => `${f.ruleId} ${f.path}`);
    // What needs the run as a whole is there: each a finding the batches could have lost. Of the
    // deleted artifact's two dependents, the one inside the change is told by its link, the one
    // outside by the walk: once each. A parent whose manifest went while its weights stayed is deleted too.
    expect(findings.filter((f) => /^(orphaned|lineage-cycle|removed-mix|unpinned)/.test(f))).toEqual([
      'orphaned-by-deletion gone-but-weights/adapter_model.safetensors',
      'orphaned-by-deletion in-change-w/lineage.yaml',
      'orphaned-by-deletion in-change/lineage.yaml',
      'lineage-cycle loop-a/lineage.yaml',
      'lineage-cycle loop-z/lineage.yaml',
      'orphaned-by-deletion outside/lineage.yaml',
      'removed-mix-source runs/r1/mix.yaml',
      'unpinned-revision a-root/lineage.yaml',
      'unpinned-revision loop-m/lineage.yaml'
    ]);
    // The chain's end owes Llama's duties through five parents judged in earlier batches.
    const end = [...report.findings].filter((f) => f.path.startsWith('chain-9/')).map((f) => f.ruleId);
    expect(end.sort()).toEqual(['license-conflict', 'missing-attribution', 'naming-requirement']);
    // Directory order, then the run the deletion pulled in; the deleted artifact in its place.
    expect([...report.artifacts].map((a) => a.dir)).toEqual([
      'a-root',
      'chain-0',
      'chain-1',
      'chain-2',
      'chain-3',
      'chain-4',
      'chain-9',
      'gone',
      'gone-but-weights',
      'in-change',
      'in-change-w',
      'loop-a',
      'loop-m',
      'loop-z',
      'runs/r1'
    ]);
  });
});
