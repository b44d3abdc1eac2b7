/**
 * The report as a CycloneDX 1.6 ML-BOM (JSON): one `machine-learning-model` component per artifact,
 * with its license, weight files and digests, its upstream models and their Hub ancestry as pedigree,
 * and its datasets as `data` components referenced from its model card.
 *
 * The CycloneDX library (and the builder using it) is imported on the first call, so that runs
 * which write no BOM do not evaluate it at start-up. `webpackMode: "eager"` keeps it inside the
 * ncc bundle rather than in a chunk file of its own: ncc writes licenses.txt once per chunk, and a
 * second chunk's notices replaced the bundle's (parsing the extra code costs a few milliseconds).
 */
import { randomUUID } from 'node:crypto';
import type { Report } from '../report.js';

export interface CycloneDxOptions {
  /** `metadata.tools`: lineage-gate's version. */
  toolVersion: string;
  /** `urn:uuid:…`; a random one when absent. Fixed (with `timestamp`) for reproducible output. */
  serialNumber?: string;
  /** `metadata.timestamp`; now when absent. */
  timestamp?: Date;
}

/** The BOM in pieces, made as they are written (see renderBomChunks). */
export async function renderCycloneDxChunks(report: Report, options: CycloneDxOptions): Promise<Iterable<string>> {
  const { renderBomChunks } = await import(/* webpackMode: "eager" */ './cyclonedx-bom.js');
  return renderBomChunks(report, {
    toolVersion: options.toolVersion,
    serialNumber: options.serialNumber ?? `urn:uuid:${randomUUID()}`,
    timestamp: options.timestamp ?? new Date()
  });
}

/** The BOM as one string (tests, small runs). */
export async function renderCycloneDx(report: Report, options: CycloneDxOptions): Promise<string> {
  return [...(await renderCycloneDxChunks(report, options))].join('');
}
