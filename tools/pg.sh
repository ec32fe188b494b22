#!/usr/bin/env bash
# The project's embedded PostgreSQL: a private cluster in .pgdata/ (git-ignored), reachable only
# through a unix socket (listen_addresses=''), superuser "odoo", trust authentication. It uses
# the system's PostgreSQL binaries (pg_ctl/initdb on PATH or /usr/lib/postgresql/*/bin; as root,
# Debian's "postgresql" package is installed when there are none). As root, the cluster is run by
# the "postgres" OS user, since PostgreSQL refuses to run as root.
#
#   tools/pg.sh start     start it (initdb on first use); prints "started", "running" (it was
#                         already) or "external" (PG* variables name another server: checked only)
#   tools/pg.sh stop      stop it (nothing for an external server); with --if-idle, only when
#                         no other client is connected (what tests use to stop what they started)
#   tools/pg.sh status    say whether it runs
#   tools/pg.sh destroy   stop it and delete the cluster
#   tools/pg.sh psql ...  psql on the server (embedded or external)
#   tools/pg.sh replica-start DIR PORT   a streaming replica of the embedded cluster
#                         (pg_basebackup) in DIR, on its own unix socket DIR/socket, port PORT
#   tools/pg.sh replica-stop DIR         stop that replica and delete DIR (make bench REPLICA=1)
set -euo pipefail
# shellcheck source=tools/lib.sh
. "$(dirname "$0")/lib.sh"

PG_OS_USER=
if [ "$(id -u)" = 0 ]; then PG_OS_USER=${SKP_PG_OS_USER:-postgres}; fi

# Run a command as the cluster's owner (from /, which that user can always enter).
as_pg() {
    if [ -z "$PG_OS_USER" ]; then
        "$@"
    elif command -v runuser >/dev/null; then
        (cd / && runuser -u "$PG_OS_USER" -- "$@")
    else
        (cd / && su -s /bin/sh "$PG_OS_USER" -c "$(printf '%q ' "$@")")
    fi
}

find_pg_bin() {
    local d
    if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
    if command -v pg_ctl >/dev/null && command -v initdb >/dev/null; then
        dirname "$(readlink -f "$(command -v pg_ctl)")"
        return
    fi
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$d/pg_ctl" ] && [ -x "$d/initdb" ]; then echo "$d"; return; fi
    done
}

ensure_binaries() {
    PG_BIN=$(find_pg_bin)
    if [ -z "$PG_BIN" ]; then
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
            say "[pg] no PostgreSQL server binaries: installing Debian's postgresql package"
            export DEBIAN_FRONTEND=noninteractive
            apt-get install -y -q postgresql >/dev/null 2>&1 ||
                { apt-get update -q >/dev/null && apt-get install -y -q postgresql >/dev/null; } ||
                die "could not install PostgreSQL (apt-get install postgresql)"
            PG_BIN=$(find_pg_bin)
        fi
        [ -n "$PG_BIN" ] || die "PostgreSQL server binaries (pg_ctl, initdb) not found: install PostgreSQL, or set PG_BIN=/path/to/bin, or PGHOST/PGPORT/PGUSER/PGPASSWORD for an existing server"
    fi
    if [ -n "$PG_OS_USER" ] && ! id "$PG_OS_USER" >/dev/null 2>&1; then
        say "[pg] creating the system user $PG_OS_USER to run the cluster"
        useradd --system --user-group --no-create-home --home-dir /nonexistent \
            --shell /usr/sbin/nologin "$PG_OS_USER"
    fi
}

is_running() {
    [ -f "$PG_DATA/PG_VERSION" ] && [ -f "$PG_DATA/postmaster.pid" ] &&
        as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1
}

init_cluster() {
    if [ -n "$PG_OS_USER" ] && ! as_pg test -x "$ROOT"; then
        # the repository is out of the postgres user's reach: keep the cluster in /tmp
        local outside
        outside=/tmp/hr_skp_asn-pgdata-$(printf '%s' "$ROOT" | sha1sum | cut -c1-12)
        say "[pg] $PG_OS_USER cannot reach the repository: cluster in $outside (.pgdata links to it)"
        rm -rf "$ROOT/.pgdata" "$outside" && mkdir -p "$outside" && ln -s "$outside" "$ROOT/.pgdata"
        pg_paths
        export PGHOST=$PG_SOCKET_DIR
    fi
    say "[pg] creating the embedded PostgreSQL cluster in $PG_DATA"
    rm -rf "$PG_DATA" && mkdir -p "$PG_DATA"
    [ -z "$PG_OS_USER" ] || chown -R "$PG_OS_USER:" "$PG_BASE"
    chmod 700 "$PG_DATA"
    as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U odoo --auth=trust -E UTF8 --no-locale >"$PG_BASE/initdb.log" 2>&1 ||
        { cat "$PG_BASE/initdb.log" >&2; die "initdb failed"; }
    # a throw-away development cluster: no TCP, and durability traded for speed
    as_pg sh -c "cat >> '$PG_DATA/postgresql.conf'" <<'CONF'

# --- hr_skp_asn embedded cluster (tools/pg.sh) ---
listen_addresses = ''
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
CONF
}

cmd=${1:-status}
case "$cmd" in
start)
    if [ "$SKP_PG" = external ]; then
        psql -X -d postgres -tAc 'SELECT 1' >/dev/null ||
            die "cannot connect to the PostgreSQL server named by PGHOST=${PGHOST:-} PGPORT=${PGPORT:-} PGUSER=${PGUSER:-}"
        echo external
        exit 0
    fi
    ensure_binaries
    if is_running; then echo running; exit 0; fi
    [ -f "$PG_DATA/PG_VERSION" ] || init_cluster
    mkdir -p "$PG_SOCKET_DIR" && chmod 755 "$PG_SOCKET_DIR"
    if [ -n "$PG_OS_USER" ]; then chown -R "$PG_OS_USER:" "$PG_BASE" "$PG_SOCKET_DIR"; fi
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 \
        -o "-k '$PG_SOCKET_DIR' -p $PG_PORT_EMBEDDED -c listen_addresses=''" start >/dev/null ||
        { tail -n 20 "$PG_LOG" >&2; die "the embedded PostgreSQL did not start (log: $PG_LOG)"; }
    say "[pg] embedded PostgreSQL started (socket $PG_SOCKET_DIR)"
    echo started
    ;;
stop)
    [ "$SKP_PG" = embedded ] || exit 0
    [ -f "$PG_DATA/PG_VERSION" ] || exit 0
    ensure_binaries
    if is_running && [ "${2:-}" = --if-idle ]; then
        others=$(psql -X -d postgres -tAc "SELECT count(*) FROM pg_stat_activity
            WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()" 2>/dev/null || echo 0)
        if [ "${others:-0}" != 0 ]; then
            say "[pg] embedded PostgreSQL left running: $others other connection(s)"
            exit 0
        fi
    fi
    if is_running; then
        as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null
        say "[pg] embedded PostgreSQL stopped"
    fi
    ;;
status)
    if [ "$SKP_PG" = external ]; then
        echo "external server PGHOST=${PGHOST:-} PGPORT=${PGPORT:-} PGUSER=${PGUSER:-}"
    elif [ ! -f "$PG_DATA/PG_VERSION" ]; then
        echo "embedded PostgreSQL: no cluster yet"
    else
        ensure_binaries
        if is_running; then echo "embedded PostgreSQL: running (socket $PG_SOCKET_DIR)"; else
            echo "embedded PostgreSQL: stopped"; fi
    fi
    ;;
destroy)
    [ "$SKP_PG" = embedded ] || exit 0
    if [ -f "$PG_DATA/PG_VERSION" ]; then "$0" stop; fi
    rm -rf "$PG_BASE" "$ROOT/.pgdata"
    case "$PG_SOCKET_DIR" in /tmp/hr_skp_asn-pg-*) rm -rf "$PG_SOCKET_DIR" ;; esac
    ;;
psql)
    shift
    exec psql -X -d postgres "$@"
    ;;
replica-start)
    [ "$SKP_PG" = embedded ] || die "a replica is made of the embedded cluster only"
    dir=${2:?replica directory} port=${3:?replica port}
    ensure_binaries
    rm -rf "$dir" && mkdir -p "$dir/socket"
    [ -z "$PG_OS_USER" ] || chown -R "$PG_OS_USER:" "$dir"
    chmod 700 "$dir"
    as_pg "$PG_BIN/pg_basebackup" -h "$PG_SOCKET_DIR" -p "$PG_PORT_EMBEDDED" -U odoo \
        -D "$dir/data" -R -X stream >"$dir/basebackup.log" 2>&1 ||
        { cat "$dir/basebackup.log" >&2; die "pg_basebackup failed"; }
    chmod 755 "$dir" "$dir/socket"
    as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
        -o "-k '$dir/socket' -p $port -c listen_addresses='' -c hot_standby=on" start >/dev/null ||
        { tail -n 20 "$dir/postgres.log" >&2; die "the replica did not start"; }
    say "[pg] streaming replica started (socket $dir/socket, port $port)"
    ;;
replica-stop)
    dir=${2:?replica directory}
    ensure_binaries
    if [ -f "$dir/data/PG_VERSION" ]; then
        as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
*)
    die "usage: $0 start|stop|status|destroy|psql|replica-start|replica-stop"
    ;;
esac
