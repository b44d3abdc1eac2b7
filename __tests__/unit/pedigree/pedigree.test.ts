/**
 * The pedigree id (docs/pedigree.md): stable under everything that is only how the lineage is
 * written, changed by any single bound fact. Properties over generated artifacts (fast-check), then
 * the same through the whole engine over manifests written in different ways.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import {
  canonicalJson,
  PEDIGREE_VERSION,
  pedigreeId,
  pedigreeRecord,
  type PedigreeSource
} from '../../../src/pedigree/pedigree.js';
import { scanOffline } from '../../helpers/offline-gate.js';
import { ggufBytes, safetensorsBytes } from '../../helpers/weights.js';

type Upstream = PedigreeSource['upstreams'][number];
type Weight = PedigreeSource['weights'][number];
type Dataset = PedigreeSource['datasets'][number];

const word = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,11}$/);
const hex = (n: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${n}}$`));
const hubId = fc.tuple(word, word).map(([a, b]) => `${a}/${b}`);
const ROLES = ['base', 'upstream', 'merge-parent', 'quantized-from', 'tokenizer'];

const MANIFESTS = ['models/a/adapter_config.json', 'models/a/README.md', 'models/a/lineage.yaml'];

const upstream: fc.Arbitrary<Upstream> = fc.record({
  path: fc.constantFrom(...MANIFESTS),
  raw: fc.option(word, { nil: null }),
  kind: fc.constantFrom('hub-id', 'bare-id', 'local-path', 'url'),
  id: fc.option(hubId, { nil: null }),
  revision: fc.option(fc.oneof(hex(40), word), { nil: null }),
  role: fc.constantFrom(...ROLES),
  hub: fc.option(
    fc.record({
      sha: fc.option(hex(40), { nil: null }),
      ancestors: fc.uniqueArray(fc.record({ id: hubId, depth: fc.integer({ min: 1, max: 5 }) }), {
        maxLength: 3,
        selector: (a) => a.id
      })
    }),
    { nil: null }
  )
});

const weight = (dir: string): fc.Arbitrary<Weight> =>
  fc.record({
    path: word.map((name) => `${dir}/${name}.safetensors`),
    status: fc.constantFrom('added', 'modified', 'present', 'renamed'),
    sha256: fc.option(hex(64), { nil: null }),
    size: fc.option(fc.nat(), { nil: null })
  });

const dataset: fc.Arbitrary<Dataset> = fc.record({
  path: fc.constantFrom(...MANIFESTS),
  raw: word,
  id: fc.option(hubId, { nil: null }),
  revision: fc.option(word, { nil: null }),
  resolved: fc.option(hex(40), { nil: null }),
  license: fc.option(word, { nil: null })
});

const TRAINING_KEYS = ['method', 'rank', 'alpha', 'framework', 'runId'];

const source: fc.Arbitrary<PedigreeSource> = fc.record({
  dir: fc.constant('models/a'),
  upstreams: fc.uniqueArray(upstream, { maxLength: 4, selector: (u) => canonicalJson(u) }),
  license: fc.option(
    fc.record({
      id: fc.option(word, { nil: null }),
      name: fc.option(word, { nil: null }),
      link: fc.option(word, { nil: null })
    }),
    { nil: null }
  ),
  attribution: fc.option(
    fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')),
    { nil: null }
  ),
  relations: fc.uniqueArray(fc.constantFrom('adapter', 'finetune', 'quantized', 'merge'), { maxLength: 2 }),
  training: fc.dictionary(
    fc.constantFrom(...TRAINING_KEYS),
    fc.uniqueArray(fc.oneof(word, fc.integer({ min: 1, max: 4096 })), { minLength: 1, maxLength: 2 })
  ),
  weights: fc.uniqueArray(weight('models/a'), { maxLength: 3, selector: (w) => w.path }),
  datasets: fc.uniqueArray(dataset, { maxLength: 3, selector: (d) => canonicalJson(d) })
});

const id = (s: PedigreeSource) => pedigreeId(pedigreeRecord(s));

/** Deterministic shuffle driven by fast-check's random numbers. */
function shuffled<T>(items: readonly T[], keys: readonly number[]): T[] {
  return items
    .map((item, i) => ({ item, key: keys[i % Math.max(1, keys.length)] ?? 0, i }))
    .sort((a, b) => a.key - b.key || b.i - a.i)
    .map((e) => e.item);
}

/** Upper-cases an id's ASCII letters and pads every text with white space: how it is written, not what. */
function rewritten(s: PedigreeSource, keys: number[]): PedigreeSource {
  const pad = (t: string | null) => (t === null ? null : `  ${t.split(' ').join(' \n\t ')} `);
  return {
    dir: 'elsewhere/b',
    upstreams: shuffled(
      s.upstreams.map((u) => ({
        ...u,
        path: 'elsewhere/b/another-manifest.yaml',
        id: u.id === null ? null : u.id.toUpperCase(),
        raw: u.id === null ? pad(u.raw) : `${u.raw ?? ''} written another way`,
        hub: u.hub ? { ...u.hub, ancestors: shuffled(u.hub.ancestors, keys) } : null
      })),
      keys
    ),
    license: s.license,
    attribution: pad(s.attribution),
    relations: shuffled(s.relations, keys),
    training: Object.fromEntries(shuffled(Object.entries(s.training), keys).map(([k, v]) => [k, shuffled(v, keys)])),
    weights: shuffled(
      s.weights.map((w) => ({ ...w, path: w.path.replace(/^models\/a\//, 'elsewhere/b/') })),
      keys
    ),
    datasets: shuffled(
      s.datasets.map((d) => ({
        ...d,
        path: 'elsewhere/b/README.md',
        id: d.id?.toUpperCase() ?? null,
        raw: d.id === null ? d.raw : `${d.raw}!`
      })),
      keys
    )
  };
}

/** Every single change of a bound fact the source allows, each as a new source. */
function singleChanges(s: PedigreeSource): { what: string; changed: PedigreeSource }[] {
  const out: { what: string; changed: PedigreeSource }[] = [];
  const at = <T>(list: readonly T[], i: number, value: T) => list.map((x, j) => (j === i ? value : x));
  s.upstreams.forEach((u, i) => {
    const set = (what: string, value: Upstream) =>
      out.push({ what, changed: { ...s, upstreams: at(s.upstreams, i, value) } });
    set('revision', { ...u, revision: u.revision === null ? 'v2' : `${u.revision}x` });
    set('role', { ...u, role: ROLES.find((r) => r !== u.role)! });
    set('id', u.id === null ? { ...u, raw: `${u.raw ?? ''}x` } : { ...u, id: `${u.id}x` });
    set('resolved', { ...u, hub: { sha: `${u.hub?.sha ?? ''}f`, ancestors: u.hub?.ancestors ?? [] } });
    set('ancestor', {
      ...u,
      hub: { sha: u.hub?.sha ?? null, ancestors: [...(u.hub?.ancestors ?? []), { id: 'new/anc', depth: 9 }] }
    });
    out.push({ what: 'upstream removed', changed: { ...s, upstreams: s.upstreams.filter((_, j) => j !== i) } });
  });
  out.push({
    what: 'upstream added',
    changed: {
      ...s,
      upstreams: [
        ...s.upstreams,
        { path: MANIFESTS[0], raw: 'x', kind: 'hub-id', id: 'added/one', revision: null, role: 'base', hub: null }
      ]
    }
  });
  s.weights.forEach((w, i) => {
    const set = (what: string, value: Weight) =>
      out.push({ what, changed: { ...s, weights: at(s.weights, i, value) } });
    set('weight bytes', {
      ...w,
      sha256: w.sha256 === null ? '0'.repeat(64) : w.sha256.replace(/^./, (c) => (c === '0' ? '1' : '0'))
    });
    set('weight name', { ...w, path: `${w.path}.bak` });
    set('weight size', { ...w, size: (w.size ?? 0) + 1 });
    set('weight deleted', { ...w, status: 'removed' });
  });
  s.datasets.forEach((d, i) => {
    const set = (what: string, value: Dataset) =>
      out.push({ what, changed: { ...s, datasets: at(s.datasets, i, value) } });
    set('dataset', d.id === null ? { ...d, raw: `${d.raw}x` } : { ...d, id: `${d.id}x` });
    set('dataset revision', { ...d, revision: `${d.revision ?? ''}r` });
    set('dataset resolved', { ...d, resolved: `${d.resolved ?? ''}f` });
    set('dataset license', { ...d, license: `${d.license ?? ''}l` });
  });
  out.push({
    what: 'license',
    changed: {
      ...s,
      license: { id: `${s.license?.id ?? ''}x`, name: s.license?.name ?? null, link: s.license?.link ?? null }
    }
  });
  out.push({ what: 'attribution', changed: { ...s, attribution: `${s.attribution ?? ''} more` } });
  out.push({ what: 'relation', changed: { ...s, relations: [...s.relations, 'distilled'] } });
  for (const [key, values] of Object.entries(s.training)) {
    out.push({
      what: `training ${key}`,
      changed: {
        ...s,
        training: { ...s.training, [key]: values.map((v) => (typeof v === 'number' ? v + 1 : `${v}x`)) }
      }
    });
  }
  out.push({ what: 'training field added', changed: { ...s, training: { ...s.training, heads: [7] } } });
  return out;
}

describe('pedigree id: properties', () => {
  it('is sha256: over the RFC 8785 text of the record', () => {
    fc.assert(
      fc.property(source, (s) => {
        const record = pedigreeRecord(s);
        const digest = createHash('sha256').update(canonicalize(record)!, 'utf8').digest('hex');
        expect(pedigreeId(record)).toBe(`sha256:${digest}`);
        expect(record.pedigree).toBe(PEDIGREE_VERSION);
      })
    );
  });

  it('stays the same under reordering, re-spacing, case of ids, other spellings and a moved directory', () => {
    fc.assert(
      fc.property(source, fc.array(fc.integer(), { minLength: 1, maxLength: 8 }), (s, keys) => {
        expect(id(rewritten(s, keys))).toBe(id(s));
      }),
      { numRuns: 300 }
    );
  });

  it('changes with any single bound fact', () => {
    fc.assert(
      fc.property(source, (s) => {
        const before = id(s);
        for (const { what, changed } of singleChanges(s)) {
          expect({ what, id: id(changed) }).not.toEqual({ what, id: before });
        }
      }),
      { numRuns: 200 }
    );
  });

  it("leaves out what a weight file's own header names: the file's sha256 binds it", () => {
    fc.assert(
      fc.property(source, upstream, dataset, (s, u, d) => {
        const weightPath = s.weights[0]?.path;
        if (!weightPath) return;
        const fromHeader = { ...s, upstreams: [...s.upstreams, { ...u, path: weightPath }] };
        expect(id({ ...fromHeader, datasets: [...s.datasets, { ...d, path: weightPath }] })).toBe(id(s));
        // A license only a weight header names counts as none; the same license in a manifest counts.
        const license = { id: 'apache-2.0', name: null, link: null };
        expect(id({ ...s, license: { ...license, path: weightPath } })).toBe(id({ ...s, license: null }));
        expect(id({ ...s, license: { ...license, path: MANIFESTS[0] } })).not.toBe(id({ ...s, license: null }));
      })
    );
  });

  it('turns lone surrogates into U+FFFD instead of failing on hostile text', () => {
    const hostile: PedigreeSource = {
      dir: '.',
      upstreams: [
        { path: 'x.json', raw: '\ud800', kind: 'local-path', id: null, revision: null, role: 'base', hub: null }
      ],
      license: null,
      attribution: 'x\udfff',
      relations: [],
      training: { method: ['\ud83d'] },
      weights: [],
      datasets: []
    };
    const record = pedigreeRecord(hostile);
    expect(record.upstreams[0].raw).toBe('\ufffd');
    expect(record.attribution).toBe('x\ufffd');
    expect(pedigreeId(record)).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});

describe('pedigree id: through the engine', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'lg-pedigree-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const pedigreeOf = async (dir: string) =>
    [...(await scanOffline(root)).artifacts].find((a) => a.dir === dir)!.pedigree;

  const CONFIG = {
    base_model_name_or_path: 'Qwen/Qwen3-4B',
    revision: '0123456789abcdef0123456789abcdef01234567',
    peft_type: 'LORA',
    r: 16,
    lora_alpha: 32,
    target_modules: ['q_proj', 'v_proj'],
    task_type: 'CAUSAL_LM'
  };
  const CARD = (base: string) =>
    `---\nbase_model: ${base}\nlicense: apache-2.0\ndatasets:\n- HuggingFaceH4/ultrachat_200k\n---\n\n# Adapter\n`;

  it('keeps the id when the manifests are reformatted, reordered and the id re-cased', async () => {
    write('a/adapter_config.json', JSON.stringify(CONFIG, null, 2));
    write('a/README.md', CARD('Qwen/Qwen3-4B'));
    write('a/adapter_model.safetensors', 'not really weights');
    const before = await pedigreeOf('a');
    const reordered = Object.fromEntries(Object.entries(CONFIG).reverse());
    write('a/adapter_config.json', `${JSON.stringify(reordered)}\n\n`);
    write(
      'a/README.md',
      '---\n# a comment\nlicense: "apache-2.0"\ndatasets: [HuggingFaceH4/ultrachat_200k]\n' +
        'base_model: qwen/qwen3-4b\n---\nOther prose.\n'
    );
    expect(await pedigreeOf('a')).toBe(before);
  });

  it('changes the id when the rank, the pinned revision, a dataset or the weights change', async () => {
    write('a/adapter_config.json', JSON.stringify(CONFIG, null, 2));
    write('a/README.md', CARD('Qwen/Qwen3-4B'));
    write('a/adapter_model.safetensors', 'not really weights');
    const seen = new Set([await pedigreeOf('a')]);
    const changes: (() => void)[] = [
      () => write('a/adapter_config.json', JSON.stringify({ ...CONFIG, r: 8 }, null, 2)),
      () => write('a/adapter_config.json', JSON.stringify({ ...CONFIG, r: 8, revision: 'f'.repeat(40) }, null, 2)),
      () => write('a/README.md', CARD('Qwen/Qwen3-4B').replace('ultrachat_200k', 'ultrafeedback_binarized')),
      () => write('a/adapter_model.safetensors', 'other bytes')
    ];
    for (const change of changes) {
      change();
      const next = await pedigreeOf('a');
      expect(seen).not.toContain(next);
      seen.add(next);
    }
  });

  it('gives real weights (a LoRA safetensors, a GGUF naming its base) and their LFS pointers the same id', async () => {
    write('a/adapter_config.json', JSON.stringify(CONFIG, null, 2));
    const lora = safetensorsBytes([
      { name: 'base_model.model.layers.0.self_attn.q_proj.lora_A.weight', dtype: 'F16', shape: [8, 64] },
      { name: 'base_model.model.layers.0.self_attn.q_proj.lora_B.weight', dtype: 'F16', shape: [64, 8] }
    ]);
    const gguf = ggufBytes({
      entries: [
        ['general.architecture', 'string', 'llama'],
        ['general.base_model.count', 'uint32', 1],
        ['general.base_model.0.repo_url', 'string', 'https://huggingface.co/meta-llama/Llama-3.1-8B'],
        ['general.license', 'string', 'llama3.1']
      ]
    });
    const files: [string, Buffer][] = [
      ['a/adapter_model.safetensors', lora],
      ['g/model.gguf', gguf]
    ];
    for (const [path, bytes] of files) write(path, bytes as unknown as string);
    const report = await scanOffline(root);
    const before = [...report.artifacts].map((a) => [a.dir, a.pedigree]);
    const g = [...report.artifacts].find((a) => a.dir === 'g')!;
    expect(g.upstreams.length).toBeGreaterThan(0);
    expect(g.license).toMatchObject({ id: 'llama3.1', path: 'g/model.gguf' });
    for (const [path, bytes] of files) {
      const sha = createHash('sha256').update(bytes).digest('hex');
      write(path, `version https://git-lfs.github.com/spec/v1\noid sha256:${sha}\nsize ${bytes.length}\n`);
    }
    expect([...(await scanOffline(root)).artifacts].map((a) => [a.dir, a.pedigree])).toEqual(before);
  });

  it('gives a weight file and its LFS pointer the same id', async () => {
    const content = 'weights, for the test';
    const sha = createHash('sha256').update(content).digest('hex');
    write('a/adapter_config.json', JSON.stringify(CONFIG, null, 2));
    write('a/adapter_model.safetensors', content);
    const real = await pedigreeOf('a');
    write(
      'a/adapter_model.safetensors',
      `version https://git-lfs.github.com/spec/v1\noid sha256:${sha}\nsize ${Buffer.byteLength(content)}\n`
    );
    expect(await pedigreeOf('a')).toBe(real);
  });
});
