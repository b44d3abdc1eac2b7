import { lfsPointerFields, parseLfsPointer } from '../../../src/source/lfs-pointer.js';
import { lfsPointerText } from '../../helpers/weights.js';

const OID = '4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393';

describe('parseLfsPointer', () => {
  it('reads the oid (hex only) and size of a pointer as git-lfs writes it', () => {
    expect(parseLfsPointer(lfsPointerText(OID, 12345))).toEqual({ oid: OID, size: 12345 });
  });

  it('accepts the pre-release hawser URL, CRLF line ends and extension lines', () => {
    const text =
      'version https://hawser.github.com/spec/v1\r\n' +
      `ext-0-foo sha256:${'0'.repeat(64)}\r\noid sha256:${OID}\r\nsize 0\r\n`;
    expect(parseLfsPointer(text)).toEqual({ oid: OID, size: 0 });
  });

  it.each([
    ['no version line first', `oid sha256:${OID}\nversion https://git-lfs.github.com/spec/v1\nsize 1\n`],
    ['another spec version', `version https://git-lfs.github.com/spec/v2\noid sha256:${OID}\nsize 1\n`],
    ['no oid', 'version https://git-lfs.github.com/spec/v1\nsize 1\n'],
    ['a short oid', `version https://git-lfs.github.com/spec/v1\noid sha256:${OID.slice(1)}\nsize 1\n`],
    ['an upper-case oid', `version https://git-lfs.github.com/spec/v1\noid sha256:${OID.toUpperCase()}\nsize 1\n`],
    ['another hash', `version https://git-lfs.github.com/spec/v1\noid md5:${OID}\nsize 1\n`],
    ['no size', `version https://git-lfs.github.com/spec/v1\noid sha256:${OID}\n`],
    ['a negative size', `version https://git-lfs.github.com/spec/v1\noid sha256:${OID}\nsize -1\n`],
    ['a fractional size', `version https://git-lfs.github.com/spec/v1\noid sha256:${OID}\nsize 1.5\n`],
    ['a size past 2^53', `version https://git-lfs.github.com/spec/v1\noid sha256:${OID}\nsize 9007199254740993\n`],
    ['over 1024 bytes', lfsPointerText(OID, 1) + 'x'.repeat(1024)],
    ['empty text', '']
  ])('refuses %s', (_why, text) => expect(parseLfsPointer(text)).toBeUndefined());
});

describe('lfsPointerFields', () => {
  it('recognises a damaged pointer by its version line, fields as written', () => {
    expect(lfsPointerFields('version https://git-lfs.github.com/spec/v1\nsize 12\n')).toEqual({
      oid: undefined,
      size: '12'
    });
    expect(lfsPointerFields(lfsPointerText(OID, 7))).toEqual({ oid: `sha256:${OID}`, size: '7' });
    expect(lfsPointerFields('{"version": "https://git-lfs.github.com/spec/v1"}')).toBeUndefined();
  });
});
