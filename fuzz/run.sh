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
# keep the seeds out of the writable corpus dir: libFuzzer reads every dir given
RUSTC_BOOTSTRAP=1 cargo fuzz run "$target" "$corpus" "${seeds[@]}" -- \
  -max_total_time="$secs" -jobs=1 -workers=1 -max_len=65536 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1
