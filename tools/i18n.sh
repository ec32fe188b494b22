#!/usr/bin/env bash
# `make i18n`: export the translatable terms of each addon into <addon>/i18n/<addon>.pot and
# merge them into <addon>/i18n/id.po (translations kept by msgid, obsolete entries dropped, new
# ones empty), then list the entries still to translate. Installs each addon alone (with what it
# depends on) into a throw-away database, so that an addon's terms do not depend on the others.
set -euo pipefail
# shellcheck source=tools/lib.sh
. "$(dirname "$0")/lib.sh"
load_odoo_env
PG_STARTED=$(bash "$ROOT/tools/pg.sh" start)
DB=
cleanup() {
    if [ -n "$DB" ]; then drop_db "$DB" || true; fi
    if [ "$PG_STARTED" = started ]; then bash "$ROOT/tools/pg.sh" stop --if-idle; fi
}
trap cleanup EXIT
for addon in $ADDONS; do
    DB=skp_i18n_$$_$addon
    ODOO=("$VENV/bin/python" "$ODOO_DIR/odoo-bin" --addons-path="$(addons_path)" -d "$DB"
        --http-port="$(free_port)" --stop-after-init --log-level=warn)
    "${ODOO[@]}" -i "$addon" --without-demo=all >"$RUN_DIR/i18n-install.log" 2>&1
    I18N=$ADDONS_DIR/$addon/i18n
    "${ODOO[@]}" --i18n-export="$I18N/$addon.pot" --modules="$addon" \
        >"$RUN_DIR/i18n-export.log" 2>&1
    "$VENV/bin/python" - "$I18N/$addon.pot" "$I18N/id.po" <<'PY'
import sys

import polib

pot_path, po_path = sys.argv[1:3]
pot = polib.pofile(pot_path, wrapwidth=78)
current = polib.pofile(po_path)
old = {entry.msgid: entry for entry in current}
po = polib.POFile(wrapwidth=78)
po.header = current.header
po.metadata = dict(current.metadata)
todo = []
for entry in pot:
    previous = old.get(entry.msgid)
    entry.msgstr = previous.msgstr if previous else ""
    if not entry.msgstr.strip():
        todo.append(entry.msgid)
    po.append(entry)
po.save(po_path)
print(f"{len(po)} entries, {len(todo)} to translate in {po_path}")
for msgid in todo:
    print("  TODO:", msgid)
PY
    drop_db "$DB"
    DB=
done
