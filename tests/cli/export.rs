use crate::harness::*;
use std::process::Command;

fn geojson(r: &Run) -> geojson::FeatureCollection {
    r.stdout
        .parse::<geojson::GeoJson>()
        .map(|g| geojson::FeatureCollection::try_from(g).unwrap())
        .unwrap()
}

#[test]
fn export_to_stdout_is_a_feature_collection() {
    let r = Sandbox::new().run(&["export", "Khasan", "Ussuriysk", "Ulan-Ude", "-o", "-"]);
    let fc = geojson(r.ok());
    // 2 legs + 3 stops
    assert_eq!(fc.features.len(), 5);
    let bbox = fc.bbox.clone().unwrap();
    assert_eq!(bbox, vec![107.59979, 42.42387, 131.95734, 51.82648]);
    let leg = &fc.features[1];
    let props = leg.properties.as_ref().unwrap();
    assert_eq!(props["from"], "Ussuriysk");
    assert!((props["distance_m"].as_f64().unwrap() - 2_017_455.849).abs() < 0.001);
    match &leg.geometry.as_ref().unwrap().value {
        geojson::GeometryValue::LineString { coordinates } => {
            assert!(coordinates.len() >= 203, "a vertex at least every 10 km");
            assert_eq!(coordinates[0].as_slice(), [131.95734, 43.80467]);
            for p in coordinates {
                // 6 decimals at most
                for x in p.as_slice() {
                    assert_eq!((x * 1e6).round() / 1e6, *x);
                }
            }
        }
        other => panic!("{other:?}"),
    }
    let stop = &fc.features[2];
    assert_eq!(stop.properties.as_ref().unwrap()["geonameid"], 2022586);
    assert_eq!(
        stop.properties.as_ref().unwrap()["marker-color"],
        props["stroke"]
    );
}

/// A summary of the GeoJSON structure: feature kinds, geometry types, vertex counts, property
/// keys and values; stable across platforms (no long float lists).
fn summary(fc: &geojson::FeatureCollection) -> String {
    let mut s = format!("bbox: {:?}\n", fc.bbox);
    for f in &fc.features {
        let g = &f.geometry.as_ref().unwrap().value;
        let shape = match g {
            geojson::GeometryValue::Point { coordinates } => {
                format!("Point {:?}", coordinates.as_slice())
            }
            geojson::GeometryValue::LineString { coordinates } => {
                format!("LineString {} vertices", coordinates.len())
            }
            geojson::GeometryValue::MultiLineString { coordinates } => format!(
                "MultiLineString parts {:?}, joints {:?}",
                coordinates.iter().map(Vec::len).collect::<Vec<_>>(),
                coordinates
                    .iter()
                    .map(|p| (p[0].as_slice().to_vec(), p[p.len() - 1].as_slice().to_vec()))
                    .collect::<Vec<_>>()
            ),
            other => other.type_name().to_string(),
        };
        s.push_str(&format!(
            "{shape}\n  {}\n",
            serde_json::to_string(f.properties.as_ref().unwrap()).unwrap()
        ));
    }
    s
}

#[test]
fn antimeridian_trip_exports_a_split_multilinestring() {
    let sb = Sandbox::new();
    let r = sb.run(&["export", "Anadyr", "Nome", "-o", "an.geojson"]);
    r.ok().stderr_has("wrote an.geojson");
    let text = std::fs::read_to_string(sb.path("an.geojson")).unwrap();
    let fc =
        geojson::FeatureCollection::try_from(text.parse::<geojson::GeoJson>().unwrap()).unwrap();
    let bbox = fc.bbox.clone().unwrap();
    assert!(bbox[0] > bbox[2], "bbox crosses: west > east: {bbox:?}");
    insta::assert_snapshot!("anadyr_nome_geojson", summary(&fc));
    if have("ogrinfo") {
        let out = Command::new("ogrinfo")
            .args(["-ro", "-al", "-so"])
            .arg(sb.path("an.geojson"))
            .output()
            .unwrap();
        let info = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{info}{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(info.contains("Feature Count: 3"), "{info}");
        let out = Command::new("ogrinfo")
            .args(["-ro", "-al", "-q"])
            .arg(sb.path("an.geojson"))
            .output()
            .unwrap();
        let all = String::from_utf8_lossy(&out.stdout);
        assert!(all.contains("MULTILINESTRING"), "{all}");
        assert!(all.contains("distance_m (Real) = 815347.661"), "{all}");
    }
}

#[test]
fn ogrinfo_reads_a_multi_trip_file() {
    let sb = Sandbox::new();
    sb.write(
        "t.toml",
        "title = \"Two\"\n[[trips]]\nname = \"A\"\nstops = [\"Khasan\", \"Ussuriysk\", \"Vladivostok\"]\n\
         [[trips]]\nname = \"B\"\ncolor = \"#123456\"\nstops = [\"Khabarovsk\", \"Komsomolsk-on-Amur\"]\n",
    );
    sb.run(&["export", "t.toml"])
        .ok()
        .stderr_has("output/t.geojson");
    let path = sb.path("output/t.geojson");
    let fc = geojson::FeatureCollection::try_from(
        std::fs::read_to_string(&path)
            .unwrap()
            .parse::<geojson::GeoJson>()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(fc.features.len(), 3 + 2 + 2 + 1);
    assert_eq!(fc.foreign_members.as_ref().unwrap()["title"], "Two");
    insta::assert_snapshot!("two_trips_geojson", summary(&fc));
    if have("ogrinfo") {
        let out = Command::new("ogrinfo")
            .args(["-ro", "-al", "-so"])
            .arg(&path)
            .output()
            .unwrap();
        let info = String::from_utf8_lossy(&out.stdout);
        assert!(info.contains("Feature Count: 8"), "{info}");
        assert!(info.contains("stroke: String"), "{info}");
    }
}

#[test]
fn output_never_overwrites_the_input() {
    let sb = Sandbox::new();
    let text = "[[trips]]\nstops = [\"Khasan\", \"Ussuriysk\"]\n";
    sb.write("t.geojson.toml", text);
    sb.write("x.toml", text);
    sb.run(&["export", "x.toml", "-o", "x.toml", "--format", "geojson"])
        .bad_input("is the input file");
    assert_eq!(std::fs::read_to_string(sb.path("x.toml")).unwrap(), text);
}

#[test]
fn bad_outputs_leave_nothing() {
    let sb = Sandbox::new();
    sb.run(&["export", "Khasan", "Ussuriysk", "-o", "x.kmz"])
        .bad_input("unknown output format");
    sb.run(&[
        "export",
        "Khasan",
        "Ussuriysk",
        "-o",
        "no/such/dir/x.geojson",
    ])
    .bad_input("cannot write");
    sb.run(&["export", "Khasan", "Nowhereville", "-o", "x.geojson"])
        .bad_input("unknown place");
    assert!(sb.files().is_empty(), "{:?}", sb.files());
}

#[test]
fn a_failed_export_keeps_the_previous_file() {
    let sb = Sandbox::new();
    sb.run(&["export", "Khasan", "Ussuriysk", "-o", "x.geojson"])
        .ok();
    let before = std::fs::read(sb.path("x.geojson")).unwrap();
    sb.run(&["export", "Khasan", "Xyzzyplace", "-o", "x.geojson"])
        .bad_input("unknown place");
    assert_eq!(std::fs::read(sb.path("x.geojson")).unwrap(), before);
    assert_eq!(sb.files(), ["x.geojson"]);
}

#[test]
fn a_csv_export_comes_with_gdal_column_types() {
    let sb = Sandbox::new();
    sb.run(&["export", "Khasan", "Ussuriysk", "-o", "legs.csv"])
        .ok()
        .stderr_has("wrote legs.csvt");
    let types = std::fs::read_to_string(sb.path("legs.csvt")).unwrap();
    assert!(types.starts_with("\"String\",\"Integer\""));
    // Standard output gets the CSV alone.
    let r = sb.run(&[
        "export",
        "Khasan",
        "Ussuriysk",
        "-o",
        "-",
        "--format",
        "csv",
    ]);
    r.ok();
    assert!(r.stdout.starts_with("trip,leg,"));
    if have("ogrinfo") {
        let out = std::process::Command::new("ogrinfo")
            .args(["-al", "-so", sb.path("legs.csv").to_str().unwrap()])
            .output()
            .unwrap();
        let info = String::from_utf8_lossy(&out.stdout);
        for column in [
            "leg: Integer",
            "distance_km: Real",
            "from_lat: Real",
            "trip: String",
        ] {
            assert!(info.contains(column), "ogrinfo: no {column}\n{info}");
        }
    }
}

#[test]
fn layers_split_a_geojson_into_lines_and_points() {
    let sb = Sandbox::new();
    sb.run(&[
        "export",
        "Khasan",
        "Ussuriysk",
        "Vladivostok",
        "-o",
        "t.geojson",
        "--layers",
    ])
    .ok()
    .stderr_has("wrote t.legs.geojson")
    .stderr_has("wrote t.stops.geojson");
    assert!(!sb.path("t.geojson").exists());
    let legs: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(sb.path("t.legs.geojson")).unwrap()).unwrap();
    let stops: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(sb.path("t.stops.geojson")).unwrap())
            .unwrap();
    let kinds = |v: &serde_json::Value| -> Vec<String> {
        v["features"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["geometry"]["type"].as_str().unwrap().to_string())
            .collect()
    };
    // A legs layer has one geometry type, MultiLineString, whether or not a leg crosses ±180
    // (issue 30, point 9: it mixed LineString and MultiLineString).
    assert_eq!(kinds(&legs), ["MultiLineString", "MultiLineString"]);
    assert_eq!(kinds(&stops), ["Point", "Point", "Point"]);
    sb.run(&[
        "export",
        "Anadyr",
        "Nome",
        "Fairbanks",
        "-o",
        "p.geojson",
        "--layers",
    ])
    .ok();
    let pacific: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(sb.path("p.legs.geojson")).unwrap()).unwrap();
    assert_eq!(kinds(&pacific), ["MultiLineString", "MultiLineString"]);
    assert_eq!(
        pacific["features"][0]["geometry"]["coordinates"]
            .as_array()
            .unwrap()
            .len(),
        2,
        "Anadyr to Nome crosses ±180: two parts"
    );
    if have("ogrinfo") {
        let out = std::process::Command::new("ogrinfo")
            .args(["-ro", "-al", "-so"])
            .arg(sb.path("p.legs.geojson"))
            .output()
            .unwrap();
        let info = String::from_utf8_lossy(&out.stdout);
        assert!(info.contains("Geometry: Multi Line String"), "{info}");
    }
    sb.run(&["export", "Khasan", "Ussuriysk", "-o", "-", "--layers"])
        .bad_input("--layers writes two GeoJSON files");
    if have("ogr2ogr") {
        // Straight into a Shapefile, which takes one geometry type a layer.
        let st = std::process::Command::new("ogr2ogr")
            .args(["-f", "ESRI Shapefile", sb.path("shp").to_str().unwrap()])
            .arg(sb.path("t.legs.geojson"))
            .output()
            .unwrap();
        assert!(
            st.status.success(),
            "{}",
            String::from_utf8_lossy(&st.stderr)
        );
        assert!(sb.path("shp/t.legs.shp").exists());
    }
}

/// An HTML map without a title is named after its trips, not "itinera map"; `--layers` says
/// when a format has no layers instead of ignoring the flag (issue 30, point 9).
#[test]
fn an_untitled_page_is_named_after_its_trips_and_layers_warn_for_whole_formats() {
    let sb = Sandbox::new();
    sb.run(&["export", "Tokyo", "London", "-o", "t.html"]).ok();
    let page = std::fs::read_to_string(sb.path("t.html")).unwrap();
    assert!(
        page.contains("<title>Tokyo – London</title>"),
        "{}",
        &page[..400]
    );
    sb.run(&["export", "Tokyo", "London", "--layers", "-o", "t.kml"])
        .ok()
        .stderr_has(
            "--layers splits GeoJSON into a file per layer; `t.kml` (kml) is written whole",
        );
}
