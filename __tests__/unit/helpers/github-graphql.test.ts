import { describe, expect, it } from '@jest/globals';
import { checkGraphqlRequest, executeGraphql } from '../../helpers/github-graphql.js';

const THREADS =
  'query($o: String!, $r: String!, $n: Int!) { repository(owner: $o, name: $r) ' +
  '{ pullRequest(number: $n) { reviewThreads(first: 100) { nodes { id isResolved } } } } }';

describe('the GraphQL checker', () => {
  it("accepts a query GitHub's schema allows", () => {
    expect(checkGraphqlRequest({ query: THREADS, variables: { o: 'a', r: 'b', n: 1 } }).violations).toEqual([]);
  });

  it('refuses unknown fields, a wrong argument and a body without a query', () => {
    expect(checkGraphqlRequest({ query: '{ viewer { loginx } }' }).violations).toEqual([
      'POST /graphql: Cannot query field "loginx" on type "User". Did you mean "login"?'
    ]);
    expect(
      checkGraphqlRequest({
        query: 'mutation { resolveReviewThread(input: { thread: "x" }) { clientMutationId } }'
      }).violations.join('\n')
    ).toMatch(/threadId/);
    expect(checkGraphqlRequest({ variables: {} }).violations).toEqual([
      'POST /graphql: the body has no `query` string'
    ]);
  });

  it('turns an answer of the wrong shape into an error', () => {
    const { document } = checkGraphqlRequest({ query: THREADS });
    const root = {
      repository: () => ({
        pullRequest: () => ({ reviewThreads: () => ({ nodes: [{ id: 'T1', isResolved: null }] }) })
      })
    };
    const result = executeGraphql(document!, { o: 'a', r: 'b', n: 1 }, root);
    expect(result.errors?.[0].message).toBe(
      'Cannot return null for non-nullable field PullRequestReviewThread.isResolved.'
    );
  });
});
