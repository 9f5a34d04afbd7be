//! Fuzzes the GeoJSON, GPX and KML trip readers (the first byte picks one), then resolution
//! and routing of whatever reads: no input may panic, and an error must carry a location.
#![no_main]

use itinera::trip::{self, InputFormat, ResolveOptions};
use itinera::{Gazetteer, SourceFile, route};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let format = match pick % 3 {
        0 => InputFormat::Geojson,
        1 => InputFormat::Gpx,
        _ => InputFormat::Kml,
    };
    let source = SourceFile::new("fuzz", text);
    match trip::parse_as(&source, format) {
        Ok(plan) => {
            if plan.trips.iter().map(|t| t.stops.len()).sum::<usize>() <= 16 {
                if let Ok(r) =
                    trip::resolve(&plan, Gazetteer::bundled(), &ResolveOptions::default())
                {
                    for t in &r.trips {
                        let _ = route::build(t).metres();
                    }
                }
            }
        }
        Err(e) => assert!(e.location().is_some(), "no location: {e:?}"),
    }
});
