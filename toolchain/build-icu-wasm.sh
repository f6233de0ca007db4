#!/usr/bin/env bash
# Builds ICU 72.1 (Debian's source package) to static WebAssembly libraries with emscripten.
# The result is cached outside the build tree, keyed by the ICU version and a hash of the
# flags and of this script, so a rebuild happens only when one of those changes.
#   usage: toolchain/build-icu-wasm.sh        prints the install prefix on its last line
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}  # emscripten's JS optimizer needs Debian's acorn

icu_version=72.1
# UCONFIG_NO_FILE_IO: data comes only from udata_setCommonData, which halves the JS glue.
# Legacy converters stay in: dropped files in windows-1251, KOI8-R, TIS-620... are decoded by ICU.
icu_defines="-DUCONFIG_NO_FILE_IO=1 -DU_CHARSET_IS_UTF8=1 -DUCONFIG_NO_FORMATTING=0"
cflags="-O2 -mbulk-memory $icu_defines"
# shellcheck source=toolchain/wasm-cache.sh
. "$here/wasm-cache.sh"
wasm_cache ICU icu "$icu_version" "$cflags" "$0"

work="$cache_root/icu-$icu_version-work-$key"
rm -rf "$work" && mkdir -p "$work"
src_tar="$cache_root/icu_$icu_version.orig.tar.gz"
if [ ! -f "$src_tar" ]; then
  echo "crosswire: fetching Debian's ICU source package" >&2
  (cd "$work" && apt-get source --download-only icu >&2)
  mv "$work/icu_$icu_version.orig.tar.gz" "$src_tar"
fi
tar -xzf "$src_tar" -C "$work"
src="$work/icu/source"

# configure only needs these two files to exist for a cross build without a host build.
mkdir -p "$work/cross/config"
touch "$work/cross/config/icucross.mk" "$work/cross/config/icucross.inc"

mkdir -p "$work/build" && cd "$work/build"
echo "crosswire: configuring ICU for wasm" >&2
icu_cv_host_frag=mh-linux CFLAGS="$cflags" CXXFLAGS="$cflags -std=c++17" \
  emconfigure "$src/configure" --host=wasm32 --prefix="$prefix" \
    --enable-static --disable-shared --disable-tools --disable-tests --disable-samples \
    --disable-extras --disable-icuio --disable-layoutex --disable-dyload \
    --with-data-packaging=archive --with-cross-build="$work/cross" >&2
mkdir -p lib bin
jobs=$(nproc)
for dir in stubdata common i18n; do
  echo "crosswire: building ICU $dir" >&2
  emmake make -C "$dir" -j"$jobs" >&2
done
for dir in stubdata common i18n; do emmake make -C "$dir" install >&2; done

# The defines must reach consumers too, or they compile against a different ICU.
uconfig="$prefix/include/unicode/uconfig.h"
{
  echo "/* Crosswire's wasm configuration of ICU */"
  for d in $icu_defines; do
    d=${d#-D}; echo "#ifndef ${d%%=*}"; echo "#define ${d%%=*} ${d#*=}"; echo "#endif"
  done
  cat "$uconfig"
} > "$uconfig.new" && mv "$uconfig.new" "$uconfig"

# The prebuilt full data archive ships with the source; the data pack is cut from it.
cp "$src/data/in/icudt72l.dat" "$prefix/icudt72l-full.dat"
touch "$prefix/.complete"
rm -rf "$work"
echo "crosswire: ICU $icu_version for wasm installed in $prefix" >&2
echo "$prefix"
