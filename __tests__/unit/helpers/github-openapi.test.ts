import { afterEach, describe, expect, it } from '@jest/globals';
import {
  findOperation,
  validateRequest,
  validateResponse,
  validateSchema,
  type Operation
} from '../../helpers/github-openapi.js';
import { githubError, startGitHubApiServer, type GitHubApiServer } from '../../helpers/github-api-server.js';
import {
  checkRun,
  compareBody,
  diffEntry,
  issueComment,
  pullRequestReview,
  reviewComment
} from '../../helpers/github-shapes.js';

const SERVER = 'http://127.0.0.1:4567';
const PLACE = { serverUrl: SERVER, owner: 'acme', repo: 'models' };
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
const BOT = { login: 'github-actions[bot]', type: 'Bot' };
const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

function operation(method: string, path: string): Operation {
  const found = findOperation(method, path);
  if (!found) throw new Error(`no operation for ${method} ${path}`);
  return found;
}

function request(method: string, url: string, body?: unknown): string[] {
  return validateRequest({
    method,
    url,
    headers: body === undefined ? {} : JSON_HEADERS,
    body: body === undefined ? '' : JSON.stringify(body)
  });
}

describe('findOperation', () => {
  it.each([
    ['GET', '/repos/acme/models/pulls/8/files', 'pulls/list-files', '/repos/{owner}/{repo}/pulls/{pull_number}/files'],
    [
      'PATCH',
      '/repos/acme/models/pulls/comments/5',
      'pulls/update-review-comment',
      '/repos/{owner}/{repo}/pulls/comments/{comment_id}'
    ],
    [
      'GET',
      '/repos/acme/models/pulls/comments/5',
      'pulls/get-review-comment',
      '/repos/{owner}/{repo}/pulls/comments/{comment_id}'
    ],
    [
      'PATCH',
      '/repos/acme/models/issues/comments/9000',
      'issues/update-comment',
      '/repos/{owner}/{repo}/issues/comments/{comment_id}'
    ],
    [
      'GET',
      '/repos/acme/models/compare/main...feature',
      'repos/compare-commits',
      '/repos/{owner}/{repo}/compare/{base}...{head}'
    ],
    // `basehead` may span segments (branch names with slashes); `{base}...{head}` may not.
    [
      'GET',
      '/repos/acme/models/compare/main...feature/x',
      'repos/compare-commits-with-basehead',
      '/repos/{owner}/{repo}/compare/{basehead}'
    ]
  ])('%s %s is %s', (method, path, operationId, template) => {
    expect(findOperation(method, path)).toMatchObject({ operationId, path: template, method });
  });

  it('finds nothing for an unknown path or a method the path does not take', () => {
    expect(findOperation('GET', '/repos/acme/models/lineage')).toBeUndefined();
    expect(findOperation('DELETE', '/repos/acme/models/pulls/8/files')).toBeUndefined();
  });
});

describe('validateRequest', () => {
  it('accepts what octokit sends for the gate', () => {
    expect(request('GET', '/repos/acme/models/pulls/8/files?per_page=100&page=2')).toEqual([]);
    expect(request('GET', `/repos/acme/models/compare/main...${HEAD}?per_page=1&page=1`)).toEqual([]);
    expect(request('POST', '/repos/acme/models/issues/8/comments', { body: 'hello' })).toEqual([]);
    expect(
      request('POST', '/repos/acme/models/check-runs', {
        name: 'Lineage Gate',
        head_sha: HEAD,
        status: 'in_progress',
        output: { title: 't', summary: 's' }
      })
    ).toEqual([]);
  });

  it('refuses an unknown path and a wrong method, naming the methods the path takes', () => {
    expect(request('GET', '/repos/acme/models/lineage')).toEqual([
      "GET /repos/acme/models/lineage: no such operation in GitHub's OpenAPI document"
    ]);
    expect(request('DELETE', '/repos/acme/models/pulls/8/files')).toEqual([
      "DELETE /repos/acme/models/pulls/8/files: no such operation in GitHub's OpenAPI document (the path takes GET)"
    ]);
  });

  it('refuses undeclared query parameters, and values and path parameters of the wrong type', () => {
    expect(request('GET', '/repos/acme/models/pulls/8/files?per_page=100&sort=name')).toEqual([
      'GET /repos/acme/models/pulls/8/files (pulls/list-files): query parameter sort is not declared by the operation'
    ]);
    expect(request('GET', '/repos/acme/models/pulls/8/files?page=two')).toEqual([
      'GET /repos/acme/models/pulls/8/files (pulls/list-files): query parameter page must be integer'
    ]);
    expect(request('GET', '/repos/acme/models/pulls/eight/files')).toEqual([
      'GET /repos/acme/models/pulls/eight/files (pulls/list-files): path parameter pull_number must be integer'
    ]);
  });

  it('refuses a check run annotation level outside the enum, naming the allowed values', () => {
    const annotation = {
      path: 'a/adapter_config.json',
      start_line: 1,
      end_line: 1,
      annotation_level: 'error',
      message: 'No license.'
    };
    expect(
      request('PATCH', '/repos/acme/models/check-runs/7', {
        output: { title: 't', summary: 's', annotations: [annotation] }
      })
    ).toEqual([
      'PATCH /repos/acme/models/check-runs/7 (checks/update): request body /output/annotations/0/annotation_level ' +
        'must be equal to one of the allowed values (notice, warning, failure)'
    ]);
  });

  it('refuses a body lacking a required field, no required body, an unwanted body, wrong media type, non-JSON', () => {
    expect(request('POST', '/repos/acme/models/issues/8/comments', { text: 'hello' })).toEqual([
      'POST /repos/acme/models/issues/8/comments (issues/create-comment): ' +
        "request body must have required property 'body'"
    ]);
    expect(request('POST', '/repos/acme/models/issues/8/comments')).toEqual([
      'POST /repos/acme/models/issues/8/comments (issues/create-comment): the required request body is missing'
    ]);
    expect(request('GET', '/repos/acme/models/pulls/8/files', { body: 'x' })).toEqual([
      'GET /repos/acme/models/pulls/8/files (pulls/list-files): sends a body but the operation takes none'
    ]);
    expect(
      validateRequest({
        method: 'POST',
        url: '/repos/acme/models/issues/8/comments',
        headers: { 'content-type': 'text/plain' },
        body: 'hello'
      })
    ).toEqual([
      'POST /repos/acme/models/issues/8/comments (issues/create-comment): ' +
        'request body media type "text/plain" is not one of application/json'
    ]);
    expect(
      validateRequest({
        method: 'POST',
        url: '/repos/acme/models/issues/8/comments',
        headers: JSON_HEADERS,
        body: '{"body":'
      })
    ).toEqual(['POST /repos/acme/models/issues/8/comments (issues/create-comment): request body is not JSON']);
  });
});

describe('validateResponse', () => {
  const createCheck = () => operation('POST', '/repos/acme/models/check-runs');

  it('refuses a check run missing required fields', () => {
    const problems = validateResponse(createCheck(), 201, { id: 7, status: 'in_progress' });
    expect(problems).toContain(
      "answer 201 to POST /repos/{owner}/{repo}/check-runs (checks/create): body must have required property 'head_sha'"
    );
    expect(problems.length).toBeGreaterThan(5);
  });

  it('honours nullable: null where the document says nullable, not elsewhere', () => {
    const entry = diffEntry('acme', 'models', 'a.json', 'added');
    // `sha` is `{ type: string, nullable: true }`, `filename` a plain string.
    expect(validateSchema('diff-entry', { ...entry, sha: null })).toEqual([]);
    expect(validateSchema('diff-entry', { ...entry, filename: null })).toEqual(['diff-entry /filename must be string']);
    const run = checkRun({ ...PLACE, id: 7, status: 'in_progress', headSha: HEAD, name: 'Lineage Gate' });
    // `conclusion` is a nullable enum that lists no null, as GitHub answers for a run in progress.
    expect(run).toMatchObject({ completed_at: null, conclusion: null });
    expect(validateResponse(createCheck(), 201, run)).toEqual([]);
    expect(validateResponse(createCheck(), 201, { ...run, head_sha: null })).toEqual([
      'answer 201 to POST /repos/{owner}/{repo}/check-runs (checks/create): body /head_sha must be string'
    ]);
    // A commit's `author` is `nullable` next to `oneOf` without `type`.
    const commit = (compareBody(SERVER, 'acme', 'models', 'main', HEAD, []).commits as Record<string, unknown>[])[0];
    expect(validateSchema('commit', { ...commit, author: null })).toEqual([]);
    expect(validateSchema('commit', { ...commit, author: 'octocat' })).toContain('commit /author must be null');
  });

  it('accepts an undocumented error status only in the basic-error shape', () => {
    // checks/create documents 201 only; GitHub still answers 403 to a token without checks: write.
    expect(
      validateResponse(createCheck(), 403, githubError(403, 'Resource not accessible by integration').body)
    ).toEqual([]);
    expect(validateResponse(createCheck(), 403, 'Forbidden')).toEqual([
      'answer 403 to POST /repos/{owner}/{repo}/check-runs ' +
        '(checks/create): status 403 is not documented (documented: 201)'
    ]);
    expect(validateResponse(createCheck(), 200, {})).toEqual([
      'answer 200 to POST /repos/{owner}/{repo}/check-runs ' +
        '(checks/create): status 200 is not documented (documented: 201)'
    ]);
  });

  it('requires the documented JSON body, and none where the status documents none', () => {
    expect(validateResponse(operation('GET', '/repos/acme/models/pulls/8/files'), 200, undefined)).toEqual([
      'answer 200 to GET /repos/{owner}/{repo}/pulls/{pull_number}/files ' +
        '(pulls/list-files): the documented JSON body is missing'
    ]);
    const deleteComment = operation('DELETE', '/repos/acme/models/issues/comments/9000');
    expect(validateResponse(deleteComment, 204, undefined)).toEqual([]);
    expect(validateResponse(deleteComment, 204, {})).toEqual([
      'answer 204 to DELETE /repos/{owner}/{repo}/issues/comments/{comment_id} ' +
        '(issues/delete-comment): sends a JSON body but the status documents none'
    ]);
  });

  it('checks a documented error body against its own schema', () => {
    const listFiles = operation('GET', '/repos/acme/models/pulls/8/files');
    expect(validateResponse(listFiles, 500, githubError(500, 'Server Error').body)).toEqual([]);
    expect(validateResponse(listFiles, 422, { message: 'Validation Failed' })).toEqual([
      'answer 422 to GET /repos/{owner}/{repo}/pulls/{pull_number}/files ' +
        "(pulls/list-files): body must have required property 'documentation_url'"
    ]);
  });
});

describe('github-shapes factories', () => {
  const comment = issueComment({ ...PLACE, id: 9000, body: 'hello', user: BOT, issueNumber: 8 });
  const review = pullRequestReview({ ...PLACE, id: 80, body: 'review', commitId: HEAD, user: BOT, pullNumber: 8 });
  const lineComment = reviewComment({
    ...PLACE,
    id: 81,
    body: 'line',
    path: 'a/adapter_config.json',
    line: 3,
    commitId: HEAD,
    user: BOT,
    pullNumber: 8,
    reviewId: 80
  });

  it.each([
    [
      'GET',
      '/repos/acme/models/issues/8/comments',
      200,
      [comment, issueComment({ ...PLACE, id: 1, body: 'x', issueNumber: 8 })]
    ],
    ['POST', '/repos/acme/models/issues/8/comments', 201, comment],
    ['PATCH', '/repos/acme/models/issues/comments/9000', 200, comment],
    [
      'POST',
      '/repos/acme/models/check-runs',
      201,
      checkRun({ ...PLACE, id: 7, status: 'in_progress', headSha: HEAD, name: 'Lineage Gate' })
    ],
    [
      'PATCH',
      '/repos/acme/models/check-runs/7',
      200,
      checkRun({ ...PLACE, id: 7, status: 'completed', conclusion: 'failure', headSha: HEAD, name: 'Lineage Gate' })
    ],
    ['GET', '/repos/acme/models/pulls/8/reviews', 200, [review]],
    ['POST', '/repos/acme/models/pulls/8/reviews', 200, review],
    ['PUT', '/repos/acme/models/pulls/8/reviews/80', 200, review],
    ['GET', '/repos/acme/models/pulls/8/comments', 200, [lineComment]],
    ['PATCH', '/repos/acme/models/pulls/comments/81', 200, lineComment],
    [
      'GET',
      '/repos/acme/models/pulls/8/files',
      200,
      [
        diffEntry('acme', 'models', 'a b/c.json', 'renamed', 'a/c.json'),
        diffEntry('acme', 'models', 'd.json', 'removed')
      ]
    ],
    [
      'GET',
      `/repos/acme/models/compare/main...${HEAD}`,
      200,
      compareBody(SERVER, 'acme', 'models', 'main', HEAD, [diffEntry('acme', 'models', 'd.json', 'added')])
    ]
  ])('%s %s answers %i with a valid body', (method, path, status, body) => {
    expect(validateResponse(operation(method, path), status, body)).toEqual([]);
  });
});

describe('the loopback server', () => {
  let server: GitHubApiServer | undefined;
  // Closes a server that a failed expectation left open, so that Jest can exit.
  afterEach(() => server?.close().catch(() => undefined));

  it('answers a non-conforming request 422 without calling the route, and close() lists the violation', async () => {
    let called = false;
    const handler = () => {
      called = true;
      return { body: [] };
    };
    server = await startGitHubApiServer({ routes: [{ method: 'GET', path: '/repos/:o/:r/pulls/:n/files', handler }] });
    const res = await fetch(`${server.url}/repos/acme/models/pulls/8/files?sort=name`);
    expect(res.status).toBe(422);
    expect(((await res.json()) as { message: string }).message).toContain('query parameter sort is not declared');
    expect(called).toBe(false);
    await expect(server.close()).rejects.toThrow(
      new RegExp(
        '1 request\\(s\\) or answer\\(s\\) did not conform.*\\n' +
          'GET \\/repos\\/acme\\/models\\/pulls\\/8\\/files \\(pulls\\/list-files\\): query parameter sort'
      )
    );
    server = undefined;
  });

  it('records a non-conforming answer and still sends it', async () => {
    server = await startGitHubApiServer({
      routes: [{ method: 'POST', path: '/repos/:o/:r/check-runs', handler: () => ({ status: 201, body: { id: 7 } }) }]
    });
    const res = await fetch(`${server.url}/repos/acme/models/check-runs`, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({ name: 'x', head_sha: HEAD })
    });
    expect(await res.json()).toEqual({ id: 7 });
    expect(server.violations[0]).toMatch(
      new RegExp(
        '^answer 201 to POST \\/repos\\/\\{owner\\}\\/\\{repo\\}\\/check-runs \\(checks\\/create\\): ' +
          'body must have required property'
      )
    );
    await expect(server.close()).rejects.toThrow(/did not conform/);
    server = undefined;
  });

  it('checks nothing with openapi: false', async () => {
    server = await startGitHubApiServer({ openapi: false, routes: [] });
    expect((await fetch(`${server.url}/nowhere`)).status).toBe(404);
    await expect(server.close()).resolves.toBeUndefined();
    server = undefined;
  });
});
