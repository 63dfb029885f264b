#!/usr/bin/env bash
# Runs two builds of the CLI over the shared seeds and corpus and tests/inputs, one
# document at a time (with and without keywords), and diffs their JSON: a refactoring
# that must not change any report (issue 12: patterns compiled at build time) passes only
# when every output, warning and exit code is the same.
#   scripts/same-output.sh BASELINE_BIN [NEW_BIN]   (NEW_BIN defaults to target/release/zhibiao)
set -uo pipefail
base=${1:?baseline binary}
new=${2:-target/release/zhibiao}
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$here/../shared}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
files=()
for d in "$shared/seeds" "$shared/corpus" "$here/tests/inputs"; do
    while IFS= read -r f; do files+=("$f"); done < <(find "$d" -type f ! -name '*.md5' | sort)
done
fail=0
for f in "${files[@]}"; do
    for kw in "" "--no-keywords"; do
        for side in base new; do
            bin=$base; [[ $side == new ]] && bin=$new
            # shellcheck disable=SC2086
            "$bin" --format json $kw "$f" >"$out/$side.json" 2>"$out/$side.err"
            echo "exit $?" >>"$out/$side.err"
        done
        if ! cmp -s "$out/base.json" "$out/new.json" || ! cmp -s "$out/base.err" "$out/new.err"; then
            echo "DIFFERS: $f $kw"
            diff <(cat "$out/base.json" "$out/base.err") <(cat "$out/new.json" "$out/new.err") | head -20
            fail=1
        fi
    done
done
echo "${#files[@]} documents compared (with and without keywords): $([[ $fail == 0 ]] && echo identical || echo DIFFERENT)"
exit $fail
