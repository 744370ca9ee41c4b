#!/usr/bin/env bash
# Load benchmark for the web app (not a test; loopback only, bounded in count and time):
#   Benchmarks/web-load/run.sh [LEARNERS] [ROUNDS]
# 1. For each round: a fresh release server, LEARNERS simulated learners each start
#    sentiment-quiz and save all 16 answers — first paced like people (arriving over 5 s,
#    2 s on average between answers), then all at once with no pause (saturation); after
#    each, the gradebook is checked for every acknowledged answer (none lost, none twice).
# 2. Crash: the same load, the server killed with SIGKILL mid-run and restarted on the same
#    gradebook; every answer acknowledged before the kill must be there.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/Benchmarks/web-load"
learners="${1:-200}"
rounds="${2:-3}"
cd "$root"
swift build -c release --product groundwork --scratch-path .build-release >&2
binary="$root/.build-release/release/groundwork"
work="$(mktemp -d)"
trap 'kill -9 $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

start_server() { # $1: data folder; prints the port
    GROUNDWORK_BENCH_LEARNERS=1 "$binary" serve --port 0 --data-dir "$1" > "$work/server.out" 2> "$work/server.err" &
    echo $! > "$work/server.pid"
    for _ in $(seq 1 100); do
        grep -q Listening "$work/server.out" 2>/dev/null && break
        sleep 0.1
    done
    sed -n 's/.*:\([0-9]*\)$/\1/p' "$work/server.out"
}

for round in $(seq 1 "$rounds"); do
    data="$work/round-$round"
    port="$(start_server "$data")"
    echo -n "round $round paced: "
    python3 "$here/load.py" --port "$port" --learners "$learners" --ramp 5 --think 2 --run "p$round" --acknowledged "$work/paced-$round.json"
    echo -n "round $round saturation: "
    python3 "$here/load.py" --port "$port" --learners "$learners" --run "s$round" --acknowledged "$work/saturation-$round.json"
    kill "$(cat "$work/server.pid")"; wait "$(cat "$work/server.pid")" 2>/dev/null || true
    echo -n "round $round gradebook: "
    python3 "$here/verify.py" "$data/gradebook.sqlite" "$work/paced-$round.json" "$work/saturation-$round.json"
done

data="$work/crash"
port="$(start_server "$data")"
python3 "$here/load.py" --port "$port" --learners "$learners" --run crash --think 0.05 --acknowledged "$work/ack-crash.json" > "$work/crash-load.out" 2>/dev/null &
load=$!
sleep 2
kill -9 "$(cat "$work/server.pid")"
wait "$load" || true
echo -n "crash run (server killed with SIGKILL after 2 s): "
cat "$work/crash-load.out"
port="$(start_server "$data")"
echo -n "after restart, gradebook: "
python3 "$here/verify.py" "$data/gradebook.sqlite" "$work/ack-crash.json"
