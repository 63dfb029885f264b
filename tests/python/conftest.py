"""Shared fixtures: the documents (seeds and corpus, used in place) and the command line's
reports of them, made now by the CLI binary so the binding is compared with what the
command line prints today, never with stored JSON."""

import json
import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("ZHIBIAO_SHARED", REPO.parent / "shared"))
CLI = Path(os.environ.get("ZHIBIAO_CLI", REPO / "target" / "release" / "zhibiao"))


def documents():
    docs = [p for d in ("seeds", "corpus") for p in sorted((SHARED / d).iterdir()) if p.is_file()]
    assert docs, f"no documents under {SHARED}"
    return docs


@pytest.fixture(scope="session")
def docs():
    return documents()


@pytest.fixture(scope="session")
def cli_reports(docs):
    """name → the CLI's report (`--format json`), for every document it gives one."""
    assert CLI.exists(), f"{CLI} missing: cargo build --release --bin zhibiao"
    out = subprocess.run([str(CLI), "--format", "json", *map(str, docs)], capture_output=True, check=False)
    assert out.returncode in (0, 1), out.stderr.decode()
    return {r["source"]["name"]: r for r in json.loads(out.stdout)}


@pytest.fixture(scope="session")
def cli_reports_no_keywords(docs):
    out = subprocess.run([str(CLI), "--format", "json", "--no-keywords", *map(str, docs)],
                         capture_output=True, check=False)
    assert out.returncode in (0, 1), out.stderr.decode()
    return {r["source"]["name"]: r for r in json.loads(out.stdout)}
