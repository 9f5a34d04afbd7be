//! CSV of legs for spreadsheets (RFC 4180 quoting, by the `csv` crate; UTF-8, LF line ends):
//! a header, then one row per leg with its trip, stops, distance and running total in the
//! chosen units, initial bearing, mode, dates and end coordinates.
//!
//! ```text
//! trip,leg,from,to,distance_km,cumulative_km,bearing_deg,mode,from_date,to_date,from_lat,from_lon,to_lat,to_lon
//! Kim 2011,1,Khasan,Ussuriysk,186.612,186.612,34.3,rail,2011-08-20,2011-08-21,42.423870,130.651560,43.804670,131.957340
//! ```
//!
//! Numbers are fixed-point: distances 3 decimals, bearing 1 decimal, degrees 6 decimals; a
//! missing date is an empty field. A trip of one stop has no legs, hence no rows.
//!
//! Text cells (trip names, stop labels, modes, dates) that start with `=`, `+`, `-`, `@`, a tab
//! or a carriage return get a leading `'`, as OWASP advises for CSV meant for spreadsheets: a
//! spreadsheet would otherwise run `=HYPERLINK(...)` in a stop's name as a formula.
//! [`CsvText::Raw`] writes them as they are. Number cells are never changed.

use std::io::Write;

use super::text::{bearing, fixed};
use crate::error::{Error, Result};
use crate::route::{Route, Units};

/// How text cells that a spreadsheet would read as a formula are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CsvText {
    /// With a leading `'` (the default).
    #[default]
    Guarded,
    /// As they are.
    Raw,
}

/// A text cell, with a `'` before a leading formula character unless `text` is raw.
fn cell(s: &str, text: CsvText) -> std::borrow::Cow<'_, str> {
    if text == CsvText::Guarded && s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}").into()
    } else {
        s.into()
    }
}

/// Writes the legs of `routes` as CSV, distances in `units`.
///
/// # Units
/// `distance_<unit>` and `cumulative_<unit>` (the trip's running total) in `units`; bearings in
/// degrees clockwise from north, [0, 360); coordinates in degrees WGS84.
///
/// # Errors
/// [`Error::Write`] (path `CSV`) when the writer fails; the I/O error keeps its kind.
pub fn write_csv(routes: &[Route], units: Units, text: CsvText, w: &mut dyn Write) -> Result<()> {
    let mut out = ::csv::Writer::from_writer(w);
    let u = units.label();
    let (distance, cumulative) = (format!("distance_{u}"), format!("cumulative_{u}"));
    out.write_record([
        "trip",
        "leg",
        "from",
        "to",
        &distance,
        &cumulative,
        "bearing_deg",
        "mode",
        "from_date",
        "to_date",
        "from_lat",
        "from_lon",
        "to_lat",
        "to_lon",
    ])
    .map_err(error)?;
    for r in routes {
        let mut total = 0.0;
        for (i, leg) in r.legs.iter().enumerate() {
            total += leg.metres;
            let (from, to) = (&r.stops[leg.from], &r.stops[leg.to]);
            out.write_record([
                &*cell(&r.name, text),
                &(i + 1).to_string(),
                &cell(&from.label, text),
                &cell(&to.label, text),
                &fixed(units.from_metres(leg.metres), 3),
                &fixed(units.from_metres(total), 3),
                &bearing(leg.bearing_deg),
                leg.mode.as_str(),
                &cell(&from.date.map(|d| d.to_string()).unwrap_or_default(), text),
                &cell(&to.date.map(|d| d.to_string()).unwrap_or_default(), text),
                &fixed(from.lat, 6),
                &fixed(from.lon, 6),
                &fixed(to.lat, 6),
                &fixed(to.lon, 6),
            ])
            .map_err(error)?;
        }
    }
    out.flush().map_err(|source| Error::Write {
        path: "CSV".into(),
        source,
    })
}

/// I/O failures keep their kind (a broken pipe stays one); anything else the `csv` crate
/// reports is an encoding failure.
fn error(e: ::csv::Error) -> Error {
    match e.into_kind() {
        ::csv::ErrorKind::Io(source) => Error::Write {
            path: "CSV".into(),
            source,
        },
        kind => Error::Encode {
            what: "CSV",
            source: format!("{kind:?}").into(),
        },
    }
}

/// The column types of the legs CSV for GDAL's `.csvt` sidecar, one per column of
/// [`write_csv`]: text, integer and real columns come into QGIS and `ogr2ogr` typed. Dates stay
/// text: a trip date may be a year or a month alone.
pub const CSVT: &str = "\"String\",\"Integer\",\"String\",\"String\",\"Real\",\"Real\",\"Real\",\"String\",\"String\",\"String\",\"Real(10.6)\",\"Real(10.6)\",\"Real(10.6)\",\"Real(10.6)\"\n";

#[cfg(test)]
mod tests {
    use std::io;

    use super::*;

    #[test]
    fn the_csvt_sidecar_types_every_column() {
        let mut out = Vec::new();
        write_csv(&[], Units::Km, CsvText::Guarded, &mut out).unwrap();
        let header = String::from_utf8(out).unwrap();
        let columns = header.trim_end().split(',').count();
        assert_eq!(CSVT.trim_end().split(',').count(), columns);
        assert!(CSVT.starts_with("\"String\",\"Integer\""));
    }
    use crate::export::testdata::{BrokenPipe, bering, kim, route, stop};

    const HEADER: &str = "trip,leg,from,to,distance_km,cumulative_km,bearing_deg,mode,\
                          from_date,to_date,from_lat,from_lon,to_lat,to_lon";

    fn csv(routes: &[Route], units: Units) -> String {
        let mut out = Vec::new();
        write_csv(routes, units, CsvText::Guarded, &mut out).expect("writing to a Vec cannot fail");
        String::from_utf8(out).expect("the writer emits UTF-8")
    }

    fn rows(text: &str) -> Vec<Vec<String>> {
        ::csv::Reader::from_reader(text.as_bytes())
            .records()
            .map(|r| {
                r.expect("a valid record")
                    .iter()
                    .map(String::from)
                    .collect()
            })
            .collect()
    }

    mod rows {
        use super::*;

        #[test]
        fn header_then_a_row_per_leg() {
            let alone = route(
                "Alone",
                "#000000",
                vec![stop("Pyongyang", 39.03, 125.75, None)],
            );
            let text = csv(&[kim(), alone, bering()], Units::Km);
            assert_eq!(text.lines().next(), Some(HEADER));
            let rows = rows(&text);
            assert_eq!(rows.len(), 2 + 1, "the one-stop trip has no rows");
            assert_eq!(rows[0][..4], ["Kim 2011", "1", "Khasan", "Ussuriysk"]);
            assert_eq!(rows[1][..4], ["Kim 2011", "2", "Ussuriysk", "Ulan-Ude"]);
            assert_eq!(rows[2][..4], ["Bering", "1", "Anadyr", "Nome"]);
        }

        #[test]
        fn khasan_to_ussuriysk() {
            // 186,612.252 m, initial azimuth 34.270°: GeographicLib 2.1 (see route tests).
            let text = csv(&[kim()], Units::Km);
            let row = &rows(&text)[0];
            assert_eq!(
                row.join(","),
                "Kim 2011,1,Khasan,Ussuriysk,186.612,186.612,34.3,rail,2011-08-20,2011-08-21,\
                 42.423870,130.651560,43.804670,131.957340"
            );
        }

        #[test]
        fn cumulative_distance_runs_per_trip() {
            // 186,612.252 + 2,017,455.849 m (GeographicLib 2.1, see route tests).
            let text = csv(&[kim(), bering()], Units::Km);
            let rows = rows(&text);
            assert_eq!(rows[1][4], "2017.456");
            assert_eq!(rows[1][5], "2204.068");
            assert_eq!(rows[2][4], rows[2][5], "a new trip starts from zero");
        }

        #[test]
        fn units_name_the_columns_and_scale_distances() {
            let text = csv(&[kim()], Units::Nmi);
            assert!(text.starts_with("trip,leg,from,to,distance_nmi,cumulative_nmi,"));
            // 186,612.252 m / 1852 m.
            assert_eq!(rows(&text)[0][4], "100.763");
            let text = csv(&[kim()], Units::Mi);
            assert!(text.starts_with("trip,leg,from,to,distance_mi,cumulative_mi,"));
        }

        #[test]
        fn missing_dates_are_empty_fields() {
            let text = csv(&[bering()], Units::Km);
            let row = &rows(&text)[0];
            assert_eq!(row[8], "");
            assert_eq!(row[9], "");
            assert_eq!(row[13], "-165.406370");
        }

        #[test]
        fn no_routes_is_a_header_alone() {
            assert_eq!(csv(&[], Units::Km), format!("{HEADER}\n"));
        }
    }

    mod quoting {
        use super::*;

        #[test]
        fn commas_quotes_and_markup_round_trip() {
            let mut r = kim();
            r.name = r#"Kim <& "Putin">, 2011"#.into();
            let text = csv(&[r], Units::Km);
            assert!(text.contains(r#""Kim <& ""Putin"">, 2011",1,"#));
            assert_eq!(rows(&text)[0][0], r#"Kim <& "Putin">, 2011"#);
        }
    }

    mod errors {
        use super::*;

        #[test]
        fn write_failure_keeps_the_io_error_kind() {
            let err = write_csv(&[kim()], Units::Km, CsvText::Guarded, &mut BrokenPipe)
                .expect_err("the pipe is broken");
            match err {
                Error::Write { path, source } => {
                    assert_eq!(path, "CSV");
                    assert_eq!(source.kind(), io::ErrorKind::BrokenPipe);
                }
                other => panic!("unexpected error {other:?}"),
            }
        }
    }
}
