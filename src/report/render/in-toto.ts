/**
 * The run as an in-toto Statement v1 (docs/attestation.md): subjects are the checked artifacts'
 * weight files by sha256 and each artifact's lineage record by its pedigree id; the predicate holds
 * each artifact's lineage record, pedigree id and status, the verdict and the policy's digest.
 * `actions/attest` signs the same subjects and predicate (Sigstore, GitHub's attestation store);
 * `lineage-gate verify` checks a checkout against it.
 */
import { compareStrings } from '../../text/compare.js';
import { TOOL_URI } from '../../findings/rule-meta.js';
import { PEDIGREE_VERSION, pedigreeHex, pedigreeRecord, type PedigreeRecord } from '../../pedigree/pedigree.js';
import { SortedSpill } from '../../collections/spill.js';
import { spillLimits } from '../build.js';
import type { Report } from '../report.js';
import { prettyJsonChunks } from './pretty-json.js';
import { PEDIGREE_MEDIA_TYPE, PEDIGREE_SUBJECT_PREFIX } from './in-toto-subjects.js';

export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
export const LINEAGE_PREDICATE_TYPE = `${TOOL_URI}/blob/main/docs/attestation.md#lineage-predicate-v1`;

export interface Subject {
  name: string;
  digest: { sha256: string };
  mediaType?: string;
}

export interface LineagePredicate {
  tool: { name: 'lineage-gate'; version: string; uri: string };
  pedigreeVersion: typeof PEDIGREE_VERSION;
  result: Report['result'];
  failOn: Report['failOn'];
  counts: Report['counts'];
  policy: { file: string | null; digest: { sha256: string } };
  changeSource: string;
  artifacts: { dir: string; status: 'pass' | 'fail'; pedigree: string; lineage: PedigreeRecord }[];
}

export interface Statement {
  _type: typeof STATEMENT_TYPE;
  subject: Subject[];
  predicateType: typeof LINEAGE_PREDICATE_TYPE;
  predicate: LineagePredicate;
}

const byName = (a: Subject, b: Subject) => compareStrings(a.name, b.name);

/** The last of each run of one name (a later subject of the same name replaces an earlier one). */
function* lastOfEachName(sorted: Iterable<Subject>): Generator<Subject> {
  let held: Subject | undefined;
  for (const subject of sorted) {
    if (held && held.name !== subject.name) yield held;
    held = subject;
  }
  if (held) yield held;
}

/**
 * Weight files (not deleted, digest known) and one lineage record per artifact, each name once, by
 * name: sorted through a spill, so a run of many artifacts never holds them all.
 */
function subjectsOf(report: Report): Iterable<Subject> {
  const subjects = new SortedSpill<Subject>(byName, spillLimits().findings);
  for (const artifact of report.artifacts) {
    for (const w of artifact.weights) {
      if (w.status !== 'removed' && w.sha256) subjects.push({ name: w.path, digest: { sha256: w.sha256 } });
    }
    const name = `${PEDIGREE_SUBJECT_PREFIX}${artifact.dir}`;
    const sha256 = pedigreeHex(artifact.pedigree);
    subjects.push({ name, digest: { sha256 }, mediaType: PEDIGREE_MEDIA_TYPE });
  }
  return { [Symbol.iterator]: () => lastOfEachName(subjects) };
}

/** A Statement whose lists are walked as they are written. */
type StreamedStatement = Omit<Statement, 'subject' | 'predicate'> & {
  subject: Iterable<Subject>;
  predicate: Omit<LineagePredicate, 'artifacts'> & { artifacts: Iterable<LineagePredicate['artifacts'][number]> };
};

function streamedStatement(report: Report): StreamedStatement {
  if (report.artifacts.length === 0) throw new NothingToAttestError();
  return {
    _type: STATEMENT_TYPE,
    subject: subjectsOf(report),
    predicateType: LINEAGE_PREDICATE_TYPE,
    predicate: {
      tool: { name: 'lineage-gate', version: report.tool.version, uri: TOOL_URI },
      pedigreeVersion: PEDIGREE_VERSION,
      result: report.result,
      failOn: report.failOn,
      counts: report.counts,
      policy: { file: report.run.policy.file, digest: { sha256: report.run.policy.sha256 } },
      changeSource: report.run.changeSource,
      artifacts: {
        *[Symbol.iterator]() {
          for (const a of report.artifacts)
            yield { dir: a.dir, status: a.status, pedigree: a.pedigree, lineage: pedigreeRecord(a) };
        }
      }
    }
  };
}

/** The Statement as an object; a report without artifacts has nothing to attest (in-toto needs a subject). */
export function inTotoStatement(report: Report): Statement {
  const streamed = streamedStatement(report);
  return {
    ...streamed,
    subject: [...streamed.subject],
    predicate: { ...streamed.predicate, artifacts: [...streamed.predicate.artifacts] }
  };
}

export class NothingToAttestError extends Error {
  constructor() {
    super('the run checked no artifact, so there is nothing to attest (an in-toto Statement needs a subject)');
    this.name = 'NothingToAttestError';
  }
}

/** The Statement as a JSON document (2-space indent, trailing newline), in pieces: written as its lists are walked. */
export function renderInTotoChunks(report: Report): Iterable<string> {
  const statement = streamedStatement(report); // throws now, not at the first piece, when there is nothing to attest
  return (function* () {
    yield* prettyJsonChunks(statement);
    yield '\n';
  })();
}

/** The Statement as one string (tests, small runs). */
export function renderInToto(report: Report): string {
  return [...renderInTotoChunks(report)].join('');
}
