import { reasonForChild, type ActionProcess } from '../../../src/action/launch.js';

function processWith(over: Partial<ActionProcess> & { event?: unknown; node?: string } = {}): ActionProcess {
  const { event, node, ...rest } = over;
  return {
    env: { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: '/event.json', INPUT_SCOPE: 'changed' },
    execArgv: [],
    versions: { ...process.versions, node: node ?? '24.22.3' },
    readEvent: () => JSON.stringify(event ?? { pull_request: { number: 7, changed_files: 12 } }),
    ...rest
  };
}

describe('reasonForChild: which runs go to a node with a small young generation', () => {
  it('full scans do, on Node 22 and later', () => {
    expect(reasonForChild(processWith({ env: { INPUT_SCOPE: ' all ' } }))).toBe('a full scan (scope: all)');
    for (const event of ['schedule', 'workflow_dispatch', 'repository_dispatch'])
      expect(reasonForChild(processWith({ env: { GITHUB_EVENT_NAME: event } }))).toBe(`a full scan (${event} event)`);
    expect(reasonForChild(processWith({ env: { INPUT_SCOPE: 'all' }, node: '22.0.0' }))).toBeDefined();
  });

  it('a pull request does from 5,000 changed files, as its payload counts them', () => {
    const large = processWith({ event: { pull_request: { changed_files: 5_000 } } });
    expect(reasonForChild(large)).toBe('a pull request of 5000 changed files');
    const target = processWith({
      env: { GITHUB_EVENT_NAME: 'pull_request_target', GITHUB_EVENT_PATH: '/e' },
      event: { pull_request: { changed_files: 20_000 } }
    });
    expect(reasonForChild(target)).toBeDefined();
    expect(reasonForChild(processWith({ event: { pull_request: { changed_files: 4_999 } } }))).toBeUndefined();
  });

  it('small pull requests, pushes and unreadable payloads stay in this process', () => {
    expect(reasonForChild(processWith())).toBeUndefined();
    expect(
      reasonForChild(processWith({ env: { GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: '/e' } }))
    ).toBeUndefined();
    const unreadable = processWith({
      readEvent: () => {
        throw new Error('ENOENT');
      }
    });
    expect(reasonForChild(unreadable)).toBeUndefined();
    expect(reasonForChild(processWith({ readEvent: () => '{not json' }))).toBeUndefined();
    expect(reasonForChild(processWith({ event: { pull_request: { changed_files: '9000' } } }))).toBeUndefined();
    expect(reasonForChild(processWith({ env: { GITHUB_EVENT_NAME: 'pull_request' } }))).toBeUndefined();
  });

  it('never on Node 20, nor when node was started with a young generation of its own (the child itself)', () => {
    expect(reasonForChild(processWith({ env: { INPUT_SCOPE: 'all' }, node: '20.20.2' }))).toBeUndefined();
    for (const flag of ['--max-semi-space-size=16', '--max_semi_space_size=64'])
      expect(reasonForChild(processWith({ env: { INPUT_SCOPE: 'all' }, execArgv: [flag] }))).toBeUndefined();
  });
});
