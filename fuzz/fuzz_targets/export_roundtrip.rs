//! Fuzzes a round trip: a TOML trip with coordinates (no lookups) -> every exporter and the
//! SVG map -> an XML or JSON parser. Every output must parse, whatever the names hold.
#![no_main]

use itinera::export::{self, CsvText, Format};
use itinera::scene::{self, MapOptions};
use itinera::trip::{self, ResolveOptions};
use itinera::{Gazetteer, SourceFile, Units, render, route};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let source = SourceFile::new("fuzz.toml", text);
    let Ok(plan) = trip::parse_toml(&source) else { return };
    if plan.trips.iter().map(|t| t.stops.len()).sum::<usize>() > 8 {
        return;
    }
    let Ok(resolved) = trip::resolve(&plan, Gazetteer::bundled(), &ResolveOptions::default())
    else {
        return;
    };
    let routes: Vec<_> = resolved.trips.iter().map(route::build).collect();
    let title = resolved.title.as_deref();
    for format in [Format::GeoJson, Format::Kml, Format::Gpx, Format::Csv, Format::Html] {
        let mut out = Vec::new();
        export::write(format, &routes, title, Units::Km, CsvText::Guarded, &mut out)
            .expect("writing to memory");
        let s = String::from_utf8(out).expect("UTF-8 output");
        match format {
            Format::GeoJson => {
                serde_json::from_str::<serde_json::Value>(&s).expect("GeoJSON is JSON");
            }
            Format::Kml | Format::Gpx => {
                roxmltree::Document::parse(&s).expect("KML and GPX are XML");
            }
            _ => {}
        }
    }
    let options = MapOptions { width: 320, height: 200, ..MapOptions::default() };
    if let Ok(scene) = scene::build(&routes, title, &options) {
        let svg = render::svg(&scene).expect("an SVG");
        roxmltree::Document::parse(&svg).expect("the SVG is XML");
    }
});
