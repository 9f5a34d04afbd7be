//! GeoJSON (RFC 7946): trips read from Points and LineStrings, routes written as a
//! FeatureCollection of legs and stops (or one file per layer).

use std::io::Write;

use super::{Described, ExportOptions, RouteWriter, TripReader};
use crate::error::Result;
use crate::export;
use crate::route::Route;
use crate::source::SourceFile;
use crate::trip::{self, TripPlan};

/// GeoJSON.
pub(super) struct GeoJson;

impl Described for GeoJson {
    fn name(&self) -> &'static str {
        "geojson"
    }
    fn extensions(&self) -> &'static [&'static str] {
        &["geojson", "json"]
    }
    fn about(&self) -> &'static str {
        "GeoJSON (RFC 7946): Points are stops, LineStrings legs or tracks"
    }
}

impl TripReader for GeoJson {
    fn looks_like(&self, text: &str) -> bool {
        text.starts_with('{')
    }
    fn read(&self, source: &SourceFile) -> Result<TripPlan> {
        trip::parse_geojson(source)
    }
}

impl RouteWriter for GeoJson {
    fn write(&self, routes: &[Route], o: &ExportOptions<'_>, w: &mut dyn Write) -> Result<()> {
        export::write_geojson_layer(routes, o.title, o.layer, w)
    }

    fn has_layers(&self) -> bool {
        true
    }
}
