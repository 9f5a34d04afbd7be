#!/usr/bin/env bash
# Peak memory (and time) of inputs whose shape once made memory grow without bound
# (issue 12, items 5-7). Release build. Targets: a name's cost bounded; extract O(block) in
# every output format; export and route <= 1 KB per stop.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=$PWD/target/release/itinera
dir=${TMPDIR:-/tmp}/itinera-memory-bench
mkdir -p "$dir"
run() { # label, then the command; prints wall time and peak RSS
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$dir/time" "$@" >/dev/null 2>&1 || true
  read -r secs kb < <(tail -1 "$dir/time")
  printf '%-52s %7.2f s  peak RSS %7.1f MiB\n' "$label" "$secs" "$(awk -v k="$kb" 'BEGIN { print k / 1024 }')"
}
# Item 5: names.
run "geocode, a 100,000-character name (refused)" "$bin" geocode "$(python3 -c "print('Mosc' * 25000)")"
run "geocode, a 256-character unknown name" "$bin" geocode "$(python3 -c "print('Moscx' * 51 + 'M')")"
# Item 6: text without line breaks, JSON Lines without line breaks.
python3 - "$dir" <<'PY'
import glob, os, sys
d = sys.argv[1]
t = ' '.join(open(f).read().replace('\n', ' ') for f in sorted(glob.glob('tests/geoparse/articles/*.txt')))
with open(os.path.join(d, 'oneline.txt'), 'w') as f:
    for _ in range(64 * 2**20 // len(t) + 1):
        f.write(t + ' ')
with open(os.path.join(d, 'longline.jsonl'), 'w') as f:
    f.write('{"id":"big","text":"' + 'Khasan ' * (90 * 2**20 // 7) + '"}\n')
PY
size=$(stat -c %s "$dir/oneline.txt")
for f in table json geojson jsonl; do
  run "extract, $((size >> 20)) MiB on one line, -f $f" "$bin" extract "$dir/oneline.txt" -f "$f" -q
done
run "extract --trip, $((size >> 20)) MiB on one line" "$bin" extract "$dir/oneline.txt" -o "$dir/m.txt" --trip "$dir/d.toml"
run "extract --jsonl, 200 MiB of NUL bytes" sh -c "head -c 209715200 /dev/zero | $bin extract - --jsonl -q"
run "extract, one 90 MiB JSON Lines line" "$bin" extract "$dir/longline.jsonl" -q
# Item 7: a million stops (benches/make_walk.py); a hundred thousand trips.
python3 benches/make_walk.py "$dir"
python3 - "$dir" <<'PY'
import os, random, sys
d = sys.argv[1]
with open(os.path.join(d, 'trips100k.csv'), 'w') as f:
    f.write('trip,place,lat,lon\n')
    for i in range(100_000):
        f.write('T%d,A,42.4,130.6\nT%d,B,43.8,131.9\n' % (i, i))
PY
for f in geojson csv kml gpx gpkg; do
  run "export, 1,000,000 stops, $f" "$bin" export "$dir/walk1m.csv" -o "$dir/out.$f"
done
run "route, 1,000,000 stops, table" "$bin" route "$dir/walk1m.csv"
run "route, 1,000,000 stops, json" "$bin" route "$dir/walk1m.csv" -f json
run "export, 100,000 two-stop trips in one CSV" "$bin" export "$dir/trips100k.csv" -o "$dir/out100k.csv"
rm -f "$dir"/out.* "$dir"/out100k.csv "$dir"/m.txt "$dir"/d.toml
# Issue 28, defect 4: the HTML map of a long line; PNG maps at the largest size.
python3 - "$dir" <<'PY'
import json, math, os, sys
d = sys.argv[1]
n = 1_500_000
coords = [[round(-120 + 60 * i / n, 6), round(40 + 5 * math.sin(i / 5000), 6)] for i in range(n)]
with open(os.path.join(d, 'line.geojson'), 'w') as f:
    json.dump({'type': 'Feature', 'properties': {'name': 'long'},
               'geometry': {'type': 'LineString', 'coordinates': coords}}, f)
PY
run "export, a 1.5M-vertex line to HTML" "$bin" export "$dir/line.geojson" -o "$dir/out.html"
printf '[[trips]]\nstops = ["Khasan", "Ussuriysk"]\n' > "$dir/two.toml"
run "render 10000 x 10000 PNG, two stops" "$bin" render "$dir/two.toml" -o "$dir/out.png" --width 10000 --height 10000
run "render 10000 x 10000 PNG, 1,000,000 stops" "$bin" render "$dir/walk1m.csv" -o "$dir/out.png" --width 10000 --height 10000
rm -f "$dir"/out.* "$dir/two.toml"
