/**
 * A problem with how the gate was invoked or configured (inputs, flags, policy), as opposed to a
 * finding or a crash: the Action fails the step with it, the CLI exits with status 2.
 */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** One problem of a policy file, at the offending value (1-based line and column). */
export interface PolicyProblem {
  /** Repository-relative path of the policy file. */
  file: string;
  line: number;
  column: number;
  message: string;
}

/** An invalid policy file: every problem found (the first ones, in file order), each at its line. */
export class PolicyError extends ConfigError {
  override name = 'PolicyError';
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly problems: readonly PolicyProblem[];

  constructor(problems: readonly PolicyProblem[]) {
    if (problems.length === 0) throw new Error('PolicyError needs at least one problem');
    const [first] = problems;
    const more =
      problems.length > 1 ? ` (and ${problems.length - 1} more ${problems.length === 2 ? 'problem' : 'problems'})` : '';
    super(
      `The policy file ${first.file} is invalid: ${first.message} (line ${first.line}, column ${first.column})${more}.`
    );
    this.file = first.file;
    this.line = first.line;
    this.column = first.column;
    this.problems = problems;
  }
}
