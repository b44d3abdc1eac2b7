/**
 * The run note that lists files read only for their model keys: configs of a tool the gate has no
 * format for. They are checked (their upstreams are judged), but not as fully as a known format,
 * and a reader of the summary should know which ones they were.
 */
import { counted, plural } from '../text/plural.js';
import { LINEAGE_LIKE_FORMAT } from '../formats/unrecognised-manifest.js';
import type { Artifact } from '../lineage/artifact.js';

const LISTED = 10;

/** The files of no known format a run met: the first few by name, and how many in all. */
export class UnknownConfigs {
  readonly shown: string[] = [];
  total = 0;

  add(artifact: Artifact): void {
    for (const r of artifact.records) {
      if (r.format !== LINEAGE_LIKE_FORMAT) continue;
      if (this.shown.length < LISTED) this.shown.push(r.path);
      this.total++;
    }
  }

  note(): string | undefined {
    if (this.total === 0) return undefined;
    const more = this.total > LISTED ? ` and ${this.total - LISTED} more` : '';
    const what = plural(this.total, 'a training config', 'training configs');
    const count = `${counted(this.total, 'file')} looked like ${what}`;
    return (
      `${count} of no format the gate knows; only the models named in their lineage keys ` +
      `(\`model_name_or_path\`, \`base_model\` …) were checked: ${this.shown.join(', ')}${more}. ` +
      'Declare the lineage in a lineage.yaml beside them to have it checked in full.'
    );
  }
}
