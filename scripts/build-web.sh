#!/usr/bin/env bash
# Builds the wasm module and its JS glue into www/pkg with the settings in wasm-pack.toml.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t args < <(python3 scripts/webconf.py build-args)
if [[ "$(python3 scripts/webconf.py get build wasm-opt)" != False ]] &&
   wasm-opt --version 2>/dev/null | grep -q 'version 108'; then
  echo "build-web: refusing Debian's wasm-opt 108 (it breaks the module); set wasm-opt = false" >&2
  exit 1
fi
echo "+ wasm-pack build ${args[*]}" >&2
wasm-pack --log-level warn build "${args[@]}"
