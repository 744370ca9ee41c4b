#!/usr/bin/env python3
"""Reference side of the Metrics benchmark (`scripts/metrics-bench/run-metrics-bench.sh`).

Two subcommands, both run with the fixtures venv (`.venv-fixtures/bin/python`):

    reference_bench.py generate DIR [--boxes N] [--utterances N] [--words N]
                                    [--sentences N] [--nervaluate-sentences N] [--seed S]
        Writes three seeded datasets into DIR (generation is never timed):
          boxes.json        {"threshold", "labels", "items": [{"g": [[x1,y1,x2,y2,label],…], "p": […]}]}
          transcripts.json  {"references": [str], "hypotheses": [str]}
          ner.json          {"gold": ["B-PER I-PER O …"], "predicted": […], "tags": [...],
                             "nervaluate_sentences": N}   (a sentence's tags joined by " ")
        plus manifest.json (sizes, seed).

    (and the other families' datasets, families.py, scaled by --size).

    reference_bench.py run DIR [--repeat R] [--only TASK,…] [--out FILE]
        Loads the datasets (not timed), grades them with the Python reference libraries
        timing only the scoring (best of R runs, time.perf_counter), and writes
        FILE (default DIR/reference.json): {"meta": …, "tasks": {name: {"seconds", "runs", "reference",
        "result"}}}. metrics-bench compares its own numbers with "result".

Tasks and what is timed:
  boxes             per item: numpy IoU matrix + the three-phase matching rule documented on
                    ObjectMatching.match (scipy linear_sum_assignment, maximize=True)
  boxes-pycocotools the same with pycocotools maskUtils.iou for the IoU matrix
  wer / cer         jiwer.wer / jiwer.cer on the whole corpus
  words / chars     jiwer.process_words / jiwer.process_characters (alignment + counts)
  words-norm        jiwer.process_words after jiwer's transforms: bracketed tags, ToLowerCase,
                    RemovePunctuation, whitespace (Transcription.normalize's steps)
  words-norm-py     the same normalisation in plain Python (re, str.lower, str.translate,
                    str.split), then jiwer.process_words: the faster Python baseline
  seqeval           seqeval.metrics.classification_report(output_dict=True) — per type,
                    micro, macro and weighted in one call (decodes the tags 6 times per side)
  seqeval-prfs      one precision_recall_fscore_support(average=None) call (per type only,
                    one decode per side): a lower bound for any seqeval computation
  nervaluate        nervaluate.Evaluator(loader="list").evaluate() (BIO decoding included)
                    on the first `nervaluate_sentences` sentences
  classification … ranking: see families.py
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import platform
import random
import sys
import time
import warnings
from importlib.metadata import version
from pathlib import Path

import numpy as np

import families
from families import match_three_phase

warnings.simplefilter("ignore")

BOX_LABELS = ["car", "person", "bicycle", "sign", "dog"]
BOX_LABEL_WEIGHTS = [5, 4, 2, 2, 1]
NER_TYPES = ["PER", "LOC", "ORG", "MISC"]
NER_TYPE_WEIGHTS = [4, 3, 3, 1]
REFERENCE_PACKAGES = ["numpy", "scipy", "seqeval", "nervaluate", "jiwer", "rapidfuzz", "pycocotools"]
ALL_TASKS = ["boxes", "boxes-pycocotools", "wer", "words", "words-norm", "words-norm-py", "cer", "chars", "seqeval", "seqeval-prfs", "nervaluate",
             *families.FAMILY_TASKS]


def dump(path: Path, payload) -> None:
    path.write_text(json.dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=False), encoding="utf-8")


# ---------------------------------------------------------------------------
# Generation
# ---------------------------------------------------------------------------

def generate_boxes(rng: random.Random, count: int):
    """Images with 0–8 gold boxes and 0–8 answer boxes: jittered, missing, extra, duplicated
    and wrong-label variations of gold. Coordinates are rounded to 3 decimals."""
    r3 = lambda v: round(v, 3)

    def box(x, y, w, h, label):
        x, y = max(0.0, x), max(0.0, y)
        return [r3(x), r3(y), r3(x + max(w, 0.5)), r3(y + max(h, 0.5)), label]

    items = []
    for _ in range(count):
        gold, pred = [], []
        for _ in range(rng.randint(0, 8)):
            x, y = rng.uniform(0, 600), rng.uniform(0, 400)
            w, h = rng.uniform(8, 200), rng.uniform(8, 200)
            label = rng.choices(BOX_LABELS, BOX_LABEL_WEIGHTS)[0]
            gold.append(box(x, y, w, h, label))
            roll = rng.random()
            if roll < 0.12:
                continue  # missing
            jitter = 0.04 if roll < 0.6 else 0.18  # tight or loose
            dx, dy = rng.gauss(0, jitter) * w, rng.gauss(0, jitter) * h
            sw, sh = 1 + rng.gauss(0, jitter), 1 + rng.gauss(0, jitter)
            plabel = label if rng.random() > 0.08 else rng.choice(BOX_LABELS)
            pred.append(box(x + dx, y + dy, w * sw, h * sh, plabel))
            if rng.random() < 0.03:  # duplicate answer
                pred.append(box(x + dx * 0.5, y + dy * 0.5, w * sw, h * sh, plabel))
        for _ in range(rng.choices([0, 1, 2, 3], [55, 30, 10, 5])[0]):  # extra answers
            x, y = rng.uniform(0, 600), rng.uniform(0, 400)
            pred.append(box(x, y, rng.uniform(8, 200), rng.uniform(8, 200), rng.choice(BOX_LABELS)))
        rng.shuffle(pred)
        items.append({"g": gold, "p": pred[:8]})
    return {"threshold": 0.5, "labels": BOX_LABELS, "items": items}


def dress(rng: random.Random, words, tags: bool):
    """Written-text noise for the normalisation task: a capital at the start and now and then,
    a word in capitals, punctuation (commas, full stops, quotes, apostrophes) and, in
    hypotheses, bracketed tags such as [noise] or <unk>."""
    out = []
    for k, w in enumerate(words):
        roll = rng.random()
        if k == 0 or roll < 0.05:
            w = w[:1].upper() + w[1:]
        elif roll < 0.07:
            w = w.upper()
        roll = rng.random()
        if roll < 0.06:
            w += rng.choice([",", ".", "?", "!", ";", ":"])
        elif roll < 0.07:
            w = '"' + w + '"'
        elif roll < 0.075 and len(w) > 2:
            w = w[:-1] + "'" + w[-1:]
        out.append(w)
        if tags and rng.random() < 0.01:
            out.append(rng.choice(["[noise]", "<unk>", "[laughter]", "[inaudible]"]))
    return out


def generate_transcripts(rng: random.Random, utterances: int, words: int):
    """Utterances of words±40% words from a Zipf-like vocabulary (a few accented words);
    hypotheses with substitutions, deletions and insertions; a few doubled spaces; written
    with capitals, punctuation and (hypotheses) bracketed tags (`dress`)."""
    letters = "etaoinshrdlucmfwypvbgkjqxz"
    vocab = set()
    while len(vocab) < 6000:
        n = rng.choice([1, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 6, 6, 7, 8, 9, 10, 11])
        w = "".join(rng.choice(letters[:18] if rng.random() < 0.8 else letters) for _ in range(n))
        if rng.random() < 0.02:
            w += rng.choice(["é", "ü", "ß", "ñ"])
        vocab.add(w)
    vocab = sorted(vocab)
    rng.shuffle(vocab)
    cum = []
    total = 0.0
    for k in range(len(vocab)):
        total += 1.0 / (k + 1) ** 1.05
        cum.append(total)

    def draw(k):
        return rng.choices(vocab, cum_weights=cum, k=k)

    lo, hi = max(1, int(words * 0.6)), max(1, int(words * 1.4))
    refs, hyps = [], []
    for _ in range(utterances):
        ref = draw(rng.randint(lo, hi))
        error_rate = rng.choice([0.02, 0.05, 0.1, 0.1, 0.15, 0.3])
        hyp = []
        for w in ref:
            roll = rng.random()
            if roll < error_rate * 0.55:
                hyp.append(draw(1)[0])  # substitution
            elif roll < error_rate * 0.8:
                pass  # deletion
            elif roll < error_rate:
                hyp.append(w)
                hyp.append(draw(1)[0])  # insertion
            else:
                hyp.append(w)
        r, h = " ".join(dress(rng, ref, tags=False)), " ".join(dress(rng, hyp, tags=True))
        if rng.random() < 0.02:
            h = "  " + h.replace(" ", "  ", 1) + " "
        refs.append(r)
        hyps.append(h)
    return {"references": refs, "hypotheses": hyps}


def generate_ner(rng: random.Random, sentences: int, nervaluate_sentences: int):
    """Sentences of 5–30 tokens in BIO; predictions keep, retype, reshape or drop gold
    entities, add spurious ones, and occasionally turn a B- into an I- (seqeval's lenient
    decoding then starts or continues an entity)."""
    gold_out, pred_out = [], []
    for _ in range(sentences):
        n = rng.randint(5, 30)
        ents = []
        pos = 0
        while pos < n:
            if rng.random() < 0.14:
                ln = min(n - pos, rng.choices([1, 2, 3, 4], [45, 35, 14, 6])[0])
                ents.append((pos, pos + ln, rng.choices(NER_TYPES, NER_TYPE_WEIGHTS)[0]))
                pos += ln + 1  # at least one O between gold entities
            else:
                pos += 1
        pred_ents = []
        for (s, e, t) in ents:
            roll = rng.random()
            if roll < 0.72:
                pred_ents.append((s, e, t))
            elif roll < 0.80:
                pred_ents.append((s, e, rng.choice([x for x in NER_TYPES if x != t])))
            elif roll < 0.90:
                s2 = min(max(0, s + rng.choice([-1, 0, 1])), n - 1)
                e2 = min(max(s2 + 1, e + rng.choice([-1, 0, 1])), n)
                pred_ents.append((s2, e2, t if rng.random() < 0.8 else rng.choice(NER_TYPES)))
            # else: missed
        if rng.random() < 0.15:
            s = rng.randrange(n)
            pred_ents.append((s, min(n, s + rng.randint(1, 2)), rng.choices(NER_TYPES, NER_TYPE_WEIGHTS)[0]))

        def render(entities):
            tags = ["O"] * n
            for (s, e, t) in entities:
                tags[s] = "B-" + t
                for k in range(s + 1, e):
                    tags[k] = "I-" + t
            return tags

        g, p = render(ents), render(pred_ents)
        for k in range(n):
            if p[k].startswith("B-") and rng.random() < 0.01:
                p[k] = "I-" + p[k][2:]
        gold_out.append(" ".join(g))
        pred_out.append(" ".join(p))
    return {"gold": gold_out, "predicted": pred_out, "tags": NER_TYPES,
            "nervaluate_sentences": min(nervaluate_sentences, sentences)}


def cmd_generate(args) -> None:
    out = Path(args.dir)
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    nerv = args.sentences if args.nervaluate_sentences is None else args.nervaluate_sentences
    dump(out / "boxes.json", generate_boxes(random.Random(args.seed), args.boxes))
    dump(out / "transcripts.json", generate_transcripts(random.Random(args.seed + 1), args.utterances, args.words))
    dump(out / "ner.json", generate_ner(random.Random(args.seed + 2), args.sentences, nerv))
    families.generate_all(out, dump, args.seed, args.size)
    dump(out / "manifest.json", {"seed": args.seed, "family_size": args.size, "boxes": args.boxes, "utterances": args.utterances,
                                 "words_per_utterance": args.words, "sentences": args.sentences,
                                 "nervaluate_sentences": min(nerv, args.sentences)})
    print(f"generated datasets in {out} ({time.perf_counter() - t0:.1f} s)", file=sys.stderr)


# ---------------------------------------------------------------------------
# Reference scoring
# ---------------------------------------------------------------------------

# CPU seconds (time.process_time) of every timed run of the current task; cmd_run stores the
# best beside the wall-clock seconds, which waiting for a core on a shared machine inflates.
CPU_RUNS: list[float] = []


def timed(fn, repeat: int):
    """Best of `repeat` runs of fn(); returns (result of the last run, best seconds, all runs)."""
    runs = []
    result = None
    for _ in range(max(1, repeat)):
        result = None
        gc.collect()
        c0 = time.process_time()
        t0 = time.perf_counter()
        result = fn()
        runs.append(time.perf_counter() - t0)
        CPU_RUNS.append(time.process_time() - c0)
    return result, min(runs), runs


# --- boxes ---------------------------------------------------------------

def load_boxes(data):
    """Per item: gold (k×4 float array), gold label ids, answer array, answer label ids, and
    the same boxes as COCO [x, y, w, h] for pycocotools (prepared here, not timed)."""
    ids = {l: i for i, l in enumerate(data["labels"])}
    items = []
    for it in data["items"]:
        g = np.array([b[:4] for b in it["g"]], dtype=float).reshape(-1, 4)
        p = np.array([b[:4] for b in it["p"]], dtype=float).reshape(-1, 4)
        gl = np.array([ids[b[4]] for b in it["g"]], dtype=np.int64)
        pl = np.array([ids[b[4]] for b in it["p"]], dtype=np.int64)
        gx = np.ascontiguousarray(np.column_stack([g[:, :2], g[:, 2:] - g[:, :2]]))
        px = np.ascontiguousarray(np.column_stack([p[:, :2], p[:, 2:] - p[:, :2]]))
        items.append((g, gl, p, pl, gx, px, [0] * len(p)))
    return items


def iou_numpy(g, p):
    """Pairwise IoU with exactly the arithmetic of BoxGeometry.iou (and maskUtils.iou):
    I = w·h when both overlaps are positive, U = area(a) + area(b) − I, 0 when U = 0."""
    w = np.minimum(g[:, None, 2], p[None, :, 2]) - np.maximum(g[:, None, 0], p[None, :, 0])
    h = np.minimum(g[:, None, 3], p[None, :, 3]) - np.maximum(g[:, None, 1], p[None, :, 1])
    inter = np.where((w > 0) & (h > 0), w * h, 0.0)
    ag = (g[:, 2] - g[:, 0]) * (g[:, 3] - g[:, 1])
    ap = (p[:, 2] - p[:, 0]) * (p[:, 3] - p[:, 1])
    union = ag[:, None] + ap[None, :] - inter
    return np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)


def bench_boxes(data, repeat, use_pycocotools: bool):
    from scipy.optimize import linear_sum_assignment as lsa
    from pycocotools import mask as mask_utils
    thr = float(data["threshold"])
    items = load_boxes(data)

    def run():
        tp_list, wl_list, lo_list, sum_list = [], [], [], []
        matched_total = 0.0
        for (g, gl, p, pl, gx, px, crowd) in items:
            if use_pycocotools:
                if len(g) and len(p):
                    S = np.asarray(mask_utils.iou(gx, px, crowd))
                else:
                    S = np.zeros((len(g), len(p)))
            else:
                S = iou_numpy(g, p)
            tp, wl, lo, s = match_three_phase(S, gl, pl, thr, lsa)
            tp_list.append(tp); wl_list.append(wl); lo_list.append(lo); sum_list.append(s)
            matched_total += s
        return tp_list, wl_list, lo_list, sum_list, matched_total

    (tp_list, wl_list, lo_list, sum_list, matched_total), best, runs = timed(run, repeat)
    n_gold = sum(len(it[0]) for it in items)
    n_pred = sum(len(it[2]) for it in items)
    tp = sum(tp_list)
    result = {
        "items": len(items), "gold_boxes": n_gold, "answer_boxes": n_pred,
        "tp": tp, "fp": n_pred - tp, "fn": n_gold - tp,
        "wrong_label": sum(wl_list), "low_overlap": sum(lo_list),
        "matched_iou_total": matched_total,
        "mean_matched_iou": matched_total / tp if tp else None,
        "per_item_tp": tp_list, "per_item_wrong_label": wl_list, "per_item_low_overlap": lo_list,
        "per_item_matched_iou": sum_list,
    }
    ref = ("pycocotools maskUtils.iou" if use_pycocotools else "numpy IoU") + " + scipy linear_sum_assignment"
    return {"seconds": best, "runs": runs, "reference": ref, "result": result}


# --- transcripts -----------------------------------------------------------

# A bracketed tag as Transcription.normalize removes it: "[" to the next "]", or "<" to the next ">".
BRACKETED_TAG = r"\[[^\]]*\]|<[^>]*>"


def bench_transcripts(data, repeat, task):
    import jiwer
    refs, hyps = data["references"], data["hypotheses"]
    if task == "wer":
        value, best, runs = timed(lambda: jiwer.wer(refs, hyps), repeat)
        return {"seconds": best, "runs": runs, "reference": "jiwer.wer", "result": {"error_rate": value}}
    if task == "cer":
        value, best, runs = timed(lambda: jiwer.cer(refs, hyps), repeat)
        return {"seconds": best, "runs": runs, "reference": "jiwer.cer", "result": {"error_rate": value}}
    if task == "words-norm":
        # jiwer's own transforms, in the order of Transcription.normalize's steps (built here,
        # untimed, with RemovePunctuation's table of punctuation)
        normalise = jiwer.Compose([
            jiwer.SubstituteRegexes({BRACKETED_TAG: " "}), jiwer.ToLowerCase(), jiwer.RemovePunctuation(),
            jiwer.RemoveWhiteSpace(replace_by_space=True), jiwer.RemoveMultipleSpaces(), jiwer.Strip(),
            jiwer.ReduceToListOfListOfWords()])
        fn = lambda: jiwer.process_words(refs, hyps, reference_transform=normalise, hypothesis_transform=normalise)
        name = "jiwer.process_words with jiwer transforms (tags, ToLowerCase, RemovePunctuation, spaces)"
    elif task == "words-norm-py":
        # the same normalisation in plain Python (one regex, lower, str.translate, split)
        import re
        import unicodedata
        tag = re.compile(BRACKETED_TAG)
        table = {c: None for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)).startswith("P")}

        def norm(text):
            return " ".join(tag.sub(" ", text).lower().translate(table).split())

        fn = lambda: jiwer.process_words([norm(r) for r in refs], [norm(h) for h in hyps])
        name = "plain Python normalisation (re, lower, translate, split) + jiwer.process_words"
    else:
        fn = (lambda: jiwer.process_words(refs, hyps)) if task == "words" else (lambda: jiwer.process_characters(refs, hyps))
        name = "jiwer.process_words" if task == "words" else "jiwer.process_characters"
    words = task != "chars"
    out, best, runs = timed(fn, repeat)
    rate = out.wer if words else out.cer
    chunks = sum(len(a) for a in out.alignments)
    result = {"error_rate": rate, "hits": out.hits, "substitutions": out.substitutions,
              "deletions": out.deletions, "insertions": out.insertions, "alignment_chunks": chunks,
              "reference_tokens": sum(len(r) for r in out.references),
              "hypothesis_tokens": sum(len(h) for h in out.hypotheses)}
    if words:
        result.update({"mer": out.mer, "wil": out.wil, "wip": out.wip})
    return {"seconds": best, "runs": runs, "reference": name, "result": result}


# --- NER -------------------------------------------------------------------

def split_tags(sentences):
    return [s.split(" ") if s else [] for s in sentences]


def bench_seqeval(data, repeat, task):
    from seqeval.metrics import classification_report
    from seqeval.metrics.sequence_labeling import get_entities, precision_recall_fscore_support
    gold, pred = split_tags(data["gold"]), split_tags(data["predicted"])
    if task == "seqeval":
        rep, best, runs = timed(lambda: classification_report(gold, pred, output_dict=True, zero_division=0), repeat)
        types = sorted(k for k in rep if not k.endswith(" avg"))
        pick = lambda d: {"precision": float(d["precision"]), "recall": float(d["recall"]), "f1": float(d["f1-score"])}
        result = {
            "micro": pick(rep["micro avg"]), "macro": pick(rep["macro avg"]), "weighted": pick(rep["weighted avg"]),
            "gold_entities": int(rep["micro avg"]["support"]),
            "per_type": [dict(type=t, support=int(rep[t]["support"]), **pick(rep[t])) for t in types],
        }
        return {"seconds": best, "runs": runs, "reference": "seqeval classification_report", "result": result}
    (p, r, f, s), best, runs = timed(
        lambda: precision_recall_fscore_support(gold, pred, average=None, zero_division=0), repeat)
    types = sorted({t for t, _, _ in get_entities(gold)} | {t for t, _, _ in get_entities(pred)})
    result = {"per_type": [{"type": t, "precision": float(p[i]), "recall": float(r[i]), "f1": float(f[i]),
                            "support": int(s[i])} for i, t in enumerate(types)]}
    return {"seconds": best, "runs": runs, "reference": "seqeval precision_recall_fscore_support(average=None)",
            "result": result}


def bench_nervaluate(data, repeat):
    from nervaluate import Evaluator
    k = int(data["nervaluate_sentences"])
    gold, pred = split_tags(data["gold"][:k]), split_tags(data["predicted"][:k])
    tags = list(data["tags"])
    fields = ["correct", "incorrect", "partial", "missed", "spurious", "possible", "actual",
              "precision", "recall", "f1"]

    out, best, runs = timed(lambda: Evaluator(gold, pred, tags=tags, loader="list").evaluate(), repeat)

    def res(r):
        return {f: getattr(r, f) for f in fields}

    result = {
        "sentences": k,
        "overall": {scheme: res(v) for scheme, v in out["overall"].items()},
        "entities": {t: {scheme: res(v) for scheme, v in d.items()} for t, d in out["entities"].items()},
    }
    return {"seconds": best, "runs": runs, "reference": f"nervaluate Evaluator(loader=list), {k} sentences",
            "result": result}


def to_json(v):
    if isinstance(v, dict):
        return {k: to_json(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [to_json(x) for x in v]
    if isinstance(v, np.ndarray):
        return to_json(v.tolist())
    if isinstance(v, np.integer):
        return int(v)
    if isinstance(v, (float, np.floating)):
        f = float(v)
        return f if math.isfinite(f) else None
    return v


def cmd_run(args) -> None:
    folder = Path(args.dir)
    tasks = ALL_TASKS if not args.only else [t.strip() for t in args.only.split(",") if t.strip()]
    unknown = set(tasks) - set(ALL_TASKS)
    if unknown:
        sys.exit(f"unknown task(s): {', '.join(sorted(unknown))}")
    load = lambda name: json.loads((folder / name).read_text(encoding="utf-8"))
    meta = {
        "python": sys.version.split()[0], "platform": platform.platform(), "cpus": os.cpu_count(),
        "versions": {p: version(p) for p in REFERENCE_PACKAGES}, "repeat": args.repeat,
        "loadavg_start": list(os.getloadavg()), "manifest": load("manifest.json"),
    }
    results = {}
    boxes = transcripts = ner = None
    loaded = {}
    for task in tasks:
        CPU_RUNS.clear()
        if task.startswith("boxes"):
            boxes = boxes or load("boxes.json")
            results[task] = bench_boxes(boxes, args.repeat, use_pycocotools=(task == "boxes-pycocotools"))
        elif task in ("wer", "words", "cer", "chars", "words-norm", "words-norm-py"):
            transcripts = transcripts or load("transcripts.json")
            results[task] = bench_transcripts(transcripts, args.repeat, task)
        elif task.startswith("seqeval"):
            ner = ner or load("ner.json")
            results[task] = bench_seqeval(ner, args.repeat, task)
        elif task == "nervaluate":
            ner = ner or load("ner.json")
            results[task] = bench_nervaluate(ner, args.repeat)
        else:
            name = families.DATASET[task]
            loaded[name] = loaded.get(name) or load(name)
            results[task] = families.BENCHES[task](loaded[name], lambda fn: timed(fn, args.repeat))
        results[task]["cpu_seconds"] = min(CPU_RUNS)
        runs = ", ".join(f"{s:.3f}" for s in results[task]["runs"])
        print(f"  python {task:<18} {results[task]['seconds']:9.3f} s  (runs: {runs}; CPU {min(CPU_RUNS):.3f} s)",
              file=sys.stderr)
    meta["loadavg_end"] = list(os.getloadavg())
    out_path = Path(args.out) if args.out else folder / "reference.json"
    dump(out_path, to_json({"meta": meta, "tasks": results}))
    print(f"wrote {out_path}", file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("generate", help="write the seeded datasets")
    g.add_argument("dir")
    g.add_argument("--boxes", type=int, default=100_000)
    g.add_argument("--utterances", type=int, default=20_000)
    g.add_argument("--words", type=int, default=50, help="mean words per utterance")
    g.add_argument("--sentences", type=int, default=200_000)
    g.add_argument("--nervaluate-sentences", type=int, default=None,
                   help="sentences given to nervaluate (default: all)")
    g.add_argument("--size", type=float, default=1.0,
                   help="scale of the other families' datasets (1 = 1M classification items, …)")
    g.add_argument("--seed", type=int, default=20240601)
    r = sub.add_parser("run", help="time the reference libraries on the datasets")
    r.add_argument("dir")
    r.add_argument("--repeat", type=int, default=1, help="best of R runs per task")
    r.add_argument("--out", default="", help="where to write the results (default DIR/reference.json)")
    r.add_argument("--only", default="", help=f"comma-separated subset of {','.join(ALL_TASKS)}")
    args = ap.parse_args()
    cmd_generate(args) if args.cmd == "generate" else cmd_run(args)


if __name__ == "__main__":
    main()
