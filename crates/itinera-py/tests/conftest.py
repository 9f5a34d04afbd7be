"""Shared fixtures: the repository, the command-line binary the Python results are compared
with, and the development corpus. `tests/python/main.rs` (run by `cargo test`) builds the
wheel, installs it and runs these tests with ITINERA_BIN and ITINERA_WHEEL set."""

import importlib
import json
import os
import pathlib
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[3]


@pytest.fixture(scope="session")
def repo():
    return REPO


@pytest.fixture(scope="session")
def cli():
    """Runs the itinera binary; returns its standard output."""
    binary = os.environ.get("ITINERA_BIN") or str(REPO / "target" / "debug" / "itinera")
    if not os.path.exists(binary):
        pytest.fail(f"no itinera binary at {binary}: set ITINERA_BIN")

    def run(*args, stdin=None):
        done = subprocess.run(
            [binary, *args], input=stdin, capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    return run


@pytest.fixture(scope="session")
def corpus():
    """The GeoVirus development set (229 Wikinews articles): [(id, text)]."""
    path = REPO.parent / "shared" / "geoparse-dev" / "geovirus.jsonl"
    if not path.exists():
        pytest.fail(f"{path} is missing: the tests need ../shared beside the repository")
    docs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            docs.append((d["id"], d["text"]))
    return docs


def require(module):
    """Imports an optional test dependency; under CI a missing one fails the test."""
    try:
        return importlib.import_module(module)
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail(f"{module} is missing under CI: .ci/run must install it")
        pytest.skip(f"{module} is not installed")
