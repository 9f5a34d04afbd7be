"""Geoparse a news archive with Apache Spark, then map its most-mentioned places.

    python examples/spark_geoparse.py CORPUS OUT [--top 20] [--master local[2]]

CORPUS is JSON Lines or Parquet (a file or a folder) with an `id` and a `text` column
(`--id`, `--text` name others). Two steps:

1. Geoparse: `mapInArrow` hands each Python worker Arrow record batches; `itinera.extract_arrow`
   reads their strings in place, on the worker's cores, and returns one row per mention.
   A worker loads itinera once (Spark reuses Python workers) and the gazetteer is mapped from
   the package's library file, so there is no per-batch start-up. The mentions are written as
   Parquet to OUT/mentions.parquet: id, start, end (offsets in characters), text, name,
   geonameid, kind, country, lat, lon, score - the rows of `itinera extract --jsonl
   --offsets chars`.
2. Aggregate: per place, how many times the corpus mentions it and in how many documents,
   most mentioned first (then documents, then name). The top places go to OUT/top_places.csv
   with the columns of `itinera extract --places`: place, geonameid, lat, lon, country,
   mentions, documents. The map OUT/top_places.png draws them as proportional symbols (circle
   area proportional to mentions, with a size legend): `itinera.render(csv, png,
   size_by="mentions")`, as `itinera render top_places.csv --size-by mentions` draws it
   (`--size-by documents` maps the other count).

Needs pyspark (and Java 17+), pyarrow and the itinera wheel.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys

MENTIONS = (
    "id string, start long, end long, text string, name string, geonameid long, "
    "kind string, country string, lat double, lon double, score double"
)

# The columns of `itinera extract --places`, which `render --size-by` reads.
PLACES = ["place", "geonameid", "lat", "lon", "country", "mentions", "documents"]


def geoparse(id_column: str, text_column: str):
    """The mapInArrow function: record batches of documents in, batches of mentions out."""

    def run(batches):
        import pyarrow as pa
        import pyarrow.compute as pc

        import itinera

        for batch in batches:
            ids = pc.cast(batch.column(id_column), pa.string())
            # One thread: Spark runs a task per core already.
            mentions = itinera.extract_arrow(batch.column(text_column), threads=1)
            doc = mentions.column("doc")
            table = mentions.drop_columns(["doc"]).add_column(0, "id", pc.take(ids, doc))
            yield from table.to_batches()

    return run


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", help="JSON Lines or Parquet: a file or a folder")
    parser.add_argument("out", help="output folder")
    parser.add_argument("--top", type=int, default=20, help="places on the map (20)")
    parser.add_argument("--master", default="local[2]", help="Spark master (local[2])")
    parser.add_argument("--id", default="id", help="document id column (id)")
    parser.add_argument("--text", default="text", help="text column (text)")
    args = parser.parse_args(argv)

    # Workers run the Python that runs this script (in local mode; clusters set their own).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F

    import itinera

    spark = (
        SparkSession.builder.master(args.master)
        .appName("itinera-geoparse")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    try:
        if _is_parquet(args.corpus):
            docs = spark.read.parquet(args.corpus)
        else:
            # The two columns named: Spark would otherwise read the whole corpus once more to
            # infer a schema.
            docs = spark.read.schema(f"`{args.id}` string, `{args.text}` string").json(args.corpus)
        docs = docs.select(args.id, args.text)
        mentions = docs.mapInArrow(geoparse(args.id, args.text), MENTIONS)
        out = os.path.join(args.out, "mentions.parquet")
        mentions.write.mode("overwrite").parquet(out)

        # Step 2 reads what step 1 wrote: mentions and documents per place, ordered as
        # `extract --places` orders them. A place is its GeoNames id; one without (a curated
        # feature) is its name and position.
        top = (
            spark.read.parquet(out)
            .groupBy("geonameid", "name", "country", "lat", "lon")
            .agg(
                F.count("*").alias("mentions"),
                F.countDistinct("id").alias("documents"),
                F.first("kind").alias("kind"),
            )
            .orderBy(F.desc("mentions"), F.desc("documents"), "name")
            .limit(args.top)
            .collect()
        )
    finally:
        spark.stop()

    if not top:
        # An empty corpus, or one without places: the mentions table is written (empty), and
        # there is nothing to map.
        print(f"no places mentioned in {args.corpus}; no map drawn", file=sys.stderr)
        return 0
    places = os.path.join(args.out, "top_places.csv")
    with open(places, "w", newline="", encoding="utf-8") as f:
        # Written as `extract --places` writes it, so the two files agree byte for byte.
        w = csv.writer(f, lineterminator="\n")
        w.writerow(PLACES)
        for r in top:
            geonameid = "" if r["geonameid"] is None else r["geonameid"]
            where = [_degrees(r["lat"]), _degrees(r["lon"])]
            w.writerow([r["name"], geonameid, *where, r["country"], r["mentions"], r["documents"]])
    itinera.render(
        places,
        os.path.join(args.out, "top_places.png"),
        size_by="mentions",
        title=f"The {len(top)} places most mentioned",
        subtitle=os.path.basename(args.corpus.rstrip("/")),
    )
    for r in top:
        print(f"{r['mentions']:6d} {r['documents']:5d}  {r['name']} ({r['country'] or r['kind']})")
    return 0


def _degrees(x: float) -> str:
    """A coordinate (rounded to six decimals by the geoparser) as itinera writes it: `2`,
    `36.7015`, `-0.19`."""
    return f"{x + 0.0:.6f}".rstrip("0").rstrip(".")


def _is_parquet(path: str) -> bool:
    if os.path.isdir(path):
        return any(n.endswith(".parquet") for n in os.listdir(path))
    return path.endswith(".parquet")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
