/**
 * Git LFS pointer files (git-lfs docs/spec.md): what a checkout holds in place of a file tracked with
 * LFS when the content was not pulled. `version …` comes first, then `key value` lines, e.g.
 *
 *   version https://git-lfs.github.com/spec/v1
 *   oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393
 *   size 12345
 *
 * The oid is the sha256 of the real content, which is what makes a pointer evidence.
 */

/** The spec caps a pointer at 1024 bytes; real ones are about 130. */
export const MAX_LFS_POINTER_BYTES = 1024;

// The hawser URL is what pre-release versions of git-lfs wrote; the spec still accepts it.
const VERSION_LINE = /^version https:\/\/(git-lfs\.github\.com|hawser\.github\.com)\/spec\/v1\r?$/;
const SHA256_OID = /^sha256:([0-9a-f]{64})$/;
const DECIMAL = /^(0|[1-9][0-9]*)$/;

/**
 * The `oid` and `size` fields, as written, of any text that starts like a pointer — also a broken
 * one, so that a manifest committed through LFS is recognised even when its pointer is damaged.
 */
export function lfsPointerFields(text: string): { oid?: string; size?: string } | undefined {
  if (!text.startsWith('version ') || text.length > MAX_LFS_POINTER_BYTES) return undefined;
  if (Buffer.byteLength(text) > MAX_LFS_POINTER_BYTES) return undefined;
  const lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
  if (!VERSION_LINE.test(lines[0])) return undefined;
  const field = (key: string) => lines.find((line) => line.startsWith(`${key} `))?.slice(key.length + 1);
  return { oid: field('oid'), size: field('size') };
}

/** A well-formed pointer: `oid` is the 64 lowercase hex digits of the content's sha256, `size` its bytes. */
export function parseLfsPointer(text: string): { oid: string; size: number } | undefined {
  const fields = lfsPointerFields(text);
  const oid = fields?.oid !== undefined ? SHA256_OID.exec(fields.oid)?.[1] : undefined;
  if (oid === undefined || fields?.size === undefined || !DECIMAL.test(fields.size)) return undefined;
  const size = Number(fields.size);
  return Number.isSafeInteger(size) ? { oid, size } : undefined;
}
