use crate::harness::*;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

/// GeographicLib 2.1 (Python) for the GeoNames coordinates of the three places.
const KHASAN_USSURIYSK_M: f64 = 186_612.251870;
const USSURIYSK_ULAN_UDE_M: f64 = 2_017_455.848846;

#[test]
fn ad_hoc_route_json_matches_geographiclib() {
    let r = Sandbox::new().run(&[
        "route",
        "Khasan",
        "Ussuriysk",
        "Ulan-Ude",
        "--format",
        "json",
    ]);
    let v = r.ok().json();
    let trip = &v["trips"][0];
    let legs = trip["legs"].as_array().unwrap();
    assert_eq!(legs.len(), 2);
    assert_eq!(
        (legs[0]["from"].as_str(), legs[0]["to"].as_str()),
        (Some("Khasan"), Some("Ussuriysk"))
    );
    assert!((legs[0]["distance_m"].as_f64().unwrap() - KHASAN_USSURIYSK_M).abs() < 0.001);
    assert!((legs[1]["distance_m"].as_f64().unwrap() - USSURIYSK_ULAN_UDE_M).abs() < 0.001);
    // Rounded as the GeoJSON rounds: bearings to hundredths, distances to the millimetre.
    assert_eq!(legs[0]["bearing_deg"].as_f64().unwrap(), 34.27);
    assert_eq!(legs[0]["distance"].as_f64().unwrap(), 186.612252);
    let total = trip["total_m"].as_f64().unwrap();
    assert!((total - KHASAN_USSURIYSK_M - USSURIYSK_ULAN_UDE_M).abs() < 0.002);
}

#[test]
fn table_has_cumulative_distances_and_total() {
    let r = Sandbox::new().run(&["route", "Khasan", "Ussuriysk", "Ulan-Ude"]);
    r.ok();
    assert!(r.stdout.contains("186.612"), "{}", r.stdout);
    assert!(r.stdout.contains("2204.068"), "{}", r.stdout);
    assert!(r.stdout.contains("total 2204.068 km"), "{}", r.stdout);
    assert!(r.stdout.contains("geodesic"));
}

#[test]
fn units_and_csv() {
    let r = Sandbox::new().run(&[
        "route",
        "Khasan",
        "Ussuriysk",
        "--units",
        "mi",
        "--format",
        "csv",
    ]);
    r.ok();
    let mut lines = r.stdout.lines();
    assert_eq!(
        lines.next(),
        Some(
            "trip,leg,from,to,distance_mi,cumulative_mi,bearing_deg,mode,from_date,to_date,from_lat,from_lon,to_lat,to_lon"
        )
    );
    let row: Vec<&str> = lines.next().unwrap().split(',').collect();
    let mi: f64 = row[4].parse().unwrap();
    // 3 decimals: to the mile-thousandth, as `export -o legs.csv` writes it.
    assert!((mi - KHASAN_USSURIYSK_M / 1609.344).abs() < 0.0005, "{mi}");
    let r = Sandbox::new().run(&[
        "route",
        "Khasan",
        "Ussuriysk",
        "--units",
        "nmi",
        "--format",
        "json",
    ]);
    let d = r.ok().json()["trips"][0]["legs"][0]["distance"]
        .as_f64()
        .unwrap();
    // Nautical miles to six decimals (the millimetre is 5.4e-7 nmi).
    assert!((d - KHASAN_USSURIYSK_M / 1852.0).abs() <= 5e-7);
}

#[test]
fn trip_context_picks_the_near_namesake() {
    let r = Sandbox::new().run(&["route", "Dallas", "Paris", "Texarkana", "--format", "json"]);
    let v = r.ok().json();
    assert_eq!(v["trips"][0]["stops"][1]["country"], "US");
}

#[test]
fn one_stop_is_fine() {
    let r = Sandbox::new().run(&["route", "Khasan"]);
    r.ok();
    assert!(r.stdout.contains("no legs"), "{}", r.stdout);
    assert!(r.stdout.contains("total 0.000 km"), "{}", r.stdout);
}

#[test]
fn csv_trip_from_stdin() {
    let r = Sandbox::new().run_stdin(
        &["route", "-", "--format", "json"],
        "trip,place,country,date\nA,Khasan,RU,2011-08-20\nA,Ussuriysk,RU,\n",
    );
    let v = r.ok().json();
    assert!(
        (v["trips"][0]["legs"][0]["distance_m"].as_f64().unwrap() - KHASAN_USSURIYSK_M).abs()
            < 0.001
    );
}

#[test]
fn closed_pipe_exits_quietly() {
    // A trip long enough that the table overflows the pipe buffer.
    let mut csv = String::from("trip,name,lat,lon\n");
    for i in 0..5000 {
        csv.push_str(&format!(
            "T,s{i},{},{}\n",
            (i % 80) as f64,
            (i % 170) as f64
        ));
    }
    let sb = Sandbox::new();
    let trip = sb.write("long.csv", csv);
    let mut child = Command::new(BIN)
        .args(["route", trip.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // Dropping the reader closed the pipe, as `| head -1` does.
    let out = child.wait_with_output().unwrap();
    assert!(first.starts_with('T'), "{first}");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn london_to_berlin_passes_through_koeln_and_coordinates_are_stops() {
    let r = Sandbox::new().run(&[
        "route", "London", "Brussels", "Cologne", "Berlin", "--strict", "--format", "json",
    ]);
    let legs = r.ok().json()["trips"][0]["legs"]
        .as_array()
        .unwrap()
        .clone();
    // Brussels -> Köln is about 180 km due east; the Lombard namesake would be 700 km south-east.
    let d = legs[1]["distance_m"].as_f64().unwrap();
    assert!((170_000.0..200_000.0).contains(&d), "{d}");
    let r = Sandbox::new().run(&["route", "51.85,107.9", "Ulan-Ude", "--format", "json"]);
    let legs = r.ok().json()["trips"][0]["legs"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(legs[0]["from"], "near Ulan-Ude");
}

#[test]
fn an_ambiguous_stop_warns_with_how_to_choose_and_strict_refuses() {
    // Seattle as the next stop settles it: no warning.
    let r = Sandbox::new().run(&["route", "Portland", "Seattle"]);
    assert!(!r.ok().stderr.contains("ambiguous"), "{}", r.stderr);
    Sandbox::new()
        .run(&["route", "Portland"])
        .ok()
        .stderr_has("`Portland` is ambiguous")
        .stderr_has("`Portland, Maine`");
    Sandbox::new()
        .run(&["route", "Portland", "--strict"])
        .bad_input("`Portland` is ambiguous")
        .stderr_has("region = \"Oregon\"");
    let s = Sandbox::new();
    s.write(
        "t.toml",
        "[[trips]]\nstops = [{ place = \"Portland\", region = \"ME\" }, \"Boston\"]\n",
    );
    let r = s.run(&["route", "t.toml", "--strict", "--format", "json"]);
    let d = r.ok().json()["trips"][0]["legs"][0]["distance_m"]
        .as_f64()
        .unwrap();
    assert!(
        d < 200_000.0,
        "Portland, Maine to Boston is about 160 km, got {d}"
    );
}

#[test]
fn a_legs_csv_missing_a_column_says_which() {
    // Reading legs CSVs back: `interchange::every_example_reads_back_from_every_format`.
    let sb = Sandbox::new();
    sb.write(
        "bad.csv",
        "trip,leg,from,to,from_lat,from_lon,to_lat\nT,1,A,B,1,2,3\n",
    );
    sb.run(&["route", "bad.csv"])
        .bad_input("a legs CSV needs the column `to_lon`");
}

#[test]
fn csv_coordinates_come_under_the_names_gis_tools_give_them() {
    let sb = Sandbox::new();
    sb.write(
        "ll.csv",
        "name,latitude,longitude\nKhasan,42.42387,130.65156\nUssuriysk,43.80467,131.95734\n",
    );
    sb.write(
        "xy.csv",
        "name,X,Y\nKhasan,130.65156,42.42387\nUssuriysk,131.95734,43.80467\n",
    );
    sb.write(
        "lng.csv",
        "name,lat,lng\nKhasan,42.42387,130.65156\nUssuriysk,43.80467,131.95734\n",
    );
    let tables: Vec<String> = ["ll.csv", "xy.csv", "lng.csv"]
        .iter()
        .map(|f| {
            let r = sb.run(&["route", f]);
            r.ok();
            r.stdout.clone()
        })
        .collect();
    assert!(tables[0].contains("186.612"), "{}", tables[0]);
    assert!(tables.iter().all(|t| *t == tables[0]));
    sb.write("dup.csv", "name,lat,latitude\nA,1,2\n");
    sb.run(&["route", "dup.csv"])
        .bad_input("column `latitude` is `lat` again");
}
