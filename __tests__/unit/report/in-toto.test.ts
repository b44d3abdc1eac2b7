/** The in-toto Statement v1 of a run (docs/attestation.md): its subjects, its predicate, both schemas. */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { pedigreeId } from '../../../src/pedigree/pedigree.js';
import { buildReport } from '../../../src/report/build.js';
import {
  inTotoStatement,
  LINEAGE_PREDICATE_TYPE,
  NothingToAttestError,
  renderInToto
} from '../../../src/report/render/in-toto.js';
import type { Report, ReportWeight } from '../../../src/report/report.js';
import { inTotoStatementErrors } from '../../helpers/in-toto-statement-schema.js';
import { PROJECT_ROOT } from '../../helpers/run-action.js';
import { ARTIFACTS, completeArtifact, FINDINGS } from './sample-report.js';

const lineageSchema = JSON.parse(
  readFileSync(`${PROJECT_ROOT}/schemas/lineage-statement.schema.json`, 'utf8')
) as object;
const validateLineage = new Ajv2020({ allErrors: true, allowUnionTypes: true, strict: true }).compile(lineageSchema);

const weight = (path: string, sha256: string | null, status: ReportWeight['status'] = 'present'): ReportWeight => ({
  path,
  status,
  format: 'safetensors',
  sha256,
  digestVia: sha256 ? 'file' : null,
  size: sha256 ? 1024 : null
});

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

function reportWith(artifacts = ARTIFACTS): Report {
  return buildReport({
    version: '0.1.0',
    failOn: 'error',
    artifacts,
    findings: FINDINGS,
    changeSource: 'full scan',
    notes: [],
    manifestsCount: 5,
    policy: { file: '.github/lineage-policy.yml', sha256: 'c'.repeat(64) }
  });
}

const withWeights = completeArtifact({
  ...ARTIFACTS[0],
  dir: 'models/w',
  weights: [
    weight('models/w/adapter_model.safetensors', A),
    weight('models/w/old.safetensors', B, 'removed'),
    weight('models/w/unreadable.safetensors', null)
  ]
});

describe('in-toto Statement', () => {
  const report = reportWith([...ARTIFACTS, withWeights]);
  const statement = JSON.parse(renderInToto(report)) as ReturnType<typeof inTotoStatement>;

  it('is a valid in-toto Statement v1 and a valid lineage statement', () => {
    expect(inTotoStatementErrors(statement)).toEqual([]);
    expect(validateLineage(statement) ? [] : validateLineage.errors).toEqual([]);
    expect(statement.predicateType).toBe(LINEAGE_PREDICATE_TYPE);
  });

  it('names weight files present with a digest and every lineage record, each once, sorted', () => {
    const names = statement.subject.map((s) => s.name);
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBe(names.length);
    expect(statement.subject).toContainEqual({ name: 'models/w/adapter_model.safetensors', digest: { sha256: A } });
    expect(names).not.toContain('models/w/old.safetensors');
    expect(names).not.toContain('models/w/unreadable.safetensors');
    for (const a of report.artifacts) {
      expect(statement.subject).toContainEqual({
        name: `pedigree:${a.dir}`,
        digest: { sha256: a.pedigree.slice('sha256:'.length) },
        mediaType: 'application/vnd.lineage-gate.pedigree+json'
      });
    }
  });

  it('holds each lineage record, which hashes to its pedigree id, the verdict and the policy digest', () => {
    const p = statement.predicate;
    expect([...p.artifacts].map((a) => a.dir)).toEqual([...report.artifacts].map((a) => a.dir));
    for (const a of p.artifacts) expect(pedigreeId(a.lineage)).toBe(a.pedigree);
    expect(p).toMatchObject({
      result: report.result,
      failOn: 'error',
      counts: report.counts,
      policy: { file: '.github/lineage-policy.yml', digest: { sha256: 'c'.repeat(64) } },
      pedigreeVersion: 'lineage-gate pedigree v1'
    });
  });

  it('refuses a run without artifacts: a statement needs a subject', () => {
    expect(() => inTotoStatement(reportWith([]))).toThrow(NothingToAttestError);
  });

  it('is caught by the lineage schema when edited out of shape', () => {
    const broken = [
      { ...statement, subject: [] },
      { ...statement, _type: 'https://in-toto.io/Statement/v0.1' },
      { ...statement, predicate: { ...statement.predicate, artifacts: [{ dir: 'x' }] } },
      { ...statement, subject: [{ name: 'x', digest: { sha256: 'XYZ' } }] }
    ];
    for (const b of broken) expect(validateLineage(b)).toBe(false);
  });
});
