/**
 * One manifest file → a LineageRecord (with its schema problems), or why it could not be read,
 * or why it is not a manifest after all (a README without model-card metadata).
 * Pure: the caller reads the bytes (bounded) and passes them in.
 */
import type { SchemaProblem, UnreadableManifest } from '../lineage/artifact.js';
import type { LineageRecord, SourceRef } from '../lineage/record.js';
import type { ReadProblem, SourceDocument } from '../source/document.js';
import { extractFrontMatter, firstLoneCr } from '../source/front-matter.js';
import { parseJsonDocument } from '../source/json.js';
import { parseModelfile, UNRECOGNISED_KEY } from '../source/modelfile.js';
import { FILE_START, LineIndex } from '../source/span.js';
import { parseYamlDocument } from '../source/yaml.js';
import { decodeManifest, MAX_MANIFEST_BYTES } from './decode.js';
import { hasKey, isObject } from './fields.js';
import type { FormatInput, ManifestFormat, Syntax } from './format.js';
import { DISTINCTIVE_MODEL_CARD_KEYS, MODEL_CARD_KEYS } from './hf-model-card.js';
import {
  basenameOf,
  hasModelfileName,
  isContentCandidate,
  isWeakName,
  nameKind,
  type NameKind
} from './manifest-names.js';
import { modelfileProblem } from './ollama-modelfile.js';
import { detectFormat } from './registry.js';
import { hasLineageKeys, LINEAGE_MODEL_KEYS, readLineageLike, readUnrecognised } from './unrecognised-manifest.js';
import { validateManifest } from './validate.js';

export { MAX_MANIFEST_BYTES } from './decode.js';
export { isManifestCandidate } from './manifest-names.js';

export type ReadResult =
  | { kind: 'record'; record: LineageRecord; schemaProblems: SchemaProblem[] }
  | { kind: 'unreadable'; problem: UnreadableManifest }
  | {
      kind: 'not-a-manifest';
      reason: string;
      /** A Markdown file without card metadata: whether it has front matter, and its text after it. */
      plainCard?: { frontMatter: boolean; prose: string };
    };

/** What a file's name says it is written in (its content may still say it is no manifest). */
export function syntaxOf(path: string): Syntax | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  if (lower.endsWith('.md')) return 'front-matter';
  // Modelfile, llama3.Modelfile, Modelfile.q4, and files with no extension (a Modelfile saved as
  // `makefile`): Ollama's files have no fixed name, and only their content makes them one.
  if (hasModelfileName(path) || !basenameOf(path).includes('.')) return 'modelfile';
  return undefined;
}

function unreadable(path: string, problem: ReadProblem): ReadResult {
  const { reason, span, fix } = problem;
  return { kind: 'unreadable', problem: { path, reason, at: span ?? FILE_START, ...(fix ? { fix } : {}) } };
}

type Parsed = { input: FormatInput } | { result: ReadResult };

/** Model-card front matter, or why this Markdown file is not a model card. */
function parseMarkdown(path: string, text: string): Parsed {
  const fm = extractFrontMatter(text);
  if (fm && 'unclosedAt' in fm) {
    const at = { line: fm.unclosedAt, column: 1, endLine: fm.unclosedAt, endColumn: 4 };
    const reason =
      `its front matter opens with \`---\` on line ${fm.unclosedAt} and never closes, so its metadata ` +
      'cannot be told from the prose: add a `---` line after the last metadata line';
    return { result: unreadable(path, { reason, span: at }) };
  }
  const loneCr = firstLoneCr(text);
  // Split on LF only, lone-CR text is one line: a card whose metadata is invisible, not a plain README.
  if (!fm && loneCr >= 0 && extractFrontMatter(text.replace(/\r(?!\n)/g, '\n'))) {
    const at = new LineIndex(text).span(loneCr, loneCr + 1);
    const reason =
      'it uses lone CR (`\\r`) line endings, so its front matter cannot be read: ' +
      'save it with LF (or CRLF) line endings';
    return { result: unreadable(path, { reason, span: at }) };
  }
  if (!fm)
    return {
      result: {
        kind: 'not-a-manifest',
        reason: 'it has no YAML front matter, so it carries no model-card metadata',
        plainCard: { frontMatter: false, prose: text }
      }
    };
  const parsed = parseYamlDocument(fm.yaml, fm.yamlStartLine - 1);
  if ('problem' in parsed)
    return { result: unreadable(path, { ...parsed.problem, reason: `its front matter is ${parsed.problem.reason}` }) };
  const value = parsed.doc.value;
  const listed = Array.isArray(value) ? value.findIndex((item) => isObject(item) && hasModelCardKey(item)) : -1;
  if (listed >= 0) {
    // `- base_model: …` lines: metadata the Hub cannot read either, not a README without metadata.
    const reason =
      'its front matter is a list, not a mapping, so the Hub reads none of its model-card keys: ' +
      'write them without the leading `- `';
    return { result: unreadable(path, { reason, span: parsed.doc.spanOf([listed]) }) };
  }
  if (!isObject(value) || !hasModelCardKey(value)) {
    return {
      result: {
        kind: 'not-a-manifest',
        reason: `its front matter has none of the model-card keys (${MODEL_CARD_KEYS.join(', ')})`,
        plainCard: { frontMatter: true, prose: fm.body }
      }
    };
  }
  return { input: { path, doc: parsed.doc, prose: { text: fm.body, startLine: fm.bodyStartLine } } };
}

function hasModelCardKey(value: object): boolean {
  return MODEL_CARD_KEYS.some((k) => Object.hasOwn(value, k));
}

function parseData(path: string, text: string, syntax: 'json' | 'yaml' | 'modelfile'): Parsed {
  const parsed: { doc: SourceDocument } | { problem: ReadProblem } =
    syntax === 'json' ? parseJsonDocument(text) : syntax === 'yaml' ? parseYamlDocument(text) : parseModelfile(text);
  if ('problem' in parsed) return { result: unreadable(path, parsed.problem) };
  return { input: { path, doc: parsed.doc } };
}

/**
 * Keys that say a JSON or YAML file is about a model's lineage whatever tool wrote it: a file
 * with one of them is never dropped unseen (read for them, or reported unreadable).
 */
export const LINEAGE_LIKE_KEYS: readonly string[] = [...LINEAGE_MODEL_KEYS, 'merge_method'];

const MENTIONS_LINEAGE = new RegExp(`(${LINEAGE_LIKE_KEYS.join('|')})["']?\\s*:`);

/**
 * A file nominated by its extension only is a manifest when its content says so: its read errors
 * count only when its text names a lineage key (a Helm template or a tsconfig with comments is
 * nobody's manifest), and otherwise it is simply not one.
 */
function contentOnly(result: ReadResult, text: string): ReadResult {
  if (result.kind !== 'unreadable' || MENTIONS_LINEAGE.test(text)) return result;
  return { kind: 'not-a-manifest', reason: `it cannot be read (${result.problem.reason}) and names no model` };
}

function hasDistinctiveCardKey(value: unknown): boolean {
  return DISTINCTIVE_MODEL_CARD_KEYS.some((k) => hasKey(value, k));
}

/** What the caller knows of the file's surroundings. */
export interface ReadContext {
  /**
   * The directory holds weights or a named manifest: a Markdown file there is read as the
   * artifact's model card with any model-card key (a bare `license:` is the artifact's license).
   */
  inArtifact?: boolean;
}

/**
 * Read one manifest candidate. `size` is the file's size on disk when the caller knows it (it
 * may pass only the first MAX_MANIFEST_BYTES + 1 bytes of a larger file).
 */
export function readManifest(path: string, bytes: Buffer, size?: number, context: ReadContext = {}): ReadResult {
  return withinListLimits(readAnyManifest(path, bytes, size, context));
}

/**
 * Most entries one list of a record may hold. A real artifact names a handful of upstreams (a
 * frankenmerge's slices a few hundred); a file naming thousands is hostile, and every rule looks at
 * every upstream and license (some pairwise), so it is reported unreadable rather than checked in
 * part. Datasets are only classified one by one, and a training mix may list many.
 */
export const MAX_LISTED_ENTRIES = 1_000;
export const MAX_LISTED_DATASETS = 10_000;

function withinListLimits(result: ReadResult): ReadResult {
  if (result.kind !== 'record') return result;
  const { record } = result;
  const lists: [string, { source: SourceRef }[], number][] = [
    ['upstreams', record.upstreams, MAX_LISTED_ENTRIES],
    ['upstream licenses', record.upstreamLicenses, MAX_LISTED_ENTRIES],
    ['datasets', record.datasets, MAX_LISTED_DATASETS],
    ['digests', record.digests, MAX_LISTED_ENTRIES],
    ['local artifacts', record.localRefs ?? [], MAX_LISTED_ENTRIES],
    ['data mix sources', record.dataMix?.sources ?? [], MAX_LISTED_DATASETS]
  ];
  for (const [what, entries, limit] of lists) {
    if (entries.length <= limit) continue;
    const first = entries[limit].source;
    const reason =
      `it names ${entries.length} ${what}; the limit is ${limit} (from \`${first.field}\` on): ` +
      "lineage names an artifact's direct sources, not a catalogue";
    const fix =
      'Name only what the artifact was made from; keep a list of candidate models or datasets ' +
      'in a file of another name.';
    return unreadable(record.path, { reason, span: first.at, fix });
  }
  return result;
}

function readAnyManifest(path: string, bytes: Buffer, size: number | undefined, context: ReadContext): ReadResult {
  const kind = nameKind(path);
  const syntax = syntaxOf(path);
  if (!syntax || (!kind && !isContentCandidate(path)))
    return { kind: 'not-a-manifest', reason: 'its name is not one of the manifest names the gate reads' };
  if (kind) return readNamed(path, bytes, size, syntax, kind);
  const result = readByContent(path, bytes, size, syntax, context);
  // A Modelfile's name says what it is: its problems count like a named manifest's.
  if (hasModelfileName(path)) return result;
  return contentOnly(result, bytes.subarray(0, MAX_MANIFEST_BYTES).toString('latin1'));
}

/** A Modelfile by name that no Modelfile format takes: unreadable when it holds instructions at all. */
function notAModelfile(input: FormatInput): ReadResult {
  const value = input.doc.value;
  if (!isObject(value) || !Object.keys(value).some((k) => k !== UNRECOGNISED_KEY)) {
    const reason = 'it holds no Modelfile instruction (FROM, PARAMETER …), so it is not an Ollama Modelfile';
    return { kind: 'not-a-manifest', reason };
  }
  return unreadable(input.path, modelfileProblem(input) ?? { reason: 'it is not a Modelfile Ollama would take' });
}

function parse(path: string, bytes: Buffer, size: number | undefined, syntax: Syntax): Parsed {
  const decoded = decodeManifest(bytes, size);
  if ('problem' in decoded) return { result: unreadable(path, decoded.problem) };
  return syntax === 'front-matter' ? parseMarkdown(path, decoded.text) : parseData(path, decoded.text, syntax);
}

function recordOf(format: ManifestFormat, input: FormatInput): ReadResult {
  const record = format.read(input);
  if (format.recipe) record.recipe = true;
  return { kind: 'record', record, schemaProblems: validateManifest(format, input.path, input.doc) };
}

/** A file with a manifest's name: read as its format, or for its lineage keys and said to be none. */
function readNamed(path: string, bytes: Buffer, size: number | undefined, syntax: Syntax, kind: NameKind): ReadResult {
  const parsed = parse(path, bytes, size, syntax);
  if ('result' in parsed) return parsed.result;
  const { input } = parsed;
  const format = detectFormat(input.doc.value, basenameOf(path), syntax);
  if (format) return recordOf(format, input);
  if (kind === 'model-card') {
    const plainCard = { frontMatter: true, prose: input.prose?.text ?? '' };
    return { kind: 'not-a-manifest', reason: 'it is not a model card', plainCard };
  }
  if (isWeakName(path) && !hasLineageKeys(input.doc.value)) {
    return {
      kind: 'not-a-manifest',
      reason:
        `${basenameOf(path)} is a common name, and this one holds ` +
        `neither a MENS sidecar's \`format\` nor any model or license key`
    };
  }
  return { kind: 'record', record: readUnrecognised(input, kind), schemaProblems: [] };
}

/**
 * A JSON, YAML or Markdown file of any name: a manifest when a format recognises its content, a
 * model card when its front matter has a key only cards have, and read for its lineage keys when it
 * names a model in a way no known format does (a training script's own config).
 */
function readByContent(
  path: string,
  bytes: Buffer,
  size: number | undefined,
  syntax: Syntax,
  context: ReadContext
): ReadResult {
  const parsed = parse(path, bytes, size, syntax);
  if ('result' in parsed) return parsed.result;
  const { input } = parsed;
  const value = input.doc.value;
  if (syntax === 'front-matter' && !context.inArtifact && !hasDistinctiveCardKey(value))
    return { kind: 'not-a-manifest', reason: 'its front matter has no key only a model card has' };
  const format = detectFormat(value, basenameOf(path), syntax);
  if (format) return recordOf(format, input);
  if (syntax === 'modelfile')
    return hasModelfileName(path) ? notAModelfile(input) : { kind: 'not-a-manifest', reason: 'it is no Modelfile' };
  if (syntax !== 'front-matter' && LINEAGE_LIKE_KEYS.some((k) => hasKey(value, k)))
    return { kind: 'record', record: readLineageLike(input), schemaProblems: [] };
  return { kind: 'not-a-manifest', reason: 'no format recognises its content and it names no model' };
}
