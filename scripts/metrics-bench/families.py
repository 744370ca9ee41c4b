"""The families of the Metrics benchmark beyond boxes, transcripts and NER: generation of
their seeded datasets and their reference computations (imported by reference_bench.py).

Every `bench_*` function gets the dataset as loaded from JSON (plain Python lists, the same
input the Swift side decodes), times only the scoring with `timed`, and returns
{"seconds", "runs", "reference", "result"}; the Swift side compares every number in "result".
"""

from __future__ import annotations

import math
import random

import numpy as np

CLASS_LABELS = ["cat", "dog", "bird", "fish", "horse", "other"]
MULTI_LABELS = ["vehicle", "person", "animal", "sign", "building", "tree", "water", "sky"]
ORDINAL_LABELS = ["1", "2", "3", "4", "5"]
COCO_SIGMAS = [.26, .25, .25, .35, .35, .79, .79, .72, .72, .62, .62, 1.07, 1.07, .87, .87, .89, .89]
FAMILY_TASKS = ["classification", "multilabel", "ordinal", "fleiss", "krippendorff", "items",
                "keypoints", "polygons", "ranking"]


# ---------------------------------------------------------------------------
# Generation
# ---------------------------------------------------------------------------

def _noisy(rng, truth, labels, keep):
    return [t if rng.random() < keep else rng.choice(labels) for t in truth]


def generate_classification(rng, n):
    gold = rng.choices(CLASS_LABELS, [5, 4, 3, 2, 1, 1], k=n)
    return {"labels": CLASS_LABELS, "gold": gold, "predicted": _noisy(rng, gold, CLASS_LABELS, 0.8)}


def generate_ordinal(rng, n):
    """Two raters on a 1–5 scale; the second is off by one step now and then."""
    a = rng.choices(ORDINAL_LABELS, [1, 2, 4, 3, 1], k=n)
    b = []
    for x in a:
        roll = rng.random()
        i = int(x) - 1
        if roll < 0.65:
            b.append(x)
        elif roll < 0.9:
            b.append(ORDINAL_LABELS[min(4, max(0, i + rng.choice([-1, 1])))])
        else:
            b.append(rng.choice(ORDINAL_LABELS))
    return {"labels": ORDINAL_LABELS, "a": a, "b": b}


def generate_multilabel(rng, n):
    def sample():
        return [l for l, p in zip(MULTI_LABELS, [.5, .4, .3, .2, .2, .15, .1, .1]) if rng.random() < p]
    gold, pred = [], []
    for _ in range(n):
        g = sample()
        p = [l for l in g if rng.random() < 0.85] + [l for l in MULTI_LABELS if l not in g and rng.random() < 0.05]
        gold.append(g)
        pred.append(p)
    return {"labels": MULTI_LABELS, "gold": gold, "predicted": pred}


def generate_agreement(rng, subjects, raters, units, coders):
    """Fleiss: every subject rated by `raters` raters into 5 categories (ints 0–4).
    Krippendorff: `coders` × `units` values 0–4, a fifth of them missing (null)."""
    ratings = []
    for _ in range(subjects):
        t = rng.randrange(5)
        ratings.append([t if rng.random() < 0.6 else rng.randrange(5) for _ in range(raters)])
    truth = [rng.randrange(5) for _ in range(units)]
    data = [[None if rng.random() < 0.2 else (t if rng.random() < 0.7 else rng.randrange(5)) for t in truth]
            for _ in range(coders)]
    return {"categories": 5, "ratings": ratings, "data": data}


def generate_items(rng, learners, items):
    """A 0/1 score matrix from a Rasch model (so KR-20 applies too)."""
    ability = [rng.gauss(0, 1) for _ in range(learners)]
    difficulty = [rng.gauss(0, 1) for _ in range(items)]
    return {"scores": [[1 if rng.random() < 1 / (1 + math.exp(d - a)) else 0 for d in difficulty] for a in ability]}


def generate_keypoints(rng, images):
    """Images with 0–3 people of 17 COCO keypoints and 0–4 predictions near them."""
    out = []
    for _ in range(images):
        gts = []
        for _ in range(rng.choice([0, 1, 1, 2, 2, 3])):
            x, y, w, h = rng.uniform(0, 400), rng.uniform(0, 400), rng.uniform(20, 150), rng.uniform(20, 150)
            kps = []
            for _ in range(17):
                v = rng.choice([1, 2]) if rng.random() < 0.8 else 0
                px, py = (round(rng.uniform(x, x + w), 2), round(rng.uniform(y, y + h), 2)) if v else (0.0, 0.0)
                kps += [px, py, v]
            gts.append({"keypoints": kps, "bbox": [round(x, 2), round(y, 2), round(w, 2), round(h, 2)],
                        "area": round(w * h * rng.uniform(0.4, 1.0), 2)})
        dts = []
        for g in gts:
            if rng.random() < 0.1:
                continue
            noise = rng.choice([1, 3, 8, 20])
            kps = []
            for j in range(17):
                gx, gy = g["keypoints"][3 * j], g["keypoints"][3 * j + 1]
                if g["keypoints"][3 * j + 2] == 0:
                    gx, gy = g["bbox"][0] + rng.uniform(0, g["bbox"][2]), g["bbox"][1] + rng.uniform(0, g["bbox"][3])
                kps += [round(gx + rng.gauss(0, noise), 2), round(gy + rng.gauss(0, noise), 2), 1]
            dts.append(kps)
        if rng.random() < 0.2:
            dts.append([round(rng.uniform(0, 500), 2) if i % 3 != 2 else 1 for i in range(51)])
        rng.shuffle(dts)
        out.append({"g": gts, "p": dts})
    return {"threshold": 0.5, "sigmas": [s / 10 for s in COCO_SIGMAS], "images": out}


def _star(rng, cx, cy, r, n):
    """A polygon star-shaped around (cx, cy); drawn again until rounding leaves it valid."""
    from shapely.geometry import Polygon
    while True:
        angles = sorted(rng.uniform(0, 2 * math.pi) for _ in range(n))
        pts = []
        for a in angles:
            rr = r * rng.uniform(0.6, 1.0)
            p = [round(cx + rr * math.cos(a), 2), round(cy + rr * math.sin(a), 2)]
            if p not in pts:
                pts.append(p)
        if len(pts) >= 3 and Polygon(pts).is_valid:
            return pts


def generate_polygons(rng, images):
    """Images with 0–3 star-shaped (simple) polygons of 5–10 vertices and answers near them."""
    labels = ["road", "car", "tree"]
    out = []
    for _ in range(images):
        gold, pred = [], []
        for _ in range(rng.choice([0, 1, 1, 2, 2, 3])):
            cx, cy, r = rng.uniform(50, 450), rng.uniform(50, 450), rng.uniform(10, 60)
            label = rng.choice(labels)
            gold.append([_star(rng, cx, cy, r, rng.randint(5, 10)), label])
            if rng.random() < 0.9:
                j = rng.choice([2, 5, 15])
                pl = label if rng.random() < 0.9 else rng.choice(labels)
                pred.append([_star(rng, cx + rng.gauss(0, j), cy + rng.gauss(0, j), r * rng.uniform(0.8, 1.2),
                                   rng.randint(5, 10)), pl])
        if rng.random() < 0.2:
            pred.append([_star(rng, rng.uniform(50, 450), rng.uniform(50, 450), rng.uniform(10, 60), 6), rng.choice(labels)])
        out.append({"g": [g for g in gold if len(g[0]) >= 3], "p": [p for p in pred if len(p[0]) >= 3]})
    return {"threshold": 0.5, "images": out}


def generate_ranking(rng, lists):
    """Lists of 5–20 items: gold relevance 0–3 and a learner's noisy scores."""
    out = []
    for _ in range(lists):
        n = rng.randint(5, 20)
        rel = [rng.choice([0, 0, 1, 2, 3]) for _ in range(n)]
        out.append({"gold": rel, "answer": [round(r + rng.gauss(0, 1.2), 2) for r in rel]})
    return {"lists": out}


def generate_all(folder, dump, seed, size):
    """Writes every family's dataset; `size` scales the defaults (1.0 = the full benchmark)."""
    s = lambda n: max(10, int(n * size))
    dump(folder / "classification.json", generate_classification(random.Random(seed + 10), s(1_000_000)))
    dump(folder / "ordinal.json", generate_ordinal(random.Random(seed + 11), s(1_000_000)))
    dump(folder / "multilabel.json", generate_multilabel(random.Random(seed + 12), s(200_000)))
    dump(folder / "agreement.json", generate_agreement(random.Random(seed + 13), s(200_000), 5, s(200_000), 4))
    dump(folder / "items.json", generate_items(random.Random(seed + 14), s(200_000), 50))
    dump(folder / "keypoints.json", generate_keypoints(random.Random(seed + 15), s(100_000)))
    dump(folder / "polygons.json", generate_polygons(random.Random(seed + 16), s(50_000)))
    dump(folder / "ranking.json", generate_ranking(random.Random(seed + 17), s(10_000)))


# ---------------------------------------------------------------------------
# Reference scoring
# ---------------------------------------------------------------------------

def match_three_phase(S, gl, pl, thr, lsa):
    """The rule documented on ObjectMatching.match: three optimal assignments over the
    still-unpaired objects — (1) same label and S ≥ thr, (2) S ≥ thr any label, (3) 0 < S < thr —
    each maximising the number of pairs first (an eligible pair weighs K + S with
    K = min(free gold, free answers) + 1), then their similarity; ineligible pairs weigh 0 and
    are dropped. Returns (tp, wrong_label, low_overlap, matched similarity sum)."""
    n, m = S.shape
    if n == 0 or m == 0:
        return 0, 0, 0, 0.0
    above = S >= thr
    allowed = (above & (gl[:, None] == pl[None, :]), above, S > 0)
    gfree, pfree = np.arange(n), np.arange(m)
    counts = [0, 0, 0]
    matched_sum = 0.0
    for phase in range(3):
        if gfree.size == 0 or pfree.size == 0:
            break
        sub = np.ix_(gfree, pfree)
        k = min(gfree.size, pfree.size) + 1
        ok = allowed[phase][sub] & (S[sub] > 0)
        W = np.where(ok, k + S[sub], 0.0)
        r, c = lsa(W, maximize=True)
        keep = W[r, c] > 0
        r, c = r[keep], c[keep]
        counts[phase] = int(r.size)
        if phase == 0:
            for v in S[sub][r, c].tolist():  # pairs in row order, summed left to right like Metrics
                matched_sum += v
        if r.size:
            gfree = np.delete(gfree, r)
            pfree = np.delete(pfree, c)
    return counts[0], counts[1], counts[2], matched_sum


def _row(timed, run, reference, result=lambda out: out):
    """Times `run` and returns the benchmark row of its output."""
    out, best, runs = timed(run)
    return {"seconds": best, "runs": runs, "reference": reference, "result": result(out)}


def bench_classification(data, timed):
    """One confusion matrix and one per-class precision_recall_fscore_support call (the least
    sklearn needs); accuracy, micro, macro and weighted follow from those arrays."""
    from sklearn.metrics import confusion_matrix, precision_recall_fscore_support
    labels, gold, pred = data["labels"], data["gold"], data["predicted"]

    def run():
        cm = confusion_matrix(gold, pred, labels=labels)
        p, r, f, s = precision_recall_fscore_support(gold, pred, labels=labels, average=None, zero_division=0)
        tp, predicted, support = np.diag(cm), cm.sum(axis=0), cm.sum(axis=1)
        acc = tp.sum() / cm.sum()
        mp, mr = tp.sum() / predicted.sum(), tp.sum() / support.sum()
        return cm, p, r, f, s, acc, (mp, mr, 2 * tp.sum() / (predicted.sum() + support.sum()))

    (cm, p, r, f, s, acc, micro), best, runs = timed(run)
    w = s / s.sum()
    result = {
        "accuracy": acc, "confusion": cm.tolist(),
        "per_class": [{"label": l, "precision": p[i], "recall": r[i], "f1": f[i], "support": int(s[i])}
                      for i, l in enumerate(labels)],
        "macro": {"precision": p.mean(), "recall": r.mean(), "f1": f.mean()},
        "micro": {"precision": micro[0], "recall": micro[1], "f1": micro[2]},
        "weighted": {"precision": (p * w).sum(), "recall": (r * w).sum(), "f1": (f * w).sum()},
    }
    return {"seconds": best, "runs": runs, "result": result,
            "reference": "sklearn confusion_matrix + precision_recall_fscore_support(average=None)"}


def bench_ordinal(data, timed):
    from sklearn.metrics import cohen_kappa_score
    labels, a, b = data["labels"], data["a"], data["b"]
    run = lambda: {w or "none": cohen_kappa_score(a, b, labels=labels, weights=w) for w in (None, "linear", "quadratic")}
    return _row(timed, run, "sklearn cohen_kappa_score × 3 (unweighted, linear, quadratic)")


def bench_multilabel(data, timed):
    from sklearn.metrics import accuracy_score, hamming_loss, jaccard_score
    from sklearn.preprocessing import MultiLabelBinarizer
    labels, gold, pred = data["labels"], data["gold"], data["predicted"]

    def run():
        mlb = MultiLabelBinarizer(classes=labels)
        G, P = mlb.fit_transform(gold), mlb.transform(pred)
        return {"jaccard": jaccard_score(G, P, average="samples", zero_division=0),
                "exact_match": accuracy_score(G, P), "hamming_loss": hamming_loss(G, P)}

    return _row(timed, run, "sklearn MultiLabelBinarizer + jaccard_score(samples), accuracy_score, hamming_loss")


def bench_fleiss(data, timed):
    from statsmodels.stats.inter_rater import aggregate_raters, fleiss_kappa
    ratings = np.asarray(data["ratings"])  # the library's input type, built untimed like Swift's [[Int]]

    def run():
        table, _ = aggregate_raters(ratings, n_cat=data["categories"])
        return fleiss_kappa(table, method="fleiss")

    return _row(timed, run, "statsmodels aggregate_raters + fleiss_kappa", lambda out: {"kappa": out})


def bench_krippendorff(data, timed):
    import krippendorff
    # the library's input type (missing = NaN), built untimed like Swift's [[Double?]]
    arr = np.array([[np.nan if v is None else v for v in row] for row in data["data"]], dtype=float)

    def run():
        return {lv: krippendorff.alpha(reliability_data=arr, level_of_measurement=lv)
                for lv in ("nominal", "ordinal", "interval")}

    return _row(timed, run, "krippendorff.alpha × 3 (nominal, ordinal, interval)")


def bench_items(data, timed):
    """The numpy formulas the Metrics fixtures pin ItemStatistics to (vectorised)."""
    X = np.array(data["scores"], dtype=float)  # numpy's input type, built untimed like Swift's [[Double]]

    def run():
        n, k = X.shape
        total = X.sum(axis=1)
        facility = X.mean(axis=0)
        rest = total[:, None] - X
        xc, rc = X - X.mean(axis=0), rest - rest.mean(axis=0)
        pb = (xc * rc).sum(axis=0) / np.sqrt((xc * xc).sum(axis=0) * (rc * rc).sum(axis=0))
        tc = total - total.mean()  # the uncorrected item-total correlation, which analyze() returns too
        it = (xc * tc[:, None]).sum(axis=0) / np.sqrt((xc * xc).sum(axis=0) * (tc * tc).sum())
        g = max(1, int(math.floor(0.27 * n + 0.5)))
        order = np.argsort(-np.floor(total * 1e9 + 0.5), kind="stable")
        disc = X[order[:g]].mean(axis=0) - X[order[n - g:]].mean(axis=0)
        alpha = k / (k - 1) * (1 - X.var(axis=0, ddof=1).sum() / total.var(ddof=1))
        binary = bool(np.all((X == 0) | (X == 1)))
        kr20 = k / (k - 1) * (1 - (facility * (1 - facility)).sum() / total.var(ddof=0)) if binary else None
        return {"facility": facility, "corrected_item_total": pb, "item_total": it, "discrimination": disc, "group_size": g,
                "cronbach_alpha": alpha, "kr20": kr20}

    return _row(timed, run, "numpy (vectorised formulas)")


def bench_keypoints(data, timed):
    from pycocotools.cocoeval import COCOeval
    from scipy.optimize import linear_sum_assignment as lsa
    thr = float(data["threshold"])
    E = COCOeval(iouType="keypoints")
    E.params.kpt_oks_sigmas = np.array(data["sigmas"])
    images = data["images"]
    for i, im in enumerate(images):  # loading, not timed
        E._gts[i, 1] = im["g"]
        # distinct descending scores keep computeOks' sort a no-op
        E._dts[i, 1] = [{"keypoints": p, "score": 1.0 - 0.01 * j} for j, p in enumerate(im["p"])]
    zeros = [(np.zeros(len(im["g"]), dtype=np.int64), np.zeros(len(im["p"]), dtype=np.int64)) for im in images]

    def run():
        out = []
        for i, im in enumerate(images):
            ious = E.computeOks(i, 1)
            S = np.asarray(ious).T if len(ious) else np.zeros((len(im["g"]), len(im["p"])))
            out.append(match_three_phase(S, zeros[i][0], zeros[i][1], thr, lsa))
        return out

    return _row(timed, run, "pycocotools COCOeval.computeOks + scipy linear_sum_assignment", _match_result)


def bench_polygons(data, timed):
    from scipy.optimize import linear_sum_assignment as lsa
    from shapely.geometry import Polygon
    thr = float(data["threshold"])
    images = []
    for im in data["images"]:  # shapely objects and label ids are built at load, as in Swift
        g = [Polygon(x[0]) for x in im["g"]]
        p = [Polygon(x[0]) for x in im["p"]]
        names = sorted({x[1] for x in im["g"] + im["p"]})
        gl = np.array([names.index(x[1]) for x in im["g"]], dtype=np.int64)
        pl = np.array([names.index(x[1]) for x in im["p"]], dtype=np.int64)
        images.append((g, p, gl, pl))

    def run():
        out = []
        for g, p, gl, pl in images:
            S = np.zeros((len(g), len(p)))
            for a, A in enumerate(g):
                for b, B in enumerate(p):
                    inter = A.intersection(B).area
                    union = A.area + B.area - inter
                    S[a, b] = inter / union if union > 0 else 0.0
            out.append(match_three_phase(S, gl, pl, thr, lsa))
        return out

    return _row(timed, run, "shapely intersection area + scipy linear_sum_assignment", _match_result)


def _match_result(per_image):
    tp = [x[0] for x in per_image]
    return {"images": len(per_image), "tp": sum(tp), "wrong_label": sum(x[1] for x in per_image),
            "low_overlap": sum(x[2] for x in per_image), "per_image_tp": tp,
            "per_image_matched": [x[3] for x in per_image], "matched_total": sum(x[3] for x in per_image)}


def bench_ranking(data, timed):
    from scipy.stats import kendalltau, spearmanr
    from sklearn.metrics import ndcg_score
    lists = data["lists"]

    def run():
        tau, rho, ndcg = [], [], []
        for it in lists:
            g, a = it["gold"], it["answer"]
            tau.append(kendalltau(g, a).statistic)
            rho.append(spearmanr(g, a).statistic)
            ndcg.append(ndcg_score([g], [a]))
        return tau, rho, ndcg

    (tau, rho, ndcg), best, runs = timed(run)
    return {"seconds": best, "runs": runs, "result": {"kendall_tau_b": tau, "spearman_rho": rho, "ndcg": ndcg},
            "reference": "scipy kendalltau + spearmanr, sklearn ndcg_score (per list)"}


BENCHES = {"classification": bench_classification, "multilabel": bench_multilabel, "ordinal": bench_ordinal,
           "fleiss": bench_fleiss, "krippendorff": bench_krippendorff, "items": bench_items,
           "keypoints": bench_keypoints, "polygons": bench_polygons, "ranking": bench_ranking}
DATASET = {"classification": "classification.json", "multilabel": "multilabel.json", "ordinal": "ordinal.json",
           "fleiss": "agreement.json", "krippendorff": "agreement.json", "items": "items.json",
           "keypoints": "keypoints.json", "polygons": "polygons.json", "ranking": "ranking.json"}
