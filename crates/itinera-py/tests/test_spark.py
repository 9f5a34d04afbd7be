"""The Spark example (examples/spark_geoparse.py) in local mode on the development corpus:
its mentions equal `itinera extract --jsonl --offsets chars` on the same documents, row for
row, and its top places and map agree with them."""

import collections
import csv
import json
import os
import shutil
import subprocess
import sys

import pytest

from conftest import require

COLUMNS = ["start", "end", "text", "name", "geonameid", "kind", "country", "lat", "lon", "score"]


def test_spark_output_equals_the_command_line(repo, cli, tmp_path):
    require("pyspark")
    pq = require("pyarrow.parquet")
    if shutil.which("java") is None:
        if os.environ.get("CI"):
            pytest.fail("java is missing under CI: .ci/run must install default-jre-headless")
        pytest.skip("java is not installed")
    corpus = repo.parent / "shared" / "geoparse-dev" / "geovirus.jsonl"
    out = tmp_path / "out"
    top = 12
    done = subprocess.run(
        [sys.executable, str(repo / "examples" / "spark_geoparse.py"), str(corpus), str(out),
         "--master", "local[2]", "--top", str(top)],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stderr[-4000:]

    spark = collections.defaultdict(list)
    for row in pq.read_table(out / "mentions.parquet").to_pylist():
        spark[row["id"]].append([row[c] for c in COLUMNS])
    for rows in spark.values():
        rows.sort()

    expected = {}
    for line in cli("extract", "--jsonl", "--offsets", "chars", str(corpus)).splitlines():
        d = json.loads(line)
        expected[d["id"]] = sorted([m[c] for c in COLUMNS] for m in d["mentions"])
    assert len(expected) == 229
    assert sum(len(v) for v in expected.values()) > 1000
    # Row for row: every document's mentions, and no document with mentions the CLI lacks.
    for doc, rows in expected.items():
        assert spark.get(doc, []) == rows, doc
    assert set(spark) <= set(expected)

    # The top places, counted from the CLI's mentions, and the map.
    counts = collections.Counter()
    for rows in expected.values():
        for r in rows:
            counts[(r[3], r[7], r[8])] += 1
    with open(out / "top_places.csv", encoding="utf-8") as f:
        places = list(csv.DictReader(f))
    assert len(places) == top
    assert places[0]["name"] == max(counts.items(), key=lambda kv: kv[1])[0][0]
    assert places[0]["note"].startswith(f"{max(counts.values())} mentions")
    assert (out / "top_places.png").read_bytes()[:4] == b"\x89PNG"


def test_spark_example_on_a_corpus_without_places(repo, tmp_path):
    """Issue 28's probe: an empty corpus (or one with no places) crashed the example's map step
    with a traceback; it writes the empty mentions table and says there is no map."""
    require("pyspark")
    if shutil.which("java") is None:
        if os.environ.get("CI"):
            pytest.fail("java is missing under CI: .ci/run must install default-jre-headless")
        pytest.skip("java is not installed")
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "a", "text": "nothing here"}\n{"id": "b", "text": null}\n')
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, str(repo / "examples" / "spark_geoparse.py"), str(corpus), str(out),
         "--master", "local[1]"],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    assert "no places mentioned" in done.stderr
    assert (out / "mentions.parquet").exists()
    assert not (out / "top_places.png").exists()
