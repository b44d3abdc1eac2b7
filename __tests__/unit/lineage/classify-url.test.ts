import { classifyDatasetId, classifyUpstream } from '../../../src/lineage/classify.js';
import { readHubUrl } from '../../../src/lineage/classify-url.js';

const SHA = '488639f1ff808d1d3d0ba301aef8c11461451ec5';

/** `readHubUrl` is also how weight headers and GGUF metadata name their upstream (src/formats). */
describe('readHubUrl', () => {
  it.each<[string, ReturnType<typeof readHubUrl>]>([
    [
      'http://huggingface.co/acme/widget',
      { repoType: 'models', id: 'acme/widget', revision: undefined, via: 'huggingface.co' }
    ],
    [
      'https://huggingface.co/api/datasets/acme/corpus',
      { repoType: 'datasets', id: 'acme/corpus', revision: undefined, via: 'huggingface.co' }
    ],
    [
      'https://huggingface.co/api/spaces/acme/demo',
      { repoType: 'spaces', id: 'acme/demo', revision: undefined, via: 'huggingface.co' }
    ],
    [
      'https://huggingface.co/spaces/acme/demo/tree/main',
      { repoType: 'spaces', id: 'acme/demo', revision: 'main', via: 'huggingface.co' }
    ],
    // A user or organisation may have a repo called `models` or `datasets`: only `/api/…` names the type.
    [
      'https://huggingface.co/acme/models',
      { repoType: 'models', id: 'acme/models', revision: undefined, via: 'huggingface.co' }
    ],
    [
      'https://huggingface.co/acme/datasets',
      { repoType: 'models', id: 'acme/datasets', revision: undefined, via: 'huggingface.co' }
    ]
  ])('%s names a repo', (raw, want) => {
    expect(readHubUrl(raw)).toEqual(want);
  });

  it.each<[string, ReturnType<typeof readHubUrl>]>([
    ['https://huggingface.co/docs/transformers', { repoType: 'models', via: 'huggingface.co' }],
    ['https://huggingface.co/api/collections/acme/widget', { repoType: 'models', via: 'huggingface.co' }],
    ['https://huggingface.co/api/whoami-v2', { repoType: 'models', via: 'huggingface.co' }],
    ['https://huggingface.co/datasets/', { repoType: 'datasets', via: 'huggingface.co' }],
    ['https://huggingface.co/org/bad--name', { repoType: 'models', via: 'huggingface.co' }],
    ['hf://acme/bad--name', { repoType: 'models', via: 'hf://' }],
    ['hf://@main', { repoType: 'models', via: 'hf://' }]
  ])('%s names no repo, but is on the Hub', (raw, want) => {
    expect(readHubUrl(raw)).toEqual(want);
  });

  it.each(['https://huggingface.co:99999/acme/widget', 'https://github.com/acme/widget', 'git@github.com:acme/widget'])(
    '%s is not a Hub URL',
    (raw) => {
      expect(readHubUrl(raw)).toBeUndefined();
    }
  );

  it('is not fooled by hf:// later in a web URL', () => {
    expect(readHubUrl('https://huggingface.co/acme/widget?from=hf://other/model')).toEqual({
      repoType: 'models',
      id: 'acme/widget',
      revision: undefined,
      via: 'huggingface.co'
    });
  });

  it('keeps a path segment that is not valid percent-encoding as written', () => {
    expect(readHubUrl('https://huggingface.co/acme/widget/tree/v%ZZ')).toMatchObject({
      id: 'acme/widget',
      revision: 'v%ZZ'
    });
  });

  it('drops `.git` only from the end of the repo name', () => {
    expect(readHubUrl('https://huggingface.co/acme/model.gitlab-export')).toMatchObject({
      id: 'acme/model.gitlab-export'
    });
    expect(readHubUrl('https://huggingface.co/acme.git/widget.git')).toMatchObject({ id: 'acme.git/widget' });
    // A branch may end in `.git`; only a clone URL's repo name loses it.
    expect(readHubUrl('https://huggingface.co/acme/widget/tree/release.git')).toMatchObject({
      id: 'acme/widget',
      revision: 'release.git'
    });
  });

  it('skips empty path segments of scp-like and hf:// URLs', () => {
    expect(readHubUrl('git@hf.co:/Qwen/Qwen3-4B.git')).toMatchObject({ id: 'Qwen/Qwen3-4B', via: 'hf.co' });
    expect(readHubUrl('hf://Qwen//Qwen3-4B')).toMatchObject({ id: 'Qwen/Qwen3-4B', via: 'hf://' });
  });

  it('keeps a revision of up to 200 characters', () => {
    const longest = 'r'.repeat(200);
    const tooLong = 'r'.repeat(201);
    expect(readHubUrl(`https://huggingface.co/acme/widget/tree/${longest}`)?.revision).toBe(longest);
    expect(readHubUrl(`https://huggingface.co/acme/widget/tree/${tooLong}`)).toMatchObject({
      id: 'acme/widget',
      revision: undefined
    });
    expect(readHubUrl(`hf://acme/widget@${longest}`)?.revision).toBe(longest);
    expect(readHubUrl(`hf://acme/widget@${tooLong}`)).toMatchObject({ id: 'acme/widget', revision: undefined });
  });
});

describe('hf:// filesystem URLs', () => {
  it.each<[string, string, string | undefined]>([
    ['hf://gpt2@main/config.json', 'gpt2', 'main'],
    [`hf://acme/widget@${SHA}`, 'acme/widget', SHA],
    ['hf://acme/widget/config.json', 'acme/widget', undefined],
    // An `@` past the repo id is part of a file path, not a revision.
    ['hf://acme/widget/sub@x/file.bin', 'acme/widget', undefined]
  ])('%s is %s at %s', (raw, id, revision) => {
    expect(readHubUrl(raw)).toEqual({ repoType: 'models', id, revision, via: 'hf://' });
  });

  it('reads a space as a space, never as a model id', () => {
    expect(readHubUrl('hf://spaces/acme/demo')).toMatchObject({ repoType: 'spaces', id: 'acme/demo' });
    expect(classifyUpstream('hf://spaces/acme/demo')).toEqual({ kind: 'url', evidence: 'primary' });
  });
});

describe('dataset URLs', () => {
  it('reads the dataset API URL', () => {
    expect(classifyDatasetId('https://huggingface.co/api/datasets/acme/corpus')).toEqual({
      id: 'acme/corpus',
      revision: undefined
    });
  });
});
