import { jest } from '@jest/globals';
import * as core from '@actions/core';
import type { AnnotationProperties } from '@actions/core';
import { emitAnnotations, toAnnotations } from '../../../src/report/render/annotations.js';
import type { Finding } from '../../../src/findings/finding.js';
import { bulkFindings, HOSTILE, sampleReport } from './sample-report.js';

describe('toAnnotations', () => {
  const annotations = [...toAnnotations(sampleReport())];

  it('gives one annotation per finding, errors first, then by path and line', () => {
    expect(annotations.map((a) => `${a.level} ${a.properties.file}:${a.properties.startLine}`)).toEqual([
      'error adapters/pipe|dir/adapter_config.json:2',
      'error runs/mens-7/training_manifest.json:1',
      'warning adapters/pipe|dir/adapter_config.json:9',
      'warning runs/mens-7/training_manifest.json:7',
      'notice adapters/clean/README.md:3',
      'notice lineage.yaml:1'
    ]);
  });

  it('titles with the rule id and appends the fix to the message', () => {
    expect(annotations[3]).toEqual({
      level: 'warning',
      message: 'The upstream gpt2 is not pinned. Fix: Pin a 40-hex commit.',
      properties: {
        title: 'unpinned-revision',
        file: 'runs/mens-7/training_manifest.json',
        startLine: 7,
        endLine: 7,
        startColumn: 3,
        endColumn: 10
      }
    });
  });

  it('shows a waived error as a notice marked [waived]', () => {
    const waived = annotations.find((a) => a.properties.file === 'lineage.yaml')!;
    expect(waived.level).toBe('notice');
    expect(waived.message).toBe('[waived] No upstream declared. Fix: Declare the base model.');
  });

  it('drops columns when the finding spans lines (GitHub accepts columns only within one line)', () => {
    const multi = annotations.find((a) => a.properties.title === 'missing-license')!;
    expect(multi.properties).toEqual({
      title: 'missing-license',
      file: 'runs/mens-7/training_manifest.json',
      startLine: 1,
      endLine: 3
    });
  });
});

describe('emitAnnotations', () => {
  it('calls the sink method of each level with the message and properties', () => {
    const calls: [string, string, AnnotationProperties | undefined][] = [];
    const sink = {
      error: (m: string, p?: AnnotationProperties) => calls.push(['error', m, p]),
      warning: (m: string, p?: AnnotationProperties) => calls.push(['warning', m, p]),
      notice: (m: string, p?: AnnotationProperties) => calls.push(['notice', m, p])
    };
    const annotations = [...toAnnotations(sampleReport())];
    emitAnnotations(annotations, sink);
    expect(calls.map(([level]) => level)).toEqual(['error', 'error', 'warning', 'warning', 'notice', 'notice']);
    expect(calls[2][2]).toEqual(annotations[2].properties);
  });

  it('stops after `limit` annotations and says how many it wrote', () => {
    const levels: string[] = [];
    const sink = {
      error: () => levels.push('error'),
      warning: () => levels.push('warning'),
      notice: () => levels.push('notice')
    };
    expect(emitAnnotations(toAnnotations(sampleReport()), sink, 3)).toBe(3);
    expect(levels).toEqual(['error', 'error', 'warning']);
    expect(emitAnnotations(toAnnotations(sampleReport()), sink, 100)).toBe(6);
  });

  it('reads no further than the annotations it writes when nothing was waived', () => {
    let read = 0;
    const counting = (f: Finding): Finding =>
      new Proxy(f, { get: (t, key) => (key === 'waived' && read++, t[key as keyof Finding]) });
    const report = sampleReport('error', bulkFindings(3_000, 'warning', 'bulk', 10).map(counting));
    report.findings[Symbol.iterator]().next(); // the first walk sorts the list, reading every finding
    read = 0;
    const sink = { error: () => undefined, warning: () => undefined, notice: () => undefined };
    expect(emitAnnotations(toAnnotations(report), sink, 5)).toBe(5);
    expect(read).toBeLessThan(100); // a few reads per annotation written; 3,021 when the waived walk ran
  });

  it('through @actions/core, PR text cannot add a workflow command of its own', () => {
    const written: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      emitAnnotations([...toAnnotations(sampleReport())], core);
    } finally {
      spy.mockRestore();
    }
    const lines = written
      .join('')
      .split(/\r?\n/)
      .filter((l) => l !== '');
    expect(lines).toHaveLength(6);
    expect(lines.map((l) => l.slice(0, l.indexOf(' ')))).toEqual([
      '::error',
      '::error',
      '::warning',
      '::warning',
      '::notice',
      '::notice'
    ]);
    const hostile = lines.find((l) => l.includes('unresolvable-upstream'))!;
    // Properties are escaped (`|` stays, `,` and `:` would be %2C / %3A), the message's newlines are %0A.
    expect(
      hostile.startsWith(
        '::error ' +
          'title=unresolvable-upstream,file=adapters/pipe|dir/adapter_config.json,line=2,endLine=2,col=3,endColumn=10::'
      )
    ).toBe(true);
    expect(hostile).toContain('%0A::error::owned');
    expect(hostile).toContain(HOSTILE.html);
  });
});
