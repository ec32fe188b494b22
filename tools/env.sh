#!/usr/bin/env bash
# Prints, as KEY=VALUE lines, where Odoo, the virtualenv, our addons and the PostgreSQL server
# are (see tools/lib.sh). Used by tests/conftest.py.
set -euo pipefail
# shellcheck source=tools/lib.sh
. "$(dirname "$0")/lib.sh"
load_odoo_env
print_env
