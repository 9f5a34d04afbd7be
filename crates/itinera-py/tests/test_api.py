"""Every function of the itinera package, its errors, and agreement with the command line."""

import json
import os
import pathlib
import subprocess
import sys
import threading
import time
import venv
import warnings

import pytest

import itinera
from conftest import require


def test_geocode_khasan():
    [khasan] = itinera.geocode(["Khasan"])
    assert khasan["lat"] == 42.42387
    assert (khasan["country"], khasan["kind"]) == ("RU", "city")
    # One name may be given alone.
    assert itinera.geocode("Khasan")[0]["geonameid"] == khasan["geonameid"]


def test_geocode_matches_the_command_line(cli):
    names = ["Cologne", "Springfield, Illinois", "Paris, Tenn.", "51.85,107.9"]
    ours = itinera.geocode(names)
    theirs = json.loads(cli("geocode", "--format", "json", *names))
    assert ours == theirs


def test_geocode_country_limit_and_unknown_names():
    [portland] = itinera.geocode(["Portland"], country="US", limit=3)
    assert portland["country"] == "US"
    assert 1 < len(portland["candidates"]) <= 3
    [unknown] = itinera.geocode(["Khasann Xyzzy"])
    assert unknown["error"] == "unknown place"
    assert isinstance(unknown["suggestions"], list)
    with pytest.raises(itinera.BadInput, match="unknown country"):
        itinera.geocode(["Paris"], country="Atlantis")
    with pytest.raises(itinera.BadInput):
        itinera.geocode([1, 2])


def test_route_of_names_and_files(repo, cli):
    r = itinera.route(["Khasan", "Ussuriysk", "Ulan-Ude"])
    [trip] = r["trips"]
    assert [s["name"] for s in trip["stops"]] == ["Khasan", "Ussuriysk", "Ulan-Ude"]
    assert trip["legs"][0]["distance_m"] == 186612.252
    assert trip["total"] == pytest.approx(2204.068, abs=1e-3)
    for name in ["kji-2011.toml", "kji-2001.toml"]:
        path = repo / "geodata" / "trips" / name
        # A pathlib.Path or a str; the same records as `itinera route --format json`.
        assert itinera.route(path, units="mi") == json.loads(
            cli("route", str(path), "--format", "json", "--units", "mi")
        )
    # Trips are read from GIS files too.
    gpx = repo / "tests" / "fixtures" / "interchange" / "gpx10.gpx"
    assert len(itinera.route(str(gpx))["trips"][0]["stops"]) == 4


def test_route_errors_carry_their_location(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[trips]]\nstops = ["Khasan", { name = "Ussuriysk", lat = 91, lon = 131 }]\n')
    with pytest.raises(itinera.BadInput) as e:
        itinera.route(bad)
    assert (e.value.file, e.value.line) == (str(bad), 2)
    assert e.value.column > 1
    assert "latitude" in str(e.value)
    with pytest.raises(itinera.BadInput, match="cannot read"):
        itinera.route(tmp_path / "missing.toml")
    with pytest.raises(itinera.BadInput, match="units"):
        itinera.route(["Khasan", "Ussuriysk"], units="furlongs")
    with pytest.raises(itinera.BadInput):
        itinera.route([])
    with pytest.raises(itinera.BadInput) as e:
        itinera.route(["Khasan", "Qwxzzy"])
    assert e.value.file is None


def test_route_warnings_are_python_warnings():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        itinera.route(["Khasan", "Khasan", "Ussuriysk"])
    assert any("zero-length leg" in str(w.message) for w in caught), [str(w.message) for w in caught]


def test_extract_offsets_index_python_strings():
    text = "Đồng Đăng’s station saw Kim’s train leave for Hanoi — and Pyongyang."
    e = itinera.extract(text)
    names = [m["name"] for m in e["mentions"]]
    assert "Hanoi" in names and "Pyongyang" in names
    for m in e["mentions"]:
        assert text[m["start"] : m["end"]] == m["text"]
    assert itinera.extract("") == {"mentions": [], "claims": []}


def test_extract_matches_the_command_line(corpus, cli):
    docs = corpus[:20]
    lines = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in docs)
    theirs = [json.loads(l) for l in cli("extract", "--jsonl", "--offsets", "chars", "-", stdin=lines).splitlines()]
    ours = itinera.extract_batch([t for _, t in docs])
    assert [o["mentions"] for o in ours] == [t["mentions"] for t in theirs]
    # extract and extract_batch build their results differently: they agree, claims too.
    texts = [t for _, t in docs] + ["Ussuriysk lies about 100 km north of Vladivostok."]
    assert [itinera.extract(t) for t in texts] == itinera.extract_batch(texts)
    assert itinera.extract(texts[-1])["claims"], "a distance claim"


def test_extract_batch_threads_and_bad_input(corpus):
    texts = [t for _, t in corpus[:30]]
    assert itinera.extract_batch(texts, threads=1) == itinera.extract_batch(texts)
    assert itinera.extract_batch([]) == []
    with pytest.raises(itinera.BadInput, match="threads"):
        itinera.extract_batch(texts, threads=0)
    # Bounded as the CLI's --threads: a million once spent 16 s starting threads.
    with pytest.raises(itinera.BadInput, match="threads: 1000000 threads on a machine of"):
        itinera.extract_batch(texts, threads=10**6)
    with pytest.raises(TypeError):
        itinera.extract_batch("not a list of texts, a text")


def test_the_gil_is_released(corpus):
    texts = [t for _, t in corpus] * 2
    expected = itinera.extract_batch(texts)
    # Two threads extract at once and get what one gets alone.
    results = [None, None]

    def work(i):
        results[i] = itinera.extract_batch(texts, threads=1)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(2)]
    # Meanwhile this thread counts: with the GIL held by a batch it could not.
    ticks = 0
    for t in threads:
        t.start()
    while any(t.is_alive() for t in threads):
        ticks += 1
        time.sleep(0.001)
    assert results == [expected, expected]
    assert ticks > 20, f"the main thread ran {ticks} times while two batches ran"


def test_extract_arrow_is_extract_batch_as_a_table(corpus):
    pa = require("pyarrow")
    texts = [t for _, t in corpus[:25]] + [None, "Moscow"]
    table = itinera.extract_arrow(pa.array(texts))
    assert table.column_names == [
        "doc", "start", "end", "text", "name", "geonameid", "kind", "country", "lat", "lon", "score",
        "in_name",
    ]
    assert str(table.schema.field("geonameid").type) == "int64"
    rows = table.to_pylist()
    batch = itinera.extract_batch([t or "" for t in texts])
    # A dict carries "in_name" only when it is true; the table has the column for every row.
    flat = [
        {"doc": i, **m, "in_name": m.get("in_name", False)}
        for i, e in enumerate(batch)
        for m in e["mentions"]
    ]
    assert rows == flat
    assert rows[-1]["doc"] == len(texts) - 1
    # Large strings, string views, chunked arrays and lists give the same rows.
    assert itinera.extract_arrow(pa.array(texts, type=pa.large_string())).to_pylist() == rows
    if hasattr(pa, "string_view"):
        assert itinera.extract_arrow(pa.array(texts, type=pa.string_view())).to_pylist() == rows
    chunked = pa.chunked_array([pa.array(texts[:10]), pa.array(texts[10:])])
    assert itinera.extract_arrow(chunked).to_pylist() == rows
    assert itinera.extract_arrow(texts).to_pylist() == rows
    assert itinera.extract_arrow(pa.array([], type=pa.string())).num_rows == 0
    with pytest.raises(itinera.BadInput, match="strings"):
        itinera.extract_arrow(pa.array([1, 2, 3]))


def test_pandas_polars_and_duckdb_read_the_table(corpus):
    # The promise: the Arrow table goes straight into the tools analysts use. Each
    # counts the mentions per place; all three agree with counting the rows in Python.
    pa = require("pyarrow")
    require("pandas")
    pl = require("polars")
    duckdb = require("duckdb")
    mentions = itinera.extract_arrow(pa.array([t for _, t in corpus]))
    expected = {}
    for row in mentions.to_pylist():
        if row["geonameid"] is not None:
            expected[row["geonameid"]] = expected.get(row["geonameid"], 0) + 1
    assert len(expected) > 50
    frame = mentions.to_pandas()
    assert frame.dropna(subset=["geonameid"]).groupby("geonameid").size().to_dict() == expected
    by_polars = pl.from_arrow(mentions).drop_nulls("geonameid").group_by("geonameid").len()
    assert dict(zip(by_polars["geonameid"].to_list(), by_polars["len"].to_list())) == expected
    counted = duckdb.sql(
        "select geonameid, count(*) from mentions where geonameid is not null group by geonameid"
    ).fetchall()
    assert dict(counted) == expected
    # Column types survive: integers stay integers, coordinates floats.
    assert str(pl.from_arrow(mentions).schema["geonameid"]) == "Int64"
    assert duckdb.sql("select typeof(lat) from mentions limit 1").fetchall() == [("DOUBLE",)]


def test_render_and_export_write_files_atomically(tmp_path, repo):
    trip = repo / "geodata" / "trips" / "kji-2011.toml"
    itinera.render(trip, tmp_path / "map.png", width=800, height=500)
    assert (tmp_path / "map.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    itinera.render(["Khasan", "Vladivostok"], str(tmp_path / "map.svg"), title="Test", theme="dark", legend=False)
    assert "<svg" in (tmp_path / "map.svg").read_text()
    itinera.export(trip, tmp_path / "trip.geojson")
    doc = json.loads((tmp_path / "trip.geojson").read_text())
    assert doc["type"] == "FeatureCollection"
    # It reads back as the same trips (at the coordinates written, so without gazetteer ids).
    back, first = itinera.route(tmp_path / "trip.geojson"), itinera.route(trip)
    assert [t["legs"] for t in back["trips"]] == [t["legs"] for t in first["trips"]]
    assert [t["total_m"] for t in back["trips"]] == [t["total_m"] for t in first["trips"]]
    with pytest.raises(itinera.BadInput, match="format"):
        itinera.export(trip, tmp_path / "trip.docx")
    with pytest.raises(itinera.BadInput, match="format"):
        itinera.render(trip, tmp_path / "map.gif")
    with pytest.raises(itinera.BadInput, match="theme"):
        itinera.render(trip, tmp_path / "map.png", theme="sepia")
    with pytest.raises(TypeError):
        itinera.render(trip, tmp_path / "map.png", colour="red")
    with pytest.raises(itinera.BadInput):
        itinera.export(trip, tmp_path / "no" / "such" / "dir" / "t.kml")
    # Nothing half-written is left behind.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.png", "map.svg", "trip.geojson"]


def test_export_warns_of_what_a_format_leaves_out(tmp_path):
    # The same messages as the command line: the legs CSV has no row for a one-stop trip.
    with pytest.warns(UserWarning, match="`Khasan` is not in .*one stop, no legs"):
        itinera.export(["Khasan"], tmp_path / "legs.csv")
    assert (tmp_path / "legs.csv").exists()


def test_no_panic_crosses_the_boundary():
    odd = ["\x00", "\ufeff" * 3, "A" * 100_000, "’" * 1000, "Khasan\u0301", "\U0001d546" * 50]
    for t in odd:
        itinera.extract(t)
    itinera.extract_batch(odd)
    for name in ["", " ", "\x00", "91,181"]:
        try:
            itinera.geocode([name])
        except itinera.BadInput:
            pass


def test_a_fresh_virtualenv_installs_the_wheel(tmp_path):
    wheel = os.environ.get("ITINERA_WHEEL")
    if not wheel:
        if os.environ.get("CI"):
            pytest.fail("ITINERA_WHEEL is not set under CI")
        pytest.skip("ITINERA_WHEEL is not set")
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "--no-index", "--no-deps", wheel], check=True
    )
    out = subprocess.run(
        [python, "-c", "import itinera; print(itinera.geocode(['Khasan'])[0]['lat'])"],
        capture_output=True, text=True, check=True, cwd=tmp_path,
    )
    assert out.stdout.strip() == "42.42387"


def test_a_name_that_is_not_text_names_its_character():
    """Issue 28's probe: a lone surrogate in a list of names was blamed on the list's type."""
    with pytest.raises(UnicodeEncodeError, match="surrogate"):
        itinera.geocode(["Paris", "Pa\ud800ris"])
    with pytest.raises(itinera.BadInput, match="list of place names"):
        itinera.geocode(["Paris", 3])



# Each map option, as the command line writes it and as Python's keyword: the library parses
# both (MapOptions::set and the CLI's flags build one MapOptions), so the bytes must be equal.
MAP_OPTION_CASES = [
    (["--width", "640", "--height", "420"], {"width": 640, "height": 420}),
    (["--title", "Khasan – Vladivostok"], {"title": "Khasan – Vladivostok"}),
    (["--subtitle", "August 2011"], {"subtitle": "August 2011"}),
    (["--theme", "dark"], {"theme": "dark"}),
    (["--no-legend"], {"legend": False}),
    (["--labels", "stops"], {"labels": "stops"}),
    (["--projection", "robinson"], {"projection": "robinson"}),
    (["--projection", "+proj=ortho +lat_0=45 +lon_0=120"], {"projection": "+proj=ortho +lat_0=45 +lon_0=120"}),
    (["--bbox", "100,30,150,60"], {"bbox": (100, 30, 150, 60)}),
    (["--bbox", "170,-50,-60,70"], {"bbox": "170,-50,-60,70"}),
    (["--units", "mi"], {"units": "mi"}),
    (["--inset", "none"], {"inset": "none"}),
    (["--label-lang", "ru"], {"label_lang": "ru"}),
]


@pytest.mark.parametrize("flags,keywords", MAP_OPTION_CASES, ids=lambda c: str(c)[:40])
def test_render_options_give_the_command_lines_bytes(tmp_path, repo, cli, flags, keywords):
    trip = str(repo / "geodata" / "trips" / "kji-2011.toml")
    size = [] if "--width" in flags else ["--width", "480", "--height", "300"]
    small = {} if "width" in keywords else {"width": 480, "height": 300}
    for ext in ["png", "svg"]:
        by_cli, by_py = tmp_path / f"cli.{ext}", tmp_path / f"py.{ext}"
        cli("render", trip, "-o", str(by_cli), *size, *flags)
        itinera.render(trip, by_py, **small, **keywords)
        assert by_cli.read_bytes() == by_py.read_bytes(), f"{flags} {ext}"


def test_every_map_option_has_a_case():
    named = {k for _, kw in MAP_OPTION_CASES for k in kw}
    assert named == {name for name, _ in itinera.MAP_OPTIONS}


def test_exports_give_the_command_lines_bytes_in_every_format(tmp_path, repo, cli, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1313798400")
    trip = str(repo / "geodata" / "trips" / "kji-2011.toml")
    names = [f["name"] for f in itinera.formats()["exports"]]
    assert "gpkg" in names
    for f in itinera.formats()["exports"]:
        ext = f["extensions"][0]
        by_cli, by_py = tmp_path / f"cli.{ext}", tmp_path / f"py.{ext}"
        cli("export", trip, "-o", str(by_cli))
        itinera.export(trip, by_py)
        assert by_cli.read_bytes() == by_py.read_bytes(), ext


def test_render_and_export_never_overwrite_the_trip_file(tmp_path, repo):
    # The probe's class: a trip file given as the output too. The CLI refuses; so does Python.
    trip = tmp_path / "v.toml"
    trip.write_bytes((repo / "geodata" / "trips" / "kji-2011.toml").read_bytes())
    before = trip.read_bytes()
    with pytest.raises(itinera.BadInput, match="input"):
        itinera.render(trip, trip, format="svg")
    with pytest.raises(itinera.BadInput, match="input"):
        itinera.export(str(trip), trip, format="gpkg")
    assert trip.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["v.toml"]


def test_export_writes_the_csv_sidecar_as_the_command_line_does(tmp_path, repo, cli):
    trip = str(repo / "geodata" / "trips" / "kji-2011.toml")
    cli("export", trip, "-o", str(tmp_path / "cli.csv"))
    itinera.export(trip, tmp_path / "py.csv")
    assert (tmp_path / "py.csvt").read_bytes() == (tmp_path / "cli.csvt").read_bytes()
    assert (tmp_path / "py.csv").read_bytes() == (tmp_path / "cli.csv").read_bytes()


def test_option_values_of_the_wrong_kind_are_named(tmp_path, repo, cli):
    trip = str(repo / "geodata" / "trips" / "kji-2011.toml")
    out = tmp_path / "m.png"
    with pytest.raises(itinera.BadInput, match="`800.5` is not a whole number"):
        itinera.render(trip, out, width=800.5)
    with pytest.raises(itinera.BadInput, match="out of range"):
        itinera.render(trip, out, width=2**70)
    with pytest.raises(itinera.BadInput, match="bbox item `'x'` is not a number"):
        itinera.render(trip, out, bbox=[120, 10, "x", 50])
    with pytest.raises(itinera.BadInput, match="bbox item `True`"):
        itinera.render(trip, out, bbox=(True, 0, 10, 10))
    # A number where text is wanted is its text, as on the command line.
    cli("render", trip, "-o", str(tmp_path / "cli.svg"), "--subtitle", "1.5", "--width", "480", "--height", "300")
    itinera.render(trip, tmp_path / "py.svg", subtitle=1.5, width=480, height=300)
    assert (tmp_path / "cli.svg").read_bytes() == (tmp_path / "py.svg").read_bytes()
    # Values in any case, as the command line now takes them.
    cli("render", trip, "-o", str(tmp_path / "cli2.svg"), "--theme", "Dark", "--width", "480", "--height", "300")
    itinera.render(trip, tmp_path / "py2.svg", theme="DARK", width=480, height=300)
    assert (tmp_path / "cli2.svg").read_bytes() == (tmp_path / "py2.svg").read_bytes()
    assert not out.exists()


def test_help_of_render_names_every_map_option():
    import inspect

    named = set(inspect.signature(itinera.render).parameters)
    assert {name for name, _ in itinera.MAP_OPTIONS} <= named


# A places CSV as `itinera extract --places` writes it; Kazan without coordinates is looked up.
PLACES = """place,geonameid,lat,lon,country,mentions,documents
Moscow,524901,55.75204,37.61781,RU,400,40
Beijing,1816670,39.9075,116.39723,CN,100,31
Kyiv,703448,50.45466,30.5238,UA,64,22
Tokyo,1850147,35.6895,139.69171,JP,25,8
Kazan,,,,RU,9,3
"""

# Proportional symbols, as the command line's flags and as Python's keywords.
SIZED_CASES = [
    (["--size-by", "mentions"], {"size_by": "mentions"}),
    (["--size-by", "documents", "--flannery"], {"size_by": "documents", "flannery": True}),
    (["--size-by", "mentions", "--theme", "dark", "--title", "Mentions", "--no-legend"],
     {"size_by": "mentions", "theme": "dark", "title": "Mentions", "legend": False}),
]


@pytest.mark.parametrize("flags,keywords", SIZED_CASES, ids=lambda c: str(c)[:40])
def test_size_by_gives_the_command_lines_bytes(tmp_path, cli, flags, keywords):
    places = tmp_path / "places.csv"
    places.write_text(PLACES, encoding="utf-8")
    for ext in ["png", "svg", "pdf", "html"]:
        by_cli, by_py = tmp_path / f"cli.{ext}", tmp_path / f"py.{ext}"
        cli("render", str(places), "-o", str(by_cli), "--width", "480", "--height", "300", *flags)
        itinera.render(places, by_py, width=480, height=300, **keywords)
        assert by_cli.read_bytes() == by_py.read_bytes(), f"{flags} {ext}"
    svg = (tmp_path / "py.svg").read_text(encoding="utf-8")
    assert svg.count('class="symbol"') == 5


def test_size_by_errors_name_the_problem(tmp_path):
    places = tmp_path / "places.csv"
    places.write_text(PLACES, encoding="utf-8")
    out = tmp_path / "m.png"
    with pytest.raises(itinera.BadInput, match="mention") as e:
        itinera.render(places, out, size_by="mention")
    assert "mentions" in str(e.value)  # the closest column
    with pytest.raises(itinera.BadInput, match="not a list of place names"):
        itinera.render(["Moscow", "Kazan"], out, size_by="mentions")
    with pytest.raises(itinera.BadInput, match="is not a file"):
        itinera.render(tmp_path, out, size_by="mentions")
    with pytest.raises(itinera.BadInput, match="flannery=True needs size_by"):
        itinera.render(places, out, flannery=True)
    with pytest.raises(TypeError, match="size_by"):
        itinera.render(places, out, size_by=3)
    with pytest.raises(TypeError, match="flannery"):
        itinera.render(places, out, size_by="mentions", flannery="yes")
    bad = tmp_path / "bad.csv"
    bad.write_text("place,mentions\nMoscow,12\nKazan,\"2,5\"\n", encoding="utf-8")
    with pytest.raises(itinera.BadInput, match="decimals with a point") as e:
        itinera.render(bad, out, size_by="mentions")
    assert (e.value.line, e.value.column) == (3, 7)
    with pytest.raises(itinera.BadInput, match="unknown map format"):
        itinera.render(places, tmp_path / "m.gif", size_by="mentions")
    # The input is never overwritten, and nothing is written on an error.
    with pytest.raises(itinera.BadInput, match="input"):
        itinera.render(places, places, size_by="mentions", format="svg")
    assert places.read_text(encoding="utf-8") == PLACES
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv", "places.csv"]
