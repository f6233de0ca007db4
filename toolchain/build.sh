#!/usr/bin/env bash
# Builds everything: the native core, CLI and tests; ICU for wasm (cached); the ICU data pack; the
# wasm module; the web app; and the npm package (build/npm/crosswire-<version>.tgz). Incremental:
# a second run rebuilds only what changed.
#   usage: toolchain/build.sh [--no-web]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
build="$root/build"
jobs=${CROSSWIRE_JOBS:-$(nproc)}
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}
with_web=1
[ "${1:-}" = "--no-web" ] && with_web=0

step() { echo "== crosswire: $*" >&2; }
human() { numfmt --to=iec-i --suffix=B "$1" 2>/dev/null || echo "$1 B"; }

step "native build"
cmake -S "$root" -B "$build/native" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build/native" -j "$jobs"

step "ICU for wasm"
icu_prefix=$("$here/build-icu-wasm.sh" | tail -n 1)

step "ICU data pack"
items="$here/icu-data-items.txt"
pack_dir="$build/icu-data"
pack="$pack_dir/icudt72l.dat"
if [ ! -f "$pack" ] || [ "$items" -nt "$pack" ] || [ "$icu_prefix/icudt72l-full.dat" -nt "$pack" ]; then
  rm -rf "$pack_dir" && mkdir -p "$pack_dir/full" "$pack_dir/items"
  # icupkg names items by the file's base name: the full archive must be called icudt72l.dat too.
  cp "$icu_prefix/icudt72l-full.dat" "$pack_dir/full/icudt72l.dat"
  grep -v '^#' "$items" | sed '/^[[:space:]]*$/d' > "$pack_dir/list.txt"
  icupkg -x "$pack_dir/list.txt" -d "$pack_dir/items" "$pack_dir/full/icudt72l.dat"
  icupkg -tl --ignore-deps -s "$pack_dir/items" -a "$pack_dir/list.txt" new "$pack"
  rm -rf "$pack_dir/full" "$pack_dir/items"
fi

snowball_args=()
if [ -x "$here/build-snowball-wasm.sh" ]; then
  step "Snowball for wasm"
  snowball_prefix=$("$here/build-snowball-wasm.sh" | tail -n 1)
  snowball_args=(-DCROSSWIRE_SNOWBALL_PREFIX="$snowball_prefix")
fi

step "wasm build"
emcmake cmake -S "$root" -B "$build/wasm" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCROSSWIRE_ICU_PREFIX="$icu_prefix" -DCROSSWIRE_GEN_DIR="$build/native/gen" -DCROSSWIRE_ICU_DATA="$pack" \
  -DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node "${snowball_args[@]}" >/dev/null
cmake --build "$build/wasm" -j "$jobs"

step "sizes"
for f in "$build/wasm/dist/crosswire-core.wasm" "$build/wasm/dist/crosswire-core.js" \
         "$build/wasm/dist/crosswire.js" "$build/wasm/dist/crosswire-icu.dat"; do
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  printf '   %-22s %10s raw %10s gzipped\n' "$(basename "$f")" "$(human "$raw")" "$(human "$gz")" >&2
done

if [ $with_web = 1 ] && [ -f "$root/web/build.mjs" ]; then
  step "web app"
  (cd "$root" && CROSSWIRE_WASM_DIST="$build/wasm/dist" node web/build.mjs)
fi

if [ $with_web = 1 ] && [ -f "$root/npm/build.mjs" ]; then
  step "npm package (npm pack; packed and unpacked size)"
  (cd "$root" && CROSSWIRE_WASM_DIST="$build/wasm/dist" node npm/build.mjs)
fi
