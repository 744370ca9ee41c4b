#!/usr/bin/env bash
# Benchmark (not a test): `groundwork grade` of 10,000 answers files per test, this checkout's
# release build alternated with a saved "before" binary, outputs checked byte-equal.
#
#   Benchmarks/grade/run.sh --base BINARY [--learners N] [--rounds N] [--tests a,b]
#                           [--format text|csv|json ...] [--keep DIR]
#
# BINARY is a release `groundwork` of the commit to compare with, for example one saved before
# a change: `swift build -c release --scratch-path .build-bench --product groundwork` on that
# commit, then `cp .build-bench/release/groundwork /tmp/groundwork-before`. Without --base only
# this checkout is timed. The answers files are generated (Benchmarks/grade/generate.py, fixed
# seed) into a temporary folder, or into --keep DIR, reused when it already holds them.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
learners=10000 keep="" pass=()
while (($#)); do
    case "$1" in
        --learners) learners="$2"; shift 2 ;;
        --keep) keep="$2"; shift 2 ;;
        --base | --rounds | --tests | --format | --check-files) pass+=("$1" "$2"); shift 2 ;;
        -h | --help) sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "run.sh: unknown argument $1 (try --help)" >&2; exit 2 ;;
    esac
done
echo "== building groundwork (release, --scratch-path .build-bench)" >&2
(cd "$root" && swift build -c release --scratch-path .build-bench --product groundwork >&2)
if [ -n "$keep" ]; then
    data="$keep"
else
    data="$(mktemp -d "${TMPDIR:-/tmp}/grade-bench.XXXXXX")"
    trap 'rm -rf "$data"' EXIT
fi
if [ ! -e "$data/sentiment-quiz" ]; then
    python3 "$root/Benchmarks/grade/generate.py" "$data" --learners "$learners"
fi
echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
python3 "$root/Benchmarks/grade/times.py" "$root/.build-bench/release/groundwork" --data "$data" \
    --assessments "$root/Assessments" "${pass[@]}"
