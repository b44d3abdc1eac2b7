/**
 * Makes text from a pull request safe to print on a runner: the runner treats any line that starts
 * with `::` as a workflow command, so untrusted text is kept on one line and never leads a line.
 */
export function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/::/g, ': :');
}
