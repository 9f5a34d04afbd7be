//! KML 2.2: trips read from Placemarks (a trip per Folder), routes written as a Folder per
//! trip with its legs and stops, styled in the trip's colour.

use std::io::Write;

use super::{Described, ExportOptions, RouteWriter, TripReader};
use crate::error::Result;
use crate::export;
use crate::route::Route;
use crate::source::SourceFile;
use crate::trip::{self, TripPlan};

/// Keyhole Markup Language.
pub(super) struct Kml;

impl Described for Kml {
    fn name(&self) -> &'static str {
        "kml"
    }
    fn extensions(&self) -> &'static [&'static str] {
        &["kml"]
    }
    fn about(&self) -> &'static str {
        "KML 2.2 (Google Earth): Placemarks, a Folder per trip"
    }
}

impl TripReader for Kml {
    /// XML whose root is `<kml` (after the declaration and comments), not `<gpx`.
    fn looks_like(&self, text: &str) -> bool {
        if !text.starts_with('<') {
            return false;
        }
        let head = text.get(..text.len().min(4096)).unwrap_or(text);
        match (head.find("<gpx"), head.find("<kml")) {
            (Some(g), Some(k)) => k < g,
            (None, Some(_)) => true,
            _ => false,
        }
    }
    fn read(&self, source: &SourceFile) -> Result<TripPlan> {
        trip::parse_kml(source)
    }
}

impl RouteWriter for Kml {
    fn write(&self, routes: &[Route], o: &ExportOptions<'_>, w: &mut dyn Write) -> Result<()> {
        export::write_kml(routes, o.title, w)
    }
}
