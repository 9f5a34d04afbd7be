//! Fuzzes the TOML trip parser, then resolution and routing of whatever parses.
#![no_main]

use itinera::trip::{self, ResolveOptions};
use itinera::{Gazetteer, SourceFile, route};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let source = SourceFile::new("fuzz.toml", text);
    if let Ok(plan) = trip::parse_toml(&source) {
        // Keep each input cheap: resolution is tested for speed elsewhere.
        if plan.trips.iter().map(|t| t.stops.len()).sum::<usize>() <= 16 {
            if let Ok(r) = trip::resolve(&plan, Gazetteer::bundled(), &ResolveOptions::default()) {
                for t in &r.trips {
                    let _ = route::build(t).metres();
                }
            }
        }
    }
});
