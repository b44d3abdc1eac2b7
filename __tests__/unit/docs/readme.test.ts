import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { RULES } from '../../../src/rules/index.js';
import { PROJECT_ROOT } from '../../helpers/run-action.js';
// @ts-expect-error -- a plain ESM script shared with `node scripts/readme-tables.mjs`
import { renderTables, updateReadme } from '../../../scripts/readme-tables.mjs';

const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
const actionYml = readFileSync(join(PROJECT_ROOT, 'action.yml'), 'utf8');

describe('README and action.yml', () => {
  it('has the inputs/outputs tables generated from action.yml (run `node scripts/readme-tables.mjs`)', () => {
    expect(updateReadme(readme, renderTables(actionYml))).toBe(readme);
  });

  it('declares every input and output of the Action contract, runs on node24 from dist/index.js', () => {
    const action = load(actionYml) as {
      name: string;
      runs: { using: string; main: string };
      inputs: Record<string, { description: string }>;
      outputs: Record<string, unknown>;
      branding: object;
    };
    expect(action.name).toBe('Lineage Gate');
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(action.branding).toBeDefined();
    expect(Object.keys(action.inputs).sort()).toEqual(
      // DESIGN's contract, plus `policy-ref` (an addition: which commit's policy judges a pull request)
      // and `attestation-file` (issue #14: an in-toto statement of the run).
      [
        'token',
        'policy',
        'policy-ref',
        'policy-token',
        'paths',
        'scope',
        'fail-on',
        'hub-verify',
        'hub-endpoint',
        'hub-token',
        'comment',
        'review-comments',
        'check-run',
        'sarif-file',
        'report-file',
        'bom-file',
        'attestation-file',
        'hub-cache',
        'hub-max-depth',
        'base-ref',
        'head-ref'
      ].sort()
    );
    for (const spec of Object.values(action.inputs)) expect(spec.description.length).toBeGreaterThan(10);
    expect(Object.keys(action.outputs).sort()).toEqual([
      'artifacts',
      'attestation-file',
      'bom-file',
      'errors',
      'report-file',
      'result',
      'sarif-file',
      'waived',
      'warnings'
    ]);
  });

  it('opens with the user: a minimal workflow (at most five `with:` lines) first, contributors last', () => {
    const sections = readme.match(/^## .*$/gm) ?? [];
    expect(sections.slice(0, 2)).toEqual(['## Quick start', '## What it reads']);
    expect(sections.at(-1)).toBe('## Development');
    const workflow = /## Quick start[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)![1];
    const action = load(workflow) as { jobs: Record<string, { steps: { uses?: string; with?: object }[] }> };
    const step = Object.values(action.jobs)[0].steps.find((s) => s.uses?.startsWith('lineage-gate/lineage-gate@'))!;
    expect(Object.keys(step.with ?? {}).length).toBeLessThanOrEqual(5);
    // The two commands stay in the README, for contributors.
    expect(readme).toContain('npm ci && npm run demo');
    expect(readme).toContain('npm ci && npm test');
  });

  it('links every rule to its page, and every page exists', () => {
    for (const rule of RULES) {
      expect(readme).toContain(`[\`${rule.id}\`](docs/rules/${rule.id}.md)`);
      expect(existsSync(join(PROJECT_ROOT, rule.meta.docs))).toBe(true);
    }
  });

  it('has no broken relative links in README, docs/ and examples/', () => {
    const pages = [
      'README.md',
      'examples/README.md',
      'docs/lineage-manifest.md',
      'docs/rules/README.md',
      'SECURITY.md',
      'docs/policy.md',
      'docs/weights.md',
      'docs/mutation-survivors.md',
      ...RULES.map((r) => r.meta.docs)
    ];
    for (const page of pages) {
      const text = readFileSync(join(PROJECT_ROOT, page), 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)) {
        if (/^[a-z]+:/.test(target)) continue;
        expect({ page, target, exists: existsSync(join(PROJECT_ROOT, page, '..', target)) }).toEqual({
          page,
          target,
          exists: true
        });
      }
    }
  });
});
