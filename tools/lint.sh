#!/usr/bin/env bash
# `make lint`: ruff (check + format --check, ruff.toml) and pylint-odoo (.pylintrc) over our
# addons, tests/ and tools/. Runs every check and fails if any failed.
# FIX=1 lets ruff fix what it can and reformat (that is `make format`).
set -uo pipefail
# shellcheck source=tools/lib.sh
. "$(dirname "$0")/lib.sh"
load_odoo_env
cd "$ROOT" || exit 1

addon_dirs=()
for a in $ADDONS; do
    if [ "$ADDONS_DIR" = "$ROOT" ] && [ -d "$a" ]; then
        addon_dirs+=("$a")
    elif [ -d "$ADDONS_DIR/$a" ]; then
        addon_dirs+=("$ADDONS_DIR/$a")
    fi
done
py_dirs=("${addon_dirs[@]}")
for d in tests tools; do
    if [ -d "$d" ]; then py_dirs+=("$d"); fi
done
# pylint wants modules: the addons are packages, tests/ and tools/ are loose files
py_files=()
for f in tests/*.py tools/*.py; do
    if [ -f "$f" ]; then py_files+=("$f"); fi
done

fail=0
run() {
    printf '+ %s\n' "$*"
    "$@" || fail=1
}

if [ "${FIX:-0}" = 1 ]; then
    run "$VENV/bin/ruff" check --fix "${py_dirs[@]}"
    run "$VENV/bin/ruff" format "${py_dirs[@]}"
else
    run "$VENV/bin/ruff" check --no-fix --output-format=concise "${py_dirs[@]}"
    run "$VENV/bin/ruff" format --check --output-format=concise "${py_dirs[@]}"
fi
run "$VENV/bin/pylint" --rcfile="$ROOT/.pylintrc" "${addon_dirs[@]}" "${py_files[@]}"

if [ "$fail" = 0 ]; then echo "lint: no problem"; else echo "lint: problems found (see above)"; fi
exit "$fail"
