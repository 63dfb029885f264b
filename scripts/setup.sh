#!/usr/bin/env bash
# Installs, idempotently, everything the build and the tests need on a fresh machine
# (facts in ../shared/TOOLCHAIN.md). Usage: scripts/setup.sh [native|wasm|web|python|all]
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
WASM_PACK_VERSION=0.15.1

need_wasm() { [[ $what == wasm || $what == web || $what == all ]]; }
need_web()  { [[ $what == web || $what == all ]]; }
need_python() { [[ $what == python || $what == all ]]; }

if need_web; then
  export DEBIAN_FRONTEND=noninteractive
  missing=()
  # chromium(+driver): browser tests; wqy: CJK glyphs in screenshots. No C compiler for
  # wasm32: the module has no C code (zhconv's build script compresses with zstd natively).
  for p in chromium chromium-driver fonts-wqy-microhei; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if ((${#missing[@]})); then
    echo "setup: apt-get install ${missing[*]}" >&2
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  # Debian's wasm-opt (binaryen 108) silently produces a module that fails at start.
  if dpkg-query -W -f='${Status}' binaryen 2>/dev/null | grep -q 'install ok installed'; then
    echo "setup: removing Debian binaryen (its wasm-opt breaks the module)" >&2
    apt-get remove -y -qq binaryen >/dev/null
  fi
fi

if need_wasm; then
  rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
  [[ "$(wasm-pack --version 2>/dev/null)" == "wasm-pack $WASM_PACK_VERSION" ]] ||
    cargo install wasm-pack --version "$WASM_PACK_VERSION" --locked
  # wasm-bindgen-cli must equal the wasm-bindgen that Cargo.lock pins, or wasm-pack tries a download.
  [[ -f Cargo.lock ]] || cargo generate-lockfile
  lock_ver=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
  [[ "$(wasm-bindgen --version 2>/dev/null)" == "wasm-bindgen $lock_ver" ]] ||
    cargo install wasm-bindgen-cli --version "$lock_ver" --force   # no --locked: its lock names a yanked crate
fi

if need_web; then
  # playwright-core drives /usr/bin/chromium in tests/e2e (it downloads no browser); chart.js is
  # copied into dist/. Re-install when package-lock.json is newer than the installed tree.
  if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ||
        ! -d node_modules/playwright-core || ! -d node_modules/chart.js ]]; then
    npm ci --no-audit --no-fund --loglevel=error
  fi
  # scripts/webconf.py reads wasm-pack.toml with tomllib (Python 3.11+)
  python3 -c 'import tomllib' 2>/dev/null || { echo "setup: python3 >= 3.11 needed (tomllib)" >&2; exit 1; }
fi

if need_python; then
  # The Python package and its Spark job (python/, tests/python): Java for Spark (4.x needs 17+),
  # and a virtual environment .venv/ with the pinned tools of python/requirements-dev.txt.
  if ! command -v java >/dev/null 2>&1; then
    echo "setup: apt-get install openjdk-17-jre-headless" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless >/dev/null
  fi
  if ! python3 -c 'import ensurepip' 2>/dev/null; then
    echo "setup: apt-get install python3-venv" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends python3-venv >/dev/null
  fi
  [[ -x .venv/bin/python ]] || python3 -m venv .venv
  # re-install only when the pins changed since the last install
  if ! cmp -s python/requirements-dev.txt .venv/requirements-installed.txt; then
    echo "setup: pip install -r python/requirements-dev.txt into .venv" >&2
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -r python/requirements-dev.txt
    cp python/requirements-dev.txt .venv/requirements-installed.txt
  fi
fi
