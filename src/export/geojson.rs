//! GeoJSON (RFC 7946): a FeatureCollection with a Point per stop and a LineString per leg,
//! densified along the geodesic and split into a MultiLineString where it crosses ±180°
//! (§3.1.9), a `bbox` (west > east across the antimeridian, §5.2), 6-decimal coordinates and
//! simplestyle-spec colours (`stroke`, `marker-color`) that viewers such as geojson.io show.

use std::io::Write;

use geojson::{Feature, FeatureCollection, Geometry, GeometryValue, JsonObject, JsonValue};
use serde_json::json;

use super::round6;
use crate::error::{Error, Result};
use crate::route::{Route, bounding_box, split_antimeridian};

/// Builds the FeatureCollection of some routes: per trip, its legs then its stops.
pub fn feature_collection(routes: &[Route], title: Option<&str>) -> FeatureCollection {
    let mut features = Vec::new();
    let mut all_points = Vec::new();
    for r in routes {
        for (i, leg) in r.legs.iter().enumerate() {
            let line = leg.line();
            let parts: Vec<Vec<[f64; 2]>> = split_antimeridian(&line)
                .into_iter()
                .map(|p| p.iter().map(|c| [round6(c.x), round6(c.y)]).collect())
                .collect();
            all_points.extend(line);
            let value = if parts.len() == 1 {
                GeometryValue::new_line_string(parts.into_iter().flatten())
            } else {
                GeometryValue::MultiLineString {
                    coordinates: parts
                        .into_iter()
                        .map(|p| p.into_iter().map(Into::into).collect())
                        .collect(),
                }
            };
            let (from, to) = (&r.stops[leg.from], &r.stops[leg.to]);
            let props = object(json!({
                "feature": "leg",
                "trip": r.name,
                "leg": i + 1,
                "from": from.label,
                "to": to.label,
                "from_date": from.date,
                "to_date": to.date,
                "distance_m": (leg.meters * 1000.0).round() / 1000.0,
                "distance_km": (leg.meters).round() / 1000.0,
                "bearing_deg": (leg.bearing_deg * 100.0).round() / 100.0,
                "mode": leg.mode.as_str(),
                "path": "geodesic",
                "stroke": r.color,
                "stroke-width": 3,
                "stroke-opacity": 0.9,
            }));
            features.push(feature(value, props));
        }
        for (i, s) in r.stops.iter().enumerate() {
            all_points.push(s.coord());
            let place = s.place.as_ref();
            let props = object(json!({
                "feature": "stop",
                "trip": r.name,
                "order": i + 1,
                "name": s.label,
                "matched": place.map(|p| p.name.as_ref()),
                "geonameid": place.and_then(|p| p.geonameid),
                "country": place.map(|p| p.country.as_ref()),
                "admin1": place.and_then(|p| p.admin1_name()),
                "date": s.date,
                "note": s.note,
                "marker-color": r.color,
                "marker-size": "medium",
            }));
            features.push(feature(
                GeometryValue::new_point([round6(s.lon), round6(s.lat)]),
                props,
            ));
        }
    }
    let bbox = bounding_box(all_points).map(|b| {
        vec![
            round6(b.west),
            round6(b.south),
            round6(b.east),
            round6(b.north),
        ]
    });
    let foreign_members = title.map(|t| object(json!({ "title": t })));
    FeatureCollection {
        bbox,
        features,
        foreign_members,
    }
}

/// Writes the FeatureCollection of `routes` as GeoJSON text.
///
/// # Errors
/// [`Error::Write`] when the writer fails.
pub fn write_geojson(routes: &[Route], title: Option<&str>, w: &mut dyn Write) -> Result<()> {
    let fc = feature_collection(routes, title);
    serde_json::to_writer(&mut *w, &fc).map_err(|e| Error::Write {
        path: "GeoJSON".into(),
        source: e.into(),
    })?;
    w.write_all(b"\n").map_err(|e| Error::Write {
        path: "GeoJSON".into(),
        source: e,
    })
}

fn feature(value: GeometryValue, properties: JsonObject) -> Feature {
    Feature {
        bbox: None,
        geometry: Some(Geometry {
            bbox: None,
            value,
            foreign_members: None,
        }),
        id: None,
        properties: Some(properties),
        foreign_members: None,
    }
}

fn object(v: JsonValue) -> JsonObject {
    match v {
        JsonValue::Object(mut m) => {
            m.retain(|_, v| !v.is_null());
            m
        }
        _ => JsonObject::new(),
    }
}
