#!/usr/bin/env python3
"""Two `take` processes per test and a `history`/`report` reader, in a loop, on one gradebook.

Checks what issue 17 asks of a gradebook shared by several commands at once:
- no command fails: a `take` either runs or is refused with exit 2 because another
  process holds the attempt (the documented answer), readers always exit 0;
- no answer is lost: every answer a `take` read before it saved and moved on is in the
  final report of its attempt, with the text the learner typed;
- no answer is misplaced: each run's answers sit, in order, on the items that run showed,
  and every attempt's answered items are a prefix of the order in which items were shown.

Usage: soak.py GROUNDWORK_BINARY [--seconds 60] [--seed 1]
With GROUNDWORK_DATABASE=postgres://… in the environment every command uses that (empty)
database instead of the data folder's SQLite file.
Exit 0 when every check holds; otherwise prints what broke and exits 1.
"""

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

LABELS = ["POSITIVE", "NEGATIVE", "NEUTRAL", "MIXED", "CANNOT_JUDGE"]
TESTS = ["quiz-a", "quiz-b"]
REPO = Path(__file__).resolve().parents[2]


def make_tests(folder: Path) -> None:
    """Two copies of the sentiment quiz that may be retaken at once, forever."""
    for test in TESTS:
        shutil.copytree(REPO / "Assessments" / "sentiment-quiz", folder / test)
        meta = folder / test / "assessment.md"
        meta.write_text(meta.read_text().replace("retake-delay: 24h", "attempts: unlimited"))


def normalise(text: str) -> str:
    return " ".join(text.split())


def quoted(prompt: str) -> str:
    """The block-quoted text of an item's Markdown prompt, as the terminal shows it after `│`."""
    return normalise(" ".join(line[1:] for line in prompt.splitlines() if line.startswith(">")))


def shown_questions(output: str) -> list[str]:
    """The quoted text of each item a run showed, in order (`│ ` lines after `Item i of n`)."""
    questions, current = [], None
    for line in output.splitlines():
        if re.match(r"^Item \d+ of \d+", line):
            if current is not None:
                questions.append(normalise(" ".join(current)))
            current = []
        elif current is not None and line.startswith("│ "):
            current.append(line[2:])
        elif current is not None and line.startswith("Your answer"):
            questions.append(normalise(" ".join(current)))
            current = None
    if current:
        questions.append(normalise(" ".join(current)))
    return questions


class Soak:
    def __init__(self, binary: str, seconds: float, seed: int) -> None:
        self.binary = binary
        self.deadline = time.monotonic() + seconds
        self.root = Path(tempfile.mkdtemp(prefix="groundwork-soak-"))
        self.assessments = self.root / "Assessments"
        self.data = self.root / "data"
        make_tests(self.assessments)
        self.seed = seed
        self.lock = threading.Lock()
        self.segments: dict[str, list[list[tuple[str, str]]]] = {t: [] for t in TESTS}
        self.failures: list[str] = []
        self.counts = {"runs": 0, "refused": 0, "answers": 0, "reads": 0, "quits": 0}

    def run(self, args: list[str], stdin: str = "") -> subprocess.CompletedProcess:
        env = dict(os.environ, COLUMNS="2000", NO_COLOR="1")
        return subprocess.run(
            [self.binary, *args, "--assessments", str(self.assessments), "--data-dir", str(self.data)],
            input=stdin, capture_output=True, text=True, env=env, timeout=120)

    def fail(self, message: str) -> None:
        with self.lock:
            self.failures.append(message)

    def taker(self, test: str, worker: int) -> None:
        rng = random.Random(self.seed * 100 + worker)
        while time.monotonic() < self.deadline and not self.failures:
            finish = rng.random() < 0.6
            answers = [rng.choice(LABELS) for _ in range(16 if finish else rng.randint(1, 6))]
            stdin = "\n".join(answers) + ("\n" if finish else "\n:q\n")
            result = self.run(["take", test], stdin)
            if result.returncode == 2 and "open in another terminal" in result.stderr:
                with self.lock:
                    self.counts["refused"] += 1
                continue
            if result.returncode != 0:
                self.fail(f"take {test} exited {result.returncode}: {result.stderr.strip()[:400]}")
                return
            shown = shown_questions(result.stdout)
            # Every answer typed was read; each is acknowledged by the next prompt or the end.
            answered = min(len(answers), len(shown))
            with self.lock:
                self.segments[test].append(list(zip(shown[:answered], answers[:answered])))
                self.counts["runs"] += 1
                self.counts["answers"] += answered
                self.counts["quits"] += 0 if finish else 1

    def reader(self) -> None:
        while time.monotonic() < self.deadline and not self.failures:
            for args in (["history"], ["history", "quiz-a"], ["report", "quiz-b", "--format", "json"]):
                result = self.run(args)
                if result.returncode != 0 and not (args[0] == "report" and self.counts["runs"] == 0):
                    self.fail(f"{' '.join(args)} exited {result.returncode}: {result.stderr.strip()[:400]}")
                    return
                with self.lock:
                    self.counts["reads"] += 1

    def finish_open_attempts(self) -> None:
        for test in TESTS:
            result = self.run(["take", test], "\n".join(LABELS[0] for _ in range(16)) + "\n")
            shown = shown_questions(result.stdout)
            if result.returncode != 0:
                self.fail(f"final take {test} exited {result.returncode}: {result.stderr.strip()[:400]}")
            else:  # it resumed the open attempt, or (none being open) took a whole new one
                self.segments[test].append([(q, LABELS[0]) for q in shown])

    def attempts(self) -> list[dict]:
        """Every recorded attempt's JSON report, found by the ids `history TEST` prints
        (`attempt 3 (#12)`): ids need not be consecutive (PostgreSQL's sequences skip the
        numbers of rolled-back inserts), so counting up from 1 would stop at the first gap."""
        reports = []
        for test in TESTS:
            listing = self.run(["history", test])
            if listing.returncode != 0:
                self.fail(f"history {test} exited {listing.returncode}: {listing.stderr.strip()[:400]}")
                continue
            for number in re.findall(r"\(#(\d+)\)", listing.stdout):
                result = self.run(["report", number, "--format", "json"])
                if result.returncode != 0:
                    self.fail(f"report {number} exited {result.returncode}: {result.stderr.strip()[:400]}")
                    continue
                reports.append(json.loads(result.stdout))
        return reports

    def verify(self) -> None:
        reports = self.attempts()
        for test in TESTS:
            sequences = []
            for report in (r for r in reports if r["assessment"] == test):
                items = sorted(report["items"], key=lambda item: item["number"])
                answered = [item["response"] is not None for item in items]
                if answered != sorted(answered, reverse=True):
                    self.fail(f"{test}: answers are not a prefix of the shown order: {answered}")
                sequences.append([(quoted(item["question"]["prompt"]), item["response"])
                                  for item in items if item["response"] is not None])
            stored = sum(len(s) for s in sequences)
            typed = sum(len(s) for s in self.segments[test])
            if stored != typed:
                self.fail(f"{test}: {typed} answers acknowledged, {stored} stored")
            used = [[False] * len(s) for s in sequences]
            for segment in self.segments[test]:
                if not segment:
                    continue
                if not self.place(segment, sequences, used):
                    self.fail(f"{test}: a run's answers are not found in order in any attempt: {segment[:3]}…")
            if not all(all(u) for u in used):
                self.fail(f"{test}: stored answers that no run typed")

    @staticmethod
    def place(segment, sequences, used) -> bool:
        """Marks the first unused, contiguous, in-order occurrence of `segment` in one attempt."""
        for s, sequence in enumerate(sequences):
            for start in range(len(sequence) - len(segment) + 1):
                window = range(start, start + len(segment))
                if any(used[s][i] for i in window):
                    continue
                if all(sequence[i][0] == segment[k][0] and sequence[i][1] == segment[k][1]
                       for k, i in enumerate(window)):
                    for i in window:
                        used[s][i] = True
                    return True
        return False

    def main(self) -> int:
        threads = [threading.Thread(target=self.taker, args=(test, w)) for w, test in
                   enumerate(["quiz-a", "quiz-a", "quiz-b", "quiz-b"])]
        threads.append(threading.Thread(target=self.reader))
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.finish_open_attempts()
        if not self.failures:
            self.verify()
        print(f"soak: {self.counts['runs']} take runs ({self.counts['quits']} quit midway, "
              f"{self.counts['refused']} refused as open elsewhere), {self.counts['answers']} answers, "
              f"{self.counts['reads']} history/report reads; gradebook in {self.data}")
        for failure in self.failures:
            print("FAIL:", failure)
        if not self.failures:
            shutil.rmtree(self.root)
        return 1 if self.failures else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    sys.exit(Soak(args.binary, args.seconds, args.seed).main())
