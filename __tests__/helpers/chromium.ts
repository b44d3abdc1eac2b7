/**
 * The system's Chromium for the browser tests (Playwright's own browser download is blocked here):
 * Debian's `chromium` package. Undefined when none is installed; the tests then skip and say how.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const INSTALL_HINT =
  "no Chromium found: install Debian's package (`apt-get install -y chromium`) or set CHROMIUM_PATH";

/** Debian's /usr/bin/chromium is a shell wrapper; the binary behind it is what Playwright should drive. */
const CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function chromiumPath(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  const found = CANDIDATES.find((path) => existsSync(path));
  if (found) return found;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}
