//! Fuzzes the user-gazetteer parser (CSV and GeoNames dump) and lookups in what it parsed.
#![no_main]

use itinera::SourceFile;
use itinera::gazetteer::UserGazetteer;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(g) = UserGazetteer::parse(&SourceFile::new("fuzz.txt", text)) {
        for word in text.split([',', '\t', '\n']).take(8) {
            let _ = g.lookup(word);
        }
    }
});
