#!/usr/bin/env bash
# Geoparsing throughput, memory and start-up, release build, against a Python dictionary
# matcher (benches/peer_matcher.py: ahocorasick_rs over the same gazetteer names, matching
# only). Targets (issue 14): >= 100 MiB/s on one thread (matching, filtering, resolution and
# JSON Lines output, whole process), >= 190 MiB/s on 2 cores, peak RSS <= 200 MiB.
# The peer runs with $PEER_PYTHON (default python3) when it can import ahocorasick_rs, e.g.
#   python3 -m venv /tmp/peers && /tmp/peers/bin/pip install ahocorasick-rs
#   PEER_PYTHON=/tmp/peers/bin/python bash benches/geoparse.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=$PWD/target/release/itinera
dir=${TMPDIR:-/tmp}/itinera-geoparse-bench
[ -s "$dir/corpus.jsonl" ] || python3 benches/make_corpus.py "$dir" "${MIB:-64}"
size=$(stat -c %s "$dir/corpus.txt")
mib=$(awk -v s="$size" 'BEGIN { printf "%.1f", s / 1048576 }')
rate1=""
run() { # label, then the command; prints MiB/s and peak RSS (and keeps the first rate)
  local label=$1; shift
  local t0 t1 rss
  t0=$(date +%s%N)
  rss=$( { /usr/bin/time -f '%M' "$@" >/dev/null; } 2>&1 | tail -1 )
  t1=$(date +%s%N)
  [ -n "$rate1" ] || rate1=$(awk -v s="$size" -v ns=$((t1 - t0)) 'BEGIN { print s / 1048576 / (ns / 1e9) }')
  awk -v l="$label" -v s="$size" -v ns=$((t1 - t0)) -v r="$rss" 'BEGIN {
    printf "%-34s %6.2f s  %7.1f MiB/s  peak RSS %5.0f MiB\n", l, ns / 1e9, s / 1048576 / (ns / 1e9), r / 1024 }'
}
echo "corpus: $mib MiB ($dir)"
run "text file, 1 thread"        "$bin" extract "$dir/corpus.txt" -f jsonl -q --threads 1
run "JSON Lines, 1 thread"       "$bin" extract "$dir/corpus.jsonl" -q --threads 1
run "JSON Lines, all cores ($(nproc))" "$bin" extract "$dir/corpus.jsonl" -q
peer=${PEER_PYTHON:-python3}
if "$peer" -c 'import ahocorasick_rs' 2>/dev/null; then
  line=$("$peer" benches/peer_matcher.py "$dir/corpus.txt")
  echo "peer, ahocorasick_rs matching only: $line"
  peer_rate=$(echo "$line" | sed -E 's/.*\(([0-9.]+) MiB\/s\).*/\1/')
  awk -v a="$rate1" -v b="$peer_rate" 'BEGIN { printf "itinera (whole process, 1 thread) / peer (matching only): %.2f x\n", a / b }'
else
  echo "peer skipped: $peer cannot import ahocorasick_rs (see the top of this script)"
fi
printf 'KHASAN, Russia - The train crossed from Tumangang into Khasan.\n' > "$dir/one.txt"
if command -v hyperfine >/dev/null 2>&1; then
  hyperfine --warmup 3 --runs 30 -N "$bin extract $dir/one.txt" 2>/dev/null | grep -E 'Time|Range'
fi
