import { licenseIdStatus } from '../../../src/licenses/license-ids.js';
import { isPlaceholderLicense, placeholderLicenseOf, placeholderReason } from '../../../src/licenses/placeholder.js';
import { licenseAllowed } from '../../../src/policy/license-match.js';

describe('isPlaceholderLicense: the one list of license values that name no license', () => {
  it.each([
    'license', // TRL's `licence: license`
    'licence',
    'License',
    '[More Information Needed]', // the Hub card template
    'more information needed',
    'other',
    'None',
    'null',
    'NULL',
    'TODO',
    'todo: add the license',
    'TBD',
    'unknown',
    'Unknown',
    'n/a',
    'N/A',
    '',
    '   ',
    '<license>',
    '{{ license }}'
  ])('%j is a placeholder', (value) => {
    expect(isPlaceholderLicense(value)).toBe(true);
  });

  it('null and undefined are absent values too', () => {
    expect(isPlaceholderLicense(null)).toBe(true);
    expect(isPlaceholderLicense(undefined)).toBe(true);
  });

  it.each(['mit', 'apache-2.0', 'llama3.1', 'MIT License', 'unlicense', 'cc-by-nc-4.0', 'qwen-research', 'nonel'])(
    '%j is a license, not a placeholder',
    (value) => {
      expect(isPlaceholderLicense(value)).toBe(false);
    }
  );

  it('does not look at long values (a placeholder is a word or two)', () => {
    expect(isPlaceholderLicense(`todo ${'x'.repeat(100)}`)).toBe(false);
  });
});

describe('placeholderLicenseOf: a declaration that names no license', () => {
  it('returns the placeholder as written', () => {
    expect(placeholderLicenseOf({ id: 'license' })).toBe('license');
    expect(placeholderLicenseOf({ id: 'other' })).toBe('other');
    expect(placeholderLicenseOf({ id: '' })).toBe('');
    expect(placeholderLicenseOf({ id: 'unknown', name: 'TBD' })).toBe('unknown');
    expect(placeholderLicenseOf({ name: 'None' })).toBe('None');
  });
  it('`other` with a license_name or a license_link names a license', () => {
    expect(placeholderLicenseOf({ id: 'other', name: 'qwen-research' })).toBeUndefined();
    expect(placeholderLicenseOf({ id: 'other', link: 'LICENSE' })).toBeUndefined();
    expect(placeholderLicenseOf({ id: 'other', link: '[More Information Needed]' })).toBe('other');
    expect(placeholderLicenseOf({ id: 'mit' })).toBeUndefined();
    expect(placeholderLicenseOf({ name: 'Acme EULA' })).toBeUndefined();
  });
  it('says why, for messages', () => {
    expect(placeholderReason('licence')).toContain('TRL writes `licence: license`');
    expect(placeholderReason('other')).toContain('without `license_name` or `license_link`');
    expect(placeholderReason('[More Information Needed]')).toContain('template');
    expect(placeholderReason('unknown')).toContain('says nothing');
    expect(placeholderReason('')).toBe('it is empty');
    expect(placeholderReason('TBD')).toBe('it is a placeholder, not a license');
  });
});

describe('every user of the list agrees', () => {
  it('licenseIdStatus tells placeholders from `other` and unknown ids', () => {
    expect(licenseIdStatus('other')).toBe('other');
    expect(licenseIdStatus('unknown')).toBe('placeholder');
    expect(licenseIdStatus('TODO')).toBe('placeholder');
    expect(licenseIdStatus('license')).toBe('placeholder');
    expect(licenseIdStatus('acme-eula')).toBe('unknown');
  });
  it('the policy never allows a placeholder, even with no allow-list', () => {
    for (const id of ['other', 'unknown', 'TODO', 'none', 'license'])
      expect(licenseAllowed(id, { allow: null, deny: [] }).verdict).toBe('unknown');
    expect(licenseAllowed('mit', { allow: null, deny: [] }).verdict).toBe('allowed');
  });
});
