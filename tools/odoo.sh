#!/usr/bin/env bash
# The development server of `make run` / `make stop`.
#
#   tools/odoo.sh run     start PostgreSQL (embedded unless PG* name a server), create the database
#                         $DB with our addons and their demo data on first use, serve Odoo in the
#                         background on $HTTP_PORT, wait until it answers, print URL and logins
#   tools/odoo.sh stop    stop that Odoo, then the embedded PostgreSQL
#   tools/odoo.sh status
#
# DB (default hr_skp_asn), HTTP_PORT (default 8069), UPDATE=1 (update the addons, -u, before
# serving), ODOO_ARGS (more odoo-bin options), LANGS (default id_ID,en_US: the languages loaded, with
# their translations, when the database is created and on each start if one is missing; the
# first is the default language of new users).
set -euo pipefail
# shellcheck source=tools/lib.sh
. "$(dirname "$0")/lib.sh"

DB=${DB:-hr_skp_asn}
HTTP_PORT=${HTTP_PORT:-8069}
LANGS=${LANGS:-id_ID,en_US}
PIDFILE=$RUN_DIR/odoo.pid
LOGFILE=$RUN_DIR/odoo.log
URL=http://localhost:$HTTP_PORT

server_pid() {
    local pid
    [ -f "$PIDFILE" ] || return 1
    pid=$(cat "$PIDFILE" 2>/dev/null) || return 1
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null &&
        tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q odoo-bin || return 1
    echo "$pid"
}

answers() {
    "$VENV/bin/python" - "$1" <<'PY'
import sys, urllib.request
try:
    with urllib.request.urlopen(sys.argv[1], timeout=5) as r:
        sys.exit(0 if r.status == 200 else 1)
except Exception:
    sys.exit(1)
PY
}

print_logins() {
    say "Odoo is up: $URL  (database $DB, log $LOGFILE)"
    say "Demo logins (login / password):"
    if [ -f "$ROOT/tools/demo_logins.txt" ]; then
        grep -vE '^\s*(#|$)' "$ROOT/tools/demo_logins.txt" | sed 's/^/  /' >&2
    fi
}

# Odoo's log level for a record line: ERROR/CRITICAL records of an install or update.
log_errors() { grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) ' "$1" || true; }

odoo_once() { # odoo_once LOG ARGS...: run odoo-bin to install/update and stop; fail on errors
    local log=$1 rc=0
    shift
    : >"$log"
    "${ODOO_BIN[@]}" --addons-path="$(addons_path)" -d "$DB" --stop-after-init --no-http \
        --max-cron-threads=0 --logfile="$log" "$@" ${ODOO_ARGS:-} 2>>"$log" || rc=$?
    if [ "$rc" != 0 ] || [ -n "$(log_errors "$log")" ]; then
        python3 "$ROOT/tools/odoo_log_summary.py" --errors-only "$log" >&2
        say "odoo-bin $* failed (exit $rc); full log: $log"
        return 1
    fi
}

cmd=${1:-run}
case "$cmd" in
run)
    load_odoo_env
    require_addons
    mkdir -p "$RUN_DIR"
    if pid=$(server_pid); then
        say "Odoo is already running (pid $pid)."
        print_logins
        exit 0
    fi
    bash "$ROOT/tools/pg.sh" start >/dev/null
    if answers "$URL/web/login"; then
        die "something else already answers on $URL: stop it or use 'make run HTTP_PORT=...'"
    fi
    if ! db_exists "$DB"; then
        say "Creating the database $DB with $ADDONS_CSV and demo data (first run, about a minute)..."
        if ! odoo_once "$RUN_DIR/install.log" -i "$ADDONS_CSV" --load-language="$LANGS"; then
            drop_db "$DB"
            exit 1
        fi
    else
        missing=$(psql -X -d "$DB" -tAc "SELECT string_agg(n, ',') FROM unnest(string_to_array('$ADDONS_CSV', ',')) n
            WHERE NOT EXISTS (SELECT 1 FROM ir_module_module WHERE name = n AND state = 'installed')" 2>/dev/null || echo "?")
        if [ "$missing" = "?" ]; then
            die "database $DB exists but is not an Odoo database: drop it (make clean) or use DB=..."
        elif [ -n "$missing" ]; then
            say "Installing $missing into $DB..."
            odoo_once "$RUN_DIR/install.log" -i "$missing" || exit 1
        fi
        inactive=$(psql -X -d "$DB" -tAc "SELECT string_agg(n, ',') FROM unnest(string_to_array('$LANGS', ',')) n
            WHERE NOT EXISTS (SELECT 1 FROM res_lang WHERE code = n AND active)" 2>/dev/null || true)
        if [ -n "$inactive" ]; then
            say "Loading the language(s) $inactive into $DB (users keep their own language)..."
            odoo_once "$RUN_DIR/lang.log" --load-language="$inactive" || exit 1
        fi
        if [ "${UPDATE:-0}" = 1 ]; then
            say "Updating $ADDONS_CSV in $DB..."
            odoo_once "$RUN_DIR/update.log" -u "$ADDONS_CSV" || exit 1
        fi
    fi
    say "Starting Odoo on $URL ..."
    : >"$LOGFILE"
    # shellcheck disable=SC2086
    setsid nohup "${ODOO_BIN[@]}" --addons-path="$(addons_path)" -d "$DB" --db-filter="^$DB\$" \
        --http-port="$HTTP_PORT" --pidfile="$PIDFILE" --logfile="$LOGFILE" ${ODOO_ARGS:-} \
        </dev/null >>"$LOGFILE" 2>&1 &
    echo $! >"$PIDFILE"
    for _ in $(seq 1 240); do
        if answers "$URL/web/login"; then
            print_logins
            exit 0
        fi
        if ! server_pid >/dev/null; then
            tail -n 30 "$LOGFILE" >&2
            die "Odoo stopped while starting; log: $LOGFILE"
        fi
        sleep 0.5
    done
    tail -n 30 "$LOGFILE" >&2
    die "Odoo did not answer on $URL/web/login within 2 minutes; log: $LOGFILE"
    ;;
stop)
    if pid=$(server_pid); then
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
        if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
        say "Odoo stopped (pid $pid)."
    fi
    rm -f "$PIDFILE"
    bash "$ROOT/tools/pg.sh" stop
    ;;
status)
    if pid=$(server_pid); then say "Odoo: running (pid $pid) on $URL"; else say "Odoo: stopped"; fi
    bash "$ROOT/tools/pg.sh" status
    ;;
*)
    die "usage: $0 run|stop|status"
    ;;
esac
