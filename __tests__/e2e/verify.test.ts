/**
 * End-to-end: the in-toto statement from the bundled CLI (`--format in-toto`) and Action
 * (`attestation-file`), and `lineage-gate verify` on untouched, pointer-only, tampered, missing and
 * edited inputs — each a process, offline.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Statement } from '../../src/report/render/in-toto.js';
import type { Report } from '../../src/report/report.js';
import { fixtureSha, startHubServer } from '../helpers/hub-server.js';
import { inTotoStatementErrors } from '../helpers/in-toto-statement-schema.js';
import { tempDir } from '../helpers/git-repo.js';
import { PROJECT_ROOT, runAction, runCli } from '../helpers/run-action.js';
import { examplesWorkspace } from '../helpers/examples-workspace.js';

const validateLineage = new Ajv2020({ allErrors: true, allowUnionTypes: true, strict: true }).compile(
  JSON.parse(readFileSync(join(PROJECT_ROOT, 'schemas/lineage-statement.schema.json'), 'utf8')) as object
);

async function attest(workspace: string): Promise<Statement> {
  const run = await runCli(
    ['check', '--offline', '--format', 'in-toto', '--fail-on', 'never', '-o', 'statement.json', 'examples'],
    workspace
  );
  expect(run.code).toBe(0);
  return JSON.parse(readFileSync(join(workspace, 'statement.json'), 'utf8')) as Statement;
}

const verify = (workspace: string, ...args: string[]) => runCli(['verify', 'statement.json', ...args], workspace);
const weightsOf = (s: Statement) => s.subject.filter((x) => !x.name.startsWith('pedigree:'));

function toPointer(workspace: string, path: string): void {
  const bytes = readFileSync(join(workspace, path));
  const oid = createHash('sha256').update(bytes).digest('hex');
  writeFileSync(
    join(workspace, path),
    `version https://git-lfs.github.com/spec/v1\noid sha256:${oid}\nsize ${bytes.length}\n`
  );
}

describe('in-toto statement and verify', () => {
  it('writes a valid statement, and verify passes on the untouched checkout and on LFS pointers only', async () => {
    const workspace = examplesWorkspace('lg-verify-');
    const statement = await attest(workspace);
    expect(inTotoStatementErrors(statement)).toEqual([]);
    expect(validateLineage(statement) ? [] : validateLineage.errors).toEqual([]);
    const weights = weightsOf(statement);
    expect(weights.length).toBeGreaterThanOrEqual(3);

    const untouched = await verify(workspace);
    expect(untouched.code).toBe(0);
    const checks = weights.length + statement.predicate.artifacts.length;
    expect(untouched.stdout).toContain(`✔ all ${checks} checks match statement.json`);
    expect(untouched.stdout).not.toContain('✖');

    for (const w of weights) toPointer(workspace, w.name);
    const pointers = await verify(workspace);
    expect(pointers.stdout).not.toContain('✖');
    expect(pointers.code).toBe(0);
    expect(pointers.stdout.match(/\(the oid of its Git LFS pointer\)/g)).toHaveLength(weights.length);
  });

  it('names, file by file, a changed weight, a deleted one, a changed manifest and a removed artifact', async () => {
    const workspace = examplesWorkspace('lg-verify-');
    const statement = await attest(workspace);
    const [changed, deleted] = weightsOf(statement).map((w) => w.name);
    appendFileSync(join(workspace, changed), 'tampered');
    rmSync(join(workspace, deleted));
    const config = join(workspace, 'examples/peft/llama31-support-bot/adapter_config.json');
    writeFileSync(config, readFileSync(config, 'utf8').replace('"r": 16', '"r": 8'));
    rmSync(join(workspace, 'examples/peft/community-base'), { recursive: true });

    const run = await verify(workspace);
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    // Two weight files, their two artifacts, the changed manifest's artifact, the removed artifact.
    expect(lines.filter((l) => l.startsWith('✖ examples/'))).toHaveLength(6);
    expect(lines).toContainEqual(
      expect.stringMatching(new RegExp(`^✖ ${changed}: changed: attested sha256 \\w{12}…, now`))
    );
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^✖ ${deleted}: missing or unreadable`)));
    expect(lines).toContainEqual(expect.stringMatching(/^✖ examples\/peft\/llama31-support-bot: pedigree changed/));
    expect(lines).toContain('    training rank: attested [16], now [8]');
    expect(lines).toContain('✖ examples/peft/community-base: no manifest or weights are left in this directory');
    expect(lines.at(-2)).toMatch(/^✖ 6 of \d+ checks failed: the files no longer match statement\.json$/);

    const only = await verify(workspace, 'examples/mlx');
    expect(only.code).toBe(0);
    expect(only.stdout).toMatch(/✔ all 1 check match statement\.json \(\d+ artifacts of the statement not selected\)/);

    const json = await verify(workspace, '--format', 'json');
    const result = JSON.parse(json.stdout) as { failed: number; checks: { ok: boolean; differences: string[] }[] };
    expect(result.failed).toBe(6);
    expect(result.checks.flatMap((c) => c.differences)).toContain('training rank: attested [16], now [8]');
  });

  it('catches an edited statement, and refuses a file that is not a lineage statement', async () => {
    const workspace = examplesWorkspace('lg-verify-');
    const statement = await attest(workspace);
    const edited = structuredClone(statement);
    [...edited.predicate.artifacts][0].lineage.training = { rank: [64] };
    writeFileSync(join(workspace, 'statement.json'), JSON.stringify(edited));
    const run = await verify(workspace);
    expect(run.code).toBe(1);
    const inconsistent = 'the statement is inconsistent: its lineage record does not hash to its pedigree id';
    expect(run.stdout).toContain(`✖ ${[...edited.predicate.artifacts][0].dir}: ${inconsistent}`);

    writeFileSync(join(workspace, 'statement.json'), JSON.stringify({ schemaVersion: 1 }));
    const notOne = await verify(workspace);
    expect(notOne.code).toBe(2);
    expect(notOne.stderr).toMatch(/^lineage-gate: statement\.json is not a lineage-gate in-toto Statement/);
    const none = await runCli(['verify'], workspace);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('verify needs the STATEMENT file');
  });

  it('verifies offline a statement made with the Hub on: Hub facts come from the statement', async () => {
    const hub = await startHubServer({
      repos: [{ type: 'dataset', id: 'acme/chats', sha: fixtureSha('acme/chats'), cardData: { license: 'mit' } }]
    });
    try {
      const workspace = tempDir('lg-verify-hub-');
      writeFileSync(
        join(workspace, 'lineage.yaml'),
        'schema: 1\nupstreams: [{ id: Qwen/Qwen3-4B }]\ndatasets: [{ id: acme/chats }]\n'
      );
      const args = ['check', '--hub-endpoint', hub.url, '--fail-on', 'never', '--format'];
      const online = await runCli([...args, 'in-toto', '-o', 'statement.json'], workspace, { HF_HUB_OFFLINE: '' });
      expect(online.code).toBe(0);
      const statement = JSON.parse(readFileSync(join(workspace, 'statement.json'), 'utf8')) as Statement;
      const [lineage] = [...statement.predicate.artifacts].map((a) => a.lineage);
      expect(lineage.upstreams[0].resolved).toMatch(/^[0-9a-f]{40}$/);
      expect(lineage.datasets).toEqual([
        { id: 'acme/chats', raw: null, revision: null, resolved: fixtureSha('acme/chats'), license: null }
      ]);
      const report = JSON.parse((await runCli([...args, 'json'], workspace, { HF_HUB_OFFLINE: '' })).stdout) as Report;
      expect([...report.artifacts][0].datasets[0].resolved).toBe(fixtureSha('acme/chats'));

      const offline = await runCli(['verify', 'statement.json'], workspace);
      expect(offline.stdout).toContain('✔ all 1 check match statement.json');
      expect(offline.code).toBe(0);
      expect(hub.requests.length).toBeGreaterThan(0);
      const asked = hub.requests.length;
      writeFileSync(
        join(workspace, 'lineage.yaml'),
        'schema: 1\nupstreams: [{ id: Qwen/Qwen3-4B }]\ndatasets: [{ id: acme/other }]\n'
      );
      const changed = await runCli(['verify', 'statement.json'], workspace);
      expect(changed.code).toBe(1);
      expect(changed.stdout).toContain('    dataset removed: acme/chats');
      expect(changed.stdout).toContain('    dataset added: acme/other');
      expect(hub.requests.length).toBe(asked);
    } finally {
      await hub.close();
    }
  });

  it('the Action writes attestation-file that verify accepts, and writes none when nothing was checked', async () => {
    const workspace = examplesWorkspace('lg-verify-');
    const run = await runAction({
      workspace,
      eventName: 'schedule',
      payload: {},
      inputs: { 'attestation-file': 'statement.json', 'hub-verify': 'false', 'fail-on': 'never' }
    });
    expect(run.outputs['attestation-file']).toBe(join(workspace, 'statement.json'));
    const statement = JSON.parse(readFileSync(join(workspace, 'statement.json'), 'utf8')) as Statement;
    expect(inTotoStatementErrors(statement)).toEqual([]);
    expect(statement.predicate.artifacts).toHaveLength(Number(run.outputs.artifacts));
    expect((await verify(workspace)).code).toBe(0);

    const empty = tempDir('lg-verify-empty-');
    writeFileSync(join(empty, 'README.txt'), 'no models here\n');
    const nothing = await runAction({
      workspace: empty,
      eventName: 'schedule',
      payload: {},
      inputs: { 'attestation-file': 'statement.json', 'hub-verify': 'false' }
    });
    expect(nothing.code).toBe(0);
    expect(nothing.outputs['attestation-file']).toBe('');
    expect(existsSync(join(empty, 'statement.json'))).toBe(false);
    expect(nothing.stdout).toContain('`attestation-file` is not written (nothing to attest)');

    const cli = await runCli(['check', '--offline', '--allow-empty', '--format', 'in-toto', '.'], empty);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toBe('');
    expect(cli.stderr).toContain('no statement was written (nothing to attest)');
  });
});
