/**
 * How a lineage statement names its subjects (docs/attestation.md), shared by the renderer that
 * writes them and `verify`, which reads them — without `verify` loading the renderer.
 */

/** Subject names of lineage records: `pedigree:` and the artifact's directory. */
export const PEDIGREE_SUBJECT_PREFIX = 'pedigree:';
export const PEDIGREE_MEDIA_TYPE = 'application/vnd.lineage-gate.pedigree+json';
