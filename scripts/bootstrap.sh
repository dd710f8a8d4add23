#!/usr/bin/env bash
# Prepares a checkout to run and test: Debian packages, .venv, Python dependencies.
# Safe to run any number of times; each step does work only when something is missing or changed.
#
# Environment:
#   PYTHON            interpreter to build .venv with (default: first of python3, python3.13, python3.12, python3.11)
#   QAWARD_SKIP_APT=1 never touch Debian packages (e.g. on a machine managed by someone else)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

VENV=.venv
LOCK=requirements.lock
STAMP="$VENV/.requirements.lock.sha256"
# chromium: headless browser tests (Playwright drives the Debian build; it never downloads its own).
# fonts-noto-cjk: Chinese glyphs in PDFs and screenshots. libpango*: WeasyPrint. gettext: compilemessages.
APT_PACKAGES=(chromium fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0 gettext)

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export PIP_DISABLE_PIP_VERSION_CHECK=1

log() { printf '[bootstrap] %s\n' "$*"; }
warn() { printf '[bootstrap] WARNING: %s\n' "$*" >&2; }

is_installed() {
    [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]
}

install_debian_packages() {
    if [ "${QAWARD_SKIP_APT:-0}" = "1" ]; then
        return 0
    fi
    if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
        warn "not a Debian-like system; make sure these are installed: ${APT_PACKAGES[*]}"
        return 0
    fi
    local missing=() pkg
    for pkg in "${APT_PACKAGES[@]}"; do
        is_installed "$pkg" || missing+=("$pkg")
    done
    if [ "${#missing[@]}" -eq 0 ]; then
        return 0
    fi

    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if ! command -v sudo >/dev/null 2>&1; then
            warn "missing Debian packages and no sudo: ${missing[*]}"
            warn "install them as root: apt-get install ${missing[*]}"
            return 0
        fi
        # Without a terminal sudo cannot ask for a password, so fail fast instead of hanging.
        if [ -t 0 ]; then sudo=(sudo); else sudo=(sudo -n); fi
    fi

    log "installing Debian packages: ${missing[*]}"
    if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q; then
        warn "apt-get update failed; trying to install from the current package lists"
    fi
    if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"; then
        warn "could not install: ${missing[*]}"
        warn "browser tests, PDF output or translations may fail until they are installed"
    fi
}

python_ok() {
    "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' >/dev/null 2>&1
}

find_python() {
    local candidate candidates=(python3 python3.13 python3.12 python3.11)
    if [ -n "${PYTHON:-}" ]; then candidates=("$PYTHON" "${candidates[@]}"); fi
    for candidate in "${candidates[@]}"; do
        if command -v "$candidate" >/dev/null 2>&1 && python_ok "$candidate"; then
            command -v "$candidate"
            return 0
        fi
    done
    return 1
}

ensure_venv() {
    if [ -x "$VENV/bin/python" ] && python_ok "$VENV/bin/python"; then
        return 0
    fi
    if [ -e "$VENV" ]; then
        # An interpreter that no longer runs (moved pyenv, old Python) cannot be repaired in place.
        warn "$VENV is broken or older than Python 3.11; recreating it"
        rm -rf "$VENV"
    fi
    local python
    if ! python=$(find_python); then
        echo "[bootstrap] ERROR: Python 3.11 or newer is required (set PYTHON=/path/to/python3)" >&2
        exit 1
    fi
    log "creating $VENV with $python ($("$python" --version 2>&1))"
    "$python" -m venv "$VENV"
}

install_requirements() {
    local want have=""
    want=$(sha256sum "$LOCK" | cut -d' ' -f1)
    [ -f "$STAMP" ] && have=$(cat "$STAMP")
    if [ "$want" = "$have" ]; then
        return 0
    fi
    log "installing $LOCK into $VENV"
    # The lock names this machine image's local package mirrors; pip warns once per package
    # wherever a mirror lacks it, which is noise, not a problem.
    "$VENV/bin/python" -m pip install --quiet --require-hashes -r "$LOCK" 2>&1 |
        { grep -v "^WARNING: Location 'file://.*' is ignored" || true; }
    # Written only after a successful install, so an interrupted one is retried next time.
    printf '%s\n' "$want" >"$STAMP"
}

install_debian_packages
ensure_venv
install_requirements
log "ready"
