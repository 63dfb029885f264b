#!/usr/bin/env bash
# wasm-bindgen tests (tests/web.rs) in headless Chromium, with the settings in wasm-pack.toml.
# First writes the native reports of the shared seed articles, which tests/web.rs compares against.
set -euo pipefail
cd "$(dirname "$0")/.."
seeds=../shared/seeds
mkdir -p target/web-test
cargo build --release --quiet --bin zhibiao
: > target/web-test/native-seeds.jsonl.tmp
for f in "$seeds"/*; do
  # one line per seed: {"file": NAME, "report": ...} (the CLI prints one report JSON per line)
  line=$(target/release/zhibiao --format jsonl "$f" 2>/dev/null || target/release/zhibiao "$f" 2>/dev/null || true)
  python3 -c 'import json,sys; print(json.dumps({"file": sys.argv[1], "report": json.loads(sys.argv[2]) if sys.argv[2] else None}, ensure_ascii=False))' \
    "$(basename "$f")" "$line" >> target/web-test/native-seeds.jsonl.tmp
done
# only touch the file when it changed, so cargo does not rebuild the test for nothing
cmp -s target/web-test/native-seeds.jsonl.tmp target/web-test/native-seeds.jsonl 2>/dev/null ||
  mv target/web-test/native-seeds.jsonl.tmp target/web-test/native-seeds.jsonl
rm -f target/web-test/native-seeds.jsonl.tmp
python3 scripts/webconf.py webdriver-json target/web-test/webdriver.json
export WASM_BINDGEN_TEST_WEBDRIVER_JSON=$PWD/target/web-test/webdriver.json
export WASM_BINDGEN_TEST_TIMEOUT=$(python3 scripts/webconf.py get test timeout-seconds)
mapfile -t args < <(python3 scripts/webconf.py test-args)
echo "+ wasm-pack test ${args[*]}" >&2
# Chromium's scratch files go to a directory of this run's own, removed afterwards, so
# that no other Chromium on the machine loses its files
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
status=0
TMPDIR=$scratch wasm-pack --log-level warn test "${args[@]}" || status=$?
exit $status
