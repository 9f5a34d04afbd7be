//! The inputs the blind probe of issue 31 wrote (`tests/fixtures/probe31/`: its own articles
//! and trip files in every format, broken ones, hostile names, a date-line crossing, GPX times),
//! through the page's answers as the page calls them: every trip file reads or fails at a line,
//! every draft previews and downloads in every format, warnings come once, picked places keep
//! their identity.

use std::path::PathBuf;

use itinera::geoparse::Geoparser;
use itinera_serve::api::{self, ExtractRequest, MapRequest, TripRequest};
use serde_json::Value;

fn fixtures() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/probe31");
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("the probe's inputs")
        .flatten()
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(e.path()).expect("text"))
        })
        .collect();
    out.sort();
    assert!(out.len() >= 20, "{} inputs", out.len());
    out
}

const FORMATS: [&str; 9] = [
    "png", "svg", "pdf", "geojson", "kml", "gpx", "csv", "html", "toml",
];

/// The draft of one input: an article's (`.txt`) or a trip file's; `None` for a trip file
/// that fails (with its line and column).
fn draft_of(name: &str, text: &str) -> Option<Value> {
    if name.ends_with(".txt") {
        let request = ExtractRequest {
            text: text.to_string(),
        };
        let out = api::extract(&mut Geoparser::new(), &request).expect("an article extracts");
        return Some(out["draft"].clone());
    }
    let request = TripRequest {
        name: name.to_string(),
        text: text.to_string(),
    };
    match api::trip(&request) {
        Ok(out) => Some(out["draft"].clone()),
        Err(f) => {
            assert!(f.is_bad_input(), "{name}: {:?}", f.error);
            let body = f.body();
            assert!(
                body["error"]["line"].as_u64().is_some_and(|l| l >= 1),
                "{name}: a failing trip file says where: {body}"
            );
            // Broken files, and XML that declares entities (refused, never expanded).
            let refused = ["broken", "entities", "xxe"];
            assert!(
                refused.iter().any(|r| name.starts_with(r)),
                "{name} failed: {body}"
            );
            assert!(!body.to_string().contains("root:"), "{name}: {body}");
            None
        }
    }
}

#[test]
fn every_probe_input_reads_previews_and_downloads() {
    let mut drafts = 0;
    for (name, text) in fixtures() {
        let Some(draft) = draft_of(&name, &text) else {
            continue;
        };
        if draft["trips"].as_array().is_none_or(Vec::is_empty) {
            continue;
        }
        drafts += 1;
        // A stop the gazetteer placed carries its place and id.
        for stop in draft["trips"][0]["stops"].as_array().into_iter().flatten() {
            if stop["geonameid"].is_i64() {
                assert!(stop["place"].is_string(), "{name}: {stop}");
            }
        }
        let mut request: MapRequest = serde_json::from_value(serde_json::json!({
            "draft": draft,
            "options": {"width": "640", "height": "480"},
        }))
        .expect("a request");
        let preview = api::preview(&request).unwrap_or_else(|f| panic!("{name}: {:?}", f.error));
        let warnings: Vec<&str> = preview["warnings"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        let once: std::collections::HashSet<&&str> = warnings.iter().collect();
        assert_eq!(
            warnings.len(),
            once.len(),
            "{name}: a warning told twice: {warnings:?}"
        );
        assert!(
            preview["svg"].as_str().unwrap_or("").starts_with("<?xml")
                || preview["svg"].as_str().unwrap_or("").starts_with("<svg"),
            "{name}"
        );
        for format in FORMATS {
            request.format = Some(format.to_string());
            let d = api::download(&request)
                .unwrap_or_else(|f| panic!("{name} {format}: {:?}", f.error));
            assert!(!d.bytes.is_empty(), "{name} {format}");
        }
    }
    assert!(drafts >= 15, "{drafts} drafts");
}

#[test]
fn gpx_times_are_kept_as_dates_and_map() {
    let text = fixtures()
        .into_iter()
        .find(|(n, _)| n == "caird.gpx")
        .expect("caird.gpx")
        .1;
    let draft = draft_of("caird.gpx", &text).expect("reads");
    let dates: Vec<&str> = draft["trips"][0]["stops"]
        .as_array()
        .expect("stops")
        .iter()
        .filter_map(|s| s["date"].as_str())
        .collect();
    assert_eq!(dates[0], "1916-04-24T12:00:00Z", "{draft}");
    let request: MapRequest =
        serde_json::from_value(serde_json::json!({"draft": draft})).expect("a request");
    assert!(api::preview(&request).is_ok());
}
