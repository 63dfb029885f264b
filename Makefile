# Zhibiao — the one entry point. On a fresh machine: `make serve` or `make test`.
SHELL := bash
.PHONY: test test-native serve dist bench setup

test: test-native

test-native:
	cargo test --release --all-targets

setup:
	scripts/setup.sh all
