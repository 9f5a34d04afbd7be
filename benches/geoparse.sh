#!/usr/bin/env bash
# Geoparsing throughput, memory and start-up, release build.
# Targets: >= 100 MiB/s on one thread (matching + resolution), scaling with threads,
# peak RSS <= 1 GiB, start-up to first mention <= 100 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=$PWD/target/release/itinera
dir=${TMPDIR:-/tmp}/itinera-geoparse-bench
[ -s "$dir/corpus.jsonl" ] || python3 benches/make_corpus.py "$dir" "${MIB:-64}"
size=$(stat -c %s "$dir/corpus.txt")
mib=$(awk -v s="$size" 'BEGIN { printf "%.1f", s / 1048576 }')
run() { # label, then the command; prints MiB/s and peak RSS
  local label=$1; shift
  local t0 t1 rss
  t0=$(date +%s%N)
  rss=$( { /usr/bin/time -f '%M' "$@" >/dev/null; } 2>&1 | tail -1 )
  t1=$(date +%s%N)
  awk -v l="$label" -v s="$size" -v ns=$((t1 - t0)) -v r="$rss" 'BEGIN {
    printf "%-34s %6.2f s  %7.1f MiB/s  peak RSS %5.0f MiB\n", l, ns / 1e9, s / 1048576 / (ns / 1e9), r / 1024 }'
}
echo "corpus: $mib MiB ($dir)"
run "text file, 1 thread"        "$bin" extract "$dir/corpus.txt" -f jsonl -q --threads 1
run "JSON Lines, 1 thread"       "$bin" extract "$dir/corpus.jsonl" -q --threads 1
run "JSON Lines, all cores ($(nproc))" "$bin" extract "$dir/corpus.jsonl" -q
printf 'KHASAN, Russia - The train crossed from Tumangang into Khasan.\n' > "$dir/one.txt"
if command -v hyperfine >/dev/null 2>&1; then
  hyperfine --warmup 3 --runs 30 -N "$bin extract $dir/one.txt" 2>/dev/null | grep -E 'Time|Range'
fi
