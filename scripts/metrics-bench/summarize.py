#!/usr/bin/env python3
"""Combines the rounds of scripts/metrics-bench/run-metrics-bench.sh into one Markdown table.

    summarize.py DIR ROUNDS

Reads DIR/reference-R.json (reference_bench.py run) and DIR/groundwork-R.json (metrics-bench
--json) for R = 1…ROUNDS; prints, per row, min and median seconds of both sides and the
ratios reference ÷ Groundwork of the minima and of the medians, and the ratio of the median
CPU seconds (user + system, which a loaded machine does not inflate). Exits 1 unless every
Groundwork run agreed with its reference run and every reference run gave the numbers of the
first one.
"""

from __future__ import annotations

import json
import statistics
import sys
from pathlib import Path

# Rows in table order: (row, family, note). The headline of NER is seqeval's one-pass call:
# classification_report decodes the tags six times, which would flatter Groundwork.
ROWS = [
    ("classification", "classification", ""),
    ("multilabel", "multi-label", ""),
    ("ordinal", "ordinal (Cohen's kappa ×3)", ""),
    ("fleiss", "agreement: Fleiss", ""),
    ("krippendorff", "agreement: Krippendorff ×3", ""),
    ("items", "item analysis", ""),
    ("boxes", "boxes", ""),
    ("boxes-pycocotools", "boxes", "IoU by pycocotools"),
    ("keypoints", "keypoints", ""),
    ("polygons", "polygons", ""),
    ("ranking", "ranking", ""),
    ("wer", "transcripts: WER", "jiwer.wer builds the alignment: vs wordScores"),
    ("words", "transcripts: word alignment", ""),
    ("words-norm-py", "transcripts: normalised word alignment", "headline: the faster Python normalisation"),
    ("words-norm", "transcripts: normalised word alignment", "jiwer's RemovePunctuation: one str.replace per punctuation character"),
    ("cer", "transcripts: CER", "jiwer.cer builds the alignment: vs characterScores"),
    ("chars", "transcripts: character alignment", ""),
    ("seqeval-prfs", "NER: seqeval", "headline: one decode per side"),
    ("seqeval", "NER: seqeval classification_report", "decodes 6 times; not a headline"),
    ("nervaluate", "NER: nervaluate", ""),
]


def main() -> int:
    folder, rounds = Path(sys.argv[1]), int(sys.argv[2])
    refs = [json.loads((folder / f"reference-{r}.json").read_text()) for r in range(1, rounds + 1)]
    ours = [{row["row"]: row for row in json.loads((folder / f"groundwork-{r}.json").read_text())}
            for r in range(1, rounds + 1)]
    ok = True
    manifest = refs[0]["meta"]["manifest"]
    print(f"rounds: {rounds} (odd rounds reference first, even rounds Groundwork first); "
          f"datasets: {json.dumps(manifest)} (family_size 1 = 1M classification and ordinal items, "
          "200k multi-label samples, 200k Fleiss subjects × 5 raters, 4 Krippendorff coders × 200k units, "
          "200k learners × 50 items, 100k keypoint images, 50k polygon images, 10k ranked lists)")
    print(f"Python {refs[0]['meta']['python']}, {refs[0]['meta']['cpus']} CPUs; reference packages: "
          + ", ".join(f"{k} {v}" for k, v in refs[0]["meta"]["versions"].items()))
    print()
    print("| workload | reference | Groundwork min / median s | reference min / median s "
          "| ratio min | ratio median | CPU ratio median | numbers equal |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for row, family, note in ROWS:
        if row not in refs[0]["tasks"] or row not in ours[0]:
            continue
        g = [o[row]["groundwork_seconds"] for o in ours]
        p = [r["tasks"][row]["seconds"] for r in refs]
        # CPU seconds (user + system) of the same runs: what the load average cannot stretch
        gc = [o[row].get("groundwork_cpu_seconds") for o in ours]
        pc = [r["tasks"][row].get("cpu_seconds") for r in refs]
        cpu = (f"{statistics.median(pc) / statistics.median(gc):.1f}×"
               if None not in gc + pc and statistics.median(gc) > 0 else "–")
        first = json.dumps(refs[0]["tasks"][row]["result"], sort_keys=True)
        same_refs = all(json.dumps(r["tasks"][row]["result"], sort_keys=True) == first for r in refs)
        agree = all(o[row]["agree"] is True for o in ours) and same_refs
        ok &= agree
        checked = ours[0][row]["checked"]
        name = refs[0]["tasks"][row]["reference"] + (f" ({note})" if note else "")
        print(f"| {family} | {name} | {min(g):.4f} / {statistics.median(g):.4f} | "
              f"{min(p):.3f} / {statistics.median(p):.3f} | {min(p) / min(g):.1f}× | "
              f"{statistics.median(p) / statistics.median(g):.1f}× | {cpu} | "
              f"{'yes' if agree else 'NO'} ({checked:.0f} numbers × {rounds}) |")
    loads = [r["meta"]["loadavg_start"][0] for r in refs]
    print()
    print(f"load average (1 min) at the start of the reference runs: {', '.join(f'{x:.1f}' for x in loads)}")
    ours_loads = [next(iter(o.values()), {}).get("loadavg_start") for o in ours]
    if all(x is not None for x in ours_loads):
        print(f"load average (1 min) at the start of the Groundwork runs: {', '.join(f'{x:.1f}' for x in ours_loads)}")
    if not ok:
        print("DISAGREEMENT: see the Groundwork runs above", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
