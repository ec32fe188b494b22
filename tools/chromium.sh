#!/usr/bin/env bash
# Prints the path of a Chromium/Chrome binary for the browser tests (Odoo's HttpCase tours and
# tests/), installing Debian's "chromium" package when there is none and we are root.
# CHROMIUM=/path/to/binary overrides the search.
set -euo pipefail

find_chromium() {
    local b
    if [ -n "${CHROMIUM:-}" ]; then
        [ -x "$CHROMIUM" ] && echo "$CHROMIUM"
        return
    fi
    for b in chromium chromium-browser google-chrome google-chrome-stable; do
        if command -v "$b" >/dev/null; then command -v "$b"; return; fi
    done
}

path=$(find_chromium || true)
if [ -z "$path" ] && [ -z "${CHROMIUM:-}" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    printf '[chromium] installing Debian package chromium (once)\n' >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q --no-install-recommends chromium fonts-liberation >/dev/null 2>&1 ||
        { apt-get update -q >/dev/null 2>&1 &&
            apt-get install -y -q --no-install-recommends chromium fonts-liberation >/dev/null; } || true
    path=$(find_chromium || true)
fi
if [ -z "$path" ]; then
    printf 'ERROR: no Chromium found (CHROMIUM=%s); install it: apt-get install chromium\n' \
        "${CHROMIUM:-}" >&2
    exit 1
fi
echo "$path"
