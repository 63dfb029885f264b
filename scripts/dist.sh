#!/usr/bin/env bash
# Writes the complete static site into dist/ (or $1): page, worker, wasm and the chart library.
# Every URL inside is relative, so the folder works from any host and any sub-path.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-dist}
pkg=$(python3 scripts/webconf.py get build out-dir)
name=$(python3 scripts/webconf.py get build out-name)
[[ -f "$pkg/${name}_bg.wasm" ]] || { echo "dist: $pkg/${name}_bg.wasm missing; run scripts/build-web.sh" >&2; exit 1; }
[[ -f node_modules/chart.js/dist/chart.umd.min.js ]] || { echo "dist: node_modules missing; run npm ci" >&2; exit 1; }
rm -rf "$out.tmp"
mkdir -p "$out.tmp/pkg" "$out.tmp/vendor"
cp www/*.html www/*.css www/*.js "$out.tmp/"
# only the module and its glue: pkg/ also holds a .gitignore with `*` that would hide it from git-based hosts
cp "$pkg/$name.js" "$pkg/${name}_bg.wasm" "$out.tmp/pkg/"
cp node_modules/chart.js/dist/chart.umd.min.js "$out.tmp/vendor/"
cp node_modules/chart.js/LICENSE.md "$out.tmp/vendor/chart.js-LICENSE.md"
rm -rf "$out"
mv "$out.tmp" "$out"
raw=$(stat -c %s "$out/pkg/${name}_bg.wasm")
gz=$(gzip -9c "$out/pkg/${name}_bg.wasm" | wc -c)
echo "dist: $out/ ($(du -sh "$out" | cut -f1)); wasm $raw B raw, $gz B gzip -9" >&2
