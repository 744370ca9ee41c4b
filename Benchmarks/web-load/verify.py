#!/usr/bin/env python3
"""Checks that every answer a server acknowledged is in the gradebook exactly once.

    verify.py GRADEBOOK.sqlite ACKNOWLEDGED.json...
    verify.py postgres://… ACKNOWLEDGED.json...      (read with psql)

Each acknowledged answer is (learner, attempt, item, client sequence), as load.py writes it.
Lost: acknowledged but not stored. Twice: an acknowledged attempt holding more than one row
for one client sequence, or for one item (the benchmark's tests ask each item once, so a
second row would be a retried save recorded again under another number)."""
import collections
import json
import subprocess
import sys

# Unquoted, so PostgreSQL (which folds unquoted names to lower case) and SQLite both read it.
QUERY = 'SELECT attemptID, itemID, clientSequence FROM answer'


def stored_rows(gradebook):
    """(attempt, item, client sequence) of every stored answer."""
    if gradebook.startswith(("postgres://", "postgresql://")):
        output = subprocess.run(
            ["psql", gradebook, "--no-psqlrc", "--tuples-only", "--no-align", "--field-separator=|", "--command", QUERY],
            check=True, capture_output=True, text=True).stdout
        rows = [line.split("|") for line in output.splitlines() if line]
        return [(int(attempt), item, int(sequence) if sequence else None) for attempt, item, sequence in rows]
    import sqlite3
    return sqlite3.connect(gradebook).execute(QUERY).fetchall()


def main():
    gradebook, *acknowledged_files = sys.argv[1:]
    acknowledged = [tuple(a) for path in acknowledged_files for a in json.load(open(path))]
    rows = stored_rows(gradebook)
    attempts = {attempt for _, attempt, _, _ in acknowledged}
    by_sequence = collections.Counter((attempt, sequence) for attempt, _, sequence in rows if attempt in attempts)
    by_item = collections.Counter((attempt, item) for attempt, item, _ in rows if attempt in attempts)
    stored = {(attempt, item, sequence) for attempt, item, sequence in rows}
    lost = [a for a in acknowledged if (a[1], a[2], a[3]) not in stored]
    twice = {key for key, count in by_sequence.items() if count > 1} | {key for key, count in by_item.items() if count > 1}
    print(json.dumps({"acknowledged": len(acknowledged), "stored": len(rows), "lost": len(lost), "stored_twice": len(twice)}))
    for answer in lost[:5]:
        print("lost:", answer, file=sys.stderr)
    sys.exit(1 if lost or twice else 0)


if __name__ == "__main__":
    main()
