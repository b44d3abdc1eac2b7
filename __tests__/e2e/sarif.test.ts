/** End-to-end: SARIF from the bundled Action (`sarif-file`) and CLI (`--format sarif`), valid against SARIF 2.1.0. */
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sarifSchemaErrors } from '../fixtures/sarif/validate.js';
import { tempDir } from '../helpers/git-repo.js';
import { PROJECT_ROOT, runAction, runCli } from '../helpers/run-action.js';

const validate = (sarif: unknown): boolean => {
  expect(sarifSchemaErrors(sarif)).toEqual([]);
  return true;
};

interface Sarif {
  runs: {
    tool: { driver: { rules: { id: string }[] } };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      partialFingerprints: Record<string, string>;
      suppressions?: unknown[];
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
    }[];
  }[];
}

describe('SARIF', () => {
  it('the Action writes a valid SARIF file and names it in its outputs', async () => {
    const workspace = tempDir('lg-sarif-');
    cpSync(join(PROJECT_ROOT, 'examples'), join(workspace, 'examples'), { recursive: true });
    const run = await runAction({
      workspace,
      eventName: 'schedule',
      payload: {},
      inputs: { 'sarif-file': 'out/lineage.sarif', policy: 'examples/lineage-policy.yml' }
    });
    expect(run.outputs['sarif-file']).toBe(join(workspace, 'out/lineage.sarif'));
    const sarif = JSON.parse(readFileSync(join(workspace, 'out/lineage.sarif'), 'utf8')) as Sarif;
    expect(validate(sarif)).toBe(true);
    const [only] = sarif.runs;
    // One result per annotation, at the same file and line.
    expect(only.results).toHaveLength(run.annotations.length);
    for (const r of only.results) {
      expect(only.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
      expect(r.partialFingerprints['lineageGate/v1']).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(only.results.filter((r) => r.suppressions?.length)).toHaveLength(1);
  });

  it('the CLI prints the same SARIF with --format sarif; fingerprints survive a line move', async () => {
    const dir = tempDir('lg-sarif-cli-');
    cpSync(join(PROJECT_ROOT, 'examples', 'peft'), join(dir, 'peft'), { recursive: true });
    const first = JSON.parse((await runCli(['check', '--format', 'sarif'], dir)).stdout) as Sarif;
    expect(validate(first)).toBe(true);
    const config = join(dir, 'peft/llama31-support-bot/adapter_config.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(config, readFileSync(config, 'utf8').replace('{\n', '{\n\n\n'));
    const second = JSON.parse((await runCli(['check', '--format', 'sarif'], dir)).stdout) as Sarif;
    const lines = (s: Sarif) => s.runs[0].results.map((r) => r.locations[0].physicalLocation.region.startLine).sort();
    const prints = (s: Sarif) => s.runs[0].results.map((r) => r.partialFingerprints['lineageGate/v1']).sort();
    expect(lines(second)).not.toEqual(lines(first));
    expect(prints(second)).toEqual(prints(first));
  });
});
