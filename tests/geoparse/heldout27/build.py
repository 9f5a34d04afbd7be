#!/usr/bin/env python3
"""Build heldout.jsonl from texts*.py + places.py.

Markup in the texts:
  [[surface]]            toponym; surface is also the key into places.P
  [[surface|key]]        toponym written as `surface`, resolved by places.P[key]
  {{surface}}            place word inside an organisation/facility/street name
                         (NOT a toponym) -> "inside_names"
Offsets are UTF-8 byte offsets into the final text, end-exclusive.
"""
import importlib, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from places import P  # noqa: E402

SOURCE = "held-out blind probe, issue 27"
TOKEN = re.compile(r"\[\[([^\[\]|]+)(?:\|([^\[\]]+))?\]\]|\{\{([^{}]+)\}\}")


def convert(marked):
    out = []          # pieces of plain text
    nbytes = 0        # running UTF-8 length of the plain text
    tops, inside = [], []
    pos = 0
    for m in TOKEN.finditer(marked):
        plain = marked[pos:m.start()]
        out.append(plain); nbytes += len(plain.encode("utf-8"))
        if m.group(3) is not None:
            surf = m.group(3)
            b = len(surf.encode("utf-8"))
            inside.append({"start": nbytes, "end": nbytes + b, "name": surf})
        else:
            surf, key = m.group(1), m.group(2) or m.group(1)
            if key not in P:
                raise KeyError(f"no place for key {key!r}")
            lat, lon, page = P[key]
            b = len(surf.encode("utf-8"))
            tops.append({"start": nbytes, "end": nbytes + b, "name": surf,
                         "lat": lat, "lon": lon, "page": page})
        out.append(surf); nbytes += b
        pos = m.end()
    tail = marked[pos:]
    out.append(tail)
    text = "".join(out)
    return text, tops, inside


def main():
    records, ids = [], set()
    for mod in ("texts1", "texts2", "texts3", "texts4"):
        for tid, marked in importlib.import_module(mod).TEXTS:
            assert tid not in ids, tid
            ids.add(tid)
            text, tops, inside = convert(marked.strip("\n"))
            # checks
            for mark in ("[[", "]]", "{{", "}}"):
                assert mark not in text, (tid, mark)
            raw = text.encode("utf-8")
            for s in tops + inside:
                assert raw[s["start"]:s["end"]].decode("utf-8") == s["name"], (tid, s)
            spans = sorted((s["start"], s["end"]) for s in tops + inside)
            for (a1, b1), (a2, b2) in zip(spans, spans[1:]):
                assert b1 <= a2, (tid, "overlap", a1, b1, a2, b2)
            for s in tops:
                assert -90 <= s["lat"] <= 90 and -180 <= s["lon"] <= 180, (tid, s)
            words = len(text.split())
            assert 100 <= words <= 180, (tid, words)
            records.append({"id": tid, "source": SOURCE, "text": text,
                            "toponyms": tops, "inside_names": inside})
    records.sort(key=lambda r: r["id"])
    path = os.path.join(HERE, "heldout.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    nt = sum(len(r["toponyms"]) for r in records)
    ni = sum(len(r["inside_names"]) for r in records)
    pages = {t["page"] for r in records for t in r["toponyms"]}
    print(f"{len(records)} texts, {nt} toponyms ({len(pages)} distinct pages), {ni} inside_names -> {path}")


if __name__ == "__main__":
    main()
