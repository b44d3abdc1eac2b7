import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, PolicyError } from '../../../src/config-error.js';
import { loadPolicy, MAX_POLICY_BYTES, parsePolicy } from '../../../src/policy/load.js';
import { defaultEffectivePolicy } from '../../../src/policy/defaults.js';
import { RULE_IDS } from '../../../src/rules/ids.js';
import { toLicenseEntry } from '../../../src/licenses/license-entry.js';

let workspace: string;

beforeEach(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'lineage-policy-'));
});
afterEach(async () => {
  await rm(workspace, { recursive: true, force: true });
});

async function put(path: string, text: string | Buffer): Promise<void> {
  await mkdir(join(workspace, path, '..'), { recursive: true });
  await writeFile(join(workspace, path), text);
}

const FULL = [
  '# yaml-language-server: $schema=https://github.com/lineage-gate/lineage-gate/schemas/policy.schema.json',
  'version: 1',
  'rules:',
  '  unpinned-revision: error',
  '  hub-gated: off',
  'licenses:',
  '  allow: [apache-2.0, mit, "MIT OR Apache-2.0", llama3.1, "cc-by-*"]',
  '  deny: [cc-by-nc-4.0]',
  '  unknown: fail',
  '  upstreams:',
  '    "meta-llama/Llama-3.1-*": llama3.1',
  '    "acme/*": acme-internal',
  '  knowledge:',
  '    - { id: acme-internal, family: ACME internal, attribution: "Built on ACME models", non-commercial: false, ' +
    'flow-down: true, source: https://acme.example/license }',
  'upstreams:',
  '  allow: ["meta-llama/*", "Qwen/*", "moonshotai/Kimi-K2*"]',
  '  deny: ["some-org/*"]',
  '  mirrors-as-upstream: false',
  'require:',
  '  pinned-revisions: false',
  '  evidence: inferred',
  '  attribution: always',
  '  hub: true',
  'overrides:',
  '  - paths: ["mens/runs/**/promoted/**"]',
  '    rules: { unpinned-revision: error }',
  '    require: { pinned-revisions: true, evidence: primary }',
  '    licenses: { allow: [apache-2.0], unknown: fail }',
  '    upstreams: { allow: ["Qwen/*"] }',
  '  - paths: [experiments/]',
  '    licenses: { allow: null, deny: [] }',
  'waivers:',
  '  - rule: missing-attribution',
  '    path: "experiments/**"',
  '    upstream: "meta-llama/*"',
  '    reason: "Internal eval only; never distributed."',
  '    expires: 2026-12-31',
  '  - rule: unpinned-revision',
  '    path: legacy/**',
  '    reason: "  Frozen runs.  "',
  ''
].join('\n');

describe('loadPolicy: a valid policy', () => {
  it('reads every setting, in camelCase, over the defaults', async () => {
    await put('.github/lineage-policy.yml', FULL);
    const policy = await loadPolicy({ workspace, ruleIds: RULE_IDS });
    expect(policy.file).toBe('.github/lineage-policy.yml');
    expect(policy.defaults).toEqual({
      rules: { 'unpinned-revision': 'error', 'hub-gated': 'off' },
      require: { pinnedRevisions: false, evidence: 'inferred', attribution: 'always', hub: true },
      licenses: {
        allow: ['apache-2.0', 'mit', 'MIT OR Apache-2.0', 'llama3.1', 'cc-by-*'],
        deny: ['cc-by-nc-4.0'],
        unknown: 'fail'
      },
      upstreams: {
        allow: ['meta-llama/*', 'Qwen/*', 'moonshotai/Kimi-K2*'],
        deny: ['some-org/*'],
        mirrorsAsUpstream: false
      }
    });
    expect(policy.overrides).toEqual([
      {
        paths: ['mens/runs/**/promoted/**'],
        settings: {
          rules: { 'unpinned-revision': 'error' },
          require: { pinnedRevisions: true, evidence: 'primary' },
          licenses: { allow: ['apache-2.0'], unknown: 'fail' },
          upstreams: { allow: ['Qwen/*'] }
        }
      },
      { paths: ['experiments/'], settings: { licenses: { allow: null, deny: [] } } }
    ]);
    expect(policy.upstreamLicenses).toEqual([
      {
        pattern: 'meta-llama/Llama-3.1-*',
        license: 'llama3.1',
        at: { path: '.github/lineage-policy.yml', line: 11, column: 5 }
      },
      { pattern: 'acme/*', license: 'acme-internal', at: { path: '.github/lineage-policy.yml', line: 12, column: 5 } }
    ]);
    expect(policy.licenseEntries).toEqual([
      {
        id: 'acme-internal',
        family: 'ACME internal',
        attribution: 'Built on ACME models',
        'non-commercial': false,
        'flow-down': true,
        source: 'https://acme.example/license',
        at: { path: '.github/lineage-policy.yml', line: 14, column: 7 }
      }
    ]);
  });

  it('hands license knowledge over in the shape the knowledge base reads, flat or structured', () => {
    const policy = parsePolicy(
      [
        'version: 1',
        'licenses:',
        '  knowledge:',
        '    - { id: acme-internal, family: ACME, attribution: Built on ACME models, ' +
          'attribution-markers: [Built on ACME], source: https://acme.example/l }',
        '    - id: llama3.1',
        '      family: Llama',
        '      display: Llama 3.1 (house reading)',
        '      attribution: { text: Built with Llama, markers: [Built with Llama], condition: when distributed }',
        '      naming-prefix: Llama',
        '      flow-down: true',
        '      source: https://www.llama.com/llama3_1/license/',
        ''
      ].join('\n'),
      'p.yml',
      RULE_IDS
    );
    const [flat, structured] = policy.licenseEntries.map((e) => toLicenseEntry(e, 'policy'));
    expect(flat).toMatchObject({
      id: 'acme-internal',
      attribution: { text: 'Built on ACME models', markers: ['Built on ACME'] },
      origin: 'policy'
    });
    expect(structured).toMatchObject({
      id: 'llama3.1',
      display: 'Llama 3.1 (house reading)',
      namingPrefix: 'Llama',
      flowDown: true
    });
    expect(structured.attribution).toEqual({
      text: 'Built with Llama',
      markers: ['Built with Llama'],
      condition: 'when distributed'
    });
  });

  it('keeps each waiver with its position, and trims its reason', async () => {
    await put('.github/lineage-policy.yml', FULL);
    const { waivers } = await loadPolicy({ workspace, ruleIds: RULE_IDS });
    expect(waivers).toEqual([
      {
        rule: 'missing-attribution',
        path: 'experiments/**',
        upstream: 'meta-llama/*',
        reason: 'Internal eval only; never distributed.',
        expires: '2026-12-31',
        at: { path: '.github/lineage-policy.yml', line: 33, column: 5 }
      },
      {
        rule: 'unpinned-revision',
        path: 'legacy/**',
        reason: 'Frozen runs.',
        at: { path: '.github/lineage-policy.yml', line: 38, column: 5 }
      }
    ]);
  });

  it('fills what a minimal policy leaves out with the defaults', () => {
    const policy = parsePolicy('version: 1\n', 'p.yml', RULE_IDS);
    expect(policy.defaults).toEqual(defaultEffectivePolicy());
    expect(policy).toMatchObject({
      file: 'p.yml',
      overrides: [],
      waivers: [],
      upstreamLicenses: [],
      licenseEntries: []
    });
  });

  it('reads a policy written with a byte-order mark and CRLF line ends', () => {
    const policy = parsePolicy('\uFEFFversion: 1\r\nrequire:\r\n  evidence: secondary\r\n', 'p.yml', RULE_IDS);
    expect(policy.defaults.require.evidence).toBe('secondary');
  });

  it('accepts rule ids the caller knows even when the schema does not list them yet', () => {
    const policy = parsePolicy('version: 1\nrules:\n  brand-new-rule: notice\n', 'p.yml', [
      ...RULE_IDS,
      'brand-new-rule'
    ]);
    expect(policy.defaults.rules).toEqual({ 'brand-new-rule': 'notice' });
  });
});

describe('loadPolicy: which file', () => {
  it('uses the defaults when there is no policy file', async () => {
    const policy = await loadPolicy({ workspace, ruleIds: RULE_IDS });
    expect(policy.file).toBeUndefined();
    expect(policy.defaults).toEqual({
      rules: {},
      require: { pinnedRevisions: false, evidence: null, attribution: 'when-required', hub: false },
      licenses: { allow: null, deny: [], unknown: 'warn' },
      upstreams: { allow: null, deny: [], mirrorsAsUpstream: true }
    });
    expect(policy).toMatchObject({ overrides: [], waivers: [], upstreamLicenses: [], licenseEntries: [] });
  });

  it('falls back to .github/lineage-policy.yaml', async () => {
    await put('.github/lineage-policy.yaml', 'version: 1\nrequire: { hub: true }\n');
    const policy = await loadPolicy({ workspace, ruleIds: RULE_IDS });
    expect(policy.file).toBe('.github/lineage-policy.yaml');
    expect(policy.defaults.require.hub).toBe(true);
  });

  it('refuses to choose between .yml and .yaml', async () => {
    await put('.github/lineage-policy.yml', 'version: 1\n');
    await put('.github/lineage-policy.yaml', 'version: 1\n');
    const err = await loadPolicy({ workspace, ruleIds: RULE_IDS }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect(err).not.toBeInstanceOf(PolicyError);
    expect((err as Error).message).toMatch(/Both .github\/lineage-policy.yml and .github\/lineage-policy.yaml exist/);
  });

  it('reads a named file instead of the default one', async () => {
    await put('.github/lineage-policy.yml', 'version: 1\nrequire: { hub: true }\n');
    await put('policies/strict.yml', 'version: 1\nrequire: { pinned-revisions: true }\n');
    const policy = await loadPolicy({ workspace, file: 'policies/strict.yml', ruleIds: RULE_IDS });
    expect(policy.file).toBe('policies/strict.yml');
    expect(policy.defaults.require).toMatchObject({ pinnedRevisions: true, hub: false });
  });

  it('fails with a ConfigError when the named file does not exist', async () => {
    await put('.github/lineage-policy.yml', 'version: 1\n');
    const err = await loadPolicy({ workspace, file: 'policies/missing.yml', ruleIds: RULE_IDS }).catch(
      (e: unknown) => e
    );
    expect(err).toBeInstanceOf(ConfigError);
    expect(err).not.toBeInstanceOf(PolicyError);
    expect((err as Error).message).toMatch(/^The policy file policies\/missing.yml does not exist/);
  });

  it('fails with a ConfigError when the named path is a directory', async () => {
    await mkdir(join(workspace, 'policies'));
    await expect(loadPolicy({ workspace, file: 'policies', ruleIds: RULE_IDS })).rejects.toThrow(
      /is a directory, not a file/
    );
  });

  it('refuses a policy file larger than the bound, at its first line', async () => {
    await put('.github/lineage-policy.yml', `version: 1\n${'#'.repeat(MAX_POLICY_BYTES)}\n`);
    const err = (await loadPolicy({ workspace, ruleIds: RULE_IDS }).catch((e: unknown) => e)) as PolicyError;
    expect(err).toBeInstanceOf(PolicyError);
    expect(err.problems).toEqual([
      {
        file: '.github/lineage-policy.yml',
        line: 1,
        column: 1,
        message: 'the policy file is larger than 256 KiB; a policy is a page of YAML'
      }
    ]);
  });
});

describe('loadPolicy: hostile policy files', () => {
  const SECRET = 'GITHUB_TOKEN=ghs_policySecret0123456789';

  async function refusal(file?: string): Promise<string> {
    try {
      await loadPolicy({ workspace, file, ruleIds: RULE_IDS });
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      return (err as Error).message;
    }
    throw new Error('expected a ConfigError');
  }

  it('a policy linked to a file outside the repository is refused by path, its content never read', async () => {
    const { symlink } = await import('node:fs/promises');
    const outside = await mkdtemp(join(tmpdir(), 'lineage-policy-out-'));
    await writeFile(join(outside, 'environ'), `${SECRET}\nversion: 1\n`);
    await mkdir(join(workspace, '.github'));
    await symlink(join(outside, 'environ'), join(workspace, '.github/lineage-policy.yml'));
    for (const file of [undefined, '.github/lineage-policy.yml']) {
      const message = await refusal(file);
      expect(message).toBe(
        'The policy file .github/lineage-policy.yml cannot be used: ' +
          'it is a symbolic link that points outside the repository.'
      );
      expect(message).not.toContain('ghs_');
    }
    await rm(outside, { recursive: true, force: true });
  });

  it('a FIFO, a directory or a device at the policy path is a configuration error, never "no policy"', async () => {
    const { execFileSync } = await import('node:child_process');
    const { symlink } = await import('node:fs/promises');
    await mkdir(join(workspace, '.github'));
    execFileSync('mkfifo', [join(workspace, '.github/lineage-policy.yml')]);
    expect(await refusal()).toMatch(/lineage-policy\.yml cannot be used: it is not a regular file/);
    await rm(join(workspace, '.github/lineage-policy.yml'));
    await mkdir(join(workspace, '.github/lineage-policy.yaml'));
    expect(await refusal()).toMatch(/lineage-policy\.yaml cannot be used: it is a directory, not a file/);
    await rm(join(workspace, '.github/lineage-policy.yaml'), { recursive: true });
    await symlink('/dev/zero', join(workspace, '.github/lineage-policy.yml'));
    expect(await refusal()).toMatch(/cannot be used: it is a symbolic link that points outside/);
  });

  it('a dangling link at the default location is refused rather than taken for no policy', async () => {
    const { symlink } = await import('node:fs/promises');
    await mkdir(join(workspace, '.github'));
    await symlink(join(workspace, 'nowhere.yml'), join(workspace, '.github/lineage-policy.yml'));
    expect(await refusal()).toMatch(/cannot be used: the file does not exist/);
  });

  it('problems quote at most a short excerpt, without control characters', async () => {
    await put('.github/lineage-policy.yml', `version: 1\nlicenses:\n  allow: ["${'x'.repeat(5000)}\\u001b[31m"]\n`);
    try {
      await loadPolicy({ workspace, ruleIds: RULE_IDS });
      throw new Error('expected a PolicyError');
    } catch (err) {
      expect(err).toBeInstanceOf(PolicyError);
      for (const p of (err as PolicyError).problems) {
        expect(p.message.length).toBeLessThanOrEqual(300);
        expect(p.message).not.toContain(String.fromCharCode(27));
      }
    }
  });
});
