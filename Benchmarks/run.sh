#!/usr/bin/env bash
# All of Groundwork's benchmarks in one command (benchmarks, not tests: never run in CI):
#   1. the lesson pipeline against bare libcmark with the same arena allocator, on generated
#      lessons plus real Markdown (the READMEs of the local Swift package mirror, extracted
#      here at run time, never committed);
#   2. every Metrics family against its Python reference (scripts/metrics-bench/
#      run-metrics-bench.sh: own processes, alternating order, rounds, min and median, every
#      number compared).
#
#   Benchmarks/run.sh [--lessons N] [--repetitions N] [-- ARGS for run-metrics-bench.sh]
#   e.g. Benchmarks/run.sh -- --small --rounds 3
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lessons=3000 repetitions=7
while (($#)); do
    case "$1" in
        --lessons) lessons="$2"; shift 2 ;;
        --repetitions) repetitions="$2"; shift 2 ;;
        --) shift; break ;;
        -h|--help) sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "run.sh: unknown argument $1 (try --help)" >&2; exit 2 ;;
    esac
done

"$root/scripts/setup.sh"
echo "== building groundwork-bench (release, --scratch-path .build-bench)" >&2
(cd "$root" && swift build -c release --product groundwork-bench --scratch-path .build-bench >&2)
markdown="$(mktemp -d "${TMPDIR:-/tmp}/groundwork-readmes.XXXXXX")"
trap 'rm -rf "$markdown"' EXIT
if [ -d /opt/swift-packages ]; then
    n=0
    for repo in /opt/swift-packages/*/*.git; do
        git -C "$repo" show HEAD:README.md >"$markdown/readme-$n.md" 2>/dev/null || rm -f "$markdown/readme-$n.md"
        n=$((n + 1))
    done
fi
echo "== lesson pipeline: $lessons generated lessons + $(ls "$markdown" | wc -l) READMEs" >&2
"$root/.build-bench/release/groundwork-bench" "$lessons" "$repetitions" --markdown "$markdown"
echo
echo "== Metrics families against their Python references" >&2
"$root/scripts/metrics-bench/run-metrics-bench.sh" "$@"
