/**
 * End-to-end: a Hub whose host name does not resolve is one hub-unreachable finding naming every
 * upstream left unverified, after one attempt per question at most (DNS failures are not retried),
 * far inside the run's 60 s Hub budget.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/git-repo.js';
import { writeFiles } from '../helpers/pull-request-stand-in.js';
import { runAction } from '../helpers/run-action.js';

// `.invalid` is reserved (RFC 2606): it never resolves.
const NOWHERE = 'http://lineage-gate-test.invalid';
const lineage = (...ids: string[]) =>
  `schema: 1\nupstreams:\n${ids.map((id) => `  - id: ${id}\n`).join('')}license: { id: apache-2.0 }\n`;
const peft = (base: string) => JSON.stringify({ peft_type: 'LORA', base_model_name_or_path: base, r: 8 }, null, 2);

describe('a Hub that cannot be resolved', () => {
  it('is one hub-unreachable finding listing the unverified upstreams, quickly', async () => {
    const dir = tempDir('lg-hub-nowhere-');
    writeFiles(dir, {
      'a/lineage.yaml': lineage('Qwen/Qwen2.5-7B', 'meta-llama/Llama-3.1-8B'),
      'b/adapter_config.json': peft('mistralai/Mistral-7B-v0.1'),
      'b/README.md': '---\nlicense: apache-2.0\n---\n# b\n'
    });
    const started = Date.now();
    const run = await runAction({
      workspace: dir,
      eventName: 'workflow_dispatch',
      payload: {},
      inputs: { scope: 'all', 'hub-endpoint': NOWHERE, 'report-file': 'report.json', 'fail-on': 'never' },
      env: { HF_HUB_OFFLINE: '' },
      timeoutMs: 30_000
    });
    const took = Date.now() - started;
    expect(run.code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as {
      findings: { ruleId: string; message: string; path: string; line: number; helpUri: string }[];
    };
    const unreachable = report.findings.filter((f) => f.ruleId === 'hub-unreachable');
    expect(unreachable).toHaveLength(1);
    const [finding] = unreachable;
    expect(finding.path).toBe('a/lineage.yaml');
    expect(finding.line).toBe(3);
    expect(finding.message).toMatch(/ENOTFOUND|EAI_AGAIN/);
    expect(finding.message).toContain('the host name does not resolve; not asked again');
    expect(finding.message).toContain(
      '3 upstreams left unverified: Qwen/Qwen2.5-7B, meta-llama/Llama-3.1-8B, mistralai/Mistral-7B-v0.1.'
    );
    expect(run.annotations.filter((a) => a.includes('title=hub-unreachable'))).toHaveLength(1);
    // Five attempts with backoff would take seconds per question; one attempt takes milliseconds.
    expect(took).toBeLessThan(15_000);
    expect(run.stdout).toMatch(
      /Hub http:\/\/lineage-gate-test\.invalid: 3 question\(s\), 0 from the cache, [1-3] request/
    );
  }, 40_000);
});
