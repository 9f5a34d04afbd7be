//! Every bundled example trip runs through the binary.

use crate::harness::*;

fn examples() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("geodata/trips");
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("toml" | "csv")))
        .map(|p| {
            p.strip_prefix(env!("CARGO_MANIFEST_DIR"))
                .unwrap()
                .display()
                .to_string()
        })
        .collect();
    v.sort();
    v
}

#[test]
fn every_example_routes_and_exports_without_warnings() {
    let files = examples();
    assert!(files.len() >= 4, "{files:?}");
    let out = tempfile::tempdir().unwrap();
    for f in &files {
        let r = run_repo(&["route", f, "--format", "json"]);
        r.ok();
        assert!(!r.stderr.contains("warning"), "{f}: {}", r.stderr);
        let v = r.json();
        for t in v["trips"].as_array().unwrap() {
            assert!(t["total_m"].as_f64().unwrap() > 0.0, "{f}");
        }
        let dir = out.path().to_str().unwrap();
        run_repo(&["export", f, "--out-dir", dir]).ok();
        let r = run_repo(&["render", f, "--out-dir", dir]);
        r.ok();
        assert!(!r.stderr.contains("warning"), "{f}: {}", r.stderr);
    }
    // GeoJSON, PNG and SVG per example.
    assert_eq!(
        std::fs::read_dir(out.path()).unwrap().count(),
        3 * files.len()
    );
}
