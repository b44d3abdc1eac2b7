/**
 * End-to-end: output paths are workflow inputs (trusted), so `report-file`, `sarif-file` and
 * `bom-file` may be absolute, e.g. `${{ runner.temp }}/…` (which the runner expands before the
 * Action sees it); a relative path stays inside the workspace and is never written through a
 * symbolic link a pull request commits.
 */
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/git-repo.js';
import { writeFiles } from '../helpers/pull-request-stand-in.js';
import { runAction } from '../helpers/run-action.js';

const GOOD = {
  'good/adapter_config.json': JSON.stringify({ peft_type: 'LORA', base_model_name_or_path: 'Qwen/Qwen3-4B', r: 8 }),
  'good/README.md': '---\nbase_model: Qwen/Qwen3-4B\nlicense: apache-2.0\n---\n'
};

function workspace(): string {
  const dir = tempDir('lg-output-paths-');
  writeFiles(dir, GOOD);
  return dir;
}

describe('output paths', () => {
  it('report-file, sarif-file and bom-file under RUNNER_TEMP (new directories) are written', async () => {
    const temp = tempDir('lg-runner-temp-');
    const paths = {
      'report-file': join(temp, 'x', 'report.json'),
      'sarif-file': join(temp, 'x', 'sarif', 'lineage.sarif'),
      'bom-file': join(temp, 'bom', 'lineage.cdx.json')
    };
    const run = await runAction({
      workspace: workspace(),
      eventName: 'schedule',
      payload: {},
      inputs: { scope: 'all', ...paths },
      env: { RUNNER_TEMP: temp }
    });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject(paths);
    expect(JSON.parse(readFileSync(paths['report-file'], 'utf8'))).toMatchObject({ schemaVersion: 1 });
    expect(JSON.parse(readFileSync(paths['sarif-file'], 'utf8'))).toMatchObject({ version: '2.1.0' });
    expect(JSON.parse(readFileSync(paths['bom-file'], 'utf8'))).toMatchObject({ bomFormat: 'CycloneDX' });
  }, 30_000);

  it('a relative sarif-file through a directory link the pull request committed is refused', async () => {
    const outside = tempDir('lg-output-target-');
    const dir = workspace();
    symlinkSync(outside, join(dir, 'out'));
    const run = await runAction({
      workspace: dir,
      eventName: 'schedule',
      payload: {},
      inputs: { scope: 'all', 'sarif-file': 'out/lineage.sarif' }
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'Input `sarif-file` cannot be written safely (nothing was written): out is a symbolic link in the repository.'
    );
    expect(readdirSync(outside)).toEqual([]);
  }, 30_000);

  it('a relative path leaving the workspace is a configuration error that suggests runner.temp', async () => {
    const run = await runAction({
      workspace: workspace(),
      eventName: 'schedule',
      payload: {},
      inputs: { scope: 'all', 'bom-file': '../bom.json' }
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Input `bom-file` is a relative path leaving the workspace ("../bom.json")');
  }, 30_000);
});
