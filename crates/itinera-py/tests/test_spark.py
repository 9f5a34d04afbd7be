"""The Spark example (examples/spark_geoparse.py) in local mode on the development corpus:
its mentions equal `itinera extract --jsonl --offsets chars` on the same documents, row for
row, and its top places and map agree with them."""

import collections
import csv
import json
import os
import re
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

    # The top places: the first rows of `extract --places` on the same corpus, byte for byte
    # (place, geonameid, lat, lon, country, mentions, documents; most mentioned first).
    summary = tmp_path / "places.csv"
    cli("extract", "--jsonl", "--offsets", "chars", str(corpus), "--places", str(summary))
    expected_rows = summary.read_text(encoding="utf-8").splitlines(keepends=True)[: top + 1]
    written = (out / "top_places.csv").read_text(encoding="utf-8")
    assert written == "".join(expected_rows)
    with open(out / "top_places.csv", encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        places = list(reader)
    assert reader.fieldnames == ["place", "geonameid", "lat", "lon", "country", "mentions", "documents"]
    assert len(places) == top
    counts = collections.Counter()
    for rows in expected.values():
        for r in rows:
            counts[r[3]] += 1
    assert int(places[0]["mentions"]) == max(counts.values())
    assert all(int(p["documents"]) <= int(p["mentions"]) for p in places)
    assert (out / "top_places.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    # The same CSV as an SVG: a circle per place, areas proportional to mentions.
    import itinera

    itinera.render(out / "top_places.csv", tmp_path / "top.svg", size_by="mentions")
    svg = (tmp_path / "top.svg").read_text(encoding="utf-8")
    circles = re.findall(r'<circle class="symbol"[^>]*>', svg)
    assert len(circles) == top, svg[:2000]
    r_and_v = [
        (float(re.search(r' r="([0-9.]+)"', c).group(1)), float(re.search(r'data-value="([0-9.]+)"', c).group(1)))
        for c in circles
    ]
    assert sorted(v for _, v in r_and_v) == sorted(float(p["mentions"]) for p in places)
    per_value = [r * r / v for r, v in r_and_v]
    assert max(per_value) / min(per_value) < 1.05, r_and_v


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
