#!/usr/bin/env bash
# Threads and the build before them, one after the other on the same inputs: stories_scale (the
# whole native pipeline on ECB+-based batches) of a baseline build, then of this build with
# --jobs 1 and --jobs 2, each size in a child process of its own. Prints the three tables and the
# ratios (baseline / this build) of the per-article round 1 and of the whole run.
#   usage: toolchain/bench-jobs.sh BASELINE_STORIES_SCALE [SIZES]   (SIZES default: 1000,10000)
# BASELINE_STORIES_SCALE: the stories_scale binary of the build to compare with (built from an
# earlier commit with its batch size limit lifted, as this one lifts it).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
base=${1:?usage: toolchain/bench-jobs.sh BASELINE_STORIES_SCALE [SIZES]}
sizes=${2:-1000,10000}
data="$root/../shared/devdata/ecbplus"
[ -d "$data/docs" ] || { echo "bench-jobs: $data/docs is missing" >&2; exit 1; }
new="$root/build/native/stories_scale"
out=$(mktemp -d)
echo "== baseline" && "$base" --sizes "$sizes" "$data" "$root/tests/golden/seeds" | tee "$out/base"
echo "== --jobs 1" && "$new" --jobs 1 --sizes "$sizes" "$data" "$root/tests/golden/seeds" | tee "$out/j1"
echo "== --jobs 2" && "$new" --jobs 2 --sizes "$sizes" "$data" "$root/tests/golden/seeds" | tee "$out/j2"
# Rows: articles MB add [prepare] analyze cpu stories rss_before peak. The baseline has no
# prepare column: its round 1 runs inside add, which is why round 1 is compared between j1 and j2
# only.
echo "== ratios"
awk '
  FNR == 1 { file++ } $1 ~ /^[0-9]+$/ && NF >= 8 {
    if (file == 1) { base_total[$1] = $3 + $4; base_peak[$1] = $8 }
    if (file == 2) { j1_total[$1] = $3 + $4 + $5; j1_round1[$1] = $3 + $4 }
    if (file == 3) { j2_total[$1] = $3 + $4 + $5; j2_round1[$1] = $3 + $4; j2_peak[$1] = $9; mb[$1] = $2 }
  }
  END {
    printf "%8s %22s %22s %22s %24s\n", "articles", "round 1: j1/j2", "whole: j1/j2", "whole: base/j2",
           "peak MiB / text MB"
    for (n in j2_total) {
      printf "%8d %9.2f/%5.2f=%5.2fx %9.2f/%5.2f=%5.2fx %9.2f/%5.2f=%5.2fx %6.1f (base %.1f)\n", n,
             j1_round1[n], j2_round1[n], j1_round1[n] / j2_round1[n],
             j1_total[n], j2_total[n], j1_total[n] / j2_total[n],
             base_total[n], j2_total[n], base_total[n] / j2_total[n],
             j2_peak[n] / mb[n], base_peak[n] / mb[n]
    }
  }' "$out/base" "$out/j1" "$out/j2"
rm -rf "$out"
