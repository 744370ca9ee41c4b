#!/usr/bin/env python3
"""Writes a cohort of answers files for `groundwork grade` benchmarks (never committed).

    Benchmarks/grade/generate.py OUT [--learners N] [--seed S] [--tests a,b,...]

For each test it writes OUT/<test>/learner-NNNNN.json, N files (default 10,000), in the
documented answers-JSON shape (docs/grading.md, "answers.json"). The mix is what a mentor's
folder looks like: most answers right (the test's answers/gold.json), some a beginner's
(answers/beginner.json), some perturbed into partial credit (boxes moved, spans cut,
transcripts with words changed, other options), some left out or null, a few of the wrong
shape (graded as unanswered with a warning), and a few files refused whole (not JSON: cut
short, a comma missing; another test's id; an unknown key or item). Formatting
varies as tools vary: pretty or compact, keys in any order, non-ASCII text written raw or as
\\u escapes (with surrogate pairs). A few learners are named by two files, which `grade`
reports and resolves.

Deterministic: the same seed gives byte-identical files.
"""

import argparse
import json
import os
import random
import sys

import yaml

DEFAULT_TESTS = ["sentiment-quiz", "street-boxes", "named-entities", "toloka-exam", "dictation"]
NAMES = ["ana", "ben", "chloé", "dmitri", "eun-ji", "fatima", "gustavo", "hana", "ikechukwu", "zoë", "łukasz", "ömer", "😀-fan"]
FILLERS = ["um", "uh", "like"]


def option_ids(item):
    return [o["id"] if isinstance(o, dict) else str(o) for o in item.get("options", [])]


def short_text_candidates(item):
    """Accepted texts, pattern examples, traps, and near misses of them."""
    texts = []
    for variant in item["answer"] if isinstance(item["answer"], list) else [item["answer"]]:
        if isinstance(variant, dict):
            texts.append(variant.get("text") or variant.get("example") or "")
        else:
            texts.append(str(variant))
    near = []
    for text in texts:
        near += [text.upper(), "  " + text + "  ", text.replace(" ", "   "), text[:-1], text + "s"]
    return texts + near + ["no idea", "", "partly occluded", "partial occlusion", "90 mins", "1.5"]


def jitter_boxes(rng, boxes, labels):
    out = []
    for box in boxes:
        if rng.random() < 0.1:
            continue  # a missed object
        moved = dict(box)
        for key in ("x", "y"):
            moved[key] = round(max(0, box[key] + rng.uniform(-12, 12)), 2)
        for key in ("width", "height"):
            moved[key] = round(max(1, box[key] * rng.uniform(0.8, 1.25)), 2)
        if rng.random() < 0.1:
            moved["label"] = rng.choice(labels)
        out.append(moved)
    if rng.random() < 0.2:
        out.append({"label": rng.choice(labels), "x": rng.randint(0, 500), "y": rng.randint(0, 300), "width": 40, "height": 80})
    rng.shuffle(out)
    return out


def jitter_spans(rng, spans, labels, length):
    out = []
    for span in spans:
        if rng.random() < 0.15:
            continue
        start, end = span["start"], span["end"]
        if rng.random() < 0.3:
            start = max(0, start + rng.choice([-2, -1, 1]))
        if rng.random() < 0.3:
            end = min(length, end + rng.choice([-1, 1, 3]))
        if end <= start:
            start, end = span["start"], span["end"]
        label = rng.choice(labels) if rng.random() < 0.15 else span["label"]
        out.append({"start": start, "end": end, "label": label})
    if rng.random() < 0.2 and length > 4:
        start = rng.randrange(0, length - 3)
        out.append({"start": start, "end": start + rng.randint(1, 3), "label": rng.choice(labels)})
    return out


def perturb_transcript(rng, text):
    words = text.split()
    for _ in range(rng.randint(1, 3)):
        if not words:
            break
        at = rng.randrange(len(words))
        action = rng.random()
        if action < 0.3:
            del words[at]
        elif action < 0.6:
            words[at] = words[at].lower() if words[at][0].isupper() else words[at].capitalize()
        elif action < 0.8:
            words.insert(at, rng.choice(FILLERS))
        else:
            words[at] = words[at][::-1]
    return " ".join(words)


def wrong_shape(rng, kind):
    """An answer of the wrong shape for its kind: graded as unanswered, with a warning."""
    if kind in ("boxes", "spans", "multiple-choice"):
        return rng.choice(["oops", 3, {"label": "car"}])
    if kind == "numeric":
        return rng.choice(["0.8", [1]])
    return rng.choice([7, ["x"], {"text": "x"}])


def perturbed(rng, item, gold, beginner):
    kind = item["kind"]
    if kind == "single-choice":
        return rng.choice(option_ids(item))
    if kind == "multiple-choice":
        ids = option_ids(item)
        return rng.sample(ids, rng.randint(0, len(ids)))
    if kind == "numeric":
        base = gold if isinstance(gold, (int, float)) else 1
        return round(base * rng.uniform(0.9, 1.1), rng.choice([0, 2, 4]))
    if kind == "short-text":
        return rng.choice(short_text_candidates(item))
    if kind == "transcription":
        return perturb_transcript(rng, gold if isinstance(gold, str) else beginner)
    if kind == "boxes":
        return jitter_boxes(rng, gold, item["labels"])
    if kind == "spans":
        return jitter_spans(rng, gold, item["labels"], len(item["text"]))
    return beginner


def answers_for(rng, items, gold, beginner):
    answers = {}
    for item in items:
        item_id = item["id"]
        draw = rng.random()
        if draw < 0.58:
            answers[item_id] = gold[item_id]
        elif draw < 0.73:
            answers[item_id] = beginner.get(item_id, gold[item_id])
        elif draw < 0.90:
            answers[item_id] = perturbed(rng, item, gold[item_id], beginner.get(item_id))
        elif draw < 0.94:
            answers[item_id] = None
        elif draw < 0.985:
            continue  # left out
        else:
            answers[item_id] = wrong_shape(rng, item["kind"])
    return answers


def render(rng, document):
    keys = list(document["answers"].keys())
    if rng.random() < 0.3:
        rng.shuffle(keys)
    document = dict(document, answers={key: document["answers"][key] for key in keys})
    ascii_only = rng.random() < 0.5
    if rng.random() < 0.5:
        return json.dumps(document, indent=2, ensure_ascii=ascii_only)
    return json.dumps(document, separators=(",", ":"), ensure_ascii=ascii_only)


def broken_file(rng, test, text):
    """A file `grade` refuses whole, each with its own message."""
    kind = rng.randrange(5)
    if kind == 0:
        return text[: rng.randrange(1, len(text))].encode()  # truncated: not JSON
    if kind == 1:
        return text.replace(",", "", 1).encode()  # a missing comma
    if kind == 2:
        return text.replace(f'"{test}"', '"another-test"', 1).encode()
    if kind == 3:
        return text.replace("{", '{"learnr": "x", ', 1).encode()  # unknown key
    document = json.loads(text)
    document["answers"]["x9"] = "?"  # an item the test does not have
    return json.dumps(document, ensure_ascii=False).encode()


def generate(root, out, test, learners, seed):
    rng = random.Random(f"{seed}:{test}")
    folder = os.path.join(root, "Assessments", test)
    items = yaml.safe_load(open(os.path.join(folder, "items.yaml"), encoding="utf-8"))
    gold = json.load(open(os.path.join(folder, "answers", "gold.json"), encoding="utf-8"))["answers"]
    beginner = json.load(open(os.path.join(folder, "answers", "beginner.json"), encoding="utf-8"))["answers"]
    target = os.path.join(out, test)
    os.makedirs(target, exist_ok=True)
    for number in range(1, learners + 1):
        learner = f"{rng.choice(NAMES)}-{number:05d}"
        if number > 1 and rng.random() < 0.005:
            learner = f"{rng.choice(NAMES)}-{rng.randrange(1, number):05d}"  # maybe named twice
        document = {"assessment": test, "learner": learner, "answers": answers_for(rng, items, gold, beginner)}
        text = render(rng, document)
        data = broken_file(rng, test, text) if rng.random() < 0.015 else text.encode()
        with open(os.path.join(target, f"learner-{number:05d}.json"), "wb") as handle:
            handle.write(data)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", help="folder to write <test>/learner-NNNNN.json into")
    parser.add_argument("--learners", type=int, default=10_000)
    parser.add_argument("--seed", default="groundwork-grade-1")
    parser.add_argument("--tests", default=",".join(DEFAULT_TESTS))
    parser.add_argument("--root", default=os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    args = parser.parse_args()
    for test in args.tests.split(","):
        generate(args.root, args.out, test, args.learners, args.seed)
        print(f"{args.out}/{test}: {args.learners} answers files", file=sys.stderr)


if __name__ == "__main__":
    main()
