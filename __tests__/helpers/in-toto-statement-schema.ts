/**
 * The in-toto Statement v1 layer as a JSON Schema, written for these tests from the specification
 * (in-toto/attestation spec/v1: statement.md, resource_descriptor.md, digest_set.md, field_types.md),
 * which publishes no JSON Schema of its own. It knows nothing of lineage-gate's predicate.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';

const resourceDescriptor = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    uri: { type: 'string', format: 'uri' },
    digest: {
      // DigestSet: algorithm → lower-case hex (for the hex algorithms this spec names).
      type: 'object',
      minProperties: 1,
      additionalProperties: { type: 'string' },
      properties: {
        sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
        sha512: { type: 'string', pattern: '^[0-9a-f]{128}$' },
        sha1: { type: 'string', pattern: '^[0-9a-f]{40}$' }
      }
    },
    content: { type: 'string' },
    downloadLocation: { type: 'string' },
    mediaType: { type: 'string' },
    annotations: { type: 'object' }
  },
  // "MUST specify one of uri, digest or content"; a Statement's subject MUST have digest set.
  required: ['digest']
};

export const IN_TOTO_STATEMENT_V1_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['_type', 'subject', 'predicateType'],
  properties: {
    _type: { const: 'https://in-toto.io/Statement/v1' },
    subject: { type: 'array', minItems: 1, items: resourceDescriptor },
    predicateType: { type: 'string', pattern: '^[a-zA-Z][a-zA-Z0-9+.-]*:' },
    predicate: { type: 'object' }
  }
};

export function inTotoStatementErrors(value: unknown): unknown[] {
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
  const validate = ajv.compile(IN_TOTO_STATEMENT_V1_SCHEMA);
  return validate(value) ? [] : (validate.errors ?? []);
}
