/**
 * Checks the policy file against schemas/policy.schema.json and words each ajv error for the
 * person who edits the file, at the offending value (or, for a missing key, at the item lacking it).
 */
import { pointerToPath } from '../formats/json-pointer.js';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import schema from '../../schemas/policy.schema.json' with { type: 'json' };
import { valueAt } from '../formats/fields.js';
import type { SourceDocument } from '../source/document.js';
import type { PathSegment } from '../source/span.js';
import { suggestion } from './did-you-mean.js';
import { keySpan, show, subject, valueSpan, type LocatedProblem } from './located.js';

let validator: ValidateFunction | undefined;

/** Compiled on first use: runs without a policy file never pay for it. */
function validate(): ValidateFunction {
  validator ??= new Ajv2020({
    allErrors: true,
    allowUnionTypes: true,
    strict: true,
    strictRequired: false,
    verbose: true
  }).compile(schema);
  return validator;
}

/**
 * Checks the code does itself, with the caller's list of rule ids and better words: the
 * schema lists rule ids only so that editors can complete them.
 */
function checkedElsewhere(err: ErrorObject, path: readonly PathSegment[]): boolean {
  const inRules =
    path[path.length - 1] === 'rules' && (path.length === 1 || (path.length === 3 && path[0] === 'overrides'));
  const waiverRule = path.length === 3 && path[0] === 'waivers' && path[2] === 'rule';
  return (err.keyword === 'additionalProperties' && inRules) || (err.keyword === 'enum' && waiverRule);
}

const TYPE_WORDS: Record<string, string> = {
  array: 'a list',
  object: 'a mapping',
  string: 'a string',
  boolean: 'true or false',
  integer: 'an integer',
  number: 'a number',
  null: 'null'
};

function typeWords(type: unknown): string {
  const types = (Array.isArray(type) ? type : String(type).split(',')).map((t) => TYPE_WORDS[String(t)] ?? String(t));
  return types.length > 1 ? `${types.slice(0, -1).join(', ')} or ${types[types.length - 1]}` : types[0];
}

/** Why each required key matters, so the message says what to write. */
const MISSING: Record<string, string> = {
  version: 'start the file with `version: 1`',
  reason: 'every waiver must say why',
  rule: "say which rule's findings it waives",
  path: 'say which files it covers (`"**"` for all)',
  paths: 'say which files it applies to',
  id: 'give the license id it describes',
  family: 'name the license family',
  source: 'link the license text'
};

function describe(err: ErrorObject, doc: SourceDocument): LocatedProblem {
  const path = pointerToPath(err.instancePath, doc.value);
  const value = valueAt(doc.value, path);
  const params = err.params as Record<string, unknown>;
  const got = ` (got ${show(value)})`;
  const last = path[path.length - 1];
  switch (err.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      const why = MISSING[missing] ? `: ${MISSING[missing]}` : '';
      return { message: `${subject(path)} has no \`${missing}\`${why}`, at: doc.nearestSpan([...path, missing]) };
    }
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      if (path.length === 2 && path[0] === 'licenses' && path[1] === 'upstreams') {
        return {
          message:
            `\`licenses.upstreams\` key ${JSON.stringify(extra)} ` +
            `is not a Hub id pattern: ids contain no whitespace`,
          at: keySpan(doc, [...path, extra])
        };
      }
      const known = Object.keys(
        (err.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {}
      );
      const where = path.length ? ` in ${subject(path)}` : '';
      return {
        message: `unknown setting \`${extra}\`${where}${suggestion(extra, known, (s) => `\`${s}\``)}`,
        at: keySpan(doc, [...path, extra])
      };
    }
    case 'type':
      return { message: `${subject(path)} must be ${typeWords(params.type)}${got}`, at: valueSpan(doc, path) };
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).filter((v) => v !== null).map(String);
      return { message: `${subject(path)} must be one of ${allowed.join(', ')}${got}`, at: valueSpan(doc, path) };
    }
    case 'const':
      return {
        message:
          `${subject(path)} must be ${show(params.allowedValue)}${got}: ` +
          `it is the only version of the policy format`,
        at: valueSpan(doc, path)
      };
    case 'pattern':
      if (last === 'reason')
        return {
          message: `${subject(path.slice(0, -1))} has an empty \`reason\`: every waiver must say why`,
          at: valueSpan(doc, path)
        };
      if (last === 'expires')
        return { message: `${subject(path)} must be a date written YYYY-MM-DD${got}`, at: valueSpan(doc, path) };
      if (last === 'source')
        return { message: `${subject(path)} must be an http(s) link${got}`, at: valueSpan(doc, path) };
      if (last === 'id' || path[path.length - 2] === 'aliases')
        return {
          message:
            `${subject(path)} must be a license id: letters, ` +
            `digits and \`.+_- \`, starting with a letter or digit${got}`,
          at: valueSpan(doc, path)
        };
      return { message: `${subject(path)} must match ${String(params.pattern)}${got}`, at: valueSpan(doc, path) };
    case 'minLength':
      return {
        message:
          Number(params.limit) > 1
            ? `${subject(path)} must be at least ${String(params.limit)} characters long${got}`
            : `${subject(path)} must not be empty`,
        at: valueSpan(doc, path)
      };
    case 'minProperties':
      return { message: `${subject(path)} needs a \`duty\`, a \`text\` or \`markers\``, at: valueSpan(doc, path) };
    case 'maxLength':
      return {
        message: `${subject(path)} must be at most ${String(params.limit)} characters long`,
        at: valueSpan(doc, path)
      };
    case 'minItems':
      return { message: `${subject(path)} must list at least one pattern`, at: valueSpan(doc, path) };
    default:
      return {
        message: `${subject(path)} ${err.message ?? `breaks \`${err.keyword}\``}${got}`,
        at: valueSpan(doc, path)
      };
  }
}

/** Schema problems of the parsed policy, in the order ajv finds them. */
export function schemaProblems(doc: SourceDocument): LocatedProblem[] {
  const check = validate();
  if (check(doc.value)) return [];
  return (check.errors ?? [])
    .filter((e) => !checkedElsewhere(e, pointerToPath(e.instancePath, doc.value)))
    .map((e) => describe(e, doc));
}
