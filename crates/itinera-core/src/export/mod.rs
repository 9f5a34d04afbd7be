//! Exports of routes to formats that other tools open: GeoJSON (GIS), KML (Google Earth), GPX
//! (GPS apps), CSV (spreadsheets) and a self-contained interactive HTML map (browsers).
//! Exporters write to any `io::Write`; files are the caller's (see [`crate::output`]).

mod csv;
mod geojson;
mod gpx;
mod kml;
#[cfg(test)]
pub(crate) mod testdata;
pub(crate) mod text;

pub use self::csv::{CSVT, CsvText, write_csv};
pub use self::geojson::{Layer, feature_collection, write_geojson, write_geojson_layer};
pub use self::gpx::write_gpx;
pub use self::kml::write_kml;
pub use crate::render::html::write_html;

use std::io::Write;
use std::path::Path;

use crate::InvalidKind;
use crate::error::{Error, Result};
use crate::route::{Route, Units};
use crate::scene::MapOptions;

/// What writing `routes` in `format` into `target` (a file name, for the messages) leaves out:
/// the legs CSV has no row for a trip without legs (places, a single stop), and GPX has no name
/// for a group of waypoints. One message per trip concerned; none when nothing is lost.
pub fn omissions(format: Format, routes: &[Route], target: &str) -> Vec<String> {
    match format {
        Format::Csv => routes
            .iter()
            .filter(|r| r.legs.is_empty())
            .map(|r| {
                let what = match (r.places, r.stops.len()) {
                    (true, 1) => "one place, no legs".to_string(),
                    (true, n) => format!("{n} places with no legs between them"),
                    (false, _) => "one stop, no legs".to_string(),
                };
                format!(
                    "`{}` is not in {target}: the CSV has a row per leg, and it has {what} \
                     (GeoJSON, KML and GPX keep it)",
                    r.name
                )
            })
            .collect(),
        Format::Gpx => routes
            .iter()
            .filter(|r| r.places && r.name != "Waypoints")
            .map(|r| {
                format!(
                    "the places of `{}` are plain waypoints in {target}: GPX has no name for a \
                     group of waypoints, so they read back as `Waypoints` (GeoJSON and KML \
                     keep it)",
                    r.name
                )
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// Writes `routes` in `format`: CSV distances in `units` and text cells as `csv_text` says,
/// the HTML map with default [`MapOptions`].
///
/// # Errors
/// As the format's writer.
///
/// # Examples
///
/// ```
/// use itinera::export::{self, CsvText, Format};
/// use itinera::{Gazetteer, TripPlan, Units, route, trip};
///
/// let plan = TripPlan::from_names(&["Anadyr", "Nome"]);
/// let trips = trip::resolve(&plan, Gazetteer::bundled(), &Default::default())?;
/// let routes: Vec<_> = trips.trips.iter().map(route::build).collect();
/// let mut geojson = Vec::new();
/// export::write(Format::GeoJson, &routes, None, Units::Km, CsvText::Guarded, &mut geojson)?;
/// let text = String::from_utf8(geojson).unwrap();
/// // The leg crosses ±180°: a MultiLineString, and a bbox whose west is east of its east.
/// assert!(text.contains("MultiLineString"));
/// let mut gpx = Vec::new();
/// export::write(Format::Gpx, &routes, None, Units::Km, CsvText::Guarded, &mut gpx)?;
/// assert!(String::from_utf8(gpx).unwrap().contains("<rtept"));
/// # Ok::<(), itinera::Error>(())
/// ```
pub fn write(
    format: Format,
    routes: &[Route],
    title: Option<&str>,
    units: Units,
    csv_text: CsvText,
    w: &mut dyn Write,
) -> Result<()> {
    match format {
        Format::GeoJson => write_geojson(routes, title, w),
        Format::Kml => write_kml(routes, title, w),
        Format::Gpx => write_gpx(routes, title, w),
        Format::Csv => write_csv(routes, units, csv_text, w),
        Format::Html => write_html(routes, title, &MapOptions::default(), w),
    }
}

/// Rounds a coordinate to 6 decimals (about 0.1 m), as RFC 7946 §11.2 suggests.
pub(crate) fn round6(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum Format {
    /// GeoJSON, RFC 7946.
    #[cfg_attr(feature = "clap", value(name = "geojson"))]
    GeoJson,
    /// KML 2.2.
    Kml,
    /// GPX 1.1.
    Gpx,
    /// CSV of legs.
    Csv,
    /// Interactive HTML map.
    Html,
}

impl Format {
    /// All formats, with their names as `--format` takes them.
    pub const ALL: [(&'static str, Format); 5] = [
        ("geojson", Format::GeoJson),
        ("kml", Format::Kml),
        ("gpx", Format::Gpx),
        ("csv", Format::Csv),
        ("html", Format::Html),
    ];

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::GeoJson => "geojson",
            Format::Kml => "kml",
            Format::Gpx => "gpx",
            Format::Csv => "csv",
            Format::Html => "html",
        }
    }

    /// The format a file name asks for, by extension (`.json` is GeoJSON, `.htm` HTML).
    ///
    /// # Errors
    /// [`Error::Invalid`] for an extension itinera does not write.
    pub fn from_path(path: &Path) -> Result<Format> {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        match ext.as_deref() {
            Some("geojson" | "json") => Ok(Format::GeoJson),
            Some("kml") => Ok(Format::Kml),
            Some("gpx") => Ok(Format::Gpx),
            Some("csv") => Ok(Format::Csv),
            Some("html" | "htm") => Ok(Format::Html),
            _ => Err(Error::invalid(
                InvalidKind::Setting,
                format!("unknown output format for `{}`", path.display()),
                Some(
                    "name the output .geojson, .kml, .gpx, .csv or .html, or pass --format".into(),
                ),
            )),
        }
    }
}

impl std::str::FromStr for Format {
    type Err = Error;

    fn from_str(s: &str) -> Result<Format> {
        let lower = s.to_ascii_lowercase();
        Format::ALL
            .iter()
            .find(|(n, _)| *n == lower)
            .map(|(_, f)| *f)
            .ok_or_else(|| {
                Error::invalid(
                    InvalidKind::Setting,
                    format!("unknown format `{s}`"),
                    Some("use geojson, kml, gpx, csv or html".into()),
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_extension_and_name() {
        assert_eq!(
            Format::from_path(Path::new("a/b.KML")).unwrap(),
            Format::Kml
        );
        assert_eq!(
            Format::from_path(Path::new("x.json")).unwrap(),
            Format::GeoJson
        );
        assert_eq!(Format::from_path(Path::new("x.htm")).unwrap(), Format::Html);
        let e = Format::from_path(Path::new("x.kmz")).unwrap_err();
        assert!(e.is_bad_input() && e.to_string().contains("x.kmz"));
        assert!(Format::from_path(Path::new("noext")).is_err());
        assert_eq!("GPX".parse::<Format>().unwrap(), Format::Gpx);
        assert!("shp".parse::<Format>().is_err());
        for (name, f) in Format::ALL {
            assert_eq!(
                f.extension().parse::<Format>().unwrap_or(Format::GeoJson),
                f,
                "{name}"
            );
        }
    }
}
