#!/usr/bin/env bash
# Runs one cargo-fuzz target for a while, seeded from the shared articles and the
# bad-input corpus. Usage: fuzz/run.sh TARGET [SECONDS]   (TARGET: decode clean quantities pipeline)
# Needs cargo-fuzz (`cargo install cargo-fuzz`) and nightly features: with a stable
# toolchain, RUSTC_BOOTSTRAP=1 unlocks them.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?target}
secs=${2:-240}
corpus=fuzz/corpus/$target
mkdir -p "$corpus"
seeds=(tests/inputs)
[ -d ../shared/seeds ] && seeds+=(../shared/seeds)
[ -d ../shared/corpus ] && seeds+=(../shared/corpus)
# the first dir is the writable corpus; libFuzzer also reads the seed dirs. One process
# (no -jobs: with -jobs libFuzzer forks workers that log to ./fuzz-N.log).
RUSTC_BOOTSTRAP=1 cargo fuzz run "$target" "$corpus" "${seeds[@]}" -- \
  -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1
