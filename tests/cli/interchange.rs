//! Reading what itinera and other software write: every example trip through every export
//! format and back, hand-made files in the shapes Garmin, Strava, Google Earth, geojson.io
//! and togeojson give (`tests/fixtures/interchange`), long tracks, errors and GDAL's view of
//! every output.

use crate::harness::*;
use serde_json::Value;

const EXAMPLES: [&str; 4] = [
    "kji-2001.toml",
    "kji-2002.toml",
    "kji-2011.toml",
    "kji-2011-china.toml",
];

fn example(name: &str) -> String {
    format!("{}/geodata/trips/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> String {
    format!(
        "{}/tests/fixtures/interchange/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// A time as a value: `…:15.930Z` and `…:15.93Z` are the same instant.
pub fn normal_date(d: &Value) -> Option<String> {
    let d = d.as_str()?;
    let Some((head, tail)) = d.split_once('.') else {
        return Some(d.to_string());
    };
    let digits: String = tail.chars().take_while(char::is_ascii_digit).collect();
    let rest = &tail[digits.len()..];
    let digits = digits.trim_end_matches('0');
    Some(if digits.is_empty() {
        format!("{head}{rest}")
    } else {
        format!("{head}.{digits}{rest}")
    })
}

#[test]
fn every_example_reads_back_from_every_format() {
    let sb = Sandbox::new();
    for name in EXAMPLES {
        let trip = example(name);
        let table = sb.run(&["route", &trip]);
        table.ok();
        let json = sb.run(&["route", &trip, "-f", "json"]).json();
        for ext in ["geojson", "gpx", "kml", "csv"] {
            let file = format!("back.{ext}");
            sb.run(&["export", &trip, "-o", &file]).ok();
            // The same table: stops, distances to the metre, bearings, modes and totals.
            let again = sb.run(&["route", &file]);
            again.ok();
            assert_eq!(again.stdout, table.stdout, "{name} through {ext}");
            // The same stops to 1e-6 degrees, names and dates, and the same total.
            let back = sb.run(&["route", &file, "-f", "json"]).json();
            let (a, b) = (
                json["trips"].as_array().unwrap(),
                back["trips"].as_array().unwrap(),
            );
            assert_eq!(a.len(), b.len(), "{name} through {ext}");
            for (ta, tb) in a.iter().zip(b) {
                assert_eq!(ta["name"], tb["name"], "{name} through {ext}");
                let (sa, sb_) = (
                    ta["stops"].as_array().unwrap(),
                    tb["stops"].as_array().unwrap(),
                );
                assert_eq!(sa.len(), sb_.len(), "{name} through {ext}");
                for (x, y) in sa.iter().zip(sb_) {
                    for k in ["lat", "lon"] {
                        let d = (x[k].as_f64().unwrap() - y[k].as_f64().unwrap()).abs();
                        assert!(d <= 1e-6, "{name} through {ext}: {x} vs {y}");
                    }
                    assert_eq!(x["name"], y["name"], "{name} through {ext}");
                    assert_eq!(x["date"], y["date"], "{name} through {ext}");
                }
                let (da, db) = (
                    ta["total_m"].as_f64().unwrap(),
                    tb["total_m"].as_f64().unwrap(),
                );
                assert!((da - db).abs() < 0.01, "{name} through {ext}: {da} vs {db}");
            }
        }
    }
}

#[test]
fn files_other_software_writes_read_as_their_readme_says() {
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("expected.json")).unwrap()).unwrap();
    let files = expected.as_object().unwrap();
    assert!(files.len() >= 7, "{files:?}");
    for (file, trips) in files {
        let r = run_repo(&["route", &fixture(file), "-f", "json"]);
        r.ok();
        let got = r.json();
        let got = got["trips"].as_array().unwrap();
        let want = trips.as_array().unwrap();
        let names = |t: &[Value]| -> Vec<String> {
            t.iter()
                .map(|t| t["name"].as_str().unwrap_or_default().to_string())
                .collect()
        };
        assert_eq!(names(got), names(want), "{file}");
        for (g, w) in got.iter().zip(want) {
            let what = format!("{file}: {}", w["name"]);
            let stops = g["stops"].as_array().unwrap();
            assert_eq!(stops.len() as u64, w["stops"].as_u64().unwrap(), "{what}");
            for (stop, end, date) in [
                (&stops[0], &w["first"], &w["first_date"]),
                (&stops[stops.len() - 1], &w["last"], &w["last_date"]),
            ] {
                let (lat, lon) = (end[0].as_f64().unwrap(), end[1].as_f64().unwrap());
                assert!(
                    (stop["lat"].as_f64().unwrap() - lat).abs() <= 1e-6
                        && (stop["lon"].as_f64().unwrap() - lon).abs() <= 1e-6,
                    "{what}: {stop} is not at {end}"
                );
                assert_eq!(normal_date(&stop["date"]), normal_date(date), "{what}");
            }
            if let Some(want_names) = w["names"].as_array() {
                let got_names: Vec<&Value> = stops.iter().map(|s| &s["name"]).collect();
                assert_eq!(got_names, want_names.iter().collect::<Vec<_>>(), "{what}");
            }
        }
    }
}

#[test]
fn hand_made_files_render() {
    let sb = Sandbox::new();
    for file in ["garmin.gpx", "google-earth.kml", "geojson-io.geojson"] {
        let r = sb.run(&["render", &fixture(file), "-o", "map.png", "-o", "map.svg"]);
        r.ok();
        assert!(!r.stderr.contains("warning"), "{file}: {}", r.stderr);
    }
}

#[test]
fn a_long_track_renders_and_every_vertex_counts() {
    // 20,000 GPS points (the benchmark draws 100,000): one leg per pair of points in the
    // route, whatever drawing simplifies.
    let n = 20_000;
    let mut gpx = String::from(
        "<?xml version=\"1.0\"?>\n<gpx version=\"1.1\" creator=\"test\" \
         xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><name>Walk</name><trkseg>\n",
    );
    for i in 0..n {
        let t = i as f64 / n as f64;
        let (lat, lon) = (43.0 + 5.0 * t, 131.0 + 0.5 * (t * 40.0).sin());
        gpx.push_str(&format!(
            "<trkpt lat=\"{lat:.6}\" lon=\"{lon:.6}\"><time>2020-01-01T00:00:00Z</time></trkpt>\n"
        ));
    }
    gpx.push_str("</trkseg></trk></gpx>\n");
    let sb = Sandbox::new();
    sb.write("walk.gpx", &gpx);
    let route = sb.run(&["route", "walk.gpx", "-f", "json"]).json();
    assert_eq!(
        route["trips"][0]["legs"].as_array().unwrap().len(),
        n - 1,
        "distances use every vertex"
    );
    // The table folds the track's unnamed points into one row from end to end, with the
    // same total; `--every-point` gives a row a leg.
    let total = format!("{:.3}", route["trips"][0]["total"].as_f64().unwrap());
    let table = sb.run(&["route", "walk.gpx"]);
    let rows: Vec<&str> = table.ok().stdout.lines().collect();
    let row = rows
        .iter()
        .find(|l| l.trim_start().starts_with("1 "))
        .unwrap();
    assert!(
        row.contains("point 1 ") && row.contains(&format!("point {n} (via {} points)", n - 2)),
        "{row}"
    );
    assert!(row.contains(&total) && row.contains('–'), "{row}");
    assert!(
        !rows.iter().any(|l| l.trim_start().starts_with("2 ")),
        "one row"
    );
    assert!(
        rows.iter()
            .any(|l| l.contains(&format!("total {total} km")))
    );
    let every = sb.run(&["route", "walk.gpx", "--every-point"]);
    let last = format!("{} point {} point {n} ", n - 1, n - 1);
    assert!(
        every.ok().stdout.lines().any(|l| l
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .starts_with(&last)),
        "a row a leg"
    );
    sb.run(&["render", "walk.gpx", "-o", "walk.png", "-o", "walk.svg"])
        .ok();
    let svg = std::fs::read_to_string(sb.path("walk.svg")).unwrap();
    // Markers at the two ends only: the vertices of a track are drawn by its line.
    assert_eq!(svg.matches("class=\"terminal\"").count(), 2, "markers");
    assert!(!svg.contains("class=\"stop\""), "a vertex has a marker");
}

#[test]
fn errors_in_gis_files_point_at_file_line_column() {
    let sb = Sandbox::new();
    sb.write(
        "bad.gpx",
        "<gpx version=\"1.1\">\n  <wpt lat=\"42.4\" lon=\"east\"><name>Khasan</name></wpt>\n</gpx>\n",
    );
    sb.run(&["route", "bad.gpx"])
        .bad_input("`lon` must be a number, found `east`")
        .stderr_has("bad.gpx:2:24");
    sb.write("bad.kml", "<kml>\n<Document>\n</kml>\n");
    sb.run(&["route", "bad.kml"])
        .bad_input("invalid XML")
        .stderr_has("bad.kml:3:");
    sb.write(
        "bad.geojson",
        "{\"type\": \"FeatureCollection\",\n \"features\": [\n  {\"type\": \"Feature\" \"geometry\": null}]}",
    );
    sb.run(&["route", "bad.geojson"])
        .bad_input("invalid GeoJSON")
        .stderr_has("bad.geojson:3:");
    // The input is never modified, nor an output begun.
    assert_eq!(sb.files().len(), 3);
}

#[test]
fn formats_by_content_on_stdin_or_by_flag() {
    let sb = Sandbox::new();
    let kml = std::fs::read_to_string(fixture("google-earth.kml")).unwrap();
    let r = sb.run_stdin(&["route", "-"], &kml);
    r.ok();
    assert!(r.stdout.contains("Dandong"), "{}", r.stdout);
    sb.write(
        "trip.txt",
        r#"{"type": "MultiPoint", "coordinates": [[130.65156, 42.42387], [131.95734, 43.80467]]}"#,
    );
    let r = sb.run(&["route", "trip.txt", "--input-format", "geojson"]);
    r.ok();
    // Unnamed points are labelled after the nearest notable place.
    assert!(r.stdout.contains("near"), "{}", r.stdout);
    sb.run(&["route", "trip.txt", "--input-format", "gpx"])
        .bad_input("invalid XML");
}

/// `ogrinfo -al -so` of a file: its layers and typed fields.
fn ogrinfo(sb: &Sandbox, file: &str) -> String {
    let out = std::process::Command::new("ogrinfo")
        .args(["-al", "-so", sb.path(file).to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "ogrinfo {file}: {out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn gdal_reads_every_output_with_typed_fields() {
    if !have("ogrinfo") {
        return;
    }
    let sb = Sandbox::new();
    let trip = example("kji-2011.toml");
    sb.run(&[
        "export",
        &trip,
        "-o",
        "t.geojson",
        "-o",
        "t.kml",
        "-o",
        "t.gpx",
        "-o",
        "t.csv",
    ])
    .ok();
    sb.run(&["export", &trip, "-o", "l.geojson", "--layers"])
        .ok();
    let want: [(&str, &[&str]); 6] = [
        (
            "t.geojson",
            &[
                "leg: Integer",
                "distance_km: Real",
                "bearing_deg: Real",
                "date: Date",
                "from_date: Date",
                "geonameid: Integer",
            ],
        ),
        (
            "l.legs.geojson",
            &[
                "Geometry: Multi Line String",
                "leg: Integer",
                "distance_m: Real",
            ],
        ),
        (
            "l.stops.geojson",
            &["Geometry: Point", "date: Date", "order: Integer"],
        ),
        (
            "t.kml",
            &["timestamp: DateTime", "begin: DateTime", "mode: String"],
        ),
        (
            "t.gpx",
            &["Layer name: route_points", "time: DateTime", "type: String"],
        ),
        (
            "t.csv",
            &[
                "leg: Integer",
                "distance_km: Real",
                "from_lat: Real",
                "to_lon: Real",
            ],
        ),
    ];
    for (file, fields) in want {
        let info = ogrinfo(&sb, file);
        for f in fields {
            assert!(info.contains(f), "ogrinfo {file}: no `{f}`\n{info}");
        }
    }
}

#[test]
fn gps_waypoints_are_places_without_legs() {
    // A GPS's waypoints are spots it saved, not a journey (gpxpy's Garmin logs have them
    // beside the tracks): markers and a list, no legs, no distance.
    let sb = Sandbox::new();
    sb.write(
        "walk.gpx",
        r#"<?xml version="1.0"?>
<gpx version="1.1" creator="eTrex" xmlns="http://www.topografix.com/GPX/1/1">
  <wpt lat="45.772161" lon="14.357650"><time>2010-08-05T14:23:59Z</time><name>001</name><sym>Flag</sym></wpt>
  <wpt lat="45.735202" lon="14.377518"><name>BIRDS NEST</name></wpt>
  <trk><name>ACTIVE LOG</name><trkseg>
    <trkpt lat="45.772175" lon="14.357659"/><trkpt lat="45.772090" lon="14.357567"/>
  </trkseg></trk>
</gpx>
"#,
    );
    let table = sb.run(&["route", "walk.gpx"]);
    let out = &table.ok().stdout;
    assert!(
        out.contains("Waypoints (2 places; no journey between them, so no legs)"),
        "{out}"
    );
    assert!(out.contains("BIRDS NEST  45.73520  14.37752"), "{out}");
    let json = sb.run(&["route", "walk.gpx", "-f", "json"]).json();
    assert_eq!(json["trips"][0]["legs"].as_array().unwrap().len(), 0);
    assert_eq!(json["trips"][0]["total_m"], 0.0);
    assert_eq!(json["trips"][0]["places"], true);
    assert!(json["trips"][1].get("places").is_none(), "a journey");
    assert_eq!(json["trips"][1]["legs"].as_array().unwrap().len(), 1);
    sb.run(&["render", "walk.gpx", "-o", "walk.svg"]).ok();
    let svg = std::fs::read_to_string(sb.path("walk.svg")).unwrap();
    assert!(svg.contains("· 2 places<"), "the legend counts the places");
    // Written out and read back, they stay places.
    for out in ["back.geojson", "back.kml", "back.gpx"] {
        sb.run(&["export", "walk.gpx", "-o", out]).ok();
        let back = sb.run(&["route", out]);
        assert!(
            back.ok().stdout.contains("(2 places; no journey"),
            "{out}: {}",
            back.stdout
        );
    }
    sb.run(&["export", "walk.gpx", "-o", "legs.csv"])
        .ok()
        .stderr_has("`Waypoints` is not in legs.csv");
    // A group of places under another name loses the name in GPX, and says so.
    let geojson = std::fs::read_to_string(sb.path("back.geojson"))
        .unwrap()
        .replace("\"trip\":\"Waypoints\"", "\"trip\":\"Saved\"");
    sb.write("saved.geojson", geojson);
    sb.run(&["export", "saved.geojson", "-o", "saved.gpx"])
        .ok()
        .stderr_has("the places of `Saved` are plain waypoints in saved.gpx");
}
