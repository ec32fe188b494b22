#!/usr/bin/env bash
# `make bench [N=2000] [REPLICA=1] [BENCH_ARGS=...]`: tools/bench.py on the embedded PostgreSQL
# (or the server PG* name), in a throw-away database dropped afterwards. Writes bench/results.md
# and bench/results.json; log files in .run/bench-*.log. REPLICA=1 also runs the portal load
# with a streaming replica of the embedded cluster (pg_basebackup, own unix socket).
set -euo pipefail
# shellcheck source=tools/lib.sh
. "$(dirname "$0")/lib.sh"
load_odoo_env
mkdir -p "$RUN_DIR"
PG_STARTED=$(bash "$ROOT/tools/pg.sh" start)
REPLICA_DIR=
cleanup() {
    if [ -n "$REPLICA_DIR" ]; then bash "$ROOT/tools/pg.sh" replica-stop "$REPLICA_DIR"; fi
    if [ "$PG_STARTED" = started ]; then bash "$ROOT/tools/pg.sh" stop --if-idle; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
args=(--n "${N:-2000}")
if [ "${REPLICA:-0}" = 1 ]; then
    REPLICA_DIR=$(mktemp -d /tmp/hr_skp_asn-replica-XXXXXX)
    port=$((PG_PORT_EMBEDDED + 1))
    bash "$ROOT/tools/pg.sh" replica-start "$REPLICA_DIR" "$port"
    args+=(--replica "$REPLICA_DIR:$port")
fi
export ODOO_DIR ADDONS_PATH RUN_DIR
ADDONS_PATH=$(addons_path)
# shellcheck disable=SC2086
"$VENV/bin/python" "$ROOT/tools/bench.py" "${args[@]}" ${BENCH_ARGS:-}
