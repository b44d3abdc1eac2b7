import type { Span } from '../source/span.js';
import type { DataMixSource, LineageRecord, SourceRef } from './record.js';
import type { WeightDigest, WeightHeader } from '../weights/header.js';

/** A file the gate tried to read as a manifest and could not. */
export interface UnreadableManifest {
  path: string;
  reason: string;
  at: Span;
  /** How to mend it, when the usual advice (make it parse) does not apply. */
  fix?: string;
}

/** A manifest whose content breaks its format's schema. */
export interface SchemaProblem {
  path: string;
  format: string;
  message: string;
  at: Span;
}

export interface WeightFile {
  path: string;
  /** How the change set touched it; `present` for full scans and untouched siblings. */
  status: 'added' | 'modified' | 'removed' | 'renamed' | 'present';
  /** What its header says (read at discovery, bounded); absent for removed files. */
  header?: WeightHeader;
  /** Its sha256 when a manifest declares one or the change touched it (computed after discovery). */
  digest?: WeightDigest;
}

/** A reference from one of the artifact's manifests to another directory of the repository. */
export interface ParentLink {
  raw: string;
  source: SourceRef;
  /** Written as a reference to a local artifact (`./`, `../`, lineage.yaml `path`, MLX `resume_adapter_file`). */
  explicit: boolean;
  /**
   * Repository-relative directory it leads to; for `missing`, the first place looked (empty when the
   * path leads outside the repository).
   */
  dir: string;
  /** `artifact`: the directory is there; `missing`: nothing there; `deleted`: this change removed it. */
  state: 'artifact' | 'missing' | 'deleted';
  /**
   * For `artifact`: the directory is there but holds no manifest, weight header or unreadable
   * manifest, so nothing in it says what it derives from (an empty directory, a README without
   * metadata, code).
   */
  holdsNothing?: true;
  /** The parent's records and those of its own parents, nearest first: what the child inherits. */
  inherited: LineageRecord[];
}

/** A manifest elsewhere in the repository that still derives from an artifact this change deletes. */
export interface DependentLink {
  dir: string;
  raw: string;
  source: SourceRef;
}

/**
 * A directory holding manifests and/or weights, judged as one: what one manifest lacks,
 * another may supply (an adapter_config.json beside a model card with the license).
 */
export interface Artifact {
  /** Repository-relative directory, `.` for the root. */
  dir: string;
  records: LineageRecord[];
  unreadable: UnreadableManifest[];
  schemaProblems: SchemaProblem[];
  weights: WeightFile[];
  /** Manifests this change removed (their weights may remain). */
  removedManifests: string[];
  /** Non-optional data-mix sources this change deletes (set by the data-sources stage). */
  removedDataSources?: DataMixSource[];
  /**
   * The only rules this artifact is judged by, when it is in the run only because the change deleted
   * a file its data mix needs (its other findings are not this change's doing).
   */
  judgedFor?: readonly string[];
  /** Whether any file of this artifact is part of the change; on a full scan every artifact counts as changed. */
  changed: boolean;
  /** Files that carry attribution/notice text by their name (NOTICE, NOTICE.md …), repository-relative. */
  noticeFiles: string[];
  /**
   * Files named as the model card (README.md …) that carry no card metadata, by name: where a fix
   * that adds a card field goes (`frontMatter`: whether the file has any), and prose the Hub shows
   * as the model card all the same.
   */
  plainCards?: { path: string; frontMatter: boolean; prose: string }[];
  /** sha256 of the files a manifest declares a digest for and of changed weights, by repository path. */
  fileDigests?: ReadonlyMap<string, WeightDigest>;
  /** Local artifacts this one derives from (set by the graph stage). */
  parents?: ParentLink[];
  /** Artifacts that still derive from this one although this change deletes it. */
  dependents?: DependentLink[];
  /** The loop of local derivations this artifact is part of, starting with itself. */
  cycle?: { dirs: string[]; source: SourceRef };
}
