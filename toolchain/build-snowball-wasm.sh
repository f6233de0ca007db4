#!/usr/bin/env bash
# Builds Snowball's libstemmer (Debian's snowball source package) to a static WebAssembly library
# with emscripten, for the story clusterer's same-language word features. The native build links
# Debian's libstemmer-dev instead.
#
# Snowball stemmers are generated C: the snowball compiler (built natively with the host cc) turns
# algorithms/*.sbl into src_c/stem_UTF_8_*.c, which are then compiled with emcc. Only the UTF-8
# stemmers are built (libstemmer_utf8.c), since the core hands Snowball UTF-8 only.
#
# The result is cached outside the build tree, keyed by the Snowball version and a hash of the
# flags and of this script, so a rebuild happens only when one of those changes.
#   usage: toolchain/build-snowball-wasm.sh    prints the install prefix on its last line
#          (the prefix holds include/libstemmer.h and lib/libstemmer.a)
set -euo pipefail
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}  # emscripten's JS optimizer needs Debian's acorn

snowball_version=2.2.0
cflags="-O2 -mbulk-memory"
# shellcheck source=toolchain/wasm-cache.sh
. "$(cd "$(dirname "$0")" && pwd)/wasm-cache.sh"
wasm_cache Snowball snowball "$snowball_version" "$cflags" "$0"

for tool in emcc emar make perl cc; do
  command -v "$tool" >/dev/null || { echo "crosswire: $tool is missing (toolchain/install-deps.sh)" >&2; exit 1; }
done

mkdir -p "$cache_root"
work="$cache_root/snowball-$snowball_version-work-$key"
rm -rf "$work" && mkdir -p "$work"
trap 'rm -rf "$work"' EXIT
src_tar="$cache_root/snowball_$snowball_version.orig.tar.gz"
if [ ! -f "$src_tar" ]; then
  echo "crosswire: fetching Debian's snowball source package" >&2
  # Needs a deb-src entry, which toolchain/install-deps.sh adds.
  (cd "$work" && apt-get source --download-only snowball >&2)
  mv "$work/snowball_$snowball_version.orig.tar.gz" "$src_tar"
fi
tar -xzf "$src_tar" -C "$work"
src="$work/snowball-$snowball_version"
cd "$src"

jobs=$(nproc)
# Native step: the snowball compiler, the generated stemmer sources and the module table.
echo "crosswire: generating the Snowball stemmers (native compiler)" >&2
make -j"$jobs" snowball >&2
make -j"$jobs" libstemmer/libstemmer_utf8.c libstemmer/modules_utf8.h >&2
# modules_utf8.h includes "../src_c/stem_UTF_8_<language>.h" for every stemmer it registers.
utf8_sources=$(sed -n 's|^#include "\.\./\(src_c/stem_UTF_8_[a-z_]*\)\.h"$|\1.c|p' libstemmer/modules_utf8.h | sort -u)
if [ -z "$utf8_sources" ]; then
  echo "crosswire: no UTF-8 stemmers listed in libstemmer/modules_utf8.h" >&2
  exit 1
fi
# shellcheck disable=SC2086
make -j"$jobs" $utf8_sources >&2

# Wasm step: compile the runtime, the module table and the stemmers with emcc.
echo "crosswire: compiling libstemmer for wasm" >&2
objects=()
for source in libstemmer/libstemmer_utf8.c runtime/api.c runtime/utilities.c $utf8_sources; do
  object="$work/obj/${source//\//_}.o"
  mkdir -p "$work/obj"
  emcc $cflags -Iinclude -c "$source" -o "$object" >&2
  objects+=("$object")
done
mkdir -p "$prefix/include" "$prefix/lib"
rm -f "$prefix/lib/libstemmer.a"
emar rcs "$prefix/lib/libstemmer.a" "${objects[@]}" >&2
cp include/libstemmer.h "$prefix/include/"
cp COPYING "$prefix/COPYING.snowball"
touch "$prefix/.complete"
echo "crosswire: Snowball $snowball_version for wasm installed in $prefix" >&2
echo "$prefix"
