#!/usr/bin/env python3
"""Writes a benchmark corpus for `itinera extract` from the annotated articles.

    python3 benches/make_corpus.py OUT_DIR [MIB]

OUT_DIR/corpus.jsonl ({"id","text"} per line) and OUT_DIR/corpus.txt (the same texts, blank
lines between), at least MIB MiB (default 64). Documents are the articles' paragraphs shuffled
and recombined; in a third of the paragraphs one annotated toponym is swapped for a random
gazetteer city, so the geoparser meets ~50,000 distinct names, not only the articles' few
hundred (a cache of readings would otherwise make the run unrealistically cheap).
Deterministic (seed 7)."""
import gzip, json, os, random, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def main():
    out = sys.argv[1]
    mib = float(sys.argv[2]) if len(sys.argv) > 2 else 64
    rnd = random.Random(7)
    docs = [json.loads(l) for l in open(os.path.join(ROOT, "tests", "geoparse", "gold.jsonl"), encoding="utf-8")]
    paras = []
    for d in docs:
        raw = d["text"].encode()
        tops = d["toponyms"]
        pos = 0
        for p in raw.split(b"\n"):
            if p.strip():
                inside = [t for t in tops if pos <= t["start"] and t["end"] <= pos + len(p)]
                paras.append((p, [(t["start"] - pos, t["end"] - pos) for t in inside]))
            pos += len(p) + 1
    names = []
    with gzip.open(os.path.join(ROOT, "geodata", "places.tsv.gz"), "rt", encoding="utf-8") as f:
        next(f)
        for line in f:
            c = line.split("\t", 4)
            if c[1] == "city" and c[2].isascii() and c[2][:1].isupper():
                names.append(c[2])
    names = rnd.sample(names, 50_000)
    os.makedirs(out, exist_ok=True)
    target = int(mib * 1024 * 1024)
    size = 0
    n = 0
    with open(os.path.join(out, "corpus.jsonl"), "w", encoding="utf-8") as jl, \
            open(os.path.join(out, "corpus.txt"), "w", encoding="utf-8") as tx:
        while size < target:
            parts = []
            for _ in range(rnd.randint(4, 8)):
                p, spans = rnd.choice(paras)
                if spans and rnd.random() < 0.33:
                    a, b = rnd.choice(spans)
                    p = p[:a] + rnd.choice(names).encode() + p[b:]
                parts.append(p.decode())
            text = "\n".join(parts)
            jl.write(json.dumps({"id": f"doc{n}", "text": text}, ensure_ascii=False) + "\n")
            tx.write(text + "\n\n")
            size += len(text.encode()) + 2
            n += 1
    print(f"{n} documents, {size / 1048576:.1f} MiB -> {out}")


if __name__ == "__main__":
    main()
