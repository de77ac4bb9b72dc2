# Sourced by .ci/run (and usable by hand): a throw-away PostgreSQL cluster for the tests.
#
#   source .ci/postgres.sh && postgres_start   # exports CARES_TEST_POSTGRES_URL
#   postgres_stop                              # stops the cluster and removes its folder
#
# The cluster lives in a temporary folder, listens on 127.0.0.1 only, on a free port (or
# $CARES_TEST_POSTGRES_PORT), with its socket in that folder, and trusts local logins. As root, the
# server programs run as the `postgres` user, since PostgreSQL refuses to run as root.

postgres_bin() {
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        if [ -x "$dir/initdb" ]; then PG_BIN="$dir"; fi
    done
    if [ -z "${PG_BIN:-}" ]; then
        echo "postgres.sh: no initdb under /usr/lib/postgresql/*/bin; install the postgresql package" >&2
        return 1
    fi
}

postgres_as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

postgres_free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

postgres_start() {
    postgres_bin || return 1
    PG_TMP="$(mktemp -d "${TMPDIR:-/tmp}/cares-pg.XXXXXX")"
    chmod 0755 "$PG_TMP"
    if [ "$(id -u)" = 0 ]; then chown postgres: "$PG_TMP"; fi
    PG_PORT="${CARES_TEST_POSTGRES_PORT:-$(postgres_free_port)}"
    postgres_as_owner "$PG_BIN/initdb" -D "$PG_TMP/data" -U postgres --auth=trust -E UTF8 --no-locale \
        >"$PG_TMP/initdb.log" 2>&1 || { cat "$PG_TMP/initdb.log" >&2; return 1; }
    postgres_as_owner "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w -t 60 \
        -o "-k $PG_TMP -p $PG_PORT -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off" start \
        >/dev/null || { cat "$PG_TMP/server.log" >&2; return 1; }
    export CARES_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres?sslmode=disable"
    echo "postgres.sh: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT ($PG_TMP)"
}

postgres_stop() {
    if [ -n "${PG_TMP:-}" ] && [ -d "$PG_TMP/data" ]; then
        postgres_as_owner "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    if [ -n "${PG_TMP:-}" ]; then rm -rf "$PG_TMP"; fi
    PG_TMP=""
}
