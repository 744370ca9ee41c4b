#!/usr/bin/env python3
"""One Markdown table row of a scaling round: load.py's summary, verify.py's check and the
machine's load average."""
import json
import sys

label, load_path, verify_path, load_average = sys.argv[1:]
try:
    load = json.load(open(load_path))
    check = json.load(open(verify_path))
except (OSError, ValueError) as error:
    print(f"| {label} | failed: {error} |" + " |" * 12)
    sys.exit(0)
cells = [label, load["learners"], load["seconds"], load["answers_per_second"], load["requests_per_second"],
         load["answer_ms_p50"], load["answer_ms_p99"], load["answer_ms_max"], load["errors"], load["retries"],
         check["acknowledged"], check["lost"], check["stored_twice"], load_average]
print("| " + " | ".join(str(cell) for cell in cells) + " |")
