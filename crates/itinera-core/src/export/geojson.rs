//! GeoJSON (RFC 7946): a FeatureCollection with a Point per stop and a LineString per leg,
//! densified along the geodesic and split into a MultiLineString where it crosses ±180°
//! (§3.1.9), a `bbox` (west > east across the antimeridian, §5.2), 6-decimal coordinates and
//! simplestyle-spec colours (`stroke`, `marker-color`) that viewers such as geojson.io show.

use std::io::Write;

use geo::Coord;
use serde_json::json;

use super::round6;
use super::text::{WRITE_EVERY, drain, push_json, push_json_deg, push_json_str, push_u64};
use crate::error::{Error, Result};
use crate::route::{BoxBuilder, Route, is_one_part, split_antimeridian};

/// Which features a GeoJSON file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Layer {
    /// Legs and stops, one collection (the default).
    All,
    /// The legs alone (LineString and MultiLineString): a line layer.
    Legs,
    /// The stops alone (Point): a point layer.
    Stops,
}

/// The densified line of every leg of some routes (in the order of the routes and their
/// legs), each geodesic solved once: the box and the features are written from it.
struct Lines {
    vertices: Vec<Coord>,
    /// Where each leg's line ends in `vertices`.
    ends: Vec<usize>,
}

impl Lines {
    fn of(routes: &[Route], layer: Layer) -> Lines {
        let mut lines = Lines {
            vertices: Vec::new(),
            ends: Vec::new(),
        };
        if layer == Layer::Stops {
            return lines;
        }
        let legs = routes.iter().map(|r| r.legs.len()).sum();
        lines.ends.reserve_exact(legs);
        lines.vertices.reserve(2 * legs);
        for leg in routes.iter().flat_map(|r| &r.legs) {
            leg.extend_line(&mut lines.vertices);
            lines.ends.push(lines.vertices.len());
        }
        lines
    }

    /// The line of leg `k` (counted over all routes).
    fn get(&self, k: usize) -> &[Coord] {
        let start = k.checked_sub(1).map_or(0, |j| self.ends[j]);
        &self.vertices[start..self.ends[k]]
    }
}

/// The parts of a line that do not cross ±180°; `None` when the line is one part as it is (a
/// borrowed line, no copy: nearly every leg).
fn split_parts(line: &[Coord]) -> Option<Vec<Vec<Coord>>> {
    (!is_one_part(line)).then(|| split_antimeridian(line))
}

/// The box of every leg's line and every stop, RFC 7946 §5 style.
fn bbox(routes: &[Route], layer: Layer, lines: &Lines) -> Option<Vec<f64>> {
    let mut b = BoxBuilder::default();
    let mut k = 0;
    for r in routes {
        if layer != Layer::Stops {
            for _ in &r.legs {
                let line = lines.get(k);
                match split_parts(line) {
                    Some(parts) => parts.iter().for_each(|p| b.add_part(p)),
                    None => b.add_part(line),
                }
                k += 1;
            }
        }
        for s in &r.stops {
            b.add_point(s.coord());
        }
    }
    b.finish().map(|b| {
        vec![
            round6(b.west),
            round6(b.south),
            round6(b.east),
            round6(b.north),
        ]
    })
}

/// One feature as written: a leg (its index in the route, its line) or a stop.
enum Item<'a> {
    Leg {
        route: &'a Route,
        i: usize,
        line: &'a [Coord],
        /// Always a MultiLineString (a legs layer: one geometry type in the file, as
        /// Shapefile and `ogrinfo` want).
        multi: bool,
        /// The route's colour as JSON text, written once per route.
        color: &'a [u8],
    },
    Stop {
        route: &'a Route,
        i: usize,
        color: &'a [u8],
    },
}

/// Appends `[lon,lat]` pairs, 6 decimals, as `serde_json` writes a `Vec<[f64; 2]>`.
fn push_coords(out: &mut Vec<u8>, line: &[Coord]) {
    out.push(b'[');
    for (i, c) in line.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        push_pair(out, c.x, c.y);
    }
    out.push(b']');
}

fn push_pair(out: &mut Vec<u8>, x: f64, y: f64) {
    out.push(b'[');
    push_json_deg(out, x);
    out.push(b',');
    push_json_deg(out, y);
    out.push(b']');
}

/// Appends a leg's geometry: a LineString of its one part, else (or always when `multi`) a
/// MultiLineString.
fn push_leg_geometry<P: AsRef<[Coord]>>(out: &mut Vec<u8>, parts: &[P], multi: bool) {
    if let [part] = parts
        && !multi
    {
        out.extend_from_slice(br#"{"type":"LineString","coordinates":"#);
        push_coords(out, part.as_ref());
        return;
    }
    out.extend_from_slice(br#"{"type":"MultiLineString","coordinates":["#);
    for (k, p) in parts.iter().enumerate() {
        if k > 0 {
            out.push(b',');
        }
        push_coords(out, p.as_ref());
    }
    out.push(b']');
}

/// Appends `,"key":` (or `"key":` for the first key).
fn key(out: &mut Vec<u8>, first: bool, name: &str) {
    if !first {
        out.push(b',');
    }
    out.push(b'"');
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b"\":");
}

/// Appends `,"key":"text"` when `value` is given.
fn opt_str(out: &mut Vec<u8>, first: bool, name: &str, value: Option<&str>) -> bool {
    match value {
        Some(v) => {
            key(out, first, name);
            push_json_str(out, v);
            false
        }
        None => first,
    }
}

impl Item<'_> {
    /// Appends the feature as GeoJSON text, as `geojson` writes it (keys of the properties
    /// in byte order, as a `serde_json` map sorts them; absent ones left out).
    fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(br#"{"type":"Feature","geometry":"#);
        match *self {
            Item::Leg {
                route,
                i,
                line,
                multi,
                color,
            } => {
                match split_parts(line) {
                    Some(parts) => push_leg_geometry(out, &parts, multi),
                    None => push_leg_geometry(out, &[line], multi),
                }
                out.extend_from_slice(br#"},"properties":"#);
                leg_properties(out, route, i, color);
            }
            Item::Stop { route, i, color } => {
                let s = &route.stops[i];
                out.extend_from_slice(br#"{"type":"Point","coordinates":"#);
                push_pair(out, s.lon, s.lat);
                out.extend_from_slice(br#"},"properties":"#);
                stop_properties(out, route, i, color);
            }
        }
        out.push(b'}');
    }
}

/// A leg's properties: `bearing_deg`, `distance_km`, `distance_m`, `feature`, `from`,
/// `from_date`, `leg`, `mode`, `path`, `stroke`, `stroke-opacity`, `stroke-width`, `to`,
/// `to_date`, `trip`.
fn leg_properties(out: &mut Vec<u8>, r: &Route, i: usize, color: &[u8]) {
    let leg = &r.legs[i];
    let (from, to) = (&r.stops[leg.from], &r.stops[leg.to]);
    out.extend_from_slice(br#"{"bearing_deg":"#);
    push_json(out, &((leg.bearing_deg * 100.0).round() / 100.0));
    out.extend_from_slice(br#","distance_km":"#);
    push_json(out, &((leg.metres).round() / 1000.0));
    out.extend_from_slice(br#","distance_m":"#);
    push_json(out, &((leg.metres * 1000.0).round() / 1000.0));
    out.extend_from_slice(br#","feature":"leg","from":"#);
    push_json_str(out, &from.label);
    if let Some(d) = &from.date {
        out.extend_from_slice(br#","from_date":"#);
        push_json(out, d);
    }
    out.extend_from_slice(br#","leg":"#);
    push_u64(out, i as u64 + 1);
    out.extend_from_slice(br#","mode":"#);
    push_json_str(out, leg.mode.as_str());
    out.extend_from_slice(br#","path":"geodesic","stroke":"#);
    out.extend_from_slice(color);
    out.extend_from_slice(br#","stroke-opacity":0.9,"stroke-width":3,"to":"#);
    push_json_str(out, &to.label);
    if let Some(d) = &to.date {
        out.extend_from_slice(br#","to_date":"#);
        push_json(out, d);
    }
    out.extend_from_slice(br#","trip":"#);
    push_json_str(out, &r.name);
    out.push(b'}');
}

/// A stop's properties: `admin1`, `country`, `date`, `feature`, `geonameid`, `marker-color`,
/// `marker-size`, `matched`, `name`, `note`, `order`, `places` (only when true), `trip`.
fn stop_properties(out: &mut Vec<u8>, r: &Route, i: usize, color: &[u8]) {
    let s = &r.stops[i];
    let place = s.place.as_ref();
    out.push(b'{');
    let mut first = opt_str(out, true, "admin1", place.and_then(|p| p.admin1_name()));
    first = opt_str(out, first, "country", place.map(|p| p.country.as_ref()));
    if let Some(d) = &s.date {
        key(out, first, "date");
        push_json(out, d);
        first = false;
    }
    key(out, first, "feature");
    out.extend_from_slice(br#""stop""#);
    if let Some(id) = place.and_then(|p| p.geonameid) {
        out.extend_from_slice(br#","geonameid":"#);
        push_json(out, &id);
    }
    out.extend_from_slice(br#","marker-color":"#);
    out.extend_from_slice(color);
    out.extend_from_slice(br#","marker-size":"medium""#);
    opt_str(out, false, "matched", place.map(|p| p.name.as_ref()));
    opt_str(out, false, "name", Some(&s.label));
    opt_str(out, false, "note", s.note.as_deref());
    out.extend_from_slice(br#","order":"#);
    push_u64(out, i as u64 + 1);
    if r.kind.places_flag() {
        out.extend_from_slice(br#","places":true"#);
    }
    out.extend_from_slice(br#","trip":"#);
    push_json_str(out, &r.name);
    out.push(b'}');
}

/// Calls `f` with each feature in order: per trip, its legs then its stops. One feature is
/// built at a time, so a writer holds no more.
fn for_each_feature<E>(
    routes: &[Route],
    layer: Layer,
    lines: &Lines,
    mut f: impl FnMut(Item<'_>) -> std::result::Result<(), E>,
) -> std::result::Result<(), E> {
    let mut k = 0;
    for route in routes {
        let mut color = Vec::new();
        push_json(&mut color, &route.color);
        let color = &color[..];
        if layer != Layer::Stops {
            for i in 0..route.legs.len() {
                let line = lines.get(k);
                k += 1;
                f(Item::Leg {
                    route,
                    i,
                    line,
                    multi: layer == Layer::Legs,
                    color,
                })?;
            }
        }
        if layer != Layer::Legs {
            for i in 0..route.stops.len() {
                f(Item::Stop { route, i, color })?;
            }
        }
    }
    Ok(())
}

/// Writes the FeatureCollection of `routes` as GeoJSON text, streaming: the box is measured in
/// a first pass over the legs, then the features are written one at a time (the same text as
/// serialising the whole collection through `geojson`'s types, without holding it).
///
/// # Errors
/// [`Error::Write`] when the writer fails.
pub fn write_geojson(routes: &[Route], title: Option<&str>, w: &mut dyn Write) -> Result<()> {
    write_geojson_layer(routes, title, Layer::All, w)
}

/// [`write_geojson`] of one [`Layer`]: the legs alone or the stops alone make a file of one
/// geometry type, which GIS formats with a geometry type per layer (Shapefile) take as it is.
///
/// # Errors
/// [`Error::Write`] when the writer fails.
pub fn write_geojson_layer(
    routes: &[Route],
    title: Option<&str>,
    layer: Layer,
    w: &mut dyn Write,
) -> Result<()> {
    let werr = |e: std::io::Error| Error::Write {
        path: "GeoJSON".into(),
        source: e,
    };
    // Each leg's geodesic is densified once, for the box and for its feature.
    let lines = Lines::of(routes, layer);
    let mut buf = Vec::with_capacity(WRITE_EVERY + 4096);
    buf.extend_from_slice(br#"{"type":"FeatureCollection","#);
    if let Some(b) = bbox(routes, layer, &lines) {
        buf.extend_from_slice(format!(r#""bbox":{},"#, json!(b)).as_bytes());
    }
    buf.extend_from_slice(br#""features":["#);
    let mut first = true;
    for_each_feature(routes, layer, &lines, |f| {
        if !first {
            buf.push(b',');
        }
        first = false;
        f.write(&mut buf);
        drain(&mut buf, w).map_err(werr)
    })?;
    buf.push(b']');
    if let Some(t) = title {
        buf.extend_from_slice(format!(r#","title":{}"#, json!(t)).as_bytes());
    }
    buf.extend_from_slice(b"}\n");
    w.write_all(&buf).map_err(werr)
}

#[cfg(test)]
mod tests;
