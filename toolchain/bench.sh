#!/usr/bin/env bash
# Runs the benchmarks (outside the default tests) and prints numbers, never pass/fail:
#  - every pipeline stage natively and in wasm (node) on the same corpora, with the wasm/native ratio;
#  - Google Benchmark micro benchmarks of the native core;
#  - payload sizes against the 3 MB budget;
#  - in Chromium: segmentation vs Intl.Segmenter, English NER vs compromise, 100-5,000 articles end
#    to end, page load (tests/browser/bench-all.mjs).
#   usage: toolchain/bench.sh [--repeat N]     (devdata: ../shared/devdata, or CROSSWIRE_DEVDATA)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root"
repeat=5
[ "${1:-}" = "--repeat" ] && repeat=${2:?}
devdata=${CROSSWIRE_DEVDATA:-$root/../shared/devdata}
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}

"$here/build.sh" --no-web >/dev/null
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/{print $2}') GiB"
echo "== stages, native vs wasm (min of $repeat runs; MB/s of input)"
build/native/stage_bench --devdata "$devdata" --repeat "$repeat" > build/bench-native.txt
node build/wasm/stage_bench.js --devdata "$devdata" --repeat "$repeat" > build/bench-wasm.txt
python3 - build/bench-native.txt build/bench-wasm.txt <<'PY'
import re, sys
def load(path):
    rows = {}
    for line in open(path):
        f = line.split()
        if len(f) < 6 or f[0] == 'stage':
            continue
        if f[0] == 'startup':
            rows[('startup', '-')] = (float(f[4]), 'ms')
        elif f[0] == 'match':
            rows[(f[0], f[1])] = (float(f[5]), 'pairs/s')
        else:
            rows[(f[0], f[1])] = (float(f[5]), 'MB/s')
    return rows
native, wasm = load(sys.argv[1]), load(sys.argv[2])
print('%-10s %-12s %14s %14s %16s' % ('stage', 'corpus', 'native', 'wasm', 'wasm/native'))
for key in native:
    n, unit = native[key]
    w = wasm.get(key, (float('nan'), unit))[0]
    ratio = w / n if unit != 'ms' else n / w  # for start-up time lower is better: show speed ratio
    print('%-10s %-12s %10.2f %-4s %9.2f %-4s %11.2fx' % (key[0], key[1], n, unit[:4], w, unit[:4], ratio))
PY
echo "== native micro benchmarks (Google Benchmark)"
build/native/micro_bench --benchmark_repetitions=3 --benchmark_report_aggregates_only=true 2>/dev/null | grep -E "_(median|mean)|Benchmark|----"
echo "== growth per doubling of hostile inputs (time and memory above start-up; BENCHMARKS.md)"
build/native/growth_bench
echo "== wasm heap per byte of text (node)"
node tests/bench/wasm-memory.mjs
echo "== payload (every file of web/dist; a first visit by script against its budget)"
node --input-type=module -e "import { formatPayload, payload } from './web/payload.mjs'; console.log(formatPayload(await payload('web/dist')));"
echo "== in chromium: segmentation vs Intl.Segmenter, English NER vs compromise, end to end, page load"
node tests/browser/bench-all.mjs --runs="$repeat"
