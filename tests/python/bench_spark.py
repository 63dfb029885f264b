"""Throughput of the Spark path against the command line on the same files, same run
(BENCHMARKS.md, "Beyond one machine"). Not a test; run by hand:

    .venv/bin/python tests/python/bench_spark.py [--copies 80]

Copies the seeds and the corpus COPIES times into a temporary directory, then times
`zhibiao --no-keywords --format jsonl` (rayon on every core) and the Spark job in local[2]
(the JVM started and warmed up first, then the whole job: read, analyse, write Parquet).
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from conftest import CLI, documents  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=80)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    tmp = Path(tempfile.mkdtemp(prefix="zhibiao-bench-"))
    docs = documents()
    for i in range(args.copies):
        d = tmp / "in" / f"{i:04}"
        d.mkdir(parents=True)
        for p in docs:
            shutil.copy(p, d / p.name)
    n = args.copies * len(docs)
    size = sum(p.stat().st_size for p in docs) * args.copies
    print(f"{n} documents, {size / 1e6:.1f} MB; load: {os.getloadavg()}")

    from pyspark.sql import SparkSession

    import zhibiao.spark as zs

    spark = (SparkSession.builder.master("local[2]").appName("bench")
             .config("spark.sql.execution.arrow.maxRecordsPerBatch", str(zs.CHUNK))
             .config("spark.sql.files.openCostInBytes", "8192")
             .config("spark.ui.enabled", "false").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")

    def spark_job(out):
        df = spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(str(tmp / "in"))
        zs.metrics(df).write.mode("overwrite").parquet(str(out))

    def cli():
        subprocess.run([str(CLI), "--no-keywords", "--format", "jsonl", str(tmp / "in")],
                       stdout=subprocess.DEVNULL, check=True)

    spark_job(tmp / "warm")  # JVM, Python workers, zhibiao's lazily built tables
    for r in range(args.rounds):
        t = time.perf_counter(); cli(); c = time.perf_counter() - t
        t = time.perf_counter(); spark_job(tmp / "out"); s = time.perf_counter() - t
        print(f"round {r}: CLI {c:.2f} s ({n / c:.0f} docs/s), Spark local[2] {s:.2f} s "
              f"({n / s:.0f} docs/s), Spark/CLI throughput {c / s:.2f}; load {os.getloadavg()[0]:.2f}")
    spark.stop()
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
