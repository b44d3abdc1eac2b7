/**
 * Issue #11: license values a template writes when nobody filled the field in are absent values —
 * missing-license reports them (with the value and its line), and no rule compares them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Artifact } from '../../../src/lineage/artifact.js';
import type { UpstreamRef } from '../../../src/lineage/record.js';
import { evaluateArtifact } from '../../../src/rules/engine.js';
import { findRule } from '../../../src/rules/index.js';
import type { Rule, RuleContext } from '../../../src/rules/rule.js';
import { artifact, at, defaultRuleContext, license, record, upstream } from '../../helpers/build.js';
import { fact, found, hubOf } from '../../helpers/hub-facts.js';
import { scanOffline } from '../../helpers/offline-gate.js';
import { tempDir } from '../../helpers/git-repo.js';

const CARD = 'a/README.md';
const LINEAGE = 'a/lineage.yaml';

function run(ruleId: string, a: Artifact, overrides: Partial<Omit<RuleContext, 'artifact'>> = {}) {
  return evaluateArtifact(a, [findRule(ruleId) as Rule], defaultRuleContext(overrides)).map((e) => e.finding);
}

const llama: UpstreamRef = upstream(CARD, {
  kind: 'hub-id',
  id: 'meta-llama/Llama-3.1-8B-Instruct',
  source: at(CARD, 'base_model', 2)
});

const card = (id: string, field = 'license', extra = {}) =>
  record(CARD, 'hf-model-card', {
    upstreams: [llama],
    license: { id, source: at(CARD, field, 9), ...extra }
  });

describe('missing-license on a placeholder', () => {
  it.each([
    ['license', 'licence'],
    ['[More Information Needed]', 'license'],
    ['other', 'license'],
    ['None', 'license'],
    ['null', 'license'],
    ['TODO', 'license'],
    ['TBD', 'license'],
    ['unknown', 'license'],
    ['n/a', 'license'],
    ['', 'license']
  ])('%j at `%s` is reported as missing, quoted with its line, and not as unknown', (value, field) => {
    const a = artifact('a', { records: [card(value, field)] });
    const [f, ...rest] = run('missing-license', a);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ ruleId: 'missing-license', severity: 'error', path: CARD, line: 9 });
    expect(f.message).toContain(`\`${field}\` in a/README.md (line 9) says ${JSON.stringify(value)}, a placeholder`);
    expect(f.fix).toMatch(/^Replace .* in the front matter of a\/README\.md with the artifact's real license/);
    expect(run('unknown-license', a)).toEqual([]);
  });

  it('asks to spell the key `license` when the placeholder sits under TRL’s `licence`', () => {
    const [f] = run('missing-license', artifact('a', { records: [card('license', 'licence')] }));
    expect(f.message).toContain('TRL writes `licence: license`');
    expect(f.fix).toContain('spell the key `license`: the Hub reads no `licence`');
    const [g] = run('missing-license', artifact('a', { records: [card('TODO')] }));
    expect(g.fix).not.toContain('spell the key');
  });

  it('in lineage.yaml, asks for the license at the field that holds the placeholder', () => {
    const a = artifact('a', {
      records: [record(LINEAGE, 'lineage-manifest', { license: { id: 'TBD', source: at(LINEAGE, 'license.id', 5) } })]
    });
    const [f] = run('missing-license', a);
    expect(f).toMatchObject({ path: LINEAGE, line: 5 });
    expect(f.message).toContain('`license.id` in a/lineage.yaml (line 5) says "TBD", a placeholder');
    expect(f.fix).toBe(
      "Write the artifact's real license at `license.id` in a/lineage.yaml (a Hub or SPDX id, or a name and a link)."
    );
  });

  it('`other` with a license_name or a license_link is a license (unknown-license judges it)', () => {
    const named = artifact('a', { records: [card('other', 'license', { link: 'LICENSE' })] });
    expect(run('missing-license', named)).toEqual([]);
    expect(run('unknown-license', named)[0].message).toContain('`other` needs `license_name`');
  });

  it('a real license in a sibling manifest is the artifact’s license; the placeholder is silent', () => {
    const a = artifact('a', {
      records: [
        card('license', 'licence'),
        record(LINEAGE, 'lineage-manifest', { license: license(LINEAGE, 'llama3.1') })
      ]
    });
    expect(run('missing-license', a)).toEqual([]);
    expect(run('inconsistent-lineage', a)).toEqual([]);
  });
});

describe('no rule compares a placeholder', () => {
  it('license-conflict: a Llama 3.1 derivative whose card says `licence: license` or `other`', () => {
    for (const value of ['license', 'other', 'TODO', '[More Information Needed]'])
      expect(run('license-conflict', artifact('a', { records: [card(value, 'licence')] }))).toEqual([]);
    // A real license that drops the terms still conflicts.
    expect(run('license-conflict', artifact('a', { records: [card('mit')] }))).toHaveLength(1);
  });

  it('inconsistent-lineage: a placeholder in one manifest and a license in another agree', () => {
    for (const value of ['unknown', 'None', 'TBD', 'n/a', '']) {
      const a = artifact('a', {
        records: [card(value), record(LINEAGE, 'lineage-manifest', { license: license(LINEAGE, 'apache-2.0') })]
      });
      expect(run('inconsistent-lineage', a)).toEqual([]);
    }
    const real = artifact('a', {
      records: [card('mit'), record(LINEAGE, 'lineage-manifest', { license: license(LINEAGE, 'apache-2.0') })]
    });
    expect(run('inconsistent-lineage', real)).toHaveLength(1);
  });

  it('hub-license-mismatch: neither a placeholder declared for the upstream nor one on its Hub card', () => {
    const declaring = (id: string) =>
      artifact('a', {
        records: [
          record(LINEAGE, 'lineage-manifest', {
            upstreams: [upstream(LINEAGE, { kind: 'hub-id', id: 'org/m', source: at(LINEAGE, 'upstreams[0].id', 3) })],
            upstreamLicenses: [{ id, source: at(LINEAGE, 'upstreams[0].license', 4) }]
          })
        ]
      });
    const hubSays = (extra: { license?: string; licenseName?: string }) =>
      hubOf([fact('org/m', found('org/m', extra))]);
    for (const placeholder of ['TODO', 'None', 'unknown', 'license', 'TBD'])
      expect(run('hub-license-mismatch', declaring(placeholder), { hub: hubSays({ license: 'apache-2.0' }) })).toEqual(
        []
      );
    for (const hubValue of ['other', 'unknown'])
      expect(run('hub-license-mismatch', declaring('mit'), { hub: hubSays({ license: hubValue }) })).toEqual([]);
    expect(run('hub-license-mismatch', declaring('mit'), { hub: hubSays({ license: 'apache-2.0' }) })).toHaveLength(1);
  });

  it('an upstream license declared as a placeholder falls back to the family table', () => {
    const a = artifact('a', {
      records: [
        record(LINEAGE, 'lineage-manifest', {
          upstreams: [
            upstream(LINEAGE, {
              kind: 'hub-id',
              id: 'Qwen/Qwen2.5-3B-Instruct',
              source: at(LINEAGE, 'upstreams[0].id', 3)
            })
          ],
          upstreamLicenses: [{ id: 'TODO', source: at(LINEAGE, 'upstreams[0].license', 4) }],
          license: license(LINEAGE, 'qwen-research')
        })
      ]
    });
    const [f] = run('non-commercial-upstream', a);
    expect(f.message).toContain('Qwen Research License Agreement');
    expect(f.message).toContain('built-in family table');
  });
});

describe('through the engine (discover → parse → evaluate)', () => {
  it('a TRL card with `licence: license` gets missing-license; `licence: mit` is read, with a note', async () => {
    const root = tempDir('lg-placeholder-');
    const write = (path: string, text: string) => {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    write(
      'trl/README.md',
      '---\nbase_model: meta-llama/Llama-3.1-8B-Instruct\nlibrary_name: transformers\n' +
        'tags:\n- trl\nlicence: license\n---\n'
    );
    write('spelt/README.md', '---\nbase_model: Qwen/Qwen3-8B\nlicence: mit\n---\n');
    const report = await scanOffline(root);
    const of = (path: string) => [...report.findings].filter((f) => f.path === path).map((f) => f.ruleId);
    const trl = [...report.findings].find((f) => f.path === 'trl/README.md' && f.ruleId === 'missing-license');
    expect(trl).toMatchObject({ severity: 'error', line: 6 });
    expect(trl?.message).toContain('`licence` in trl/README.md (line 6) says "license", a placeholder');
    expect(of('trl/README.md')).not.toContain('unknown-license');
    expect(of('trl/README.md')).not.toContain('license-conflict');
    expect([...report.artifacts].find((a) => a.dir === 'trl')?.license).toBeNull();

    expect(of('spelt/README.md')).not.toContain('missing-license');
    expect([...report.artifacts].find((a) => a.dir === 'spelt')?.license).toMatchObject({ id: 'mit' });
    const note = [...report.findings].find((f) => f.path === 'spelt/README.md' && f.ruleId === 'schema-violation');
    expect(note).toMatchObject({ severity: 'warning', line: 3 });
    expect(note?.message).toContain('`licence` in spelt/README.md (line 3) is a misspelling of `license`');
    expect(note?.fix).toBe('Rename the key to `license` in spelt/README.md.');
  });
});
