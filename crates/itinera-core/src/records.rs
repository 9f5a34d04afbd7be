//! Results as records: serialisable views of geocoding answers, routes and mentions, with
//! the rounding every output uses (coordinates 6 decimals, metres to the millimetre, distances
//! in units to 6 decimals, bearings to hundredths of a degree, scores to thousandths).
//!
//! This module owns the shape of results outside Rust. The command line prints these
//! records as JSON; the Python package hands the same records over as dictionaries, so both
//! give the same values.

use serde::Serialize;

use crate::gazetteer::near_label;
use crate::geoparse::{DistanceClaim, Mention, SenseKind};
use crate::route::{Leg, Route, Units};
use crate::trip::{Date, Mode};
use crate::{Candidate, MatchKind, Place, PlaceKind};

/// Metres to the millimetre.
pub fn mm(m: f64) -> f64 {
    round(m, 3)
}

/// A distance in kilometres or miles to six decimals (the millimetre of [`mm`]).
pub fn micro(v: f64) -> f64 {
    round(v, 6)
}

fn round(x: f64, digits: i32) -> f64 {
    let f = 10f64.powi(digits);
    (x * f).round() / f
}

/// The answer to a name: its best place, and the first candidates when they are asked for.
#[derive(Debug, Serialize)]
pub struct PlacesRecord<'a> {
    /// The best place.
    #[serde(flatten)]
    pub best: CandidateRecord<'a>,
    /// The candidates, best first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub candidates: Option<Vec<CandidateRecord<'a>>>,
}

impl<'a> PlacesRecord<'a> {
    /// The record of the places `found` for `query` (best first), with the first `candidates`
    /// of them when given; `None` when nothing was found.
    pub fn new(query: &'a str, found: &'a [Candidate], candidates: Option<usize>) -> Option<Self> {
        Some(PlacesRecord {
            best: CandidateRecord::new(query, found.first()?),
            candidates: candidates.map(|n| {
                found
                    .iter()
                    .take(n)
                    .map(|c| CandidateRecord::new(query, c))
                    .collect()
            }),
        })
    }
}

/// A gazetteer place matched to a query.
#[derive(Debug, Serialize)]
pub struct CandidateRecord<'a> {
    /// The query as given.
    pub query: &'a str,
    /// The place's name.
    pub name: &'a str,
    /// The name or alias that matched.
    pub matched: &'a str,
    /// How it matched.
    #[serde(rename = "match")]
    pub how: MatchKind,
    /// City, country, region, feature.
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 code.
    pub country: &'a str,
    /// The country's English name.
    pub country_name: Option<&'static str>,
    /// The first-level region's name.
    pub admin1: Option<&'static str>,
    /// The first-level region's GeoNames code.
    pub admin1_code: &'a str,
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
    /// Population (0 when unknown).
    pub population: u64,
    /// GeoNames id.
    pub geonameid: Option<i64>,
    /// Ranking score, to thousandths.
    pub score: f64,
}

impl<'a> CandidateRecord<'a> {
    /// The record of candidate `c` for `query`.
    pub fn new(query: &'a str, c: &'a Candidate) -> Self {
        let p = &c.place;
        CandidateRecord {
            query,
            name: &p.name,
            matched: &c.matched,
            how: c.how,
            kind: p.kind,
            country: &p.country,
            country_name: p.country_name(),
            admin1: p.admin1_name(),
            admin1_code: &p.admin1,
            lat: p.lat,
            lon: p.lon,
            population: p.population,
            geonameid: p.geonameid,
            score: round(c.score, 3),
        }
    }
}

/// A coordinate pair given as a query.
#[derive(Debug, Serialize)]
pub struct PointRecord<'a> {
    /// The query as given.
    pub query: &'a str,
    /// "near Ulan-Ude" when a notable place is close.
    pub name: Option<String>,
    /// Always `coordinates`.
    #[serde(rename = "match")]
    pub how: &'static str,
    /// Always `point`.
    pub kind: &'static str,
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
    /// The nearest notable place.
    pub near: Option<NearRecord<'a>>,
}

impl<'a> PointRecord<'a> {
    /// The record of a coordinate query.
    pub fn new(query: &'a str, lat: f64, lon: f64, near: Option<&'a (Place, f64)>) -> Self {
        PointRecord {
            query,
            name: near.and_then(near_label),
            how: "coordinates",
            kind: "point",
            lat,
            lon,
            near: near.map(|(p, km)| NearRecord {
                name: &p.name,
                country: &p.country,
                admin1: p.admin1_name(),
                geonameid: p.geonameid,
                distance_km: round(*km, 3),
            }),
        }
    }
}

/// The notable place nearest a coordinate query.
#[derive(Debug, Serialize)]
pub struct NearRecord<'a> {
    /// Its name.
    pub name: &'a str,
    /// ISO 3166-1 alpha-2 code.
    pub country: &'a str,
    /// First-level region.
    pub admin1: Option<&'static str>,
    /// GeoNames id.
    pub geonameid: Option<i64>,
    /// Distance from the point, km to the metre.
    pub distance_km: f64,
}

/// A query that found nothing, with the names it may have meant.
#[derive(Debug, Serialize)]
pub struct UnknownRecord<'a> {
    /// The query as given.
    pub query: &'a str,
    /// What went wrong ("unknown place").
    pub error: &'a str,
    /// Close names in the gazetteer.
    pub suggestions: Option<&'a [String]>,
}

/// A trip measured: its legs, stops and total, in `units`.
#[derive(Debug, Serialize)]
pub struct RouteRecord<'a> {
    /// Its legs, in order.
    pub legs: Vec<LegRecord<'a>>,
    /// The trip's name.
    pub name: &'a str,
    /// Always `geodesic`: legs are straight lines on the ellipsoid.
    pub path: &'static str,
    /// Present and `true` for a group of places (GPS waypoints), which has no legs.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub places: bool,
    /// Its stops, in order.
    pub stops: Vec<StopRecord<'a>>,
    /// Total in `units`.
    pub total: f64,
    /// Total in metres.
    pub total_m: f64,
    /// `km`, `mi` or `nmi`.
    pub units: &'static str,
}

impl<'a> RouteRecord<'a> {
    /// The record of route `r` with distances in `units`.
    pub fn new(r: &'a Route, units: Units) -> Self {
        RouteRecord {
            legs: LegRecord::all(r, units),
            name: &r.name,
            path: "geodesic",
            places: r.kind.places_flag(),
            stops: r.stops.iter().map(StopRecord::new).collect(),
            total: micro(units.from_metres(r.metres())),
            total_m: mm(r.metres()),
            units: units.label(),
        }
    }
}

/// A leg of a route.
#[derive(Debug, Serialize)]
pub struct LegRecord<'a> {
    /// Where it starts.
    pub from: &'a str,
    /// Where it ends.
    pub to: &'a str,
    /// Geodesic length, metres.
    pub distance_m: f64,
    /// Geodesic length in the route's units.
    pub distance: f64,
    /// Length of the route so far, metres.
    pub cumulative_m: f64,
    /// Initial bearing, degrees clockwise from north.
    pub bearing_deg: f64,
    /// How it was travelled.
    pub mode: Mode,
}

impl<'a> LegRecord<'a> {
    /// The record of leg `l` of `r`, the route being `cumulative` metres long at its end.
    pub fn new(r: &'a Route, l: &Leg, cumulative: f64, units: Units) -> Self {
        LegRecord {
            from: &r.stops[l.from].label,
            to: &r.stops[l.to].label,
            distance_m: mm(l.metres),
            distance: micro(units.from_metres(l.metres)),
            cumulative_m: mm(cumulative),
            bearing_deg: round(l.bearing_deg, 2),
            mode: l.mode,
        }
    }

    /// The records of the legs of `r`, with the running total.
    pub fn all(r: &'a Route, units: Units) -> Vec<LegRecord<'a>> {
        let mut cumulative = 0.0;
        r.legs
            .iter()
            .map(|l| {
                cumulative += l.metres;
                LegRecord::new(r, l, cumulative, units)
            })
            .collect()
    }
}

/// A stop of a route.
#[derive(Debug, Serialize)]
pub struct StopRecord<'a> {
    /// Its label.
    pub name: &'a str,
    /// The gazetteer name it resolved to, unless it gave coordinates.
    pub matched: Option<&'a str>,
    /// ISO 3166-1 alpha-2 code of that place.
    pub country: Option<&'a str>,
    /// GeoNames id of that place.
    pub geonameid: Option<i64>,
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
    /// Date, ISO 8601.
    pub date: Option<Date>,
}

impl<'a> StopRecord<'a> {
    /// The record of stop `s`.
    pub fn new(s: &'a crate::Stop) -> Self {
        let place = s.place.as_ref();
        StopRecord {
            name: &s.label,
            matched: place.map(|p| p.name.as_ref()),
            country: place.map(|p| p.country.as_ref()),
            geonameid: place.and_then(|p| p.geonameid),
            lat: s.lat,
            lon: s.lon,
            date: s.date,
        }
    }
}

/// A place mention, as `extract` reports it.
#[derive(Debug, Serialize)]
pub struct MentionRecord<'a> {
    /// Offset of its start (bytes or characters, as extracted).
    pub start: usize,
    /// Offset just past it.
    pub end: usize,
    /// The words as written.
    pub text: &'a str,
    /// The gazetteer's name of the place.
    pub name: &'a str,
    /// GeoNames id.
    pub geonameid: Option<i64>,
    /// What kind of place.
    pub kind: SenseKind,
    /// ISO 3166-1 alpha-2 code; empty for seas and other features.
    pub country: &'a str,
    /// Latitude, 6 decimals.
    pub lat: f64,
    /// Longitude, 6 decimals.
    pub lon: f64,
    /// Confidence, to thousandths.
    pub score: f64,
    /// The place is named inside the name of an organisation, facility or street; written
    /// only when true.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub in_name: bool,
}

impl<'a> MentionRecord<'a> {
    /// The record of mention `m`.
    pub fn new(m: &'a Mention) -> Self {
        let r = rounded(m);
        MentionRecord {
            start: m.start,
            end: m.end,
            text: &m.text,
            name: &m.name,
            geonameid: m.geonameid,
            kind: m.kind,
            country: &m.country,
            lat: r.0,
            lon: r.1,
            score: r.2,
            in_name: m.in_name,
        }
    }
}

/// A mention's latitude, longitude and score as every output rounds them.
pub fn rounded(m: &Mention) -> (f64, f64, f64) {
    (round(m.lat, 6), round(m.lon, 6), round(m.score, 3))
}

/// A text's mentions and distance claims.
#[derive(Debug, Serialize)]
pub struct ExtractionRecord<'a> {
    /// Place mentions in text order.
    pub mentions: Vec<MentionRecord<'a>>,
    /// Distance claims between mentioned places.
    pub claims: &'a [DistanceClaim],
}

impl<'a> ExtractionRecord<'a> {
    /// The record of an extraction.
    pub fn new(e: &'a crate::geoparse::Extraction) -> Self {
        ExtractionRecord {
            mentions: e.mentions.iter().map(MentionRecord::new).collect(),
            claims: &e.claims,
        }
    }
}
