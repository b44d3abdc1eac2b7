/**
 * Validates a parsed manifest against its format's JSON Schema and turns each ajv error into a
 * sentence that points at the offending value (or, for a missing key, at the object that lacks it).
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import type { SchemaProblem } from '../lineage/artifact.js';
import type { SourceDocument } from '../source/document.js';
import type { PathSegment, Span } from '../source/span.js';
import { fieldName, isObject, valueAt } from './fields.js';
import { pointerToPath } from './json-pointer.js';
import type { ManifestFormat } from './format.js';

/** A hostile file can break a schema thousands of times; the first ones say enough. */
export const MAX_SCHEMA_PROBLEMS = 20;

let ajv: Ajv2020 | undefined;
const compiled = new WeakMap<object, ValidateFunction>();

/** Each schema is compiled once, on first use: a run loads only the formats it meets. */
function validatorFor(schema: object): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    // validateSchema: false skips compiling the draft 2020-12 meta-schema and checking our schemas
    // against it on every run (165 ms of a 4,000-manifest scan); unit/formats/schemas.test.ts checks them.
    ajv ??= new Ajv2020({
      allErrors: true,
      allowUnionTypes: true,
      strict: true,
      strictRequired: false,
      validateSchema: false
    });
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

const MAX_SHOWN = 60;

function show(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > MAX_SHOWN ? `${json.slice(0, MAX_SHOWN - 1)}…` : json;
}

function subject(path: readonly PathSegment[]): string {
  return path.length ? `\`${fieldName(path)}\`` : 'the document';
}

function typeList(type: unknown): string {
  const types = Array.isArray(type) ? type : String(type).split(',');
  return types.length > 1 ? `${types.slice(0, -1).join(', ')} or ${types[types.length - 1]}` : String(types[0]);
}

interface Located {
  message: string;
  at: Span;
}

/** Span of a value: its key for objects and lists (a whole block is too wide), the value itself otherwise. */
function valueSpan(doc: SourceDocument, path: readonly PathSegment[]): Span {
  const value = valueAt(doc.value, path);
  const keyed = path.length > 0 && (isObject(value) || Array.isArray(value)) ? doc.keySpanOf(path) : undefined;
  return keyed ?? doc.nearestSpan(path);
}

function describe(err: ErrorObject, doc: SourceDocument): Located {
  const path = pointerToPath(err.instancePath, doc.value);
  const value = valueAt(doc.value, path);
  const params = err.params as Record<string, unknown>;
  const got = ` (got ${show(value)})`;
  switch (err.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      const where = path.length ? ` in ${subject(path)}` : '';
      // nearestSpan of the missing child is the parent's key (or the document's first line).
      return { message: `missing required property \`${missing}\`${where}`, at: doc.nearestSpan([...path, missing]) };
    }
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      const where = path.length ? ` in ${subject(path)}` : '';
      return {
        message: `unknown property \`${extra}\`${where}`,
        at: doc.keySpanOf([...path, extra]) ?? doc.nearestSpan(path)
      };
    }
    case 'type':
      return { message: `${subject(path)} must be ${typeList(params.type)}${got}`, at: valueSpan(doc, path) };
    case 'enum':
      return {
        message:
          `${subject(path)} must be one of ` +
          `${(params.allowedValues as unknown[]).map((v) => `\`${String(v)}\``).join(', ')}${got}`,
        at: valueSpan(doc, path)
      };
    case 'const':
      return { message: `${subject(path)} must be ${show(params.allowedValue)}${got}`, at: valueSpan(doc, path) };
    default:
      return {
        message: `${subject(path)} ${err.message ?? `breaks \`${err.keyword}\``}${got}`,
        at: valueSpan(doc, path)
      };
  }
}

/**
 * anyOf/oneOf failures are reported through their branches: all-`required` branches become one
 * "missing one of" problem, all-`type` branches one merged type problem, anything else the
 * branches' own problems. ajv's bare "must match a schema in anyOf" would say nothing useful.
 */
function collapseAlternatives(errors: ErrorObject[], doc: SourceDocument): Located[] {
  const out: Located[] = [];
  const consumed = new Set<ErrorObject>();
  const combinators = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  for (const combo of combinators) {
    consumed.add(combo);
    const prefix = `${combo.schemaPath}/`;
    const branches = errors.filter(
      (e) => e !== combo && e.schemaPath.startsWith(prefix) && e.instancePath.startsWith(combo.instancePath)
    );
    branches.forEach((b) => consumed.add(b));
    const path = pointerToPath(combo.instancePath, doc.value);
    if (
      branches.length > 0 &&
      branches.every((b) => b.keyword === 'required' && b.instancePath === combo.instancePath)
    ) {
      const names = branches.map((b) => `\`${String((b.params as Record<string, unknown>).missingProperty)}\``);
      const where = path.length ? ` in ${subject(path)}` : '';
      out.push({
        message: `missing required property ${names.join(' or ')}${where}`,
        at: doc.nearestSpan([...path, String((branches[0].params as Record<string, unknown>).missingProperty)])
      });
    } else if (
      branches.length > 0 &&
      branches.every((b) => b.keyword === 'type' && b.instancePath === combo.instancePath)
    ) {
      const types = branches.flatMap((b) => String((b.params as Record<string, unknown>).type).split(','));
      out.push({
        message: `${subject(path)} must be ${typeList([...new Set(types)])} (got ${show(valueAt(doc.value, path))})`,
        at: valueSpan(doc, path)
      });
    } else if (branches.length > 0) {
      out.push(...branches.map((b) => describe(b, doc)));
    } else {
      out.push(describe(combo, doc));
    }
  }
  for (const err of errors) if (!consumed.has(err)) out.push(describe(err, doc));
  return out;
}

function byPosition(a: Located, b: Located): number {
  return a.at.line - b.at.line || a.at.column - b.at.column;
}

/** Schema problems of `doc` under `format`, in file order, at most MAX_SCHEMA_PROBLEMS (+1 saying how many more). */
export function validateManifest(format: ManifestFormat, path: string, doc: SourceDocument): SchemaProblem[] {
  const validate = validatorFor(format.schema);
  if (validate(doc.value)) return [];
  const located = collapseAlternatives(validate.errors ?? [], doc);
  const unique = located.filter(
    (p, i) =>
      located.findIndex((o) => o.message === p.message && o.at.line === p.at.line && o.at.column === p.at.column) === i
  );
  unique.sort(byPosition);
  const problems: SchemaProblem[] = unique
    .slice(0, MAX_SCHEMA_PROBLEMS)
    .map((p) => ({ path, format: format.id, message: p.message, at: p.at }));
  const more = unique.length - MAX_SCHEMA_PROBLEMS;
  if (more > 0) {
    const last = problems[problems.length - 1].at;
    problems.push({
      path,
      format: format.id,
      message: `${more} more schema ${more === 1 ? 'problem' : 'problems'} not listed`,
      at: last
    });
  }
  return problems;
}
