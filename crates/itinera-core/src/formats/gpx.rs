//! GPX 1.1: trips read from waypoints, routes and tracks (GPX 1.0 too), routes written as
//! `<rte>`s of their stops.

use std::io::Write;

use super::{Described, ExportOptions, RouteWriter, TripReader};
use crate::error::Result;
use crate::export;
use crate::route::Route;
use crate::source::SourceFile;
use crate::trip::{self, TripKind, TripPlan};

/// GPS Exchange Format.
pub(super) struct Gpx;

impl Described for Gpx {
    fn name(&self) -> &'static str {
        "gpx"
    }
    fn extensions(&self) -> &'static [&'static str] {
        &["gpx"]
    }
    fn about(&self) -> &'static str {
        "GPX 1.1 (GPS apps): waypoints, routes and tracks"
    }
}

impl TripReader for Gpx {
    /// XML that is not KML (an XML file with neither root reads as GPX, for its message).
    fn looks_like(&self, text: &str) -> bool {
        text.starts_with('<') && !super::kml::Kml.looks_like(text)
    }
    fn read(&self, source: &SourceFile) -> Result<TripPlan> {
        trip::parse_gpx(source)
    }
}

impl RouteWriter for Gpx {
    fn write(&self, routes: &[Route], o: &ExportOptions<'_>, w: &mut dyn Write) -> Result<()> {
        export::write_gpx(routes, o.title, w)
    }

    /// GPX has no name for a group of waypoints.
    fn leaves_out(&self, routes: &[Route], target: &str) -> Vec<String> {
        routes
            .iter()
            .filter(|r| match r.kind {
                TripKind::Places => r.name != "Waypoints",
                TripKind::Journey | TripKind::Track => false,
            })
            .map(|r| {
                format!(
                    "the places of `{}` are plain waypoints in {target}: GPX has no name for a \
                     group of waypoints, so they read back as `Waypoints` (GeoJSON and KML \
                     keep it)",
                    r.name
                )
            })
            .collect()
    }

    fn never_holds(&self) -> &'static str {
        "the name of a group of places; leg distances"
    }
}
