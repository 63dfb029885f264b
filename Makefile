# Zhibiao — the one entry point. On a fresh machine: `make serve` or `make test`.
SHELL := bash
.PHONY: test test-native test-wasm test-e2e test-python wheel setup-python serve dist wasm bench bench-browser setup setup-web clean-web

# every test: native, wasm in headless Chromium, the page end to end
test: test-native test-wasm test-e2e test-python

test-native:
	cargo test --profile test-opt --all-targets

setup:
	scripts/setup.sh all

# the tools the wasm build and the browser tests need (idempotent; fast when present)
setup-web:
	scripts/setup.sh web

# wasm module + glue into www/pkg (settings: wasm-pack.toml)
wasm: setup-web
	scripts/build-web.sh

# the complete static site in dist/: copy it to any static host, under any path
dist: wasm
	scripts/dist.sh dist

# wasm-bindgen tests (tests/web.rs) in headless Chromium; compares with the native CLI
test-wasm: setup-web
	scripts/test-wasm.sh

# the page in headless Chromium (playwright-core) against dist/ served on 127.0.0.1
test-e2e: dist
	cargo build --release --quiet --bin zhibiao
	node --test --test-concurrency=1 tests/e2e/*.test.mjs

# the page's browser benchmark (issues 6, 12): prints tables (docs/bench-browser.md); not part of `make test`
# e.g. make bench-browser BENCH_ARGS='--cold 15 --workers 2 --json /tmp/bench.json'
# (each Chromium gets its own temp dir, removed when it closes: tests/e2e/helpers.mjs launch())
bench-browser: dist
	node scripts/bench-browser.mjs $(BENCH_ARGS)

# build and serve the page on http://127.0.0.1:$(PORT)/
PORT ?= 8000
serve: dist
	PORT=$(PORT) scripts/serve.sh

clean-web:
	rm -rf dist www/pkg target/web-test

# native benchmarks (criterion) and the CLI's time and memory; numbers in BENCHMARKS.md
bench:
	scripts/bench-native.sh

# the Python side's tools in .venv/ (Java when missing; pinned maturin, pyspark, pyarrow, pytest)
setup-python:
	scripts/setup.sh python

# the Python package: one abi3 wheel (CPython >= 3.9) in target/wheels/
wheel: setup-python
	.venv/bin/maturin build --release --out target/wheels

# the binding against the CLI on every seed and corpus document, its errors, and the Spark
# job in local[2] (tests/python). The wheel is built with the test-opt profile (no LTO, deps
# shared with test-native): the same code as `make wheel`, minutes less to link.
test-python: setup-python
	cargo build --release --quiet --bin zhibiao
	rm -rf target/wheels-test
	.venv/bin/maturin build --profile test-opt --out target/wheels-test
	.venv/bin/python -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps target/wheels-test/zhibiao-*.whl
	cd tests/python && ../../.venv/bin/python -m pytest -q -p no:cacheprovider .
