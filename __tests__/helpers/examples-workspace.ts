import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './git-repo.js';
import { PROJECT_ROOT } from './run-action.js';

/** A fresh workspace holding a copy of examples/ (tests may change it freely). */
export function examplesWorkspace(prefix = 'lg-examples-'): string {
  const workspace = tempDir(prefix);
  cpSync(join(PROJECT_ROOT, 'examples'), join(workspace, 'examples'), { recursive: true });
  return workspace;
}
