//! Exports of routes to formats GIS tools open. Exporters write to any `io::Write`; files are
//! the caller's (see [`crate::output`]).

mod geojson;

pub use self::geojson::{feature_collection, write_geojson};

/// Rounds a coordinate to 6 decimals (about 0.1 m), as RFC 7946 §11.2 suggests.
pub(crate) fn round6(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}
