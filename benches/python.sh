#!/usr/bin/env bash
# Geoparsing throughput per core from Python and Spark against the command line, release
# builds of both (issue 17). Needs the Python environment of .ci/run (target/pyenv, or
# $ITINERA_PYTHON) and Java; the corpus is benches/make_corpus.py's (as benches/geoparse.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
py=${ITINERA_PYTHON:-$PWD/target/pyenv/bin/python}
cargo build --release --quiet
wheels=$(mktemp -d)
trap 'rm -rf "$wheels"' EXIT
"$py" -m maturin build --release --quiet -m crates/itinera-py/Cargo.toml --out "$wheels"
"$py" -m pip install --quiet --force-reinstall --no-deps "$wheels"/itinera-*.whl
dir=${TMPDIR:-/tmp}/itinera-geoparse-bench
[ -s "$dir/corpus.jsonl" ] || python3 benches/make_corpus.py "$dir" "${MIB:-64}"
"$py" benches/python_throughput.py "$dir/corpus.jsonl" "$PWD/target/release/itinera"
