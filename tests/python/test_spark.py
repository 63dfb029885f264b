"""`python -m zhibiao.spark` in local[2] over the seeds and the corpus writes Parquet whose
rows are the command line's metrics (about 40 s, most of it the JVM starting)."""

import os
import shutil
import subprocess
import sys

import pyarrow.parquet as pq

from zhibiao.spark import ARROW_SCHEMA, SCHEMA, rows_of


def test_schema_is_flat_and_matches():
    assert SCHEMA.count(",") + 1 == len(ARROW_SCHEMA)
    assert "error_type string" in SCHEMA and "span_end int" in SCHEMA


def test_error_row_keeps_the_document():
    import zhibiao

    (row,) = rows_of("x", zhibiao.Empty("empty input"))
    assert row[0] == "x" and row[-2:] == ("Empty", "empty input") and set(row[1:-2]) == {None}


def test_spark_job_writes_the_cli_metrics(tmp_path, docs, cli_reports_no_keywords):
    out = tmp_path / "metrics"
    inputs = sorted({str(p.parent) for p in docs})
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable)
    run = subprocess.run(
        [sys.executable, "-m", "zhibiao.spark", *inputs, "--output", str(out), "--master", "local[2]"],
        capture_output=True, text=True, env=env, timeout=600,
    )
    assert run.returncode == 0, run.stderr[-4000:]
    table = pq.read_table(out)
    assert table.schema.names == ARROW_SCHEMA.names
    got = sorted(tuple(r.values()) for r in table.to_pylist())
    want = []
    for p in docs:
        uri = "file:" + str(p)
        report = cli_reports_no_keywords.get(str(p))
        if report is None:
            continue  # refused by the CLI: checked below as an error row
        want.extend(rows_of(uri, report))
    refused = {"file:" + str(p) for p in docs if str(p) not in cli_reports_no_keywords}
    errors = {r[0] for r in got if r[-2] is not None}
    assert errors == refused
    assert [r for r in got if r[-2] is None] == sorted(want)
    shutil.rmtree(out)
