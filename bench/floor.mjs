// The read+parse floor: walk a tree, read every file and parse it (JSON.parse, js-yaml; a model
// card's front matter), without positions, schemas or rules. Dot directories are skipped.
// As a process: node bench/floor.mjs DIR (prints the number of files parsed).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return e.name.startsWith('.') ? [] : walk(join(dir, e.name));
    return [join(dir, e.name)];
  });
}

/** Reads and parses every file under dir; returns how many. */
export function readAndParse(dir) {
  const files = walk(dir);
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    if (f.endsWith('.json')) JSON.parse(text);
    else if (f.endsWith('.yaml') || f.endsWith('.yml')) load(text);
    else load(text.split('\n---\n')[0].replace(/^---\n/, ''));
  }
  return files.length;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(readAndParse(process.argv[2]));
