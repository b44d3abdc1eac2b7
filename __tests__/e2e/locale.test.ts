/**
 * End-to-end: the same tree gives the same report on every machine. Node's `localeCompare` follows
 * LANG, so manifests in one directory were ordered by the machine's language: Swedish puts `ä` after
 * `z`, Turkish `I` before `i`. The report's manifest and upstream lists (and the manifest a finding
 * points at, on a tie) then differed between a developer's laptop and CI.
 */
import { describe, expect, it } from '@jest/globals';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/git-repo.js';
import { PROJECT_ROOT, runCli } from '../helpers/run-action.js';

const AXOLOTL = join(PROJECT_ROOT, '__tests__/fixtures/real-world-configs/axolotl');
const MISTRAL = join(AXOLOTL, '001-MetinovAdik__mistral-config__qlora.yml');
const MEDILORA = join(AXOLOTL, '003-yxzwayne__Medilora__qlora.yml');

describe('a report does not depend on the machine’s locale', () => {
  const workspace = tempDir('lg-locale-');
  const files: [string, string][] = [
    ['runs/a/ä-qlora.yml', MISTRAL],
    ['runs/a/b-qlora.yml', MEDILORA],
    ['runs/b/i-lora.yml', MISTRAL],
    ['runs/b/I-lora.yml', MEDILORA]
  ];
  for (const [path, from] of files) {
    mkdirSync(join(workspace, path, '..'), { recursive: true });
    copyFileSync(from, join(workspace, path));
  }
  const check = (locale: string) =>
    runCli(['check', '--offline', '--format', 'json', '--fail-on', 'never', 'runs'], workspace, {
      LANG: locale,
      LC_ALL: locale
    });

  it('gives the same JSON under C, Swedish and Turkish, manifests in English order', async () => {
    const runs = await Promise.all(['C.UTF-8', 'sv_SE.UTF-8', 'tr_TR.UTF-8'].map(check));
    for (const run of runs) {
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
    }
    expect(runs[1].stdout).toBe(runs[0].stdout);
    expect(runs[2].stdout).toBe(runs[0].stdout);
    const report = JSON.parse(runs[0].stdout) as { artifacts: { manifests: { path: string }[] }[] };
    expect(report.artifacts.map((a) => a.manifests.map((m) => m.path))).toEqual([
      ['runs/a/ä-qlora.yml', 'runs/a/b-qlora.yml'],
      ['runs/b/i-lora.yml', 'runs/b/I-lora.yml']
    ]);
  });
});
