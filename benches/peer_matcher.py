"""The geoparsing peer of benches/geoparse.sh: a Python dictionary matcher.

Every name and alternate name of the bundled gazetteer (geodata/places.tsv.gz, the same names
itinera matches) goes into one Aho-Corasick automaton (PyPI `ahocorasick_rs`, Rust inside),
which then finds the leftmost-longest matches in the corpus. This is matching only: no word
boundaries, no filtering of common words, no choice between namesakes, no output. Prints the
corpus size, the seconds spent matching and MiB/s, on one line.

Usage: python3 benches/peer_matcher.py CORPUS.txt
"""
import gzip
import os
import sys
import time

import ahocorasick_rs

here = os.path.dirname(os.path.abspath(__file__))
names = set()
with gzip.open(os.path.join(here, "..", "geodata", "places.tsv.gz"), "rt", encoding="utf-8") as f:
    next(f)
    for line in f:
        cols = line.rstrip("\n").split("\t")
        for n in [cols[2]] + cols[8].split(","):
            n = n.lstrip("~")
            if len(n) >= 3:
                names.add(n)
t0 = time.perf_counter()
matcher = ahocorasick_rs.AhoCorasick(list(names), matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
built = time.perf_counter() - t0
text = open(sys.argv[1], encoding="utf-8").read()
size = len(text.encode("utf-8"))
t0 = time.perf_counter()
found = 0
block = 1 << 20
for i in range(0, len(text), block):
    found += len(matcher.find_matches_as_indexes(text[i : i + block]))
secs = time.perf_counter() - t0
print(f"{size} bytes, {secs:.2f} s matching ({size / 1048576 / secs:.1f} MiB/s), {found} matches, {len(names)} names, automaton built in {built:.1f} s")
