#!/usr/bin/env bash
# Scaling benchmark (not a test; loopback only; bounded: 8.5 minutes after the build on a busy 2-core machine):
#   Benchmarks/scaling/run.sh [LEARNERS]            (default 500)
# Two release `groundwork serve` processes on one gradebook, behind nginx with no sticky
# sessions; LEARNERS simulated learners each take the 20-item test of
# Benchmarks/scaling/Assessments, saving every answer through the JSON API (Benchmarks/web-load/load.py).
# Rounds, each followed by a check that every acknowledged answer is in the gradebook once:
#   steady      learners arrive over 10 s and answer every 2 s on average
#   saturation  all at once, no pause between answers
#   kill -9     steady load; one server is killed with SIGKILL after 6 s and restarted 5 s later
#   accounts    50 real accounts (made with `groundwork admin create`) sign in through /login
#               on a class server pair (`serve --accounts`), arriving over 10 s, and take the
#               test with no pause
#   db-restart  (PostgreSQL only) steady load; PostgreSQL is restarted (pg_ctl restart) after 6 s;
#               GROUNDWORK_PG_RESTART_MODE=immediate makes it a crash (no shutdown checkpoint;
#               PostgreSQL recovers from its WAL), which with GROUNDWORK_PG_DURABLE=1 given to
#               `scripts/pg-cluster start` tests crash recovery with fsync on
# GROUNDWORK_BINARY=path skips the build and runs that binary instead.
# GROUNDWORK_DATABASE=postgres://… runs every server (and the check) on that PostgreSQL
# database instead of a shared SQLite file; GROUNDWORK_PG_FOLDER=the folder `scripts/pg-cluster
# start` printed adds the db-restart round. The database must be empty:
#   read folder url < <(scripts/pg-cluster start)
#   GROUNDWORK_DATABASE=$url GROUNDWORK_PG_FOLDER=$folder Benchmarks/scaling/run.sh
#   scripts/pg-cluster stop $folder
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/Benchmarks/scaling"
load="$root/Benchmarks/web-load/load.py"
verify="$root/Benchmarks/web-load/verify.py"
learners="${1:-500}"
cd "$root"
if [ -z "${GROUNDWORK_BINARY:-}" ]; then
    swift build -c release --product groundwork --scratch-path .build-release >&2
    GROUNDWORK_BINARY="$root/.build-release/release/groundwork"
fi
binary="$GROUNDWORK_BINARY"
nginx="$(command -v nginx || echo /usr/sbin/nginx)"
if [ ! -x "$nginx" ]; then
    echo "installing nginx from Debian's packages" >&2
    apt-get install -y nginx-light >&2 || apt-get install -y nginx >&2
fi
work="$(mktemp -d)"
data="$work/data"
# TERM, not KILL: nginx's master then stops its workers too.
trap 'for pid in "$work"/*.pid; do [ -e "$pid" ] && kill "$(cat "$pid")" 2>/dev/null; done; sleep 1; rm -rf "$work"' EXIT

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# start_server NAME PORT [serve options]: starts it in the background and waits for it.
start_server() {
    local name="$1" port="$2"
    shift 2
    GROUNDWORK_BENCH_LEARNERS=1 "$binary" serve --port "$port" --content "$root/Content" --assessments "$here/Assessments" \
        --data-dir "$data" "$@" >> "$work/$name.out" 2>> "$work/$name.err" &
    echo $! > "$work/$name.pid"
    for _ in $(seq 1 100); do
        grep -q "Listening on http://127.0.0.1:$port" "$work/$name.out" 2>/dev/null && return 0
        sleep 0.1
    done
    echo "server $name did not start:" >&2
    cat "$work/$name.err" >&2
    exit 1
}

stop_server() { # NAME, as Ctrl-C would
    local pid
    pid="$(cat "$work/$1.pid")"
    kill "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
    rm -f "$work/$1.pid"
}

port_a="$(free_port)"
port_b="$(free_port)"
port_nginx="$(free_port)"
mkdir -p "$work/nginx"
user_line=""
[ "$(id -u)" = 0 ] && user_line="user root;"
sed -e "s|@USER@|$user_line|" -e "s|@PREFIX@|$work/nginx|g" -e "s|@PORT_A@|$port_a|" -e "s|@PORT_B@|$port_b|" \
    -e "s|@PORT@|$port_nginx|" "$here/nginx.conf.in" > "$work/nginx/nginx.conf"
"$nginx" -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" > "$work/nginx/out" 2>&1 &
echo $! > "$work/nginx.pid"

table="$work/table.md"
echo "| round | learners | seconds | answers/s | requests/s | save p50 ms | save p99 ms | save max ms | errors | client retries | acknowledged | lost | twice | load avg |" > "$table"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |" >> "$table"

# round LABEL [load.py options]: one load through nginx, then the gradebook check.
round() {
    local label="$1"
    shift
    python3 "$load" --port "$port_nginx" --test twenty-labels --deadline 240 --acknowledged "$work/$label.ack" "$@" > "$work/$label.load" \
        2> "$work/$label.errors" || true
    echo "$label: $(cat "$work/$label.load")" >&2
    head -3 "$work/$label.errors" >&2
    python3 "$verify" "${GROUNDWORK_DATABASE:-$data/gradebook.sqlite}" "$work/$label.ack" > "$work/$label.verify" || true
    echo "$label gradebook: $(cat "$work/$label.verify")" >&2
    # The machine's 1-minute load average at the end: other work on it slows every figure.
    python3 "$here/row.py" "$label" "$work/$label.load" "$work/$label.verify" "$(cut -d' ' -f1 /proc/loadavg)" >> "$table"
}

start_server a "$port_a"
start_server b "$port_b"
for _ in $(seq 1 50); do python3 -c "import socket; socket.create_connection(('127.0.0.1', $port_nginx))" 2>/dev/null && break; sleep 0.1; done

round steady --learners "$learners" --ramp 10 --think 2 --run steady
round saturation --learners "$learners" --run saturation

# kill -9: the load runs in the background while server A dies and comes back; nginx logs
# each request it had to take to the other server.
moved_before="$(grep -c upstream "$work/nginx/error.log" || true)"
(sleep 6 && kill -9 "$(cat "$work/a.pid")" && echo "killed server a with SIGKILL" >&2 && sleep 5 && start_server a "$port_a" &&
    echo "restarted server a" >&2) &
killer=$!
round kill-9 --learners "$learners" --ramp 10 --think 2 --run kill
wait "$killer"
echo "kill-9: nginx logged $(($(grep -c upstream "$work/nginx/error.log" || true) - moved_before)) failed tries at server a (each retried on b)" >&2

# PostgreSQL restarted under load: each server's pool replaces its broken connections; a save
# cut by the restart gets a 5xx, and the load's client sends it again with the same number.
if [ -n "${GROUNDWORK_DATABASE:-}" ] && [ -n "${GROUNDWORK_PG_FOLDER:-}" ]; then
    (sleep 6 && runuser -u postgres -- "$(dirname "$(readlink -f "$(command -v pg_ctl)")")/pg_ctl" --pgdata="$GROUNDWORK_PG_FOLDER/data" \
        --log="$GROUNDWORK_PG_FOLDER/server.log" --mode="${GROUNDWORK_PG_RESTART_MODE:-fast}" --wait --silent restart >&2 && echo "restarted PostgreSQL" >&2) &
    restarter=$!
    round db-restart --learners "$learners" --ramp 10 --think 2 --run restart
    wait "$restarter"
fi

# Real accounts on a class server pair: signing in is bcrypt (cost 12) per account.
stop_server a
stop_server b
accounts="$work/accounts.json"
python3 -c "import json; print(json.dumps([['bench%03d' % n, 'benchmark-password-%03d' % n] for n in range(50)]))" > "$accounts"
python3 -c "import json; [print(n, p) for n, p in json.load(open('$accounts'))]" | while read -r name password; do
    echo "$password" | "$binary" admin create "$name" --role learner --password-stdin --data-dir "$data" > /dev/null
done
start_server a "$port_a" --accounts
start_server b "$port_b" --accounts
round accounts --learners 50 --ramp 10 --accounts "$accounts"

stop_server a
stop_server b
stop_server nginx
echo
echo "$(nproc) cores; $(uptime)"
cat "$table"
