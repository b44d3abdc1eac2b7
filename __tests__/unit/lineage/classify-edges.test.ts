/** Edges of upstream classification that classify.test.ts leaves open: revisions, cache folders, path owners. */
import { classifyDatasetId, classifyUpstream } from '../../../src/lineage/classify.js';
import { declaredFilePath } from '../../../src/lineage/declared-file.js';

const SHA = '488639f1ff808d1d3d0ba301aef8c11461451ec5';
const CACHE = '/root/.cache/huggingface/hub';

describe('revisions written after @', () => {
  it('reports whitespace inside the revision', () => {
    expect(classifyUpstream('acme/widget@my branch').invalidReason).toBe("has whitespace in the revision after '@'");
  });

  it('accepts a revision of up to 200 characters', () => {
    expect(classifyUpstream(`acme/widget@${'r'.repeat(200)}`).invalidReason).toBeUndefined();
    expect(classifyUpstream(`acme/widget@${'r'.repeat(201)}`).invalidReason).toBe(
      'has a revision longer than 200 characters'
    );
  });

  it.each([
    ['acme/widget@cafe123', 'an abbreviated commit, not a full 40-hex sha'],
    ['acme/widget@release-cafe', 'a branch or tag, not a 40-hex commit'],
    ['acme/widget@beef-v2', 'a branch or tag, not a 40-hex commit']
  ])('%s is noted as %s', (raw, remark) => {
    expect(classifyUpstream(raw).recovered).toContain(`(${remark})`);
  });

  it('reads a leading @ as an empty id, not as part of the name', () => {
    expect(classifyUpstream('@main')).toEqual({
      kind: 'bare-id',
      id: '',
      revision: 'main',
      evidence: 'primary',
      recovered: 'split @main into id  and revision main (a branch or tag, not a 40-hex commit)',
      invalidReason: 'is empty'
    });
    expect(classifyDatasetId('@main')).toEqual({ id: '', revision: 'main', problem: 'is empty' });
  });

  it('does not point an invalid reference at the id the Hub now serves', () => {
    expect(classifyUpstream('gpt2@')).toEqual({
      kind: 'bare-id',
      id: 'gpt2',
      evidence: 'primary',
      invalidReason: "has an empty revision after '@'"
    });
  });
});

describe('placeholder text', () => {
  it('notes a placeholder revision even with spaces around it', () => {
    expect(classifyUpstream('acme/widget@ TODO').recovered).toContain('(a placeholder, not a commit)');
  });

  it('takes only a two-part example id as a placeholder, not a path under it', () => {
    expect(classifyUpstream('your-org/your-model')).toEqual({ kind: 'placeholder', evidence: 'primary' });
    expect(classifyUpstream('your-org/your-model/checkpoint-100').kind).toBe('local-path');
  });
});

describe('file:// URLs', () => {
  it('reads file:// only at the start', () => {
    expect(classifyUpstream('https://huggingface.co/acme/widget?from=file:///tmp/x')).toMatchObject({
      kind: 'url',
      id: 'acme/widget'
    });
  });

  it('keeps a path that is not valid percent-encoding as a local path, recovering nothing', () => {
    expect(classifyUpstream('file:///models/acme/%E0%A4%A')).toEqual({ kind: 'local-path', evidence: 'primary' });
  });
});

describe('datasets', () => {
  it.each([
    'https://huggingface.co/datasets/',
    'https://huggingface.co/datasets/squad',
    `${CACHE}/datasets--squad/snapshots/${SHA}/train.json`,
    `${CACHE}/datasets--a--b--c/snapshots/${SHA}/train.json`
  ])('%s names no namespaced Hub dataset', (raw) => {
    expect(classifyDatasetId(raw).id).toBeUndefined();
  });
});

describe('Hugging Face cache paths', () => {
  it.each([
    [`${CACHE}/models--a--b--c/snapshots/${SHA}`, 'a folder name that decodes to three parts'],
    [`${CACHE}/models--acme--bad..name/snapshots/${SHA}`, 'a folder name that decodes to an invalid id']
  ])('%s recovers no id (%s)', (raw) => {
    expect(classifyUpstream(raw)).toEqual({ kind: 'hub-cache-path', evidence: 'primary' });
  });

  it.each([`${CACHE}/models--acme--widget/snapshots/latest`, `${CACHE}/models--acme--widget/.no_exist/${SHA}/x.json`])(
    'takes the revision only from a 40-hex snapshot folder: %s',
    (raw) => {
      expect(classifyUpstream(raw)).toMatchObject({ kind: 'hub-cache-path', id: 'acme/widget', revision: undefined });
    }
  );
});

describe('local paths', () => {
  it('reads three segments as a path', () => {
    expect(classifyUpstream('acme/widget/extra')).toMatchObject({ kind: 'local-path' });
  });

  it.each([
    ['/data/input/acme/widget', 'acme/widget'],
    ['input/acme/widget', 'acme/widget'],
    ['/kaggle/working/acme/widget', 'acme/widget'],
    ['/kaggle/input/some-dataset/widget', undefined]
  ])('%s recovers %s', (raw, id) => {
    expect(classifyUpstream(raw).id).toBe(id);
  });

  it.each([
    '/root/.cache/modelscope',
    '/root/.cache/modelscope/hub/acme',
    '/root/.cache/modelscope/hub/acme/bad..name'
  ])('%s recovers nothing from a ModelScope cache path without a valid id', (raw) => {
    expect(classifyUpstream(raw)).toEqual({ kind: 'local-path', evidence: 'primary' });
  });
  it('reads a `hub` folder outside a ModelScope cache as an ordinary folder', () => {
    expect(classifyUpstream('/srv/hub/acme/widget').recovered).toBe(
      'recovered acme/widget from the last two segments of the local path'
    );
  });
});

describe('declaredFilePath', () => {
  it.each<[string, string, string | undefined]>([
    ['lineage.yaml', 'model.safetensors', 'model.safetensors'],
    ['models/a/lineage.yaml', 'weights/model.safetensors', 'models/a/weights/model.safetensors'],
    ['models/a/lineage.yaml', '../b/model.safetensors', 'models/b/model.safetensors'],
    ['models/a/lineage.yaml', 'weights\\model.safetensors', 'models/a/weights/model.safetensors'],
    ['models/a/lineage.yaml', './model.safetensors', 'models/a/model.safetensors'],
    ['lineage.yaml', '..', undefined],
    ['lineage.yaml', '../model.safetensors', undefined],
    ['models/a/lineage.yaml', '../../../model.safetensors', undefined],
    // A leading `/` does not reach outside: the path is still read from the manifest's folder.
    ['models/a/lineage.yaml', '/etc/passwd', 'models/a/etc/passwd'],
    ['/srv/lineage.yaml', 'model.safetensors', undefined],
    ['lineage.yaml', '..model.safetensors', '..model.safetensors']
  ])('%s names %s as %s', (manifest, file, want) => {
    expect(declaredFilePath(manifest, file)).toBe(want);
  });
});
