import type { Rule } from './rule.js';

export const waiverExpired: Rule = {
  id: 'waiver-expired',
  meta: {
    description: 'A waiver in the policy file has passed its `expires` date: it no longer waives anything.',
    defaultSeverity: 'warning',
    docs: 'docs/rules/waiver-expired.md'
  },
  check: () => [],
  checkRun({ expiredWaivers }) {
    return expiredWaivers.map((w) => ({
      path: w.at.path,
      at: { line: w.at.line, column: w.at.column, endLine: w.at.line, endColumn: w.at.column + 1 },
      message:
        `The waiver of \`${w.rule}\` for ` +
        `${JSON.stringify(w.path)}${w.upstream ? ` (upstream ${JSON.stringify(w.upstream)})` : ''} expired ` +
        `on ${w.expires}; the findings it covered count again. Its reason was: ${JSON.stringify(w.reason)}.`,
      fix:
        'Fix the findings it covered, or renew the waiver with ' +
        'a new `expires` date after reviewing its reason again.',
      subject: `${w.rule}:${w.path}:${w.upstream ?? ''}`
    }));
  }
};
