//! GeoJSON (RFC 7946): a FeatureCollection with a Point per stop and a LineString per leg,
//! densified along the geodesic and split into a MultiLineString where it crosses ±180°
//! (§3.1.9), a `bbox` (west > east across the antimeridian, §5.2), 6-decimal coordinates and
//! simplestyle-spec colours (`stroke`, `marker-color`) that viewers such as geojson.io show.

use std::io::Write;

use geojson::{Feature, FeatureCollection, Geometry, GeometryValue, JsonObject, JsonValue};
use serde_json::json;

use super::round6;
use crate::error::{Error, Result};
use crate::route::{BoxBuilder, Route, split_antimeridian};

/// Builds the FeatureCollection of some routes: per trip, its legs then its stops.
pub fn feature_collection(routes: &[Route], title: Option<&str>) -> FeatureCollection {
    let mut features = Vec::new();
    for_each_feature(routes, |f| {
        features.push(f);
        Ok::<(), std::convert::Infallible>(())
    })
    .unwrap_or_else(|never| match never {});
    FeatureCollection {
        bbox: bbox(routes),
        features,
        foreign_members: title.map(|t| object(json!({ "title": t }))),
    }
}

/// The box of every leg's line and every stop, RFC 7946 §5 style.
fn bbox(routes: &[Route]) -> Option<Vec<f64>> {
    let mut b = BoxBuilder::default();
    for r in routes {
        for leg in &r.legs {
            for part in split_antimeridian(&leg.line()) {
                b.add_part(&part);
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

/// Calls `f` with each feature in order: per trip, its legs then its stops. One feature is
/// built at a time, so a writer holds no more.
fn for_each_feature<E>(
    routes: &[Route],
    mut f: impl FnMut(Feature) -> std::result::Result<(), E>,
) -> std::result::Result<(), E> {
    for r in routes {
        for (i, leg) in r.legs.iter().enumerate() {
            let parts: Vec<Vec<[f64; 2]>> = split_antimeridian(&leg.line())
                .into_iter()
                .map(|p| p.iter().map(|c| [round6(c.x), round6(c.y)]).collect())
                .collect();
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
            f(feature(value, props))?;
        }
        for (i, s) in r.stops.iter().enumerate() {
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
            f(feature(
                GeometryValue::new_point([round6(s.lon), round6(s.lat)]),
                props,
            ))?;
        }
    }
    Ok(())
}

/// Writes the FeatureCollection of `routes` as GeoJSON text, streaming: the box is measured in
/// a first pass over the legs, then the features are written one at a time (the same text as
/// serialising [`feature_collection`], without holding it).
///
/// # Errors
/// [`Error::Write`] when the writer fails.
pub fn write_geojson(routes: &[Route], title: Option<&str>, w: &mut dyn Write) -> Result<()> {
    let werr = |e: std::io::Error| Error::Write {
        path: "GeoJSON".into(),
        source: e,
    };
    let mut head = String::from(r#"{"type":"FeatureCollection","#);
    if let Some(b) = bbox(routes) {
        head.push_str(&format!(r#""bbox":{},"#, json!(b)));
    }
    head.push_str(r#""features":["#);
    w.write_all(head.as_bytes()).map_err(werr)?;
    let mut first = true;
    for_each_feature(routes, |f| {
        if !first {
            w.write_all(b",").map_err(werr)?;
        }
        first = false;
        serde_json::to_writer(&mut *w, &f).map_err(|e| werr(e.into()))
    })?;
    w.write_all(b"]").map_err(werr)?;
    if let Some(t) = title {
        w.write_all(format!(r#","title":{}"#, json!(t)).as_bytes())
            .map_err(werr)?;
    }
    w.write_all(b"}\n").map_err(werr)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testdata::{bering, kim, route, stop};

    fn streamed(routes: &[Route], title: Option<&str>) -> String {
        let mut out = Vec::new();
        write_geojson(routes, title, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn streaming_writes_the_text_of_the_whole_collection() {
        let cases: [(Vec<Route>, Option<&str>); 4] = [
            (vec![kim(), bering()], Some("Kim \"2011\" <trips>")),
            (vec![kim()], None),
            (
                vec![route(
                    "one",
                    "#000000",
                    vec![stop("Khasan", 42.4, 130.7, None)],
                )],
                None,
            ),
            (vec![], Some("nothing")),
        ];
        for (routes, title) in cases {
            let whole = serde_json::to_string(&feature_collection(&routes, title)).unwrap() + "\n";
            assert_eq!(streamed(&routes, title), whole);
        }
    }

    #[test]
    fn the_box_of_a_leg_across_the_antimeridian_crosses_it() {
        let v: serde_json::Value = serde_json::from_str(&streamed(&[bering()], None)).unwrap();
        let b: Vec<f64> = serde_json::from_value(v["bbox"].clone()).unwrap();
        assert!(b[0] > b[2], "{b:?}");
        assert_eq!((b[0], b[2]), (177.5103, -165.40637));
    }
}
