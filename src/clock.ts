import { ConfigError } from './config-error.js';

/**
 * Today, for waiver expiry. `LINEAGE_GATE_NOW` (an ISO date) pins it, so that a workflow or a test
 * can check how a policy will behave on a given day. Shared by the Action and the CLI.
 */
export function clockFromEnv(env: Record<string, string | undefined>): Date {
  const pinned = env.LINEAGE_GATE_NOW;
  if (!pinned) return new Date();
  const date = new Date(pinned);
  if (Number.isNaN(date.getTime()))
    throw new ConfigError(`LINEAGE_GATE_NOW must be an ISO date; got ${JSON.stringify(pinned)}.`);
  return date;
}
