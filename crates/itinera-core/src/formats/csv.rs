//! CSV: trips read from a stop a row (or itinera's legs CSV), routes written as a leg a row
//! with a `.csvt` of column types beside it for GDAL and QGIS.

use std::io::Write;

use super::{Described, ExportOptions, RouteWriter, Sidecar, TripReader};
use crate::error::Result;
use crate::export::{self, CSVT};
use crate::route::Route;
use crate::source::SourceFile;
use crate::trip::{self, TripKind, TripPlan};

/// Comma-separated values.
pub(super) struct Csv;

impl Described for Csv {
    fn name(&self) -> &'static str {
        "csv"
    }
    fn extensions(&self) -> &'static [&'static str] {
        &["csv"]
    }
    fn about(&self) -> &'static str {
        "comma-separated: a row per stop (read) or per leg (written)"
    }
}

impl TripReader for Csv {
    /// A first line with commas that is not a TOML line (`a = 1`, `[table]`).
    fn looks_like(&self, text: &str) -> bool {
        if text.starts_with(['{', '<']) {
            return false;
        }
        let first = text.lines().next().unwrap_or_default();
        first.contains(',') && !first.contains('=') && !first.starts_with('[')
    }
    fn read(&self, source: &SourceFile) -> Result<TripPlan> {
        trip::parse_csv(source)
    }
}

impl RouteWriter for Csv {
    fn write(&self, routes: &[Route], o: &ExportOptions<'_>, w: &mut dyn Write) -> Result<()> {
        export::write_csv(routes, o.units, o.csv_text, w)
    }

    /// A trip without legs (places, a single stop) has no row.
    fn leaves_out(&self, routes: &[Route], target: &str) -> Vec<String> {
        routes
            .iter()
            .filter(|r| r.legs.is_empty())
            .map(|r| {
                let what = match (r.kind, r.stops.len()) {
                    (TripKind::Places, 1) => "one place, no legs".to_string(),
                    (TripKind::Places, n) => format!("{n} places with no legs between them"),
                    (TripKind::Journey | TripKind::Track, _) => "one stop, no legs".to_string(),
                };
                format!(
                    "`{}` is not in {target}: the CSV has a row per leg, and it has {what} \
                     (GeoJSON, KML and GPX keep it)",
                    r.name
                )
            })
            .collect()
    }

    fn never_holds(&self) -> &'static str {
        "trips without legs; the legs' lines (only their ends)"
    }

    fn sidecar(&self) -> Option<Sidecar> {
        Some(Sidecar {
            extension: "csvt",
            content: CSVT,
        })
    }
}
