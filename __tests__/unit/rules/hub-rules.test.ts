import type { HubAnswer, HubRepoInfo } from '../../../src/hub/answer.js';
import type { HubFacts } from '../../../src/hub/verify.js';
import type { Artifact } from '../../../src/lineage/artifact.js';
import type { LineageRecord, UpstreamRef } from '../../../src/lineage/record.js';
import { defaultEffectivePolicy } from '../../../src/policy/defaults.js';
import type { EffectivePolicy } from '../../../src/policy/policy.js';
import { fingerprint } from '../../../src/findings/fingerprint.js';
import { evaluateArtifact } from '../../../src/rules/engine.js';
import { findRule } from '../../../src/rules/index.js';
import type { Rule, RuleContext } from '../../../src/rules/rule.js';
import { artifact, at, defaultRuleContext, license, record, upstream } from '../../helpers/build.js';
import { fact, found, hubOf } from '../../helpers/hub-facts.js';

const CARD = 'a/README.md';
const PEFT = 'a/adapter_config.json';
const LINEAGE = 'a/lineage.yaml';
const SHA = '0123456789abcdef0123456789abcdef01234567';
const OTHER_SHA = 'fedcba9876543210fedcba9876543210fedcba98';

/** A Hub id upstream written at `field` on `line` of `path`. */
function hubRef(path: string, id: string, line: number, extra: Partial<UpstreamRef> = {}): UpstreamRef {
  return upstream(path, { kind: 'hub-id', id, raw: id, source: at(path, 'base_model', line), ...extra });
}

/** lineage.yaml `upstreams[slot].id`: its `upstreams[slot].license` declares this upstream's license. */
function lineageRef(id: string, slot: number, line: number): UpstreamRef {
  return hubRef(LINEAGE, id, line, { source: at(LINEAGE, `upstreams[${slot}].id`, line) });
}

function requiring(require: Partial<EffectivePolicy['require']>): EffectivePolicy {
  const base = defaultEffectivePolicy();
  return { ...base, require: { ...base.require, ...require } };
}

function run(ruleId: string, a: Artifact, overrides: Partial<Omit<RuleContext, 'artifact'>> = {}) {
  return evaluateArtifact(a, [findRule(ruleId) as Rule], defaultRuleContext(overrides));
}

const oneRecord = (path: string, format: string, partial: Partial<LineageRecord>) =>
  artifact('a', { records: [record(path, format, partial)] });

const cardNaming = (...refs: UpstreamRef[]) => oneRecord(CARD, 'hf-model-card', { upstreams: refs });

describe('Hub rules without Hub verification', () => {
  it('say nothing when the Hub was not asked, whatever the artifact names', () => {
    const a = cardNaming(hubRef(CARD, 'org/m', 4));
    for (const id of [
      'hub-disabled',
      'hub-gated',
      'hub-license-mismatch',
      'hub-repo-not-found',
      'hub-revision-not-found',
      'hub-unreachable'
    ])
      expect(run(id, a)).toEqual([]);
  });
});

describe('hub-disabled', () => {
  it('reports a disabled answer at the reference, as an error about that upstream', () => {
    const a = cardNaming(hubRef(CARD, 'Org/Model', 4));
    const [e, ...rest] = run('hub-disabled', a, { hub: hubOf([fact('Org/Model', { kind: 'disabled', detail: 'x' })]) });
    expect(rest).toEqual([]);
    expect(e.upstream).toBe('Org/Model');
    expect(e.finding).toMatchObject({ ruleId: 'hub-disabled', severity: 'error', path: CARD, line: 4, artifact: 'a' });
    expect(e.finding.message).toBe(
      'The upstream Org/Model (`base_model` in a/README.md) is disabled on the Hub: ' +
        'it was taken down, which can mean a legal or policy problem with its weights.'
    );
    expect(e.finding.fix).toContain('Find out why it was disabled');
    expect(e.finding.fingerprint).toBe(fingerprint('hub-disabled', CARD, 'org/model'));
  });
  it('reports a found repo whose info says disabled, and not an enabled or gated one', () => {
    const a = cardNaming(hubRef(CARD, 'org/m', 4));
    const disabled = hubOf([fact('org/m', found('org/m', { disabled: true }))]);
    expect(run('hub-disabled', a, { hub: disabled }).map((e) => e.finding.line)).toEqual([4]);
    expect(run('hub-disabled', a, { hub: hubOf([fact('org/m', found('org/m'))]) })).toEqual([]);
    const gated = hubOf([fact('org/m', { kind: 'gated', authenticated: true, detail: 'x' })]);
    expect(run('hub-disabled', a, { hub: gated })).toEqual([]);
  });
});

describe('hub-gated', () => {
  it('reports a gated answer as a notice', () => {
    const a = cardNaming(hubRef(CARD, 'org/m', 6));
    const hub = hubOf([fact('org/m', { kind: 'gated', authenticated: false, detail: 'x' })]);
    const [e, ...rest] = run('hub-gated', a, { hub });
    expect(rest).toEqual([]);
    expect(e.upstream).toBe('org/m');
    expect(e.finding).toMatchObject({ severity: 'notice', path: CARD, line: 6 });
    expect(e.finding.message).toBe(
      'The upstream org/m (`base_model` in a/README.md) is gated on the Hub: ' +
        'its terms must be accepted before download, and derivatives usually carry them on.'
    );
    expect(e.finding.fix).toContain('terms accepted for the upstream allow this use');
    expect(e.finding.fingerprint).toBe(fingerprint('hub-gated', CARD, 'org/m'));
  });
  it('names how access is approved when the repo was readable, and is silent for an open repo', () => {
    const a = cardNaming(hubRef(CARD, 'org/m', 6));
    for (const gated of ['manual', 'auto'] as const) {
      const [e] = run('hub-gated', a, { hub: hubOf([fact('org/m', found('org/m', { gated }))]) });
      expect(e.finding.message).toContain(`is gated (${gated} approval) on the Hub:`);
    }
    expect(run('hub-gated', a, { hub: hubOf([fact('org/m', found('org/m'))]) })).toEqual([]);
    expect(run('hub-gated', a, { hub: hubOf([fact('org/m', { kind: 'disabled', detail: 'x' })]) })).toEqual([]);
  });
});

describe('hubFactsOf (through the Hub rules)', () => {
  it('says what is true of a repo once, at the first place it is named, whatever the case', () => {
    const a = artifact('a', {
      records: [
        record(PEFT, 'peft-adapter-config', { upstreams: [hubRef(PEFT, 'org/m', 3)] }),
        record(CARD, 'hf-model-card', { upstreams: [hubRef(CARD, 'ORG/M', 9)] })
      ]
    });
    const hub = hubOf([fact('org/m', { kind: 'disabled', detail: 'x' })]);
    expect(run('hub-disabled', a, { hub }).map((e) => [e.finding.path, e.finding.line])).toEqual([[PEFT, 3]]);
  });
  it('says a repo-wide fact once even when the repo is named at two revisions', () => {
    const a = cardNaming(hubRef(CARD, 'org/m', 2, { revision: 'v1' }), hubRef(CARD, 'org/m', 4, { revision: 'v2' }));
    const disabled = { kind: 'disabled', detail: 'x' } as const;
    const hub = hubOf([fact('org/m', disabled, { revision: 'v1' }), fact('org/m', disabled, { revision: 'v2' })]);
    expect(run('hub-disabled', a, { hub }).map((e) => e.finding.line)).toEqual([2]);
  });
  it('skips upstreams the Hub was not asked about', () => {
    const a = cardNaming(hubRef(CARD, 'org/unasked', 2), hubRef(CARD, 'org/m', 3));
    const hub = hubOf([fact('org/m', { kind: 'disabled', detail: 'x' })]);
    expect(run('hub-disabled', a, { hub }).map((e) => e.finding.line)).toEqual([3]);
  });
  it('asks per revision for revision questions: two revisions, two findings; one revision twice, one', () => {
    const a = artifact('a', {
      records: [
        record(PEFT, 'peft-adapter-config', { upstreams: [hubRef(PEFT, 'org/m', 3, { revision: 'v1' })] }),
        record(CARD, 'hf-model-card', {
          upstreams: [hubRef(CARD, 'org/m', 5, { revision: 'v2' }), hubRef(CARD, 'Org/M', 7, { revision: 'v1' })]
        })
      ]
    });
    const missing = (revision: string) =>
      fact('org/m', { kind: 'revision-not-found', revision, detail: 'x' }, { revision });
    const hub = hubOf([missing('v1'), missing('v2')]);
    expect(run('hub-revision-not-found', a, { hub }).map((e) => [e.finding.path, e.finding.line])).toEqual([
      [PEFT, 3],
      [CARD, 5]
    ]);
  });
});

describe('hub-revision-not-found', () => {
  it('reports the revision the Hub does not have, at the reference that pins it', () => {
    const a = cardNaming(hubRef(CARD, 'Org/M', 8, { revision: 'abc1234' }));
    const hub = hubOf([
      fact('Org/M', { kind: 'revision-not-found', revision: 'abc1234', detail: 'x' }, { revision: 'abc1234' })
    ]);
    const [e, ...rest] = run('hub-revision-not-found', a, { hub });
    expect(rest).toEqual([]);
    expect(e.upstream).toBe('Org/M');
    expect(e.finding).toMatchObject({ severity: 'error', path: CARD, line: 8 });
    expect(e.finding.message).toBe(
      'The Hub has Org/M, but no revision "abc1234" of it (`base_model` in a/README.md): ' +
        'that revision was never there, or was removed (a deleted branch, a force-push).'
    );
    expect(e.finding.fix).toBe(
      "Pin a revision that exists in Org/M's commit history on the Hub: the 40-hex commit the training run really used."
    );
    expect(e.finding.fingerprint).toBe(fingerprint('hub-revision-not-found', CARD, 'org/m@abc1234'));
  });
  it('is silent when the Hub has the pinned commit', () => {
    const a = cardNaming(hubRef(CARD, 'org/m', 8, { revision: SHA }));
    const hub = hubOf([fact('org/m', found('org/m', { sha: SHA }), { revision: SHA })]);
    expect(run('hub-revision-not-found', a, { hub })).toEqual([]);
    expect(run('unpinned-revision', a, { hub })).toEqual([]);
  });
});

describe('hub-repo-not-found', () => {
  const notFound = (authenticated: boolean, status: number): HubAnswer => ({
    kind: 'not-found',
    authenticated,
    status,
    detail: 'x'
  });
  const a = () => cardNaming(hubRef(CARD, 'Org/Gone', 5));
  const findings = (answer: HubAnswer) => run('hub-repo-not-found', a(), { hub: hubOf([fact('Org/Gone', answer)]) });

  it('cannot tell missing from private after an anonymous 401, and asks for a token', () => {
    const [e, ...rest] = findings(notFound(false, 401));
    expect(rest).toEqual([]);
    expect(e.upstream).toBe('Org/Gone');
    expect(e.finding).toMatchObject({ severity: 'error', path: CARD, line: 5 });
    expect(e.finding.message).toBe(
      'The Hub answers that Org/Gone (`base_model` in a/README.md) does not exist, ' +
        'or is private or gated and needs a token: asked without one, it cannot tell which.'
    );
    expect(e.finding.fix).toBe(
      'Set `hub-token` (or HF_TOKEN) to a token that can read the repository, or correct the id.'
    );
    expect(e.finding.fingerprint).toBe(fingerprint('hub-repo-not-found', CARD, 'org/gone'));
  });
  it('says the repo is missing after a 404, or any answer to the token, and asks to correct the id', () => {
    const [anonymous404] = findings(notFound(false, 404));
    expect(anonymous404.finding.message).toBe(
      'The Hub has no repository Org/Gone (`base_model` in a/README.md): the upstream cannot be verified.'
    );
    expect(anonymous404.finding.fix).toContain('Correct the id (it may have been renamed or deleted)');
    for (const status of [401, 404]) {
      const [withToken] = findings(notFound(true, status));
      expect(withToken.finding.message).toBe(
        'The Hub has no repository Org/Gone (`base_model` in a/README.md), even with the token given: ' +
          'the upstream cannot be verified.'
      );
      expect(withToken.finding.fix).toContain('Correct the id');
    }
  });
  it('is silent when the Hub has the repo', () => {
    expect(findings(found('Org/Gone'))).toEqual([]);
  });
  it('reports a dataset the Hub does not have, before the upstreams, with the token hint only when anonymous', () => {
    const dataset = { raw: 'Org/Data', id: 'Org/Data', source: at(LINEAGE, 'datasets[0]', 12) };
    const lineage = (answer: HubAnswer, upstreamAnswer: HubAnswer = found('org/m')) =>
      run(
        'hub-repo-not-found',
        oneRecord(LINEAGE, 'lineage-manifest', { upstreams: [hubRef(LINEAGE, 'org/m', 3)], datasets: [dataset] }),
        { hub: hubOf([fact('org/m', upstreamAnswer)], { 'org/data': answer }) }
      );
    const [anonymous, ...rest] = lineage(notFound(false, 401));
    expect(rest).toEqual([]);
    expect(anonymous.upstream).toBeUndefined();
    expect(anonymous.finding).toMatchObject({ severity: 'error', path: LINEAGE, line: 12 });
    expect(anonymous.finding.message).toBe(
      'The Hub has no dataset Org/Data (`datasets[0]` in a/lineage.yaml), or it is private or gated and needs a ' +
        'token: the training data cannot be verified.'
    );
    expect(anonymous.finding.fix).toBe('Correct the dataset id, or set `hub-token` if it is private or gated.');
    expect(anonymous.finding.fingerprint).toBe(fingerprint('hub-repo-not-found', LINEAGE, 'dataset:org/data'));
    const [withToken] = lineage(notFound(true, 404));
    expect(withToken.finding.message).toBe(
      'The Hub has no dataset Org/Data (`datasets[0]` in a/lineage.yaml): the training data cannot be verified.'
    );
    expect(lineage(found('Org/Data'))).toEqual([]);
    expect(lineage(notFound(true, 404), notFound(true, 404)).map((e) => e.finding.line)).toEqual([12, 3]);
  });
});

describe('hub-unreachable', () => {
  const unreachable = (reason: string): HubAnswer => ({ kind: 'unreachable', reason, attempts: 3 });
  const findings = (reason: string, policy = defaultEffectivePolicy()) =>
    run('hub-unreachable', cardNaming(hubRef(CARD, 'Org/M', 7)), {
      policy,
      hub: hubOf([fact('Org/M', unreachable(reason))])
    });

  it('is a warning with the reason as a sentence, and advice to re-run', () => {
    const [e, ...rest] = findings('timed out after 30 s');
    expect(rest).toEqual([]);
    expect(e.upstream).toBe('Org/M');
    expect(e.finding).toMatchObject({ severity: 'warning', path: CARD, line: 7 });
    expect(e.finding.message).toBe(
      'Could not ask the Hub about Org/M (`base_model` in a/README.md): timed out after 30 s. ' +
        'Nothing about it was verified.'
    );
    expect(e.finding.fix).toBe(
      'Re-run when the Hub answers, or check `hub-endpoint` and `hub-token`; ' +
        'set `require.hub: true` in the policy to fail closed.'
    );
    expect(e.finding.fingerprint).toBe(fingerprint('hub-unreachable', CARD, 'org/m'));
  });
  it("keeps the reason's own end mark and trims it", () => {
    expect(findings('  rate limited?  ')[0].finding.message).toContain(': rate limited? Nothing about');
    expect(findings('HTTP 503!')[0].finding.message).toContain(': HTTP 503! Nothing about');
    expect(findings('no answer.')[0].finding.message).toContain(': no answer. Nothing about');
    expect(findings('HTTP 503 from hub.example.com')[0].finding.message).toContain(
      ': HTTP 503 from hub.example.com. Nothing about'
    );
  });
  it('is an error when the policy requires the Hub, and says so', () => {
    const [e] = findings('timed out', requiring({ hub: true }));
    expect(e.finding.severity).toBe('error');
    expect(e.finding.fix).toBe(
      'The policy requires the Hub (`require.hub: true`): re-run when the Hub answers, ' +
        'or check `hub-endpoint` and `hub-token`.'
    );
  });
  it('asks to correct a revision the gate refused to send', () => {
    for (const policy of [defaultEffectivePolicy(), requiring({ hub: true })]) {
      const [e] = findings('not asked: the revision is malformed', policy);
      expect(e.finding.fix).toBe('Correct the revision: a 40-hex commit, a branch or tag name, or refs/pr/N.');
    }
  });
  it('is silent when the Hub answered', () => {
    const a = cardNaming(hubRef(CARD, 'org/m', 7));
    expect(run('hub-unreachable', a, { hub: hubOf([fact('org/m', found('org/m'))]) })).toEqual([]);
  });
});

describe('hub-license-mismatch', () => {
  /** A card naming `org/m` and declaring its license in `license_class`-like `upstreamLicenses`. */
  const declaring = (declared: Parameters<typeof license>[2] & { id?: string }, id = 'org/m') =>
    oneRecord(LINEAGE, 'lineage-manifest', {
      upstreams: [lineageRef(id, 0, 3)],
      upstreamLicenses: [{ ...declared, source: at(LINEAGE, 'upstreams[0].license', 4) }]
    });
  const hubSays = (extra: Partial<HubRepoInfo>, id = 'org/m') => hubOf([fact(id, found(id, extra))]);
  const findings = (a: Artifact, hub: HubFacts) => run('hub-license-mismatch', a, { hub });

  it('reports a declared license that differs from the Hub card, at the declaration', () => {
    const [e, ...rest] = findings(declaring({ id: 'mit' }, 'Org/M'), hubSays({ license: 'apache-2.0' }, 'Org/M'));
    expect(rest).toEqual([]);
    expect(e.upstream).toBe('Org/M');
    expect(e.finding).toMatchObject({ severity: 'warning', path: LINEAGE, line: 4 });
    expect(e.finding.message).toBe(
      '`upstreams[0].license` in a/lineage.yaml says Org/M is under "mit", but its Hub card says "apache-2.0".'
    );
    expect(e.finding.fix).toBe(
      "Check Org/M's license on the Hub and declare that one (its terms are what the artifact inherits)."
    );
    expect(e.finding.fingerprint).toBe(fingerprint('hub-license-mismatch', LINEAGE, 'org/m:mit:apache-2.0'));
  });
  it('accepts the same license in another case, by an alias, or as a term of an expression', () => {
    const hub = hubSays({ license: 'apache-2.0' });
    for (const id of ['Apache-2.0', 'apache2', 'mit AND apache-2.0', '(apache2 OR mit)'])
      expect(findings(declaring({ id }), hub)).toEqual([]);
  });
  it('accepts an alias written with spaces (Apache License 2.0), which is no expression of terms', () => {
    const hub = hubSays({ license: 'apache-2.0' });
    for (const id of ['Apache 2.0', 'Apache License 2.0']) expect(findings(declaring({ id }), hub)).toEqual([]);
  });
  it('compares licenses the knowledge base does not know by name, in any case', () => {
    expect(findings(declaring({ id: 'my-eula' }), hubSays({ license: 'other', licenseName: 'My-EULA' }))).toEqual([]);
    const [e, ...rest] = findings(declaring({ id: 'my-eula' }), hubSays({ license: 'their-eula' }));
    expect(rest).toEqual([]);
    expect(e.finding.message).toContain('is under "my-eula", but its Hub card says "their-eula"');
  });
  it("keys the card's `other` license by its name", () => {
    const hub = hubSays({ license: 'other', licenseName: 'llama3.1' });
    expect(findings(declaring({ id: 'llama3.1' }), hub)).toEqual([]);
    expect(findings(declaring({ id: 'other', name: 'llama-3.1' }), hub)).toEqual([]);
    const [e] = findings(declaring({ id: 'mit' }), hub);
    expect(e.finding.message).toContain('but its Hub card says "llama3.1"');
  });
  it('compares nothing against a placeholder, a card without license, or a repo the Hub did not find', () => {
    for (const license of ['unknown', 'TODO', 'other', 'none', 'n/a'])
      expect(findings(declaring({ id: 'mit' }), hubSays({ license }))).toEqual([]);
    expect(findings(declaring({ id: 'mit' }), hubSays({}))).toEqual([]);
    for (const id of ['Unknown', 'other', 'n/a'])
      expect(findings(declaring({ id }), hubSays({ license: 'apache-2.0' }))).toEqual([]);
    expect(findings(declaring({}), hubSays({ license: 'apache-2.0' }))).toEqual([]);
    const gone = hubOf([fact('org/m', { kind: 'not-found', authenticated: true, status: 404, detail: 'x' })]);
    expect(findings(declaring({ id: 'mit' }), gone)).toEqual([]);
  });
  it('compares only the declarations about that upstream', () => {
    const a = artifact('a', {
      records: [
        record(LINEAGE, 'lineage-manifest', {
          upstreams: [lineageRef('org/other', 0, 3)],
          upstreamLicenses: [{ id: 'mit', source: at(LINEAGE, 'upstreams[0].license', 4) }]
        }),
        record(CARD, 'hf-model-card', { upstreams: [hubRef(CARD, 'org/m', 8)] })
      ]
    });
    expect(findings(a, hubSays({ license: 'apache-2.0' }))).toEqual([]);
  });
  it('finds a mismatch in a later record that names the upstream', () => {
    const a = artifact('a', {
      records: [
        record(CARD, 'hf-model-card', { upstreams: [hubRef(CARD, 'org/other', 2)] }),
        record(LINEAGE, 'lineage-manifest', {
          upstreams: [lineageRef('ORG/M', 0, 3)],
          upstreamLicenses: [{ id: 'mit', source: at(LINEAGE, 'upstreams[0].license', 4) }]
        })
      ]
    });
    expect(findings(a, hubSays({ license: 'apache-2.0' })).map((e) => e.finding.line)).toEqual([4]);
  });

  describe('datasets', () => {
    const withDataset = (datasetLicense: string | undefined) =>
      oneRecord(LINEAGE, 'lineage-manifest', {
        datasets: [{ raw: 'Org/Data', id: 'Org/Data', license: datasetLicense, source: at(LINEAGE, 'datasets[0]', 9) }]
      });
    const hubData = (answer: HubAnswer) => hubOf([], { 'org/data': answer });

    it("reports a dataset license that differs from the dataset's Hub card", () => {
      const [e, ...rest] = findings(withDataset('mit'), hubData(found('Org/Data', { license: 'cc-by-4.0' })));
      expect(rest).toEqual([]);
      expect(e.upstream).toBeUndefined();
      expect(e.finding).toMatchObject({ severity: 'warning', path: LINEAGE, line: 9 });
      expect(e.finding.message).toBe(
        '`datasets[0]` in a/lineage.yaml says dataset Org/Data is under "mit", but its Hub card says "cc-by-4.0".'
      );
      expect(e.finding.fix).toBe(
        "Check Org/Data's license on the Hub and declare that one: the data's terms bind the model trained on it."
      );
      expect(e.finding.fingerprint).toBe(
        fingerprint('hub-license-mismatch', LINEAGE, 'dataset:org/data:mit:cc-by-4.0')
      );
    });
    it('accepts the same license in another case or by an alias, and reports two unknown licenses that differ', () => {
      const card = (extra: Partial<HubRepoInfo>) => hubData(found('Org/Data', extra));
      expect(findings(withDataset('APACHE-2.0'), card({ license: 'apache-2.0' }))).toEqual([]);
      expect(findings(withDataset('apache2'), card({ license: 'apache-2.0' }))).toEqual([]);
      expect(findings(withDataset('MY-DATA-TERMS'), card({ license: 'other', licenseName: 'My-Data-Terms' }))).toEqual(
        []
      );
      const unknown = findings(withDataset('my-data-terms'), card({ license: 'their-data-terms' }));
      expect(unknown.map((e) => e.finding.message)).toEqual([
        expect.stringContaining('under "my-data-terms", but its Hub card says "their-data-terms"')
      ]);
    });
    it('compares nothing without a declared license, against placeholders, or when the Hub did not find it', () => {
      const card = found('Org/Data', { license: 'cc-by-4.0' });
      expect(findings(withDataset(undefined), hubData(card))).toEqual([]);
      expect(findings(withDataset('Unknown'), hubData(card))).toEqual([]);
      expect(findings(withDataset('mit'), hubData(found('Org/Data', { license: 'other' })))).toEqual([]);
      expect(findings(withDataset('mit'), hubData(found('Org/Data')))).toEqual([]);
      expect(findings(withDataset('mit'), hubData({ kind: 'disabled', detail: 'x' }))).toEqual([]);
    });
  });
});

describe('unpinned-revision', () => {
  const pinnedTo = (revision: string | undefined) => cardNaming(hubRef(CARD, 'Org/M', 5, { revision }));
  const findings = (a: Artifact, overrides: Partial<Omit<RuleContext, 'artifact'>> = {}) =>
    run('unpinned-revision', a, overrides);

  it('reports an upstream without a revision, at the reference, as a warning', () => {
    const [e, ...rest] = findings(pinnedTo(undefined));
    expect(rest).toEqual([]);
    expect(e.upstream).toBe('Org/M');
    expect(e.finding).toMatchObject({ severity: 'warning', path: CARD, line: 5 });
    expect(e.finding.message).toBe(
      'The upstream Org/M at `base_model` in a/README.md is not pinned to a commit: ' +
        'the Hub repo can change after this artifact was made.'
    );
    // A card's `base_model` takes a plain id on the Hub: the pin goes in a lineage.yaml beside it.
    expect(e.finding.fix).toBe(
      'Record the 40-hex commit sha of Org/M that was used: ' +
        '`upstreams: [{ id: Org/M, revision: <sha> }]` in a lineage.yaml in a.'
    );
    expect(e.finding.fingerprint).toBe(fingerprint('unpinned-revision', CARD, 'org/m'));
  });
  it("names the pin setting of the manifest's own format, where it has one for that upstream", () => {
    const fixFor = (path: string, format: string, field: string, role: UpstreamRef['role'] = 'base') => {
      const ref = hubRef(path, 'Org/M', 3, { role, source: at(path, field, 3) });
      return findings(oneRecord(path, format, { upstreams: [ref] }))[0].finding.fix;
    };
    const lineage = '`upstreams: [{ id: Org/M, revision: <sha> }]` in a lineage.yaml in a.';
    expect(fixFor(PEFT, 'peft-adapter-config', 'base_model_name_or_path')).toBe(
      'Record the 40-hex commit sha of Org/M that was used: ' +
        `\`revision\` beside \`base_model_name_or_path\` in ${PEFT}, or ${lineage}`
    );
    expect(fixFor(LINEAGE, 'lineage-manifest', 'upstreams[0].id')).toContain(
      `used: \`revision:\` on its entry in \`upstreams:\` in ${LINEAGE}, or`
    );
    expect(fixFor('a/mergekit_config.yml', 'mergekit-config', 'models[1].model', 'merge-parent')).toContain(
      'used: `Org/M@<sha>` where it is named (mergekit loads that revision) in a/mergekit_config.yml, or'
    );
    expect(fixFor('a/train.yml', 'axolotl-config', 'base_model')).toContain(
      'used: `revision_of_model:` beside `base_model` in a/train.yml, or'
    );
    expect(fixFor('a/sft.yaml', 'llamafactory-config', 'model_name_or_path')).toContain(
      'used: `model_revision:` beside `model_name_or_path` in a/sft.yaml, or'
    );
    // A setting that pins only the base says nothing for another upstream of the file.
    expect(fixFor('a/train.yml', 'axolotl-config', 'tokenizer_config', 'tokenizer')).toBe(
      `Record the 40-hex commit sha of Org/M that was used: ${lineage}`
    );
    expect(fixFor('a/Modelfile', 'ollama-modelfile', 'FROM')).toBe(
      `Record the 40-hex commit sha of Org/M that was used: ${lineage}`
    );
  });
  it('does not take a short sha, a 39- or 41-character sha, or a non-hex 40-character one as a pin', () => {
    for (const revision of [SHA.slice(0, 7), SHA.slice(0, 39), `${SHA}0`, `${SHA.slice(0, 39)}g`, 'main']) {
      const [e, ...rest] = findings(pinnedTo(revision));
      expect(rest).toEqual([]);
      expect(e.finding.message).toContain(
        `not pinned to a commit (revision ${JSON.stringify(revision)} is a branch or tag, which moves): `
      );
    }
  });
  it('takes a 40-hex sha in either case as a pin', () => {
    expect(findings(pinnedTo(SHA))).toEqual([]);
    expect(findings(pinnedTo(OTHER_SHA.toUpperCase()))).toEqual([]);
  });
  it('is an error when the policy requires pinned revisions', () => {
    expect(findings(pinnedTo('main'), { policy: requiring({ pinnedRevisions: true }) })[0].finding.severity).toBe(
      'error'
    );
  });
  it("does not take the commit the Hub resolved a branch to as the artifact's pin", () => {
    const hub = hubOf([fact('Org/M', found('Org/M', { sha: SHA }), { revision: 'main' })]);
    expect(findings(pinnedTo('main'), { hub }).map((e) => e.finding.line)).toEqual([5]);
  });
  it('is satisfied by any manifest of the artifact pinning the same id, in any case', () => {
    const a = artifact('a', {
      records: [
        record(PEFT, 'peft-adapter-config', { upstreams: [hubRef(PEFT, 'Org/M', 3, { revision: 'main' })] }),
        record(LINEAGE, 'lineage-manifest', { upstreams: [hubRef(LINEAGE, 'org/m', 6, { revision: SHA })] })
      ]
    });
    expect(findings(a)).toEqual([]);
  });
  it('reports each unpinned id once, at its first reference, naming the first revision written', () => {
    const a = artifact('a', {
      records: [
        record(CARD, 'hf-model-card', {
          upstreams: [hubRef(CARD, 'org/m', 2), hubRef(CARD, 'org/n', 3, { revision: SHA })]
        }),
        record(PEFT, 'peft-adapter-config', { upstreams: [hubRef(PEFT, 'ORG/M', 4, { revision: 'v1.0' })] }),
        record(LINEAGE, 'lineage-manifest', { upstreams: [hubRef(LINEAGE, 'org/m', 5, { revision: 'dev' })] })
      ]
    });
    const [e, ...rest] = findings(a);
    expect(rest).toEqual([]);
    expect(e.finding).toMatchObject({ path: CARD, line: 2 });
    expect(e.finding.message).toContain('(revision "v1.0" is a branch or tag, which moves)');
  });
  it('leaves weight headers, unresolvable and invalid upstreams to other rules', () => {
    const weights = oneRecord('a/model.safetensors', 'safetensors-header', {
      origin: 'weights',
      upstreams: [hubRef('a/model.safetensors', 'org/m', 1)]
    });
    expect(findings(weights)).toEqual([]);
    const local = cardNaming(
      hubRef(CARD, 'org/m', 2, { kind: 'local-path', raw: '/models/org/m' }),
      hubRef(CARD, 'org--bad/m', 3, { invalidReason: "contains '--'" }),
      upstream(CARD, { kind: 'placeholder', raw: 'TODO' }),
      upstream(CARD, { kind: 'hub-id', raw: '' })
    );
    expect(findings(local)).toEqual([]);
  });
});
