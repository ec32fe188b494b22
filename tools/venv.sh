#!/usr/bin/env bash
# Run a tool of the project's virtualenv (tools/setup.sh): `tools/venv.sh ruff check ...`.
# The hooks of .pre-commit-config.yaml use it, so that `make lint` needs no network.
set -euo pipefail
# shellcheck source=tools/lib.sh
. "$(dirname "$0")/lib.sh"
load_odoo_env
tool=$1
shift
exec "$VENV/bin/$tool" "$@"
