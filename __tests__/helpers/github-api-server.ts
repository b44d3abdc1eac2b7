/**
 * A real HTTP server on 127.0.0.1 that answers like the GitHub REST API, for tests that run the
 * gate's own HTTP client (octokit, or dist/ as a process with GITHUB_API_URL pointing here).
 * Routes are a table of method + path pattern → handler; every request is recorded.
 *
 * By default every request is checked against GitHub's OpenAPI description (a non-conforming one is
 * answered 422 and nothing else), every route's answer too, and `close()` rejects when either
 * did not conform: a test cannot pass on a request GitHub would refuse or an answer it cannot give.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkGraphqlRequest } from './github-graphql.js';
import { findOperation, validateRequest, validateResponse } from './github-openapi.js';

export interface RecordedRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: IncomingHttpHeaders;
  /** Raw request body ('' when none). */
  body: string;
}

export interface ApiRequest extends RecordedRequest {
  /** Path without the query. */
  path: string;
  query: URLSearchParams;
  /** Values of `:name` segments in the route's pattern (decoded), or of a RegExp's named groups. */
  params: Record<string, string>;
  /** The body parsed as JSON, when it is JSON. */
  json: unknown;
  /** This server's base URL, for building `Link` headers and `url` fields. */
  serverUrl: string;
}

export interface ApiResponse {
  status?: number;
  headers?: Record<string, string>;
  /** Objects and arrays are sent as JSON; strings as they are. */
  body?: unknown;
}

export type RouteHandler = (request: ApiRequest) => ApiResponse | Promise<ApiResponse>;

export interface Route {
  method: string;
  /**
   * `/repos/:owner/:repo/pulls/:number/files` (`:name` matches one segment; `*` at the end matches
   * the rest) or a RegExp on the path.
   */
  path: string | RegExp;
  handler: RouteHandler;
}

export interface GitHubApiServer {
  url: string;
  requests: RecordedRequest[];
  /** Requests and answers that GitHub's OpenAPI description does not allow, one line each. */
  violations: string[];
  /** Stops the server; rejects listing the violations when there are any. */
  close(): Promise<void>;
}

export interface GitHubApiServerOptions {
  routes: Route[];
  /** Check requests and answers against GitHub's OpenAPI description (default true). */
  openapi?: boolean;
}

interface CompiledRoute extends Route {
  regex: RegExp;
  names: string[];
}

function compile(route: Route): CompiledRoute {
  if (route.path instanceof RegExp) return { ...route, regex: route.path, names: [] };
  const names: string[] = [];
  const source = route.path
    .split('/')
    .map((segment) => {
      if (segment === '*') {
        names.push('rest');
        return '(.*)';
      }
      // A segment may hold several params separated by literal text, e.g. `:base...:head`.
      return segment.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:([A-Za-z_]\w*)/g, (_m, name: string) => {
        names.push(name);
        return '([^/]+?)';
      });
    })
    .join('/');
  return { ...route, regex: new RegExp(`^${source}$`), names };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, answer: ApiResponse): void {
  const status = answer.status ?? 200;
  const headers: Record<string, string> = { 'x-github-api-version-selected': '2022-11-28', ...answer.headers };
  let payload = '';
  if (answer.body !== undefined) {
    if (typeof answer.body === 'string') {
      payload = answer.body;
    } else {
      payload = JSON.stringify(answer.body);
      headers['content-type'] ??= 'application/json; charset=utf-8';
    }
  }
  res.writeHead(status, headers);
  res.end(payload);
}

/** The body parsed as JSON, or undefined when it is empty or not JSON. */
function parseJson(body: string): unknown {
  try {
    return body ? JSON.parse(body) : undefined;
  } catch {
    return undefined;
  }
}

/** GitHub's error body shape. */
export function githubError(status: number, message: string): ApiResponse {
  return { status, body: { message, documentation_url: 'https://docs.github.com/rest', status: String(status) } };
}

export async function startGitHubApiServer({
  routes,
  openapi = true
}: GitHubApiServerOptions): Promise<GitHubApiServer> {
  const compiled = routes.map(compile);
  const requests: RecordedRequest[] = [];
  const violations: string[] = [];
  let serverUrl = '';
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: req.headers,
        body
      };
      requests.push(recorded);
      const parsed = new URL(recorded.url, serverUrl);
      // GraphQL is not in the REST description: its queries are checked against GitHub's GraphQL schema.
      const graphql = recorded.method === 'POST' && parsed.pathname === '/graphql';
      const refused = !openapi
        ? []
        : graphql
          ? checkGraphqlRequest(parseJson(body)).violations
          : validateRequest(recorded);
      if (refused.length) {
        violations.push(...refused);
        send(
          res,
          githubError(
            422,
            `The request does not conform to GitHub's ` +
              `${graphql ? 'GraphQL schema' : 'OpenAPI description'}:\n${refused.join('\n')}`
          )
        );
        return;
      }
      for (const route of compiled) {
        if (route.method.toUpperCase() !== recorded.method) continue;
        const match = route.regex.exec(parsed.pathname);
        if (!match) continue;
        const params: Record<string, string> = { ...match.groups };
        route.names.forEach((name, i) => (params[name] = decodeURIComponent(match[i + 1])));
        const json = parseJson(body);
        let answer: ApiResponse;
        try {
          answer = await route.handler({
            ...recorded,
            path: parsed.pathname,
            query: parsed.searchParams,
            params,
            json,
            serverUrl
          });
        } catch (err) {
          answer = githubError(500, `test route failed: ${(err as Error).message}`);
        }
        const operation = openapi ? findOperation(recorded.method, parsed.pathname) : undefined;
        if (operation) violations.push(...validateResponse(operation, answer.status ?? 200, answer.body));
        send(res, answer);
        return;
      }
      send(res, githubError(404, 'Not Found'));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: serverUrl,
    requests,
    violations,
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      });
      if (violations.length)
        throw new Error(
          `${violations.length} request(s) or answer(s) did not conform to GitHub's OpenAPI description:\n` +
            `${violations.join('\n')}`
        );
    }
  };
}

/** `start({ routes })`, for callers that prefer the short name. */
export const start = startGitHubApiServer;

/**
 * Serves one page of `items` the way GitHub paginates lists: `per_page` (default 30, at most
 * 100) and `page` from the query, a `Link` header with `next`/`last`/`first`/`prev` as applicable.
 */
export function paginate(request: ApiRequest, items: readonly unknown[], defaultPerPage = 30): ApiResponse {
  const perPage = Math.min(100, Math.max(1, Number(request.query.get('per_page') ?? defaultPerPage) || defaultPerPage));
  const page = Math.max(1, Number(request.query.get('page') ?? 1) || 1);
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  const pageUrl = (n: number): string => {
    const url = new URL(request.path, request.serverUrl);
    request.query.forEach((value, key) => url.searchParams.set(key, value));
    url.searchParams.set('per_page', String(perPage));
    url.searchParams.set('page', String(n));
    return url.toString();
  };
  const links: string[] = [];
  if (page > 1) links.push(`<${pageUrl(page - 1)}>; rel="prev"`);
  if (page < lastPage) links.push(`<${pageUrl(page + 1)}>; rel="next"`, `<${pageUrl(lastPage)}>; rel="last"`);
  if (page > 1) links.push(`<${pageUrl(1)}>; rel="first"`);
  return {
    headers: links.length ? { link: links.join(', ') } : {},
    body: items.slice((page - 1) * perPage, page * perPage)
  };
}
