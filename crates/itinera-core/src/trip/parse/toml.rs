//! The TOML trip file: a title, then trips with their stops, each stop a place name or a
//! table (see the README).

use std::fmt;

use ::toml::Spanned;
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor, value::MapAccessDeserializer};

use super::{check_stop, invalid, lower_first, parse_date, read_mode};
use crate::InvalidKind;
use crate::error::{Error, Result};
use crate::source::SourceFile;
use crate::trip::{Rgb, StopSpec, TripKind, TripPlan, TripSpec};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    title: Option<String>,
    trips: Option<Vec<Spanned<RawTrip>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTrip {
    name: Option<String>,
    color: Option<String>,
    mode: Option<Spanned<String>>,
    country: Option<String>,
    stops: Vec<Spanned<RawStop>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct StopFields {
    place: Option<String>,
    name: Option<String>,
    country: Option<String>,
    region: Option<String>,
    geonameid: Option<i64>,
    lat: Option<f64>,
    lon: Option<f64>,
    date: Option<DateText>,
    note: Option<String>,
    mode: Option<Spanned<String>>,
}

/// A stop: a bare string (the place) or a table.
struct RawStop(StopFields);

impl<'de> Deserialize<'de> for RawStop {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawStop;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "a place name or a table such as { place = \"Khasan\", date = \"2011-08-20\" }",
                )
            }
            fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<RawStop, E> {
                Ok(RawStop(StopFields {
                    place: Some(v.to_string()),
                    ..StopFields::default()
                }))
            }
            fn visit_map<A: MapAccess<'de>>(
                self,
                map: A,
            ) -> std::result::Result<RawStop, A::Error> {
                StopFields::deserialize(MapAccessDeserializer::new(map)).map(RawStop)
            }
        }
        d.deserialize_any(V)
    }
}

/// A date written as a string or as a bare TOML date (`date = 2011-08-20`).
struct DateText(String);

impl<'de> Deserialize<'de> for DateText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = DateText;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date such as 2011-08-20")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<DateText, E> {
                Ok(DateText(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(
                self,
                map: A,
            ) -> std::result::Result<DateText, A::Error> {
                ::toml::value::Datetime::deserialize(MapAccessDeserializer::new(map))
                    .map(|d| DateText(d.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

/// Parses the TOML trip format (see the README).
///
/// # Errors
/// [`Error::Syntax`] or [`Error::Invalid`] at the line and column of the problem.
pub fn parse_toml(source: &SourceFile) -> Result<TripPlan> {
    let raw: RawFile = ::toml::from_str(&source.text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        Error::Syntax {
            message: lower_first(e.message().trim()),
            location: Box::new(source.location(offset)),
        }
    })?;
    // Modes are read as text and parsed here, as in CSV files, so that a mode in everyday
    // words ("train") gets the word itinera uses, at the mode's own position.
    let mode = |m: Option<Spanned<String>>| {
        m.map(|m| read_mode(m.get_ref(), source, m.span().start))
            .transpose()
    };
    let Some(raw_trips) = raw.trips.filter(|t| !t.is_empty()) else {
        return Err(Error::Invalid {
            kind: InvalidKind::Value,
            message: "no trips in the file".into(),
            location: Some(Box::new(source.location(0))),
            help: Some(
                "add a trip: [[trips]] name = \"...\" stops = [\"Khasan\", \"Ussuriysk\"]".into(),
            ),
        });
    };
    let mut trips = Vec::new();
    for (i, t) in raw_trips.into_iter().enumerate() {
        let at = t.span().start;
        let t = t.into_inner();
        let location = source.location(at);
        let name = t.name.unwrap_or_else(|| format!("Trip {}", i + 1));
        if t.stops.is_empty() {
            return Err(invalid(
                format!("trip `{name}` has no stops"),
                source,
                at,
                None,
            ));
        }
        let color = match t.color {
            Some(c) => Some(c.parse::<Rgb>().map_err(|e| {
                invalid(
                    e.to_string(),
                    source,
                    at,
                    Some("write a colour as #rrggbb or #rgb, e.g. \"#c0392b\"".into()),
                )
            })?),
            None => None,
        };
        let mut stops = Vec::new();
        for s in t.stops {
            let at = s.span().start;
            let f = s.into_inner().0;
            let mut stop = StopSpec {
                place: f.place,
                name: f.name,
                country: f.country,
                region: f.region,
                geonameid: f.geonameid,
                lat: f.lat,
                lon: f.lon,
                date: None,
                note: f.note,
                mode: mode(f.mode)?,
                location: Some(source.location(at)),
            };
            check_stop(&stop, source, at)?;
            stop.date = parse_date(f.date.map(|d| d.0), source, at)?;
            stops.push(stop);
        }
        trips.push(TripSpec {
            name,
            color,
            mode: mode(t.mode)?.unwrap_or_default(),
            country: t.country,
            stops,
            kind: TripKind::Journey,
            location: Some(location),
        });
    }
    Ok(TripPlan {
        title: raw.title,
        trips,
    })
}
