#!/usr/bin/env bash
# Benchmark (not a test): grades large generated datasets with Groundwork's Metrics and with
# the Python reference libraries (numpy/scipy/pycocotools, jiwer, seqeval, nervaluate),
# checks that every number agrees, and prints time ratios (reference ÷ Groundwork; machines
# are noisy, compare ratios rather than seconds).
#
#   scripts/metrics-bench/run-metrics-bench.sh [--small | --long] [--only TASK,…] [--repeat N]
#       [--keep DIR] [--boxes N] [--utterances N] [--words N] [--sentences N]
#       [--nervaluate-sentences N]
#
#   full size (default): 100,000 box images, 20,000 utterances of ~50 words (1M words),
#                        200,000 NER sentences (nervaluate on all of them)
#   --small:             5,000 images, 1,000 utterances, 10,000 sentences (a quick check)
#   --long:              transcription only: 40 utterances of ~2,500 words (~15,200
#                        characters each; long inputs, Hirschberg split in rapidfuzz)
#   --only TASK,…:       run only these tasks (boxes, wer, words, cer, chars, seqeval,
#                        nervaluate); datasets no selected task needs are not generated
#   --repeat N:          best of N timed runs on each side (default 3)
#   --keep DIR:          write the datasets and reference.json to DIR and keep them
#                        (default: a temporary folder, removed at the end)
#
# Needs the fixtures venv (.venv-fixtures, see scripts/fixtures/README.md). Builds with its
# own scratch path (.build-bench) so it never touches .build. Exits 1 if a number disagrees.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
python="$root/.venv-fixtures/bin/python"

boxes=100000 utterances=20000 words=50 sentences=200000 nervaluate="" repeat=3 keep="" only=""
while (($#)); do
    case "$1" in
        --small) boxes=5000 utterances=1000 sentences=10000; shift ;;
        --long) utterances=40 words=2500; only="wer,words,cer,chars"; shift ;;
        --only) only="$2"; shift 2 ;;
        --repeat) repeat="$2"; shift 2 ;;
        --keep) keep="$2"; shift 2 ;;
        --boxes) boxes="$2"; shift 2 ;;
        --utterances) utterances="$2"; shift 2 ;;
        --words) words="$2"; shift 2 ;;
        --sentences) sentences="$2"; shift 2 ;;
        --nervaluate-sentences) nervaluate="$2"; shift 2 ;;
        -h|--help) sed -n '2,23p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
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
            wer|words|cer|chars|nervaluate) python_tasks+=",$t" ;;
            *) echo "run-metrics-bench: unknown task $t in --only (try --help)" >&2; exit 2 ;;
        esac
    done
    case ",$only," in *,boxes,*) ;; *) boxes=0 ;; esac
    case ",$only," in *,seqeval,*|*,nervaluate,*) ;; *) sentences=0 nervaluate="" ;; esac
    case ",$only," in *,wer,*|*,words,*|*,cer,*|*,chars,*) ;; *) utterances=0 ;; esac
    swift_only=(--only "$only")
    python_only=(--only "${python_tasks#,}")
fi

echo "== generating datasets in $data (not timed)" >&2
generate=(generate "$data" --boxes "$boxes" --utterances "$utterances" --words "$words" --sentences "$sentences")
[ -n "$nervaluate" ] && generate+=(--nervaluate-sentences "$nervaluate")
"$python" "$root/scripts/metrics-bench/reference_bench.py" "${generate[@]}"

echo "== Python references (best of $repeat)" >&2
"$python" "$root/scripts/metrics-bench/reference_bench.py" run "$data" --repeat "$repeat" "${python_only[@]}"

echo "== Groundwork Metrics (best of $repeat)" >&2
"$bench" "$data" --repeat "$repeat" "${swift_only[@]}"
