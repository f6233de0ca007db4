#!/usr/bin/env bash
# Builds Crosswire and serves the app on http://127.0.0.1:8080 (Ctrl-C stops it).
#   usage: toolchain/serve.sh [--port N]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
port=8080
[ "${1:-}" = "--port" ] && port=${2:?--port needs a number}

"$here/install-deps.sh"
"$here/build.sh"
cd "$root"
exec node web/serve.mjs --port "$port" --host 127.0.0.1 web/dist
