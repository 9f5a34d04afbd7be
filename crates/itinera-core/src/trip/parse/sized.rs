//! A places CSV with a value per place, read for a map of proportional symbols: one row per
//! place (where: `place` to look up, or `name` with `lat` and `lon`), and a numeric column
//! the symbols are sized by (`mentions`, `documents`, `population`...). Other columns are
//! ignored, so the summary `extract --places` writes and any spreadsheet of counts read alike.

use super::{invalid, lower_first};
use crate::error::{Error, Result};
use crate::source::{SourceFile, csv_field_offset};
use crate::trip::{StopSpec, TripKind, TripPlan, TripSpec};

/// Places and the value each is sized by, in the file's order.
#[derive(Debug, Clone, PartialEq)]
pub struct SizedPlaces {
    /// The places, as one trip of [`TripKind::Places`] (named after the column), to resolve
    /// as any trip is.
    pub plan: TripPlan,
    /// The value of each stop of the trip, in order: finite and not negative.
    pub values: Vec<f64>,
    /// The value column's name, as the header writes it (the size legend's title).
    pub column: String,
}

/// Where a places CSV can say where a place is, with the names GIS tools give coordinates.
fn role(header: &str) -> Option<&'static str> {
    match header.to_ascii_lowercase().as_str() {
        "place" => Some("place"),
        "name" => Some("name"),
        "country" => Some("country"),
        "lat" | "latitude" | "y" => Some("lat"),
        "lon" | "longitude" | "lng" | "long" | "x" => Some("lon"),
        _ => None,
    }
}

/// Reads a places CSV whose `column` sizes each place's symbol.
///
/// A row is a place: `place` is looked up in the gazetteer (with `country` as a hint), unless
/// the row gives `lat` and `lon`, which are used as they are (`place` or `name` then labels
/// it). The value must be a number, at least 0.
///
/// # Errors
/// [`Error::Invalid`] at `file:line:column`: no column `column` (the help lists the columns,
/// and the closest name), no way to tell where the places are, a value that is not a number or
/// is negative, a bad coordinate, or no rows; [`Error::Syntax`] for malformed CSV.
///
/// # Examples
/// ```
/// use itinera::SourceFile;
/// use itinera::trip::parse_sized_csv;
///
/// let text = "place,lat,lon,mentions\nMoscow,55.75,37.62,12\nKazan,55.79,49.12,3\n";
/// let sized = parse_sized_csv(&SourceFile::new("counts.csv", text), "mentions")?;
/// assert_eq!(sized.values, [12.0, 3.0]);
/// assert_eq!(sized.plan.trips[0].stops[1].name.as_deref(), Some("Kazan"));
/// assert!(parse_sized_csv(&SourceFile::new("c.csv", text), "mention").is_err());
/// # Ok::<(), itinera::Error>(())
/// ```
pub fn parse_sized_csv(source: &SourceFile, column: &str) -> Result<SizedPlaces> {
    let mut reader = ::csv::ReaderBuilder::new()
        .trim(::csv::Trim::All)
        .from_reader(source.text.as_bytes());
    let headers = reader.headers().map_err(|e| syntax(e, source))?.clone();
    let value_at = value_column(&headers, column, source)?;
    let find = |r: &str| headers.iter().position(|h| role(h) == Some(r));
    let (place, name, country, lat, lon) = (
        find("place"),
        find("name"),
        find("country"),
        find("lat"),
        find("lon"),
    );
    if place.is_none() && (lat.is_none() || lon.is_none() || name.is_none()) {
        return Err(invalid(
            "missing column `place` (or `name`, `lat` and `lon`)".into(),
            source,
            0,
            Some(format!("the columns are {}", listed(&headers))),
        ));
    }
    let mut stops = Vec::new();
    let mut values = Vec::new();
    let mut record = ::csv::StringRecord::new();
    while reader
        .read_record(&mut record)
        .map_err(|e| syntax(e, source))?
    {
        let start = record.position().map_or(0, |p| p.byte() as usize);
        let at = |i: usize| csv_field_offset(&source.text, start, i);
        let cell = |i: Option<usize>| {
            i.and_then(|i| record.get(i))
                .filter(|v| !v.is_empty())
                .map(str::to_string)
        };
        let number = |i: Option<usize>, what: &str| -> Result<Option<f64>> {
            let Some((i, v)) =
                i.and_then(|i| record.get(i).filter(|v| !v.is_empty()).map(|v| (i, v)))
            else {
                return Ok(None);
            };
            v.parse::<f64>().map(Some).map_err(|_| {
                invalid(
                    format!("`{what}` must be a number, found `{v}`"),
                    source,
                    at(i),
                    None,
                )
            })
        };
        values.push(value(
            record.get(value_at).unwrap_or(""),
            column,
            source,
            at(value_at),
        )?);
        let (lat, lon) = (number(lat, "lat")?, number(lon, "lon")?);
        let given = lat.is_some() && lon.is_some();
        // With coordinates, the place name is the label: the gazetteer is not asked.
        let label = cell(name).or_else(|| cell(place));
        stops.push(StopSpec {
            place: if given { None } else { cell(place) },
            name: if given { label } else { cell(name) },
            country: cell(country),
            lat,
            lon,
            location: Some(source.location(start)),
            ..StopSpec::default()
        });
        if given && stops.last().is_some_and(|s| s.name.is_none()) {
            return Err(invalid(
                "a place with coordinates needs a `place` or `name`".into(),
                source,
                start,
                None,
            ));
        }
    }
    if stops.is_empty() {
        return Err(invalid(
            "no places in the file".into(),
            source,
            source.text.len(),
            None,
        ));
    }
    let column = headers.get(value_at).unwrap_or(column).to_string();
    Ok(SizedPlaces {
        plan: TripPlan {
            title: None,
            trips: vec![TripSpec {
                name: column.clone(),
                stops,
                kind: TripKind::Places,
                location: Some(source.location(0)),
                ..TripSpec::default()
            }],
        },
        values,
        column,
    })
}

/// The index of the value column (named in any case), or an error listing the columns.
fn value_column(headers: &::csv::StringRecord, column: &str, source: &SourceFile) -> Result<usize> {
    if let Some(i) = headers.iter().position(|h| h.eq_ignore_ascii_case(column)) {
        return Ok(i);
    }
    let closest = headers
        .iter()
        .map(|h| {
            (
                strsim::levenshtein(&h.to_lowercase(), &column.to_lowercase()),
                h,
            )
        })
        .filter(|(d, h)| *d <= 2.max(h.chars().count() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, h)| format!("did you mean `{h}`? "))
        .unwrap_or_default();
    Err(invalid(
        format!("no column `{column}` to size the places by"),
        source,
        0,
        Some(format!("{closest}the columns are {}", listed(headers))),
    ))
}

/// The header's names in backticks, comma-separated.
fn listed(headers: &::csv::StringRecord) -> String {
    let names: Vec<String> = headers.iter().map(|h| format!("`{h}`")).collect();
    names.join(", ")
}

/// A cell of the value column: a finite number, at least 0.
fn value(v: &str, column: &str, source: &SourceFile, at: usize) -> Result<f64> {
    let bad = |why: &str, help: Option<String>| {
        invalid(
            format!("`{column}` must be {why}, found `{v}`"),
            source,
            at,
            help,
        )
    };
    match v.parse::<f64>() {
        Ok(x) if x.is_finite() && x >= 0.0 => Ok(x),
        Ok(x) if x.is_finite() => Err(bad(
            "at least 0",
            Some("symbol areas show amounts; a negative value has no size".into()),
        )),
        _ => {
            let comma = v.replace(',', ".").parse::<f64>().is_ok_and(f64::is_finite);
            Err(bad(
                "a number",
                comma.then(|| format!("write decimals with a point: `{}`", v.replace(',', "."))),
            ))
        }
    }
}

/// A malformed CSV, at the byte the reader stopped.
fn syntax(e: ::csv::Error, source: &SourceFile) -> Error {
    let offset = e.position().map_or(0, |p| p.byte() as usize);
    let message = match e.kind() {
        ::csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("row has {len} fields, the header has {expected_len}"),
        _ => lower_first(&e.to_string()),
    };
    Error::Syntax {
        message,
        location: Box::new(source.location(offset)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, column: &str) -> Result<SizedPlaces> {
        parse_sized_csv(&SourceFile::new("places.csv", text), column)
    }

    #[test]
    fn rows_with_coordinates_are_labelled_places() {
        let s = read(
            "place,geonameid,lat,lon,country,mentions,documents\nMoscow,524901,55.75,37.62,RU,7,3\n",
            "Mentions",
        )
        .unwrap();
        let stop = &s.plan.trips[0].stops[0];
        assert_eq!(
            (stop.place.as_deref(), stop.name.as_deref()),
            (None, Some("Moscow"))
        );
        assert_eq!((stop.lat, stop.lon), (Some(55.75), Some(37.62)));
        assert_eq!(s.values, [7.0]);
        assert_eq!(s.column, "mentions");
        assert_eq!(s.plan.trips[0].kind, TripKind::Places);
    }

    #[test]
    fn rows_without_coordinates_are_looked_up() {
        let s = read("place,count\nKhasan,2\n", "count").unwrap();
        assert_eq!(s.plan.trips[0].stops[0].place.as_deref(), Some("Khasan"));
    }

    #[test]
    fn a_wrong_column_name_lists_the_columns_and_the_closest() {
        let e = read("place,mentions,documents\nKhasan,2,1\n", "mention").unwrap_err();
        assert_eq!(e.to_string(), "no column `mention` to size the places by");
        let help = e.help().unwrap();
        assert!(help.starts_with("did you mean `mentions`?"), "{help}");
        assert!(help.contains("`place`, `mentions`, `documents`"), "{help}");
        let far = read("place,mentions\nKhasan,2\n", "population").unwrap_err();
        assert!(!far.help().unwrap().contains("did you mean"));
    }

    #[test]
    fn bad_values_point_at_their_cell() {
        for (cell, message) in [
            ("many", "`mentions` must be a number, found `many`"),
            ("-3", "`mentions` must be at least 0, found `-3`"),
            ("NaN", "`mentions` must be a number, found `NaN`"),
            ("", "`mentions` must be a number, found ``"),
        ] {
            let text = format!("place,mentions\nKhasan,2\nUssuriysk,{cell}\n");
            let e = read(&text, "mentions").unwrap_err();
            assert_eq!(e.to_string(), message);
            let at = e.location().unwrap();
            assert_eq!((at.line, at.column), (3, 11), "{cell}");
        }
        let comma = read("place,mentions\n\"Khasan\",\"2,5\"\n", "mentions").unwrap_err();
        assert!(comma.help().unwrap().contains("`2.5`"));
    }

    #[test]
    fn a_file_without_places_or_rows_is_refused() {
        assert!(read("mentions\n3\n", "mentions").is_err());
        assert!(read("place,mentions\n", "mentions").is_err());
        assert!(read("lat,lon,mentions\n1,2,3\n", "mentions").is_err());
    }
}
