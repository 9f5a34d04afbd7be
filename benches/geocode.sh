#!/usr/bin/env bash
# Whole-process geocoding time, release build. Target: median <= 20 ms.
# Uses hyperfine (Debian `hyperfine`) when present, else a loop with date.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/itinera
args=(geocode Khasan Ussuriysk Ulan-Ude Vladivostok)
# Names as the press writes them: an exonym, two qualified names and a coordinate pair.
press=(geocode Cologne "'Springfield, Ill.'" "'Paris, Tenn.'" 51.85,107.9)
if command -v hyperfine >/dev/null 2>&1; then
  hyperfine --warmup 5 --runs 100 -N "$bin ${args[*]}" "$bin ${press[*]}"
else
  times=()
  for _ in $(seq 50); do
    s=$(date +%s%N); "$bin" "${args[@]}" >/dev/null; e=$(date +%s%N)
    times+=($(( (e - s) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "median %.1f ms over %d runs\n", a[int((NR+1)/2)]/1000, NR}'
fi
/usr/bin/time -v "$bin" "${args[@]}" 2>&1 >/dev/null | grep -E 'Maximum resident|Elapsed' || true
