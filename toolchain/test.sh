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
echo "== crosswire: fuzzing the text core for ${CROSSWIRE_FUZZ_SECONDS:-60} s (libFuzzer, ASan, UBSan)"
cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang \
  -DCMAKE_CXX_COMPILER=clang++ -DCROSSWIRE_FUZZ=ON >/dev/null
cmake --build build/fuzz --target text_core_fuzzer
mkdir -p build/fuzz/corpus
build/fuzz/text_core_fuzzer -max_total_time="${CROSSWIRE_FUZZ_SECONDS:-60}" -max_len=65536 -timeout=20 \
  -rss_limit_mb=4096 -print_final_stats=1 build/fuzz/corpus tests/fuzz/corpus 2>&1 | tail -n 12
echo "== crosswire: all tests passed"
