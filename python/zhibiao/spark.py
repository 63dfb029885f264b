"""Zhibiao on Spark: a DataFrame of documents in, a DataFrame of metric rows out.

    from zhibiao.spark import metrics
    docs = spark.read.format("binaryFile").option("recursiveFileLookup", "true").load("s3a://bucket/pages/")
    metrics(docs, content="content", name="path").write.parquet("s3a://bucket/metrics/")

or from the shell::

    python -m zhibiao.spark INPUT... --output DIR [--parquet-column COL [--name-column COL]]

The documents go through ``mapInArrow``: Arrow batches to the Python workers, each batch
analysed by :func:`zhibiao.analyze_many` with the GIL released, the rows back as Arrow.

One row per metric (``SCHEMA``); a document that has no report gives one row whose
``error_type`` and ``error`` say why (every other column but ``document`` null), so one bad
page never fails the job. A document with a report but no metrics gives no row.

Columns:
    document         the name column's value (binaryFile: the file's URI)
    title, date      the document's title and ISO date (SPEC §2 ``document``)
    document_region  the region the document is mainly about
    metric           the metric's position in the document's report (0, 1, …)
    indicator, indicator_key, value, unit, raw, approx, value_max, region, category,
    sentence         as in the report's metric
    change_direction, change_value, change_unit, change_raw   its ``change``
    period_text, period_start, period_end                     its ``period``
    span_start, span_end   its ``span``: char offsets of ``raw`` in the report's text
    error_type       null, or ``Empty``, ``NotText``, ``TooLarge``, ``InternalError``
    error            the message
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Iterator, Optional

import pyarrow as pa

import zhibiao

# (name, Arrow type); the Spark schema is derived from it so the two never disagree
_COLUMNS = [
    ("document", pa.string()),
    ("title", pa.string()),
    ("date", pa.string()),
    ("document_region", pa.string()),
    ("metric", pa.int32()),
    ("indicator", pa.string()),
    ("indicator_key", pa.string()),
    ("value", pa.float64()),
    ("unit", pa.string()),
    ("raw", pa.string()),
    ("approx", pa.string()),
    ("value_max", pa.float64()),
    ("change_direction", pa.string()),
    ("change_value", pa.float64()),
    ("change_unit", pa.string()),
    ("change_raw", pa.string()),
    ("period_text", pa.string()),
    ("period_start", pa.string()),
    ("period_end", pa.string()),
    ("region", pa.string()),
    ("category", pa.string()),
    ("sentence", pa.string()),
    ("span_start", pa.int32()),
    ("span_end", pa.int32()),
    ("error_type", pa.string()),
    ("error", pa.string()),
]

ARROW_SCHEMA = pa.schema(_COLUMNS)

_SPARK_TYPES = {pa.string(): "string", pa.int32(): "int", pa.float64(): "double"}

#: The output schema as a Spark DDL string.
SCHEMA = ", ".join(f"{n} {_SPARK_TYPES[t]}" for n, t in _COLUMNS)

#: Documents per call into the core: enough to keep every thread busy, few enough that a
#: batch of large pages stays small in memory.
CHUNK = 256


def rows_of(name: str, result) -> list[tuple]:
    """The rows of one document: its metrics, or one error row."""
    if isinstance(result, BaseException):
        return [(name,) + (None,) * (len(_COLUMNS) - 3) + (type(result).__name__, str(result))]
    doc = result["document"]
    head = (name, doc["title"], doc["date"], doc["region"])
    rows = []
    for i, m in enumerate(result["metrics"]):
        c = m["change"] or {}
        p = m["period"] or {}
        rows.append(
            head
            + (
                i,
                m["indicator"],
                m["indicator_key"],
                m["value"],
                m["unit"],
                m["raw"],
                m["approx"],
                m["value_max"],
                c.get("direction"),
                c.get("value"),
                c.get("unit"),
                c.get("raw"),
                p.get("text"),
                p.get("start"),
                p.get("end"),
                m["region"],
                m["category"],
                m["sentence"],
                m["span"][0],
                m["span"][1],
                None,
                None,
            )
        )
    return rows


def _batch(rows: list[tuple]) -> pa.RecordBatch:
    columns = list(zip(*rows)) if rows else [()] * len(_COLUMNS)
    return pa.RecordBatch.from_arrays(
        [pa.array(col, type=t) for col, (_, t) in zip(columns, _COLUMNS)], schema=ARROW_SCHEMA
    )


def analyze_batches(
    batches: Iterator[pa.RecordBatch],
    content: str,
    name: Optional[str],
    threads: Optional[int] = None,
    keywords: bool = False,
) -> Iterator[pa.RecordBatch]:
    """The ``mapInArrow`` function: document batches in, metric-row batches out."""
    for batch in batches:
        contents = batch.column(content).to_pylist()
        names = batch.column(name).to_pylist() if name else [""] * len(contents)
        for at in range(0, len(contents), CHUNK):
            items = [
                (n if n is not None else "", c if c is not None else b"")
                for n, c in zip(names[at : at + CHUNK], contents[at : at + CHUNK])
            ]
            results = zhibiao.analyze_many(
                items, threads=threads, return_exceptions=True, keywords=keywords
            )
            rows = []
            for (n, _), r in zip(items, results):
                rows.extend(rows_of(n, r))
            yield _batch(rows)


def metrics(df, content: str = "content", name: Optional[str] = "path"):
    """A DataFrame of metric rows (``SCHEMA``) from a DataFrame of documents.

    ``content`` is a binary or string column of documents (bytes in any supported
    encoding); ``name`` a column that names each document (``None``: no name). Each task
    analyses its documents on as many threads as ``spark.task.cpus`` gives it.
    """
    cols = [content] + ([name] if name else [])
    cpus = int(df.sparkSession.conf.get("spark.task.cpus", "1"))

    def run(batches):
        return analyze_batches(batches, content, name, threads=cpus)

    return df.select(*cols).mapInArrow(run, SCHEMA)


def _parse_args(argv):
    ap = argparse.ArgumentParser(
        prog="python -m zhibiao.spark",
        description="Extract metrics from documents with Spark and write them as Parquet.",
    )
    ap.add_argument("inputs", nargs="+", metavar="INPUT",
                    help="files, directories (read recursively) or globs, local or s3a:// etc.")
    ap.add_argument("--output", required=True, metavar="DIR", help="where to write the Parquet")
    ap.add_argument("--parquet-column", metavar="COL",
                    help="read INPUTs as Parquet and take documents from this column")
    ap.add_argument("--name-column", metavar="COL",
                    help="with --parquet-column: the column naming each document")
    ap.add_argument("--overwrite", action="store_true", help="replace DIR if it exists")
    ap.add_argument("--master", help="Spark master when not run by spark-submit, e.g. local[2]")
    return ap.parse_args(argv)


def main(argv=None) -> int:
    args = _parse_args(argv)
    # the workers run this interpreter (the one with zhibiao), unless told otherwise
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("zhibiao")
    if args.master:
        builder = builder.master(args.master)
    # small Arrow batches (a batch is whole documents) and files packed by size, not
    # padded to 4 MB each, so a task holds thousands of small pages, not 32
    builder = builder.config("spark.sql.execution.arrow.maxRecordsPerBatch", str(CHUNK))
    builder = builder.config("spark.sql.files.openCostInBytes", "8192")
    spark = builder.getOrCreate()
    if args.parquet_column:
        df = spark.read.parquet(*args.inputs)
        out = metrics(df, content=args.parquet_column, name=args.name_column)
    else:
        df = spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(args.inputs)
        out = metrics(df, content="content", name="path")
    out.write.mode("overwrite" if args.overwrite else "errorifexists").parquet(args.output)
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
