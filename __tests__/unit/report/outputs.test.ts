import { toOutputs } from '../../../src/report/render/outputs.js';
import { sampleReport } from './sample-report.js';

describe('toOutputs', () => {
  it('gives every output of action.yml as a string', () => {
    expect(toOutputs(sampleReport(), { reportFile: 'out/lineage.json' })).toEqual({
      result: 'fail',
      errors: '2',
      warnings: '2',
      waived: '1',
      artifacts: '4',
      'report-file': 'out/lineage.json',
      'sarif-file': '',
      'bom-file': '',
      'attestation-file': ''
    });
  });

  it('names the attestation file only when there was an artifact to attest', () => {
    expect(toOutputs(sampleReport(), { attestationFile: 'out/s.json' })['attestation-file']).toBe('out/s.json');
    const empty = { ...sampleReport(), artifacts: [] };
    expect(toOutputs(empty, { attestationFile: 'out/s.json' })['attestation-file']).toBe('');
  });

  it('follows the report: fail-on never passes, files not written are empty', () => {
    const outputs = toOutputs(sampleReport('never'));
    expect(outputs.result).toBe('pass');
    expect(outputs['report-file']).toBe('');
    expect(outputs['sarif-file']).toBe('');
    expect(outputs['bom-file']).toBe('');
  });
});
