"""Is geoparsing linear in the document, whatever its shape? (issue 28, defect 3)

Builds one document per adversarial shape at doubling sizes, geoparses each as a single JSON
Lines document (never cut into blocks) with the release binary, and prints the time ratio of
each doubling. Linear work doubles the time (ratio near 2); quadratic work quadruples it.
Exits 1 when a shape's ratio at the largest sizes passes MAX_RATIO.

usage: python3 benches/linear.py BINARY [--max-kib 1024] [--max-ratio 2.6]
"""

import argparse
import gzip
import json
import os
import random
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def gazetteer_names(limit):
    """Distinct one-word and two-word names of the bundled gazetteer, most populous first."""
    rows = []
    with gzip.open(os.path.join(HERE, "..", "geodata", "places.tsv.gz"), "rt") as f:
        next(f)
        for line in f:
            cols = line.split("\t")
            name = cols[2]
            if name.replace(" ", "").isalpha() and name[0].isupper():
                rows.append((int(cols[7] or 0), name))
    rows.sort(reverse=True)
    seen, names = set(), []
    for _, name in rows:
        if name not in seen:
            seen.add(name)
            names.append(name)
        if len(names) >= limit:
            break
    return names


def shapes(names):
    """Each shape: a function of the size in bytes giving a text of about that size."""
    rng = random.Random(28)
    syllables = ["ka", "lo", "mir", "tan", "ve", "dru", "sol", "qua", "ne", "bor"]

    def fill(unit):
        def make(n):
            out, size, i = [], 0, 0
            while size < n:
                piece = unit(i)
                out.append(piece)
                size += len(piece.encode())
                i += 1
            return "".join(out)

        return make

    def invented(i):
        # Six syllables spell the six lowest decimal digits of i: a million distinct words.
        return "".join(syllables[(i // 10**k) % 10] for k in range(6)).capitalize()

    top = names[:200]
    return {
        "one name repeated": fill(lambda i: "Paris "),
        "distinct capitalised words": fill(lambda i: invented(i) + " "),
        "run of distinct names": fill(lambda i: names[i % len(names)] + " "),
        "names in a list": fill(lambda i: names[i % len(names)] + ", "),
        "apposition chain": fill(lambda i: top[i % len(top)] + ", " + top[(i * 7) % len(top)] + ", "),
        # Found by the extract_linear fuzzer: every apposition after the first is a namesake
        # group of its own, and each group listed all the others.
        "town and state repeated": fill(lambda i: "Dublin, Ga., "),
        "one sentence per name": fill(lambda i: f"They went to {top[i % len(top)]}. "),
        "capitalised sentence": fill(lambda i: "The Minister Of State Visited " if i % 5 else "Paris. "),
        "no spaces": fill(lambda i: "Paris,"),
        "random news words": fill(
            lambda i: rng.choice(["the ", "train ", "Moscow ", "arrived ", "in ", "President ", "Kim "])
        ),
    }


def run(binary, text):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        f.write(json.dumps({"id": "d", "text": text}) + "\n")
        path = f.name
    try:
        best = None
        for _ in range(2):
            t0 = time.perf_counter()
            subprocess.run(
                [binary, "extract", path, "-q", "--threads", "1"],
                check=True,
                stdout=subprocess.DEVNULL,
            )
            t = time.perf_counter() - t0
            best = t if best is None else min(best, t)
        return best
    finally:
        os.unlink(path)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--min-kib", type=int, default=128)
    ap.add_argument("--max-kib", type=int, default=1024)
    ap.add_argument("--max-ratio", type=float, default=2.6)
    ap.add_argument("--only", help="run only the shapes whose name holds this")
    a = ap.parse_args()
    names = gazetteer_names(1_000_000)
    baseline = run(a.binary, "x")  # start-up, subtracted from every time
    print(f"start-up {baseline * 1000:.1f} ms; {len(names)} distinct names; one JSON Lines document per run")
    failed = []
    for label, make in shapes(names).items():
        if a.only and a.only not in label:
            continue
        sizes, times = [], []
        kib = a.min_kib
        while kib <= a.max_kib:
            sizes.append(kib)
            times.append(max(run(a.binary, make(kib * 1024)) - baseline, 1e-4))
            kib *= 2
        ratios = [b / x for x, b in zip(times, times[1:])]
        cells = "  ".join(f"{k} KiB {t:6.3f} s" for k, t in zip(sizes, times))
        last = ratios[-1] if ratios else 0
        mib_s = sizes[-1] / 1024 / times[-1]
        print(f"{label:24} {cells}  ratios {' '.join(f'{r:.2f}' for r in ratios)}  ({mib_s:.1f} MiB/s at the largest)")
        if last > a.max_ratio:
            failed.append(label)
    if failed:
        print("not linear:", ", ".join(failed))
        sys.exit(1)
    print(f"every shape within a ratio of {a.max_ratio} per doubling")


if __name__ == "__main__":
    main()
