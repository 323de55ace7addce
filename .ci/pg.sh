#!/usr/bin/env bash
# Start (or reuse) a private PostgreSQL server for the test suite and print its SQLAlchemy URL on stdout.
#
#   FLS_TEST_POSTGRES_URL=$(bash .ci/pg.sh)
#
# Installs PostgreSQL from Debian packages when no server binaries are found, creates a private cluster in
# $FLS_PG_DIR (default /tmp/fls-pg) listening on 127.0.0.1 only, on a free port, with trust auth for local
# connections, and a database `fls_test`. Idempotent: a second run reuses the running server. Works as root
# (the cluster runs as the `postgres` system user, since initdb refuses root) or as an ordinary user.
# Everything but the URL goes to stderr.
set -euo pipefail

PGDIR="${FLS_PG_DIR:-/tmp/fls-pg}"
DB="${FLS_PG_DB:-fls_test}"
log() { echo "pg.sh: $*" >&2; }

find_bindir() {
    local d
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [[ -x "$d/initdb" && -x "$d/pg_ctl" ]]; then echo "$d"; return 0; fi
    done
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(command -v initdb)"; return 0
    fi
    return 1
}

if ! BINDIR=$(find_bindir); then
    [[ $(id -u) -eq 0 ]] || { log "PostgreSQL is not installed and I am not root to install it"; exit 1; }
    log "installing PostgreSQL from Debian packages ..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
    BINDIR=$(find_bindir) || { log "PostgreSQL binaries not found after install"; exit 1; }
fi

# Run a command as the cluster owner.
if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir "$PGDIR" --shell /bin/sh postgres
    OWNER=postgres
    as_owner() { runuser -u postgres -- "$@"; }
else
    OWNER=$(id -un)
    as_owner() { "$@"; }
fi

mkdir -p "$PGDIR"
if [[ $(id -u) -eq 0 ]]; then chown "$OWNER" "$PGDIR"; fi
chmod 700 "$PGDIR"
DATA="$PGDIR/data"
PORTFILE="$PGDIR/port"

if [[ ! -f "$DATA/PG_VERSION" ]]; then
    log "initdb in $DATA"
    as_owner "$BINDIR/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >&2 \
        || as_owner "$BINDIR/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --locale=C >&2
fi

if as_owner "$BINDIR/pg_ctl" -D "$DATA" status >/dev/null 2>&1 && [[ -f "$PORTFILE" ]]; then
    PORT=$(cat "$PORTFILE")
else
    # A port nobody listens on (bash's /dev/tcp connect fails when it is free).
    PORT=""
    for p in $(seq 55432 55532); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then PORT=$p; break; fi
    done
    [[ -n "$PORT" ]] || { log "no free port in 55432-55532"; exit 1; }
    echo "$PORT" > "$PORTFILE"
    log "starting server on 127.0.0.1:$PORT"
    as_owner "$BINDIR/pg_ctl" -D "$DATA" -l "$PGDIR/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -k $PGDIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
        start >&2
fi

PSQL=("$BINDIR/psql" -h 127.0.0.1 -p "$PORT" -U postgres -X -q -v ON_ERROR_STOP=1)
if [[ -z $("${PSQL[@]}" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'") ]]; then
    "${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB" >&2
fi
echo "postgresql+psycopg://postgres@127.0.0.1:$PORT/$DB"
