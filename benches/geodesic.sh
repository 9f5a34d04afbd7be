#!/usr/bin/env bash
# Geodesic distance throughput, one thread: itinera (`cargo bench --bench geodesic`) against
# GeographicLib's C++ library in process (benches/geodesic_peer.cpp, the same pairs), and the
# ratio. Target (issue 14): >= 1 M pairs/s. The peer needs g++ and Debian libgeographiclib-dev;
# it is skipped without them.
set -euo pipefail
cd "$(dirname "$0")/.."
ours=$(cargo bench --quiet --bench geodesic 2>/dev/null | grep 'pairs/s')
echo "itinera: $ours"
if command -v g++ >/dev/null 2>&1 && [ -e /usr/include/GeographicLib/Geodesic.hpp ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  g++ -O2 -o "$tmp/peer" benches/geodesic_peer.cpp -lGeographicLib
  peer=$("$tmp/peer")
  echo "peer:    $peer"
  median() { sed -E 's/.*median ([0-9]+) pairs.*/\1/'; }
  awk -v a="$(echo "$ours" | median)" -v b="$(echo "$peer" | median)" \
    'BEGIN { printf "itinera / GeographicLib C++: %.2f x\n", a / b }'
else
  echo "peer skipped: install g++ and Debian libgeographiclib-dev"
fi
