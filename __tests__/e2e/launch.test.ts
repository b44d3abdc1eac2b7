/**
 * End-to-end: on Node 22 and later the bundled Action runs a full scan in a child node started with a
 * small young generation (src/action/launch.ts); on Node 20 it runs in its own process. Either way the
 * outputs, the verdict and the exit code are the run's, said once, and a cancelled workflow's signal
 * ends the run and removes its temporary files. CI runs this on Node 20 and Node 24.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/git-repo.js';
import { examplesWorkspace } from '../helpers/examples-workspace.js';
import { startHubServer } from '../helpers/hub-server.js';
import { ACTION_ENTRY, NODE, runAction } from '../helpers/run-action.js';

const major = Number(spawnSync(NODE, ['-p', 'process.versions.node']).stdout.toString().split('.')[0]);
const inChild = major >= 22;
const CHILD_NOTE = /^::debug::Running in a child node with --max-semi-space-size=16: a full scan \((.+)\) keeps/m;

describe(`the Action's full scan on Node ${major}`, () => {
  it(inChild ? 'runs in a child node, its outputs and verdict said once' : 'runs in its own process', async () => {
    const workspace = examplesWorkspace('lg-launch-');
    const run = await runAction({ workspace, eventName: 'schedule', payload: { schedule: '17 4 * * 1' } });
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ result: 'fail', errors: '10', warnings: '7', artifacts: '10' });
    expect(run.stdout.match(CHILD_NOTE)?.[1]).toBe(inChild ? 'schedule event' : undefined);
    expect(run.stdout.match(/^::error::Lineage gate failed/gm)).toHaveLength(1);
    expect(run.summary.match(/^## /gm)?.length).toBe(1);
  });

  it('passes the child’s exit code on: a configuration error is 1 with nothing written', async () => {
    const run = await runAction({
      workspace: examplesWorkspace('lg-launch-'),
      eventName: 'push',
      payload: {},
      inputs: { scope: 'all', 'review-comments': 'sometimes' }
    });
    expect(run.code).toBe(1);
    expect(run.stdout.match(CHILD_NOTE)?.[1]).toBe(inChild ? 'scope: all' : undefined);
    expect(run.stdout.match(/Input `review-comments` must be one of/g)).toHaveLength(1);
    expect(run.outputs).toEqual({});
  });

  describe('cancelled', () => {
    // 1,000 adapters make the first batch, whose findings spill; the next asks a Hub that never answers.
    const tree = tempDir('lg-launch-signal-');
    for (let i = 0; i <= 1_000; i++) {
      const dir = join(tree, i < 1_000 ? `a${String(i).padStart(4, '0')}` : 'z-last');
      mkdirSync(dir);
      const base = i < 1_000 ? 'acme/answered' : 'acme/never-answered';
      writeFileSync(join(dir, 'adapter_config.json'), JSON.stringify({ base_model_name_or_path: base }));
    }

    it.each(['SIGINT', 'SIGTERM'] as const)('%s ends the run and its temporary files go', async (signal) => {
      const hub = await startHubServer({
        repos: [
          { type: 'model', id: 'acme/answered', sha: 'a'.repeat(40) },
          { type: 'model', id: 'acme/never-answered', sha: 'b'.repeat(40), behaviour: { kind: 'stall' } }
        ]
      });
      const tmp = tempDir('lg-launch-tmp-');
      const event = join(tmp, 'event.json');
      writeFileSync(event, JSON.stringify({ schedule: '17 4 * * 1' }));
      try {
        const action = spawn(NODE, [ACTION_ENTRY], {
          cwd: tree,
          env: {
            PATH: process.env.PATH ?? '',
            HOME: tmp,
            TMPDIR: tmp,
            RUNNER_TEMP: tmp,
            GITHUB_ACTIONS: 'true',
            GITHUB_EVENT_NAME: 'schedule',
            GITHUB_EVENT_PATH: event,
            GITHUB_REPOSITORY: 'acme/models',
            GITHUB_WORKSPACE: tree,
            'INPUT_HUB-ENDPOINT': hub.url,
            'INPUT_FAIL-ON': 'never',
            LINEAGE_GATE_INTERNAL_SPILL_AT: '100'
          }
        });
        let stdout = '';
        action.stdout.on('data', (d) => (stdout += d));
        const ended = new Promise<NodeJS.Signals | null>((resolve) => action.on('close', (_, s) => resolve(s)));
        while (hub.requestsFor('model', 'acme/never-answered').length === 0 && action.exitCode === null)
          await new Promise((resolve) => setTimeout(resolve, 20));
        const spilled = readdirSync(tmp).filter((name) => name.startsWith('lineage-gate-spill-'));
        expect(spilled).toHaveLength(1);
        action.kill(signal);
        expect(await ended).toBe(signal);
        expect(readdirSync(tmp).filter((name) => name.startsWith('lineage-gate-spill-'))).toEqual([]);
        expect(CHILD_NOTE.test(stdout)).toBe(inChild);
      } finally {
        await hub.close();
      }
    });
  });
});
