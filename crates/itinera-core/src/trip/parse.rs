//! Trip-file parsers: TOML (several trips, short and long stop forms), CSV (one stop a row, or
//! itinera's legs), and the GIS formats GeoJSON, GPX and KML (submodules, through [`features`]).
//! Which parser reads a file is the format registry's choice (`crate::formats`); the checks
//! every parser shares (a stop's place or coordinates, dates, modes) are here; a colour is
//! parsed as an [`Rgb`].

use super::{Date, Mode, Rgb, StopSpec, TripKind, TripPlan, TripSpec};
use crate::InvalidKind;
use crate::error::{Error, Result};
use crate::source::SourceFile;

mod csv;
mod features;
mod geojson;
mod gpx;
mod kml;
mod sized;
mod toml;
mod xml;

pub use self::csv::parse_csv;
pub use self::geojson::parse_geojson;
pub use self::gpx::parse_gpx;
pub use self::kml::parse_kml;
pub use self::sized::{SizedPlaces, parse_sized_csv};
pub use self::toml::parse_toml;

/// Checks one stop: it needs a place or coordinates, and coordinates must be on Earth.
fn check_stop(stop: &StopSpec, source: &SourceFile, at: usize) -> Result<()> {
    let here =
        |message: String, help: Option<&str>| invalid(message, source, at, help.map(String::from));
    match (stop.lat, stop.lon) {
        (Some(_), None) => return Err(here("stop has `lat` but no `lon`".into(), None)),
        (None, Some(_)) => return Err(here("stop has `lon` but no `lat`".into(), None)),
        (Some(lat), Some(lon)) => {
            check_coordinates(lat, lon, source, at)?;
            if stop.place.is_none() && stop.name.as_deref().is_none_or(|n| n.trim().is_empty()) {
                return Err(here(
                    "stop with coordinates needs a `name`".into(),
                    Some("add name = \"...\""),
                ));
            }
        }
        (None, None) => match &stop.place {
            None => {
                return Err(here(
                    "stop needs `place` or `lat` and `lon`".into(),
                    Some(
                        "write { place = \"Khasan\" } or { name = \"Depot\", lat = 42.4, lon = 130.6 }",
                    ),
                ));
            }
            Some(p) if p.trim().is_empty() => return Err(here("empty place name".into(), None)),
            Some(_) => {}
        },
    }
    for (what, text) in [
        ("place", &stop.place),
        ("name", &stop.name),
        ("note", &stop.note),
        ("country", &stop.country),
        ("region", &stop.region),
    ] {
        if text
            .as_deref()
            .is_some_and(|t| t.chars().any(|c| c.is_control() && c != '\t'))
        {
            // At the character itself when it is written raw on the stop's line (a CSV
            // cell); TOML and JSON write it as an escape, found at the stop.
            let line = source
                .text
                .get(at..)
                .and_then(|t| t.lines().next())
                .unwrap_or("");
            let raw = line.find(|c: char| c.is_control() && c != '\t' && c != '\r');
            return Err(invalid(
                format!("`{what}` holds a control character"),
                source,
                at + raw.unwrap_or(0),
                Some(
                    "names and notes are plain text: remove NUL, escape and other control characters"
                        .into(),
                ),
            ));
        }
    }
    Ok(())
}

/// The stop's date, checked after the rest of the stop.
fn parse_date(text: Option<String>, source: &SourceFile, at: usize) -> Result<Option<Date>> {
    text.map(|d| {
        d.parse::<Date>().map_err(|_| {
            invalid(
                format!("invalid date `{d}`"),
                source,
                at,
                Some("write dates as YYYY-MM-DD, e.g. 2011-08-20".into()),
            )
        })
    })
    .transpose()
}

fn parse_mode(s: &str) -> Option<Mode> {
    match s.to_ascii_lowercase().as_str() {
        "rail" => Some(Mode::Rail),
        "road" => Some(Mode::Road),
        "air" => Some(Mode::Air),
        "sea" => Some(Mode::Sea),
        "unknown" => Some(Mode::Unknown),
        _ => None,
    }
}

/// A mode as a trip file writes it (any case), or an error at `at` that names the mode's word
/// for everyday words (`train` is `rail`).
fn read_mode(text: &str, source: &SourceFile, at: usize) -> Result<Mode> {
    parse_mode(text).ok_or_else(|| {
        invalid(
            format!("unknown mode `{text}`"),
            source,
            at,
            Some(
                mode_help(text)
                    .unwrap_or_else(|| "use one of rail, road, air, sea, unknown".into()),
            ),
        )
    })
}

/// The help for a mode written in everyday words: `train` is `rail`, `plane` is `air`.
fn mode_help(word: &str) -> Option<String> {
    let mode = everyday_mode(word)?.as_str();
    Some(format!(
        "`{word}` is written `{mode}`; the modes are rail, road, air, sea, unknown"
    ))
}

/// The mode an everyday word means: `train` is rail, `ferry` is sea.
fn everyday_mode(word: &str) -> Option<Mode> {
    match word.trim().to_lowercase().as_str() {
        "train" | "railway" | "railroad" => Some(Mode::Rail),
        "car" | "bus" | "coach" | "drive" | "driving" | "motorcade" | "truck" => Some(Mode::Road),
        "plane" | "airplane" | "aeroplane" | "flight" | "fly" | "flying" | "jet" => Some(Mode::Air),
        "ship" | "boat" | "ferry" | "yacht" => Some(Mode::Sea),
        _ => None,
    }
}

/// A mode as other software writes it, in itinera's words or everyday ones; anything else
/// (Strava's `cycling`, a Garmin route type) is no mode itinera draws, and not an error.
fn loose_mode(word: &str) -> Option<Mode> {
    parse_mode(word.trim()).or_else(|| everyday_mode(word))
}

/// Checks that a latitude and a longitude are on Earth; `at` locates the error.
fn check_coordinates(lat: f64, lon: f64, source: &SourceFile, at: usize) -> Result<()> {
    if !lat.is_finite() || !(-90.0..=90.0).contains(&lat) {
        return Err(invalid(
            format!("latitude `{lat}` is out of range"),
            source,
            at,
            Some("latitude is between -90 and 90 degrees".into()),
        ));
    }
    if !lon.is_finite() || !(-180.0..=180.0).contains(&lon) {
        return Err(invalid(
            format!("longitude `{lon}` is out of range"),
            source,
            at,
            Some("longitude is between -180 and 180 degrees".into()),
        ));
    }
    Ok(())
}

fn invalid(message: String, source: &SourceFile, at: usize, help: Option<String>) -> Error {
    Error::Invalid {
        kind: InvalidKind::Value,
        message,
        location: Some(Box::new(source.location(at))),
        help,
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod gis_tests;
#[cfg(test)]
mod tests;
