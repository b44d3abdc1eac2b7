import { counted, plural } from '../../../src/text/plural.js';
import { defaultPolicy } from '../../../src/policy/defaults.js';
import { fingerprint } from '../../../src/findings/fingerprint.js';
import {
  allUpstreams,
  anchorRecord,
  artifactLicense,
  dirPhrase,
  isDeclaredResolvable,
  isResolvable,
  manifestList,
  manifestUpstreams,
  quote,
  rankedRecords,
  sentence,
  upstreamFieldHint,
  where
} from '../../../src/rules/artifact-facts.js';
import { evaluateArtifact, evaluateRun } from '../../../src/rules/engine.js';
import { DOCS_BASE, helpUri } from '../../../src/findings/rule-meta.js';
import type { FindingDraft, Rule, RunContext } from '../../../src/rules/rule.js';
import { artifact, at, defaultRuleContext, license, record, upstream } from '../../helpers/build.js';

const span = { line: 4, column: 2, endLine: 5, endColumn: 9 };

/** A rule that reports the drafts given, and on the run the run drafts given. */
function ruleReporting(drafts: FindingDraft[], runDrafts?: FindingDraft[]): Rule {
  return {
    id: 'test-rule',
    meta: { description: 'x', defaultSeverity: 'warning', docs: 'docs/rules/test-rule.md' },
    check: () => drafts,
    ...(runDrafts ? { checkRun: () => runDrafts } : {})
  };
}

const draft = (extra: Partial<FindingDraft> = {}): FindingDraft => ({
  path: 'a/README.md',
  at: span,
  message: 'the message',
  fix: 'the fix',
  subject: 'the subject',
  ...extra
});

function withRules(rules: Record<string, 'error' | 'warning' | 'notice' | 'off'>) {
  const ctx = defaultRuleContext();
  return { ...ctx, policy: { ...ctx.policy, rules } };
}

describe('evaluateArtifact', () => {
  it('turns a draft into a finding at its span, with help link, fingerprint and artifact', () => {
    const [e, ...rest] = evaluateArtifact(
      artifact('a'),
      [ruleReporting([draft({ upstream: 'org/m' })])],
      defaultRuleContext()
    );
    expect(rest).toEqual([]);
    expect(e).toEqual({
      upstream: 'org/m',
      finding: {
        ruleId: 'test-rule',
        severity: 'warning',
        message: 'the message',
        fix: 'the fix',
        path: 'a/README.md',
        line: 4,
        column: 2,
        endLine: 5,
        endColumn: 9,
        helpUri: `${DOCS_BASE}/test-rule.md`,
        fingerprint: fingerprint('test-rule', 'a/README.md', 'the subject'),
        waived: false,
        artifact: 'a'
      }
    });
    expect(helpUri('x')).toBe('https://github.com/lineage-gate/lineage-gate/blob/main/docs/rules/x.md');
  });
  it("takes the policy's severity first, then the draft's, then the rule's default", () => {
    const rule = ruleReporting([draft(), draft({ severity: 'error' })]);
    const severities = (ctx: ReturnType<typeof defaultRuleContext>) =>
      evaluateArtifact(artifact('a'), [rule], ctx).map((e) => e.finding.severity);
    expect(severities(defaultRuleContext())).toEqual(['warning', 'error']);
    expect(severities(withRules({ 'test-rule': 'notice' }))).toEqual(['notice', 'notice']);
    expect(severities(withRules({ 'other-rule': 'off' }))).toEqual(['warning', 'error']);
  });
  it('runs no rule the policy turns off', () => {
    let ran = false;
    const rule: Rule = {
      ...ruleReporting([draft()]),
      check: () => {
        ran = true;
        return [draft()];
      }
    };
    expect(evaluateArtifact(artifact('a'), [rule], withRules({ 'test-rule': 'off' }))).toEqual([]);
    expect(ran).toBe(false);
  });
});

describe('evaluateRun', () => {
  const runCtx = (rules: Record<string, 'error' | 'warning' | 'notice' | 'off'> = {}): RunContext => {
    const policy = defaultPolicy();
    return { policy: { ...policy, defaults: { ...policy.defaults, rules } }, now: new Date(0), expiredWaivers: [] };
  };

  it("reports run findings under the policy file's directory, with the global severities", () => {
    const rule = ruleReporting([], [draft({ path: '.github/lineage-policy.yml' }), draft({ path: 'policy.yml' })]);
    const found = evaluateRun([rule], runCtx()).map((e) => [e.finding.artifact, e.finding.severity]);
    expect(found).toEqual([
      ['.github', 'warning'],
      ['.', 'warning']
    ]);
    expect(evaluateRun([rule], runCtx({ 'test-rule': 'error' }))[0].finding.severity).toBe('error');
    expect(evaluateRun([rule], runCtx({ 'test-rule': 'off' }))).toEqual([]);
  });
  it('skips rules that look at artifacts only', () => {
    expect(evaluateRun([ruleReporting([draft()])], runCtx())).toEqual([]);
  });
});

describe('artifact facts', () => {
  const CARD = 'a/README.md';
  const PEFT = 'a/adapter_config.json';
  const weights = record('a/model.gguf', 'gguf-header', {
    origin: 'weights',
    upstreams: [upstream('a/model.gguf', { kind: 'hub-id', id: 'org/w' })],
    license: license('a/model.gguf', 'mit')
  });

  it('tells manifest upstreams from those read in weight headers', () => {
    const peft = record(PEFT, 'peft-adapter-config', { upstreams: [upstream(PEFT, { kind: 'hub-id', id: 'org/m' })] });
    const a = artifact('a', { records: [weights, peft] });
    expect(manifestUpstreams(a).map((u) => u.id)).toEqual(['org/m']);
    expect(allUpstreams(a).map((u) => u.id)).toEqual(['org/w', 'org/m']);
  });
  it('calls Hub ids, bare ids and cache paths resolvable unless invalid, and only primary ones declared', () => {
    const ref = (kind: Parameters<typeof upstream>[1]['kind'], extra = {}) =>
      upstream(CARD, { kind, id: 'org/m', ...extra });
    expect(['hub-id', 'bare-id', 'hub-cache-path'].map((k) => isResolvable(ref(k as 'hub-id')))).toEqual([
      true,
      true,
      true
    ]);
    expect(['local-path', 'url', 'placeholder', 'empty'].map((k) => isResolvable(ref(k as 'url')))).toEqual([
      false,
      false,
      false,
      false
    ]);
    expect(isResolvable(ref('hub-id', { invalidReason: 'x' }))).toBe(false);
    expect(isDeclaredResolvable(ref('hub-id'))).toBe(true);
    expect(isDeclaredResolvable(ref('hub-cache-path', { evidence: 'inferred' }))).toBe(false);
    expect(isDeclaredResolvable(ref('url'))).toBe(false);
  });
  it('ranks records by format preference, unknown formats next, weight headers last, then by path', () => {
    const records = [
      weights,
      record('a/z.json', 'something-else'),
      record('a/b.json', 'something-else'),
      record(PEFT, 'peft-adapter-config'),
      record(CARD, 'hf-model-card')
    ];
    expect(rankedRecords(records).map((r) => r.path)).toEqual([CARD, PEFT, 'a/b.json', 'a/z.json', 'a/model.gguf']);
    expect(rankedRecords(records, ['peft-adapter-config']).map((r) => r.path)[0]).toBe(PEFT);
    expect(anchorRecord(artifact('a', { records }))?.path).toBe(CARD);
    expect(anchorRecord(artifact('a'))).toBeUndefined();
  });
  it("takes the artifact's license from a manifest before a weight header, skipping empty ones", () => {
    const empty = record(CARD, 'hf-model-card', { license: { source: at(CARD, 'license') } });
    const peft = record(PEFT, 'peft-adapter-config', { license: license(PEFT, '', { name: 'my-eula' }) });
    expect(artifactLicense(artifact('a', { records: [weights, empty, peft] }))?.name).toBe('my-eula');
    expect(artifactLicense(artifact('a', { records: [weights, empty] }))?.id).toBe('mit');
    expect(artifactLicense(artifact('a', { records: [empty] }))).toBeUndefined();
  });
  it('words places, lists, values and directories for messages', () => {
    const names = (...paths: string[]) => manifestList(artifact('a', { records: paths.map((p) => record(p, 'x')) }));
    expect(names()).toBe('');
    expect(names('a/README.md')).toBe('README.md');
    expect(names('a/README.md', 'b/c/x.json')).toBe('README.md and x.json');
    expect(names('a/1', 'a/2', 'a/3')).toBe('1, 2 and 3');
    expect(manifestList(artifact('a', { records: [weights, record(CARD, 'x')] }))).toBe('README.md');
    expect(where(at('a/x.json', 'base_model'))).toBe('`base_model` in a/x.json');
    expect(quote(null)).toBe('null');
    expect(quote(undefined)).toBe('null');
    expect(quote('a"b')).toBe('"a\\"b"');
    expect(quote('x'.repeat(120))).toBe(JSON.stringify('x'.repeat(120)));
    expect(quote('x'.repeat(121))).toBe(JSON.stringify(`${'x'.repeat(117)}…`));
    expect(plural(1, 'has', 'have')).toBe('has');
    expect(plural(0, 'has', 'have')).toBe('have');
    expect(plural(2, 'has', 'have')).toBe('have');
    expect(plural(2, 'file')).toBe('files');
    expect(counted(1, 'error')).toBe('1 error');
    expect(counted(0, 'error')).toBe('0 errors');
    expect(counted(141668, 'error')).toBe('141,668 errors');
    expect(counted(1000, 'cache entry', 'cache entries')).toBe('1,000 cache entries');
    expect(dirPhrase('.')).toBe('at the repository root');
    expect(dirPhrase('models/a')).toBe('in models/a');
    expect(sentence('the weights')).toBe('The weights');
  });
  it('says where each format keeps its upstream', () => {
    const hints = [
      ['peft-adapter-config', '`base_model_name_or_path`'],
      ['mlx-adapter-config', 'set `model`'],
      ['hf-model-card', '`base_model:` in the front matter'],
      ['mens-training-manifest', '`provenance_upstream_model_id`'],
      ['mens-adapter-manifest-v3', '`provenance.upstream_model_id`'],
      ['lineage-manifest', '`upstreams:`'],
      ['unknown-format', 'in a lineage.yaml next to it']
    ];
    for (const [format, hint] of hints) expect(upstreamFieldHint(format)).toContain(hint);
  });
});
