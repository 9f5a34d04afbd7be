//! Routes: a resolved [`Trip`] becomes legs measured along the WGS84 geodesic.
//!
//! This module owns distances, bearings and leg geometry (densified, split at ±180°). All
//! measures go through GeographicLib's WGS84 geodesic (Karney 2013; `geographiclib-rs`, the
//! implementation that `geo::Geodesic` wraps, called directly so that each leg solves its
//! inverse problem once), chosen here in one place. Rail and road legs are straight-line
//! (geodesic): itinera has no network to follow.

mod antimeridian;

use std::sync::LazyLock;

use geo::Coord;
use geographiclib_rs::{
    DirectGeodesic, Geodesic as Ellipsoid, GeodesicLine, InverseGeodesic, capability,
};
use serde::Serialize;

pub(crate) use antimeridian::is_one_part;
pub use antimeridian::split_antimeridian;

pub use crate::bbox::{BoundingBox, bounding_box};
pub(crate) use crate::bbox::{BoxBuilder, normalize_lon};
use crate::trip::{Mode, Rgb, Stop, Trip, TripKind};

/// Largest gap between vertices of a densified leg, metres.
pub const DENSIFY_MAX_M: f64 = 10_000.0;

/// One leg of a route, between consecutive stops.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Leg {
    /// Index of the start stop in [`Route::stops`].
    pub from: usize,
    /// Index of the end stop.
    pub to: usize,
    /// Geodesic distance, metres (WGS84).
    pub metres: f64,
    /// Initial bearing at the start, degrees clockwise from north in [0, 360); 0 for a
    /// zero-length leg.
    pub bearing_deg: f64,
    /// How the leg was travelled (line style); the mode of the stop it ends at, else the trip's.
    pub mode: Mode,
    /// Start, lon/lat degrees.
    pub start: Coord,
    /// End, lon/lat degrees.
    pub end: Coord,
    /// The initial azimuth as GeographicLib gives it (degrees, -180..180), kept so that the
    /// line is densified without solving the inverse problem again.
    #[serde(skip)]
    azimuth: f64,
}

impl Leg {
    /// The geodesic as lon/lat vertices at most [`DENSIFY_MAX_M`] apart, ends included,
    /// longitudes in [-180, 180]; it may jump across ±180° (see [`Leg::parts`]). Computed on
    /// each call: distances and bearings never need it, maps and exports do.
    pub fn line(&self) -> Vec<Coord> {
        self.line_every(DENSIFY_MAX_M)
    }

    /// The geodesic with vertices at most `max_m` metres apart (maps use a step tied to their
    /// scale).
    pub fn line_every(&self, max_m: f64) -> Vec<Coord> {
        densify_measured(self.start, self.end, self.metres, self.azimuth, max_m)
    }

    /// Appends [`Leg::line`] to `out` (exporters gather every leg's line in one buffer).
    pub(crate) fn extend_line(&self, out: &mut Vec<Coord>) {
        densify_into(
            self.start,
            self.end,
            self.metres,
            self.azimuth,
            DENSIFY_MAX_M,
            out,
        );
    }

    /// The line in parts that never cross ±180° (one part unless it crosses).
    pub fn parts(&self) -> Vec<Vec<Coord>> {
        split_antimeridian(&self.line())
    }
}

/// A trip with its legs measured.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Route {
    /// Trip name.
    pub name: String,
    /// Line colour (serialised as `#rrggbb`).
    pub color: Rgb,
    /// The stops, in order.
    pub stops: Vec<Stop>,
    /// The legs; one fewer than the stops (none for a one-stop trip, or for places).
    pub legs: Vec<Leg>,
    /// What the trip is: a journey, places (no legs, markers only) or a track; serialised as
    /// the `places` flag.
    #[serde(
        rename = "places",
        serialize_with = "crate::trip::serialize_places_flag"
    )]
    pub kind: TripKind,
}

impl Route {
    /// Total distance, metres.
    pub fn metres(&self) -> f64 {
        // Not `sum()`: a float sum of nothing is -0.0, printed "-0.000" for a one-stop trip.
        self.legs.iter().fold(0.0, |total, l| total + l.metres)
    }

    /// Whether stop `i` is drawn with a filled marker: the two ends of a journey, and every
    /// one of a group of places.
    pub fn is_terminal(&self, i: usize) -> bool {
        match self.kind {
            TripKind::Places => true,
            TripKind::Journey | TripKind::Track => i == 0 || i + 1 == self.stops.len(),
        }
    }

    /// Whether stop `i` gets a marker: all but the unnamed vertices of a track between its
    /// ends, which its line draws.
    pub fn has_marker(&self, i: usize) -> bool {
        self.is_terminal(i) || self.stops.get(i).is_some_and(|s| !s.label.is_empty())
    }
}

/// The WGS84 ellipsoid of GeographicLib (Karney 2013), the one `geo::Geodesic` wraps: the
/// library's one metric. Every geodesic measure (distances, bearings, densified lines, the
/// antimeridian crossings, the scale bar's and the map fit's ground distances) goes through
/// this module's functions on it, so they agree to the bit. Used directly rather than through
/// `geo` where `geo` would solve the same inverse problem more than once: a leg's distance and
/// bearing come from one solution, and a densified line from one solution and a direct problem
/// per vertex (`geo`'s `Densify` solves the inverse again for every vertex).
static WGS84: LazyLock<Ellipsoid> = LazyLock::new(Ellipsoid::wgs84);

/// The point `metres` from `from` along the geodesic setting out at `bearing_deg` (degrees
/// clockwise from north).
pub fn destination(from: Coord, bearing_deg: f64, metres: f64) -> Coord {
    let (lat, lon): (f64, f64) = WGS84.direct(from.y, from.x, bearing_deg, metres);
    Coord { x: lon, y: lat }
}

/// The point a fraction `ratio` of the way along the geodesic from `a` to `b` (as
/// `geo::InterpolatePoint::point_at_ratio_between` of `geo::Geodesic` gives it).
pub(crate) fn point_at_ratio(a: Coord, b: Coord, ratio: f64) -> Coord {
    if a == b || ratio == 0.0 {
        return a;
    }
    if ratio == 1.0 {
        return b;
    }
    let (s12, azi1, _, _): (f64, f64, f64, f64) = WGS84.inverse(a.y, a.x, b.y, b.x);
    destination(a, azi1, s12 * ratio)
}

/// Geodesic distance between two lon/lat points, metres.
pub fn distance(a: Coord, b: Coord) -> f64 {
    InverseGeodesic::<f64>::inverse(&*WGS84, a.y, a.x, b.y, b.x)
}

/// Initial bearing from `a` to `b` along the geodesic, degrees in [0, 360); 0 when `a == b`.
pub fn bearing(a: Coord, b: Coord) -> f64 {
    measure(a, b).1
}

/// Distance in metres, initial bearing in degrees [0, 360) (0 when `a == b`) and the initial
/// azimuth as GeographicLib gives it, from one solution of the inverse problem.
fn measure(a: Coord, b: Coord) -> (f64, f64, f64) {
    let (s12, azi1, _, _): (f64, f64, f64, f64) = WGS84.inverse(a.y, a.x, b.y, b.x);
    if a == b {
        return (s12, 0.0, azi1);
    }
    let deg = (azi1 + 360.0) % 360.0;
    // (azi + 360) % 360 can round to exactly 360 for tiny negative azimuths.
    (s12, if deg >= 360.0 { 0.0 } else { deg }, azi1)
}

/// The geodesic from `a` to `b` as vertices at most `max_m` metres apart, both ends included,
/// longitudes normalised to [-180, 180]. The vertices divide the geodesic into equal parts, as
/// `geo`'s `Densify` places them. (Legs densify from what they measured; this is for tests.)
#[cfg(test)]
pub(crate) fn densify(a: Coord, b: Coord, max_m: f64) -> Vec<Coord> {
    let (s12, azi1, _, _): (f64, f64, f64, f64) = WGS84.inverse(a.y, a.x, b.y, b.x);
    densify_measured(a, b, s12, azi1, max_m)
}

/// [`densify`] of a geodesic whose length and initial azimuth (degrees, as GeographicLib
/// gives it) are known.
fn densify_measured(a: Coord, b: Coord, s12: f64, azi1: f64, max_m: f64) -> Vec<Coord> {
    let mut line = Vec::new();
    densify_into(a, b, s12, azi1, max_m, &mut line);
    line
}

/// [`densify_measured`], appending the vertices to `line`.
fn densify_into(a: Coord, b: Coord, s12: f64, azi1: f64, max_m: f64, line: &mut Vec<Coord>) {
    let norm = |c: Coord| Coord {
        x: normalize_lon(c.x),
        y: c.y,
    };
    let segments = (s12 / max_m).ceil();
    if a == b || segments.is_nan() || segments <= 1.0 {
        line.extend([norm(a), norm(b)]);
        return;
    }
    // Far more vertices than pixels on any map: the caller asked for a step far too small.
    let segments = segments.min(1e7) as u64;
    let frac = 1.0 / segments as f64;
    line.reserve(segments as usize + 1);
    line.push(norm(a));
    // One geodesic line for every vertex: `direct` would set it up again for each (the same
    // capabilities, so the same coordinates to the bit).
    let mask = capability::LATITUDE | capability::LONGITUDE | capability::DISTANCE_IN;
    let geodesic = GeodesicLine::new(&WGS84, a.y, a.x, azi1, Some(mask), None, None);
    for k in 1..segments {
        let (_, lat, lon, ..) = geodesic._gen_position(false, s12 * (frac * k as f64), mask);
        line.push(norm(Coord { x: lon, y: lat }));
    }
    line.push(norm(b));
}

/// Measures a trip: one leg per pair of consecutive stops.
///
/// # Examples
///
/// ```
/// use itinera::{Gazetteer, TripPlan, route, trip};
///
/// let plan = TripPlan::from_names(&["Ussuriysk", "Ulan-Ude"]);
/// let trips = trip::resolve(&plan, Gazetteer::bundled(), &Default::default())?;
/// let r = route::build(&trips.trips[0]);
/// // GeographicLib's Inverse on WGS84 between the GeoNames points: 2,017,455.848846 m.
/// assert!((r.metres() - 2_017_455.848846).abs() < 0.001);
/// assert_eq!(r.legs.len(), 1);
/// assert!(r.legs[0].line().len() > 200); // vertices at most 10 km apart along the geodesic
/// # Ok::<(), itinera::Error>(())
/// ```
pub fn build(trip: &Trip) -> Route {
    Route {
        name: trip.name.clone(),
        color: trip.color,
        legs: legs(trip),
        stops: trip.stops.clone(),
        kind: trip.kind,
    }
}

/// [`build`], taking the trip's stops instead of copying them (a large trip is held once).
pub fn from_trip(trip: Trip) -> Route {
    let legs = legs(&trip);
    Route {
        name: trip.name,
        color: trip.color,
        stops: trip.stops,
        legs,
        kind: trip.kind,
    }
}

/// Stops from which a trip's legs are measured on all cores (rayon's pool): a million-stop
/// track spends a sixth of its export solving the inverse problems; a short trip is not worth
/// handing out.
const PARALLEL_FROM: usize = 4096;

fn legs(trip: &Trip) -> Vec<Leg> {
    use rayon::prelude::*;
    match trip.kind {
        TripKind::Places => return Vec::new(),
        TripKind::Journey | TripKind::Track => {}
    }
    let leg = |(i, pair): (usize, &[Stop])| {
        let (a, b) = (pair[0].coord(), pair[1].coord());
        let (metres, bearing_deg, azimuth) = measure(a, b);
        Leg {
            from: i,
            to: i + 1,
            metres,
            bearing_deg,
            azimuth,
            mode: pair[1].mode.unwrap_or(trip.mode),
            start: a,
            end: b,
        }
    };
    if trip.stops.len() >= PARALLEL_FROM {
        trip.stops.par_windows(2).enumerate().map(leg).collect()
    } else {
        trip.stops.windows(2).enumerate().map(leg).collect()
    }
}

/// Length units for reports; metres inside.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
#[serde(rename_all = "lowercase")]
pub enum Units {
    /// Kilometres.
    #[default]
    Km,
    /// Statute miles (1609.344 m).
    Mi,
    /// Nautical miles (1852 m).
    Nmi,
}

impl Units {
    /// Metres per unit.
    pub fn metres(self) -> f64 {
        match self {
            Units::Km => 1000.0,
            Units::Mi => 1609.344,
            Units::Nmi => 1852.0,
        }
    }

    /// Converts metres to this unit.
    pub fn from_metres(self, m: f64) -> f64 {
        m / self.metres()
    }

    /// Short label: `km`, `mi`, `nmi`.
    pub fn label(self) -> &'static str {
        match self {
            Units::Km => "km",
            Units::Mi => "mi",
            Units::Nmi => "nmi",
        }
    }
}

impl std::str::FromStr for Units {
    type Err = crate::Error;

    /// `km`, `mi` or `nmi`, any case.
    fn from_str(s: &str) -> Result<Units, crate::Error> {
        match s.to_ascii_lowercase().as_str() {
            "km" => Ok(Units::Km),
            "mi" => Ok(Units::Mi),
            "nmi" => Ok(Units::Nmi),
            _ => Err(crate::Error::invalid(
                crate::InvalidKind::Setting,
                format!("unknown units `{s}`"),
                Some("use km, mi or nmi".into()),
            )),
        }
    }
}

#[cfg(test)]
mod tests;
