//! Fuzzes the geoparser on arbitrary text: spans must be in order, on character boundaries,
//! and name the text they cover; draft trips and character offsets must not fail.
#![no_main]

use itinera::geoparse::{self, Geoparser};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut e = Geoparser::new().extract(text);
    let mut last = 0;
    for m in &e.mentions {
        assert!(m.start >= last && m.start < m.end && m.end <= text.len());
        assert_eq!(&text[m.start..m.end], m.text);
        last = m.end;
    }
    let _ = geoparse::draft_trip("fuzz", &e.mentions);
    geoparse::to_char_offsets(text, &mut e);
});
