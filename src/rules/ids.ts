/**
 * Every rule id of the contract (DESIGN's table), implemented or planned: the policy may name any
 * of them, so a policy written today keeps working when a planned rule lands.
 */
export const RULE_IDS: readonly string[] = [
  'unreadable-manifest',
  'schema-violation',
  'missing-upstream',
  'unresolvable-upstream',
  'invalid-hub-id',
  'unqualified-hub-id',
  'unpinned-revision',
  'missing-license',
  'unknown-license',
  'missing-attribution',
  'unmanifested-weights',
  'license-not-allowed',
  'upstream-not-allowed',
  'license-conflict',
  'naming-requirement',
  'non-commercial-upstream',
  'insufficient-evidence',
  'hub-repo-not-found',
  'hub-revision-not-found',
  'hub-gated',
  'hub-disabled',
  'hub-license-mismatch',
  'hub-unreachable',
  'inconsistent-lineage',
  'dangling-parent',
  'lineage-cycle',
  'digest-mismatch',
  'orphaned-by-deletion',
  'shape-mismatch',
  'removed-mix-source',
  'invalid-mix-weight',
  'waiver-expired'
];
