//! Trips: what a trip file (TOML, CSV, GeoJSON, GPX or KML) or a list of place names says, and the stops it
//! resolves to.
//!
//! This module owns the trip formats' parsers ([`parse_toml`], [`parse_csv`], [`parse_geojson`],
//! [`parse_gpx`], [`parse_kml`]: text -> [`TripPlan`], with `file:line:column` on every error;
//! which one reads a file is [`crate::formats`]' choice) and stop resolution ([`resolve`]: [`TripPlan`] -> [`Trip`]s with coordinates),
//! where each stop is disambiguated with the trip's context: country hints and nearness to the
//! neighbouring stops.

mod color;
mod date;
mod parse;
mod resolve;

use geo::Coord;
use serde::{Deserialize, Serialize};

pub use color::{Rgb, RgbError};
pub use date::{Date, DateError};
pub use parse::{
    SizedPlaces, parse_csv, parse_geojson, parse_gpx, parse_kml, parse_sized_csv, parse_toml,
};
pub use resolve::{ResolveOptions, Resolved, Warning, resolve};

use crate::gazetteer::Place;
use crate::source::Location;

/// How a leg was travelled; decides the line style on maps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Train.
    Rail,
    /// Car, bus, motorcade.
    Road,
    /// Aircraft.
    Air,
    /// Ship or boat.
    Sea,
    /// Not stated.
    #[default]
    Unknown,
}

impl Mode {
    /// The lower-case name used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Rail => "rail",
            Mode::Road => "road",
            Mode::Air => "air",
            Mode::Sea => "sea",
            Mode::Unknown => "unknown",
        }
    }
}

/// What a trip is: which of its stops are joined by legs, and how its outputs show it.
///
/// Every step that treats trips differently matches on it (legs, markers, legends, the writers),
/// so a new kind is handled wherever it matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TripKind {
    /// A journey: stops in order, a leg between each stop and the next.
    #[default]
    Journey,
    /// Places with no journey between them (e.g. a GPS's waypoints): markers, no legs.
    Places,
    /// A recorded line (e.g. a GPS track, a GIS LineString): its vertices in order, few of them
    /// named; legs join them as for a journey.
    Track,
}

impl TripKind {
    /// The `places` flag of the outputs (GeoJSON, KML, GeoPackage, JSON records): `true` for
    /// [`TripKind::Places`] only, as files have always marked a group of places.
    pub(crate) fn places_flag(self) -> bool {
        match self {
            TripKind::Places => true,
            TripKind::Journey | TripKind::Track => false,
        }
    }
}

/// Serialises a [`TripKind`] as the `places` flag ([`TripKind::places_flag`]).
pub(crate) fn serialize_places_flag<S: serde::Serializer>(
    kind: &TripKind,
    s: S,
) -> Result<S::Ok, S::Error> {
    s.serialize_bool(kind.places_flag())
}

/// Whether the `places` flag of a [`TripKind`] is left out: all kinds but places.
pub(crate) fn not_places(kind: &TripKind) -> bool {
    !kind.places_flag()
}

/// A stop as written in a trip file, before resolution.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StopSpec {
    /// Place name to look up in the gazetteer.
    pub place: Option<String>,
    /// Label to show instead of the place name (required with coordinates and no place).
    pub name: Option<String>,
    /// Country hint, ISO 3166-1 alpha-2 or country name.
    pub country: Option<String>,
    /// Region the place lies in: a name ("Illinois", "Primorsky Krai"), a code ("IL",
    /// "RU-PRI") or an abbreviation ("Ill."); a qualifier like the one after a comma.
    pub region: Option<String>,
    /// GeoNames id: which of the places named `place` is meant (a page's picked candidate).
    pub geonameid: Option<i64>,
    /// Latitude, degrees; with `lon`, overrides the gazetteer.
    pub lat: Option<f64>,
    /// Longitude, degrees.
    pub lon: Option<f64>,
    /// Date (ISO 8601 in the file, e.g. `2011-08-20`).
    pub date: Option<Date>,
    /// Free text.
    pub note: Option<String>,
    /// Mode of the leg that ends at this stop.
    pub mode: Option<Mode>,
    /// Where the stop is written.
    pub location: Option<Location>,
}

/// A trip as written: a name, options and stops.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TripSpec {
    /// Trip name (legend, reports).
    pub name: String,
    /// Line colour as written (`#rrggbb` or `#rgb` in the file); a palette colour otherwise.
    pub color: Option<Rgb>,
    /// Default mode of the legs.
    pub mode: Mode,
    /// Country hint for every stop without one.
    pub country: Option<String>,
    /// The stops, in order.
    pub stops: Vec<StopSpec>,
    /// What the trip is: a journey, places or a track.
    pub kind: TripKind,
    /// Where the trip is written.
    pub location: Option<Location>,
}

/// A whole trip file, or an ad-hoc trip from place names.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TripPlan {
    /// Map title.
    pub title: Option<String>,
    /// The trips.
    pub trips: Vec<TripSpec>,
}

impl TripPlan {
    /// One trip through the named places, as typed on the command line. An argument of
    /// airport codes joined by hyphens (`LHR-JFK-NRT`, as flight routes are written) is one
    /// stop per code.
    pub fn from_names<S: AsRef<str>>(names: &[S]) -> TripPlan {
        let stops: Vec<StopSpec> = names
            .iter()
            .flat_map(|n| {
                let n = n.as_ref();
                let codes: Vec<&str> = n.split('-').collect();
                let route = codes.len() > 1
                    && codes
                        .iter()
                        .all(|c| c.len() == 3 && crate::gazetteer::airport_code(c).is_some());
                if route { codes } else { vec![n] }
            })
            .map(|n| StopSpec {
                place: Some(n.to_string()),
                ..StopSpec::default()
            })
            .collect();
        let name = match (names.first(), names.last()) {
            (Some(a), Some(b)) if names.len() > 1 => format!("{} – {}", a.as_ref(), b.as_ref()),
            (Some(a), _) => a.as_ref().to_string(),
            _ => "Trip".to_string(),
        };
        TripPlan {
            title: None,
            trips: vec![TripSpec {
                name,
                stops,
                ..TripSpec::default()
            }],
        }
    }
}

/// A resolved stop: a label and coordinates, with the gazetteer place when there is one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stop {
    /// What to call it: the `name` given, else the place name as written.
    pub label: String,
    /// The gazetteer place, unless the stop gave coordinates. Boxed: a stop with coordinates
    /// (every point of a GPS track) then costs a pointer, not a whole place.
    #[serde(skip)]
    pub place: Option<Box<Place>>,
    /// Latitude, degrees WGS84.
    pub lat: f64,
    /// Longitude, degrees WGS84.
    pub lon: f64,
    /// Date.
    pub date: Option<Date>,
    /// Note as written.
    pub note: Option<String>,
    /// Mode of the leg ending here, if given.
    pub mode: Option<Mode>,
}

impl Stop {
    /// Position as a `geo` coordinate (x = lon, y = lat).
    pub fn coord(&self) -> Coord {
        Coord {
            x: self.lon,
            y: self.lat,
        }
    }
}

/// A resolved trip.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Trip {
    /// Trip name.
    pub name: String,
    /// Line colour (serialised as `#rrggbb`).
    pub color: Rgb,
    /// Default mode of the legs.
    pub mode: Mode,
    /// The stops, in order.
    pub stops: Vec<Stop>,
    /// What the trip is: a journey, places or a track; serialised as `places: true` for
    /// places, left out otherwise.
    #[serde(
        rename = "places",
        serialize_with = "serialize_places_flag",
        skip_serializing_if = "not_places"
    )]
    pub kind: TripKind,
}

/// Default line colours: Okabe & Ito's colour-blind-safe palette (2008), darkest first.
pub(crate) const PALETTE: [Rgb; 7] = [
    Rgb::hex(0xd55e00),
    Rgb::hex(0x0072b2),
    Rgb::hex(0x009e73),
    Rgb::hex(0xcc79a7),
    Rgb::hex(0xe69f00),
    Rgb::hex(0x56b4e9),
    Rgb::hex(0x000000),
];
