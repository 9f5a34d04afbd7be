//! The CSV trip file: a header naming some of itinera's columns, then a stop a row; or
//! itinera's own legs CSV, read back as the trips it was made from.

use super::{Rgb, check_stop, invalid, lower_first, parse_date, read_mode};
use crate::error::{Error, Result};
use crate::source::SourceFile;
use crate::trip::{Mode, StopSpec, TripPlan, TripSpec};

const CSV_COLUMNS: [&str; 11] = [
    "trip", "place", "name", "country", "region", "lat", "lon", "date", "note", "mode", "color",
];

/// Parses the CSV trip format: a header naming some of `trip,place,name,country,region,lat,lon,
/// date,note,mode,color`, then one stop per row; rows with the same `trip` form one trip, in order.
///
/// # Errors
/// [`Error::Syntax`] or [`Error::Invalid`] at the row or cell of the problem.
pub fn parse_csv(source: &SourceFile) -> Result<TripPlan> {
    // Fields are trimmed as they are read (`field` below): the `csv` crate's own trimming
    // copies every record.
    let mut reader = ::csv::ReaderBuilder::new()
        .trim(::csv::Trim::Headers)
        .from_reader(source.text.as_bytes());
    let headers = reader.headers().map_err(|e| csv_error(e, source))?.clone();
    // itinera's own legs CSV (`export -o legs.csv`) reads back as the trips it was made from.
    let lower: Vec<String> = headers.iter().map(|h| h.to_ascii_lowercase()).collect();
    if lower.iter().any(|h| h == "leg") && lower.iter().any(|h| h == "from_lat") {
        return parse_legs_csv(source, reader, &lower);
    }
    let index = column_index(&headers, source)?;
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
    let mut record = ::csv::StringRecord::new();
    while reader
        .read_record(&mut record)
        .map_err(|e| csv_error(e, source))?
    {
        let start = record.position().map_or(0, |p| p.byte() as usize);
        let field = |name: &str| -> Option<(&str, usize)> {
            let i = col(name)?;
            record
                .get(i)
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(|v| (v, i))
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
                    csv_number(name, v, source, || {
                        crate::source::csv_field_offset(&source.text, start, i)
                    })
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
            geonameid: None,
            lat: number("lat")?,
            lon: number("lon")?,
            date: None,
            note: text("note"),
            mode,
            // A stop's place is told at its cell: the gazetteer's errors are about it.
            location: Some(source.location(field("place").map_or(start, |(_, i)| {
                crate::source::csv_field_offset(&source.text, start, i)
            }))),
        };
        check_stop(&stop, source, start)?;
        stop.date = parse_date(text("date"), source, start)?;
        let trip_name = field("trip").map_or("Trip", |v| v.0);
        let color =
            match get("color") {
                None => None,
                Some((v, at)) => Some(v.parse::<Rgb>().map_err(|e| {
                    invalid(e.to_string(), source, at, Some("write #rrggbb".into()))
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

/// Where each of itinera's columns is in a CSV header (`None` when absent): names in any
/// case, with the names GIS tools give coordinates; a repeated or unknown column is an error
/// at its cell.
fn column_index(
    headers: &::csv::StringRecord,
    source: &SourceFile,
) -> Result<[Option<usize>; CSV_COLUMNS.len()]> {
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
                // A summary of places (`extract --places`) is a map of values, not a trip.
                let counts = headers.iter().any(|c| {
                    c.eq_ignore_ascii_case("mentions") || c.eq_ignore_ascii_case("documents")
                });
                let separated = if counts {
                    "a table of places with counts is drawn with `render FILE --size-by mentions`; "
                } else if h.contains([';', '\t']) {
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
    Ok(index)
}

/// The trips of a legs CSV as `export` writes it: per trip, the first leg's `from` stop, then
/// every leg's `to` stop, at the coordinates and dates of the row; a leg's `mode` becomes its
/// arrival stop's (`unknown` leaves it to the trip).
fn parse_legs_csv(
    source: &SourceFile,
    mut reader: ::csv::Reader<&[u8]>,
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
    let mut record = ::csv::StringRecord::new();
    while reader
        .read_record(&mut record)
        .map_err(|e| csv_error(e, source))?
    {
        let start = record.position().map_or(0, |p| p.byte() as usize);
        let field = |name: &str| -> Option<(&str, usize)> {
            let i = col(name)?;
            record
                .get(i)
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(|v| (v, i))
        };
        let number = |name: &str| -> Result<f64> {
            let (v, i) = field(name)
                .ok_or_else(|| invalid(format!("`{name}` is empty"), source, start, None))?;
            csv_number(name, v, source, || {
                crate::source::csv_field_offset(&source.text, start, i)
            })
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
/// A number cell; `at` finds the cell's offset, for an error only (a million rows would
/// each scan for it).
fn csv_number(name: &str, v: &str, source: &SourceFile, at: impl FnOnce() -> usize) -> Result<f64> {
    v.parse::<f64>().map_err(|_| {
        let at = at();
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

fn csv_error(e: ::csv::Error, source: &SourceFile) -> Error {
    let offset = e.position().map_or(0, |p| p.byte() as usize);
    let message = match e.kind() {
        ::csv::ErrorKind::UnequalLengths {
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
