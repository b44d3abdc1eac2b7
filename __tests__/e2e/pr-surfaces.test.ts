/**
 * End-to-end: the sticky PR comment over several runs of one pull request, through dist/index.js
 * against a loopback GitHub API.
 */
import { describe, expect, it } from '@jest/globals';
import { tempDir } from '../helpers/git-repo.js';
import { pullRequestPayload, standInsClosedAfterEach, writeFiles } from '../helpers/pull-request-stand-in.js';
import { runAction } from '../helpers/run-action.js';

const MARKER = '<!-- lineage-gate:sticky -->';
const BAD = JSON.stringify({ peft_type: 'LORA', base_model_name_or_path: '/content/base-1', r: 8 });

const standIn = standInsClosedAfterEach();

describe('sticky PR comment', () => {
  it('creates one comment, updates it in place, and says so when a later run passes', async () => {
    const dir = tempDir('lg-pr-');
    writeFiles(dir, { 'a/adapter_config.json': BAD });
    const gh = await standIn();
    gh.files.push({ path: 'a/adapter_config.json', status: 'added' });
    const run = (action: 'opened' | 'synchronize', sha: string) =>
      runAction({
        workspace: dir,
        eventName: 'pull_request',
        payload: pullRequestPayload(action, sha),
        apiUrl: gh.server.url
      });

    const first = await run('opened', 'a'.repeat(40));
    expect(first.code).toBe(1);
    expect(gh.issueComments).toHaveLength(1);
    expect(gh.issueComments[0].body.startsWith(MARKER)).toBe(true);
    expect(gh.issueComments[0].body).toContain('Lineage gate: fail');
    expect(gh.issueComments[0].body).toContain(
      'https://github.com/acme/models/blob/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/a/adapter_config.json#L1'
    );
    // The artifact's pedigree id, as in the job summary (docs/pedigree.md).
    const pedigree = /Pedigree: `(sha256:[0-9a-f]{64})`/.exec(first.summary)?.[1];
    expect(pedigree).toBeDefined();
    expect(gh.issueComments[0].body).toContain(`Pedigree: \`${pedigree}\``);
    const id = gh.issueComments[0].id;

    const second = await run('synchronize', 'b'.repeat(40));
    expect(second.code).toBe(1);
    expect(gh.issueComments).toHaveLength(1);
    expect(gh.issueComments[0].body).toContain('/blob/bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb/');
    expect(second.stdout).toContain(`PR comment updated (#${id}).`);

    writeFiles(dir, {
      'a/adapter_config.json': JSON.stringify({
        peft_type: 'LORA',
        base_model_name_or_path: 'Qwen/Qwen3-4B',
        revision: '1cfa9a7208912126459214e8b04321603b3df60c',
        r: 8
      }),
      'a/README.md': '---\nbase_model: Qwen/Qwen3-4B\nlicense: apache-2.0\n---\n'
    });
    gh.files.push({ path: 'a/README.md', status: 'added' });
    const fixed = await run('synchronize', 'c'.repeat(40));
    expect(fixed.code).toBe(0);
    expect(gh.issueComments).toHaveLength(1);
    expect(gh.issueComments[0].id).toBe(id);
    expect(gh.issueComments[0].body).toContain('Lineage gate: pass');
  }, 60000);

  it('does not comment on a passing pull request with the default on-failure', async () => {
    const dir = tempDir('lg-pr-pass-');
    writeFiles(dir, {
      'a/adapter_config.json': JSON.stringify({
        peft_type: 'LORA',
        base_model_name_or_path: 'Qwen/Qwen3-4B',
        revision: '1cfa9a7208912126459214e8b04321603b3df60c',
        r: 8
      }),
      'a/README.md': '---\nbase_model: Qwen/Qwen3-4B\nlicense: apache-2.0\n---\n'
    });
    const gh = await standIn();
    gh.files.push({ path: 'a/adapter_config.json', status: 'added' }, { path: 'a/README.md', status: 'added' });
    const run = await runAction({
      workspace: dir,
      eventName: 'pull_request',
      payload: pullRequestPayload('opened', 'a'.repeat(40)),
      apiUrl: gh.server.url
    });
    expect(run.code).toBe(0);
    expect(gh.writes()).toEqual([]);
  });
});
