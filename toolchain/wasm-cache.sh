# Sourced by toolchain/build-*-wasm.sh: where a library built for wasm is cached, outside the build
# tree, keyed by its version, its flags and the scripts that build it; when that build is already
# complete, prints its prefix and exits, so the caller rebuilds only when one of those changed.
#   usage: wasm_cache NAME SLUG VERSION "FLAGS" SCRIPT    sets cache_root, key and prefix
wasm_cache() {
  local name=$1 slug=$2 version=$3 flags=$4 script=$5
  key=$( (echo "$version $flags"; cat "$script" "${BASH_SOURCE[0]}") | sha256sum | cut -c1-12)
  cache_root=${CROSSWIRE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/crosswire}
  prefix="$cache_root/$slug-$version-wasm-$key"
  if [ -f "$prefix/.complete" ]; then
    echo "crosswire: $name $version for wasm is cached" >&2
    echo "$prefix"
    exit 0
  fi
}
