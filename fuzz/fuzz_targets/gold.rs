//! Fuzzes reading an annotated gold document for `evaluate`: what parses and passes the check
//! is scored against the geoparser's output without panicking.
#![no_main]

use itinera::geoparse::Geoparser;
use itinera::geoparse::eval::{GoldDoc, Score};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = serde_json::from_slice::<GoldDoc>(data) else { return };
    if doc.check().is_err() {
        return;
    }
    let found = Geoparser::new().extract(&doc.text);
    let mut score = Score::default();
    score.add(&doc, &found.mentions);
    assert!(score.gold == doc.toponyms.len());
});
