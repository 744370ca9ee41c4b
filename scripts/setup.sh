#!/usr/bin/env bash
# Installs what Groundwork needs on a fresh Debian machine, once: libcmark (and the cmark
# program, used by scripts/compare-with-cmark.sh), SQLite for the gradebook, espeak-ng for
# fresh spoken practice clips (docs/generators.md), and, for the tests, headless Chromium
# with its driver and Debian's selenium (--browser) and PostgreSQL (--postgres, when no
# initdb is found; scripts/pg-cluster runs a throwaway cluster of it). Safe to run again;
# does nothing then.
set -euo pipefail

missing=()
packages=(libcmark-dev cmark libsqlite3-dev pkg-config espeak-ng)
for option in "$@"; do
    case "$option" in
    # What the browser tests need too (scripts/test asks for it; running the app does not).
    --browser) packages+=(chromium chromium-driver python3-selenium) ;;
    # A PostgreSQL server for the gradebook suite's second run. Debian keeps initdb in
    # /usr/lib/postgresql/VERSION/bin, off the PATH; a machine with its own PostgreSQL has it on the PATH.
    --postgres)
        command -v initdb >/dev/null || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || packages+=(postgresql)
        ;;
    *) echo "usage: scripts/setup.sh [--browser] [--postgres]" >&2; exit 2 ;;
    esac
done
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "groundwork: installing ${missing[*]}" >&2
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >&2
fi
command -v swift >/dev/null || { echo "groundwork: Swift 6 is needed (https://swift.org/install)" >&2; exit 2; }
