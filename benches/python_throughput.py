"""Geoparsing throughput per core: the command line, the Python package and Spark on the same
JSON Lines corpus (issue 17: Spark within 20% of the command line). Run by benches/python.sh.

    python benches/python_throughput.py CORPUS.jsonl ITINERA_BINARY
"""

import json
import os
import subprocess
import sys
import time

corpus, binary = sys.argv[1], sys.argv[2]
size = os.path.getsize(corpus)
mib = size / 1048576
texts = [json.loads(line)["text"] for line in open(corpus, encoding="utf-8")]


def report(label, seconds, base=None):
    rate = mib / seconds
    ratio = f"  {rate / base:5.2f}x the CLI" if base else ""
    print(f"{label:44s} {seconds:7.2f} s  {rate:6.2f} MiB/s{ratio}", flush=True)
    return rate


print(f"corpus: {mib:.1f} MiB, {len(texts)} documents ({corpus})")
t = time.perf_counter()
subprocess.run([binary, "extract", corpus, "-q", "--threads", "1"], stdout=subprocess.DEVNULL, check=True)
cli = report("itinera extract --threads 1 (whole process)", time.perf_counter() - t)

import itinera  # noqa: E402
import pyarrow as pa  # noqa: E402

t = time.perf_counter()
itinera.extract_batch(texts, threads=1)
report("itinera.extract_batch(threads=1)", time.perf_counter() - t, cli)
array = pa.array(texts)
t = time.perf_counter()
itinera.extract_arrow(array, threads=1)
report("itinera.extract_arrow(threads=1)", time.perf_counter() - t, cli)

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "examples"))
os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
from pyspark.sql import SparkSession  # noqa: E402
from spark_geoparse import MENTIONS, geoparse  # noqa: E402

spark = (
    SparkSession.builder.master("local[1]")
    .config("spark.ui.enabled", "false")
    .getOrCreate()
)
spark.sparkContext.setLogLevel("ERROR")
out = os.path.join(os.environ.get("TMPDIR", "/tmp"), "itinera-spark-bench")
# A first small job starts the Python worker and loads itinera, as a long job pays once.
spark.read.json(corpus).limit(10).select("id", "text").mapInArrow(geoparse("id", "text"), MENTIONS).count()
t = time.perf_counter()
(
    spark.read.json(corpus)
    .select("id", "text")
    .mapInArrow(geoparse("id", "text"), MENTIONS)
    .write.mode("overwrite")
    .parquet(out)
)
report("Spark local[1]: read JSON, mapInArrow, write Parquet", time.perf_counter() - t, cli)
spark.stop()
