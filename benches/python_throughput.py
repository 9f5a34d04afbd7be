"""Geoparsing throughput per core: the command line, the Python package and Spark on the same
JSON Lines corpus (issue 17: Spark within 20% of the command line). Run by benches/python.sh.
Each way runs ROUNDS times (default 3), interleaved, so that a slow minute of the machine
falls on all of them; the medians and their ratios are printed.

    python benches/python_throughput.py CORPUS.jsonl ITINERA_BINARY
"""

import json
import os
import statistics
import subprocess
import sys
import time

corpus, binary = sys.argv[1], sys.argv[2]
rounds = int(os.environ.get("ROUNDS", "3"))
mib = os.path.getsize(corpus) / 1048576
texts = [json.loads(line)["text"] for line in open(corpus, encoding="utf-8")]

import itinera  # noqa: E402
import pyarrow as pa  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "examples"))
os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
from pyspark.sql import SparkSession  # noqa: E402
from spark_geoparse import MENTIONS, geoparse  # noqa: E402

spark = SparkSession.builder.master("local[1]").config("spark.ui.enabled", "false").getOrCreate()
spark.sparkContext.setLogLevel("ERROR")
out = os.path.join(os.environ.get("TMPDIR", "/tmp"), "itinera-spark-bench")


def docs():
    return spark.read.schema("id string, text string").json(corpus)


# A first small job starts the Python worker and loads itinera, as a long job pays once.
docs().limit(10).mapInArrow(geoparse("id", "text"), MENTIONS).count()
array = pa.array(texts)
ways = {
    "itinera extract --threads 1 (whole process)": lambda: subprocess.run(
        [binary, "extract", corpus, "-q", "--threads", "1"], stdout=subprocess.DEVNULL, check=True
    ),
    "itinera.extract_batch(threads=1)": lambda: itinera.extract_batch(texts, threads=1),
    "itinera.extract_arrow(threads=1)": lambda: itinera.extract_arrow(array, threads=1),
    "Spark local[1]: JSON, mapInArrow, Parquet": lambda: docs()
    .mapInArrow(geoparse("id", "text"), MENTIONS)
    .write.mode("overwrite")
    .parquet(out),
}
times = {k: [] for k in ways}
for _ in range(rounds):
    for label, run in ways.items():
        t = time.perf_counter()
        run()
        times[label].append(time.perf_counter() - t)
spark.stop()

print(f"corpus: {mib:.1f} MiB, {len(texts)} documents ({corpus}); median of {rounds} rounds")
cli = None
for label, ts in times.items():
    rate = mib / statistics.median(ts)
    cli = cli or rate
    spread = ", ".join(f"{mib / t:.2f}" for t in ts)
    print(f"{label:44s} {rate:6.2f} MiB/s  {rate / cli:5.2f}x the CLI  (rounds: {spread})")
