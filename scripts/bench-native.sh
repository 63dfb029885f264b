#!/usr/bin/env bash
# Native benchmarks of Zhibiao (BENCHMARKS.md): criterion stage/pipeline benches, the
# fresh-process start-up bench, and the CLI's peak memory on the 1 MB and 10 MB documents.
#
#   scripts/bench-native.sh            # run everything (~6 min on 2 cores), then print tables
#   scripts/bench-native.sh --report   # only print the tables from target/criterion
#   scripts/bench-native.sh --memory   # only the CLI time/peak-memory runs
#
# Needs: cargo, jq, /usr/bin/time (Debian package `time`).
set -euo pipefail
cd "$(dirname "$0")/.."
SEEDS=${ZHIBIAO_SEEDS:-../shared/seeds}
TARGET=${CARGO_TARGET_DIR:-target}
CRIT=$TARGET/criterion
mode=${1:-all}

run_benches() {
  cargo bench --bench pipeline
  cargo bench --bench startup
}

report() {
  [[ -d $CRIT ]] || { echo "no $CRIT: run cargo bench first" >&2; exit 1; }
  echo "| stage | $(for d in 000 001 002 003 004 1MB 10MB; do printf '%s | ' "$d"; done)"
  echo "|---|---|---|---|---|---|---|---|"
  for g in decode clean normalise segment_sentences segment_jieba quantities region extract classify keywords analyze analyze_no_keywords; do
    row="| $g |"
    for d in 000 001 002 003 004 1MB 10MB; do
      f=$CRIT/$g/$d/new/estimates.json
      if [[ -f $f ]]; then
        ns=$(jq '.median.point_estimate' "$f")
        bytes=$(jq '.throughput.Bytes' "$CRIT/$g/$d/new/benchmark.json")
        row+=$(awk -v ns="$ns" -v b="$bytes" 'BEGIN {
          ms = ns / 1e6; mbs = b / (ns / 1e9) / 1e6;
          if (ms >= 100) t = sprintf("%.0f ms", ms); else if (ms >= 1) t = sprintf("%.2f ms", ms); else t = sprintf("%.1f µs", ms * 1000);
          printf " %s · %.1f MB/s |", t, mbs }')
      else
        row+=" – |"
      fi
    done
    echo "$row"
  done
  echo
  echo "(median time per document · MB/s of raw document bytes, 1 MB = 10^6 B)"
}

memory() {
  local dir
  dir=$(mktemp -d)
  # the same 1 MB and 10 MB documents as the pipeline bench (benches/common/mod.rs);
  # before the release build, which would make cargo bench relink again
  ZHIBIAO_BENCH_WRITE="$dir" cargo bench --bench pipeline
  cargo build --release --bin zhibiao
  for f in "${SEEDS}/002_"*.txt "$dir/1MB.txt" "$dir/10MB.txt"; do
    for kw in "" "--no-keywords"; do
      /usr/bin/time -f "$(basename "$f") ${kw:-(keywords)}: %e s wall, %U s user, peak RSS %M KB" \
        "$TARGET/release/zhibiao" --format jsonl $kw "$f" > /dev/null
    done
  done
  rm -rf "$dir"
}

case $mode in
  all) run_benches; report; memory ;;
  --report) report ;;
  --memory) memory ;;
  *) echo "usage: $0 [--report|--memory]" >&2; exit 2 ;;
esac
