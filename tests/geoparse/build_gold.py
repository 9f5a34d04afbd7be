#!/usr/bin/env python3
"""Builds tests/geoparse/gold.jsonl from the annotated articles in tests/geoparse/articles/*.txt.

    python3 tests/geoparse/build_gold.py          # writes gold.jsonl, prints counts
    python3 tests/geoparse/build_gold.py --check  # fails if gold.jsonl is out of date

An article file is a header, a line `---`, then the text. In the text every toponym is marked
`[[surface|ref]]`: `ref` is a geonameid from geodata/places.tsv.gz or geodata/features.tsv (find one
with tests/geoparse/find.py), or explicit `lat,lon` for a place itinera does not ship. The output has
one JSON object per article: {"id","text","toponyms":[{"start","end","name","lat","lon"}]}, with
start/end byte offsets into the UTF-8 text (end exclusive) and the gazetteer's name of the place."""
import gzip, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
MARK = re.compile(r"\[\[([^\[\]|]+)\|([^\[\]|]+)\]\]")


def gazetteer():
    table = {}
    with gzip.open(os.path.join(ROOT, "geodata", "places.tsv.gz"), "rt", encoding="utf-8") as f:
        next(f)
        for line in f:
            c = line.split("\t", 5)
            table[c[0]] = (c[2], float(c[3]), float(c[4]))
    with open(os.path.join(ROOT, "geodata", "features.tsv"), encoding="utf-8") as f:
        for line in f:
            c = line.split("\t")
            if line.startswith("#") or c[0] == "id":
                continue
            table[c[0]] = (c[1], float(c[3]), float(c[4]))
    return table


def parse(path, table):
    raw = open(path, encoding="utf-8").read()
    header, sep, body = raw.partition("\n---\n")
    if not sep:
        sys.exit(f"{path}: no '---' line between header and text")
    meta = dict(l.split(":", 1) for l in header.splitlines() if ":" in l)
    doc_id = meta.get("id", "").strip() or os.path.splitext(os.path.basename(path))[0]
    text = b""
    toponyms = []
    pos = 0
    body = body.strip() + "\n"
    for m in MARK.finditer(body):
        text += body[pos:m.start()].encode("utf-8")
        surface, ref = m.group(1), m.group(2).strip()
        start = len(text)
        text += surface.encode("utf-8")
        if re.fullmatch(r"-?\d+", ref):
            if ref not in table:
                sys.exit(f"{path}: [[{surface}|{ref}]]: no place with id {ref}")
            name, lat, lon = table[ref]
        else:
            try:
                lat, lon = (float(x) for x in ref.split(","))
            except ValueError:
                sys.exit(f"{path}: [[{surface}|{ref}]]: ref must be a geonameid or lat,lon")
            name = surface
        toponyms.append({"start": start, "end": len(text), "name": name, "lat": lat, "lon": lon})
        pos = m.end()
    text += body[pos:].encode("utf-8")
    if "[[" in body[pos:] or "]]" in body[pos:]:
        sys.exit(f"{path}: unbalanced [[ ]] after the last toponym")
    return {"id": doc_id, "text": text.decode("utf-8"), "toponyms": toponyms}


def main():
    table = gazetteer()
    names = sorted(n for n in os.listdir(os.path.join(HERE, "articles")) if n.endswith(".txt"))
    docs = [parse(os.path.join(HERE, "articles", n), table) for n in names]
    out = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs)
    target = os.path.join(HERE, "gold.jsonl")
    if "--check" in sys.argv:
        if open(target, encoding="utf-8").read() != out:
            sys.exit("gold.jsonl is out of date: run python3 tests/geoparse/build_gold.py")
    else:
        open(target, "w", encoding="utf-8").write(out)
    n = sum(len(d["toponyms"]) for d in docs)
    words = sum(len(d["text"].split()) for d in docs)
    print(f"{len(docs)} articles, {n} toponyms, {words} words")


if __name__ == "__main__":
    main()
