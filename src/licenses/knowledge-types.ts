/**
 * The license knowledge base as written in data/licenses.yaml and in a policy's
 * `licenses.knowledge` (schemas/license-knowledge.schema.json): kebab-case keys, optional
 * booleans. src/licenses/knowledge.ts turns these into `LicenseEntry` values.
 */

export type WrittenAs = 'license' | 'license-name' | 'spdx';

export interface RawAttribution {
  readonly duty?: string;
  readonly text?: string;
  readonly markers?: readonly string[];
  readonly condition?: string;
}

export interface RawLicenseEntry {
  readonly id: string;
  readonly aliases?: readonly string[];
  readonly family: string;
  readonly display?: string;
  readonly spdx?: string;
  readonly 'written-as'?: WrittenAs;
  readonly attribution?: RawAttribution;
  readonly 'naming-prefix'?: string;
  readonly 'non-commercial'?: boolean;
  readonly 'flow-down'?: boolean;
  readonly restrictions?: readonly string[];
  readonly 'scale-threshold'?: string;
  readonly permissive?: boolean;
  readonly source: string;
}

export interface RawFamily {
  readonly family: string;
  readonly 'canonical-org': string;
  readonly orgs?: readonly string[];
  readonly name: string;
  readonly 'canonical-name'?: { readonly match: string; readonly replace: string };
  readonly license: string;
  readonly source: string;
}

/** A ModelScope org and the Hub org publishing the same weights (none: found by family name). */
export interface RawModelScopeOrg {
  readonly org: string;
  readonly hub?: string;
  readonly 'modelscope-only'?: boolean;
  readonly source: string;
}

export interface RawKnowledgeData {
  readonly licenses: readonly RawLicenseEntry[];
  readonly 'mirror-orgs'?: readonly string[];
  readonly 'modelscope-orgs'?: readonly RawModelScopeOrg[];
  readonly families: readonly RawFamily[];
}
