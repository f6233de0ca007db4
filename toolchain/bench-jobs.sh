#!/usr/bin/env bash
# Threads and the build before them, one after the other on the same inputs: stories_scale (the
# whole native pipeline on ECB+-based batches; its own table: add, prepare, analyze, peak RSS) of
# a baseline build, then of this build with --jobs 1 and --jobs 2, one size at a time. Each run's
# CPU time (user + system, all threads, from /usr/bin/time) is printed beside its wall time: when
# other work shares the cores, wall times are noise but CPU times still compare single-thread
# speed. Then the ratios.
#   usage: toolchain/bench-jobs.sh BASELINE_STORIES_SCALE [SIZES]   (SIZES default: "1000 10000")
# BASELINE_STORIES_SCALE: the stories_scale binary of the build to compare with (built from an
# earlier commit with its batch size limit lifted, as this one lifts it).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
base=${1:?usage: toolchain/bench-jobs.sh BASELINE_STORIES_SCALE [SIZES]}
sizes=${2:-1000 10000}
data="$root/../shared/devdata/ecbplus"
[ -d "$data/docs" ] || { echo "bench-jobs: $data/docs is missing" >&2; exit 1; }
new="$root/build/native/stories_scale"
seeds="$root/tests/golden/seeds"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# run NAME BINARY ARGS...: the stories_scale row of one size, then "cpu wall" of the process.
run() {
  local name=$1
  shift
  /usr/bin/time -f "%U %S %e" -o "$out/time" "$@" "$data" "$seeds" > "$out/table"
  echo "-- $name"
  cat "$out/table"
  read -r user sys wall < "$out/time"
  echo "$name $(tail -n 1 "$out/table") $(echo "$user + $sys" | bc) $wall" >> "$out/rows"
}
for n in $sizes; do
  run base "$base" --sizes "$n"
  run jobs1 "$new" --jobs 1 --sizes "$n"
  run jobs2 "$new" --jobs 2 --sizes "$n"
done

# Rows: name articles MB add [prepare] analyze analyze_cpu stories rss_before peak cpu wall. The
# baseline has no prepare column: its round 1 runs inside add, so round 1 compares j1 and j2 only.
echo "== ratios (whole = add + prepare + analyze, as stories_scale times them)"
awk '
  $1 == "base"  { n = $2; b_whole[n] = $4 + $5; b_peak[n] = $9; b_cpu[n] = $10 }
  $1 == "jobs1" { n = $2; j1_r1[n] = $4 + $5; j1_whole[n] = $4 + $5 + $6; j1_cpu[n] = $11 }
  $1 == "jobs2" { n = $2; j2_r1[n] = $4 + $5; j2_whole[n] = $4 + $5 + $6; j2_peak[n] = $10;
                  j2_cpu[n] = $11; mb[n] = $3; order[++k] = n }
  END {
    printf "%8s %20s %20s %20s %20s %26s\n", "articles", "round 1 j1/j2", "whole j1/j2",
           "whole base/j2", "process cpu base/j1", "peak MiB (per text MB)"
    for (i = 1; i <= k; ++i) {
      n = order[i]
      printf "%8d %6.2f/%5.2f=%4.2fx %6.2f/%5.2f=%4.2fx %6.2f/%5.2f=%4.2fx %6.2f/%5.2f=%4.2fx %5.0f (%4.1f) base %5.0f (%4.1f)\n",
             n, j1_r1[n], j2_r1[n], j1_r1[n] / j2_r1[n], j1_whole[n], j2_whole[n],
             j1_whole[n] / j2_whole[n], b_whole[n], j2_whole[n], b_whole[n] / j2_whole[n],
             b_cpu[n], j1_cpu[n], b_cpu[n] / j1_cpu[n], j2_peak[n], j2_peak[n] / mb[n], b_peak[n],
             b_peak[n] / mb[n]
    }
  }' "$out/rows"
