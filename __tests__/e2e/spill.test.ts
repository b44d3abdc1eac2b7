/**
 * End-to-end: a run large enough to keep its findings and summaries in temporary files writes
 * exactly what a run holding them in memory writes. `LINEAGE_GATE_INTERNAL_SPILL_AT` makes the
 * bundled CLI and Action spill after 1 (every item on disk) or 7 (sorted runs merged with a tail
 * still in memory; JSON only) items, on the examples and the lineage fixture. Spilling after one
 * item sends every finding and summary through the files, so a small workspace exercises it all.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/git-repo.js';
import { examplesWorkspace } from '../helpers/examples-workspace.js';
import { startHubServer } from '../helpers/hub-server.js';
import { CLI_ENTRY, NODE, PROJECT_ROOT, runAction, runCli } from '../helpers/run-action.js';

const CORPORA = ['lineage'];

function corpusWorkspace(): string {
  const workspace = examplesWorkspace('lg-spill-');
  for (const name of CORPORA)
    cpSync(join(PROJECT_ROOT, '__tests__/fixtures', name), join(workspace, 'fixtures', name), { recursive: true });
  return workspace;
}

/** A BOM's serial number and timestamp are fresh per run by design. */
const sameRunBom = (text: string) =>
  text
    .replace(/"serialNumber": "urn:uuid:[0-9a-f-]+"/, '"serialNumber": "…"')
    .replace(/"timestamp": "[^"]+"/, '"timestamp": "…"')
    .replace(/urn:cdx:[0-9a-f-]+\//g, 'urn:cdx:…/');

describe('a run that spills to disk', () => {
  const workspace = corpusWorkspace();
  const args = ['check', 'examples', 'fixtures', '--policy', 'examples/lineage-policy.yml', '--fail-on', 'never'];

  it.each(['json', 'sarif', 'text', 'markdown', 'in-toto', 'cyclonedx'])(
    'prints the same %s as a run held in memory',
    async (format) => {
      const held = await runCli([...args, '--format', format], workspace);
      expect(held.stderr).toBe('');
      expect(held.code).toBe(0);
      for (const at of format === 'json' ? ['1', '7'] : ['1']) {
        const spilled = await runCli([...args, '--format', format], workspace, {
          LINEAGE_GATE_INTERNAL_SPILL_AT: at
        });
        expect(spilled.stderr).toBe('');
        expect(spilled.code).toBe(0);
        if (format === 'cyclonedx') expect(sameRunBom(spilled.stdout)).toBe(sameRunBom(held.stdout));
        else expect(spilled.stdout).toBe(held.stdout);
      }
      if (format === 'json') {
        // Not a vacuous comparison: dozens of findings, and spilling them really happened (below).
        const report = JSON.parse(held.stdout) as { findings: unknown[]; artifacts: unknown[] };
        expect(report.findings.length).toBeGreaterThan(20);
        expect(report.artifacts.length).toBeGreaterThan(5);
      }
    }
  );

  it('the Action writes the same files, annotations and summary', async () => {
    const inputs = {
      scope: 'all',
      policy: 'examples/lineage-policy.yml',
      'fail-on': 'never',
      'report-file': 'out/report.json',
      'sarif-file': 'out/report.sarif',
      'attestation-file': 'out/statement.json'
    };
    const read = (run: Awaited<ReturnType<typeof runAction>>) => ({
      code: run.code,
      annotations: run.annotations,
      summary: run.summary,
      outputs: { ...run.outputs },
      files: ['report.json', 'report.sarif', 'statement.json'].map((f) =>
        readFileSync(join(workspace, 'out', f), 'utf8')
      )
    });
    const held = read(await runAction({ workspace, eventName: 'schedule', payload: {}, inputs }));
    const spilled = read(
      await runAction({
        workspace,
        eventName: 'schedule',
        payload: {},
        inputs,
        env: { LINEAGE_GATE_INTERNAL_SPILL_AT: '1' }
      })
    );
    expect(held.annotations.length).toBeGreaterThan(20);
    expect(spilled).toEqual(held);
  });

  it('says plainly when the temporary files cannot be made, and the run held in memory needs none', async () => {
    const env = { TMPDIR: join(tempDir('lg-spill-tmp-'), 'missing') };
    const held = await runCli([...args, '--format', 'json'], workspace, env);
    expect(held.code).toBe(0);
    const spilled = await runCli([...args, '--format', 'json'], workspace, {
      ...env,
      LINEAGE_GATE_INTERNAL_SPILL_AT: '1'
    });
    expect(spilled.code).toBe(2);
    expect(spilled.stdout).toBe('');
    expect(spilled.stderr).toMatch(/^lineage-gate: a run this large keeps its findings in temporary files, and /);
    expect(spilled.stderr).toMatch(
      /no directory could be made under .*missing \(ENOENT.*\): point TMPDIR at a writable/
    );
  });

  describe('a run ended by a signal', () => {
    // 1,000 adapters make the pipeline's first batch, whose findings spill; the next batch asks the Hub
    // about an upstream it never answers, so the run is surely still going when the signal comes.
    const tree = tempDir('lg-spill-signal-');
    for (let i = 0; i < 1_001; i++) {
      const dir = join(tree, i < 1_000 ? `a${String(i).padStart(4, '0')}` : 'z-last');
      const base = i < 1_000 ? 'acme/answered' : 'acme/never-answered';
      mkdirSync(dir);
      writeFileSync(
        join(dir, 'adapter_config.json'),
        JSON.stringify({ base_model_name_or_path: base, peft_type: 'LORA' })
      );
    }
    const spillDirs = (tmp: string) => readdirSync(tmp).filter((name) => name.startsWith('lineage-gate-spill-'));

    it.each(['SIGINT', 'SIGTERM'] as const)(
      '%s: its temporary files are removed and the signal ends it',
      async (signal) => {
        const hub = await startHubServer({
          repos: [
            { type: 'model', id: 'acme/answered', sha: 'a'.repeat(40) },
            { type: 'model', id: 'acme/never-answered', sha: 'b'.repeat(40), behaviour: { kind: 'stall' } }
          ]
        });
        const tmp = tempDir('lg-spill-signal-tmp-');
        try {
          const child = spawn(NODE, [CLI_ENTRY, 'check', '--format', 'json', '--fail-on', 'never'], {
            cwd: tree,
            env: {
              PATH: process.env.PATH ?? '',
              HOME: tmp,
              TMPDIR: tmp,
              HF_ENDPOINT: hub.url,
              LINEAGE_GATE_INTERNAL_SPILL_AT: '100'
            }
          });
          let stderr = '';
          child.stderr.on('data', (d) => (stderr += d));
          const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_, s) => resolve(s)));
          while (hub.requestsFor('model', 'acme/never-answered').length === 0 && child.exitCode === null)
            await new Promise((resolve) => setTimeout(resolve, 20));
          expect(stderr).toBe('');
          expect(spillDirs(tmp)).toHaveLength(1); // the first batch's findings are on disk
          child.kill(signal);
          expect(await ended).toBe(signal);
          expect(spillDirs(tmp)).toEqual([]);
        } finally {
          await hub.close();
        }
      }
    );
  });
});
