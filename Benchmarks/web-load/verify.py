#!/usr/bin/env python3
"""Checks that every answer the server acknowledged is in the gradebook exactly once."""
import json
import sqlite3
import sys

gradebook, *acknowledged_files = sys.argv[1:]
acknowledged = [tuple(a) for path in acknowledged_files for a in json.load(open(path))]
db = sqlite3.connect(gradebook)
rows = db.execute(
    "SELECT attempt.learnerID, answer.itemID, answer.clientSequence FROM answer JOIN attempt ON answer.attemptID = attempt.id").fetchall()
stored = {}
for learner, item, sequence in rows:
    stored[(learner.removeprefix("bench-"), item, sequence)] = stored.get((learner.removeprefix("bench-"), item, sequence), 0) + 1
lost = [a for a in acknowledged if stored.get(a, 0) == 0]
twice = [key for key, count in stored.items() if count > 1]
print(json.dumps({"acknowledged": len(acknowledged), "stored": len(rows), "lost": len(lost), "stored_twice": len(twice)}))
sys.exit(1 if lost or twice else 0)
