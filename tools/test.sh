#!/usr/bin/env bash
# `make test`: lint, then
#   1. the Odoo tests of our addons (odoo-bin --test-enable --test-tags /addon,...) in a throw-away
#      database WITHOUT demo data, on the embedded PostgreSQL (or the one PG* name), dropped after;
#   2. the pytest suite of tests/, which starts its own Odoo server (tests/conftest.py);
# then ONE last line "N passed, N failed" summing both suites (a failed lint counts as one
# failure). Exits non-zero when anything failed or when no test ran at all.
#
# SKIP_LINT=1 skips the lint; PYTEST_ARGS adds pytest options; ODOO_TEST_TAGS replaces the
# default "/addon1,/addon2" test tags; ODOO_TEST_TIMEOUT / PYTEST_TIMEOUT (seconds) bound each
# suite. Full logs: .run/lint.log, .run/test-odoo.log, .run/pytest.log (+ pytest-*.log).
set -uo pipefail
# shellcheck source=tools/lib.sh
. "$(dirname "$0")/lib.sh"
load_odoo_env
require_addons
mkdir -p "$RUN_DIR"
rm -f "$RUN_DIR/test-summary.txt"

passed=0
failed=0
skipped=0
lint_note=
TEST_DB=
PG_STARTED=

cleanup() {
    if [ -n "$TEST_DB" ]; then drop_db "$TEST_DB"; fi
    if [ "$PG_STARTED" = started ]; then bash "$ROOT/tools/pg.sh" stop --if-idle; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

section() { printf '\n=== %s\n' "$*"; }

# Print a log file, or its first HEAD and last TAIL lines when longer (the output of `make test`
# must stay readable: the whole logs are in .run/).
clip_file() {
    local file=$1 head=$2 tail=$3 n
    n=$(wc -l <"$file")
    if [ "$n" -le $((head + tail)) ]; then
        cut -c1-300 "$file"
    else
        head -n "$head" "$file" | cut -c1-300
        echo "... ($((n - head - tail)) lines cut: see $file)"
        tail -n "$tail" "$file" | cut -c1-300
    fi
}

# --- 0. lint ---------------------------------------------------------------------------------
if [ "${SKIP_LINT:-0}" != 1 ]; then
    section "lint"
    if bash "$ROOT/tools/lint.sh" >"$RUN_DIR/lint.log" 2>&1; then
        clip_file "$RUN_DIR/lint.log" 40 40
        echo "lint: ok"
    else
        clip_file "$RUN_DIR/lint.log" 60 20
        failed=$((failed + 1))
        lint_note=" (lint failed: counted as 1 failed)"
        echo "lint: FAILED (counted as 1 failed; the tests run anyway)"
    fi
fi

# --- prerequisites ---------------------------------------------------------------------------
if ! CHROMIUM=$(bash "$ROOT/tools/chromium.sh"); then
    echo "no Chromium: the browser tests will fail"
    CHROMIUM=
fi
export CHROMIUM
PATH=$(dirname "${CHROMIUM:-/usr/bin/chromium}"):$PATH # Odoo's HttpCase looks for it on PATH
PG_STARTED=$(bash "$ROOT/tools/pg.sh" start) || { echo "PostgreSQL could not be started"; exit 1; }

# --- 1. Odoo tests, no demo data --------------------------------------------------------------
section "Odoo tests of $ADDONS_CSV (database without demo data)"
TEST_DB=skp_test_$(date +%Y%m%d%H%M%S)_$$
ODOO_LOG=$RUN_DIR/test-odoo.log
tags=${ODOO_TEST_TAGS:-$(printf '/%s,' $ADDONS | sed 's/,$//')}
: >"$ODOO_LOG"
start=$(date +%s)
rc=0
timeout -k 60 "${ODOO_TEST_TIMEOUT:-2700}" \
    "${ODOO_BIN[@]}" --addons-path="$(addons_path)" -d "$TEST_DB" --db-filter="^$TEST_DB\$" \
    -i "$ADDONS_CSV" --without-demo=all --test-enable --test-tags="$tags" --stop-after-init \
    --http-port="$(free_port)" --http-interface=127.0.0.1 --max-cron-threads=0 --workers=0 \
    --log-level=info --logfile="$ODOO_LOG" >>"$ODOO_LOG" 2>&1 || rc=$?
echo "odoo-bin exited with status $rc after $(($(date +%s) - start))s"
python3 "$ROOT/tools/odoo_log_summary.py" "$ODOO_LOG" --returncode "$rc" \
    --counts "$RUN_DIR/test-odoo.counts" || true
if read -r p f s <"$RUN_DIR/test-odoo.counts"; then
    passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
else
    failed=$((failed + 1))
fi
drop_db "$TEST_DB"
TEST_DB=

# --- 2. pytest suite (its own server, database with demo data) --------------------------------
section "pytest tests/ (own Odoo server, database with demo data)"
JUNIT=$RUN_DIR/pytest.xml
rm -f "$JUNIT"
rc=0
# shellcheck disable=SC2086
# (on timeout SIGINT, so that pytest still stops its server and drops its database)
(cd "$ROOT" && timeout -s INT -k 120 "${PYTEST_TIMEOUT:-2400}" \
    "$VENV/bin/python" -m pytest tests --junitxml="$JUNIT" ${PYTEST_ARGS:-}) \
    >"$RUN_DIR/pytest.log" 2>&1 || rc=$?
clip_file "$RUN_DIR/pytest.log" 60 100
counts=$("$VENV/bin/python" - "$JUNIT" <<'PY'
import sys
import xml.etree.ElementTree as ET
try:
    root = ET.parse(sys.argv[1]).getroot()
except Exception:
    print("0 0 0 missing")
    sys.exit()
suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
t = sum(int(s.get("tests", 0)) for s in suites)
f = sum(int(s.get("failures", 0)) + int(s.get("errors", 0)) for s in suites)
k = sum(int(s.get("skipped", 0)) for s in suites)
print(t - f - k, f, k, "ok")
PY
)
read -r p f s state <<<"$counts"
passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
if [ "$state" = missing ] || { [ "$rc" != 0 ] && [ "$rc" != 5 ] && [ "$f" = 0 ]; }; then
    echo "pytest exited with status $rc without a usable report: counted as 1 failed"
    failed=$((failed + 1))
fi
echo "pytest: $p passed, $f failed, $s skipped"

# --- summary ---------------------------------------------------------------------------------
cleanup
PG_STARTED=
status=0
note=$lint_note
if [ $((passed + failed)) = 0 ]; then
    note=" (no test ran)"
    status=1
fi
[ "$failed" = 0 ] || status=1
[ "$skipped" = 0 ] || note="$note ($skipped skipped)"
section "summary$note"
printf '%s passed, %s failed\n' "$passed" "$failed" | tee "$RUN_DIR/test-summary.txt"
exit "$status"
