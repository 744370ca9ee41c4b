#!/usr/bin/env python3
"""Times `groundwork grade` of folders of answers files, two binaries alternated.

Usage: times.py NEW [--base BASE] --data DIR --assessments DIR [--tests a,b] [--rounds N]
                [--format text|csv|json ...] [--check-files N]

For each test and format, each round runs `grade <test> --answers DIR/<test>` once per
binary, each as its own process, the order flipped every round (odd rounds the base first).
Every run's stdout, stderr and exit status must be byte-equal to the base's first run (to
the new binary's own first run without a base), else the script says where they differ and
exits 1. Then `--check-files N` files of each test are graded one at a time by both binaries
as text (with --all), JSON and CSV, and must be equal too: the full single-learner report.

Prints one row per test and format: wall and CPU (user + system) seconds, min / median, of
each binary and the ratios base ÷ new of the minima and of the medians. On a shared machine
the CPU seconds say what the code costs; the wall seconds what the machine gave it.
"""
import argparse
import hashlib
import os
import resource
import statistics
import subprocess
import sys
import time


def run(binary, args, env):
    """Wall seconds, CPU seconds (user + system) and the outcome of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([binary, *args], stdin=subprocess.DEVNULL, capture_output=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu, (done.returncode, done.stdout, done.stderr)


def digest(outcome):
    status, out, err = outcome
    return status, hashlib.sha256(out).hexdigest(), hashlib.sha256(err).hexdigest(), len(out), len(err)


def explain(label, expected, got):
    def first_difference(a, b):
        at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
        return f"byte {at}: {a[max(0, at - 80):at + 80]!r} vs {b[max(0, at - 80):at + 80]!r}"

    lines = [f"{label}: outputs differ"]
    if expected[0] != got[0]:
        lines.append(f"  exit status {expected[0]} vs {got[0]}")
    if expected[1] != got[1]:
        lines.append("  stdout " + first_difference(expected[1], got[1]))
    if expected[2] != got[2]:
        lines.append("  stderr " + first_difference(expected[2], got[2]))
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("new")
    parser.add_argument("--base")
    parser.add_argument("--data", required=True)
    parser.add_argument("--assessments", required=True)
    parser.add_argument("--tests", default="sentiment-quiz,street-boxes,named-entities,toloka-exam,dictation")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--format", action="append", choices=["text", "csv", "json"])
    parser.add_argument("--check-files", type=int, default=20)
    args = parser.parse_args()
    env = dict(os.environ, COLUMNS="100", LC_ALL="C.UTF-8")
    binaries = {"new": args.new} | ({"base": args.base} if args.base else {})
    failures = []
    rows = []
    for test in args.tests.split(","):
        folder = os.path.join(args.data, test)
        for fmt in args.format or ["text"]:
            command = ["grade", os.path.join(args.assessments, test), "--answers", folder, "--format", fmt]
            times = {name: [] for name in binaries}
            cpu = {name: [] for name in binaries}
            reference = None
            for r in range(args.rounds):
                order = list(binaries) if r % 2 else list(reversed(binaries))
                for name in order:
                    seconds, cpu_seconds, outcome = run(binaries[name], command, env)
                    times[name].append(seconds)
                    cpu[name].append(cpu_seconds)
                    if reference is None:  # round 1 runs the base first, when there is one
                        reference = outcome
                    elif outcome != reference:
                        failures.append(explain(f"{test} --format {fmt}, {name} round {r + 1}", reference, outcome))
            status, _, _, out_bytes, err_bytes = digest(reference)
            rows.append((test, fmt, times, cpu, status, out_bytes, err_bytes))
            print(f"{test} {fmt}: " + ", ".join(f"{n} {min(t):.3f}/{statistics.median(t):.3f} s wall, "
                                               f"{min(cpu[n]):.3f}/{statistics.median(cpu[n]):.3f} s CPU" for n, t in times.items()),
                  file=sys.stderr, flush=True)
        if args.base and args.check_files:
            names = sorted(f for f in os.listdir(folder) if f.endswith(".json"))
            step = max(1, len(names) // args.check_files)
            for name in names[::step][: args.check_files]:
                path = os.path.join(folder, name)
                for extra in (["--all"], ["--format", "json"], ["--format", "csv"]):
                    command = ["grade", os.path.join(args.assessments, test), "--answers", path, *extra]
                    outcomes = {n: run(b, command, env)[2] for n, b in binaries.items()}
                    if outcomes["new"] != outcomes["base"]:
                        failures.append(explain(f"{path} {' '.join(extra)}", outcomes["base"], outcomes["new"]))

    print("| test | format | exit | stdout bytes | stderr bytes | " + " | ".join(
        f"{n} wall min / median s | {n} CPU min / median s" for n in binaries)
        + (" | ratio wall min / median | ratio CPU min / median |" if args.base else " |"))
    print("| --- " * (5 + 2 * len(binaries) + (2 if args.base else 0)) + "|")
    for test, fmt, times, cpu, status, out_bytes, err_bytes in rows:
        cells = [test, fmt, str(status), str(out_bytes), str(err_bytes)]
        for name in binaries:
            cells += [f"{min(times[name]):.3f} / {statistics.median(times[name]):.3f}",
                      f"{min(cpu[name]):.3f} / {statistics.median(cpu[name]):.3f}"]
        if args.base:
            for table in (times, cpu):
                cells.append(f"{min(table['base']) / min(table['new']):.1f}× / "
                             f"{statistics.median(table['base']) / statistics.median(table['new']):.1f}×")
        print("| " + " | ".join(cells) + " |")
    if failures:
        print("\n".join(failures), file=sys.stderr)
        sys.exit(1)
    print("outputs equal: every run" + (" and every single-file report checked" if args.base else ""), file=sys.stderr)


if __name__ == "__main__":
    main()
