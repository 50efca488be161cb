#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server on loopback, exported as TEST_DATABASE_URL.
# Uses TEST_DATABASE_URL as it is when already set. Needs Debian's postgresql package.
set -euo pipefail

if [[ -n "${TEST_DATABASE_URL:-}" ]]; then exec "$@"; fi

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [[ -z "$bindir" || ! -x "$bindir/initdb" ]]; then
  echo "PostgreSQL server binaries not found: install them (apt-get install postgresql) or set TEST_DATABASE_URL." >&2
  exit 1
fi

port=${VINCULO_TEST_PG_PORT:-$((54000 + RANDOM % 1000))}
dir=$(mktemp -d /tmp/vinculo-pg.XXXXXX)
as_pg=()
if [[ $(id -u) -eq 0 ]]; then
  # PostgreSQL refuses to run as root.
  chown postgres: "$dir" 2>/dev/null || { echo "user postgres missing: install the postgresql package" >&2; exit 1; }
  as_pg=(runuser -u postgres --)
fi

cleanup() {
  "${as_pg[@]}" "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT

"${as_pg[@]}" "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${as_pg[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=on -c shared_buffers=256MB" start >/dev/null

export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2
"$@"
