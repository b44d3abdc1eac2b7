/** verifyStatement on a statement someone edited: paths that leave the repository are never read. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultPolicy } from '../../../src/policy/defaults.js';
import { inTotoStatement } from '../../../src/report/render/in-toto.js';
import { verifyStatement } from '../../../src/verify/verify.js';
import { scanOffline } from '../../helpers/offline-gate.js';

describe('verifyStatement', () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'lg-verify-unit-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('refuses subject names that are not repository paths, without reading them', async () => {
    mkdirSync(join(root, 'a'));
    writeFileSync(join(root, 'a/lineage.yaml'), 'schema: 1\nupstreams: [{ id: Qwen/Qwen3-4B }]\n');
    writeFileSync(join(root, 'a/adapter_model.safetensors'), 'bytes');
    const statement = inTotoStatement(await scanOffline(root));
    const zero = { sha256: '0'.repeat(64) };
    for (const name of ['a/../../etc/passwd', '/etc/passwd', 'a/./x', 'a\\x', 'a//x'])
      statement.subject.push({ name, digest: zero });
    const result = await verifyStatement({
      statement,
      root,
      include: () => true,
      policy: defaultPolicy(),
      now: new Date('2026-12-07T00:00:00Z')
    });
    const refused = result.checks.filter((c) => c.detail.startsWith('not a path inside the repository'));
    expect(refused.map((c) => c.subject)).toEqual(['a/../../etc/passwd', 'a/./x', 'a//x']);
    // Names under no artifact of the statement are never read, and make the statement inconsistent.
    const strays = result.checks.filter((c) => c.detail.includes('belongs to none of its artifacts'));
    expect(strays.map((c) => [c.subject, c.ok])).toEqual([
      ['/etc/passwd', false],
      ['a\\x', false]
    ]);
    expect(result.checks.filter((c) => c.ok).map((c) => c.subject)).toEqual(['a/adapter_model.safetensors', 'a']);
  });
});
