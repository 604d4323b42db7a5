#!/usr/bin/env bash
# The system packages the tests need, from Debian, in one place: `make deps` (and the targets
# that depend on it) call this. Idempotent and quick when everything is there: a package is
# installed only when the command it provides is missing.
#
#   scripts/deps.sh test     chromium (end to end), poppler-utils (PDF tests read text back),
#                            python3-venv (the webhook and fuzzing virtualenvs), where missing
#   scripts/deps.sh lint     docker-compose, to validate docker-compose.yml, when there is
#                            neither `docker compose` nor `docker-compose`
#   scripts/deps.sh bench    wrk, the load generator
#
# Installs with apt-get, through sudo when not root; when neither is possible it stops with
# one line naming the packages to install.
set -euo pipefail

missing=()
want() { # want PACKAGE WHY: the package is needed
    missing+=("$1")
    echo "deps: $1 is missing ($2)"
}

for group in "${@:-test}"; do
    case $group in
    test)
        # The browser comes from Debian, never from a test tool's own download.
        if [ -n "${CHROMIUM_PATH:-}" ]; then
            [ -x "$CHROMIUM_PATH" ] || { echo "deps: CHROMIUM_PATH=$CHROMIUM_PATH is not an executable" >&2; exit 1; }
        elif ! command -v chromium >/dev/null; then
            want chromium "the end-to-end tests drive it"
        fi
        command -v pdftotext >/dev/null || want poppler-utils "the PDF tests read pdftotext's output"
        # Debian's own python3 ships venv without ensurepip until python3-venv is installed.
        python3 -c 'import venv, ensurepip' 2>/dev/null || want python3-venv "the tests' Python virtualenvs"
        ;;
    lint)
        if ! docker compose version >/dev/null 2>&1 && ! command -v docker-compose >/dev/null; then
            want docker-compose "make lint validates docker-compose.yml"
        fi
        ;;
    bench)
        command -v wrk >/dev/null || want wrk "make bench drives the server with it"
        ;;
    *)
        echo "deps: unknown group '$group' (test, lint, bench)" >&2
        exit 2
        ;;
    esac
done

[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
        SUDO=(sudo -n)
    else
        echo "deps: cannot install as $(id -un) without sudo; run: sudo apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
fi
if ! command -v apt-get >/dev/null; then
    echo "deps: no apt-get here; install these packages (Debian names): ${missing[*]}" >&2
    exit 1
fi
echo "deps: installing ${missing[*]} (Debian packages)"
# The package lists may be stale or absent on a fresh machine: try as they are, then update.
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 ||
    { "${SUDO[@]}" apt-get update -qq && "${SUDO[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null; } || {
    echo "deps: apt-get could not install: ${missing[*]}" >&2
    exit 1
}
echo "deps: installed ${missing[*]}"
