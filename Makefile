# Zhibiao — the one entry point. On a fresh machine: `make serve` or `make test`.
SHELL := bash
.PHONY: test test-native test-wasm test-e2e serve dist wasm bench bench-browser setup setup-web clean-web

# every test: native, wasm in headless Chromium, the page end to end
test: test-native test-wasm test-e2e

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
	rm -rf "$${TMPDIR:-/tmp}"/org.chromium.Chromium.* 2>/dev/null || true

# the page's browser benchmark (issue 6): prints a table (docs/bench-browser.md); not part of `make test`
# e.g. make bench-browser BENCH_ARGS='--workers 2 --json /tmp/bench.json'
bench-browser: dist
	node scripts/bench-browser.mjs $(BENCH_ARGS)
	rm -rf "$${TMPDIR:-/tmp}"/org.chromium.Chromium.* 2>/dev/null || true

# build and serve the page on http://127.0.0.1:$(PORT)/
PORT ?= 8000
serve: dist
	PORT=$(PORT) scripts/serve.sh

clean-web:
	rm -rf dist www/pkg target/web-test

# native benchmarks (criterion) and the CLI's time and memory; numbers in BENCHMARKS.md
bench:
	scripts/bench-native.sh
