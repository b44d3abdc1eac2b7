import type { AnnotationProperties } from '@actions/core';
import { mergeSorted } from '../../collections/merge-sorted.js';
import { runsOf } from '../../collections/sequence.js';
import { compareStrings } from '../../text/compare.js';
import type { Finding, Severity } from '../../findings/finding.js';
import { SEVERITY_RANK } from '../../findings/finding.js';
import type { Report } from '../report.js';

export type AnnotationLevel = Severity;

export interface Annotation {
  level: AnnotationLevel;
  message: string;
  properties: {
    /** The rule id. */
    title: string;
    file: string;
    startLine: number;
    endLine: number;
    /** Only when the finding starts and ends on the same line: GitHub refuses columns across lines. */
    startColumn?: number;
    endColumn?: number;
  };
}

/** The part of `@actions/core` that writes annotations; pass the module itself. */
export interface AnnotationSink {
  error(message: string, properties?: AnnotationProperties): void;
  warning(message: string, properties?: AnnotationProperties): void;
  notice(message: string, properties?: AnnotationProperties): void;
}

function toAnnotation(f: Finding): Annotation {
  const sameLine = f.line === f.endLine;
  return {
    // A waived finding is still shown, but can no longer read as a problem.
    level: f.waived ? 'notice' : f.severity,
    message: `${waivedPrefix(f)}${f.message} Fix: ${f.fix}`,
    properties: {
      title: f.ruleId,
      file: f.path,
      startLine: f.line,
      endLine: f.endLine,
      ...(sameLine ? { startColumn: f.column, endColumn: f.endColumn } : {})
    }
  };
}

const compareAnnotations = (a: Annotation, b: Annotation): number =>
  SEVERITY_RANK[b.level] - SEVERITY_RANK[a.level] ||
  compareStrings(a.properties.file, b.properties.file) ||
  a.properties.startLine - b.properties.startLine ||
  (a.properties.startColumn ?? 0) - (b.properties.startColumn ?? 0);

/**
 * The annotations of the findings `keep` selects, in annotation order. The report's order already
 * agrees on level, file and line; only the column can differ (a finding spanning lines has none), so
 * each run of one level, file and line is sorted again.
 */
function* inAnnotationOrder(findings: Iterable<Finding>, keep: (f: Finding) => boolean): Generator<Annotation> {
  const kept = function* () {
    for (const f of findings) if (keep(f)) yield toAnnotation(f);
  };
  const sameLine = (a: Annotation, b: Annotation) =>
    a.level === b.level && a.properties.file === b.properties.file && a.properties.startLine === b.properties.startLine;
  for (const run of runsOf(kept(), sameLine)) yield* run.sort(compareAnnotations);
}

/**
 * One annotation per finding, errors first, then by file and line: the UI shows only the first
 * few per step, so the ones that fail the gate must come first. Waived findings become notices, so
 * they are merged in among the live notices; the report is walked, never copied.
 */
export function toAnnotations(report: Report): Iterable<Annotation> {
  const live = inAnnotationOrder(report.findings, (f) => !f.waived);
  // Waived findings sort last in the report: finding the first would walk every other one, so a run
  // that waived nothing (and writes only its first 1,000 annotations) does not look.
  if (report.counts.waived === 0) return live;
  return mergeSorted([live, inAnnotationOrder(report.findings, (f) => f.waived)], compareAnnotations);
}

/**
 * Workflow-command annotations a run writes at most. GitHub shows 10 of each level per step (50 per
 * job); past this many, more lines only bury the log (a monorepo scan can find hundreds of thousands).
 */
export const MAX_ANNOTATIONS = 1_000;

/**
 * Writes the first `limit` annotations as workflow commands and returns how many it wrote.
 * `@actions/core` escapes the message and the properties (`%`, CR, LF, and `:` `,` in properties),
 * so PR text cannot start a command of its own.
 */
export function emitAnnotations(annotations: Iterable<Annotation>, sink: AnnotationSink, limit = Infinity): number {
  let written = 0;
  for (const a of annotations) {
    if (written === limit) break;
    sink[a.level](a.message, { ...a.properties });
    written++;
  }
  return written;
}

/** "[waived until 2026-12-31 (.github/lineage-policy.yml:40): reason] ", so a reviewer sees why it is allowed. */
export function waivedPrefix(f: Finding): string {
  if (!f.waived) return '';
  if (!f.waiver) return '[waived] ';
  const until = f.waiver.expires ? ` until ${f.waiver.expires}` : '';
  return `[waived${until} by ${f.waiver.file}:${f.waiver.line}: ${f.waiver.reason}] `;
}
