import type { Finding } from '../../../src/findings/finding.js';
import { renderMarkdownDocument } from '../../../src/report/render/markdown-document.js';
import { buildReport } from '../../../src/report/build.js';
import { renderMarkdown } from '../../../src/report/render/markdown.js';
import { renderSummary, SUMMARY_MAX_BYTES } from '../../../src/report/render/summary.js';
import { artifactDetail, cells, tableRows, withoutCodeSpans } from './markdown-check.js';
import { thousands } from '../../../src/text/thousands.js';
import {
  SAMPLE_POLICY,
  ARTIFACTS,
  completeArtifact,
  DOCS,
  HOSTILE,
  bulkFindings,
  finding,
  sampleReport
} from './sample-report.js';

const SHA = 'feedfacefeedfacefeedfacefeedfacefeedface';
const linked = { docsBase: DOCS, repoUrl: 'https://github.com/o/r', sha: SHA };

const PEDIGREE_DOC = 'https://github.com/lineage-gate/lineage-gate/blob/main/docs/pedigree.md';

/**
 * Builds the report with every list held in memory: past a few thousand items it would keep them in
 * files, and the items walked back from those are copies, not the Proxies that count what is read.
 */
function heldInMemory(build: () => ReturnType<typeof buildReport>): ReturnType<typeof buildReport> {
  const before = process.env.LINEAGE_GATE_INTERNAL_SPILL_AT;
  process.env.LINEAGE_GATE_INTERNAL_SPILL_AT = String(1e9);
  try {
    return build();
  } finally {
    if (before === undefined) delete process.env.LINEAGE_GATE_INTERNAL_SPILL_AT;
    else process.env.LINEAGE_GATE_INTERNAL_SPILL_AT = before;
  }
}

describe('renderSummary', () => {
  const md = renderSummary(sampleReport(), linked);

  it('opens with the verdict, the counts and what fail-on was', () => {
    const lines = md.split('\n');
    expect(lines[0]).toBe('## ❌ Lineage gate: fail');
    expect(lines[2]).toBe(
      '**2 errors, 2 warnings and 1 notice** in 4 artifacts (5 manifests) (1 finding ' +
        'waived). Fail-on is `error`: any error that is not waived fails the gate.'
    );
    const never = renderSummary(sampleReport('never'), linked);
    expect(never.split('\n')[0]).toBe('## ✅ Lineage gate: pass');
    expect(never).toContain('Fail-on is `never`: findings are reported but never fail the gate.');
  });

  it('says how the files were chosen and lists the run notes', () => {
    expect(md).toContain('**Files:** pull request \\#12 files API \\(14 files\\)');
    expect(md).toContain('- git diff fallback: the API list is capped at 3,000 files @\u200Beveryone');
  });

  it('tabulates every artifact on one line of four cells, status first, each upstream once', () => {
    const rows = tableRows(md);
    expect(rows).toHaveLength(ARTIFACTS.length);
    for (const row of rows) expect(cells(row)).toHaveLength(4);
    // the same claim in two manifests is one upstream
    expect(cells(rows[0])).toEqual(['✅ pass', '`adapters/clean`', '`meta-llama/Llama-3.1-8B`', '`llama3.1`']);
    expect(cells(rows[1])).toEqual([
      '❌ fail',
      '`adapters/pipe\\|dir`',
      '`/home/me/<img src=x onerror=alert(1)>\\|x`',
      '`other` (Custom @\u200Beveryone &#124; &lt;img src=x onerror=a…)'
    ]);
    expect(cells(rows[2])).toEqual(['❌ fail', '`runs/mens-7`', '`gpt2`', '*none*']);
    expect(cells(rows[3])).toEqual(['✅ pass', '`.`', '—', '`apache-2.0`']);
  });

  it('puts manifests, upstream evidence and attribution in a <details> under the table', () => {
    expect(md).toContain('\n\n<details><summary>Manifests, upstream evidence and attribution</summary>\n\n- ');
    expect(md).toContain('\n\n</details>\n');
    expect(artifactDetail(md, 'adapters/clean')).toEqual([
      'Manifests: `adapter_config.json` (peft-adapter-config), `README.md` (hf-model-card)',
      'Upstream `meta-llama/Llama-3.1-8B`: `@0123456789ab`, hub-id, primary, license llama3.1 \\(declared, primary\\)',
      'License: `llama3.1`',
      'Attribution: Built with Llama',
      `Pedigree: \`${ARTIFACTS[0].pedigree}\` ([what it binds](${PEDIGREE_DOC}))`
    ]);
    expect(artifactDetail(md, 'adapters/pipe|dir')).toEqual([
      'Manifests: `adapter_config.json` (peft-adapter-config)',
      'Upstream `/home/me/<img src=x onerror=alert(1)>|x`: local-path, primary',
      'License: `other` (Custom @\u200Beveryone &#124; &lt;img src=x onerror=alert\\(1\\)&gt;)',
      'Attribution: —',
      `Pedigree: \`${ARTIFACTS[1].pedigree}\` ([what it binds](${PEDIGREE_DOC}))`
    ]);
    expect(artifactDetail(md, 'runs/mens-7')[1]).toBe('Upstream `gpt2`: `@main`, bare-id, inferred, upstream');
  });

  it('says attribution is owed where a live missing-attribution finding is, and not where it is waived', () => {
    const owedOn = (waived: boolean) => {
      const f = finding({
        ruleId: 'missing-attribution',
        severity: 'error',
        path: 'runs/mens-7/training_manifest.json',
        artifact: 'runs/mens-7',
        waived
      });
      return artifactDetail(renderSummary(sampleReport('error', [f]), linked), 'runs/mens-7')[3];
    };
    expect(owedOn(false)).toBe('Attribution: ❌ owed, missing');
    expect(owedOn(true)).toBe('Attribution: —');
  });

  it('shows the start of a long attribution notice on one line, escaped', () => {
    const notice = `Built with Llama.\n${HOSTILE.mention} ${'x'.repeat(200)}`;
    const report = buildReport({
      version: '0.1.0',
      failOn: 'error',
      artifacts: [{ ...ARTIFACTS[0], attribution: notice }],
      findings: [],
      changeSource: 's',
      notes: [],
      manifestsCount: 1,
      policy: SAMPLE_POLICY
    });
    const cell = artifactDetail(renderSummary(report, linked), 'adapters/clean')[3].replace(/^Attribution: /, '');
    expect(cell.startsWith('Built with Llama. @\u200Beveryone xxx')).toBe(true);
    expect(cell.endsWith('…')).toBe(true);
    expect(cell.length).toBeLessThan(140);
  });

  it('groups findings by artifact, in table order, with their tallies', () => {
    const headings = md.split('\n').filter((l) => l.startsWith('#### '));
    expect(headings).toEqual([
      '#### `adapters/clean` — 1 notice',
      '#### `adapters/pipe|dir` — 1 error, 1 warning',
      '#### `runs/mens-7` — 1 error, 1 warning',
      '#### `.` — 1 waived'
    ]);
  });

  it('links each rule to its page and each location to the lines at the commit', () => {
    const items = md.split('\n').filter((l) => l.includes('**Fix:**'));
    expect(items).toHaveLength(6);
    expect(items[0]).toBe(
      `- ℹ️ **notice** [\`hub-gated\`](${DOCS}/hub-gated.md) at ` +
        `[\`adapters/clean/README.md:3\`](https://github.com/o/r/blob/${SHA}/adapters/clean/README.md?plain=1#L3) ` +
        `— meta-llama/Llama-3.1-8B is gated.<br>**Fix:** Nothing to do; users need access.`
    );
    expect(md).toContain(`(https://github.com/o/r/blob/${SHA}/adapters/pipe%7Cdir/adapter_config.json#L2)`);
    expect(md).toContain(`(https://github.com/o/r/blob/${SHA}/runs/mens-7/training_manifest.json#L1-L3)`);
    expect(md).toContain('- 🔕 **error, waived** [`missing-upstream`]');
    const plain = renderSummary(sampleReport(), { docsBase: DOCS });
    expect(plain).not.toContain(SHA);
    expect(plain).toContain('at `lineage.yaml:1` — \\[waived\\] No upstream declared.');
  });

  it('lets no PR text become HTML, a mention, a heading, a list item or a broken row', () => {
    const prose = withoutCodeSpans(md);
    // only our own <br>, <sub> and the <details> of the artifact table
    expect(prose).not.toMatch(/<(?!br>|\/?sub>|\/?details>|\/?summary>)/);
    expect(prose).not.toMatch(/@[A-Za-z0-9]/);
    expect(md).not.toContain(HOSTILE.html.replace(/[()]/g, '\\$&')); // never unescaped outside code
    for (const line of md.split('\n')) {
      if (line.startsWith('#'))
        expect(line).toMatch(/^(## [✅❌] Lineage gate: |### (Artifacts|Lineage|Findings)$|#### )/);
      expect(line.startsWith('::')).toBe(false);
    }
    const hostile = md.split('\n').find((l) => l.includes('unresolvable-upstream'))!;
    expect(hostile).toContain('first line<br><br>\\# injected heading<br>::error::owned');
    // A backtick pair in a message is read as the gate's code span and shown verbatim; the rest are escaped.
    expect(hostile).toContain('a \\`\\``  b  ` c');
  });

  it('stays as it is when under the limit', () => {
    expect(md).not.toContain('Shortened');
    expect(Buffer.byteLength(md)).toBeLessThan(SUMMARY_MAX_BYTES);
  });
});

describe('a PR comment of a run with tens of thousands of findings', () => {
  // 60,000 short warnings: far more than 64 KiB can hold, so only the first few hundred are even rendered.
  let messagesRead = 0;
  const counting = (f: Finding): Finding =>
    new Proxy(f, { get: (t, key) => (key === 'message' && messagesRead++, t[key as keyof Finding]) });
  const report = heldInMemory(() =>
    buildReport({
      version: '0.1.0',
      failOn: 'error',
      artifacts: [],
      findings: [...bulkFindings(60_000, 'warning', 'bulk', 10), ...bulkFindings(3, 'error', 'bulk', 10)].map(counting),
      changeSource: 'full scan',
      notes: [],
      manifestsCount: 1,
      policy: SAMPLE_POLICY
    })
  );
  const maxBytes = 64 * 1024;
  messagesRead = 0; // building the report froze (and so read) every finding
  const md = renderMarkdownDocument(report, { ...linked, maxBytes });
  const items = (severity: string) => md.split('\n').filter((l) => l.includes(`**${severity}**`));

  it('fits, keeps every error, and counts everything it left out, rendered or not', () => {
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(maxBytes);
    expect(items('error')).toHaveLength(3);
    const shown = items('warning').length;
    expect(shown).toBeGreaterThan(100);
    expect(md).toContain(
      `the details of ${thousands(60_000 - shown)} findings (${thousands(60_000 - shown)} warnings) were left out`
    );
    // The artifact's heading counts all of its findings, not only those considered for the document.
    expect(md).toContain('— 3 errors, 60,000 warnings');
    // Only what could fit was rendered at all: a message is read once per item made.
    expect(messagesRead).toBeLessThan(1_000);
  });
});

describe('a PR comment of a run with 20,000 artifacts', () => {
  // Rows go from the bottom, so past the point where the rows alone outgrow the limit none is even built.
  let detailsBuilt = 0;
  const artifacts = Array.from({ length: 20_000 }, (_, i) =>
    completeArtifact({
      dir: `runs/r${String(i).padStart(5, '0')}`,
      manifests: [{ path: `runs/r${String(i).padStart(5, '0')}/lineage.yaml`, format: 'lineage' }],
      upstreams: [],
      license: null,
      attribution: null,
      weights: [],
      datasets: [],
      parents: [],
      status: 'pass'
    })
  ).map((a) => new Proxy(a, { get: (t, key) => (key === 'manifests' && detailsBuilt++, t[key as keyof typeof t]) }));
  const report = heldInMemory(() =>
    buildReport({
      version: '0.1.0',
      failOn: 'error',
      artifacts,
      findings: [],
      changeSource: 'full scan',
      notes: [],
      manifestsCount: 20_000,
      policy: SAMPLE_POLICY
    })
  );
  const maxBytes = 64 * 1024;
  detailsBuilt = 0;
  const md = renderMarkdownDocument(report, { ...linked, maxBytes });

  it('fits, counts every row it left out, and builds only the rows that could fit', () => {
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(maxBytes);
    const shown = tableRows(md).length;
    expect(shown).toBeGreaterThan(100);
    expect(md).toContain(`${20_000 - shown} of 20000 rows of the artifact table were left out`);
    expect(detailsBuilt).toBeLessThan(2_000);
  });
});

describe('renderSummary over 1 MiB', () => {
  const findings = [
    ...bulkFindings(400, 'error', 'bulk'),
    ...bulkFindings(2500, 'warning', 'bulk'),
    ...bulkFindings(800, 'notice', 'bulk')
  ];
  const report = buildReport({
    version: '0.1.0',
    failOn: 'error',
    artifacts: [
      completeArtifact({
        dir: 'bulk',
        manifests: [],
        upstreams: [],
        license: null,
        attribution: null,
        weights: [],
        datasets: [],
        parents: [],
        status: 'fail'
      })
    ],
    findings,
    changeSource: 'full scan',
    notes: [],
    manifestsCount: 3700,
    policy: SAMPLE_POLICY
  });
  const full = renderMarkdown(report, { docsBase: DOCS });
  const summary = renderSummary(report, linked);
  const items = (md: string, severity: string) => md.split('\n').filter((l) => l.includes(`**${severity}**`));

  it('is really over the limit unshortened', () => {
    expect(Buffer.byteLength(full)).toBeGreaterThan(SUMMARY_MAX_BYTES);
    expect(items(full, 'warning')).toHaveLength(2500);
  });

  it('fits in 1 MiB, keeping the verdict, the table and every error', () => {
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES);
    expect(summary.startsWith('## ❌ Lineage gate: fail\n\n**400 errors, 2,500 warnings and 800 notices**')).toBe(true);
    expect(tableRows(summary)).toHaveLength(1);
    expect(items(summary, 'error')).toHaveLength(400);
  });

  it('drops notices first, then warnings from the bottom, and says how many', () => {
    expect(items(summary, 'notice')).toHaveLength(0);
    const kept = items(summary, 'warning').map((l) => /warning number (\d+)/.exec(l)![1]);
    expect(kept.length).toBeGreaterThan(100);
    expect(kept.length).toBeLessThan(2500);
    expect(kept).toEqual(kept.map((_, i) => String(i))); // a prefix: the bottom ones went
    const leftOut = 2500 - kept.length + 800;
    expect(summary).toContain(
      `Shortened to stay under the 1 MiB limit: the details of ${thousands(leftOut)} ` +
        `findings (${thousands(2500 - kept.length)} warnings, 800 notices) were left out`
    );
  });

  it('shortens errors to one line each before leaving any out', () => {
    const errorsOnly = buildReport({
      version: '0.1.0',
      failOn: 'error',
      artifacts: [],
      findings: bulkFindings(200, 'error', 'bulk', 2000),
      changeSource: 'full scan',
      notes: [],
      manifestsCount: 200,
      policy: SAMPLE_POLICY
    });
    const whole = renderSummary(errorsOnly, linked);
    const bounded = renderSummary(errorsOnly, { ...linked, maxBytes: 128 * 1024 });
    expect(Buffer.byteLength(whole)).toBeGreaterThan(128 * 1024);
    expect(Buffer.byteLength(bounded)).toBeLessThanOrEqual(128 * 1024);
    const shown = items(bounded, 'error');
    expect(shown).toHaveLength(200);
    // The top ones stay whole; those cut short lose the fix and keep the start of the message.
    expect(shown[0]).toContain('**Fix:**');
    const short = shown.filter((l) => !l.includes('**Fix:**'));
    expect(short.length).toBeGreaterThan(0);
    expect(short.every((l) => l.endsWith('…'))).toBe(true);
    expect(bounded).toContain(`${short.length} errors are shown on one line, without their fix.`);
    expect(bounded).not.toContain('left out');
  });

  it('keeps the verdict even when errors alone exceed a small limit', () => {
    const tiny = renderSummary(report, { ...linked, maxBytes: 8 * 1024 });
    expect(Buffer.byteLength(tiny)).toBeLessThanOrEqual(8 * 1024);
    expect(tiny.startsWith('## ❌ Lineage gate: fail')).toBe(true);
    expect(items(tiny, 'warning')).toHaveLength(0);
    expect(items(tiny, 'error').length).toBeGreaterThan(0);
    expect(tiny).toContain('1 of 1 rows of the artifact table');
    expect(tiny).toContain('lineage-gate 0.1.0');
  });

  it('cannot be raised above GitHub\u2019s cap', () => {
    expect(renderSummary(report, { ...linked, maxBytes: 10 * SUMMARY_MAX_BYTES })).toBe(summary);
  });
});

describe('renderMarkdown', () => {
  it('has the same content as the job summary', () => {
    expect(renderMarkdown(sampleReport(), linked)).toBe(renderSummary(sampleReport(), linked));
  });

  it('is bounded only when asked', () => {
    const report = sampleReport();
    const bounded = renderMarkdown(report, { docsBase: DOCS, maxBytes: 2048 });
    expect(Buffer.byteLength(bounded)).toBeLessThanOrEqual(2048);
    expect(bounded).toContain('Shortened to stay under the 2 KiB limit');
  });

  it('says when there is nothing to check and when there are no findings', () => {
    const empty = buildReport({
      version: '1',
      failOn: 'error',
      artifacts: [],
      findings: [],
      changeSource: 'full scan',
      notes: [],
      manifestsCount: 0,
      policy: SAMPLE_POLICY
    });
    expect(renderMarkdown(empty, { docsBase: DOCS })).toContain('No artifacts were checked');
    const clean = buildReport({
      version: '1',
      failOn: 'error',
      artifacts: ARTIFACTS,
      findings: [],
      changeSource: 'full scan',
      notes: [],
      manifestsCount: 5,
      policy: SAMPLE_POLICY
    });
    const md = renderMarkdown(clean, { docsBase: DOCS });
    expect(md).toContain('\nNo findings.\n');
    expect(md).not.toContain('### Findings');
  });
});
