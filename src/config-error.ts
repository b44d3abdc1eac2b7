/**
 * A problem with how the gate was invoked or configured (inputs, flags, policy), as opposed to a
 * finding or a crash: the Action fails the step with it, the CLI exits with status 2.
 */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
