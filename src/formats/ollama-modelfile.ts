import schema from '../../schemas/ollama-modelfile.schema.json' with { type: 'json' };
import { licenseIdStatus } from '../licenses/license-ids.js';
import { classifyOllamaReference } from '../lineage/classify-ollama.js';
import type { LicenseDecl, LineageRecord, UpstreamRef, UpstreamRole } from '../lineage/record.js';
import type { ReadProblem } from '../source/document.js';
import { UNRECOGNISED_KEY } from '../source/modelfile.js';
import { emptyRecord } from './declarations.js';
import { isObject, own, sourceAt } from './fields.js';
import type { FormatInput, ManifestFormat } from './format.js';

const ID = 'ollama-modelfile';

/** Longest license name quoted from a LICENSE text's first line. */
const MAX_LICENSE_NAME = 120;

function strings(input: FormatInput, key: string): { value: string; index: number }[] {
  const items = own(input.doc.value, key);
  if (!Array.isArray(items)) return [];
  return items.flatMap((value, index) => (typeof value === 'string' ? [{ value, index }] : []));
}

function reference(input: FormatInput, key: string, index: number, raw: string, role: UpstreamRole): UpstreamRef {
  return { ...classifyOllamaReference(raw), raw, role, source: sourceAt(input, [key, index]) };
}

/**
 * LICENSE holds the license text itself. A short known id (`apache-2.0`, `llama3.1`) is taken as
 * the id; otherwise the first non-empty line names it ("MIT License", "LLAMA 3.2 COMMUNITY LICENSE …").
 */
function licenseOf(input: FormatInput): LicenseDecl | undefined {
  const [first] = strings(input, 'license');
  if (!first) return undefined;
  const source = sourceAt(input, ['license', first.index]);
  const text = first.value.trim();
  const status = /^\S{1,64}$/.test(text) ? licenseIdStatus(text) : 'unknown';
  if (status === 'hub' || status === 'spdx') return { id: text, source };
  const line = text.split(/\r\n|\r|\n/).find((l) => l.trim() !== '');
  if (line === undefined) return { id: '', source };
  const name = line.trim();
  return { name: name.length > MAX_LICENSE_NAME ? `${name.slice(0, MAX_LICENSE_NAME - 1)}…` : name, source };
}

/** Why a file read as a Modelfile is not one Ollama would take; undefined when it is one. */
export function modelfileProblem(input: FormatInput): ReadProblem | undefined {
  const odd = own(input.doc.value, UNRECOGNISED_KEY);
  if (Array.isArray(odd) && typeof odd[0] === 'string') {
    const word = odd[0].split(/\s/)[0].slice(0, 40);
    return {
      reason:
        `\`${word}\` is not a Modelfile instruction (FROM, ADAPTER, PARAMETER, TEMPLATE, SYSTEM, LICENSE, MESSAGE, ` +
        'REQUIRES …, each followed by its value), so Ollama would refuse this file',
      span: input.doc.spanOf([UNRECOGNISED_KEY, 0])
    };
  }
  if (strings(input, 'from').length === 0) return { reason: 'it has no FROM instruction, so Ollama would refuse it' };
  return undefined;
}

/**
 * Ollama Modelfile. Every FROM is a base: `hf.co/org/repo[:quantisation]` names a Hub repo, a path
 * a local GGUF file or directory, anything else a model of Ollama's own registry (no Hub id). A
 * local ADAPTER is a parent artifact; LICENSE carries the license text.
 */
export const ollamaModelfile: ManifestFormat = {
  id: ID,
  name: 'Ollama Modelfile',
  syntax: 'modelfile',
  recipe: true,
  upstreamHint:
    'write `FROM hf.co/org/repo` (Ollama pulls it from the Hugging Face Hub), or declare the Hub id the ' +
    'model comes from in a lineage.yaml next to it',
  schema,
  detect(value) {
    const from = own(value, 'from');
    return isObject(value) && Array.isArray(from) && from.length > 0 && !Object.hasOwn(value, UNRECOGNISED_KEY);
  },
  read(input) {
    const record: LineageRecord = emptyRecord(input, ID);
    for (const { value, index } of strings(input, 'from'))
      record.upstreams.push(reference(input, 'from', index, value, 'base'));
    for (const { value, index } of strings(input, 'adapter')) {
      const ref = reference(input, 'adapter', index, value, 'upstream');
      // Ollama reads every ADAPTER from disk (relative to the Modelfile): a local artifact this one builds
      // on, not an upstream model. Only an `hf.co/…` adapter names a Hub repo; an empty one is reported.
      if (ref.kind === 'hub-id' || ref.kind === 'empty' || ref.kind === 'placeholder') record.upstreams.push(ref);
      else (record.localRefs ??= []).push({ raw: value, source: ref.source, role: 'upstream' });
    }
    const license = licenseOf(input);
    if (license) record.license = license;
    return record;
  }
};
