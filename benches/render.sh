#!/usr/bin/env bash
# Whole-process map rendering, release build, against GMT drawing the same region at the same size.
# Targets: median <= 0.27 s for the 1600x1000 PNG of the August 2011 trip (GMT: 0.82 s), SVG likewise,
# peak memory <= 200 MB. Needs hyperfine; GMT (Debian `gmt gmt-gshhg-low`) for the comparison.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=$PWD/target/release/itinera
trip=$PWD/geodata/trips/kji-2011.toml
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

hyperfine --warmup 3 --runs 20 -N \
  "$bin render $trip -o $tmp/map.png --width 1600 --height 1000" \
  "$bin render $trip -o $tmp/map.svg --width 1600 --height 1000"
for ext in png svg; do
  /usr/bin/time -f "$ext: peak RSS %M KB, %e s" "$bin" render "$trip" -o "$tmp/map.$ext" 2>&1 >/dev/null | tail -1
done

if command -v gmt >/dev/null 2>&1; then
  # The same journey's stops (Khasan, Ussuriysk, Ulan-Ude) on a Lambert conic of the same
  # region: coast, lakes, dashed borders, framed graticule, scale bar, route and labels.
  printf '130.65156 42.42387\n131.95734 43.80467\n107.59979 51.82648\n' > "$tmp/route.txt"
  cat > "$tmp/gmt.sh" <<GMT
cd $tmp
gmt begin gmtmap png E150
gmt coast -R103/136/38/55 -JL120/46.5/43/50/27c -Dl -A500 -Gwheat -Sazure -Clightblue -N1/0.5p,gray40,- -Baf -BWSne -LjBL+c46.5+w500k+o0.5c/0.5c -W0.3p
gmt plot route.txt -W2p,red -A
gmt plot route.txt -Sc0.25c -Gwhite -W1p,red
gmt text -F+f9p+jLM -D0.25c/0 <<END
130.65156 42.42387 Khasan
131.95734 43.80467 Ussuriysk
107.59979 51.82648 Ulan-Ude
END
gmt end
GMT
  hyperfine --warmup 1 --runs 5 "bash $tmp/gmt.sh"
  file "$tmp/gmtmap.png"
fi
