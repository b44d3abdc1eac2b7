import { execFileSync } from 'node:child_process';
import { closeSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openChosenFile } from '../../../src/files/open-chosen.js';
import { tempDir } from '../../helpers/git-repo.js';

function outcome(result: ReturnType<typeof openChosenFile>): string {
  if ('refused' in result) return result.refused;
  closeSync(result.fd);
  return `opened ${result.size}`;
}

describe('openChosenFile', () => {
  const workspace = realpathSync(tempDir('lg-chosen-'));
  const outside = realpathSync(tempDir('lg-chosen-out-'));
  writeFileSync(join(outside, 'secret'), 'TOKEN=1');
  execFileSync('mkfifo', [join(outside, 'fifo')]);

  it('inside the workspace: a link out is refused, as openInsideWorkspace does', () => {
    symlinkSync(join(outside, 'secret'), join(workspace, 'policy.yml'));
    expect(outcome(openChosenFile(workspace, join(workspace, 'policy.yml')))).toBe(
      'it is a symbolic link that points outside the repository'
    );
  });

  it('outside the workspace: trusted, so a regular file opens, but a FIFO or a device is refused at once', () => {
    expect(outcome(openChosenFile(workspace, join(outside, 'secret')))).toBe('opened 7');
    expect(outcome(openChosenFile(workspace, join(outside, 'fifo')))).toBe('it is not a regular file');
    expect(outcome(openChosenFile(workspace, '/dev/zero'))).toBe('it is not a regular file');
    expect(outcome(openChosenFile(workspace, join(outside, 'none')))).toBe('the file does not exist');
  });
});
