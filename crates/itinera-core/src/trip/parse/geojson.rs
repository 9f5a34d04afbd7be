//! GeoJSON (RFC 7946; geojson.io, QGIS, togeojson and itinera write it): Point (and
//! MultiPoint) features are stops, grouped into trips by their `trip` property; each
//! LineString or MultiLineString is a trip through its vertices. Properties read: `name`
//! (or `title`), `date` (or `time`, `timestamp`), `mode`, `note` (or `description`), `trip`,
//! `stroke`/`marker-color` (simplestyle) and per-vertex `coordTimes` (togeojson).

use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use super::features::{self, Feature, Shape, Vertex};
use super::{Date, Rgb, TripPlan, invalid, loose_mode};
use crate::error::{Error, Result};
use crate::source::SourceFile;

#[derive(Deserialize)]
struct Top<'a> {
    #[serde(rename = "type")]
    kind: Option<String>,
    #[serde(borrow)]
    features: Option<Vec<&'a RawValue>>,
    title: Option<Value>,
    name: Option<Value>,
}

#[derive(Deserialize)]
struct RawFeature {
    geometry: Option<RawGeometry>,
    properties: Option<Map<String, Value>>,
}

#[derive(Deserialize)]
struct RawGeometry {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    coordinates: Value,
    #[serde(default)]
    geometries: Vec<RawGeometry>,
}

/// Parses a GeoJSON file: a FeatureCollection, a Feature or a bare geometry.
pub fn parse_geojson(source: &SourceFile) -> Result<TripPlan> {
    // A byte-order mark, as editors on Windows write it, is no part of the JSON: offsets stay
    // those of the whole file.
    let bom = if source.text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let text = &source.text[bom..];
    let top: Top<'_> = serde_json::from_str(text).map_err(|e| json_error(&e, text, bom, source))?;
    let title = top.title.as_ref().or(top.name.as_ref()).and_then(string);
    let group = title.clone().unwrap_or_else(|| "Points".into());
    let raws: Vec<&str> = match (top.kind.as_deref(), &top.features) {
        (Some("FeatureCollection"), Some(f)) => f.iter().map(|r| r.get()).collect(),
        (Some("FeatureCollection"), None) => Vec::new(),
        (Some("Feature"), _) => vec![text],
        (Some(kind), _) if is_geometry(kind) => vec![text],
        (kind, _) => {
            let found = kind.map_or_else(|| "no `type`".into(), |k| format!("type `{k}`"));
            return Err(invalid(
                format!("not GeoJSON: {found}"),
                source,
                bom + text.find("\"type\"").unwrap_or(0),
                Some(
                    "GeoJSON has \"type\": \"FeatureCollection\", \"Feature\" or a geometry".into(),
                ),
            ));
        }
    };
    let bare = top.kind.as_deref().is_some_and(is_geometry);
    let mut out = Vec::new();
    for raw in raws {
        // The feature's offset in the file: `raw` is a slice of it.
        let at = raw.as_ptr() as usize - source.text.as_ptr() as usize;
        let reader = FeatureReader {
            source,
            raw,
            at,
            coordinates_at: at + raw.find("\"coordinates\"").unwrap_or_default(),
            group: &group,
        };
        reader.read(bare, &mut out)?;
    }
    features::assemble(out, title, source, "GeoJSON")
}

fn is_geometry(kind: &str) -> bool {
    matches!(
        kind,
        "Point"
            | "MultiPoint"
            | "LineString"
            | "MultiLineString"
            | "Polygon"
            | "MultiPolygon"
            | "GeometryCollection"
    )
}

/// One feature, a slice of the file at byte `at`.
struct FeatureReader<'s> {
    source: &'s SourceFile,
    raw: &'s str,
    at: usize,
    /// Where the feature's coordinates are written, for their errors.
    coordinates_at: usize,
    group: &'s str,
}

impl FeatureReader<'_> {
    /// Adds the feature's points and line to `out`; `bare` when the file is one geometry.
    fn read(&self, bare: bool, out: &mut Vec<Feature>) -> Result<()> {
        let (geometry, props) = if bare {
            let g: RawGeometry = serde_json::from_str(self.raw)
                .map_err(|e| json_error(&e, self.raw, self.at, self.source))?;
            (Some(g), Map::new())
        } else {
            let f: RawFeature = serde_json::from_str(self.raw)
                .map_err(|e| json_error(&e, self.raw, self.at, self.source))?;
            (f.geometry, f.properties.unwrap_or_default())
        };
        let Some(geometry) = geometry else {
            return Ok(());
        };
        let prop = |keys: &[&str]| keys.iter().find_map(|k| props.get(*k).and_then(string));
        let date = match prop(&["date", "time", "timestamp"]) {
            Some(d) => Some(d.parse::<Date>().map_err(|_| {
                invalid(
                    format!("invalid date `{d}`"),
                    self.source,
                    self.key_at("date"),
                    Some("write dates in ISO 8601, e.g. 2011-08-20 or 2011-08-20T10:00:00Z".into()),
                )
            })?),
            None => None,
        };
        let times = coord_times(&props);
        let color = prop(&["stroke", "marker-color"]).and_then(|c| c.parse::<Rgb>().ok());
        let group = prop(&["trip"]).unwrap_or_else(|| self.group.to_string());
        let feature = |shape: Shape| Feature {
            key: group.clone(),
            group: group.clone(),
            name: prop(&["name", "title"]),
            date,
            note: prop(&["note", "description", "desc"]),
            mode: prop(&["mode"]).and_then(|m| loose_mode(&m)),
            color,
            // itinera marks the stops of a group of places (`"places": true`).
            places: matches!(props.get("places"), Some(Value::Bool(true))),
            shape,
            at: self.at,
        };
        let mut points = Vec::new();
        let mut lines = Vec::new();
        self.geometry(&geometry, &mut points, &mut lines)?;
        for p in points {
            out.push(feature(Shape::Point(p)));
        }
        if !lines.is_empty() {
            let mut vertices: Vec<Vertex> = lines.into_iter().flatten().collect();
            if let Some(times) = times.filter(|t| t.len() == vertices.len()) {
                for (v, t) in vertices.iter_mut().zip(times) {
                    v.date = t.parse().ok();
                }
            }
            out.push(feature(Shape::Line(vertices)));
        }
        Ok(())
    }

    /// The points and lines of a geometry (collections flattened; polygons left out).
    fn geometry(
        &self,
        g: &RawGeometry,
        points: &mut Vec<Vertex>,
        lines: &mut Vec<Vec<Vertex>>,
    ) -> Result<()> {
        let c = &g.coordinates;
        match g.kind.as_str() {
            "Point" => points.push(self.position(c)?),
            "MultiPoint" => {
                for p in self.array(c)? {
                    points.push(self.position(p)?);
                }
            }
            "LineString" => lines.push(self.line(c)?),
            "MultiLineString" => {
                for l in self.array(c)? {
                    lines.push(self.line(l)?);
                }
            }
            "GeometryCollection" => {
                for g in &g.geometries {
                    self.geometry(g, points, lines)?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn line(&self, c: &Value) -> Result<Vec<Vertex>> {
        self.array(c)?.iter().map(|p| self.position(p)).collect()
    }

    fn array<'v>(&self, c: &'v Value) -> Result<&'v Vec<Value>> {
        c.as_array().ok_or_else(|| self.bad_coordinates(c))
    }

    /// `[lon, lat]` or `[lon, lat, alt]`.
    fn position(&self, c: &Value) -> Result<Vertex> {
        match c.as_array().map(Vec::as_slice) {
            Some([lon, lat, ..]) => match (lon.as_f64(), lat.as_f64()) {
                (Some(lon), Some(lat)) => Ok(Vertex {
                    lat,
                    lon,
                    date: None,
                    at: self.coordinates_at,
                }),
                _ => Err(self.bad_coordinates(c)),
            },
            _ => Err(self.bad_coordinates(c)),
        }
    }

    fn bad_coordinates(&self, c: &Value) -> Error {
        let mut shown = c.to_string();
        if shown.len() > 60 {
            let cut = (0..=60)
                .rev()
                .find(|&i| shown.is_char_boundary(i))
                .unwrap_or(0);
            shown.truncate(cut);
            shown.push('…');
        }
        invalid(
            format!("coordinates must be [longitude, latitude] arrays, found `{shown}`"),
            self.source,
            self.coordinates_at,
            Some("a GeoJSON position is [lon, lat], longitude first".into()),
        )
    }

    /// The offset of `"key"` in the feature, else of the feature.
    fn key_at(&self, key: &str) -> usize {
        self.at + self.raw.find(&format!("\"{key}\"")).unwrap_or_default()
    }
}

/// A property as text: strings as they are, numbers written out.
fn string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Per-vertex times: togeojson's `coordTimes` (nested per part for multi-lines) or
/// `coordinateProperties.times`.
fn coord_times(props: &Map<String, Value>) -> Option<Vec<String>> {
    let v = props.get("coordTimes").or_else(|| {
        props
            .get("coordinateProperties")
            .and_then(|c| c.get("times"))
    })?;
    let mut out = Vec::new();
    for t in v.as_array()? {
        match t {
            Value::String(s) => out.push(s.clone()),
            Value::Array(part) => {
                out.extend(part.iter().filter_map(|s| s.as_str().map(String::from)))
            }
            _ => return None,
        }
    }
    Some(out)
}

/// A serde_json error in `slice` (at byte `base` of the file) at its file position.
fn json_error(e: &serde_json::Error, slice: &str, base: usize, source: &SourceFile) -> Error {
    let mut offset = 0;
    for (i, line) in slice.split_inclusive('\n').enumerate() {
        if i + 1 == e.line() {
            offset += e.column().saturating_sub(1).min(line.len());
            break;
        }
        offset += line.len();
    }
    let message = e.to_string();
    let message = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(head, _)| head);
    Error::Syntax {
        message: format!("invalid GeoJSON: {message}"),
        location: Box::new(source.location(base + offset)),
    }
}
