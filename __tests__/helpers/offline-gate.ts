import { runGate } from '../../src/pipeline.js';
import { defaultPolicy } from '../../src/policy/defaults.js';
import type { Report } from '../../src/report/report.js';

/** The whole engine over every file under `root`, Hub off, default policy, at a fixed date. */
export function scanOffline(root: string): Promise<Report> {
  return runGate({
    workspace: root,
    changeSet: { scope: 'all', changes: [], source: 'full scan', notes: [] },
    include: () => true,
    failOn: 'error',
    policy: defaultPolicy(),
    now: new Date('2026-11-23T12:00:00Z'),
    hub: { off: 'test' }
  });
}
