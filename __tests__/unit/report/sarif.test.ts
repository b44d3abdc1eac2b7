import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Log, Result } from 'sarif';
import { buildReport } from '../../../src/report/build.js';
import type { Finding } from '../../../src/findings/finding.js';
import { fingerprint } from '../../../src/findings/fingerprint.js';
import type { Report } from '../../../src/report/report.js';
import {
  FINGERPRINT_KEY,
  renderSarif,
  SARIF_MAX_RESULTS,
  SARIF_SCHEMA_URI,
  type SarifOptions
} from '../../../src/report/render/sarif.js';
import { RULES } from '../../../src/rules/index.js';
import {
  isAbsoluteUri,
  isUriReference,
  oasisSchema,
  oasisValidator,
  sarifSchemaErrors,
  schemaStoreSchema,
  schemaStoreValidator
} from '../../fixtures/sarif/validate.js';
import { SAMPLE_POLICY, ARTIFACTS, DOCS, FINDINGS, finding, HOSTILE, sampleReport } from './sample-report.js';

const OPTIONS: SarifOptions = {
  rules: RULES,
  toolVersion: '1.2.3',
  informationUri: 'https://github.com/lineage-gate/lineage-gate',
  docsBase: DOCS
};
const VALIDATORS = [oasisValidator(), schemaStoreValidator()];

async function render(
  report: Report,
  options: Partial<SarifOptions> = {}
): Promise<{ text: string; log: Log; results: Result[] }> {
  const text = await renderSarif(report, { ...OPTIONS, ...options });
  const log = JSON.parse(text) as Log;
  return { text, log, results: log.runs[0].results ?? [] };
}

function reportWith(findings: Finding[]): Report {
  return buildReport({
    version: '0.1.0',
    failOn: 'error',
    artifacts: ARTIFACTS,
    findings,
    changeSource: 'full scan',
    notes: [],
    manifestsCount: 5,
    policy: SAMPLE_POLICY
  });
}

const WAIVER = {
  reason: 'Base model approved by legal [see](https://evil.example) \u202Egnp.exe',
  expires: '2030-01-31',
  file: '.github/lineage-policy.yml',
  line: 12
};

describe('the vendored SARIF schemas', () => {
  it('still have the defects validate.ts works around (a fixed copy must drop the workaround)', () => {
    const oasis = oasisSchema as {
      $schema: string;
      definitions: {
        region: { properties: Record<string, unknown> };
        run: { properties: { language: { pattern: string } } };
      };
    };
    expect(oasis.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Array.isArray(oasis.definitions.region.properties.anyOf)).toBe(true);
    expect(oasis.definitions.run.properties.language.pattern.startsWith('^(?i)')).toBe(true);
    const store = schemaStoreSchema as {
      $schema: string;
      definitions: { run: { properties: { language: { pattern: string } } } };
    };
    expect(store.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(() => new RegExp(store.definitions.run.properties.language.pattern, 'u')).toThrow();
  });

  it('reject what code scanning would reject, so a passing validation means something', async () => {
    const { log } = await render(sampleReport());
    const broken = structuredClone(log);
    broken.runs[0].results![0].level = 'notice' as never;
    broken.runs[0].results![1].locations![0].physicalLocation!.artifactLocation!.uri =
      'adapters/pipe|dir/adapter_config.json';
    broken.runs[0].results![2].locations![0].physicalLocation!.region!.startLine = 0;
    broken.runs[0].tool.driver.informationUri = 'lineage-gate';
    const errors = sarifSchemaErrors(broken, VALIDATORS);
    for (const schema of ['oasis', 'schemastore']) {
      expect(errors.some((e) => e.startsWith(`${schema} /runs/0/results/0/level`))).toBe(true);
      expect(
        errors.some((e) =>
          e.startsWith(`${schema} /runs/0/results/1/locations/0/physicalLocation/artifactLocation/uri`)
        )
      ).toBe(true);
      expect(
        errors.some((e) => e.startsWith(`${schema} /runs/0/results/2/locations/0/physicalLocation/region/startLine`))
      ).toBe(true);
      expect(errors.some((e) => e.startsWith(`${schema} /runs/0/tool/driver/informationUri`))).toBe(true);
    }
    expect(isUriReference('a%2')).toBe(false);
    expect(isAbsoluteUri('docs/rules')).toBe(false);
  });
});

describe('renderSarif', () => {
  it('renders the sample report (hostile values, a waived finding, every severity) as valid SARIF 2.1.0', async () => {
    const { text, log, results } = await render(sampleReport());
    expect(sarifSchemaErrors(log, VALIDATORS)).toEqual([]);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toBe(`${JSON.stringify(log, null, 2)}\n`);
    expect(log.$schema).toBe(SARIF_SCHEMA_URI);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const [run] = log.runs;
    expect(run.tool.driver).toMatchObject({
      name: 'lineage-gate',
      version: '1.2.3',
      informationUri: OPTIONS.informationUri
    });
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.originalUriBaseIds).toBeUndefined();
    expect(results).toHaveLength(FINDINGS.length);
    expect(results.map((r) => r.level).sort()).toEqual(['error', 'error', 'error', 'note', 'warning', 'warning']);
    expect(run.properties).toMatchObject({
      result: 'fail',
      failOn: 'error',
      changeSource: 'pull request #12 files API (14 files)'
    });
    expect(run.properties?.truncated).toBeUndefined();
    // Same report, same bytes: nothing time- or order-dependent leaks in.
    expect(await renderSarif(sampleReport(), OPTIONS)).toBe(text);
  });

  it('defaults the driver version to the report tool version', async () => {
    const { log } = await render(sampleReport(), { toolVersion: undefined });
    expect(log.runs[0].tool.driver.version).toBe('0.1.0');
  });

  it('describes every registered rule, with help that points at the rule page and how to fix', async () => {
    const { log } = await render(sampleReport(), { docsBase: `${DOCS}/` });
    const rules = log.runs[0].tool.driver.rules ?? [];
    expect(rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    const level = { error: 'error', warning: 'warning', notice: 'note' } as const;
    for (const [i, rule] of RULES.entries()) {
      const d = rules[i];
      const helpUri = `${DOCS}/${rule.id}.md`;
      expect(d.name).toMatch(/^[A-Z][A-Za-z0-9]*$/);
      expect(d.name!.toLowerCase()).toBe(rule.id.replace(/-/g, ''));
      expect(d.shortDescription?.text).toBe(rule.meta.description);
      expect(d.fullDescription?.text.startsWith(rule.meta.description)).toBe(true);
      expect(d.fullDescription!.text.length).toBeLessThanOrEqual(1000);
      expect(d.helpUri).toBe(helpUri);
      expect(d.help?.text).toContain(rule.meta.description);
      expect(d.help?.text).toContain(`How to fix: ${helpUri}#how-to-fix`);
      expect(d.help?.markdown).toContain(`](${helpUri}#how-to-fix)`);
      expect(d.defaultConfiguration?.level).toBe(level[rule.meta.defaultSeverity]);
      const tags = d.properties?.tags ?? [];
      expect(tags[0]).toBe('lineage');
      expect(new Set(tags).size).toBe(tags.length);
      expect(tags.length).toBeLessThanOrEqual(10); // GitHub keeps 10 tags per rule
    }
    expect(rules.find((r) => r.id === 'missing-upstream')?.name).toBe('MissingUpstream');
    expect(rules.find((r) => r.id === 'hub-license-mismatch')?.properties?.tags).toEqual(['lineage', 'hub', 'license']);
  });

  it('points every result at its rule by id and index', async () => {
    const { log, results } = await render(sampleReport());
    const rules = log.runs[0].tool.driver.rules ?? [];
    for (const r of results) {
      expect(r.ruleIndex).toBeGreaterThanOrEqual(0);
      expect(rules[r.ruleIndex!].id).toBe(r.ruleId);
    }
  });

  it('adds a descriptor for a rule the registry does not know, so its index still resolves', async () => {
    const unknown = finding({
      ruleId: 'retired-rule',
      severity: 'error',
      path: 'a/lineage.yaml',
      artifact: 'a',
      helpUri: `${DOCS}/retired-rule.md`
    });
    const { log, results } = await render(reportWith([unknown, ...FINDINGS]));
    const rules = log.runs[0].tool.driver.rules ?? [];
    expect(rules).toHaveLength(RULES.length + 1);
    const result = results.find((r) => r.ruleId === 'retired-rule')!;
    expect(result.ruleIndex).toBe(RULES.length);
    expect(rules[RULES.length]).toMatchObject({
      id: 'retired-rule',
      name: 'RetiredRule',
      helpUri: `${DOCS}/retired-rule.md`
    });
    expect(sarifSchemaErrors(log, VALIDATORS)).toEqual([]);
  });

  it('maps each finding to a result: message and fix, location, fingerprint, artifact', async () => {
    const f = FINDINGS[0];
    const { results } = await render(reportWith([f]));
    expect(results).toEqual([
      {
        ruleId: 'unpinned-revision',
        ruleIndex: RULES.findIndex((r) => r.id === 'unpinned-revision'),
        level: 'warning',
        message: { text: 'The upstream gpt2 is not pinned. Fix: Pin a 40-hex commit.' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'runs/mens-7/training_manifest.json', uriBaseId: '%SRCROOT%' },
              region: { startLine: 7, startColumn: 3, endLine: 7, endColumn: 10 }
            }
          }
        ],
        partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
        properties: { artifact: 'runs/mens-7', pedigree: ARTIFACTS.find((a) => a.dir === 'runs/mens-7')!.pedigree }
      }
    ]);
    expect(results[0].properties!.pedigree).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('keeps columns on multi-line regions and marks the whole line for an empty span', async () => {
    const multi = finding({
      ruleId: 'missing-license',
      severity: 'error',
      path: 'a/x.json',
      artifact: 'a',
      line: 2,
      column: 5,
      endLine: 4,
      endColumn: 2
    });
    const empty = finding({
      ruleId: 'unmanifested-weights',
      severity: 'error',
      path: 'b/model.safetensors',
      artifact: 'b',
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1
    });
    const { results } = await render(reportWith([multi, empty]));
    const region = (path: string) =>
      results.find((r) => r.locations?.[0].physicalLocation?.artifactLocation?.uri === path)?.locations?.[0]
        .physicalLocation?.region;
    expect(region('a/x.json')).toEqual({ startLine: 2, startColumn: 5, endLine: 4, endColumn: 2 });
    expect(region('b/model.safetensors')).toEqual({ startLine: 1, endLine: 1 });
  });

  it('keeps fingerprints when the findings move to other lines and columns', async () => {
    const at = (line: number) =>
      ['meta-llama/Llama-3.1-8B', 'gpt2'].map((subject, i) =>
        finding({
          ruleId: 'unpinned-revision',
          severity: 'warning',
          path: 'adapters/a/adapter_config.json',
          artifact: 'adapters/a',
          line: line + i,
          column: 4 + line,
          endLine: line + i,
          endColumn: 30 + line,
          message: `The upstream ${subject} is not pinned.`,
          fingerprint: fingerprint('unpinned-revision', 'adapters/a/adapter_config.json', subject)
        })
      );
    const before = (await render(reportWith(at(3)))).results;
    const after = (await render(reportWith(at(9)))).results;
    const prints = (rs: Result[]) => rs.map((r) => r.partialFingerprints?.[FINGERPRINT_KEY]);
    expect(prints(after)).toEqual(prints(before));
    expect(new Set(prints(before)).size).toBe(2);
    expect(after.map((r) => r.locations?.[0].physicalLocation?.region?.startLine)).toEqual([9, 10]);
    expect(before.map((r) => r.locations?.[0].physicalLocation?.region?.startLine)).toEqual([3, 4]);
  });

  it('reports a waived finding as an accepted external suppression that points at the waiver', async () => {
    const waived = finding({
      ruleId: 'non-commercial-upstream',
      severity: 'warning',
      path: 'c/README.md',
      artifact: 'c',
      line: 4,
      waived: true,
      waiver: WAIVER
    });
    const { log, results } = await render(reportWith([waived, ...FINDINGS]));
    expect(sarifSchemaErrors(log, VALIDATORS)).toEqual([]);
    const result = results.find((r) => r.ruleId === 'non-commercial-upstream')!;
    expect(result.level).toBe('warning');
    expect(result.suppressions).toEqual([
      {
        kind: 'external',
        status: 'accepted',
        justification: 'Base model approved by legal [see] (https://evil.example) <U+202E>gnp.exe',
        location: {
          physicalLocation: {
            artifactLocation: { uri: '.github/lineage-policy.yml', uriBaseId: '%SRCROOT%' },
            region: { startLine: 12, endLine: 12 }
          }
        },
        properties: { expires: '2030-01-31' }
      }
    ]);
    // The sample's waived finding carries no waiver details: still suppressed, without a justification.
    expect(results.find((r) => r.ruleId === 'missing-upstream')?.suppressions).toEqual([
      { kind: 'external', status: 'accepted' }
    ]);
    expect(results.filter((r) => r.suppressions)).toHaveLength(2);
  });

  it('neutralises what PR text could do in a SARIF viewer: embedded links, bidi overrides', async () => {
    const hostile = finding({
      ruleId: 'unknown-license',
      severity: 'warning',
      path: 'd/adapter_config.json',
      artifact: 'd',
      message: `License "[click me](https://evil.example)" and [here](1) \u202Etxt.exe ${HOSTILE.newline}`,
      fix: `Use [a real id](javascript:alert(1)).`
    });
    const { log, results } = await render(reportWith([hostile, ...FINDINGS]));
    expect(sarifSchemaErrors(log, VALIDATORS)).toEqual([]);
    const text = results.find((r) => r.ruleId === 'unknown-license' && r.properties?.artifact === 'd')!.message.text!;
    expect(text).not.toContain('](');
    expect(text).toContain('[click me] (https://evil.example)');
    expect(text).toContain('[here] (1)');
    expect(text).toContain('<U+202E>txt.exe');
    expect(text).not.toContain('\u202E');
    expect(text).toContain(HOSTILE.newline); // line breaks are allowed in plain-text messages
    expect(text).toMatch(/ Fix: Use \[a real id\] \(javascript:alert\(1\)\)\.$/);
    // The sample's hostile message survives as plain text.
    const sample = results.find((r) => r.ruleId === 'unresolvable-upstream')!.message.text!;
    expect(sample).toContain(HOSTILE.html);
    expect(sample).toContain(HOSTILE.command);
  });

  it('bounds one finding’s message and fix', async () => {
    const huge = finding({
      ruleId: 'unknown-license',
      severity: 'warning',
      path: 'e/a.json',
      artifact: 'e',
      message: 'm'.repeat(100_000),
      fix: 'f'.repeat(100_000)
    });
    const text = (await render(reportWith([huge]))).results[0].message.text!;
    expect(text.length).toBeLessThan(4100);
    expect(text).toMatch(/^m+… Fix: f+…$/);
  });

  it('writes paths as URI references that decode back to the repository path', async () => {
    const paths = [
      `${HOSTILE.pipeDir}/adapter_config.json`,
      'weird dir/50% #1?/x.json',
      'c:models/a.json',
      'ünï/ç@d€/README.md'
    ];
    const findings = paths.map((path, i) =>
      finding({ ruleId: 'missing-license', severity: 'error', path, artifact: path.split('/')[0], line: i + 1 })
    );
    const { log, results } = await render(reportWith(findings));
    expect(sarifSchemaErrors(log, VALIDATORS)).toEqual([]);
    const uris = results.map((r) => r.locations![0].physicalLocation!.artifactLocation!.uri!);
    expect(uris).toContain('adapters/pipe%7Cdir/adapter_config.json');
    expect(uris).toContain('c%3Amodels/a.json'); // not a `c:` scheme
    for (const uri of uris) {
      expect(isUriReference(uri)).toBe(true);
      expect(isAbsoluteUri(uri)).toBe(false);
    }
    // What upload-sarif does to find the file.
    expect(uris.map((u) => decodeURIComponent(u)).sort()).toEqual([...paths].sort());
  });

  it('declares %SRCROOT% as the checkout’s file URI only when a repository root is given', async () => {
    expect((await render(sampleReport())).log.runs[0].originalUriBaseIds).toBeUndefined();
    const { log } = await render(sampleReport(), { repoRoot: '/home/runner/work/my repo/my repo' });
    expect(log.runs[0].originalUriBaseIds).toEqual({
      '%SRCROOT%': { uri: 'file:///home/runner/work/my%20repo/my%20repo/' }
    });
    expect((await render(sampleReport(), { repoRoot: '/srv/checkout/' })).log.runs[0].originalUriBaseIds).toEqual({
      '%SRCROOT%': { uri: 'file:///srv/checkout/' }
    });
    expect(sarifSchemaErrors(log, VALIDATORS)).toEqual([]);
  });

  it('keeps 25,000 of 25,001 findings, dropping from the end (the waived one), and says so', async () => {
    const bulk = Array.from({ length: SARIF_MAX_RESULTS }, (_, i) =>
      finding({
        ruleId: i % 2 ? 'unpinned-revision' : 'missing-license',
        severity: i % 2 ? 'warning' : 'error',
        path: `bulk/m${i}.json`,
        artifact: 'bulk',
        line: 1 + (i % 50),
        message: `finding ${i}`
      })
    );
    const waived = finding({
      ruleId: 'missing-upstream',
      severity: 'error',
      path: 'a/lineage.yaml',
      artifact: 'a',
      waived: true,
      waiver: WAIVER
    });
    const { text, log, results } = await render(reportWith([waived, ...bulk]));
    expect(results).toHaveLength(SARIF_MAX_RESULTS);
    expect(results.some((r) => r.suppressions)).toBe(false);
    expect(results[0].level).toBe('error');
    expect(results.at(-1)!.level).toBe('warning');
    expect(log.runs[0].properties?.truncated).toEqual({
      reason: 'result-limit',
      findings: 25_001,
      results: 25_000,
      note:
        'Only the first 25,000 of 25,001 findings are included (errors first, waived last): ' +
        'GitHub code scanning accepts at most 25,000 results per run. The JSON report lists them all.'
    });
    expect(gzipSync(text).length).toBeLessThanOrEqual(10 * 1024 * 1024);
    expect(sarifSchemaErrors(log, VALIDATORS)).toEqual([]);
    // At the limit exactly, nothing is cut.
    expect((await render(reportWith(bulk))).log.runs[0].properties?.truncated).toBeUndefined();
  });

  it('cuts results until the gzip-compressed file fits the upload limit', async () => {
    // Random text does not compress, so size grows with every result kept.
    const findings = Array.from({ length: 400 }, (_, i) =>
      finding({
        ruleId: 'missing-license',
        severity: 'error',
        path: `big/m${i}.json`,
        artifact: 'big',
        message: randomBytes(1500).toString('base64')
      })
    );
    const maxUploadBytes = 256 * 1024;
    const { text, log, results } = await render(reportWith(findings), { maxUploadBytes });
    expect(gzipSync(text).length).toBeLessThanOrEqual(maxUploadBytes);
    expect(results.length).toBeGreaterThan(50);
    expect(results.length).toBeLessThan(400);
    const truncated = log.runs[0].properties?.truncated as {
      reason: string;
      findings: number;
      results: number;
      note: string;
    };
    expect(truncated).toMatchObject({ reason: 'size-limit', findings: 400, results: results.length });
    expect(truncated.note).toContain('0.25 MB per upload (gzip-compressed)');
    expect(sarifSchemaErrors(log, VALIDATORS)).toEqual([]);
    // Uncompressed it is over the limit: the check is on what upload-sarif sends.
    expect(Buffer.byteLength(text)).toBeGreaterThan(maxUploadBytes);
  });
});
