/** End-to-end: the CycloneDX 1.6 ML-BOM from the bundled Action (`bom-file`) and CLI (`--format cyclonedx`). */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expectValidBom, type Bom, type Cdx } from '../helpers/cyclonedx.js';
import { tempDir } from '../helpers/git-repo.js';
import { startHubServer } from '../helpers/hub-server.js';
import { PROJECT_ROOT, runAction, runCli } from '../helpers/run-action.js';
import { examplesWorkspace } from '../helpers/examples-workspace.js';

const prop = (c: Cdx, name: string): string | undefined =>
  c.properties?.find((p) => p.name === `lineage-gate:${name}`)?.value;

describe('CycloneDX ML-BOM', () => {
  it('the Action writes a valid BOM with one model per artifact and names it in its outputs', async () => {
    const workspace = examplesWorkspace('lg-cdx-');
    const run = await runAction({
      workspace,
      eventName: 'schedule',
      payload: {},
      inputs: { 'bom-file': 'out/lineage.cdx.json', policy: 'examples/lineage-policy.yml' }
    });
    expect(run.stdout).not.toContain('Configuration error');
    expect(run.outputs['bom-file']).toBe(join(workspace, 'out/lineage.cdx.json'));
    const text = readFileSync(join(workspace, 'out/lineage.cdx.json'), 'utf8');
    await expectValidBom(text);
    const bom = JSON.parse(text) as Bom;
    expect(bom.specVersion).toBe('1.6');
    const { version } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(bom.metadata.tools.components).toMatchObject([{ name: 'lineage-gate', version }]);
    const models = bom.components.filter((c) => c.type === 'machine-learning-model');
    expect(models).toHaveLength(Number(run.outputs.artifacts));
    const promoted = models.find((m) => m.name === 'examples/mens/runs/qwen3-4b-support-promoted')!;
    expect(prop(promoted, 'status')).toBe('pass');
    expect(promoted.pedigree?.ancestors.map((a) => [a.name, a.purl])).toEqual([
      ['Qwen/Qwen3-4B', 'pkg:huggingface/Qwen/Qwen3-4B@1cfa9a7208912126459214e8b04321603b3df60c']
    ]);
    expect(promoted.components?.map((f) => [f.type, f.name])).toEqual([
      ['file', 'examples/mens/runs/qwen3-4b-support-promoted/candle_qlora_adapter.safetensors']
    ]);
  });

  it('refuses a relative bom-file leaving the workspace as a configuration error', async () => {
    const run = await runAction({
      workspace: examplesWorkspace('lg-cdx-'),
      eventName: 'schedule',
      payload: {},
      inputs: { 'bom-file': '../elsewhere/bom.json' }
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '::error::Configuration error: Input `bom-file` is a relative path leaving the workspace'
    );
  });

  it('the CLI prints the BOM with --format cyclonedx, or writes it with --output', async () => {
    const workspace = examplesWorkspace('lg-cdx-');
    const args = ['check', 'examples', '--policy', 'examples/lineage-policy.yml', '--format', 'cyclonedx'];
    const printed = await runCli(args, workspace);
    expect(printed.code).toBe(1);
    await expectValidBom(printed.stdout);
    const json = await runCli(
      ['check', 'examples', '--policy', 'examples/lineage-policy.yml', '--format', 'json'],
      workspace
    );
    const dirs = (JSON.parse(json.stdout) as { artifacts: { dir: string }[] }).artifacts.map((a) => a.dir);
    const bom = JSON.parse(printed.stdout) as Bom;
    expect(bom.components.filter((c) => c.type === 'machine-learning-model').map((c) => c.name)).toEqual(dirs);

    const written = await runCli([...args, '--output', 'bom.json'], workspace);
    expect(written.stdout).toBe('');
    const file = readFileSync(join(workspace, 'bom.json'), 'utf8');
    await expectValidBom(file);
    // A fresh serial number per run: two BOMs of one state are still two documents.
    expect((JSON.parse(file) as Bom).serialNumber).not.toBe(bom.serialNumber);
  });

  it('carries the Hub ancestry and the datasets of an artifact checked against a Hub', async () => {
    const hub = await startHubServer();
    try {
      const workspace = tempDir('lg-cdx-hub-');
      const files: Record<string, string> = {
        // A quantized mirror of Llama 3.1 Instruct: the Hub knows the chain mirror → Instruct → base.
        'mirror/lineage.yaml': [
          'schema: 1',
          'upstreams:',
          '  - id: unsloth/Meta-Llama-3.1-8B-Instruct-bnb-4bit',
          'license: { id: llama3.1 }',
          'attribution: { text: Built with Llama }',
          'datasets:',
          '  - id: tatsu-lab/alpaca',
          '    license: cc-by-nc-4.0',
          ''
        ].join('\n')
      };
      for (const [path, content] of Object.entries(files)) {
        mkdirSync(dirname(join(workspace, path)), { recursive: true });
        writeFileSync(join(workspace, path), content);
      }
      const run = await runCli(
        ['check', '--format', 'cyclonedx', '--hub-endpoint', hub.url, '--fail-on', 'never'],
        workspace,
        {
          HF_HUB_OFFLINE: ''
        }
      );
      expect(run.code).toBe(0);
      await expectValidBom(run.stdout);
      const bom = JSON.parse(run.stdout) as Bom;
      const model = bom.components.find((c) => c.name === 'mirror')!;
      const chain: string[] = [];
      for (let c = model.pedigree?.ancestors[0]; c; c = c.pedigree?.ancestors[0]) chain.push(c.name);
      // Each ancestor as the child's card names it (the Hub's old spelling, before the repos were renamed).
      expect(chain).toEqual([
        'unsloth/Meta-Llama-3.1-8B-Instruct-bnb-4bit',
        'meta-llama/Meta-Llama-3.1-8B-Instruct',
        'meta-llama/Meta-Llama-3.1-8B'
      ]);
      // No revision named: the purl carries the commit the Hub resolved the default branch to.
      expect(model.pedigree?.ancestors[0].purl).toMatch(
        /^pkg:huggingface\/unsloth\/Meta-Llama-3\.1-8B-Instruct-bnb-4bit@[0-9a-f]{40}$/
      );
      const data = bom.components.find((c) => c.type === 'data')!;
      expect(data.name).toBe('tatsu-lab/alpaca');
      expect(model.modelCard?.modelParameters.datasets).toEqual([{ ref: data['bom-ref'] }]);
    } finally {
      await hub.close();
    }
  });
});
