/**
 * Reading a lineage statement for `lineage-gate verify`: bounded, parsed, and checked against
 * schemas/lineage-statement.schema.json, so every later step can trust its shape. A statement is
 * someone else's file: anything else is a clear error, never a crash or a silent pass.
 */
import { readFileSync, statSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import schema from '../../schemas/lineage-statement.schema.json' with { type: 'json' };
import { ConfigError } from '../config-error.js';
import type { Statement } from '../report/render/in-toto.js';

/** actions/attest accepts predicates up to 16 MB; a statement is that plus its subjects. */
export const MAX_STATEMENT_BYTES = 32 * 1024 * 1024;
const MAX_PROBLEMS_SHOWN = 3;

let validator: ValidateFunction | undefined;

function validate(): ValidateFunction {
  validator ??= new Ajv2020({ allErrors: true, allowUnionTypes: true, strict: true }).compile(schema);
  return validator;
}

/** The statement at `file` (`shown` is how the user wrote it), or a ConfigError saying what is wrong. */
export function readStatement(file: string, shown: string): Statement {
  let text: string;
  try {
    const size = statSync(file).size;
    if (size > MAX_STATEMENT_BYTES) {
      throw new ConfigError(`${shown} is ${size} bytes; a statement may be at most ${MAX_STATEMENT_BYTES} bytes.`);
    }
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw new ConfigError(`cannot read the statement ${shown}: ${(err as NodeJS.ErrnoException).code ?? err}.`);
  }
  return parseStatement(text.replace(/^\uFEFF/, ''), shown);
}

export function parseStatement(text: string, shown: string): Statement {
  let value: unknown;
  let illFormed: string | undefined;
  try {
    // A lone surrogate (`"\ud800"`) is valid JSON but no text the gate writes: RFC 8785 refuses it.
    value = JSON.parse(text, (key, v: unknown) => {
      if (illFormed === undefined && (!key.isWellFormed() || (typeof v === 'string' && !v.isWellFormed())))
        illFormed = key;
      return v;
    });
  } catch (err) {
    throw new ConfigError(`${shown} is not JSON: ${(err as Error).message}.`);
  }
  if (illFormed !== undefined)
    throw new ConfigError(
      `${shown} holds text that is not well-formed Unicode (a lone surrogate, at key ${JSON.stringify(illFormed)}): ` +
        'it is not a statement lineage-gate wrote.'
    );
  const check = validate();
  if (!check(value)) {
    const problems = (check.errors ?? [])
      .slice(0, MAX_PROBLEMS_SHOWN)
      .map((e) => `${e.instancePath || '(top)'} ${e.message}`)
      .join('; ');
    throw new ConfigError(
      `${shown} is not a lineage-gate in-toto Statement (schemas/lineage-statement.schema.json): ${problems}.`
    );
  }
  return value as Statement;
}
