import type { RawLicenseEntry } from '../licenses/knowledge-types.js';
import type { PolicyLocation } from './policy.js';

/**
 * A `licenses.knowledge` entry as the policy file writes it: the knowledge base's own YAML shape
 * (src/licenses/knowledge-types.ts), where `attribution` may also be just the text, with
 * `attribution-markers` / `attribution-condition` beside it. `Policy.licenseEntries` holds these;
 * src/licenses/license-entry.ts `toLicenseEntry` reads both forms.
 */
export type PolicyLicenseEntry = Omit<RawLicenseEntry, 'attribution'> & {
  readonly attribution?: string | RawLicenseEntry['attribution'];
  readonly 'attribution-markers'?: readonly string[];
  readonly 'attribution-condition'?: string;
  /** Where the entry was written in the policy file. */
  readonly at: PolicyLocation;
};
