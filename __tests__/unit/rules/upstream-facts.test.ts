import type { AncestorLink } from '../../../src/hub/ancestry.js';
import type { HubAnswer } from '../../../src/hub/answer.js';
import { LicenseKnowledge } from '../../../src/licenses/knowledge.js';
import type { UpstreamRef } from '../../../src/lineage/record.js';
import { identityKeys, sameUpstream } from '../../../src/rules/upstream-identity.js';
import {
  distinctLicenses,
  licenseAlternatives,
  licenseOfUpstream,
  licenseTerms,
  upstreamLicensesOf,
  type UpstreamLicense
} from '../../../src/rules/upstream-licenses.js';
import type { RuleContext } from '../../../src/rules/rule.js';
import { artifact, at, defaultRuleContext, license, record, upstream } from '../../helpers/build.js';
import { fact, found, hubOf } from '../../helpers/hub-facts.js';
import { licenseKey } from '../../../src/licenses/license-ids.js';

const CARD = 'a/README.md';
const knowledge = LicenseKnowledge.builtin();
const ref = (id: string, extra: Partial<UpstreamRef> = {}) => upstream(CARD, { kind: 'hub-id', id, raw: id, ...extra });

function link(id: string, child: string, depth: number, answer?: HubAnswer): AncestorLink {
  return { id, via: 'base_model', depth, child, ...(answer ? { answer } : {}) };
}

describe('identityKeys', () => {
  it('keys an id by itself and its name, lower-cased', () => {
    expect([...identityKeys('Qwen/Qwen3-4B', knowledge)]).toEqual(['qwen/qwen3-4b', 'name:qwen3-4b']);
  });
  it("adds a legacy id's current id, and a mirror's original, with their names", () => {
    expect([...identityKeys('gpt2', knowledge)]).toEqual(['gpt2', 'openai-community/gpt2', 'name:gpt2']);
    expect(identityKeys('unsloth/Llama-3.2-1B-Instruct-bnb-4bit', knowledge)).toEqual(
      new Set([
        'unsloth/llama-3.2-1b-instruct-bnb-4bit',
        'name:llama-3.2-1b-instruct',
        'meta-llama/llama-3.2-1b-instruct'
      ])
    );
  });
  it("drops Meta's `Meta-` prefix before Llama only", () => {
    expect(identityKeys('meta-llama/Meta-Llama-3-8B', knowledge)).toContain('name:llama-3-8b');
    expect(identityKeys('org/Meta-Math-7B', knowledge)).toContain('name:meta-math-7b');
    expect(identityKeys('org/x-Meta-Llama', knowledge)).toContain('name:x-meta-llama');
  });
});

describe('sameUpstream', () => {
  it('matches the same id in any case, a re-upload under another org, and a mirror of it', () => {
    expect(sameUpstream(ref('Qwen/Qwen3-4B'), ref('qwen/qwen3-4b'), knowledge)).toBe(true);
    expect(sameUpstream(ref('meta-llama/Llama-3.1-8B'), ref('someone/Meta-Llama-3.1-8B'), knowledge)).toBe(true);
    expect(sameUpstream(ref('Qwen/Qwen3-4B'), ref('Qwen/Qwen3-8B'), knowledge)).toBe(false);
  });
  it('never matches a reference without an id', () => {
    const noId = upstream(CARD, { kind: 'placeholder', raw: 'TODO' });
    expect(sameUpstream(noId, ref('org/m'), knowledge)).toBe(false);
    expect(sameUpstream(ref('org/m'), noId, knowledge)).toBe(false);
  });
  it('matches a model and its ancestor on the Hub, from either side', () => {
    const child = ref('org/fine-tune');
    const base = ref('base/model');
    const hub = hubOf([
      fact('org/fine-tune', found('org/fine-tune'), { chain: [link('Base/Model', 'org/fine-tune', 1)] })
    ]);
    expect(sameUpstream(child, base, knowledge, hub)).toBe(true);
    expect(sameUpstream(base, child, knowledge, hub)).toBe(true);
    expect(sameUpstream(child, base, knowledge)).toBe(false);
  });
});

describe('licenseKey, licenseTerms, licenseAlternatives', () => {
  it('keys `other` by its name, anything else by its id, and falls back on the other', () => {
    expect(licenseKey({ id: 'other', name: 'my-eula' })).toBe('my-eula');
    expect(licenseKey({ id: 'Other', name: 'my-eula' })).toBe('my-eula');
    expect(licenseKey({ id: 'other' })).toBe('other');
    expect(licenseKey({ id: 'mit', name: 'my-eula' })).toBe('mit');
    expect(licenseKey({ name: 'my-eula' })).toBe('my-eula');
    expect(licenseKey({})).toBeUndefined();
  });
  it('splits an expression into its lower-cased terms', () => {
    expect(licenseTerms('MIT AND (Apache-2.0 OR llama3.1)')).toEqual(['mit', 'apache-2.0', 'llama3.1']);
    expect(licenseTerms('GPL-2.0 with Classpath-exception-2.0')).toEqual(['gpl-2.0', 'classpath-exception-2.0']);
    expect(licenseTerms('  mit  ')).toEqual(['mit']);
    expect(licenseTerms('android-sdk')).toEqual(['android-sdk']);
  });
  it('splits an expression into its OR alternatives, in any case', () => {
    expect(licenseAlternatives('mit or Apache-2.0 AND llama3.1')).toEqual([['mit'], ['apache-2.0', 'llama3.1']]);
    expect(licenseAlternatives('MIT OR llama3.1')).toEqual([['mit'], ['llama3.1']]);
    expect(licenseAlternatives('MIT')).toEqual([['mit']]);
  });
});

describe('distinctLicenses', () => {
  it('keeps the first upstream under each license, known ones by their entry, others by name in any case', () => {
    const u = (id: string, lic: string): UpstreamLicense => ({
      ref: ref(id),
      id,
      license: lic,
      entry: knowledge.lookup(lic),
      via: 'declared',
      evidence: 'primary',
      source: 'x'
    });
    const list = [
      u('a/1', 'apache-2.0'),
      u('a/2', 'Apache2'),
      u('a/3', 'My-EULA'),
      u('a/4', 'my-eula'),
      u('a/5', 'mit')
    ];
    expect(distinctLicenses(list).map((x) => x.id)).toEqual(['a/1', 'a/3', 'a/5']);
  });
});

describe('licenseOfUpstream', () => {
  const sources = (hub?: RuleContext['hub']) => ({ knowledge, upstreamLicenseMappings: [], hub });

  it('uses the declaration first, and nothing for an upstream the Hub cannot be asked about', () => {
    const r = record(CARD, 'hf-model-card', { upstreamLicenses: [license(CARD, 'mit')] });
    const hub = hubOf([fact('org/m', found('org/m', { license: 'apache-2.0' }))]);
    expect(licenseOfUpstream(ref('org/m'), r, sources(hub))).toMatchObject({ license: 'mit', via: 'declared' });
    const local = ref('org/m', { kind: 'local-path' });
    expect(licenseOfUpstream(local, r, sources(hub))).toBeUndefined();
    expect(licenseOfUpstream(upstream(CARD, { kind: 'hub-id', raw: '' }), r, sources(hub))).toBeUndefined();
  });
  it("falls back on the upstream's Hub card (its `other` license by name), as secondary evidence", () => {
    const r = record(CARD, 'hf-model-card');
    const card = (extra: Parameters<typeof found>[1]) => sources(hubOf([fact('org/m', found('org/m', extra))]));
    expect(licenseOfUpstream(ref('org/m'), r, card({ license: 'apache-2.0' }))).toEqual({
      license: 'apache-2.0',
      via: 'hub',
      evidence: 'secondary',
      source: 'the Hub card of org/m'
    });
    expect(licenseOfUpstream(ref('org/m'), r, card({ license: 'other', licenseName: 'my-eula' }))?.license).toBe(
      'my-eula'
    );
    expect(licenseOfUpstream(ref('org/m'), r, card({}))).toBeUndefined();
    const gone = hubOf([fact('org/m', { kind: 'not-found', authenticated: true, status: 404, detail: 'x' })]);
    expect(licenseOfUpstream(ref('org/m'), r, sources(gone))).toBeUndefined();
    expect(licenseOfUpstream(ref('org/m'), r, sources())).toBeUndefined();
  });
});

describe('upstreamLicensesOf', () => {
  const ctxOf = (a: ReturnType<typeof artifact>, overrides: Partial<Omit<RuleContext, 'artifact'>> = {}) => ({
    ...defaultRuleContext(overrides),
    artifact: a
  });

  it('lists each upstream id once, with its knowledge entry', () => {
    const a = artifact('a', {
      records: [
        record(CARD, 'hf-model-card', { upstreams: [ref('meta-llama/Llama-3.1-8B'), ref('org/unknown')] }),
        record('a/adapter_config.json', 'peft-adapter-config', {
          upstreams: [upstream('a/adapter_config.json', { kind: 'hub-id', id: 'META-LLAMA/Llama-3.1-8B' })]
        })
      ]
    });
    const list = upstreamLicensesOf(ctxOf(a));
    expect(list.map((u) => [u.id, u.license, u.via, u.entry?.id])).toEqual([
      ['meta-llama/Llama-3.1-8B', 'llama3.1', 'builtin', 'llama3.1']
    ]);
    expect(list[0].ref.source.path).toBe(CARD);
  });
  it("inherits a local parent's upstreams, pointing at the child's reference to the parent", () => {
    const parentSource = at('a/lineage.yaml', 'parent', 7);
    const parentRecord = record('p/README.md', 'hf-model-card', {
      upstreams: [upstream('p/README.md', { kind: 'hub-id', id: 'Org/Base' })],
      upstreamLicenses: [license('p/README.md', 'apache-2.0')]
    });
    const a = artifact('a', {
      records: [
        record(CARD, 'hf-model-card', { upstreams: [ref('org/base')], upstreamLicenses: [license(CARD, 'mit')] })
      ],
      parents: [
        { raw: '../p', source: parentSource, explicit: true, dir: 'p', state: 'artifact', inherited: [parentRecord] }
      ]
    });
    expect(upstreamLicensesOf(ctxOf(a)).map((u) => [u.id, u.license])).toEqual([['org/base', 'mit']]);
    const child = artifact('a', { parents: a.parents });
    const [u, ...rest] = upstreamLicensesOf(ctxOf(child));
    expect(rest).toEqual([]);
    expect(u).toMatchObject({ id: 'Org/Base', license: 'apache-2.0', via: 'declared' });
    expect(u.ref.source).toBe(parentSource);
    expect(u.source).toMatch(/, inherited through \.\.\/p$/);
  });
  it("adds the Hub ancestors' licenses: from their cards, else the family table", () => {
    const chain = [
      link('org/mid', 'org/ft', 1, found('org/mid', { license: 'mit' })),
      link('meta-llama/Llama-3.1-8B', 'org/mid', 2, found('meta-llama/Llama-3.1-8B')),
      link('org/unlicensed', 'org/mid', 2, found('org/unlicensed')),
      link('org/gone', 'org/mid', 2, { kind: 'not-found', authenticated: true, status: 404, detail: 'x' }),
      link('org/unasked', 'org/mid', 2),
      link('ORG/FT', 'org/mid', 3, found('org/ft', { license: 'gpl-3.0' }))
    ];
    const root = ref('org/ft');
    const a = artifact('a', {
      records: [
        record(CARD, 'hf-model-card', { upstreams: [root], upstreamLicenses: [license(CARD, 'apache-2.0')] }),
        record('a/adapter_config.json', 'peft-adapter-config', {
          upstreams: [upstream('a/adapter_config.json', { kind: 'local-path', raw: '/models/ft' })]
        })
      ]
    });
    const hub = hubOf([fact('org/ft', found('org/ft', { license: 'apache-2.0' }), { chain })]);
    const list = upstreamLicensesOf(ctxOf(a, { hub }));
    expect(list.map((u) => [u.id, u.license, u.via, u.evidence, u.source])).toEqual([
      ['org/ft', 'apache-2.0', 'declared', 'primary', expect.any(String)],
      ['org/mid', 'mit', 'hub', 'secondary', 'the Hub card of org/mid, the base of org/ft'],
      [
        'meta-llama/Llama-3.1-8B',
        'llama3.1',
        'builtin',
        'inferred',
        'the built-in family table of meta-llama/Llama-3.1-8B, 2 hops up the base_model chain of org/mid'
      ]
    ]);
    expect(list.every((u) => u.ref === root)).toBe(true);
    expect(list[1].entry?.id).toBe('mit');
  });
  it('resolves once per artifact and context, again when the Hub, the knowledge or the mappings change', () => {
    const a = artifact('a', { records: [record(CARD, 'hf-model-card', { upstreams: [ref('org/m')] })] });
    const ctx = ctxOf(a);
    const first = upstreamLicensesOf(ctx);
    expect(first).toEqual([]);
    expect(upstreamLicensesOf({ ...ctx })).toBe(first);
    const hub = hubOf([fact('org/m', found('org/m', { license: 'mit' }))]);
    expect(upstreamLicensesOf({ ...ctx, hub }).map((u) => u.license)).toEqual(['mit']);
    const mapped = {
      ...ctx,
      upstreamLicenseMappings: [{ pattern: 'org/*', license: 'apache-2.0', at: { path: 'p', line: 1, column: 1 } }]
    };
    expect(upstreamLicensesOf(mapped).map((u) => u.license)).toEqual(['apache-2.0']);
    expect(upstreamLicensesOf(mapped)[0].entry?.id).toBe('apache-2.0');
    const empty = LicenseKnowledge.fromData({ licenses: [], families: [] });
    expect(upstreamLicensesOf({ ...mapped, knowledge: empty })[0].entry).toBeUndefined();
  });
});
