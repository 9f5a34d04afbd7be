#!/usr/bin/env bash
# Large maps (issue 32, target 2), whole process, release build: a 100,000-stop track (the
# random walk of benches/render.sh) and 10,000 named sites scattered over a 1,500 x 1,000 km
# region (one trip of a table `trip,place,lat,lon`, each site with its own pseudo-word name).
# Targets: the track's PNG <= 0.5 s; the sites' PNG <= 0.8 s, SVG <= 0.5 s and <= 10 MB.
# Prints seconds (median of hyperfine runs), peak RSS and file size for itinera, for
# `BASELINE=/path/to/itinera` if set, and for GMT drawing the same points in the same run (coast,
# line and symbols for the track; symbols and text labels for the sites), with the ratios.
# Needs hyperfine and python3; GMT (Debian `gmt gmt-gshhg-low ghostscript`) for the peer.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet
bin=$PWD/target/release/itinera
runs=${RUNS:-5}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 - "$tmp" <<'PY'
import random, sys
out = sys.argv[1]
# The track: as benches/render.sh writes walk100000.csv.
n = 100_000
random.seed(n)
lat, lon = 45.0, 125.0
with open(f"{out}/walk100000.csv", "w") as f, open(f"{out}/walk.txt", "w") as g:
    f.write("trip,name,lat,lon\n")
    for i in range(n):
        lat = min(max(lat + random.uniform(-0.3, 0.3), 35), 60)
        lon = min(max(lon + random.uniform(-0.4, 0.4), 100), 145)
        f.write(f"T,s{i},{lat:.5f},{lon:.5f}\n")
        g.write(f"{lon:.5f} {lat:.5f}\n")
# The sites: 10,000 distinct pseudo-words at random places over 0-19.8 E, 42.5-51.5 N
# (about 1,500 km by 1,000 km), as a table of named sites gives them.
random.seed(10_000)
syllables = ["ka", "lo", "mi", "ren", "sa", "to", "vi", "dor", "na", "bel", "ku", "ri", "os",
             "tan", "ve", "gra", "li", "mon", "pe", "zu", "ar", "chi", "em", "ho"]
names, sites = set(), []
while len(sites) < 10_000:
    w = "".join(random.choice(syllables) for _ in range(random.randint(2, 4))).capitalize()
    if random.random() < 0.3:
        w += " " + random.choice(["Nord", "Sud", "Vale", "Hill", "Bridge", "Mill"])
    if w in names:
        continue
    names.add(w)
    sites.append((w, random.uniform(42.5, 51.5), random.uniform(0.0, 19.8)))
with open(f"{out}/sites10000.csv", "w") as f, open(f"{out}/sites.txt", "w") as g:
    f.write("trip,place,lat,lon\n")
    for w, la, lo in sites:
        f.write(f"Sites,{w},{la:.5f},{lo:.5f}\n")
        g.write(f"{lo:.5f} {la:.5f} {w}\n")
PY

# One binary on one input and format: median seconds of $runs runs, then peak RSS and size.
measure() {
  local label=$1 exe=$2 input=$3 ext=$4
  local out="$tmp/$label.$ext"
  hyperfine -N --warmup 1 --runs "$runs" --export-json "$tmp/h.json" \
    "$exe render $tmp/$input -o $out" >/dev/null 2>&1
  local secs
  secs=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$tmp/h.json")
  /usr/bin/time -f "%M" -o "$tmp/rss" "$exe" render "$tmp/$input" -o "$out" >/dev/null 2>&1
  printf '%-10s %-16s %-3s %6.3f s  peak RSS %4.0f MiB  file %6.2f MB\n' "$label" "$input" "$ext" \
    "$secs" "$(awk -v k="$(cat "$tmp/rss")" 'BEGIN { print k / 1024 }')" \
    "$(awk -v b="$(stat -c %s "$out")" 'BEGIN { print b / 1e6 }')"
  echo "$secs" > "$tmp/secs.$label.$input.$ext"
}

for input in walk100000.csv sites10000.csv; do
  for ext in png svg; do
    measure itinera "$bin" "$input" "$ext"
    if [[ -n ${BASELINE:-} ]]; then
      measure baseline "$BASELINE" "$input" "$ext"
    fi
  done
done
if [[ -n ${BASELINE:-} ]]; then
  for input in walk100000.csv sites10000.csv; do
    for ext in png svg; do
      awk -v a="$(cat "$tmp/secs.itinera.$input.$ext")" -v b="$(cat "$tmp/secs.baseline.$input.$ext")" \
        -v w="$input $ext" 'BEGIN { printf "%-20s baseline / itinera: %.2fx\n", w, b / a }'
    done
  done
fi

if command -v gmt >/dev/null 2>&1 && command -v gs >/dev/null 2>&1; then
  # The same points, 27 cm wide at 150 dpi (about 1,600 px, as itinera's default): Lambert
  # conic over each region; the track with coast, line and circles; the sites as circles with
  # their names beside them (GMT sets every label; it does not avoid collisions).
  cat > "$tmp/gmt-walk.sh" <<GMT
cd $tmp
gmt begin gmtwalk png E150
gmt coast -R95/150/28/58 -JL122.5/45/35/55/27c -Dl -A500 -Gwheat -Sazure -N1/0.5p,gray40,- -Baf -W0.3p
gmt plot walk.txt -W1.5p,darkorange3
gmt plot walk.txt -Sc0.2c -Gwhite -W0.8p,darkorange3
gmt end
GMT
  cat > "$tmp/gmt-sites.sh" <<GMT
cd $tmp
gmt begin gmtsites png E150
gmt coast -R-3/23/41/53 -JL10/47/44/50/27c -Dl -A500 -Gwheat -Sazure -N1/0.5p,gray40,- -Baf -W0.3p
gmt plot sites.txt -Sc0.2c -Gwhite -W0.8p,darkorange3
gmt text sites.txt -F+f7p+jLM -D0.15c/0
gmt end
GMT
  for what in walk sites; do
    hyperfine --warmup 1 --runs 3 --export-json "$tmp/gmt-$what.json" "bash $tmp/gmt-$what.sh" >/dev/null 2>&1
    /usr/bin/time -f "%M" -o "$tmp/rss" bash "$tmp/gmt-$what.sh" >/dev/null 2>&1
    secs=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$tmp/gmt-$what.json")
    printf '%-10s %-16s png %6.3f s  peak RSS %4.0f MiB  file %6.2f MB\n' GMT "$what" "$secs" \
      "$(awk -v k="$(cat "$tmp/rss")" 'BEGIN { print k / 1024 }')" \
      "$(awk -v b="$(stat -c %s "$tmp/gmt$what.png")" 'BEGIN { print b / 1e6 }')"
    echo "$secs" > "$tmp/secs.gmt.$what"
  done
  awk -v g="$(cat "$tmp/secs.gmt.walk")" -v p="$(cat "$tmp/secs.itinera.walk100000.csv.png")" \
    -v s="$(cat "$tmp/secs.itinera.walk100000.csv.svg")" \
    'BEGIN { printf "track: GMT / itinera PNG %.1fx, GMT / itinera SVG %.1fx\n", g / p, g / s }'
  awk -v g="$(cat "$tmp/secs.gmt.sites")" -v p="$(cat "$tmp/secs.itinera.sites10000.csv.png")" \
    -v s="$(cat "$tmp/secs.itinera.sites10000.csv.svg")" \
    'BEGIN { printf "sites: GMT / itinera PNG %.1fx, GMT / itinera SVG %.1fx\n", g / p, g / s }'
else
  echo "GMT comparison skipped: install Debian gmt gmt-gshhg-low ghostscript"
fi
