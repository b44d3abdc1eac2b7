/**
 * The run note that lists files read only for their model keys: configs of a tool the gate has no
 * format for. They are checked (their upstreams are judged), but not as fully as a known format,
 * and a reader of the summary should know which ones they were.
 */
import { counted, plural } from '../text/plural.js';
import { LINEAGE_LIKE_FORMAT } from '../formats/unrecognised-manifest.js';
import type { Artifact } from '../lineage/artifact.js';

const LISTED = 10;

/** The artifact's files read only for their model keys. */
export function unknownConfigPaths(artifact: Artifact): string[] {
  return artifact.records.filter((r) => r.format === LINEAGE_LIKE_FORMAT).map((r) => r.path);
}

export function unknownConfigsNote(paths: readonly string[]): string | undefined {
  if (paths.length === 0) return undefined;
  const shown = paths.slice(0, LISTED).join(', ');
  const more = paths.length > LISTED ? ` and ${paths.length - LISTED} more` : '';
  const what = plural(paths.length, 'a training config', 'training configs');
  const count = `${counted(paths.length, 'file')} looked like ${what}`;
  return (
    `${count} of no format the gate knows; only the models named in their lineage keys ` +
    `(\`model_name_or_path\`, \`base_model\` …) were checked: ${shown}${more}. ` +
    'Declare the lineage in a lineage.yaml beside them to have it checked in full.'
  );
}
