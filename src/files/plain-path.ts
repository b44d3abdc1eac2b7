/** A repository path as written in a file someone else controls: `/`-separated, no empty, `.` or `..` step. */
export function isPlainPath(path: string): boolean {
  return path.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}
