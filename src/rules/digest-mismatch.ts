import { declaredFilePath } from '../lineage/declared-file.js';
import type { Rule } from './rule.js';
import { manifestRecords, where } from './artifact-facts.js';

export const digestMismatch: Rule = {
  id: 'digest-mismatch',
  meta: {
    description:
      'A declared sha256 disagrees with the file or with the oid of its Git LFS pointer (a warning when the ' +
      'file cannot be verified at all).',
    defaultSeverity: 'error',
    docs: 'docs/rules/digest-mismatch.md'
  },
  check({ artifact }) {
    return manifestRecords(artifact).flatMap((record) =>
      record.digests.flatMap((declared) => {
        const path = declaredFilePath(record.path, declared.file);
        if (path === undefined) return []; // the schema reports a path that leaves the directory
        const computed = artifact.fileDigests?.get(path) ?? { unverifiable: 'the gate did not read it' };
        const subject = `${path}:${declared.sha256}`;
        if ('unverifiable' in computed) {
          return [
            {
              path: declared.source.path,
              at: declared.source.at,
              severity: 'warning' as const,
              message:
                `${where(declared.source)} declares the sha256 of ${path}, but it cannot be verified: ` +
                `${computed.unverifiable}. An unverified digest proves nothing about the weights.`,
              fix:
                'Commit the file (or its Git LFS pointer) at that path, correct the path, or remove the entry ' +
                'if the weights are published elsewhere.',
              subject
            }
          ];
        }
        if (computed.sha256 === declared.sha256.toLowerCase()) return [];
        const what =
          computed.via === 'lfs-pointer'
            ? `its Git LFS pointer says the content's sha256 is ${computed.sha256}`
            : `the file's ${computed.size}-byte content hashes to ${computed.sha256}`;
        return [
          {
            path: declared.source.path,
            at: declared.source.at,
            message:
              `${where(declared.source)} declares sha256 ${declared.sha256} for ${path}, but ${what}: ` +
              'these are not the weights the manifest describes.',
            fix:
              'If the new weights are intended, update the digest (`sha256sum` of the file, or `lineage-gate init ' +
              '--force`) and check that the rest of the manifest still describes them; otherwise restore the file.',
            subject
          }
        ];
      })
    );
  }
};
