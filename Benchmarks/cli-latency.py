#!/usr/bin/env python3
"""Times the commands a learner runs most (home, lessons, check), each run its own process.

Usage: cli-latency.py GROUNDWORK [GROUNDWORK_B] [--rounds N] [--runs N] [--keep DIR]

GROUNDWORK (and GROUNDWORK_B, to compare two builds) are release binaries; they run from the
checkout this script is in, so Content/ and Assessments/ are the shipped ones, with
COLUMNS=100. Two data folders are prepared with the first binary: "fresh" (no gradebook
yet: the first untimed run creates it) and "few" (three exam attempts answered from the
tests' answers/ files, one practice attempt, one lesson read). Each round runs every command
--runs times per binary; the binaries alternate, the first one flipping every round. Wall
time and CPU time (user + system of the child) are reported as min / median per command and
binary. With two binaries, every command's stdout and exit status must be byte-identical
between them on every run, or the script exits 1.
"""
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMS = ["sentiment-quiz", "street-boxes", "named-entities"]


def prepare(groundwork, folder, env):
    """Fills `folder` with the "few attempts" record through the command line."""
    def run(*args):
        done = subprocess.run([groundwork, *args, "--data-dir", folder], cwd=ROOT, env=env,
                              stdin=subprocess.DEVNULL, capture_output=True)
        if done.returncode not in (0, 1):  # 1: an exam answered from a beginner's sheet may fail
            sys.exit(f"preparing {folder}: {' '.join(args)} failed ({done.returncode}): {done.stderr.decode(errors='replace')}")
    for test in EXAMS:
        answers = os.path.join(ROOT, "Assessments", test, "answers")
        sheet = sorted(f for f in os.listdir(answers) if f.endswith(".json"))[0]
        run("take", test, "--answers", os.path.join(answers, sheet), "--seed", "1")
    run("practice", "dictation", "--seed", "1")
    run("practice", "dictation", "--abandon")
    run("read", "what-is-data-annotation")


def timed(command, env):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, (done.returncode, done.stdout)


def main():
    args = sys.argv[1:]
    options = {"--rounds": 3, "--runs": 10, "--keep": None}
    for name in list(options):
        if name in args:
            i = args.index(name)
            options[name] = args[i + 1] if name == "--keep" else int(args[i + 1])
            del args[i:i + 2]
    if not 1 <= len(args) <= 2:
        sys.exit(__doc__)
    binaries = [os.path.abspath(b) for b in args]
    work = options["--keep"] or tempfile.mkdtemp(prefix="groundwork-cli-")
    os.makedirs(work, exist_ok=True)
    env = dict(os.environ, COLUMNS="100", GROUNDWORK_NOW="2026-12-03T12:00:00Z")
    env.pop("GROUNDWORK_DATA", None)
    fresh, few = os.path.join(work, "fresh"), os.path.join(work, "few")
    for folder in (fresh, few):
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
    # Recorded two days before the timed runs, so the review line has missed items due.
    prepare(binaries[0], few, dict(env, GROUNDWORK_NOW="2026-12-01T12:00:00Z"))
    commands = {
        "home, fresh data": ["--data-dir", fresh],
        "home, a few attempts": ["--data-dir", few],
        "lessons, fresh data": ["lessons", "--data-dir", fresh],
        "lessons, a few attempts": ["lessons", "--data-dir", few],
        "check (course + 20 tests)": ["check"],
        "check Content --strict": ["check", "Content", "--strict"],
        "help (process floor)": ["help"],
    }
    for binary in binaries:  # untimed: creates the fresh gradebook, warms the page cache
        for arguments in commands.values():
            timed([binary, *arguments], env)
    times = {(name, b): ([], []) for name in commands for b in range(len(binaries))}
    different = []
    for r in range(options["--rounds"]):
        order = list(range(len(binaries)))
        if r % 2:
            order.reverse()
        for name, arguments in commands.items():
            for _ in range(options["--runs"]):
                outputs = {}
                for b in order:
                    wall, cpu, output = timed([binaries[b], *arguments], env)
                    times[(name, b)][0].append(wall)
                    times[(name, b)][1].append(cpu)
                    outputs[b] = output
                if len(outputs) == 2 and outputs[0] != outputs[1] and name not in different:
                    different.append(name)
    header = "| command | " + " | ".join(
        f"{label} wall min / median ms | {label} CPU min / median ms" for label in (["A", "B"][:len(binaries)])) + " |"
    print(header)
    print("|" + " --- |" * (1 + 2 * len(binaries)))
    for name in commands:
        cells = []
        for b in range(len(binaries)):
            wall, cpu = times[(name, b)]
            cells.append(f"{min(wall) * 1000:.1f} / {statistics.median(wall) * 1000:.1f}")
            cells.append(f"{min(cpu) * 1000:.1f} / {statistics.median(cpu) * 1000:.1f}")
        print(f"| {name} | " + " | ".join(cells) + " |")
    runs = options["--rounds"] * options["--runs"]
    print(f"\n{runs} runs per command and binary; A = {binaries[0]}" + (f", B = {binaries[1]}" if len(binaries) > 1 else ""))
    if not options["--keep"]:
        shutil.rmtree(work, ignore_errors=True)
    if different:
        sys.exit("output differs between the binaries: " + ", ".join(different))
    if len(binaries) == 2:
        print("every command's output and exit status were identical between A and B on every run")


if __name__ == "__main__":
    main()
