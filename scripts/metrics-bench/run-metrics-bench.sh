#!/usr/bin/env bash
# Benchmark (not a test): grades large generated datasets of every Metrics family with
# Groundwork's Metrics (a release binary) and with the Python reference libraries (numpy,
# scipy, scikit-learn, statsmodels, krippendorff, pycocotools, shapely, jiwer, seqeval,
# nervaluate), each side in its own process, alternating which goes first every round, and
# prints min and median seconds of both sides and their ratios (reference ÷ Groundwork).
# Every Groundwork run compares every number with a reference run (counts exactly, reals to
# 1e-9) and every reference run must give the same numbers as the first; exit 1 otherwise.
#
#   scripts/metrics-bench/run-metrics-bench.sh [--small | --smoke | --long] [--only TASK,…]
#       [--rounds N] [--keep DIR] [--boxes N] [--utterances N] [--words N] [--sentences N]
#       [--nervaluate-sentences N] [--size F]
#
#   full size (default): 100,000 box images, 20,000 utterances of ~50 words (1M words),
#                        200,000 NER sentences, 1M classification and ordinal items,
#                        200,000 multi-label samples, 200,000 Fleiss subjects × 5 raters and
#                        4 coders × 200,000 Krippendorff units, 200,000 learners × 50 items,
#                        100,000 keypoint images, 50,000 polygon images, 10,000 ranked lists
#   --small:             a twentieth of that (a quick look)
#   --smoke:             tiny inputs, one round: checks that both sides build, run and agree
#   --long:              transcription only: 40 utterances of ~2,500 words (~15,200
#                        characters each; long inputs, Hirschberg split in rapidfuzz)
#   --only TASK,…:       only these Groundwork tasks: boxes, words (jiwer wer + process_words),
#                        normalised (normalise, then align words: jiwer's transforms and plain
#                        Python), chars (cer + process_characters), seqeval, nervaluate, classification,
#                        multilabel, ordinal, fleiss, krippendorff, items, keypoints, polygons,
#                        ranking
#   --rounds N:          rounds (default 3); odd rounds run the reference first, even rounds
#                        Groundwork first
#   --size F:            scale of the families' datasets (classification … ranking), default 1
#   --keep DIR:          write the datasets and results to DIR and keep them
#                        (default: a temporary folder, removed at the end)
#   --reuse:             with --keep DIR: keep the datasets already in DIR when its
#                        manifest.json has the requested sizes (full size takes minutes to write)
#
# Needs the fixtures venv (.venv-fixtures, see scripts/fixtures/README.md). Builds with its
# own scratch path (.build-bench) so it never touches .build. Datasets are generated at run
# time and never committed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
python="$root/.venv-fixtures/bin/python"

boxes=100000 utterances=20000 words=50 sentences=200000 nervaluate="" rounds=3 keep="" only="" size=1 reuse=""
while (($#)); do
    case "$1" in
        --small) boxes=5000 utterances=1000 sentences=10000 size=0.05; shift ;;
        --smoke) boxes=200 utterances=50 sentences=300 size=0.002 rounds=1; shift ;;
        --long) utterances=40 words=2500; only="words,chars"; shift ;;
        --only) only="$2"; shift 2 ;;
        --rounds) rounds="$2"; shift 2 ;;
        --size) size="$2"; shift 2 ;;
        --keep) keep="$2"; shift 2 ;;
        --reuse) reuse=1; shift ;;
        --boxes) boxes="$2"; shift 2 ;;
        --utterances) utterances="$2"; shift 2 ;;
        --words) words="$2"; shift 2 ;;
        --sentences) sentences="$2"; shift 2 ;;
        --nervaluate-sentences) nervaluate="$2"; shift 2 ;;
        -h|--help) sed -n '2,39p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "run-metrics-bench: unknown argument $1 (try --help)" >&2; exit 2 ;;
    esac
done


if [ ! -x "$python" ]; then
    echo "run-metrics-bench: $python is missing; create it as scripts/fixtures/README.md says:" >&2
    echo "  python3 -m venv .venv-fixtures && .venv-fixtures/bin/pip install -r scripts/fixtures/requirements.txt" >&2
    exit 2
fi

echo "== building metrics-bench (release, --scratch-path .build-bench)" >&2
(cd "$root" && swift build -c release --product metrics-bench --scratch-path .build-bench >&2)
bench="$root/.build-bench/release/metrics-bench"

if [ -n "$keep" ]; then
    data="$keep"
    mkdir -p "$data"
else
    data="$(mktemp -d "${TMPDIR:-/tmp}/metrics-bench.XXXXXX")"
    trap 'rm -rf "$data"' EXIT
fi

# One thread for numpy/scipy (the machine is shared; Metrics is single-threaded too).
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1

# --only: the reference rows of each task (boxes and seqeval have two), and no generation
# of the datasets nothing selected uses.
swift_only=() python_only=()
if [ -n "$only" ]; then
    python_tasks=""
    IFS=',' read -r -a selected <<<"$only"
    for t in "${selected[@]}"; do
        case "$t" in
            boxes) python_tasks+=",boxes,boxes-pycocotools" ;;
            seqeval) python_tasks+=",seqeval,seqeval-prfs" ;;
            words) python_tasks+=",wer,words" ;;
            normalised) python_tasks+=",words-norm,words-norm-py" ;;
            chars) python_tasks+=",cer,chars" ;;
            nervaluate|classification|multilabel|ordinal|fleiss|krippendorff|items|keypoints|polygons|ranking)
                python_tasks+=",$t" ;;
            *) echo "run-metrics-bench: unknown task $t in --only (try --help)" >&2; exit 2 ;;
        esac
    done
    case ",$only," in *,boxes,*) ;; *) boxes=0 ;; esac
    case ",$only," in *,seqeval,*|*,nervaluate,*) ;; *) sentences=0 nervaluate="" ;; esac
    case ",$only," in *,words,*|*,normalised,*|*,chars,*) ;; *) utterances=0 ;; esac
    case ",$only," in *,classification,*|*,multilabel,*|*,ordinal,*|*,fleiss,*|*,krippendorff,*|*,items,*|*,keypoints,*|*,polygons,*|*,ranking,*) ;; *) size=0 ;; esac
    swift_only=(--only "$only")
    python_only=(--only "${python_tasks#,}")
fi

# The sizes the selected tasks need (0: a dataset nothing selected uses), for --reuse.
asked=("$boxes" "$utterances" "$words" "$sentences" "$size" "${nervaluate:-$sentences}")
generate=(generate "$data" --boxes "$boxes" --utterances "$utterances" --words "$words" --sentences "$sentences" --size "$size")
[ -n "$nervaluate" ] && generate+=(--nervaluate-sentences "$nervaluate")
same_sizes() {  # the manifest in $data has every dataset the selected tasks need, at their sizes
    "$python" - "$data/manifest.json" "${asked[@]}" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
b, u, w, s, f, n = sys.argv[2:]
have = (m["boxes"], m["utterances"], m["sentences"], m["family_size"])
want = (int(b), int(u), int(s), float(f))
ok = all(x == 0 or x == y for x, y in zip(want, have))
ok = ok and (int(u) == 0 or m["words_per_utterance"] == int(w))
ok = ok and (int(s) == 0 or m["nervaluate_sentences"] == min(int(n), int(s)))
sys.exit(0 if ok else 1)
PY
}
if [ -n "$reuse" ] && [ -n "$keep" ] && [ -f "$data/manifest.json" ] && same_sizes; then
    echo "== reusing the datasets in $data (--reuse; same sizes)" >&2
else
    echo "== generating datasets in $data (not timed)" >&2
    "$python" "$root/scripts/metrics-bench/reference_bench.py" "${generate[@]}"
fi

reference() {
    echo "== round $1: Python references" >&2
    "$python" "$root/scripts/metrics-bench/reference_bench.py" run "$data" --out "$data/reference-$1.json" "${python_only[@]}"
}
groundwork() {  # $1 = round, $2 = the reference run to compare with
    echo "== round $1: Groundwork Metrics (numbers compared with reference run $2)" >&2
    "$bench" "$data" --repeat 1 --reference "$data/reference-$2.json" --json "$data/groundwork-$1.json" "${swift_only[@]}" >&2
}
# Odd rounds: the reference first, then Groundwork compared with it. Even rounds: Groundwork
# first, compared with the previous round's reference run, then the reference.
for ((round = 1; round <= rounds; round++)); do
    if ((round % 2)); then
        reference "$round"
        groundwork "$round" "$round"
    else
        groundwork "$round" "$((round - 1))"
        reference "$round"
    fi
done
"$python" "$root/scripts/metrics-bench/summarize.py" "$data" "$rounds"
