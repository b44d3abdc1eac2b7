/**
 * GitHub's GraphQL schema (@octokit/graphql-schema) as a checker for the loopback server: a query
 * the gate sends must parse and validate against it, and the stand-in answers by executing the
 * query against the same schema, so an answer of the wrong shape fails too.
 */
import { schema as published } from '@octokit/graphql-schema';
import {
  buildSchema,
  execute,
  parse,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema
} from 'graphql';

let schema: GraphQLSchema | undefined;

/** The schema, built once per test file; GitHub's SDL repeats a few fields, which graphql-js would refuse to build. */
export function githubGraphqlSchema(): GraphQLSchema {
  if (!schema) {
    schema = buildSchema(published.idl, { assumeValidSDL: true });
  }
  return schema;
}

export interface CheckedGraphqlRequest {
  document?: DocumentNode;
  variables: Record<string, unknown>;
  violations: string[];
}

/** Parses and validates a `POST /graphql` body (`{ query, variables }`). */
export function checkGraphqlRequest(body: unknown): CheckedGraphqlRequest {
  const { query, variables = {} } = (body ?? {}) as { query?: unknown; variables?: Record<string, unknown> };
  if (typeof query !== 'string') return { variables, violations: ['POST /graphql: the body has no `query` string'] };
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (err) {
    return { variables, violations: [`POST /graphql: the query does not parse: ${(err as Error).message}`] };
  }
  const errors = validate(githubGraphqlSchema(), document);
  return { document, variables, violations: errors.map((e) => `POST /graphql: ${e.message}`) };
}

/**
 * Runs a checked query against the schema with `rootValue` as the data; wrong shapes and bad
 * variables come back as errors.
 */
export function executeGraphql(
  document: DocumentNode,
  variables: Record<string, unknown>,
  rootValue: Record<string, unknown>
): ExecutionResult {
  return execute({ schema: githubGraphqlSchema(), document, variableValues: variables, rootValue }) as ExecutionResult;
}
