#!/usr/bin/env bash
# The newsroom page's answers (issue 31): extracting a 10 KB article and drawing its preview,
# over loopback HTTP to the server in the bench's own process, release build. Target: each
# under 100 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo bench --quiet -p itinera-serve --bench page
