//! Fuzzes the KML and GPX readers alone (the first byte picks one), at the speed of parsing:
//! no input may panic or overflow the stack, an error must carry a location, and a file that
//! reads must not be much larger in memory than it is on disk (entity expansion is bounded).
//! Run with the dictionary `dicts/xml.dict` (nesting, DOCTYPEs, entities and references).
#![no_main]

use itinera::trip::{self, InputFormat};
use itinera::SourceFile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let format = if pick % 2 == 0 { InputFormat::Kml } else { InputFormat::Gpx };
    let source = SourceFile::new("fuzz", text);
    match trip::parse_as(&source, format) {
        Ok(plan) => {
            // Names and notes come from the text: with expansion bounded to 1 MiB, what they
            // hold stays within the text's size plus that bound.
            let held: usize = plan
                .trips
                .iter()
                .flat_map(|t| &t.stops)
                .map(|s| s.name.as_deref().map_or(0, str::len) + s.note.as_deref().map_or(0, str::len))
                .sum();
            assert!(held <= text.len() * 2 + (2 << 20), "{held} bytes from {}", text.len());
        }
        Err(e) => assert!(e.location().is_some(), "no location: {e:?}"),
    }
});
