//! `itinera route`: per-leg and total geodesic distances of trips, as a table, JSON or CSV.

use std::io::{self, Write};

use itinera::Units;
use itinera::export::{self, CsvText};
use itinera::records::{LegRecord, StopRecord, micro, mm};
use itinera::route::{self, Route};
use itinera::trip::TripKind;

use super::run::{Outcome, load, table_section};
use super::{Exit, RouteArgs, RouteFormat, report};

pub fn route(a: RouteArgs) -> Outcome {
    let mut sets = load(&a.trips)?;
    let routes: Vec<Route> = sets
        .iter_mut()
        .flat_map(|s| std::mem::take(&mut s.resolved.trips))
        .map(route::from_trip)
        .collect();
    // Written as it is made: a trip of a million stops is never held as text.
    let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
    match a.format {
        RouteFormat::Table => route_table(&routes, a.units, a.every_point, &mut out)?,
        RouteFormat::Json => route_json(&routes, a.units, &mut out)?,
        // The same CSV as `export -o legs.csv`.
        RouteFormat::Csv => export::write_csv(&routes, a.units, CsvText::Guarded, &mut out)?,
    }
    out.flush()?;
    Ok(Exit::Success)
}

/// Table rows printed per section of a long trip (see [`table_section`]).
const ROUTE_SECTION: usize = 1024;

fn route_table(
    routes: &[Route],
    u: Units,
    every_point: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let unit = u.label();
    for r in routes {
        match r.kind {
            TripKind::Places => {
                places_table(r, out)?;
                continue;
            }
            TripKind::Journey | TripKind::Track => {}
        }
        writeln!(
            out,
            "{} ({} stops; straight-line geodesic distances, WGS84)",
            report::visible(&r.name),
            r.stops.len()
        )?;
        if r.legs.is_empty() {
            writeln!(
                out,
                "  one stop, no legs: {} ({:.5}, {:.5})",
                report::visible(&r.stops[0].label),
                r.stops[0].lat,
                r.stops[0].lon
            )?;
        }
        let mut rows = vec![
            [
                "#",
                "from",
                "to",
                &format!("distance {unit}"),
                &format!("cumulative {unit}"),
                "bearing",
                "mode",
            ]
            .map(String::from)
            .to_vec(),
        ];
        let mut widths = Vec::new();
        let mut cum = 0.0;
        // A track's vertices have no names: the table numbers them.
        let name = |k: usize| match r.stops[k].label.as_str() {
            "" => format!("point {}", k + 1),
            label => label.to_string(),
        };
        let spans = table_spans(r, every_point);
        let count = spans.len();
        for (i, legs) in spans.into_iter().enumerate() {
            let (first, last) = (&legs[0], &legs[legs.len() - 1]);
            let metres: f64 = legs.iter().map(|l| l.metres).sum();
            cum += metres;
            let to = match legs.len() {
                1 => name(last.to),
                n => format!("{} (via {} points)", name(last.to), n - 1),
            };
            // A folded row has no one bearing; its mode is the legs' one mode, if they share it.
            let bearing = match legs.len() {
                1 => format!("{:.1}°", first.bearing_deg),
                _ => "–".to_string(),
            };
            let mode = match legs.iter().all(|l| l.mode == first.mode) {
                true => first.mode.as_str(),
                false => "mixed",
            };
            rows.push(vec![
                (i + 1).to_string(),
                name(first.from),
                to,
                format!("{:.3}", u.from_metres(metres)),
                format!("{:.3}", u.from_metres(cum)),
                bearing,
                mode.to_string(),
            ]);
            if rows.len() >= ROUTE_SECTION || i + 1 == count {
                for line in table_section(&rows, &[0, 3, 4, 5], &mut widths).lines() {
                    writeln!(out, "  {line}")?;
                }
                rows.clear();
            }
        }
        writeln!(out, "  total {:.3} {unit}\n", u.from_metres(r.metres()))?;
    }
    Ok(())
}

/// A group of places (GPS waypoints): where each is, with no legs between them.
fn places_table(r: &Route, out: &mut dyn Write) -> io::Result<()> {
    let count = match r.stops.len() {
        1 => "1 place".to_string(),
        n => format!("{n} places"),
    };
    writeln!(
        out,
        "{} ({count}; no journey between them, so no legs)",
        report::visible(&r.name)
    )?;
    let mut rows = vec![
        ["#", "place", "lat", "lon", "date"]
            .map(String::from)
            .to_vec(),
    ];
    for (i, s) in r.stops.iter().enumerate() {
        rows.push(vec![
            (i + 1).to_string(),
            s.label.clone(),
            format!("{:.5}", s.lat),
            format!("{:.5}", s.lon),
            s.date.map(|d| d.to_string()).unwrap_or_default(),
        ]);
    }
    for line in table_section(&rows, &[0, 2, 3], &mut Vec::new()).lines() {
        writeln!(out, "  {}", line.trim_end())?;
    }
    writeln!(out)
}

/// The legs of a route as the table's rows: one leg a row, or (unless `every_point`) the legs
/// through a track's unnamed points folded into one row that ends at the next stop with a
/// marker (a named stop, or the route's last). The last leg ends at the last stop, so every
/// leg is in a row.
fn table_spans(r: &Route, every_point: bool) -> Vec<&[route::Leg]> {
    let mut spans = Vec::new();
    let mut start = 0;
    for (i, l) in r.legs.iter().enumerate() {
        if every_point || r.has_marker(l.to) {
            spans.push(&r.legs[start..=i]);
            start = i + 1;
        }
    }
    spans
}

/// The routes as pretty JSON, written a leg and a stop at a time (keys in the order
/// `serde_json` sorts them, as the whole document would be).
fn route_json(routes: &[Route], u: Units, out: &mut dyn Write) -> io::Result<()> {
    // Items of an array: opened, separated and closed with the indentation of their level.
    fn items<T>(
        out: &mut dyn Write,
        key: &str,
        list: impl ExactSizeIterator<Item = T>,
        indent: usize,
        mut item: impl FnMut(T) -> serde_json::Value,
    ) -> io::Result<()> {
        let pad = " ".repeat(indent);
        if list.len() == 0 {
            return write!(out, "{pad}\"{key}\": []");
        }
        writeln!(out, "{pad}\"{key}\": [")?;
        for (i, x) in list.enumerate() {
            if i > 0 {
                out.write_all(b",\n")?;
            }
            let mut text = String::new();
            report::indented(&mut text, &item(x), indent + 2);
            out.write_all(text.as_bytes())?;
        }
        write!(out, "\n{pad}]")
    }
    let field = |out: &mut dyn Write, key: &str, v: serde_json::Value| {
        write!(out, ",\n      \"{key}\": {v}")
    };
    if routes.is_empty() {
        return out.write_all(b"{\n  \"trips\": []\n}\n");
    }
    out.write_all(b"{\n  \"trips\": [\n")?;
    for (t, r) in routes.iter().enumerate() {
        out.write_all(if t == 0 { b"    {\n" } else { b",\n    {\n" })?;
        let mut cum = 0.0;
        items(out, "legs", r.legs.iter(), 6, |l| {
            cum += l.metres;
            report::to_json(&LegRecord::new(r, l, cum, u))
        })?;
        field(out, "name", report::to_json(&r.name))?;
        field(out, "path", report::to_json("geodesic"))?;
        match r.kind {
            TripKind::Places => field(out, "places", report::to_json(&true))?,
            TripKind::Journey | TripKind::Track => {}
        }
        out.write_all(b",\n")?;
        items(out, "stops", r.stops.iter(), 6, |s| {
            report::to_json(&StopRecord::new(s))
        })?;
        field(
            out,
            "total",
            report::to_json(&micro(u.from_metres(r.metres()))),
        )?;
        field(out, "total_m", report::to_json(&mm(r.metres())))?;
        field(out, "units", report::to_json(u.label()))?;
        out.write_all(b"\n    }")?;
    }
    out.write_all(b"\n  ]\n}\n")
}
