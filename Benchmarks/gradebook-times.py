#!/usr/bin/env python3
"""Times groundwork commands against a large gradebook, each run its own process.

Usage: gradebook-times.py GROUNDWORK DATA_DIR ASSESSMENTS_DIR [--rounds N]

Per round: `take sentiment-quiz` until it opens the attempt and shows the first item (stdin
is empty, so it stops there and keeps the attempt in progress), `report` (the latest
attempt) and `history`; the order is reversed every other round. After each take, an untimed
`take --abandon` closes the attempt again. Each round runs two days after the one before
(GROUNDWORK_NOW, from after the last attempt in DATA_DIR), so the 24-hour retake delay never
refuses the exam. Prints min and median wall and CPU (user + system, from getrusage)
milliseconds per command, and exits 1 if a command fails.
"""
import datetime
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import time


def main():
    args = sys.argv[1:]
    rounds = 7
    if "--rounds" in args:
        i = args.index("--rounds")
        rounds = int(args[i + 1])
        del args[i:i + 2]
    if len(args) != 3:
        sys.exit(__doc__)
    groundwork, data, assessments = args
    common = ["--data-dir", data, "--assessments", assessments]
    commands = {
        "take (start)": [groundwork, "take", "sentiment-quiz", *common],
        "report (latest)": [groundwork, "report", *common],
        "history": [groundwork, "history", *common],
    }
    times = {name: [] for name in commands}
    cpu = {name: [] for name in commands}
    base = datetime.datetime(2099, 1, 1, tzinfo=datetime.timezone.utc)
    # Closed before timing: while any process holds the file open, groundwork checks it whole.
    db = sqlite3.connect(os.path.join(data, "gradebook.sqlite"))
    last = db.execute("SELECT MAX(finishedAt) FROM attempt").fetchone()[0]
    db.close()
    if last:  # a data directory timed before: start after its last attempt
        base = max(base, datetime.datetime.fromisoformat(last[:19]).replace(tzinfo=datetime.timezone.utc)
                   + datetime.timedelta(days=2))
    for r in range(rounds):
        env = dict(os.environ, GROUNDWORK_NOW=(base + datetime.timedelta(days=2 * r)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                   COLUMNS="100")
        names = list(commands) if r % 2 == 0 else list(reversed(commands))
        for name in names:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            run = subprocess.run(commands[name], stdin=subprocess.DEVNULL, capture_output=True, env=env)
            times[name].append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[name].append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
            if run.returncode != 0:
                sys.exit(f"{name} failed ({run.returncode}): {run.stderr.decode(errors='replace')}")
            if name.startswith("take"):
                subprocess.run([groundwork, "take", "sentiment-quiz", "--abandon", *common], stdin=subprocess.DEVNULL,
                               capture_output=True, env=env, check=True)
    print("| command | wall min ms | wall median ms | CPU min ms | CPU median ms | runs |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, ts in times.items():
        print(f"| {name} | {min(ts) * 1000:.1f} | {statistics.median(ts) * 1000:.1f} | "
              f"{min(cpu[name]) * 1000:.1f} | {statistics.median(cpu[name]) * 1000:.1f} | {len(ts)} |")
    print(f"load average (1 min) at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
