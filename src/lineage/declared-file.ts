import { posix } from 'node:path';

/**
 * The repository path a manifest's file reference (`weights[].path`) names, relative to the
 * manifest's directory; undefined when it would leave the repository.
 */
export function declaredFilePath(manifestPath: string, file: string): string | undefined {
  const joined = posix.normalize(posix.join(posix.dirname(manifestPath), file.replace(/\\/g, '/')));
  return joined === '..' || joined.startsWith('../') || joined.startsWith('/') ? undefined : joined;
}
