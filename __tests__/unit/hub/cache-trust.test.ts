import { join } from 'node:path';
import { cacheDistrust } from '../../../src/hub/cache-trust.js';
import { tempDir } from '../../helpers/git-repo.js';

describe('cacheDistrust', () => {
  const workspace = tempDir('lg-trust-');
  const inside = join(workspace, '.cache/hub.json');
  const base = { workspace, cachePath: inside, eventName: 'push', changedPaths: [] as string[] };

  it('ignores a cache inside the checkout of a pull request', () => {
    for (const eventName of ['pull_request', 'pull_request_target', 'merge_group'])
      expect(cacheDistrust({ ...base, eventName })).toMatch(/inside the checkout of a pull request/);
  });

  it('ignores a cache inside the workspace that the change set touches, on any event', () => {
    expect(cacheDistrust({ ...base, changedPaths: ['.cache/hub.json'] })).toMatch(/change set touches it/);
    expect(cacheDistrust({ ...base, changedPaths: ['models/a.json'] })).toBeUndefined();
  });

  it('trusts a cache outside the workspace (RUNNER_TEMP), even on a pull request', () => {
    const cachePath = join(tempDir('lg-trust-temp-'), 'hub.json');
    expect(cacheDistrust({ ...base, cachePath, eventName: 'pull_request' })).toBeUndefined();
  });
});
