#!/usr/bin/env bash
# npm test: every test file, on PGlite and on a real PostgreSQL server, in one node:test run.
set -euo pipefail
cd "$(dirname "$0")/.."
shopt -s globstar nullglob
files=(packages/*/test/**/*.test.ts packages/*/src/**/*.test.ts bench/**/*.test.ts)
if [[ ${#files[@]} -eq 0 ]]; then
  echo "no test files found" >&2
  exit 1
fi
echo "Type-checking…"
npm run --silent typecheck
# Browser tests load the real bundles the server serves.
node --import tsx scripts/build-if-stale.ts
backends=${VINCULO_TEST_BACKENDS:-pglite,postgres}
if [[ $backends == *postgres* ]]; then
  exec scripts/with-postgres.sh node --import tsx --test --test-timeout=300000 "${files[@]}"
fi
exec node --import tsx --test --test-timeout=300000 "${files[@]}"
