#!/usr/bin/env bash
# The example map's PNG, whole process, release build (issue 32, target 2): the 1600x1000 PNG
# of the August 2011 trip <= 20 ms and >= 20x faster than GMT drawing the same map; its SVG
# alongside. With BASELINE=path/to/an/older/itinera, that binary draws the same maps, its runs
# interleaved with this build's (rounds of ROUNDS, each RUNS runs of every command, so both see
# the same load on a busy machine); medians over all runs. GMT (Debian `gmt gmt-gshhg-low`,
# with `ghostscript`, which GMT calls to write PNG) is skipped when not installed.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=$PWD/target/release/itinera
trip=$PWD/geodata/trips/kji-2011.toml
rounds=${ROUNDS:-6}
runs=${RUNS:-10}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

names=(png svg)
cmds=("$bin render $trip -o $tmp/map.png --width 1600 --height 1000"
  "$bin render $trip -o $tmp/map.svg --width 1600 --height 1000")
if [[ -n "${BASELINE:-}" ]]; then
  names+=(base-png base-svg)
  cmds+=("$BASELINE render $trip -o $tmp/base.png --width 1600 --height 1000"
    "$BASELINE render $trip -o $tmp/base.svg --width 1600 --height 1000")
fi
for ((r = 0; r < rounds; r++)); do
  for i in "${!cmds[@]}"; do
    hyperfine --warmup 2 --runs "$runs" -N --export-json "$tmp/${names[$i]}.$r.json" "${cmds[$i]}" >/dev/null 2>&1
  done
done

gmt_ms=
if command -v gmt >/dev/null 2>&1 && command -v gs >/dev/null 2>&1; then
  # GMT drawing the same region, journey and labels (benches/gmt_kji.sh).
  source benches/gmt_kji.sh
  write_gmt_kji "$tmp"
  hyperfine --warmup 1 --runs 5 --export-json "$tmp/gmt.0.json" "bash $tmp/gmt.sh" >/dev/null 2>&1
  gmt_ms=yes
fi

python3 - "$tmp" "$gmt_ms" "${names[@]}" <<'PY'
import glob, json, os, statistics, sys
tmp, gmt, names = sys.argv[1], sys.argv[2], sys.argv[3:]
if gmt:
    names.append("gmt")
def times(name):
    out = []
    for f in sorted(glob.glob(f"{tmp}/{name}.*.json")):
        out += json.load(open(f))["results"][0]["times"]
    return out
med = {n: statistics.median(times(n)) * 1000 for n in names}
# CPU time (user + system, the mean of each round's runs), less sensitive to other load.
def cpu(name):
    rs = [json.load(open(f))["results"][0] for f in sorted(glob.glob(f"{tmp}/{name}.*.json"))]
    return statistics.median(r["user"] + r["system"] for r in rs) * 1000
size = lambda f: os.path.getsize(f"{tmp}/{f}") if os.path.exists(f"{tmp}/{f}") else 0
files = {"png": "map.png", "svg": "map.svg", "base-png": "base.png", "base-svg": "base.svg", "gmt": "gmtmap.png"}
for n in names:
    print(f"{n:>9}: median {med[n]:7.1f} ms over {len(times(n))} runs (CPU {cpu(n):6.1f} ms), file {size(files[n]) / 1000:7.1f} kB")
if "base-png" in med:
    print(f"PNG: this build {med['png']:.1f} ms vs baseline {med['base-png']:.1f} ms: {med['base-png'] / med['png']:.2f}x faster")
    print(f"SVG: this build {med['svg']:.1f} ms vs baseline {med['base-svg']:.1f} ms: {med['base-svg'] / med['svg']:.2f}x faster")
if gmt:
    print(f"GMT PNG {med['gmt']:.0f} ms: itinera PNG {med['gmt'] / med['png']:.1f}x faster, SVG {med['gmt'] / med['svg']:.1f}x faster")
    if "base-png" in med:
        print(f"  (baseline PNG {med['gmt'] / med['base-png']:.1f}x faster than GMT)")
else:
    print("GMT comparison skipped: install Debian gmt gmt-gshhg-low ghostscript")
PY
