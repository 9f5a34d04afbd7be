#!/usr/bin/env bash
# Export of a million stops (issue 32, target 3): `itinera export walk1m.csv -o out.<format>`
# for GeoJSON, KML, GPX and CSV, against GDAL's `ogr2ogr` converting the same CSV to the same
# format, and against the start-point binary when BASELINE is set. Release build; wall time
# and peak RSS of each run (the median of RUNS runs, interleaved), and the ratios.
#
# The walk is the one benches/memory.sh writes (section "Item 7", seed 1). What the peer does:
# ogr2ogr reads the CSV (lon/lat columns as the point) and writes one point feature per row
# with the row's `trip` and `place` as attributes. It does not measure legs, densify the
# geodesics (10 km steps), split lines at ±180°, write a bbox, styles, descriptions or
# distances, so its files are smaller (GeoJSON 180 MB against itinera's 560 MB): itinera writes
# a line feature per leg as well as a point per stop. For GPX the peer writes waypoints; for
# CSV it writes the points back as CSV (itinera writes a row per leg with 14 columns).
#
#   benches/export.sh                       # itinera and ogr2ogr
#   BASELINE=/work/ref/itinera-base RUNS=3 benches/export.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet --bin itinera
bin=$PWD/target/release/itinera
base=${BASELINE:-}
runs=${RUNS:-3}
dir=${TMPDIR:-/tmp}/itinera-export-bench
mkdir -p "$dir"
if [ ! -s "$dir/walk1m.csv" ]; then
  python3 benches/make_walk.py "$dir"
fi
csv=$dir/walk1m.csv

# One timed run: prints "seconds kilobytes".
timed() {
  rm -rf "$dir/out"
  mkdir -p "$dir/out"
  /usr/bin/time -f "%e %M" -o "$dir/time" "$@" >/dev/null 2>"$dir/err" || {
    cat "$dir/err" >&2
    exit 1
  }
  tail -1 "$dir/time"
}

# The median of a list of numbers.
median() { tr ' ' '\n' | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

peer() { # format, output
  case $1 in
    geojson) echo "ogr2ogr -f GeoJSON $2 $csv -oo X_POSSIBLE_NAMES=lon -oo Y_POSSIBLE_NAMES=lat" ;;
    kml) echo "ogr2ogr -f KML $2 $csv -oo X_POSSIBLE_NAMES=lon -oo Y_POSSIBLE_NAMES=lat" ;;
    gpx) echo "ogr2ogr -f GPX $2 $csv -oo X_POSSIBLE_NAMES=lon -oo Y_POSSIBLE_NAMES=lat -dsco GPX_USE_EXTENSIONS=YES" ;;
    csv) echo "ogr2ogr -f CSV $2 $csv -oo X_POSSIBLE_NAMES=lon -oo Y_POSSIBLE_NAMES=lat -lco GEOMETRY=AS_XY" ;;
  esac
}

printf '%-8s %-10s %9s %11s\n' format program "wall s" "peak MiB"
for f in geojson kml gpx csv; do
  declare -A secs=() kbs=()
  names=(itinera)
  [ -n "$base" ] && names+=(baseline)
  names+=(ogr2ogr)
  for _ in $(seq "$runs"); do
    for n in "${names[@]}"; do
      case $n in
        itinera) read -r s k < <(timed "$bin" export "$csv" -o "$dir/out/out.$f") ;;
        baseline) read -r s k < <(timed "$base" export "$csv" -o "$dir/out/out.$f") ;;
        ogr2ogr) read -r s k < <(timed $(peer "$f" "$dir/out/out.$f")) ;;
      esac
      secs[$n]="${secs[$n]:-} $s"
      kbs[$n]="${kbs[$n]:-} $k"
    done
  done
  for n in "${names[@]}"; do
    s=$(echo ${secs[$n]} | median)
    k=$(echo ${kbs[$n]} | median)
    printf '%-8s %-10s %9.2f %11.1f\n' "$f" "$n" "$s" "$(awk -v k="$k" 'BEGIN { print k / 1024 }')"
    eval "med_$n=$s"
  done
  ratio="itinera/ogr2ogr $(awk -v a="$med_itinera" -v b="$med_ogr2ogr" 'BEGIN { printf "%.2f", a / b }')"
  [ -n "$base" ] && ratio="$ratio, itinera/baseline $(awk -v a="$med_itinera" -v b="$med_baseline" 'BEGIN { printf "%.2f", a / b }')"
  echo "$f: wall time $ratio"
  unset secs kbs
done
rm -rf "$dir/out"
