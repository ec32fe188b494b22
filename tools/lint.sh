#!/usr/bin/env bash
# `make lint`: the hooks of .pre-commit-config.yaml (ruff check + format --check with ruff.toml,
# pylint-odoo with .pylintrc, oca-checks-odoo-module and oca-checks-po with .oca_hooks.cfg, XML
# well-formed) over the repository; for addons elsewhere (SKP_ADDONS_DIR), ruff and pylint-odoo
# over them. Runs every check and fails if any failed.
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
elif [ "$ADDONS_DIR" = "$ROOT" ] && [ -x "$VENV/bin/pre-commit" ] && git rev-parse --git-dir >/dev/null 2>&1; then
    # the hooks of .pre-commit-config.yaml (OCA's), on every file of the repository that git
    # tracks or would track (new files too)
    mapfile -t files < <(git ls-files --cached --others --exclude-standard)
    echo "+ pre-commit run --files <the ${#files[@]} files of the repository>"
    "$VENV/bin/pre-commit" run --color=never --show-diff-on-failure --files "${files[@]}" || fail=1
else
    run "$VENV/bin/ruff" check --no-fix --output-format=concise "${py_dirs[@]}"
    run "$VENV/bin/ruff" format --check --output-format=concise "${py_dirs[@]}"
    run "$VENV/bin/pylint" --rcfile="$ROOT/.pylintrc" "${addon_dirs[@]}" "${py_files[@]}"
fi

if [ "$fail" = 0 ]; then echo "lint: no problem"; else echo "lint: problems found (see above)"; fi
exit "$fail"
