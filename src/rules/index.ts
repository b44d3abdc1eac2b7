import type { Rule } from './rule.js';
import { unreadableManifest } from './unreadable-manifest.js';
import { schemaViolation } from './schema-violation.js';
import { missingUpstream } from './missing-upstream.js';
import { unresolvableUpstream } from './unresolvable-upstream.js';
import { invalidHubId } from './invalid-hub-id.js';
import { unqualifiedHubId } from './unqualified-hub-id.js';
import { unpinnedRevision } from './unpinned-revision.js';
import { missingLicense } from './missing-license.js';
import { unknownLicense } from './unknown-license.js';
import { missingAttribution } from './missing-attribution.js';
import { unmanifestedWeights } from './unmanifested-weights.js';
import { licenseNotAllowed } from './license-not-allowed.js';
import { upstreamNotAllowed } from './upstream-not-allowed.js';
import { insufficientEvidence } from './insufficient-evidence.js';
import { licenseConflict } from './license-conflict.js';
import { namingRequirement } from './naming-requirement.js';
import { nonCommercialUpstream } from './non-commercial-upstream.js';
import { waiverExpired } from './waiver-expired.js';
import { hubRepoNotFound } from './hub-repo-not-found.js';
import { hubRevisionNotFound } from './hub-revision-not-found.js';
import { hubGated } from './hub-gated.js';
import { hubDisabled } from './hub-disabled.js';
import { hubLicenseMismatch } from './hub-license-mismatch.js';
import { hubUnreachable } from './hub-unreachable.js';
import { inconsistentLineage } from './inconsistent-lineage.js';
import { danglingParent } from './dangling-parent.js';
import { lineageCycle } from './lineage-cycle.js';
import { digestMismatch } from './digest-mismatch.js';
import { orphanedByDeletion } from './orphaned-by-deletion.js';
import { removedMixSource } from './removed-mix-source.js';
import { invalidMixWeight } from './invalid-mix-weight.js';
import { shapeMismatch } from './shape-mismatch.js';

/** Every implemented rule, in the order their findings are listed for one artifact. */
export const RULES: readonly Rule[] = [
  unreadableManifest,
  schemaViolation,
  missingUpstream,
  unresolvableUpstream,
  invalidHubId,
  unqualifiedHubId,
  unpinnedRevision,
  missingLicense,
  unknownLicense,
  missingAttribution,
  unmanifestedWeights,
  orphanedByDeletion,
  removedMixSource,
  invalidMixWeight,
  inconsistentLineage,
  danglingParent,
  lineageCycle,
  digestMismatch,
  shapeMismatch,
  licenseNotAllowed,
  upstreamNotAllowed,
  insufficientEvidence,
  licenseConflict,
  namingRequirement,
  nonCommercialUpstream,
  hubRepoNotFound,
  hubRevisionNotFound,
  hubGated,
  hubDisabled,
  hubLicenseMismatch,
  hubUnreachable,
  waiverExpired
];

export function findRule(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
