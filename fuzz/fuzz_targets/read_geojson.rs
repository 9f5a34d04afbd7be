//! Fuzzes the GeoJSON reader alone, at the speed of parsing: no input may panic or overflow
//! the stack (nested arrays, objects and GeometryCollections), and an error must carry a
//! location. Run with the dictionary `dicts/geojson.dict`.
#![no_main]

use itinera::trip::{self, InputFormat};
use itinera::SourceFile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let source = SourceFile::new("fuzz", text);
    if let Err(e) = trip::parse_as(&source, InputFormat::Geojson) {
        assert!(e.location().is_some(), "no location: {e:?}");
    }
});
