import { redact } from '../hub/safe-text.js';

/**
 * Makes text from a pull request safe to print on a runner: the runner treats any line that starts
 * with `::` as a workflow command, so untrusted text is kept on one line and never leads a line.
 */
export function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/::/g, ': :');
}

/**
 * The tokens of this run. The runner masks whole registered secrets in its log only; every line the
 * Action prints (and the report its surfaces render) is masked here too, token prefixes included.
 */
export const runSecrets: string[] = [];

export function registerSecret(secret: string | undefined): void {
  if (secret && !runSecrets.includes(secret)) runSecrets.push(secret);
}

/** A line for the runner's log: one line, no workflow command, no token. */
export function say(text: string): string {
  return redact(oneLine(text), runSecrets);
}
