# shellcheck shell=bash
# Shared settings of the tools/*.sh scripts (sourced, never run). Everything is derived from the
# repository's location and the environment, so that the Makefile, the scripts and
# tests/conftest.py agree on where things are:
#
#   ROOT            the repository
#   ODOO_DIR, VENV  from .odoo-env (written by tools/setup.sh)
#   ADDONS_DIR      where our addons are: the repository, or SKP_ADDONS_DIR to try another copy
#   ADDONS          addons to install and test (default: every folder of ADDONS_DIR with a
#                   __manifest__.py), space separated
#   ADDONS_PATH     ADDONS_DIR plus Odoo's own addons, for odoo-bin --addons-path
#   RUN_DIR         logs, pid files and test results (.run/, git-ignored)
#   SKP_PG          "external" when PGHOST/PGPORT/PGUSER/PGPASSWORD name a server, else
#                   "embedded": the private cluster in .pgdata/ that tools/pg.sh runs; the PG*
#                   variables are then set to reach it through its unix socket.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUN_DIR=$ROOT/.run
ODOO_ENV_FILE=$ROOT/.odoo-env

say() { printf '%s\n' "$*" >&2; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

load_odoo_env() {
    if [ ! -f "$ODOO_ENV_FILE" ]; then
        bash "$ROOT/tools/setup.sh" >&2 || die "tools/setup.sh failed"
    fi
    # shellcheck disable=SC1090
    . "$ODOO_ENV_FILE"
    [ -x "$VENV/bin/python" ] && [ -f "$ODOO_DIR/odoo-bin" ] ||
        die ".odoo-env points to a missing Odoo or virtualenv: run 'make setup'"
    export ODOO_DIR VENV
    ODOO_BIN=("$VENV/bin/python" "$ODOO_DIR/odoo-bin")
}

ADDONS_DIR=${SKP_ADDONS_DIR:-$ROOT}
ADDONS_DIR=$(cd "$ADDONS_DIR" && pwd) || die "SKP_ADDONS_DIR=$SKP_ADDONS_DIR does not exist"
if [ -z "${ADDONS:-}" ]; then
    ADDONS=$(for m in "$ADDONS_DIR"/*/__manifest__.py; do
        [ -f "$m" ] && basename "$(dirname "$m")"
    done | tr '\n' ' ')
fi
ADDONS=$(echo "$ADDONS" | tr ',' ' ' | xargs)
ADDONS_CSV=$(echo "$ADDONS" | tr ' ' ',')

require_addons() {
    [ -n "$ADDONS" ] || die "no addon (a folder with a __manifest__.py) in $ADDONS_DIR"
}

addons_path() { printf '%s,%s/addons' "$ADDONS_DIR" "$ODOO_DIR"; }

# --- PostgreSQL: embedded cluster or the server named by PG* ----------------------------------
if [ -z "${SKP_PG:-}" ]; then
    if [ -n "${PGHOST:-}${PGPORT:-}${PGUSER:-}${PGPASSWORD:-}" ]; then
        SKP_PG=external
    else
        SKP_PG=embedded
    fi
fi
PG_PORT_EMBEDDED=5432
# The cluster lives in .pgdata/ (data/, socket/, postgres.log). When the repository cannot be
# reached by the "postgres" OS user (a clone under a private home), tools/pg.sh puts it in a
# folder of /tmp and .pgdata is a symbolic link to it.
pg_paths() {
    PG_BASE=$ROOT/.pgdata
    if [ -L "$PG_BASE" ]; then PG_BASE=$(readlink -f "$PG_BASE"); fi
    PG_DATA=$PG_BASE/data
    PG_LOG=$PG_BASE/postgres.log
    # A unix socket path is limited to 107 bytes: use .pgdata/socket when it is short enough,
    # else a folder in /tmp named after a hash of the repository's path.
    PG_SOCKET_DIR=$PG_BASE/socket
    if [ $((${#PG_SOCKET_DIR} + ${#PG_PORT_EMBEDDED} + 10)) -gt 100 ]; then
        PG_SOCKET_DIR=/tmp/hr_skp_asn-pg-$(printf '%s' "$ROOT" | sha1sum | cut -c1-12)
    fi
}
pg_paths
if [ "$SKP_PG" = embedded ]; then
    export PGHOST=$PG_SOCKET_DIR PGPORT=$PG_PORT_EMBEDDED PGUSER=odoo
    unset PGPASSWORD
fi
export SKP_PG

# A TCP port nobody listens on (for throw-away Odoo servers).
free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

db_exists() {
    [ "$(psql -X -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$1'" 2>/dev/null)" = 1 ]
}

drop_db() {
    dropdb --if-exists --force "$1" >/dev/null 2>&1 || dropdb --if-exists "$1" >/dev/null 2>&1 || true
}

# Everything a caller in another language needs (tests/conftest.py), as KEY=VALUE lines.
print_env() {
    printf '%s=%s\n' ROOT "$ROOT" ODOO_DIR "$ODOO_DIR" VENV "$VENV" ADDONS "$ADDONS" \
        ADDONS_PATH "$(addons_path)" RUN_DIR "$RUN_DIR" SKP_PG "$SKP_PG" \
        PGHOST "${PGHOST:-}" PGPORT "${PGPORT:-}" PGUSER "${PGUSER:-}"
    [ -z "${PGPASSWORD:-}" ] || printf 'PGPASSWORD=%s\n' "$PGPASSWORD"
}
