import type { Sequence } from '../collections/sequence.js';
import type { Finding } from '../findings/finding.js';
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

/** A weight file of an artifact, with its digest when the gate computed or read one. */
export interface ReportWeight {
  path: string;
  status: 'added' | 'modified' | 'removed' | 'renamed' | 'present';
  /** What the bytes are: a parsed header, an LFS pointer, or a format the gate does not parse. */
  format: 'gguf' | 'safetensors' | 'lfs-pointer' | 'other';
  sha256: string | null;
  /** Where the sha256 comes from: the file's bytes, or the oid of its LFS pointer. */
  digestVia: 'file' | 'lfs-pointer' | null;
  size: number | null;
}

export interface ReportDataset {
  raw: string;
  id: string | null;
  revision: string | null;
  /** The commit the Hub resolved the dataset's revision (or default branch) to; null when not asked. */
  resolved: string | null;
  license: string | null;
  path: string;
  line: number;
}

/** One source of a data mix; `weight` is null when what is written is not a number. */
export interface ReportMixSource {
  path: string;
  weight: number | null;
  optional: boolean;
  sampleRate: number | null;
  file: string;
  line: number;
}

/** A local artifact this one derives from (a relative path in one of its manifests). */
export interface ReportParent {
  dir: string;
  path: string;
  line: number;
}

export interface ReportArtifact {
  dir: string;
  manifests: { path: string; format: string }[];
  upstreams: ReportUpstream[];
  /** The artifact's own license, and the file that declares it (a weight file when only its header does). */
  license: { id: string | null; name: string | null; link: string | null; path: string } | null;
  attribution: string | null;
  /** What the manifests say the artifact is to its upstreams (adapter, finetune, quantized…), each once. */
  relations: string[];
  /** Training fields the manifests state (rank, alpha, method, framework, runId…), each value once. */
  training: Record<string, (string | number)[]>;
  weights: ReportWeight[];
  datasets: ReportDataset[];
  /** The training run's data mix (MENS mix.yaml beside its manifest): each source, its weight, where written. */
  dataMix: ReportMixSource[];
  parents: ReportParent[];
  status: 'pass' | 'fail';
  /** `sha256:` of the canonical lineage record (docs/pedigree.md, "lineage-gate pedigree v1"). */
  pedigree: string;
}

export interface Report {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  tool: { name: 'lineage-gate'; version: string };
  result: 'pass' | 'fail';
  /** Severity at or above which findings fail the gate (`never`: nothing fails). */
  failOn: 'error' | 'warning' | 'never';
  counts: { artifacts: number; manifests: number; errors: number; warnings: number; notices: number; waived: number };
  /** In directory order; a large run keeps them on disk (see collections/spill.ts), so walk, do not index. */
  artifacts: Sequence<ReportArtifact>;
  /** In `compareFindings` order (report/build.ts), kept like `artifacts`. */
  findings: Sequence<Finding>;
  /** How the files were chosen, and anything the reader should know about the run. */
  run: {
    changeSource: string;
    notes: string[];
    /** The policy file the run used (null: the defaults) and the digest of its settings (src/policy/digest.ts). */
    policy: { file: string | null; sha256: string };
  };
}
