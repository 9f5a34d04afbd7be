#!/usr/bin/env bash
# Whole-process map rendering, release build, against GMT drawing the same region at the same
# size, then maps of long tracks. Targets (issue 14): the 1600x1000 PNG of the August 2011
# trip <= 75 ms (>= 10x GMT); a 10,000-stop trip <= 0.8 s PNG and <= 0.5 s SVG (SVG <= 5 MB);
# 100,000 stops <= 6 s and <= 300 MB. Needs hyperfine; GMT (Debian `gmt gmt-gshhg-low`) for
# the comparison (with `ghostscript`, which GMT calls to write PNG), skipped without them.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=$PWD/target/release/itinera
trip=$PWD/geodata/trips/kji-2011.toml
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The median of a hyperfine JSON export, in seconds.
median() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$1"; }

hyperfine --warmup 3 --runs 30 -N --export-json "$tmp/png.json" \
  "$bin render $trip -o $tmp/map.png --width 1600 --height 1000" | grep -E 'Time|Range'
hyperfine --warmup 3 --runs 30 -N --export-json "$tmp/svg.json" \
  "$bin render $trip -o $tmp/map.svg --width 1600 --height 1000" | grep -E 'Time|Range'
for ext in png svg; do
  /usr/bin/time -f "$ext: peak RSS %M KB, %e s" "$bin" render "$trip" -o "$tmp/map.$ext" 2>&1 >/dev/null | tail -1
done

if command -v gmt >/dev/null 2>&1 && command -v gs >/dev/null 2>&1; then
  # GMT drawing the same region, journey and labels (benches/gmt_kji.sh).
  source benches/gmt_kji.sh
  write_gmt_kji "$tmp"
  hyperfine --warmup 1 --runs 5 --export-json "$tmp/gmt.json" "bash $tmp/gmt.sh" | grep -E 'Time|Range'
  file "$tmp/gmtmap.png"
  awk -v g="$(median "$tmp/gmt.json")" -v p="$(median "$tmp/png.json")" -v s="$(median "$tmp/svg.json")" 'BEGIN {
    printf "median: itinera PNG %.0f ms, SVG %.0f ms, GMT PNG %.0f ms: PNG %.1fx, SVG %.1fx faster than GMT\n",
      p * 1000, s * 1000, g * 1000, g / p, g / s }'
else
  echo "GMT comparison skipped: install Debian gmt gmt-gshhg-low ghostscript"
fi

# Long tracks: a random walk over the Russian Far East and north-east China, one stop every
# ~40 km, as a GPS track or an export of a long journey gives.
python3 - "$tmp" <<'PY'
import random, sys
for n in (10_000, 100_000):
    random.seed(n)
    lat, lon = 45.0, 125.0
    with open(f"{sys.argv[1]}/walk{n}.csv", "w") as f:
        f.write("trip,name,lat,lon\n")
        for i in range(n):
            lat = min(max(lat + random.uniform(-0.3, 0.3), 35), 60)
            lon = min(max(lon + random.uniform(-0.4, 0.4), 100), 145)
            f.write(f"T,s{i},{lat:.5f},{lon:.5f}\n")
PY
for n in 10000 100000; do
  for ext in png svg; do
    /usr/bin/time -f "%e %M" -o "$tmp/t" "$bin" render "$tmp/walk$n.csv" -o "$tmp/walk$n.$ext" >/dev/null 2>&1
    read -r secs kb < "$tmp/t"
    printf '%6d stops, %s: %5.2f s, peak RSS %4.0f MiB, file %5.1f MB\n' "$n" "$ext" "$secs" \
      "$(awk -v k="$kb" 'BEGIN { print k / 1024 }')" "$(awk -v b="$(stat -c %s "$tmp/walk$n.$ext")" 'BEGIN { print b / 1e6 }')"
  done
done

# A GPS track as a device writes it (issue 16): 100,000 trkpts with times in one GPX file, read
# as a trip through its vertices (markers at the ends only), routed and drawn.
python3 - "$tmp" <<'PY'
import math, sys
n = 100_000
with open(f"{sys.argv[1]}/track.gpx", "w") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="bench" '
            'xmlns="http://www.topografix.com/GPX/1/1"><trk><name>Track</name><trkseg>\n')
    for i in range(n):
        t = i / n
        lat, lon = 43.0 + 8.0 * t, 131.0 + 2.0 * math.sin(t * 60)
        s = i * 5
        f.write(f'<trkpt lat="{lat:.6f}" lon="{lon:.6f}"><ele>120.0</ele>'
                f'<time>2024-05-{12 + s // 86400:02d}T{s // 3600 % 24:02d}:{s // 60 % 60:02d}:{s % 60:02d}Z</time></trkpt>\n')
    f.write('</trkseg></trk></gpx>\n')
PY
track() {
  local what=$1
  shift
  /usr/bin/time -f "%e %M" -o "$tmp/t" "$bin" "$@" >/dev/null 2>&1
  read -r secs kb < "$tmp/t"
  printf '100,000-point GPX track (%s MB), %-5s: %5.2f s, peak RSS %4.0f MiB\n' \
    "$(awk -v b="$(stat -c %s "$tmp/track.gpx")" 'BEGIN { printf "%.1f", b / 1e6 }')" "$what" "$secs" \
    "$(awk -v k="$kb" 'BEGIN { print k / 1024 }')"
}
track route route "$tmp/track.gpx"
track PNG render "$tmp/track.gpx" -o "$tmp/track.png"
track SVG render "$tmp/track.gpx" -o "$tmp/track.svg"
