import { jest } from '@jest/globals';
import { annotationsSink } from '../../../src/action/sinks.js';
import { MAX_ANNOTATIONS } from '../../../src/report/render/annotations.js';
import { bulkFindings, sampleReport } from '../report/sample-report.js';

/** What the sink printed (workflow commands and log lines), one entry per line. */
async function printed(sink: ReturnType<typeof annotationsSink>, report: ReturnType<typeof sampleReport>) {
  const written: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  try {
    await sink(report);
  } finally {
    spy.mockRestore();
  }
  return written.join('').split('\n').filter(Boolean);
}

describe('annotationsSink', () => {
  const report = sampleReport('error', bulkFindings(MAX_ANNOTATIONS + 3, 'warning', 'bulk', 10));

  it('writes the first 1,000 findings and says where the rest are: the report file written', async () => {
    const lines = await printed(annotationsSink({ reportFile: 'out/lineage.json' }), report);
    expect(lines.filter((l) => l.startsWith('::warning '))).toHaveLength(MAX_ANNOTATIONS);
    expect(lines.at(-1)).toBe(
      'Annotated the first 1,000 of 1,003 findings (errors first); ' +
        'the other 3 are in the JSON report, out/lineage.json.'
    );
  });

  it('or the input to set, when no report file is written; and nothing more under the cap', async () => {
    const lines = await printed(annotationsSink({}), report);
    expect(lines.at(-1)).toBe(
      'Annotated the first 1,000 of 1,003 findings (errors first); ' +
        'the other 3 are in the JSON report once `report-file` is set.'
    );
    const small = await printed(annotationsSink({}), sampleReport());
    expect(small.every((l) => l.startsWith('::'))).toBe(true);
  });
});
