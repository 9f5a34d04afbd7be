//! GeoPackage export, opened as QGIS opens it (GDAL's `ogrinfo`), checked against the spec by
//! GDAL's own validator (`validate_gpkg.py`, Debian python3-gdal) and read table by table with
//! the `sqlite3` shell: two layers with typed columns, the required tables, the pragmas.

use crate::harness::*;
use std::path::Path;
use std::process::Command;

/// Runs a program; its standard output, after checking it succeeded with nothing on stderr
/// (GDAL warns there of a wrong application id, a bad DATE or a geometry of the wrong type).
fn quiet(program: &str, args: &[&str], file: &Path, after: &[&str]) -> String {
    let out = Command::new(program)
        .args(args)
        .arg(file)
        .args(after)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{program}: {stderr}");
    assert!(stderr.trim().is_empty(), "{program} warned: {stderr}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn ogrinfo_reads_both_layers_with_their_types() {
    let sb = Sandbox::new();
    let trip = format!("{}/geodata/trips/kji-2011.toml", env!("CARGO_MANIFEST_DIR"));
    sb.run(&["export", &trip, "-o", "kji.gpkg"]).ok();
    let bytes = std::fs::read(sb.path("kji.gpkg")).unwrap();
    // A SQLite file (Req 1) with GeoPackage's application id and version 1.3 (Req 2).
    assert_eq!(&bytes[..16], b"SQLite format 3\0");
    assert_eq!(&bytes[68..72], b"GPKG");
    assert_eq!(u32::from_be_bytes(bytes[60..64].try_into().unwrap()), 10300);
    if !have("ogrinfo") {
        return;
    }
    let info = quiet("ogrinfo", &["-ro", "-al", "-so"], &sb.path("kji.gpkg"), &[]);
    let legs = info.split("Layer name: stops").next().unwrap();
    let stops = info.split("Layer name: stops").nth(1).unwrap();
    assert!(legs.contains("Layer name: legs"), "{info}");
    assert!(legs.contains("Geometry: Multi Line String"), "{legs}");
    assert!(stops.contains("Geometry: Point"), "{stops}");
    assert!(info.contains("ID[\"EPSG\",4326]"), "{info}");
    let v = run_repo(&["route", "geodata/trips/kji-2011.toml", "--format", "json"]).json();
    let trips = v["trips"].as_array().unwrap();
    let count =
        |key: &str| -> usize { trips.iter().map(|t| t[key].as_array().unwrap().len()).sum() };
    assert!(
        legs.contains(&format!("Feature Count: {}", count("legs"))),
        "{legs}"
    );
    assert!(
        stops.contains(&format!("Feature Count: {}", count("stops"))),
        "{stops}"
    );
    for field in [
        "trip: String",
        "leg: Integer",
        "distance_m: Real",
        "bearing_deg: Real",
        "from_day: Date",
        "departs: DateTime",
    ] {
        assert!(legs.contains(field), "legs lack {field}:\n{legs}");
    }
    for field in [
        "stop_order: Integer",
        "name: String",
        "geonameid: Integer64",
        "lat: Real",
        "day: Date",
        "time: DateTime",
        "places: Integer(Boolean)",
    ] {
        assert!(stops.contains(field), "stops lack {field}:\n{stops}");
    }
    // The distances are the route's, to the millimetre.
    let first = quiet(
        "ogrinfo",
        &["-ro", "-q", "-where", "leg = 1"],
        &sb.path("kji.gpkg"),
        &["legs"],
    );
    let metres = trips[0]["legs"][0]["distance_m"].as_f64().unwrap();
    let line = first
        .lines()
        .find(|l| l.trim_start().starts_with("distance_m (Real) = "))
        .unwrap();
    let written: f64 = line.rsplit(" = ").next().unwrap().trim().parse().unwrap();
    assert!((written - metres).abs() < 0.001, "{written} vs {metres}");
}

#[test]
fn the_spec_validator_and_sqlite_find_the_required_tables() {
    let sb = Sandbox::new();
    sb.run(&["export", "Anadyr", "Nome", "Honolulu", "-o", "pacific.gpkg"])
        .ok();
    let file = sb.path("pacific.gpkg");
    if have("sqlite3") {
        let tables = quiet(
            "sqlite3",
            &[
                "-readonly",
                "-cmd",
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
            ],
            &file,
            &[],
        );
        for t in [
            "gpkg_contents",
            "gpkg_geometry_columns",
            "gpkg_spatial_ref_sys",
            "legs",
            "stops",
        ] {
            assert!(tables.lines().any(|l| l == t), "no table {t}: {tables}");
        }
        let checks = quiet(
            "sqlite3",
            &[
                "-readonly",
                "-cmd",
                "PRAGMA integrity_check; PRAGMA foreign_key_check; \
                 SELECT srs_id FROM gpkg_spatial_ref_sys ORDER BY srs_id; \
                 SELECT table_name, data_type FROM gpkg_contents ORDER BY table_name;",
            ],
            &file,
            &[],
        );
        assert_eq!(checks, "ok\n-1\n0\n4326\nlegs|features\nstops|features\n");
    }
    // GDAL's implementation of the spec's abstract tests, with its checks of values (--extra).
    let validator = "/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py";
    if Path::new(validator).exists() || std::env::var_os("CI").is_some() {
        let out = Command::new("/usr/bin/python3")
            .args([validator, "--extra"])
            .arg(&file)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "validate_gpkg: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    if have("ogrinfo") {
        // The leg across ±180° is one feature of two parts, on either side.
        let legs = quiet(
            "ogrinfo",
            &["-ro", "-q", "-where", "leg = 1"],
            &file,
            &["legs"],
        );
        assert!(legs.contains("MULTILINESTRING ((177.5"), "{legs}");
        assert!(legs.contains(" 180 ") || legs.contains("180.0 "), "{legs}");
        assert!(legs.contains("(-180 "), "{legs}");
    }
}

#[test]
fn times_with_an_offset_are_utc_datetimes_and_others_stay_text() {
    let sb = Sandbox::new();
    sb.write(
        "t.toml",
        "[[trips]]\nname = \"Night train\"\nstops = [\n  \
         { place = \"Khasan\", date = \"2011-08-20T10:00+10:00\" },\n  \
         { place = \"Ussuriysk\", date = \"2011-08-21T07:30\" },\n  \
         { place = \"Vladivostok\", date = \"2011-08\" },\n]\n",
    );
    sb.run(&["export", "t.toml", "-o", "t.gpkg"]).ok();
    if !have("ogrinfo") {
        return;
    }
    let legs = quiet("ogrinfo", &["-ro", "-q"], &sb.path("t.gpkg"), &["legs"]);
    assert!(
        legs.contains("departs (DateTime) = 2011/08/20 00:00:00+00"),
        "{legs}"
    );
    assert!(
        legs.contains("from_date (String) = 2011-08-20T10:00:00+10:00"),
        "{legs}"
    );
    assert!(legs.contains("to_day (Date) = 2011/08/21"), "{legs}");
    assert!(legs.contains("arrives (DateTime) = (null)"), "{legs}");
    assert!(legs.contains("to_date (String) = 2011-08"), "{legs}");
}

#[test]
fn a_geopackage_goes_to_standard_output_and_by_format() {
    let sb = Sandbox::new();
    let out = Command::new(env!("CARGO_BIN_EXE_itinera"))
        .args([
            "export",
            "Khasan",
            "Vladivostok",
            "--format",
            "gpkg",
            "-o",
            "-",
        ])
        .current_dir(sb.path("."))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(out.stdout.starts_with(b"SQLite format 3\0"));
    // Written in the same second from the same trip, the file is the same bytes.
    sb.run(&["export", "Khasan", "Vladivostok", "-o", "a.gpkg"])
        .ok();
    let again = Command::new(env!("CARGO_BIN_EXE_itinera"))
        .args(["export", "Khasan", "Vladivostok", "-o", "b.gpkg"])
        .env("SOURCE_DATE_EPOCH", "0")
        .current_dir(sb.path("."))
        .output()
        .unwrap();
    assert!(again.status.success());
    let b = std::fs::read(sb.path("b.gpkg")).unwrap();
    let text = String::from_utf8_lossy(&b);
    assert!(
        text.contains("1970-01-01T00:00:00.000Z"),
        "SOURCE_DATE_EPOCH is the last change"
    );
}

/// The probe's class: stops exactly on ±180. A leg that only touches the antimeridian is one
/// part; one that crosses from a stop on it starts its second part there; no part is a lone
/// point (GEOS and RFC 7946 refuse those), in the GeoPackage and the GeoJSON alike.
#[test]
fn stops_on_the_antimeridian_make_valid_lines() {
    let sb = Sandbox::new();
    sb.write(
        "on180.toml",
        "[[trips]]\nname = \"Fiji\"\nstops = [\n  \
         { name = \"On -180\", lat = -17.0, lon = -180.0 },\n  \
         { name = \"West\", lat = -17.5, lon = 178.0 },\n]\n\
         [[trips]]\nname = \"Along\"\nstops = [\n  \
         { name = \"A\", lat = -16.0, lon = 180.0 },\n  \
         { name = \"B\", lat = -17.0, lon = -180.0 },\n]\n\
         [[trips]]\nname = \"Across\"\nstops = [\n  \
         { name = \"C\", lat = 1.0, lon = -180.0 },\n  \
         { name = \"D\", lat = 2.0, lon = 179.0 },\n  \
         { name = \"E\", lat = 3.0, lon = -179.0 },\n]\n",
    );
    sb.run(&[
        "export",
        "on180.toml",
        "-o",
        "on180.gpkg",
        "-o",
        "on180.geojson",
    ])
    .ok();
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(sb.path("on180.geojson")).unwrap()).unwrap();
    let mut lines = 0;
    for f in doc["features"].as_array().unwrap() {
        let g = &f["geometry"];
        let parts: Vec<&serde_json::Value> = match g["type"].as_str().unwrap() {
            "LineString" => vec![&g["coordinates"]],
            "MultiLineString" => g["coordinates"].as_array().unwrap().iter().collect(),
            _ => continue,
        };
        lines += 1;
        for p in parts {
            assert!(p.as_array().unwrap().len() >= 2, "a lone point: {g}");
        }
    }
    assert_eq!(lines, 4);
    if have("ogrinfo") {
        let legs = quiet("ogrinfo", &["-ro", "-q"], &sb.path("on180.gpkg"), &["legs"]);
        let geoms: Vec<&str> = legs
            .lines()
            .filter(|l| l.trim_start().starts_with("MULTILINESTRING"))
            .collect();
        assert_eq!(geoms.len(), 4, "{legs}");
        // Fiji and Along touch ±180 and never cross: one part each, on the +180 side.
        assert!(!geoms[0].contains("),("), "{}", geoms[0]);
        assert!(
            geoms[0].starts_with("  MULTILINESTRING ((180 -17,"),
            "{}",
            geoms[0]
        );
        assert!(!geoms[1].contains("),("), "{}", geoms[1]);
        for g in &geoms {
            for part in g.split("),(") {
                assert!(part.contains(','), "a lone point in {g}");
            }
        }
    }
}

/// Files itinera only writes are refused by their names when given to read (not as "not UTF-8
/// text"), and a GeoPackage written under another extension is written with a warning.
#[test]
fn written_only_formats_are_named_when_read_and_warned_of_when_misnamed() {
    let sb = Sandbox::new();
    sb.run(&["export", "Khasan", "Vladivostok", "-o", "k.gpkg"])
        .ok();
    sb.run(&["route", "k.gpkg"])
        .bad_input("`k.gpkg` is a gpkg file, which itinera writes but does not read");
    sb.run(&["render", "Khasan", "Vladivostok", "-o", "m.png"])
        .ok();
    sb.run(&["export", "m.png"])
        .bad_input("`m.png` is a png map, which itinera writes but does not read");
    sb.run(&[
        "export",
        "Khasan",
        "Vladivostok",
        "--format",
        "gpkg",
        "-o",
        "k.dat",
    ])
    .ok()
    .stderr_has("other tools will not know a .dat file as gpkg");
    assert!(
        std::fs::read(sb.path("k.dat"))
            .unwrap()
            .starts_with(b"SQLite format 3\0")
    );
}
