#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests: a new cluster in a temporary
# folder, on a free loopback port, asking for a password over TCP (SCRAM), as
# a real server does.
#   eval "$(ci/postgres.sh start)"   sets PERFWATCH_TEST_POSTGRES (the URL, no
#                                    password in it), PGPASSWORD (libpq reads
#                                    it) and PERFWATCH_TEST_POSTGRES_DIR
#   ci/postgres.sh stop DIR          stops it and removes the folder
# As root it runs the server as the `postgres` user (initdb refuses root).
set -euo pipefail

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "postgres.sh: no PostgreSQL server found under /usr/lib/postgresql (ci/install-deps.sh --test installs it)" >&2
  exit 3
fi
as_owner=()
[ "$(id -u)" -ne 0 ] || as_owner=(runuser -u postgres --)

case "${1:-}" in
  start)
    dir=$(mktemp -d /tmp/perfwatch-pg.XXXXXX)
    chmod 755 "$dir"
    [ "$(id -u)" -ne 0 ] || chown postgres "$dir"
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    password=$(python3 -c 'import secrets; print(secrets.token_hex(12))')
    echo "$password" >"$dir/pwfile"
    [ "$(id -u)" -ne 0 ] || chown postgres "$dir/pwfile"
    "${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U perfwatch --auth-local=trust --auth-host=scram-sha-256 \
      --pwfile="$dir/pwfile" -E UTF8 --no-sync >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 3; }
    "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o \
      "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=60" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 3; }
    "${as_owner[@]}" env PGPASSWORD="$password" "$bin/createdb" -h 127.0.0.1 -p "$port" -U perfwatch perfwatch_test
    rm -f "$dir/pwfile"
    echo "export PERFWATCH_TEST_POSTGRES=postgresql://perfwatch@127.0.0.1:$port/perfwatch_test"
    echo "export PERFWATCH_TEST_POSTGRES_DIR=$dir"
    echo "export PGPASSWORD=$password"
    ;;
  stop)
    dir=${2:?postgres.sh stop DIR}
    "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: ci/postgres.sh start | stop DIR" >&2
    exit 2
    ;;
esac
