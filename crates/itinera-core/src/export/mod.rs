//! Exports of routes to formats that other tools open: GeoJSON (GIS), KML (Google Earth), GPX
//! (GPS apps), CSV (spreadsheets) and a self-contained interactive HTML map (browsers).
//! Exporters write to any `io::Write`; files are the caller's (see [`crate::output`]). Which
//! exporter writes a file is the format registry's choice ([`crate::formats`]).

mod csv;
mod geojson;
mod gpx;
mod kml;
#[cfg(test)]
pub(crate) mod testdata;
pub(crate) mod text;

pub use self::csv::{CSVT, CsvText, write_csv};
pub use self::geojson::{Layer, write_geojson, write_geojson_layer};
pub use self::gpx::write_gpx;
pub use self::kml::write_kml;
pub use crate::render::html::write_html;

/// Rounds a coordinate to 6 decimals (about 0.1 m), as RFC 7946 §11.2 suggests.
pub(crate) fn round6(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}
