#!/usr/bin/env bash
# Times the server's waveform peaks of a 10-minute clip (a benchmark, not a test) and checks
# them against numpy's reading of the same file:  Benchmarks/waveform-bench/run.sh [MINUTES]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
minutes="${1:-10}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
clip="$work/clip.wav"
python3 - "$clip" "$minutes" <<'PY'
import sys, wave, numpy as np
path, minutes = sys.argv[1], float(sys.argv[2])
rate = 16000
t = np.arange(int(rate * 60 * minutes)) / rate
rng = np.random.default_rng(7)
signal = 0.3 * np.sin(2 * np.pi * 220 * t) * (0.5 + 0.5 * np.sin(2 * np.pi * t / 7)) + 0.05 * rng.standard_normal(t.size)
with wave.open(path, "wb") as out:
    out.setnchannels(1); out.setsampwidth(2); out.setframerate(rate)
    out.writeframes((np.clip(signal, -1, 1) * 32767).astype("<i2").tobytes())
PY
cd "$root"
swift build -c release --product waveform-bench --scratch-path .build-release >&2
.build-release/release/waveform-bench "$clip" 7
python3 - "$clip" <<'PY'
import sys, json, wave, numpy as np
path = sys.argv[1]
with wave.open(path) as clip:
    samples = np.frombuffer(clip.readframes(clip.getnframes()), dtype="<i2").astype(float) / 32768
buckets = 1000
index = np.arange(samples.size) * buckets // samples.size
peaks = np.zeros(buckets)
np.maximum.at(peaks, index, np.abs(samples))
peaks /= peaks.max()
ours = np.array(json.load(open(path + ".peaks.json")))
print("largest difference from numpy: %.3g" % np.max(np.abs(ours - peaks)))
sys.exit(0 if np.allclose(ours, peaks, atol=1e-9, rtol=0) else 1)
PY
