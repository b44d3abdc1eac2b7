import type { Severity } from './finding.js';

/** What every rule says about itself: what renderers (SARIF, rule pages) show. */
export interface RuleMeta {
  description: string;
  defaultSeverity: Severity;
  /** Path of the rule page inside the repository, e.g. `docs/rules/missing-upstream.md`. */
  docs: string;
}

/** The rules of a run as renderers see them: handed in, so report/ never imports rules/. */
export type RuleCatalogue = readonly { id: string; meta: RuleMeta }[];

/** The tool's home, for SARIF `informationUri`. */
export const TOOL_URI = 'https://github.com/lineage-gate/lineage-gate';

/** Where rule pages are published; findings link there. */
export const DOCS_BASE = 'https://github.com/lineage-gate/lineage-gate/blob/main/docs/rules';

export function helpUri(ruleId: string): string {
  return `${DOCS_BASE}/${ruleId}.md`;
}
