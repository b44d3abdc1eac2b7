import { buildReport } from '../../../src/report/build.js';
import type { Report, ReportArtifact, ReportUpstream } from '../../../src/report/report.js';
import { renderCycloneDx } from '../../../src/report/render/cyclonedx.js';
import {
  hubDatasetPage,
  hubModelPage,
  huggingfacePurl,
  nestByDepth,
  pinnedCommit
} from '../../../src/report/render/cyclonedx-hub.js';
import { httpUrl, licenseChoice, spdxLicenseId } from '../../../src/report/render/cyclonedx-license.js';
import { cycloneDxErrors, expectValidBom, type Bom, type Cdx } from '../../helpers/cyclonedx.js';
import { SAMPLE_POLICY, completeArtifact, HOSTILE, sampleReport } from './sample-report.js';

const SERIAL = 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79';
const TIMESTAMP = new Date('2026-05-01T12:00:00Z');
const FIXED = { toolVersion: '9.9.9', serialNumber: SERIAL, timestamp: TIMESTAMP };
const SHA = '0123456789abcdef0123456789abcdef01234567';
const BASE_SHA = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
const DIGEST = 'ab'.repeat(32);
const OID = 'CD'.repeat(32);

async function render(report: Report, options: Partial<typeof FIXED> = FIXED): Promise<{ text: string; bom: Bom }> {
  const text = await renderCycloneDx(report, { toolVersion: '9.9.9', ...options });
  return { text, bom: JSON.parse(text) as Bom };
}

const props = (c: Cdx, name: string): string[] =>
  (c.properties ?? []).filter((p) => p.name === `lineage-gate:${name}`).map((p) => p.value);
const byName = (list: Cdx[] | undefined, name: string): Cdx => {
  const found = list?.find((c) => c.name === name);
  if (!found) throw new Error(`no component ${name} in ${JSON.stringify(list?.map((c) => c.name))}`);
  return found;
};

describe('renderCycloneDx on the sample report', () => {
  it('is valid CycloneDX 1.6 with one machine-learning-model per artifact', async () => {
    const { text, bom } = await render(sampleReport());
    await expectValidBom(text);
    expect(text.endsWith('}\n')).toBe(true);
    expect(bom).toMatchObject({ bomFormat: 'CycloneDX', specVersion: '1.6', serialNumber: SERIAL, version: 1 });
    expect(bom.metadata.timestamp).toBe('2026-05-01T12:00:00.000Z');
    expect(bom.metadata.tools.components).toEqual([{ type: 'application', name: 'lineage-gate', version: '9.9.9' }]);
    expect(bom.metadata.properties).toEqual([
      { name: 'lineage-gate:result', value: 'fail' },
      { name: 'lineage-gate:fail-on', value: 'error' }
    ]);
    expect(bom.dependencies).toBeUndefined();
    expect(bom.components.map((c) => [c.type, c.name, c['bom-ref']])).toEqual([
      ['machine-learning-model', 'adapters/clean', 'artifact:adapters/clean'],
      ['machine-learning-model', HOSTILE.pipeDir, `artifact:${HOSTILE.pipeDir}`],
      ['machine-learning-model', 'runs/mens-7', 'artifact:runs/mens-7'],
      ['machine-learning-model', '.', 'artifact:.']
    ]);
    const clean = bom.components[0];
    expect(props(clean, 'status')).toEqual(['pass']);
    expect(props(clean, 'dir')).toEqual(['adapters/clean']);
    expect(props(clean, 'attribution')).toEqual(['Built with Llama']);
    expect(props(bom.components[2], 'status')).toEqual(['fail']);
  });

  it('writes SPDX ids as the SPDX list spells them, other licenses by name with their link', async () => {
    const { bom } = await render(sampleReport());
    const [clean, pipe, , root] = bom.components;
    expect(clean.licenses).toEqual([{ license: { name: 'llama3.1', acknowledgement: 'declared' } }]);
    expect(pipe.licenses).toEqual([
      {
        license: {
          name: `Custom ${HOSTILE.mention} | ${HOSTILE.html}`,
          acknowledgement: 'declared',
          url: 'https://example.com/license',
          properties: [{ name: 'lineage-gate:license-id', value: 'other' }]
        }
      }
    ]);
    expect(root.licenses).toEqual([{ license: { id: 'Apache-2.0', acknowledgement: 'declared' } }]);
    expect(bom.components[2].licenses).toBeUndefined();
  });

  it('gives each Hub upstream once as an ancestor, with purl, Hub page, evidence and role', async () => {
    const { bom } = await render(sampleReport());
    const [clean, pipe, mens] = bom.components;
    // Two manifests name the same pinned base: one ancestor, both declarations kept.
    expect(clean.pedigree?.ancestors).toHaveLength(1);
    const base = clean.pedigree!.ancestors[0];
    expect(base).toMatchObject({
      type: 'machine-learning-model',
      name: 'meta-llama/Llama-3.1-8B',
      version: SHA,
      purl: `pkg:huggingface/meta-llama/Llama-3.1-8B@${SHA}`,
      externalReferences: [{ type: 'model-card', url: 'https://huggingface.co/meta-llama/Llama-3.1-8B' }],
      licenses: [{ license: { name: 'llama3.1', acknowledgement: 'declared' } }]
    });
    expect(base['bom-ref']).toBeUndefined();
    expect(props(base, 'evidence')).toEqual(['primary']);
    expect(props(base, 'role')).toEqual(['base']);
    expect(props(base, 'declared-in')).toEqual(['adapters/clean/adapter_config.json:4', 'adapters/clean/README.md:3']);
    // A local path is no Hub id: no ancestor is invented for it.
    expect(pipe.pedigree).toBeUndefined();
    // A bare legacy id has a page (the Hub redirects it) but no purl (the purl type requires the org);
    // `main` is no commit, so it is the version but never a purl version.
    const gpt2 = byName(mens.pedigree?.ancestors, 'gpt2');
    expect(gpt2).toMatchObject({ version: 'main', externalReferences: [{ url: 'https://huggingface.co/gpt2' }] });
    expect(gpt2.purl).toBeUndefined();
    expect(props(gpt2, 'evidence')).toEqual(['inferred']);
    expect(props(gpt2, 'role')).toEqual(['upstream']);
    expect(props(gpt2, 'reference-kind')).toEqual(['bare-id']);
  });

  it('is byte-identical for a fixed serial number and timestamp, random and still valid otherwise', async () => {
    const report = sampleReport();
    expect((await render(report)).text).toBe((await render(report)).text);
    const a = await render(report, {});
    const b = await render(report, {});
    expect(a.bom.serialNumber).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
    );
    expect(a.bom.serialNumber).not.toBe(b.bom.serialNumber);
    expect(Date.now() - Date.parse(a.bom.metadata.timestamp)).toBeLessThan(60_000);
    await expectValidBom(a.text);
  });

  it('refuses a serial number that is not a urn:uuid (BOM-Links are built from it)', async () => {
    await expect(render(sampleReport(), { ...FIXED, serialNumber: 'not-a-uuid' })).rejects.toThrow(/urn:uuid/);
  });
});

function upstream(partial: Partial<ReportUpstream> & Pick<ReportUpstream, 'id'>): ReportUpstream {
  return {
    raw: partial.id,
    kind: 'hub-id',
    revision: null,
    role: 'base',
    evidence: 'primary',
    path: 'models/chat/lineage.yaml',
    line: 5,
    license: null,
    hub: null,
    ...partial
  };
}

function artifact(partial: Partial<ReportArtifact> & Pick<ReportArtifact, 'dir'>): ReportArtifact {
  return completeArtifact({
    manifests: [{ path: `${partial.dir}/lineage.yaml`, format: 'lineage-gate' }],
    upstreams: [],
    license: null,
    attribution: null,
    weights: [],
    datasets: [],
    parents: [],
    status: 'pass',
    ...partial
  });
}

const hub = (ancestors: { id: string; depth: number; license: string | null }[]): ReportUpstream['hub'] => ({
  status: 'found',
  sha: BASE_SHA.toLowerCase(),
  gated: false,
  license: 'apache-2.0',
  ancestors: ancestors.map((a) => ({ ...a, evidence: 'secondary' as const }))
});

/** An adapter on a quantized mirror of a merge, with weights, datasets and a local parent. */
function lineageReport(): Report {
  const artifacts: ReportArtifact[] = [
    artifact({
      dir: 'models/base-ft',
      license: { id: 'apache-2.0', name: null, link: null, path: 'x/lineage.yaml' },
      upstreams: [
        upstream({
          id: 'unsloth/Qwen3-4B-bnb-4bit',
          revision: 'main',
          license: { id: 'apache-2.0', via: 'hub', evidence: 'secondary', source: 'the Hub card' },
          hub: hub([
            { id: 'Qwen/Qwen3-4B', depth: 1, license: 'apache-2.0' },
            { id: 'Qwen/Qwen3-4B-Base', depth: 2, license: 'apache-2.0' },
            { id: 'acme/merge-part', depth: 2, license: 'mit' },
            { id: 'Qwen/Qwen3-Pretrain', depth: 3, license: null },
            { id: './local/checkpoint', depth: 3, license: null }
          ])
        })
      ],
      weights: [
        {
          path: 'models/base-ft/model.safetensors',
          status: 'added',
          format: 'safetensors',
          sha256: DIGEST,
          digestVia: 'file',
          size: 1234
        },
        {
          path: 'models/base-ft/model.gguf',
          status: 'present',
          format: 'lfs-pointer',
          sha256: OID,
          digestVia: 'lfs-pointer',
          size: 99_000_000_000
        },
        {
          path: 'models/base-ft/extra.bin',
          status: 'modified',
          format: 'other',
          sha256: null,
          digestVia: null,
          size: null
        },
        {
          path: 'models/base-ft/old.bin',
          status: 'removed',
          format: 'other',
          sha256: null,
          digestVia: null,
          size: null
        }
      ],
      datasets: [
        {
          raw: 'acme/support-chats@v2',
          id: 'acme/support-chats',
          revision: 'v2',
          resolved: null,
          license: 'cc-by-4.0',
          path: 'models/base-ft/lineage.yaml',
          line: 12
        },
        {
          raw: './data/local.jsonl',
          id: null,
          revision: null,
          resolved: null,
          license: null,
          path: 'models/base-ft/lineage.yaml',
          line: 13
        }
      ]
    }),
    artifact({
      dir: 'models/chat-adapter',
      license: { id: 'MIT OR Apache-2.0', name: null, link: 'javascript:alert(1)', path: 'x/lineage.yaml' },
      upstreams: [
        upstream({ id: 'Qwen/Qwen3-4B', revision: SHA, path: 'models/chat-adapter/adapter_config.json', line: 3 }),
        upstream({
          id: 'qwen/qwen3-4b',
          revision: null,
          path: 'models/chat-adapter/README.md',
          line: 2,
          evidence: 'inferred'
        }),
        upstream({
          id: 'Qwen/Qwen3-4B',
          revision: 'v1.0',
          role: 'merge-parent',
          path: 'models/chat-adapter/README.md',
          line: 4
        })
      ],
      datasets: [
        {
          raw: 'ACME/support-chats@v2',
          id: 'ACME/support-chats',
          revision: 'v2',
          resolved: null,
          license: 'cc-by-4.0',
          path: 'models/chat-adapter/README.md',
          line: 9
        }
      ],
      parents: [
        { dir: 'models/base-ft', path: 'models/chat-adapter/adapter_config.json', line: 7 },
        { dir: 'models/base-ft', path: 'models/chat-adapter/README.md', line: 8 },
        { dir: 'models/not-in-this-run', path: 'models/chat-adapter/adapter_config.json', line: 9 }
      ]
    })
  ];
  return buildReport({
    version: '0.1.0',
    failOn: 'error',
    artifacts,
    findings: [],
    changeSource: 'test',
    notes: [],
    manifestsCount: 2,
    policy: SAMPLE_POLICY
  });
}

describe('renderCycloneDx with Hub ancestry, weights, datasets and local parents', () => {
  it('is valid CycloneDX 1.6', async () => {
    await expectValidBom((await render(lineageReport())).text);
  });

  it('nests the whole Hub ancestry under the upstream, by depth', async () => {
    const { bom } = await render(lineageReport());
    const mirror = byName(bom.components[0].pedigree?.ancestors, 'unsloth/Qwen3-4B-bnb-4bit');
    // `main` is the version; the purl carries the commit the Hub resolved it to.
    expect(mirror.version).toBe('main');
    expect(mirror.purl).toBe(`pkg:huggingface/unsloth/Qwen3-4B-bnb-4bit@${BASE_SHA.toLowerCase()}`);
    expect(props(mirror, 'resolved-revision')).toEqual([BASE_SHA.toLowerCase()]);
    expect(props(mirror, 'hub-status')).toEqual(['found']);
    expect(props(mirror, 'license-source')).toEqual(['hub']);
    expect(mirror.licenses).toEqual([{ license: { id: 'Apache-2.0', acknowledgement: 'declared' } }]);
    const qwen = mirror.pedigree!.ancestors;
    expect(qwen.map((c) => c.name)).toEqual(['Qwen/Qwen3-4B']);
    expect(qwen[0]).toMatchObject({
      purl: 'pkg:huggingface/Qwen/Qwen3-4B',
      externalReferences: [{ type: 'model-card', url: 'https://huggingface.co/Qwen/Qwen3-4B' }]
    });
    expect(props(qwen[0], 'evidence')).toEqual(['secondary']);
    expect(props(qwen[0], 'role')).toEqual(['hub-base-model']);
    expect(props(qwen[0], 'hub-depth')).toEqual(['1']);
    // A merge at depth 2: which parent the depth-3 repos came from is not in the report, so they
    // hang off the last single ancestor (they are its ancestors either way).
    const below = qwen[0].pedigree!.ancestors;
    expect(below.map((c) => [c.name, props(c, 'hub-depth')[0]])).toEqual([
      ['Qwen/Qwen3-4B-Base', '2'],
      ['acme/merge-part', '2'],
      ['Qwen/Qwen3-Pretrain', '3'],
      ['./local/checkpoint', '3']
    ]);
    expect(byName(below, 'acme/merge-part').licenses).toEqual([
      { license: { id: 'MIT', acknowledgement: 'declared' } }
    ]);
    const local = byName(below, './local/checkpoint');
    expect(local.purl).toBeUndefined();
    expect(local.externalReferences).toBeUndefined();
    expect(below.every((c) => c.pedigree === undefined)).toBe(true);
  });

  it('lists weight files as nested file components with their SHA-256 and where it came from', async () => {
    const { bom } = await render(lineageReport());
    const files = bom.components[0].components!;
    expect(files.map((f) => [f.type, f.name, f['bom-ref']])).toEqual([
      ['file', 'models/base-ft/model.safetensors', 'weight:models/base-ft/model.safetensors'],
      ['file', 'models/base-ft/model.gguf', 'weight:models/base-ft/model.gguf'],
      ['file', 'models/base-ft/extra.bin', 'weight:models/base-ft/extra.bin']
    ]);
    expect(files[0].hashes).toEqual([{ alg: 'SHA-256', content: DIGEST }]);
    expect(props(files[0], 'digest-source')).toEqual(['file-bytes']);
    expect(props(files[0], 'size')).toEqual(['1234']);
    expect(files[1].hashes).toEqual([{ alg: 'SHA-256', content: OID.toLowerCase() }]);
    expect(props(files[1], 'digest-source')).toEqual(['lfs-pointer-oid']);
    expect(props(files[1], 'weight-format')).toEqual(['lfs-pointer']);
    expect(files[2].hashes).toBeUndefined();
    expect(props(files[2], 'digest-source')).toEqual([]);
    expect(props(files[2], 'change')).toEqual(['modified']);
  });

  it('makes each dataset one top-level data component, referenced from the model card', async () => {
    const { bom } = await render(lineageReport());
    const data = bom.components.filter((c) => c.type === 'data');
    expect(data.map((d) => [d.name, d.version, d['bom-ref']])).toEqual([
      ['acme/support-chats', 'v2', 'dataset:acme/support-chats@v2'],
      ['./data/local.jsonl', undefined, 'dataset:./data/local.jsonl']
    ]);
    expect(data[0]).toMatchObject({
      data: [{ type: 'dataset', name: 'acme/support-chats' }],
      licenses: [{ license: { id: 'CC-BY-4.0', acknowledgement: 'declared' } }],
      externalReferences: [{ type: 'website', url: 'https://huggingface.co/datasets/acme/support-chats' }]
    });
    // The same dataset (ids are case-insensitive) named by two artifacts is one component.
    expect(props(data[0], 'declared-in')).toEqual([
      'models/base-ft/lineage.yaml:12',
      'models/chat-adapter/README.md:9'
    ]);
    expect(data[1].externalReferences).toBeUndefined();
    const [base, chat] = bom.components;
    expect(base.modelCard).toEqual({
      modelParameters: { datasets: [{ ref: 'dataset:acme/support-chats@v2' }, { ref: 'dataset:./data/local.jsonl' }] }
    });
    expect(chat.modelCard).toEqual({ modelParameters: { datasets: [{ ref: 'dataset:acme/support-chats@v2' }] } });
    const refs = new Set(bom.components.map((c) => c['bom-ref']));
    for (const c of [base, chat])
      for (const d of c.modelCard!.modelParameters.datasets) expect(refs.has(d.ref)).toBe(true);
  });

  it('points local parents at their own component by BOM-Link, and keeps differing revisions apart', async () => {
    const { bom } = await render(lineageReport());
    const chat = bom.components[1];
    const ancestors = chat.pedigree!.ancestors;
    expect(ancestors.map((a) => [a.name, a.version ?? null])).toEqual([
      ['Qwen/Qwen3-4B', SHA],
      ['Qwen/Qwen3-4B', 'v1.0'],
      ['qwen/qwen3-4b', null],
      ['models/base-ft', null],
      ['models/not-in-this-run', null]
    ]);
    expect(ancestors[0].purl).toBe(`pkg:huggingface/Qwen/Qwen3-4B@${SHA}`);
    expect(ancestors[1].purl).toBe('pkg:huggingface/Qwen/Qwen3-4B');
    expect(props(ancestors[1], 'role')).toEqual(['merge-parent']);
    expect(props(ancestors[2], 'evidence')).toEqual(['inferred']);
    const parent = ancestors[3];
    expect(parent.externalReferences).toEqual([
      {
        type: 'bom',
        url: 'urn:cdx:3e671687-395b-41f5-a30f-a58921a69b79/1#artifact%3Amodels%2Fbase-ft',
        comment: 'The local artifact, in this BOM.'
      }
    ]);
    expect(decodeURIComponent(parent.externalReferences![0].url.split('#')[1])).toBe(bom.components[0]['bom-ref']);
    expect(props(parent, 'role')).toEqual(['local-parent']);
    expect(props(parent, 'declared-in')).toEqual([
      'models/chat-adapter/adapter_config.json:7',
      'models/chat-adapter/README.md:8'
    ]);
    expect(ancestors[4].externalReferences).toBeUndefined();
    expect(props(ancestors[4], 'dir')).toEqual(['models/not-in-this-run']);
  });

  it('writes an SPDX expression as one, and never an untrusted non-http link as a URL', async () => {
    const { bom } = await render(lineageReport());
    expect(bom.components[1].licenses).toEqual([{ expression: 'MIT OR Apache-2.0', acknowledgement: 'declared' }]);
  });

  it('has unique bom-refs', async () => {
    const { text } = await render(lineageReport());
    const refs = [...text.matchAll(/"bom-ref": ("(?:[^"\\]|\\.)*")/g)].map((m) => JSON.parse(m[1]) as string);
    expect(new Set(refs).size).toBe(refs.length);
  });
});

describe('bom-refs where spellings meet', () => {
  const weight = (path: string): ReportArtifact['weights'][number] => ({
    path,
    status: 'present',
    format: 'other',
    sha256: null,
    digestVia: null,
    size: null
  });
  const dataset = (raw: string, id: string | null): ReportArtifact['datasets'][number] => ({
    raw,
    id,
    revision: null,
    resolved: null,
    license: null,
    path: 'b/lineage.yaml',
    line: 3
  });

  it('counts a weight repeated in its artifact and a dataset spelled twice; artifact refs stay exact', async () => {
    const report = buildReport({
      version: '9.9.9',
      failOn: 'error',
      artifacts: [
        artifact({ dir: 'a', weights: [weight('a/w.bin'), weight('a/w.bin')] }),
        // Another artifact's weight with the same file name is under its own directory.
        artifact({ dir: 'b', weights: [weight('b/w.bin')], datasets: [dataset('x', 'Org/D'), dataset('Org/D', null)] })
      ],
      findings: [],
      changeSource: 'test',
      notes: [],
      manifestsCount: 2,
      policy: SAMPLE_POLICY
    });
    const { bom, text } = await render(report);
    await expectValidBom(text);
    const [a, b, ...data] = bom.components;
    expect([a['bom-ref'], b['bom-ref']]).toEqual(['artifact:a', 'artifact:b']);
    expect(a.components!.map((c) => c['bom-ref'])).toEqual(['weight:a/w.bin', 'weight:a/w.bin#2']);
    expect(b.components!.map((c) => c['bom-ref'])).toEqual(['weight:b/w.bin']);
    expect(data.map((d) => d['bom-ref'])).toEqual(['dataset:Org/D', 'dataset:Org/D#2']);
  });
});

describe('the validator', () => {
  it('rejects what CycloneDX 1.6 does not allow, so a passing test means a valid BOM', async () => {
    const { bom } = await render(lineageReport());
    const broken = structuredClone(bom);
    broken.components[0].hashes = [{ alg: 'SHA-256', content: 'not hex' }];
    expect(await cycloneDxErrors(JSON.stringify(broken))).not.toBeNull();
    const unknownSpdx = structuredClone(bom);
    unknownSpdx.components[0].licenses = [{ license: { id: 'apache-2.0' } }];
    expect(await cycloneDxErrors(JSON.stringify(unknownSpdx))).not.toBeNull();
    const badModelCard = structuredClone(bom);
    badModelCard.components[0].modelCard = { modelParameters: { datasets: [{ ref: '' }] } };
    expect(await cycloneDxErrors(JSON.stringify(badModelCard))).not.toBeNull();
  });
});

describe('CycloneDX helpers', () => {
  it('builds purl-spec huggingface purls: org required, case kept, commit lowercased', () => {
    expect(huggingfacePurl('Qwen/Qwen3-4B', BASE_SHA)).toBe(`pkg:huggingface/Qwen/Qwen3-4B@${BASE_SHA.toLowerCase()}`);
    expect(huggingfacePurl('Qwen/Qwen3-4B', 'main')).toBe('pkg:huggingface/Qwen/Qwen3-4B');
    expect(huggingfacePurl('gpt2', SHA)).toBeUndefined();
    expect(huggingfacePurl('a/b/c')).toBeUndefined();
    expect(huggingfacePurl(`x/${HOSTILE.html}`)).toBeUndefined();
    expect(pinnedCommit('main', BASE_SHA)).toBe(BASE_SHA.toLowerCase());
    expect(pinnedCommit(SHA, BASE_SHA)).toBe(SHA);
    expect(pinnedCommit('main', null)).toBeUndefined();
    expect(hubModelPage('gpt2')).toBe('https://huggingface.co/gpt2');
    expect(hubModelPage('../../evil')).toBeUndefined();
    expect(hubDatasetPage('acme/data')).toBe('https://huggingface.co/datasets/acme/data');
    expect(hubDatasetPage('squad')).toBeUndefined();
  });

  it('nests by depth without inventing parent links', () => {
    const tree = nestByDepth([
      { id: 'a', depth: 1 },
      { id: 'b', depth: 2 },
      { id: 'c', depth: 3 }
    ]);
    expect(JSON.stringify(tree)).toBe(
      JSON.stringify([
        {
          item: { id: 'a', depth: 1 },
          ancestors: [{ item: { id: 'b', depth: 2 }, ancestors: [{ item: { id: 'c', depth: 3 }, ancestors: [] }] }]
        }
      ])
    );
    const merge = nestByDepth([
      { id: 'a', depth: 1 },
      { id: 'b', depth: 1 },
      { id: 'c', depth: 2 }
    ]);
    expect(merge.map((t) => t.item.id)).toEqual(['a', 'b', 'c']);
    expect(nestByDepth([])).toEqual([]);
  });

  it('maps licenses: SPDX list ids, expressions, Hub ids and names', () => {
    expect(spdxLicenseId('apache-2.0')).toBe('Apache-2.0');
    expect(spdxLicenseId('llama3.1')).toBeUndefined();
    expect(spdxLicenseId('GPL-2.0+')).toBeUndefined();
    expect(licenseChoice({ id: 'GPL-2.0+' }, 'concluded').map((l) => l.constructor.name)).toEqual([
      'LicenseExpression'
    ]);
    expect(licenseChoice({ id: 'llama3.1' }, 'declared').map((l) => l.constructor.name)).toEqual(['NamedLicense']);
    expect(licenseChoice({ id: null, name: null, link: 'https://x.test' }, 'declared')).toEqual([]);
    expect(licenseChoice(null, 'declared')).toEqual([]);
    expect(httpUrl('javascript:alert(1)')).toBeUndefined();
    expect(httpUrl('https://ex.test/a b|c%zz')).toBe('https://ex.test/a%20b%7Cc%25zz');
  });
});
