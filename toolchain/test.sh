#!/usr/bin/env bash
# Runs every test: installs what is missing, builds everything, then runs the native unit tests,
# the same tests compiled to wasm under node, the JS module's tests (including CLI/wasm parity),
# the browser tests in headless Chromium, the npm package as a user installs it, a bounded fuzzing
# run, and a smoke run of the benchmarks.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root"
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}

"$here/install-deps.sh"
"$here/build.sh"

echo "== crosswire: native tests"
ctest --test-dir build/native --output-on-failure -j 2
echo "== crosswire: wasm tests (node)"
ctest --test-dir build/wasm --output-on-failure
echo "== crosswire: JS module and CLI tests (node)"
node --test tests/node/
if [ -f package.json ] && grep -q '"test"' package.json && [ -d tests/browser ] && ls tests/browser/*.test.mjs >/dev/null 2>&1; then
  echo "== crosswire: browser tests (chromium)"
  npm test
fi
echo "== crosswire: npm package (the packed tarball installed offline, tsc, an esbuild bundle in chromium)"
node --test --test-concurrency=1 tests/npm/
echo "== crosswire: browser benchmarks, once on a tiny input (they must keep running)"
node tests/browser/bench-all.mjs --tiny > build/bench-browser-tiny.txt
tail -n 3 build/bench-browser-tiny.txt
fuzz_seconds=${CROSSWIRE_FUZZ_SECONDS:-75}
echo "== crosswire: fuzzing every target briefly, ${fuzz_seconds} s in all (libFuzzer, ASan, UBSan; tests/fuzz/README.md)"
cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang \
  -DCMAKE_CXX_COMPILER=clang++ -DCROSSWIRE_FUZZ=ON >/dev/null
cmake --build build/fuzz --target fuzzers
# fuzz TARGET SHARE FLAGS...: runs TARGET for SHARE/75 of the time from its seeds (read-only, in
# git); what it finds goes to build/fuzz/corpus/TARGET, emptied first so that replaying it never
# outgrows the time given. A crash, sanitizer report, timeout or memory limit fails the test run
# and leaves the input in build/fuzz/.
fuzz() {
  local target=$1 share=$2
  shift 2
  rm -rf "build/fuzz/corpus/$target" && mkdir -p "build/fuzz/corpus/$target"
  echo "-- ${target}_fuzzer"
  (cd build/fuzz && "./${target}_fuzzer" -max_total_time=$((fuzz_seconds * share / 75 > 0 ? fuzz_seconds * share / 75 : 1)) \
    -print_final_stats=1 "$@" "corpus/$target" "$root/tests/fuzz/corpus/$target" 2>&1) |
    grep -E "^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)|ERROR|SUMMARY|Test unit written"
}
fuzz decode_html 10 -max_len=8192 -timeout=10 -rss_limit_mb=2048
fuzz mentions 12 -max_len=2048 -timeout=10 -rss_limit_mb=2048
fuzz dates 10 -max_len=2048 -timeout=10 -rss_limit_mb=2048
fuzz names 8 -max_len=512 -timeout=10 -rss_limit_mb=2048
fuzz text_core 10 -max_len=65536 -timeout=20 -rss_limit_mb=4096
fuzz records 5 -max_len=8192 -timeout=10 -rss_limit_mb=2048
# Megabyte inputs: a super-linear path shows up as a timeout or as memory over the limits.
fuzz large_input 20 -len_control=0 -max_len=2097152 -timeout=5 -rss_limit_mb=3072 -malloc_limit_mb=1024
echo "== crosswire: all tests passed"
