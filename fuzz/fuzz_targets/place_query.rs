//! Fuzzes place queries as typed on the command line: names, qualified names, coordinates in
//! every notation, and the "did you mean" path that unknown names take.
#![no_main]

use itinera::Gazetteer;
use itinera::gazetteer::LookupOptions;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let g = Gazetteer::bundled();
    match g.geocode(text, &LookupOptions::default(), None) {
        Ok(_) => {}
        // Every failure is a typed error with a message; unknown names may get suggestions.
        Err(e) => assert!(!e.to_string().is_empty()),
    }
    for s in g.suggest(text, 5) {
        assert!(!s.is_empty());
    }
});
