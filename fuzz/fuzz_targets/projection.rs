//! Fuzzes `--projection` values: what parses builds a projector for a small window, whose
//! projected points are finite or absent, never a panic.
#![no_main]

use itinera::BoundingBox;
use itinera::scene::{ProjectionChoice, Projector};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(choice) = text.parse::<ProjectionChoice>() else { return };
    let extent = BoundingBox { west: 125.0, south: 40.0, east: 135.0, north: 48.0 };
    let Ok(p) = Projector::new(&choice, &extent) else { return };
    for (lon, lat) in [(130.65, 42.42), (-180.0, 0.0), (180.0, 89.9), (0.0, -90.0)] {
        if let Some((x, y)) = p.project(lon, lat) {
            assert!(x.is_finite() && y.is_finite(), "{text}: {x} {y}");
        }
    }
});
