import type { Finding } from './finding.js';
import type { Evidence, UpstreamKind, UpstreamRole } from '../lineage/record.js';

export const REPORT_SCHEMA_VERSION = 1;

export interface ReportUpstream {
  raw: string | null;
  kind: UpstreamKind;
  id: string | null;
  revision: string | null;
  role: UpstreamRole;
  evidence: Evidence;
  path: string;
  line: number;
  /** The upstream's license and how the gate established it; null when nothing says. */
  license: { id: string; via: 'declared' | 'policy' | 'builtin' | 'hub'; evidence: Evidence; source: string } | null;
  /** What the Hub said, at the revision named; null when it was not asked. */
  hub: {
    status: 'found' | 'not-found' | 'revision-not-found' | 'gated' | 'disabled' | 'unreachable';
    sha: string | null;
    gated: false | 'auto' | 'manual';
    license: string | null;
    ancestors: { id: string; depth: number; license: string | null; evidence: 'secondary' }[];
  } | null;
}

export interface ReportArtifact {
  dir: string;
  manifests: { path: string; format: string }[];
  upstreams: ReportUpstream[];
  license: { id: string | null; name: string | null; link: string | null } | null;
  attribution: string | null;
  status: 'pass' | 'fail';
}

export interface Report {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  tool: { name: 'lineage-gate'; version: string };
  result: 'pass' | 'fail';
  /** Severity at or above which findings fail the gate (`never`: nothing fails). */
  failOn: 'error' | 'warning' | 'never';
  counts: { artifacts: number; manifests: number; errors: number; warnings: number; notices: number; waived: number };
  artifacts: ReportArtifact[];
  findings: Finding[];
  /** How the files were chosen, and anything the reader should know about the run. */
  run: { changeSource: string; notes: string[] };
}
