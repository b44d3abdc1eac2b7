/**
 * GitHub's official REST description (@octokit/openapi, api.github.com, OpenAPI 3.0.3) as a checker
 * for the loopback API server: which operation a request names, whether its parameters and body
 * conform, and whether an answer is one the document allows. The 13 MB document is parsed once per
 * Jest worker (module state) and schemas are compiled lazily, once each.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsPlugin from 'ajv-formats';

// ajv-formats is CommonJS: under NodeNext its default import is typed as the module object.
const addFormats = addFormatsPlugin as unknown as typeof addFormatsPlugin.default;

type Schema = Record<string, unknown>;

interface Ref {
  $ref: string;
}

interface ParameterObject {
  name: string;
  in: string;
  required?: boolean;
  schema: Schema;
  'x-multi-segment'?: boolean;
}

interface MediaTypes {
  content?: Record<string, { schema?: Schema }>;
}

interface OperationObject {
  operationId: string;
  parameters?: (ParameterObject | Ref)[];
  requestBody?: MediaTypes & { required?: boolean };
  responses: Record<string, MediaTypes | Ref>;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components: {
    schemas: Record<string, Schema>;
    parameters: Record<string, ParameterObject>;
    responses: Record<string, MediaTypes>;
    headers: Record<string, { schema?: Schema }>;
    examples: Record<string, { value: unknown }>;
  };
}

export interface Parameter extends ParameterObject {
  /** JSON pointer of the parameter's schema in the document. */
  schemaPointer: string;
}

export interface Operation {
  method: string;
  /** The path template, e.g. `/repos/{owner}/{repo}/pulls/{pull_number}/files`. */
  path: string;
  operationId: string;
  /** Path and query parameters, `$ref`s resolved. */
  params: Parameter[];
  /** JSON pointer of the operation object in the document. */
  pointer: string;
  definition: OperationObject;
}

interface Template {
  operation: Operation;
  regex: RegExp;
  names: string[];
  literalSegments: number;
  literalChars: number;
}

interface Loaded {
  doc: OpenApiDocument;
  ajv: Ajv;
  /** Templates by method, most specific first. */
  templates: Map<string, Template[]>;
  validators: Map<string, ValidateFunction>;
}

let loaded: Loaded | undefined;

const pointerSegment = (s: string): string => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'));
const pointer = (...segments: string[]): string => segments.map((s) => `/${pointerSegment(s)}`).join('');
const isRef = (value: object): value is Ref => '$ref' in value;
/** `#/components/parameters/owner` → its name in that components section. */
const refName = (ref: Ref): string => ref.$ref.slice(ref.$ref.lastIndexOf('/') + 1);

/**
 * Makes `nullable: true` mean "null is allowed" everywhere. GitHub down-converts its 3.1
 * description (`type: [x, 'null']`, enums with `null`), and Ajv honours `nullable` only next to
 * `type`: it refuses to compile `nullable` without `type` (e.g. `installation.account`), and an
 * `enum` lacking `null` would reject the nulls GitHub sends (e.g. an in-progress check run's
 * `conclusion`, as in the document's own example).
 */
function normalizeNullable(schema: Schema): void {
  if (schema.nullable === true && schema.type === undefined) {
    const rest: Schema = { ...schema };
    delete rest.nullable;
    for (const key of Object.keys(schema)) delete schema[key];
    schema.anyOf = [rest, { type: 'null' }];
  } else if (schema.nullable === true && Array.isArray(schema.enum) && !schema.enum.includes(null)) {
    schema.enum.push(null);
  }
  for (const key of ['properties', 'patternProperties']) {
    for (const child of Object.values((schema[key] as Record<string, Schema> | undefined) ?? {}))
      normalizeNullable(child);
  }
  for (const key of ['items', 'additionalProperties', 'not']) {
    if (schema[key] && typeof schema[key] === 'object') normalizeNullable(schema[key] as Schema);
  }
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    for (const child of (schema[key] as Schema[] | undefined) ?? []) normalizeNullable(child);
  }
}

function normalizeDocument(doc: OpenApiDocument): void {
  const media = (m: MediaTypes | Ref) => {
    if (!isRef(m)) for (const { schema } of Object.values(m.content ?? {})) if (schema) normalizeNullable(schema);
  };
  const { components } = doc;
  Object.values(components.schemas).forEach(normalizeNullable);
  Object.values(components.parameters).forEach((p) => normalizeNullable(p.schema));
  Object.values(components.headers).forEach((h) => h.schema && normalizeNullable(h.schema));
  Object.values(components.responses).forEach(media);
  for (const item of Object.values(doc.paths)) {
    for (const op of Object.values(item)) {
      for (const p of op.parameters ?? []) if (!isRef(p)) normalizeNullable(p.schema);
      if (op.requestBody) media(op.requestBody);
      Object.values(op.responses).forEach(media);
    }
  }
}

function template(doc: OpenApiDocument, path: string, method: string, definition: OperationObject): Template {
  const opPointer = pointer('paths', path, method);
  const params = (definition.parameters ?? [])
    .map((p, i): Parameter =>
      isRef(p)
        ? {
            ...doc.components.parameters[refName(p)],
            schemaPointer: pointer('components', 'parameters', refName(p), 'schema')
          }
        : { ...p, schemaPointer: `${opPointer}${pointer('parameters', String(i), 'schema')}` }
    )
    .filter((p) => p.in === 'path' || p.in === 'query');
  const names: string[] = [];
  let literalSegments = 0;
  let literalChars = 0;
  const source = path
    .split('/')
    .map((segment) => {
      if (!segment.includes('{')) literalSegments++;
      // A segment may mix parameters and literal text, e.g. `{base}...{head}`.
      return segment
        .split(/(\{[^}]+\})/)
        .map((part) => {
          const name = /^\{([^}]+)\}$/.exec(part)?.[1];
          if (name === undefined) {
            literalChars += part.length;
            return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          }
          names.push(name);
          return params.find((p) => p.name === name)?.['x-multi-segment'] ? '(.+?)' : '([^/]+?)';
        })
        .join('');
    })
    .join('/');
  const operation: Operation = {
    method: method.toUpperCase(),
    path,
    operationId: definition.operationId,
    params,
    pointer: opPointer,
    definition
  };
  return { operation, regex: new RegExp(`^${source}$`), names, literalSegments, literalChars };
}

function load(): Loaded {
  if (loaded) return loaded;
  const file = createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json');
  const doc = JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument;
  normalizeDocument(doc);
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  // GitHub's own format name ("owner/name"), not a standard one: known, not checked.
  ajv.addFormat('repo.nwo', true);
  ajv.addSchema(doc, 'github');
  const templates = new Map<string, Template[]>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, definition] of Object.entries(item)) {
      const list = templates.get(method.toUpperCase()) ?? [];
      list.push(template(doc, path, method, definition));
      templates.set(method.toUpperCase(), list);
    }
  }
  // Most literal segments first, then most literal text: `/pulls/comments/{comment_id}` beats
  // `/pulls/{pull_number}/…`, and `{base}...{head}` beats the catch-all `{basehead}`.
  for (const list of templates.values())
    list.sort((a, b) => b.literalSegments - a.literalSegments || b.literalChars - a.literalChars);
  loaded = { doc, ajv, templates, validators: new Map() };
  return loaded;
}

/** The parsed document (normalized for nullable), e.g. for its `components/examples`. */
export function openapiDocument(): OpenApiDocument {
  return load().doc;
}

function validator(schemaPointer: string): ValidateFunction {
  const { ajv, validators } = load();
  let validate = validators.get(schemaPointer);
  if (!validate) {
    validate = ajv.getSchema(`github#${schemaPointer}`);
    if (!validate) throw new Error(`No schema at ${schemaPointer} in GitHub's OpenAPI document.`);
    validators.set(schemaPointer, validate);
  }
  return validate;
}

const MAX_ERRORS = 10;

/** Ajv's errors as `<where> <instancePath> <message>` lines (no path at the root), at most MAX_ERRORS of them. */
function problems(validate: ValidateFunction, value: unknown, where: string): string[] {
  if (validate(value)) return [];
  const errors = validate.errors ?? [];
  const detail = (e: ErrorObject): string =>
    e.params.allowedValues
      ? ` (${(e.params.allowedValues as unknown[]).map(String).join(', ')})`
      : e.params.additionalProperty
        ? ` (${String(e.params.additionalProperty)})`
        : '';
  const lines = errors
    .slice(0, MAX_ERRORS)
    .map((e) => `${where}${e.instancePath ? ` ${e.instancePath}` : ''} ${e.message ?? 'is invalid'}${detail(e)}`);
  if (errors.length > MAX_ERRORS) lines.push(`${where}: … and ${errors.length - MAX_ERRORS} more`);
  return lines;
}

/** Violations of `#/components/schemas/<name>` by `value` (empty when it conforms). */
export function validateSchema(name: string, value: unknown): string[] {
  return problems(validator(pointer('components', 'schemas', name)), value, name);
}

function findTemplate(method: string, pathname: string): Template | undefined {
  return load()
    .templates.get(method.toUpperCase())
    ?.find((t) => t.regex.test(pathname));
}

export function findOperation(method: string, pathname: string): Operation | undefined {
  return findTemplate(method, pathname)?.operation;
}

/** Path parameter values of `pathname` under the template it matched, decoded. */
function pathValues(t: Template, pathname: string): Record<string, string> {
  const match = t.regex.exec(pathname)!;
  return Object.fromEntries(t.names.map((name, i) => [name, decodeURIComponent(match[i + 1])]));
}

/** The JSON types a parameter schema allows, looking one level into `$ref`, `anyOf` and `oneOf`. */
function types(schema: Schema): string[] {
  if (typeof schema.$ref === 'string') return types(load().doc.components.schemas[refName(schema as unknown as Ref)]);
  if (typeof schema.type === 'string') return [schema.type];
  return [...((schema.anyOf as Schema[] | undefined) ?? []), ...((schema.oneOf as Schema[] | undefined) ?? [])].flatMap(
    types
  );
}

/** A path or query string as the parameter's schema types it (URLs carry only text). */
function coerce(value: string, schema: Schema): unknown {
  const allowed = types(schema);
  if (allowed.includes('array'))
    return value.split(',').map((item) => coerce(item, (schema.items as Schema | undefined) ?? {}));
  if ((allowed.includes('integer') || allowed.includes('number')) && /^-?\d+(\.\d+)?$/.test(value))
    return Number(value);
  if (allowed.includes('boolean') && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

function jsonMediaType(media: MediaTypes): string | undefined {
  const types = Object.keys(media.content ?? {});
  return types.find((t) => t === 'application/json') ?? types.find((t) => /[/+]json$/.test(t));
}

export interface RequestToValidate {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  /** Raw body ('' when none). */
  body: string;
}

/** Everything about a request that GitHub's OpenAPI document does not allow (empty when it conforms). */
export function validateRequest({ method, url, headers, body }: RequestToValidate): string[] {
  const { pathname, searchParams } = new URL(url, 'http://loopback');
  const verb = method.toUpperCase();
  const matched = findTemplate(verb, pathname);
  if (!matched) {
    const others = [...load().templates]
      .filter(([m, list]) => m !== verb && list.some((t) => t.regex.test(pathname)))
      .map(([m]) => m);
    return [
      `${verb} ${pathname}: no such operation in GitHub's OpenAPI ` +
        `document${others.length ? ` (the path takes ${others.join(', ')})` : ''}`
    ];
  }
  const { operation } = matched;
  const where = `${verb} ${pathname} (${operation.operationId})`;
  const out: string[] = [];
  const values = pathValues(matched, pathname);
  for (const p of operation.params.filter((x) => x.in === 'path')) {
    out.push(
      ...problems(validator(p.schemaPointer), coerce(values[p.name], p.schema), `${where}: path parameter ${p.name}`)
    );
  }
  const query = operation.params.filter((x) => x.in === 'query');
  for (const name of new Set(searchParams.keys())) {
    const p = query.find((x) => x.name === name);
    if (!p) out.push(`${where}: query parameter ${name} is not declared by the operation`);
    else
      out.push(
        ...problems(
          validator(p.schemaPointer),
          coerce(searchParams.get(name)!, p.schema),
          `${where}: query parameter ${name}`
        )
      );
  }
  for (const p of query)
    if (p.required && !searchParams.has(p.name)) out.push(`${where}: required query parameter ${p.name} is missing`);
  out.push(...validateBody(operation, where, headers['content-type'], body));
  return out;
}

function validateBody(
  operation: Operation,
  where: string,
  contentType: string | string[] | undefined,
  body: string
): string[] {
  const requestBody = operation.definition.requestBody;
  if (!body) return requestBody?.required ? [`${where}: the required request body is missing`] : [];
  if (!requestBody) return [`${where}: sends a body but the operation takes none`];
  const declared = Object.keys(requestBody.content ?? {});
  const sent = String(contentType ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
  if (!declared.includes(sent))
    return [`${where}: request body media type "${sent}" is not one of ${declared.join(', ')}`];
  if (sent !== jsonMediaType(requestBody)) return [];
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return [`${where}: request body is not JSON`];
  }
  return problems(
    validator(`${operation.pointer}${pointer('requestBody', 'content', sent, 'schema')}`),
    json,
    `${where}: request body`
  );
}

/**
 * Everything about an answer (status and body; objects and arrays are JSON, strings raw) that
 * the document does not allow for `operation` (empty when it conforms).
 */
export function validateResponse(operation: Operation, status: number, body: unknown): string[] {
  const where = `answer ${status} to ${operation.method} ${operation.path} (${operation.operationId})`;
  const documented = operation.definition.responses[String(status)];
  if (!documented) {
    // GitHub answers errors that an operation's description omits, e.g. 403 "Resource not
    // accessible by integration" to a token without the permission: accept them in its error shape.
    if (status >= 400 && validateSchema('basic-error', body).length === 0) return [];
    return [
      `${where}: status ${status} is not documented (documented: ` +
        `${Object.keys(operation.definition.responses).join(', ')})`
    ];
  }
  const [response, responsePointer] = isRef(documented)
    ? [load().doc.components.responses[refName(documented)], pointer('components', 'responses', refName(documented))]
    : [documented, `${operation.pointer}${pointer('responses', String(status))}`];
  const mediaType = jsonMediaType(response);
  if (!mediaType)
    return body === undefined || typeof body === 'string'
      ? []
      : [`${where}: sends a JSON body but the status documents none`];
  if (body === undefined) return [`${where}: the documented JSON body is missing`];
  return problems(validator(`${responsePointer}${pointer('content', mediaType, 'schema')}`), body, `${where}: body`);
}
