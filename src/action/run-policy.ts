import * as core from '@actions/core';
import type { Octokit } from '../changes/octokit.js';
import { ConfigError } from '../config-error.js';
import { loadBasePolicy } from '../policy/base-policy.js';
import { loadExternalPolicy, parsePolicyReference } from '../policy/external-policy.js';
import { loadPolicy } from '../policy/load.js';
import type { Policy } from '../policy/policy.js';
import { RULE_IDS } from '../rules/ids.js';
import type { ActionInputs } from './inputs.js';
import { say } from './log.js';

export interface RunPolicyOptions {
  inputs: ActionInputs;
  workspace: string;
  payload: Record<string, unknown>;
  octokit: Octokit | undefined;
  /** The client for a policy in another repository (`policy-token`, else the `token` client). */
  policyOctokit: Octokit | undefined;
  owner: string;
  repo: string;
  /** The run's notes (shown in the summary), which learn about a policy the pull request changes. */
  notes: string[];
}

/** The checkout's policy, or with `policy-ref: base` on a pull request the one at its base commit. */
export async function loadRunPolicy(o: RunPolicyOptions): Promise<Policy> {
  const file = o.inputs.policy || undefined;
  const external = file ? parsePolicyReference(file) : undefined;
  if (external) {
    // Another repository's file: no pull request here can edit it, so policy-ref does not apply.
    if (!o.policyOctokit)
      throw new ConfigError(
        `Input \`policy\` names ${external.text}, read through the GitHub API: ` +
          '`policy-token` and `token` are empty.'
      );
    const policy = await loadExternalPolicy(o.policyOctokit, external, RULE_IDS);
    core.info(`Policy: ${say(external.text)} from another repository (${policy.waivers.length} waiver(s))`);
    return policy;
  }
  const baseSha = (o.payload.pull_request as { base?: { sha?: unknown } } | undefined)?.base?.sha;
  if (o.inputs.policyRef === 'base' && typeof baseSha === 'string' && baseSha) {
    if (!o.octokit)
      throw new ConfigError(
        'policy-ref is `base`, which reads the policy through the GitHub API: the `token` input is empty.'
      );
    const base = await loadBasePolicy({
      octokit: o.octokit,
      owner: o.owner,
      repo: o.repo,
      baseSha,
      file,
      workspace: o.workspace,
      ruleIds: RULE_IDS
    });
    for (const note of base.notes) core.info(say(note));
    o.notes.push(...base.notes.slice(1));
    return base.policy;
  }
  if (o.inputs.policyRef === 'base')
    core.info('policy-ref: base applies to pull requests; this event is judged by the policy in the checkout.');
  const policy = await loadPolicy({ workspace: o.workspace, file, ruleIds: RULE_IDS });
  core.info(
    policy.file
      ? `Policy: ${say(policy.file)} (${policy.waivers.length} waiver(s))`
      : 'Policy: none found at .github/lineage-policy.yml; using the defaults.'
  );
  return policy;
}
