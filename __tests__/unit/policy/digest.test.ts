/** The policy's digest in the report and the attestation: kept by reformatting, changed by a setting. */
import { policyDigest } from '../../../src/policy/digest.js';
import { parsePolicy } from '../../../src/policy/load.js';
import { defaultPolicy } from '../../../src/policy/defaults.js';
import { RULE_IDS } from '../../../src/rules/ids.js';

const POLICY = `version: 1
rules:
  unpinned-revision: error
licenses:
  deny: [cc-by-nc-4.0]
waivers:
  - rule: missing-license
    path: legacy/**
    reason: predates the policy
    expires: 2027-01-31
`;

const REFORMATTED = `# the same policy, written another way
version: 1

waivers:
- {rule: missing-license, path: "legacy/**", reason: predates the policy, expires: "2027-01-31"}
licenses: { deny: ["cc-by-nc-4.0"] }
rules: { unpinned-revision: error }
`;

const digestOf = (text: string, file = '.github/lineage-policy.yml') => policyDigest(parsePolicy(text, file, RULE_IDS));

describe('policyDigest', () => {
  it('is a sha256 that reformatting, reordering and moving the file keep', () => {
    expect(digestOf(POLICY)).toMatch(/^[0-9a-f]{64}$/);
    expect(digestOf(REFORMATTED, 'policies/other.yaml')).toBe(digestOf(POLICY));
  });

  it('changes with a rule severity, a license list, a waiver or its expiry', () => {
    const variants = [
      POLICY.replace('unpinned-revision: error', 'unpinned-revision: warning'),
      POLICY.replace('cc-by-nc-4.0', 'cc-by-nc-sa-4.0'),
      POLICY.replace('legacy/**', 'old/**'),
      POLICY.replace('2027-01-31', '2027-02-01')
    ];
    const digests = new Set([digestOf(POLICY), ...variants.map((v) => digestOf(v))]);
    expect(digests.size).toBe(variants.length + 1);
  });

  it('gives the built-in defaults a digest of their own', () => {
    expect(policyDigest(defaultPolicy())).toMatch(/^[0-9a-f]{64}$/);
    expect(policyDigest(defaultPolicy())).not.toBe(digestOf(POLICY));
  });
});
