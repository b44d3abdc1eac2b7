import { createHash } from 'node:crypto';

/**
 * Identity of a finding that survives reruns and line moves: rule, file and the finding's
 * subject (e.g. the upstream id it is about), never its position. NUL cannot occur in any of
 * them, so distinct triples cannot collide by concatenation.
 */
export function fingerprint(ruleId: string, path: string, subject: string): string {
  return createHash('sha256').update(`${ruleId}\0${path}\0${subject}`).digest('hex').slice(0, 32);
}
