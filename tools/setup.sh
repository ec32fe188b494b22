#!/usr/bin/env bash
# Installs what hr_skp_asn needs to run and be tested: Odoo 18.0 Community from source in a
# cache folder outside the repository, and a virtualenv with Odoo's pinned requirements plus
# ours. Idempotent: a second run checks stamps and returns in a second.
#
#   ODOO_SRC=/path/to/odoo-18.0   use this source tree (copied once into the cache)
#   SKP_CACHE=/path               cache folder (default: ${XDG_CACHE_HOME:-~/.cache}/hr_skp_asn)
#   PYTHON=python3.11             interpreter for the virtualenv
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${SKP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/hr_skp_asn}
ODOO_DIR=$CACHE/odoo-18.0
PYTHON=${PYTHON:-python3}
ODOO_ARCHIVE_URL=${ODOO_ARCHIVE_URL:-https://github.com/odoo/odoo/archive/refs/heads/18.0.tar.gz}
mkdir -p "$CACHE"

log() { printf '[setup] %s\n' "$*" >&2; }

is_odoo_18() {
    [ -f "$1/odoo-bin" ] && [ -f "$1/odoo/release.py" ] &&
        grep -qE "^version_info = \(18, 0" "$1/odoo/release.py"
}

# 1. Odoo 18.0 source -----------------------------------------------------------------
if [ -n "${ODOO_SRC:-}" ]; then
    src=$(cd "$ODOO_SRC" && pwd)
    is_odoo_18 "$src" || { log "ODOO_SRC=$ODOO_SRC is not an Odoo 18.0 source tree (no odoo-bin / release 18.0)"; exit 2; }
    if [ "$src" != "$ODOO_DIR" ] && { [ ! -f "$ODOO_DIR/.complete" ] || [ "$(cat "$ODOO_DIR/.complete")" != "$src" ]; }; then
        log "copying Odoo 18.0 from ODOO_SRC into $ODOO_DIR (once)"
        rm -rf "$ODOO_DIR.tmp" && mkdir -p "$ODOO_DIR.tmp"
        # only Odoo itself: odoo-bin, the odoo package and the standard addons
        tar -C "$src" --exclude=./odoo/custom_addons --exclude=.git -cf - \
            ./odoo-bin ./odoo ./addons ./requirements.txt ./setup.py ./setup.cfg ./setup/odoo \
            | tar -C "$ODOO_DIR.tmp" -xf -
        printf '%s' "$src" > "$ODOO_DIR.tmp/.complete"
        rm -rf "$ODOO_DIR" && mv "$ODOO_DIR.tmp" "$ODOO_DIR"
    fi
elif [ ! -f "$ODOO_DIR/.complete" ]; then
    log "no ODOO_SRC and no cached copy: downloading the official Odoo 18.0 source archive"
    tmp=$(mktemp -d)
    if curl -fsSL --max-time 900 "$ODOO_ARCHIVE_URL" -o "$tmp/odoo.tar.gz" 2>/dev/null &&
        mkdir -p "$tmp/x" && tar -xzf "$tmp/odoo.tar.gz" -C "$tmp/x" --strip-components=1 &&
        is_odoo_18 "$tmp/x"; then
        rm -rf "$tmp/x/odoo/custom_addons" "$ODOO_DIR"
        mv "$tmp/x" "$ODOO_DIR" && echo "$ODOO_ARCHIVE_URL" > "$ODOO_DIR/.complete"
        rm -rf "$tmp"
    else
        rm -rf "$tmp"
        log "ERROR: Odoo 18.0 could not be had. Set ODOO_SRC=/path/to/an/odoo-18.0/source/tree and run again."
        exit 2
    fi
fi

# 2. System libraries some pinned requirements build against ----------------------------
need=()
for pkg in libpq-dev libldap2-dev libsasl2-dev; do
    dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ] && command -v apt-get >/dev/null; then
    if [ "$(id -u)" = 0 ]; then
        log "installing Debian packages: ${need[*]}"
        (apt-get install -y -q "${need[@]}" >/dev/null 2>&1 ||
            { apt-get update -q >/dev/null && apt-get install -y -q "${need[@]}" >/dev/null; })
    else
        log "ERROR: Debian packages missing: ${need[*]} (sudo apt-get install ${need[*]})"
        exit 2
    fi
fi

# 3. Virtualenv with Odoo's requirements and ours -----------------------------------------
# pip on some machines prints one "WARNING: Location '...' is ignored" line per package and
# configured index; drop those lines, keep everything else and pip's exit status.
pip_quiet() {
    "$VENV/bin/pip" "$@" 2>&1 | { grep -vE "^WARNING: Location '[^']*' is ignored" || true; }
    return "${PIPESTATUS[0]}"
}
pyver=$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
hash=$(cat "$ODOO_DIR/requirements.txt" "$ROOT/requirements.txt" "$ROOT/requirements-dev.txt" |
    sha1sum | cut -c1-12)
VENV=$CACHE/venv-py$pyver
export PIP_DISABLE_PIP_VERSION_CHECK=1
if [ ! -f "$VENV/.stamp" ] || [ "$(cat "$VENV/.stamp")" != "$hash" ]; then
    log "creating/updating the virtualenv $VENV (Odoo's pinned requirements for Python $pyver)"
    [ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
    constraints=$CACHE/pip-constraints.txt
    echo 'setuptools<70' > "$constraints"
    export PIP_CONSTRAINT=$constraints
    pip_quiet install -q 'setuptools<70' wheel
    pip_quiet install -q -r "$ODOO_DIR/requirements.txt"
    pip_quiet install -q -r "$ROOT/requirements.txt" -r "$ROOT/requirements-dev.txt"
    echo "$hash" > "$VENV/.stamp"
fi

# 3b. Documents (hr_skp_asn reports): Debian's wkhtmltopdf renders the PDFs (the documents put
# kop surat and signatures in the page body: Debian's unpatched-Qt build drops headers and
# footers), poppler-utils lets the tests read them back (pdftotext, pdftoppm), and OCA
# report_xlsx writes the XLSX rekap. The wheel goes in without its dependencies ("odoo" is
# the source tree; xlsxwriter comes from requirements.txt) into the venv's odoo/addons, which
# the odoo.addons namespace finds. A stamp makes later runs instant.
docs_stamp="report_xlsx>=18.0,<18.1|wkhtmltopdf|poppler-utils"
if [ ! -f "$VENV/.docs-stamp" ] || [ "$(cat "$VENV/.docs-stamp")" != "$docs_stamp" ] ||
    ! command -v wkhtmltopdf >/dev/null || ! command -v pdftotext >/dev/null; then
    if ! command -v wkhtmltopdf >/dev/null || ! command -v pdftotext >/dev/null; then
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
            log "installing Debian's wkhtmltopdf and poppler-utils (PDF documents and their tests)"
            apt-get install -y -q wkhtmltopdf poppler-utils >/dev/null 2>&1 ||
                { apt-get update -q >/dev/null && apt-get install -y -q wkhtmltopdf poppler-utils >/dev/null; }
        else
            log "ERROR: wkhtmltopdf or pdftotext missing: as root, run apt-get install wkhtmltopdf poppler-utils"
            exit 2
        fi
    fi
    log "installing OCA report_xlsx 18.0 (pip install --no-deps)"
    pip_quiet install -q --no-deps 'odoo-addon-report_xlsx>=18.0,<18.1'
    printf '%s' "$docs_stamp" > "$VENV/.docs-stamp"
fi

# 4. Odoo itself as a distribution of the venv (editable, from the cache), so that pip sees
# "odoo" installed and OCA odoo-addon-* wheels can be installed on top of it later.
odoo_stamp="$ODOO_DIR|$(cat "$ODOO_DIR/.complete" 2>/dev/null)"
if [ ! -f "$VENV/.odoo-stamp" ] || [ "$(cat "$VENV/.odoo-stamp")" != "$odoo_stamp" ] ||
    ! "$VENV/bin/python" -c 'import importlib.metadata as m; m.version("odoo")' >/dev/null 2>&1; then
    log "installing Odoo from $ODOO_DIR into the virtualenv (pip install --no-deps -e)"
    # setup.py installs the script setup/odoo (older copies in the cache may lack it)
    [ -f "$ODOO_DIR/setup/odoo" ] || { mkdir -p "$ODOO_DIR/setup" && cp "$ODOO_DIR/odoo-bin" "$ODOO_DIR/setup/odoo"; }
    PIP_CONSTRAINT=$CACHE/pip-constraints.txt pip_quiet install -q --no-deps --no-build-isolation -e "$ODOO_DIR"
    printf '%s' "$odoo_stamp" > "$VENV/.odoo-stamp"
fi

# 5. OCA addons from PyPI (requirements-oca.txt: odoo-addon-payroll for hr_skp_asn_payroll),
# without their dependencies: "odoo" is the one installed above. The wheels put the addons in
# the virtualenv's odoo/addons, which odoo.addons' namespace path finds (no addons_path entry).
oca_stamp="$(sha1sum <"$ROOT/requirements-oca.txt" | cut -c1-12)"
if [ ! -f "$VENV/.oca-stamp" ] || [ "$(cat "$VENV/.oca-stamp")" != "$oca_stamp" ]; then
    log "installing the OCA addons of requirements-oca.txt (pip install --no-deps)"
    pip_quiet install -q --no-deps -r "$ROOT/requirements-oca.txt"
    printf '%s' "$oca_stamp" > "$VENV/.oca-stamp"
fi

# Tell the Makefile where things are.
cat > "$ROOT/.odoo-env" <<ENV
ODOO_DIR=$ODOO_DIR
VENV=$VENV
ENV
log "Odoo 18.0 in $ODOO_DIR, virtualenv $VENV"
