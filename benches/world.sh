#!/usr/bin/env bash
# Maps at any centre and scale (issue 25), whole process, release build: the 2011 regional map,
# a world map centred on the Pacific, Mercator round the world, and a city walk, 1600 x 1000 PNG.
# With BASELINE=/path/to/an/older/itinera, each map is timed with both builds in one hyperfine
# run (interleaved warm-up, 30 runs each) and the ratio printed: the target is no more than
# 10% slower than the build before the projection stream.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=$PWD/target/release/itinera
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

maps=(
  "kji-2011|geodata/trips/kji-2011.toml"
  "pacific-world|Tokyo 'Los Angeles' London --projection '+proj=eqearth +lon_0=-150'"
  "mercator-world|London 'New York' Tokyo Sydney Dubai London --projection mercator"
  "city-walk|40.7128,-74.0060 40.7306,-73.9866"
)

for m in "${maps[@]}"; do
  name=${m%%|*}
  args=${m#*|}
  cmds=("$bin render $args -o $tmp/new-$name.png --width 1600 --height 1000")
  if [ -n "${BASELINE:-}" ]; then
    cmds+=("$BASELINE render $args -o $tmp/old-$name.png --width 1600 --height 1000")
  fi
  hyperfine --warmup 3 --runs 30 --style none --export-json "$tmp/$name.json" "${cmds[@]}" >/dev/null 2>&1
  python3 - "$tmp/$name.json" "$name" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
new = r[0]["median"] * 1000
line = f"{sys.argv[2]:>15}: median {new:6.1f} ms"
if len(r) > 1:
    old = r[1]["median"] * 1000
    line += f"; baseline {old:6.1f} ms; ratio {new / old:4.2f}"
print(line)
PY
done
