//! Trip-file parsers: TOML (several trips, short and long stop forms), CSV (one stop a row, or
//! itinera's legs), and the GIS formats GeoJSON, GPX and KML (submodules, through [`features`]).

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor, value::MapAccessDeserializer};
use toml::Spanned;

use super::{Date, Mode, StopSpec, TripPlan, TripSpec};
use crate::InvalidKind;
use crate::error::{Error, Result};
use crate::source::SourceFile;

/// The formats trips are read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum InputFormat {
    /// itinera's trip file: trips with their stops (see the README).
    Toml,
    /// One stop a row (`trip,place,name,lat,lon,date,...`), or itinera's legs CSV.
    Csv,
    /// GeoJSON (RFC 7946): Point features are stops, LineStrings trips through their vertices.
    Geojson,
    /// GPX 1.0 or 1.1: waypoints, routes and tracks.
    Gpx,
    /// KML 2.2: Placemarks with Points, LineStrings and `gx:Track`s, a trip per Folder.
    Kml,
}

impl InputFormat {
    /// The format a file name says by its extension (`.geojson` and `.json` are GeoJSON).
    pub fn from_name(name: &str) -> Option<InputFormat> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        Some(match ext.as_str() {
            "toml" => InputFormat::Toml,
            "csv" => InputFormat::Csv,
            "geojson" | "json" => InputFormat::Geojson,
            "gpx" => InputFormat::Gpx,
            "kml" => InputFormat::Kml,
            _ => return None,
        })
    }

    /// The format text looks like, for standard input and names without a known extension:
    /// `{` starts GeoJSON, `<gpx` and `<kml` elements XML ones, a first line with commas and
    /// no `=` a CSV header; anything else is read as TOML.
    pub fn sniff(text: &str) -> InputFormat {
        let body = text.trim_start_matches('\u{feff}').trim_start();
        if body.starts_with('{') {
            return InputFormat::Geojson;
        }
        if body.starts_with('<') {
            // The root element follows the XML declaration and any comments.
            let head = &body[..body.len().min(4096)];
            let gpx = head.find("<gpx");
            let kml = head.find("<kml");
            return match (gpx, kml) {
                (Some(g), Some(k)) if k < g => InputFormat::Kml,
                (None, Some(_)) => InputFormat::Kml,
                _ => InputFormat::Gpx,
            };
        }
        let first = body.lines().next().unwrap_or_default();
        if first.contains(',') && !first.contains('=') && !first.starts_with('[') {
            InputFormat::Csv
        } else {
            InputFormat::Toml
        }
    }
}

/// Parses a trip file in the format its name says ([`InputFormat::from_name`]), or the format
/// its text looks like ([`InputFormat::sniff`]) for standard input and other names.
///
/// # Errors
/// [`Error::Syntax`] or [`Error::Invalid`] with the `file:line:column` of the problem.
///
/// # Examples
///
/// ```
/// use itinera::{SourceFile, trip};
///
/// let toml = r#"
/// title = "August 2011"
/// [[trips]]
/// name = "Kim Jong Il in Russia"
/// mode = "rail"
/// stops = [
///   { place = "Khasan", date = "2011-08-20" },
///   { place = "Ulan-Ude", date = 2011-08-23 },
/// ]
/// "#;
/// let plan = trip::parse(&SourceFile::new("kim.toml", toml))?;
/// assert_eq!(plan.trips[0].stops.len(), 2);
/// assert_eq!(plan.trips[0].stops[1].date.unwrap().to_string(), "2011-08-23");
///
/// let bad = SourceFile::new("bad.csv", "trip,place,lat\nA,Khasan,91\n");
/// let e = trip::parse(&bad).unwrap_err();
/// assert_eq!(e.location().unwrap().to_string(), "bad.csv:2:1");
/// # Ok::<(), itinera::Error>(())
/// ```
pub fn parse(source: &SourceFile) -> Result<TripPlan> {
    let format = match source.name.as_str() {
        "<stdin>" => None,
        name => InputFormat::from_name(name),
    };
    parse_as(
        source,
        format.unwrap_or_else(|| InputFormat::sniff(&source.text)),
    )
}

/// Parses a trip file in the given format.
///
/// # Errors
/// As [`parse`].
pub fn parse_as(source: &SourceFile, format: InputFormat) -> Result<TripPlan> {
    match format {
        InputFormat::Toml => parse_toml(source),
        InputFormat::Csv => parse_csv(source),
        InputFormat::Geojson => geojson::parse_geojson(source),
        InputFormat::Gpx => gpx::parse_gpx(source),
        InputFormat::Kml => kml::parse_kml(source),
    }
}

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
                toml::value::Datetime::deserialize(MapAccessDeserializer::new(map))
                    .map(|d| DateText(d.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

/// Parses the TOML trip format (see the README).
///
/// # Errors
/// As [`parse`].
pub fn parse_toml(source: &SourceFile) -> Result<TripPlan> {
    let raw: RawFile = toml::from_str(&source.text).map_err(|e| {
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
            Some(c) => Some(parse_color(&c).ok_or_else(|| {
                invalid(
                    format!("invalid colour `{c}`"),
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
            places: false,
            location: Some(location),
        });
    }
    Ok(TripPlan {
        title: raw.title,
        trips,
    })
}

const CSV_COLUMNS: [&str; 11] = [
    "trip", "place", "name", "country", "region", "lat", "lon", "date", "note", "mode", "color",
];

/// Parses the CSV trip format: a header naming some of `trip,place,name,country,region,lat,lon,
/// date,note,mode,color`, then one stop per row; rows with the same `trip` form one trip, in order.
///
/// # Errors
/// As [`parse`].
pub fn parse_csv(source: &SourceFile) -> Result<TripPlan> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(source.text.as_bytes());
    let headers = reader.headers().map_err(|e| csv_error(e, source))?.clone();
    // itinera's own legs CSV (`export -o legs.csv`) reads back as the trips it was made from.
    let lower: Vec<String> = headers.iter().map(|h| h.to_ascii_lowercase()).collect();
    if lower.iter().any(|h| h == "leg") && lower.iter().any(|h| h == "from_lat") {
        return parse_legs_csv(source, reader, &lower);
    }
    let mut index = [None; CSV_COLUMNS.len()];
    for (i, h) in headers.iter().enumerate() {
        let h = h.to_ascii_lowercase();
        // The names GIS tools and spreadsheets give coordinates: `latitude`/`longitude`,
        // `lng`/`long`, and `x`/`y` as QGIS and GDAL write them (x is the longitude).
        let canonical = match h.as_str() {
            "latitude" | "y" => "lat",
            "longitude" | "lng" | "long" | "x" => "lon",
            other => other,
        };
        match CSV_COLUMNS.iter().position(|c| *c == canonical) {
            Some(k) if index[k].is_some() => {
                let what = if canonical == h {
                    format!("column `{h}` appears twice")
                } else {
                    format!("column `{h}` is `{canonical}` again")
                };
                return Err(invalid(
                    what,
                    source,
                    crate::source::csv_field_offset(&source.text, 0, i),
                    Some("keep one column of each name".into()),
                ));
            }
            Some(k) => index[k] = Some(i),
            None => {
                let separated = if h.contains([';', '\t']) {
                    "separate the columns with commas; "
                } else {
                    ""
                };
                return Err(invalid(
                    format!("unknown column `{h}`"),
                    source,
                    crate::source::csv_field_offset(&source.text, 0, i),
                    Some(format!(
                        "{separated}the columns are {}",
                        CSV_COLUMNS.join(",")
                    )),
                ));
            }
        }
    }
    let col = |name: &str| {
        index[CSV_COLUMNS
            .iter()
            .position(|c| *c == name)
            .expect("known column")]
    };
    if col("place").is_none() && (col("lat").is_none() || col("lon").is_none()) {
        return Err(invalid(
            "missing column `place` (or `lat` and `lon`)".into(),
            source,
            0,
            Some("the header needs at least: trip,place (or trip,name,lat,lon)".into()),
        ));
    }
    let mut trips = TripsByName::default();
    // One record reused for every row; fields are read in place, and only the ones a stop keeps
    // are copied. A field's offset (for an error message) is found only when needed.
    let mut record = csv::StringRecord::new();
    while reader
        .read_record(&mut record)
        .map_err(|e| csv_error(e, source))?
    {
        let start = record.position().map_or(0, |p| p.byte() as usize);
        let field = |name: &str| -> Option<(&str, usize)> {
            let i = col(name)?;
            record.get(i).filter(|v| !v.is_empty()).map(|v| (v, i))
        };
        let get = |name: &str| -> Option<(String, usize)> {
            field(name).map(|(v, i)| {
                (
                    v.to_string(),
                    crate::source::csv_field_offset(&source.text, start, i),
                )
            })
        };
        let text = |name: &str| field(name).map(|(v, _)| v.to_string());
        let number = |name: &str| -> Result<Option<f64>> {
            field(name)
                .map(|(v, i)| {
                    csv_number(
                        name,
                        v,
                        source,
                        crate::source::csv_field_offset(&source.text, start, i),
                    )
                })
                .transpose()
        };
        let mode = get("mode")
            .map(|(v, at)| read_mode(&v, source, at))
            .transpose()?;
        let mut stop = StopSpec {
            place: text("place"),
            name: text("name"),
            country: text("country"),
            region: text("region"),
            lat: number("lat")?,
            lon: number("lon")?,
            date: None,
            note: text("note"),
            mode,
            location: Some(source.location(start)),
        };
        check_stop(&stop, source, start)?;
        stop.date = parse_date(text("date"), source, start)?;
        let trip_name = field("trip").map_or("Trip", |v| v.0);
        let color = match get("color") {
            None => None,
            Some((v, at)) => Some(parse_color(&v).ok_or_else(|| {
                invalid(
                    format!("invalid colour `{v}`"),
                    source,
                    at,
                    Some("write #rrggbb".into()),
                )
            })?),
        };
        let t = trips.named(trip_name, || source.location(start));
        t.color = t.color.take().or(color);
        t.stops.push(stop);
    }
    let mut trips = trips.trips;
    if trips.is_empty() {
        return Err(invalid(
            "no stops in the file".into(),
            source,
            source.text.len(),
            None,
        ));
    }
    // A growing list keeps room for more (four stops at least): many short trips would pay it.
    for t in &mut trips {
        t.stops.shrink_to_fit();
    }
    Ok(TripPlan { title: None, trips })
}

/// The trips of a legs CSV as `export` writes it: per trip, the first leg's `from` stop, then
/// every leg's `to` stop, at the coordinates and dates of the row; a leg's `mode` becomes its
/// arrival stop's (`unknown` leaves it to the trip).
fn parse_legs_csv(
    source: &SourceFile,
    mut reader: csv::Reader<&[u8]>,
    headers: &[String],
) -> Result<TripPlan> {
    let col = |name: &str| headers.iter().position(|h| h == name);
    for need in [
        "trip", "from", "to", "from_lat", "from_lon", "to_lat", "to_lon",
    ] {
        if col(need).is_none() {
            return Err(invalid(
                format!("a legs CSV needs the column `{need}`"),
                source,
                0,
                Some("export writes trip,leg,from,to,...,from_lat,from_lon,to_lat,to_lon".into()),
            ));
        }
    }
    let mut trips = TripsByName::default();
    let mut record = csv::StringRecord::new();
    while reader
        .read_record(&mut record)
        .map_err(|e| csv_error(e, source))?
    {
        let start = record.position().map_or(0, |p| p.byte() as usize);
        let field = |name: &str| -> Option<(&str, usize)> {
            let i = col(name)?;
            record.get(i).filter(|v| !v.is_empty()).map(|v| (v, i))
        };
        let number = |name: &str| -> Result<f64> {
            let (v, i) = field(name)
                .ok_or_else(|| invalid(format!("`{name}` is empty"), source, start, None))?;
            csv_number(
                name,
                v,
                source,
                crate::source::csv_field_offset(&source.text, start, i),
            )
        };
        let stop = |end: &str, mode: Option<Mode>| -> Result<StopSpec> {
            let mut s = StopSpec {
                name: field(end).map(|v| v.0.to_string()),
                lat: Some(number(&format!("{end}_lat"))?),
                lon: Some(number(&format!("{end}_lon"))?),
                mode,
                location: Some(source.location(start)),
                ..StopSpec::default()
            };
            check_stop(&s, source, start)?;
            let date = field(&format!("{end}_date")).map(|v| v.0.to_string());
            s.date = parse_date(date, source, start)?;
            Ok(s)
        };
        let mode = match field("mode") {
            Some((v, i)) => Some(read_mode(
                v,
                source,
                crate::source::csv_field_offset(&source.text, start, i),
            )?)
            .filter(|m| *m != Mode::Unknown),
            None => None,
        };
        let name = field("trip").map_or("Trip", |v| v.0);
        let t = trips.named(name, || source.location(start));
        if t.stops.is_empty() {
            t.stops.push(stop("from", None)?);
        }
        t.stops.push(stop("to", mode)?);
    }
    let trips = trips.trips;
    if trips.is_empty() {
        return Err(invalid(
            "no legs in the file".into(),
            source,
            source.text.len(),
            None,
        ));
    }
    Ok(TripPlan { title: None, trips })
}

/// The trips of a CSV file in the order their names first appear; a row finds its trip by
/// name in constant time.
#[derive(Default)]
struct TripsByName {
    trips: Vec<TripSpec>,
    by_name: std::collections::HashMap<String, usize>,
}

impl TripsByName {
    /// The trip called `name`, added (located by `location`) if it is new.
    fn named(&mut self, name: &str, location: impl FnOnce() -> crate::Location) -> &mut TripSpec {
        let i = match self.by_name.get(name) {
            Some(&i) => i,
            None => {
                self.by_name.insert(name.to_string(), self.trips.len());
                self.trips.push(TripSpec {
                    name: name.to_string(),
                    location: Some(location()),
                    ..TripSpec::default()
                });
                self.trips.len() - 1
            }
        };
        &mut self.trips[i]
    }
}

/// A CSV cell that must be a number; `at` is its offset, for the error.
fn csv_number(name: &str, v: &str, source: &SourceFile, at: usize) -> Result<f64> {
    v.parse::<f64>().map_err(|_| {
        // "42,4": a decimal comma, as many locales write it.
        let comma = v.replace(',', ".").parse::<f64>().is_ok();
        invalid(
            format!("`{name}` must be a number, found `{v}`"),
            source,
            at,
            comma.then(|| format!("write decimals with a point: `{}`", v.replace(',', "."))),
        )
    })
}

fn csv_error(e: csv::Error, source: &SourceFile) -> Error {
    let offset = e.position().map_or(0, |p| p.byte() as usize);
    let message = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => {
            format!("row has {len} fields, the header has {expected_len}")
        }
        _ => lower_first(&e.to_string()),
    };
    Error::Syntax {
        message,
        location: Box::new(source.location(offset)),
    }
}

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

/// `#rgb` or `#rrggbb` -> lower-case `#rrggbb`.
pub(crate) fn parse_color(s: &str) -> Option<String> {
    let hex = s.trim().strip_prefix('#')?;
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    match hex.len() {
        6 => Some(format!("#{}", hex.to_ascii_lowercase())),
        3 => Some(
            hex.chars()
                .flat_map(|c| [c, c])
                .fold(String::from("#"), |mut s, c| {
                    s.push(c.to_ascii_lowercase());
                    s
                }),
        ),
        _ => None,
    }
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

mod features;
mod geojson;
mod gpx;
mod kml;
mod xml;

#[cfg(test)]
mod gis_tests;
#[cfg(test)]
mod tests;
