import { buildReport } from '../../../src/report/build.js';
import { pedigreeId, pedigreeRecord } from '../../../src/pedigree/pedigree.js';
import type { Finding, Severity } from '../../../src/findings/finding.js';
import { fingerprint } from '../../../src/findings/fingerprint.js';
import type { Report, ReportArtifact } from '../../../src/report/report.js';

/** The run.policy of a sample report: the built-in defaults. */
export const SAMPLE_POLICY = { file: null, sha256: '0'.repeat(64) };

export const DOCS = 'https://github.com/lineage-gate/lineage-gate/blob/main/docs/rules';

/** Text a pull request could put into a manifest, and so into messages, paths and ids. */
export const HOSTILE = {
  pipeDir: 'adapters/pipe|dir',
  html: '<img src=x onerror=alert(1)>',
  mention: '@everyone',
  team: '@lineage-gate/maintainers',
  backticks: 'a ``` b ` c',
  command: '::error::owned',
  legacyCommand: '##[error]owned',
  newline: 'first line\n\n# injected heading\n::error::owned'
};

export function finding(
  partial: Partial<Finding> & Pick<Finding, 'ruleId' | 'severity' | 'path' | 'artifact'>
): Finding {
  const line = partial.line ?? 1;
  return {
    message: `Problem found by ${partial.ruleId}.`,
    fix: 'Change the manifest.',
    line,
    column: 3,
    endLine: line,
    endColumn: 10,
    helpUri: `${DOCS}/${partial.ruleId}.md`,
    fingerprint: fingerprint(partial.ruleId, partial.path, partial.message ?? ''),
    waived: false,
    ...partial
  };
}

const SHA = '0123456789abcdef0123456789abcdef01234567';

type ArtifactWithoutPedigree = Omit<ReportArtifact, 'relations' | 'training' | 'dataMix' | 'pedigree'> &
  Partial<Pick<ReportArtifact, 'relations' | 'training' | 'dataMix'>>;

/** A sample artifact with the fields summarise adds: relations, training and the pedigree id. */
export function completeArtifact(artifact: ArtifactWithoutPedigree): ReportArtifact {
  const complete = { relations: [], training: {}, dataMix: [], ...artifact };
  return { ...complete, pedigree: pedigreeId(pedigreeRecord(complete)) };
}

const SAMPLE_ARTIFACTS: ArtifactWithoutPedigree[] = [
  {
    dir: 'adapters/clean',
    manifests: [
      { path: 'adapters/clean/adapter_config.json', format: 'peft-adapter-config' },
      { path: 'adapters/clean/README.md', format: 'hf-model-card' }
    ],
    upstreams: [
      {
        raw: 'meta-llama/Llama-3.1-8B',
        kind: 'hub-id',
        id: 'meta-llama/Llama-3.1-8B',
        revision: SHA,
        role: 'base',
        evidence: 'primary',
        path: 'adapters/clean/adapter_config.json',
        line: 4,
        license: { id: 'llama3.1', via: 'declared', evidence: 'primary', source: `license in ${HOSTILE.mention}` },
        hub: null
      },
      {
        raw: 'meta-llama/Llama-3.1-8B',
        kind: 'hub-id',
        id: 'meta-llama/Llama-3.1-8B',
        revision: SHA,
        role: 'base',
        evidence: 'primary',
        path: 'adapters/clean/README.md',
        line: 3,
        license: { id: 'llama3.1', via: 'declared', evidence: 'primary', source: `license in ${HOSTILE.mention}` },
        hub: null
      }
    ],
    license: { id: 'llama3.1', name: null, link: null, path: 'adapters/clean/README.md' },
    attribution: 'Built with Llama',
    weights: [],
    datasets: [],
    parents: [],
    status: 'pass'
  },
  {
    dir: HOSTILE.pipeDir,
    manifests: [{ path: `${HOSTILE.pipeDir}/adapter_config.json`, format: 'peft-adapter-config' }],
    upstreams: [
      {
        raw: `/home/me/${HOSTILE.html}|x`,
        kind: 'local-path',
        id: null,
        revision: null,
        role: 'base',
        evidence: 'primary',
        path: `${HOSTILE.pipeDir}/adapter_config.json`,
        line: 2,
        license: null,
        hub: null
      }
    ],
    license: {
      id: 'other',
      name: `Custom ${HOSTILE.mention} | ${HOSTILE.html}`,
      link: 'https://example.com/license',
      path: `${HOSTILE.pipeDir}/README.md`
    },
    attribution: null,
    weights: [],
    datasets: [],
    parents: [],
    status: 'fail'
  },
  {
    dir: 'runs/mens-7',
    manifests: [{ path: 'runs/mens-7/training_manifest.json', format: 'mens-training-manifest' }],
    upstreams: [
      {
        raw: 'gpt2',
        kind: 'bare-id',
        id: 'gpt2',
        revision: 'main',
        role: 'upstream',
        evidence: 'inferred',
        path: 'runs/mens-7/training_manifest.json',
        line: 7,
        license: null,
        hub: null
      }
    ],
    license: null,
    attribution: null,
    weights: [],
    datasets: [],
    parents: [],
    status: 'fail'
  },
  {
    dir: '.',
    manifests: [{ path: 'lineage.yaml', format: 'lineage-gate' }],
    upstreams: [],
    license: { id: 'apache-2.0', name: null, link: null, path: 'lineage.yaml' },
    attribution: null,
    weights: [],
    datasets: [],
    parents: [],
    status: 'pass'
  }
];

export const ARTIFACTS: ReportArtifact[] = SAMPLE_ARTIFACTS.map(completeArtifact);

export const FINDINGS: Finding[] = [
  finding({
    ruleId: 'unpinned-revision',
    severity: 'warning',
    path: 'runs/mens-7/training_manifest.json',
    artifact: 'runs/mens-7',
    line: 7,
    message: 'The upstream gpt2 is not pinned.',
    fix: 'Pin a 40-hex commit.'
  }),
  finding({
    ruleId: 'unresolvable-upstream',
    severity: 'error',
    path: `${HOSTILE.pipeDir}/adapter_config.json`,
    artifact: HOSTILE.pipeDir,
    line: 2,
    message:
      `The upstream is a local path (${JSON.stringify(`/home/me/${HOSTILE.html}|x`)}) ${HOSTILE.mention} ` +
      `${HOSTILE.team} ${HOSTILE.backticks} ${HOSTILE.command} ${HOSTILE.legacyCommand} ${HOSTILE.newline}`,
    fix: `Write the Hub id instead; ask ${HOSTILE.mention}.\n${HOSTILE.command}`
  }),
  finding({
    ruleId: 'missing-license',
    severity: 'error',
    path: 'runs/mens-7/training_manifest.json',
    artifact: 'runs/mens-7',
    line: 1,
    endLine: 3,
    message: 'The artifact in runs/mens-7 declares no license.',
    fix: 'Add a license.'
  }),
  finding({
    ruleId: 'hub-gated',
    severity: 'notice',
    path: 'adapters/clean/README.md',
    artifact: 'adapters/clean',
    line: 3,
    message: 'meta-llama/Llama-3.1-8B is gated.',
    fix: 'Nothing to do; users need access.'
  }),
  finding({
    ruleId: 'missing-upstream',
    severity: 'error',
    path: 'lineage.yaml',
    artifact: '.',
    line: 1,
    waived: true,
    message: 'No upstream declared.',
    fix: 'Declare the base model.'
  }),
  finding({
    ruleId: 'unknown-license',
    severity: 'warning',
    path: `${HOSTILE.pipeDir}/adapter_config.json`,
    artifact: HOSTILE.pipeDir,
    line: 9,
    message: 'The license "other" has no link.',
    fix: 'Add license_link.'
  })
];

export function sampleReport(failOn: Report['failOn'] = 'error', findings: Finding[] = FINDINGS): Report {
  return buildReport({
    version: '0.1.0',
    failOn,
    artifacts: ARTIFACTS,
    findings,
    changeSource: 'pull request #12 files API (14 files)',
    notes: [`git diff fallback: the API list is capped at 3,000 files ${HOSTILE.mention}`],
    manifestsCount: 5,
    policy: SAMPLE_POLICY
  });
}

/** Many findings of one severity with long messages, to exceed size limits. */
export function bulkFindings(count: number, severity: Severity, artifact: string, messageBytes = 400): Finding[] {
  return Array.from({ length: count }, (_, i) =>
    finding({
      ruleId: severity === 'error' ? 'missing-license' : severity === 'warning' ? 'unpinned-revision' : 'hub-gated',
      severity,
      path: `${artifact}/m${String(i).padStart(5, '0')}.json`,
      artifact,
      line: i + 1,
      message: `${severity} number ${i}: ${'x'.repeat(messageBytes)}`
    })
  );
}
