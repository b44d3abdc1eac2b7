/**
 * Each rule against real files: the corpus fixtures laid out at the paths they had in their
 * repositories, run through the whole pipeline (discover → parse → evaluate) as a full scan.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Report } from '../../../src/report/report.js';
import { tempDir } from '../../helpers/git-repo.js';
import { scanOffline } from '../../helpers/offline-gate.js';
import { realWorldFixtures } from '../formats/real-world.js';

let report: Report;

/** Fixture file → where it was laid out (`<corpus folder>/<number>/<path in its repository>`). */
const placed = new Map<string, string>();

beforeAll(async () => {
  const root = tempDir('lg-corpus-');
  for (const f of realWorldFixtures()) {
    const [folder, name] = f.file.split('/');
    const path = `${folder}/${name.split(/[-.]/)[0]}/${f.repoPath}`;
    placed.set(f.file, path);
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), f.bytes);
  }
  report = await scanOffline(root);
});

function findingsFor(fixtureFile: string, ruleId?: string) {
  const path = placed.get(fixtureFile);
  if (!path) throw new Error(`no fixture ${fixtureFile}`);
  return [...report.findings].filter((f) => f.path === path && (!ruleId || f.ruleId === ruleId));
}

function fixtureLike(prefix: string): string {
  const file = [...placed.keys()].find((k) => k.startsWith(prefix));
  if (!file) throw new Error(`no fixture starting with ${prefix}`);
  return file;
}

describe('rules on real-world files', () => {
  it('missing-upstream: an MLX config with no `model` key (chan4lk/mlx-fine-tune)', () => {
    const [f] = findingsFor(fixtureLike('mlx/001-'), 'missing-upstream');
    expect(f).toMatchObject({ severity: 'error', line: 2 });
    expect(f.fix).toContain('set `model` to the Hub id');
  });

  it('unresolvable-upstream: a macOS path whose last segments are an id (Darrenzeng/MoE_Train)', () => {
    const [f] = findingsFor(fixtureLike('peft/020-'), 'unresolvable-upstream');
    expect(f.message).toContain('a local path');
    expect(f.message).toContain('recovered Qwen/Qwen1.5-0.5B-Chat');
    expect(f.fix).toContain('`Qwen/Qwen1.5-0.5B-Chat`');
  });

  it('unresolvable-upstream: a Linux path with nothing to recover (MountainAlpha, Baichuan2 dir)', () => {
    const [f] = findingsFor(fixtureLike('peft/003-'), 'unresolvable-upstream');
    expect(f.message).toContain('Nothing identifiable could be recovered');
  });

  it('unresolvable-upstream: null base of a diffusers LoRA (JaimeMitchell)', () => {
    expect(findingsFor(fixtureLike('peft/010-'), 'unresolvable-upstream')[0].message).toContain('is empty (null)');
  });

  it('unqualified-hub-id: bare gpt2, with the org the Hub now serves it under', () => {
    const [f] = findingsFor(fixtureLike('peft/006-'), 'unqualified-hub-id');
    expect(f).toMatchObject({ severity: 'warning' });
    expect(f.message).toContain('openai-community/gpt2');
  });

  it('unpinned-revision and missing-license: a clean Qwen/Qwen3-4B adapter config on its own', () => {
    const rules = findingsFor(fixtureLike('peft/018-'))
      .map((f) => f.ruleId)
      .sort();
    expect(rules).toEqual(['missing-license', 'unpinned-revision']);
  });

  it('missing-license: a hand-edited card with no license key fails (Unisound); an apache-2.0 card does not', () => {
    const card = fixtureLike('cards/006-');
    expect(findingsFor(card, 'missing-license')).toHaveLength(1);
    expect(findingsFor(fixtureLike('cards/015-'), 'missing-license')).toEqual([]);
  });

  it('missing-license, not unknown-license: the TRL template placeholder `licence: license`', () => {
    const card = fixtureLike('cards/028-');
    expect(findingsFor(card, 'unknown-license')).toEqual([]);
    const [f, ...rest] = findingsFor(card, 'missing-license');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'error', line: 9 });
    expect(f.message).toContain('`licence` in');
    expect(f.message).toContain('(line 9) says "license", a placeholder');
    expect(f.fix).toContain('spell the key `license`');
    // Nothing compares a placeholder: no license-conflict with the Qwen1.5 upstream's terms.
    expect(findingsFor(card, 'license-conflict')).toEqual([]);
  });

  it('missing-attribution: a Gemma MLX adapter without the Gemma notice', () => {
    const [f] = findingsFor(fixtureLike('mlx/005-'), 'missing-attribution');
    expect(f.message).toContain('google/gemma-2-9b-it');
    expect(f.fix).toContain('Gemma Terms of Use');
  });

  it('missing-attribution: Llama 2 and 3.x bases, also through unsloth mirrors', () => {
    expect(findingsFor(fixtureLike('peft/013-'), 'missing-attribution')[0].message).toContain('Llama 2');
    expect(findingsFor(fixtureLike('peft/005-'), 'missing-attribution')[0].message).toContain(
      'unsloth/llama-3.2-1b-bnb-4bit'
    );
    expect(findingsFor(fixtureLike('peft/008-'), 'missing-attribution')[0].fix).toContain('Built with Llama');
  });

  it('missing-attribution: a qwen-research base (Qwen2.5-3B) asks for "Built with Qwen"', () => {
    expect(findingsFor(fixtureLike('mlx/007-'), 'missing-attribution')[0].fix).toContain('Built with Qwen');
  });

  it('missing-attribution: a Kimi MENS run that says attribution is required and carries none', () => {
    const kimi = fixtureLike('mens/training_manifest.CONSTRUCTED.schema5.kimi-attribution-required');
    const [f] = findingsFor(kimi, 'missing-attribution');
    expect(f.message).toContain('says attribution is required');
    expect(f.message).toContain('Kimi K2');
  });

  it('asks nothing of Apache-2.0 bases and Gemma 4', () => {
    expect(findingsFor(fixtureLike('cards/015-'), 'missing-attribution')).toEqual([]);
    expect(findingsFor(fixtureLike('cards/019-'), 'missing-attribution')).toEqual([]);
  });

  it('schema-violation (warning): files named adapter_config.json but not PEFT/MLX, still read for lineage', () => {
    const [lerobot] = findingsFor(fixtureLike('peft/011-'), 'schema-violation');
    expect(lerobot).toMatchObject({ severity: 'warning' });
    expect(findingsFor(fixtureLike('peft/011-'), 'missing-upstream')).toEqual([]);
  });

  it('the MENS SHOULD-FAIL files fail', () => {
    for (const prefix of [
      'mens/training_manifest.CONSTRUCTED.schema5.burn_lora-scratch',
      'mens/adapter_manifest_v3.CONSTRUCTED.unit-test-v3_double_quant'
    ]) {
      const dir = dirname(placed.get(fixtureLike(prefix))!);
      const errors = [...report.findings]
        .filter((f) => f.artifact === dir && f.severity === 'error')
        .map((f) => f.ruleId);
      expect({
        prefix,
        failing: errors.some((r) => r === 'missing-upstream' || r === 'unresolvable-upstream')
      }).toEqual({ prefix, failing: true });
    }
  });

  it('license-conflict, naming-requirement: apache-2.0 Unsloth-template card on Llama 3.1 mirror (AI_ROS2_RAG)', () => {
    const card = fixtureLike('cards/026-');
    const [conflict] = findingsFor(card, 'license-conflict');
    expect(conflict.message).toContain('"apache-2.0"');
    expect(conflict.message).toContain('Llama 3.1 Community License');
    expect(findingsFor(card, 'naming-requirement')[0].message).toContain('"Llama"');
  });

  it('non-commercial-upstream: an MLX adapter on Qwen2.5-3B (qwen-research)', () => {
    expect(findingsFor(fixtureLike('mlx/007-'), 'non-commercial-upstream')[0].message).toContain(
      'Qwen Research License'
    );
  });

  it('the Kimi duty binds only when the manifest says attribution is required', async () => {
    const kimi = realWorldFixtures().find((f) => f.file.includes('kimi-attribution-required'))!;
    const root = tempDir('lg-kimi-');
    const flipped = kimi.bytes
      .toString('utf8')
      .replace('"provenance_attribution_required": true', '"provenance_attribution_required": false');
    mkdirSync(join(root, 'run'), { recursive: true });
    writeFileSync(join(root, 'run', 'training_manifest.json'), flipped);
    const quiet = await scanOffline(root);
    expect([...quiet.findings].filter((f) => f.ruleId === 'missing-attribution')).toEqual([]);
  });
});
