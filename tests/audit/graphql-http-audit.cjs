// Runs graphql-http's server audits (the GraphQL-over-HTTP spec's test suite) against a running API.
// Usage (README, "Coming from HotChocolate"): install graphql-http into a temporary folder, never into the repository,
//   d=$(mktemp -d) && npm install --prefix "$d" graphql-http@1 graphql@16
//   NODE_PATH="$d/node_modules" node tests/audit/graphql-http-audit.cjs http://127.0.0.1:5080/graphql
// Exits 1 when any audit fails; warnings (SHOULD-level recommendations) are listed but do not fail.
const { serverAudits } = require('graphql-http');

const url = process.argv[2] ?? 'http://127.0.0.1:5080/graphql';
if (!/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(url)) {
  console.error(`refusing to audit ${url}: loopback only`);
  process.exit(2);
}

(async () => {
  const counts = { ok: 0, warn: 0, error: 0 };
  for (const audit of serverAudits({ url })) {
    const result = await audit.fn();
    counts[result.status]++;
    if (result.status !== 'ok') console.log(`${result.status.toUpperCase()} ${audit.name}: ${result.reason}`);
  }
  console.log(`graphql-http audit of ${url}: ${counts.ok} ok, ${counts.warn} warnings, ${counts.error} errors`);
  process.exit(counts.error > 0 ? 1 : 0);
})();
