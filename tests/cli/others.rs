//! Files itinera did not write, read as other software reads them: the GPX test files of
//! gpxpy 1.6.2 (GPS logs from Garmin eTrex and OSMTracker devices, and files of gpxpy's own
//! bug reports), fetched by `.ci/run` from PyPI into `ITINERA_OTHERS`. What each should give
//! comes from gpxpy's parse and GeographicLib's distances
//! (`tests/fixtures/others/derive.py`, `gpxpy-1.6.2.json`), not from itinera.

use crate::harness::*;
use crate::interchange::normal_date;
use serde_json::Value;

/// A time to the microsecond, as Python holds it (`…:52.2073437Z` is `…:52.207343Z`).
fn micro(t: &Value) -> Option<String> {
    let t = normal_date(t)?;
    let Some((head, tail)) = t.split_once('.') else {
        return Some(t);
    };
    let digits = tail.chars().take_while(char::is_ascii_digit).count();
    let kept = &tail[..digits.min(6)];
    Some(format!("{head}.{kept}{}", &tail[digits..]))
}

#[test]
fn gpxpy_test_files_read_as_gpxpy_and_geographiclib_say() {
    let Some(root) = fetched("ITINERA_OTHERS", "gpxpy-1.6.2/test_files/Mojstrovka.gpx") else {
        return;
    };
    let dir = root.join("gpxpy-1.6.2/test_files");
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(format!(
            "{}/tests/fixtures/others/gpxpy-1.6.2.json",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap(),
    )
    .unwrap();
    let files = expected["files"].as_array().unwrap();
    let on_disk = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "gpx"))
        .count();
    assert_eq!(on_disk, files.len(), "an expectation for every file");
    let (mut trips_seen, mut points_seen) = (0, 0);
    for f in files {
        let name = f["file"].as_str().unwrap();
        let path = dir.join(name);
        let run = run_in(&dir, &["route", path.to_str().unwrap(), "-f", "json"], None);
        let want = f["trips"].as_array().unwrap();
        if want.is_empty() {
            // No waypoint, route point or track point: bad input, located.
            run.bad_input("no points or lines in the GPX file")
                .stderr_has(&format!("{name}:1:1"));
            continue;
        }
        let got = run.ok().json();
        let got = got["trips"].as_array().unwrap();
        assert_eq!(got.len(), want.len(), "{name}: trips");
        for (g, w) in got.iter().zip(want) {
            let what = format!("{name}, {}", w["name"]);
            if let Some(n) = w["name"].as_str() {
                assert_eq!(g["name"], n, "{what}: name");
            }
            let stops = g["stops"].as_array().unwrap();
            assert_eq!(stops.len() as u64, w["points"], "{what}: points");
            // Waypoints are places a GPS saved: no legs between them.
            let legs = g["legs"].as_array().unwrap().len();
            match w["kind"].as_str() {
                Some("waypoints") => assert_eq!(legs, 0, "{what}: legs between waypoints"),
                _ => assert_eq!(legs + 1, stops.len(), "{what}: legs"),
            }
            for (stop, end) in [
                (&stops[0], &w["first"]),
                (&stops[stops.len() - 1], &w["last"]),
            ] {
                for (key, k) in [("lat", 0), ("lon", 1)] {
                    let d = stop[key].as_f64().unwrap() - end[k].as_f64().unwrap();
                    assert!(d.abs() < 1e-9, "{what}: {key} off by {d}");
                }
            }
            let times = w["times"].as_array().unwrap();
            for (i, (stop, t)) in stops.iter().zip(times).enumerate() {
                assert_eq!(
                    micro(&stop["date"]),
                    micro(t),
                    "{what}: time of point {}",
                    i + 1
                );
            }
            let d = g["total_m"].as_f64().unwrap() - w["total_m"].as_f64().unwrap();
            assert!(
                d.abs() <= 0.0015,
                "{what}: total off GeographicLib's by {d} m"
            );
            trips_seen += 1;
            points_seen += stops.len();
        }
    }
    assert!(
        trips_seen >= 50 && points_seen >= 2000,
        "{trips_seen} trips, {points_seen} points"
    );
}
