#!/usr/bin/env python3
"""List gazetteer places whose name or alternate name is NAME, for annotating articles.

    python3 tests/geoparse/find.py Paris [US]

Prints geonameid (negative: curated), kind, name, country.admin1, population, lat, lon, largest first.
Reads geodata/places.tsv.gz and geodata/features.tsv (the data itinera ships)."""
import gzip, os, sys, unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c.lower() for c in s if c.isalnum() and not unicodedata.combining(c))


def places():
    with gzip.open(os.path.join(ROOT, "geodata", "places.tsv.gz"), "rt", encoding="utf-8") as f:
        next(f)
        for line in f:
            c = line.rstrip("\n").split("\t")
            yield c[0], c[1], c[2], float(c[3]), float(c[4]), c[5], c[6], int(c[7] or 0), c[8].split(",")
    with open(os.path.join(ROOT, "geodata", "features.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("id\t"):
                continue
            c = line.rstrip("\n").split("\t")
            yield c[0], c[2], c[1], float(c[3]), float(c[4]), "", "", 0, c[5].split(",")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    key = fold(sys.argv[1])
    cc = sys.argv[2].upper() if len(sys.argv) > 2 else None
    hits = [p for p in places() if (fold(p[2]) == key or any(fold(a) == key for a in p[8])) and (cc is None or p[5] == cc)]
    hits.sort(key=lambda p: -p[7])
    for gid, kind, name, lat, lon, c, a1, pop, _ in hits[:25]:
        print(f"{gid}\t{kind}\t{name}\t{c}.{a1}\tpop {pop}\t{lat},{lon}")
    if not hits:
        print("no place with that name", file=sys.stderr)


if __name__ == "__main__":
    main()
