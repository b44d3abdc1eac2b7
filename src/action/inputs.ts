import { ConfigError } from '../config-error.js';
import type { FailOn } from '../pipeline.js';

/** Reads one input the way the runner passes it: env `INPUT_<NAME>` (hyphens kept). */
export type InputReader = (name: string) => string;

export interface ActionInputs {
  token: string;
  /** Policy file path, or `owner/repo/path@ref`; empty: `.github/lineage-policy.yml` when it exists. */
  policy: string;
  /** Token for a policy in another repository (`owner/repo/path@ref`); empty: `token`. */
  policyToken: string;
  /** `head`: the policy in the checkout; `base`: the policy at the pull request's base commit. */
  policyRef: 'head' | 'base';
  hubVerify: string;
  hubEndpoint: string;
  hubToken: string;
  hubCache: string;
  hubMaxDepth: string;
  paths: string[];
  scope: 'changed' | 'all';
  failOn: FailOn;
  reportFile: string;
  /** Where to write SARIF 2.1.0 for code scanning; empty: not written. */
  sarifFile: string;
  /** Where to write the CycloneDX 1.6 ML-BOM; empty: not written. */
  bomFile: string;
  /** Where to write the in-toto Statement v1 of the run (docs/attestation.md); empty: not written. */
  attestationFile: string;
  comment: 'on-failure' | 'always' | 'never';
  checkRun: boolean;
  /** One review per run with line comments on the findings inside the diff. */
  reviewComments: boolean;
  baseRef: string;
  headRef: string;
}

/**
 * Inputs declared in action.yml whose feature is not built yet, with the values that mean
 * "feature off" and so are safe to accept.
 */
const NOT_YET: Record<string, string[]> = {};

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new ConfigError(
    `Input \`${name}\` must be one of ${allowed.map((a) => `\`${a}\``).join(', ')}; got ${JSON.stringify(value)}.`
  );
}

/** Globs, one per line or separated by commas; blank entries and `#` comments ignored. */
export function splitGlobs(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s && !s.startsWith('#'));
}

export function readInputs(read: InputReader): ActionInputs {
  for (const [name, harmless] of Object.entries(NOT_YET)) {
    const value = read(name).trim();
    if (value && !harmless.includes(value.toLowerCase())) {
      const accepted = harmless.length ? ` (only ${harmless.map((h) => `\`${h}\``).join(', ')} is accepted)` : '';
      throw new ConfigError(
        `Input \`${name}\` is not supported yet in this version of lineage-gate${accepted}; ` +
          'remove it from the workflow step.'
      );
    }
  }
  const baseRef = read('base-ref').trim();
  const headRef = read('head-ref').trim();
  if (Boolean(baseRef) !== Boolean(headRef)) {
    throw new ConfigError('Inputs `base-ref` and `head-ref` go together: set both or neither.');
  }
  return {
    token: read('token').trim(),
    policy: read('policy').trim(),
    policyToken: read('policy-token').trim(),
    policyRef: oneOf('policy-ref', read('policy-ref').trim() || 'head', ['head', 'base'] as const),
    hubVerify: read('hub-verify').trim(),
    hubEndpoint: read('hub-endpoint').trim(),
    hubToken: read('hub-token').trim(),
    hubCache: read('hub-cache').trim(),
    hubMaxDepth: read('hub-max-depth').trim(),
    paths: splitGlobs(read('paths')),
    scope: oneOf('scope', read('scope').trim() || 'changed', ['changed', 'all'] as const),
    failOn: oneOf('fail-on', read('fail-on').trim() || 'error', ['error', 'warning', 'never'] as const),
    reportFile: read('report-file').trim(),
    sarifFile: read('sarif-file').trim(),
    bomFile: read('bom-file').trim(),
    attestationFile: read('attestation-file').trim(),
    comment: oneOf('comment', read('comment').trim() || 'on-failure', ['on-failure', 'always', 'never'] as const),
    checkRun: oneOf('check-run', read('check-run').trim() || 'false', ['true', 'false'] as const) === 'true',
    reviewComments:
      oneOf('review-comments', read('review-comments').trim() || 'false', ['true', 'false'] as const) === 'true',
    baseRef,
    headRef
  };
}
