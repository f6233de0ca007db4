#!/usr/bin/env bash
# Installs the Debian packages and npm modules the build and the tests need.
# Idempotent: installs only what is missing, so a second run is quick.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)

packages=(
  build-essential cmake ninja-build pkg-config
  emscripten nodejs
  libicu-dev icu-devtools
  catch2 libbenchmark-dev
  libcld2-dev libstemmer-dev
  unicode-data bzip2
  clang libclang-rt-14-dev
  fonts-thai-tlwg
  python3
)
browser_packages=(chromium chromium-driver)

sudo_if_needed() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
for p in "${packages[@]}" "${browser_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

# A deb-src entry lets toolchain/build-icu-wasm.sh fetch Debian's ICU source package.
src_list=/etc/apt/sources.list.d/crosswire-src.sources
need_update=0
if [ ! -f "$src_list" ]; then
  echo "crosswire: adding a deb-src entry for Debian bookworm ($src_list)"
  sudo_if_needed tee "$src_list" >/dev/null <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  need_update=1
fi

if [ ${#missing[@]} -gt 0 ] || [ $need_update = 1 ]; then
  sudo_if_needed apt-get update -q
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "crosswire: installing ${missing[*]}"
  # --no-install-recommends keeps chromium from pulling a desktop along with it.
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# npm modules for the page build and the browser tests, pinned by package-lock.json.
if [ -f "$root/package.json" ]; then
  cd "$root"
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund
  fi
fi
