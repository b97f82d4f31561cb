// Apollo Client with its persisted-queries link against the API: node apq.mjs <graphql url> [get]
// Prints one JSON line: every HTTP request the link made (method, whether it carried the query text, status) and the data.
import { createHash } from 'node:crypto';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client/core/index.js';
import { createPersistedQueryLink } from '@apollo/client/link/persisted-queries/index.js';

const [url, mode] = process.argv.slice(2);
const requests = [];
async function recordingFetch(input, init) {
  const target = new URL(typeof input === 'string' ? input : input.url);
  const body = init?.body ? JSON.parse(init.body) : null;
  const response = await fetch(input, init);
  requests.push({ method: init?.method ?? 'GET', sentQuery: Boolean(body?.query ?? target.searchParams.get('query')), status: response.status });
  return response;
}

const link = createPersistedQueryLink({ sha256: text => createHash('sha256').update(text).digest('hex'), useGETForHashedQueries: mode === 'get' })
  .concat(new HttpLink({ uri: url, fetch: recordingFetch }));
// One operation name per mode, so each run starts from a hash the server has never seen.
const query = gql(`query ApolloStats_${mode ?? 'post'}($first: Int!) { stats { paperCount topAuthors(first: $first) { key count } } }`);
const results = [];
for (let i = 0; i < 2; i++) {
  const client = new ApolloClient({ link, cache: new InMemoryCache() });
  const { data } = await client.query({ query, variables: { first: 3 }, fetchPolicy: 'network-only' });
  results.push(data);
}

console.log(JSON.stringify({ requests, data: results }));
