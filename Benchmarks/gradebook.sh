#!/usr/bin/env bash
# Benchmark (not a test): a gradebook of 10,000 attempts with real-sized reports, built
# through the library (gradebook-bench), then `groundwork take` (until the first item),
# `report` and `history` timed against it as separate processes of a release build, min and
# median over rounds (Benchmarks/gradebook-times.py). Prints the gradebook's size per attempt.
#
#   Benchmarks/gradebook.sh [--attempts N] [--rounds N] [--keep DIR]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
attempts=10000 rounds=7 keep=""
while (($#)); do
    case "$1" in
        --attempts) attempts="$2"; shift 2 ;;
        --rounds) rounds="$2"; shift 2 ;;
        --keep) keep="$2"; shift 2 ;;
        -h|--help) sed -n '2,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "gradebook.sh: unknown argument $1 (try --help)" >&2; exit 2 ;;
    esac
done
echo "== building groundwork and gradebook-bench (release, --scratch-path .build-bench)" >&2
(cd "$root" && swift build -c release --product groundwork --scratch-path .build-bench >&2 \
    && swift build -c release --product gradebook-bench --scratch-path .build-bench >&2)
if [ -n "$keep" ]; then
    data="$keep"
else
    data="$(mktemp -d "${TMPDIR:-/tmp}/gradebook-bench.XXXXXX")"
    trap 'rm -rf "$data"' EXIT
fi
if [ ! -e "$data/gradebook.sqlite" ]; then
    "$root/.build-bench/release/gradebook-bench" "$data" "$root/Assessments" --attempts "$attempts"
fi
python3 "$root/Benchmarks/gradebook-times.py" "$root/.build-bench/release/groundwork" "$data" "$root/Assessments" --rounds "$rounds"
