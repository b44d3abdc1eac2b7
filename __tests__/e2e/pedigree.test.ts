/**
 * End-to-end: the pedigree id (docs/pedigree.md) from the bundled Action and CLI — the same id in the
 * JSON report, the job summary, SARIF and the CycloneDX BOM, recomputable from the report's facts,
 * kept by a reformatted checkout and changed by a changed fact.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Log } from 'sarif';
import { pedigreeId, pedigreeRecord } from '../../src/pedigree/pedigree.js';
import type { Report } from '../../src/report/report.js';
import type { Bom } from '../helpers/cyclonedx.js';
import { reportValidator } from '../helpers/report-schema.js';
import { runAction, runCli } from '../helpers/run-action.js';
import { examplesWorkspace } from '../helpers/examples-workspace.js';

describe('pedigree id', () => {
  it('is the same in the JSON report, the summary, SARIF and the BOM, and follows from the report', async () => {
    const workspace = examplesWorkspace('lg-pedigree-');
    const run = await runAction({
      workspace,
      eventName: 'schedule',
      payload: {},
      inputs: {
        'report-file': 'out/report.json',
        'sarif-file': 'out/lineage.sarif',
        'bom-file': 'out/bom.json',
        policy: 'examples/lineage-policy.yml'
      }
    });
    expect(run.stdout).not.toContain('Configuration error');
    const report = JSON.parse(readFileSync(join(workspace, 'out/report.json'), 'utf8')) as Report;
    const validate = reportValidator();
    expect(validate(report) ? [] : validate.errors).toEqual([]);
    expect(report.artifacts.length).toBeGreaterThan(3);
    const ids = new Map([...report.artifacts].map((a) => [a.dir, a.pedigree]));
    for (const artifact of report.artifacts) {
      expect(artifact.pedigree).toBe(pedigreeId(pedigreeRecord(artifact)));
      expect(run.summary).toContain(`Pedigree: \`${artifact.pedigree}\``);
    }
    expect(new Set(ids.values()).size).toBe(ids.size);

    const sarif = JSON.parse(readFileSync(join(workspace, 'out/lineage.sarif'), 'utf8')) as Log;
    const results = sarif.runs[0].results ?? [];
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(r.properties?.pedigree).toBe(ids.get(r.properties?.artifact as string));

    const bom = JSON.parse(readFileSync(join(workspace, 'out/bom.json'), 'utf8')) as Bom;
    const models = bom.components.filter((c) => c.type === 'machine-learning-model');
    expect(models).toHaveLength(report.artifacts.length);
    for (const m of models) {
      expect(m.properties?.find((p) => p.name === 'lineage-gate:pedigree')?.value).toBe(ids.get(m.name));
    }
  });

  it('the CLI keeps an id across a reformatted manifest and changes it with the training rank', async () => {
    const workspace = examplesWorkspace('lg-pedigree-');
    const dir = 'examples/peft/llama31-support-bot';
    const config = join(workspace, dir, 'adapter_config.json');
    const pedigreeOf = async () => {
      const run = await runCli(['check', '--offline', '--format', 'json', '--fail-on', 'never', 'examples'], workspace);
      expect(run.code).toBe(0);
      return [...(JSON.parse(run.stdout) as Report).artifacts].find((a) => a.dir === dir)?.pedigree;
    };
    const before = await pedigreeOf();
    expect(before).toMatch(/^sha256:[0-9a-f]{64}$/);
    const parsed = JSON.parse(readFileSync(config, 'utf8')) as Record<string, unknown>;
    writeFileSync(config, JSON.stringify(Object.fromEntries(Object.entries(parsed).reverse()), null, 8));
    expect(await pedigreeOf()).toBe(before);
    writeFileSync(config, JSON.stringify({ ...parsed, r: Number(parsed.r) * 2 }));
    expect(await pedigreeOf()).not.toBe(before);
  });
});
