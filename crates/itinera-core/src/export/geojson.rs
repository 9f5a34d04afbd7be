//! GeoJSON (RFC 7946): a FeatureCollection with a Point per stop and a LineString per leg,
//! densified along the geodesic and split into a MultiLineString where it crosses ±180°
//! (§3.1.9), a `bbox` (west > east across the antimeridian, §5.2), 6-decimal coordinates and
//! simplestyle-spec colours (`stroke`, `marker-color`) that viewers such as geojson.io show.

use std::io::Write;

#[cfg(test)]
use geojson::{Feature, FeatureCollection, Geometry, GeometryValue, JsonObject, JsonValue};
use serde::Serialize;
use serde_json::json;

use super::round6;
use crate::error::{Error, Result};
use crate::route::{BoxBuilder, Leg, Route, split_antimeridian};
use crate::trip::{Date, Rgb, Stop};

/// Builds the FeatureCollection of some routes as `geojson` types: per trip, its legs then its
/// stops (the tests check the streamed text against it).
#[cfg(test)]
fn feature_collection(routes: &[Route], title: Option<&str>) -> FeatureCollection {
    let mut features = Vec::new();
    for_each_feature(routes, Layer::All, |f| {
        features.push(f.to_feature());
        Ok::<(), std::convert::Infallible>(())
    })
    .unwrap_or_else(|never| match never {});
    FeatureCollection {
        bbox: bbox(routes, Layer::All),
        features,
        foreign_members: title.map(|t| match json!({ "title": t }) {
            JsonValue::Object(m) => m,
            _ => JsonObject::new(),
        }),
    }
}

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

/// The box of every leg's line and every stop, RFC 7946 §5 style.
fn bbox(routes: &[Route], layer: Layer) -> Option<Vec<f64>> {
    let mut b = BoxBuilder::default();
    for r in routes {
        for leg in r.legs.iter().filter(|_| layer != Layer::Stops) {
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

/// One feature as written: its geometry and its properties, borrowed from the route.
struct Item<'a> {
    geometry: Shape,
    properties: Properties<'a>,
}

/// Coordinates rounded to 6 decimals (about 0.1 m).
enum Shape {
    Point([f64; 2]),
    LineString(Vec<[f64; 2]>),
    MultiLineString(Vec<Vec<[f64; 2]>>),
}

/// A feature's properties. Fields are in the byte order of their names, so the text is the
/// same as serialising them through a `serde_json` map (which sorts its keys); `None` fields
/// are left out.
#[derive(Serialize)]
#[serde(untagged)]
enum Properties<'a> {
    Leg(LegProperties<'a>),
    Stop(StopProperties<'a>),
}

#[derive(Serialize)]
struct LegProperties<'a> {
    bearing_deg: f64,
    distance_km: f64,
    distance_m: f64,
    feature: &'static str,
    from: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    from_date: Option<Date>,
    leg: usize,
    mode: &'static str,
    path: &'static str,
    stroke: Rgb,
    #[serde(rename = "stroke-opacity")]
    stroke_opacity: f64,
    #[serde(rename = "stroke-width")]
    stroke_width: u32,
    to: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    to_date: Option<Date>,
    trip: &'a str,
}

#[derive(Serialize)]
struct StopProperties<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    admin1: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    country: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<Date>,
    feature: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    geonameid: Option<i64>,
    #[serde(rename = "marker-color")]
    marker_color: Rgb,
    #[serde(rename = "marker-size")]
    marker_size: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    matched: Option<&'a str>,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    order: usize,
    /// One of a group of places (GPS waypoints), not a stop of a journey; read back so.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    places: bool,
    trip: &'a str,
}

impl Item<'_> {
    /// A leg's feature: a LineString, or a MultiLineString where it crosses ±180; always a
    /// MultiLineString when `multi` (a legs layer: one geometry type in the file, as
    /// Shapefile and `ogrinfo` want).
    fn leg<'a>(r: &'a Route, i: usize, leg: &Leg, multi: bool) -> Item<'a> {
        let mut parts: Vec<Vec<[f64; 2]>> = split_antimeridian(&leg.line())
            .into_iter()
            .map(|p| p.iter().map(|c| [round6(c.x), round6(c.y)]).collect())
            .collect();
        let geometry = if parts.len() == 1 && !multi {
            Shape::LineString(parts.pop().unwrap_or_default())
        } else {
            Shape::MultiLineString(parts)
        };
        let (from, to) = (&r.stops[leg.from], &r.stops[leg.to]);
        let properties = Properties::Leg(LegProperties {
            bearing_deg: (leg.bearing_deg * 100.0).round() / 100.0,
            distance_km: (leg.metres).round() / 1000.0,
            distance_m: (leg.metres * 1000.0).round() / 1000.0,
            feature: "leg",
            from: &from.label,
            from_date: from.date,
            leg: i + 1,
            mode: leg.mode.as_str(),
            path: "geodesic",
            stroke: r.color,
            stroke_opacity: 0.9,
            stroke_width: 3,
            to: &to.label,
            to_date: to.date,
            trip: &r.name,
        });
        Item {
            geometry,
            properties,
        }
    }

    fn stop<'a>(r: &'a Route, i: usize, s: &'a Stop) -> Item<'a> {
        let place = s.place.as_ref();
        let properties = Properties::Stop(StopProperties {
            admin1: place.and_then(|p| p.admin1_name()),
            country: place.map(|p| p.country.as_ref()),
            date: s.date,
            feature: "stop",
            geonameid: place.and_then(|p| p.geonameid),
            marker_color: r.color,
            marker_size: "medium",
            matched: place.map(|p| p.name.as_ref()),
            name: &s.label,
            note: s.note.as_deref(),
            order: i + 1,
            places: r.kind.places_flag(),
            trip: &r.name,
        });
        Item {
            geometry: Shape::Point([round6(s.lon), round6(s.lat)]),
            properties,
        }
    }

    /// The feature as `geojson` types.
    #[cfg(test)]
    fn to_feature(&self) -> Feature {
        let value = match &self.geometry {
            Shape::Point(p) => GeometryValue::new_point(*p),
            Shape::LineString(l) => GeometryValue::new_line_string(l.iter().copied()),
            Shape::MultiLineString(parts) => GeometryValue::MultiLineString {
                coordinates: parts
                    .iter()
                    .map(|p| p.iter().map(|&c| c.into()).collect())
                    .collect(),
            },
        };
        let properties = match serde_json::to_value(&self.properties) {
            Ok(JsonValue::Object(m)) => m,
            _ => JsonObject::new(),
        };
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

    /// Appends the feature as GeoJSON text, as `geojson` writes it.
    fn write(&self, out: &mut Vec<u8>) -> serde_json::Result<()> {
        #[derive(Serialize)]
        struct Geom<'a, C> {
            #[serde(rename = "type")]
            kind: &'a str,
            coordinates: C,
        }
        out.extend_from_slice(br#"{"type":"Feature","geometry":"#);
        match &self.geometry {
            Shape::Point(p) => serde_json::to_writer(
                &mut *out,
                &Geom {
                    kind: "Point",
                    coordinates: p,
                },
            ),
            Shape::LineString(l) => serde_json::to_writer(
                &mut *out,
                &Geom {
                    kind: "LineString",
                    coordinates: l,
                },
            ),
            Shape::MultiLineString(parts) => serde_json::to_writer(
                &mut *out,
                &Geom {
                    kind: "MultiLineString",
                    coordinates: parts,
                },
            ),
        }?;
        out.extend_from_slice(br#","properties":"#);
        serde_json::to_writer(&mut *out, &self.properties)?;
        out.push(b'}');
        Ok(())
    }
}

/// Calls `f` with each feature in order: per trip, its legs then its stops. One feature is
/// built at a time, so a writer holds no more.
fn for_each_feature<E>(
    routes: &[Route],
    layer: Layer,
    mut f: impl FnMut(Item<'_>) -> std::result::Result<(), E>,
) -> std::result::Result<(), E> {
    for r in routes {
        if layer != Layer::Stops {
            for (i, leg) in r.legs.iter().enumerate() {
                f(Item::leg(r, i, leg, layer == Layer::Legs))?;
            }
        }
        if layer != Layer::Legs {
            for (i, s) in r.stops.iter().enumerate() {
                f(Item::stop(r, i, s))?;
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
    let mut head = String::from(r#"{"type":"FeatureCollection","#);
    if let Some(b) = bbox(routes, layer) {
        head.push_str(&format!(r#""bbox":{},"#, json!(b)));
    }
    head.push_str(r#""features":["#);
    w.write_all(head.as_bytes()).map_err(werr)?;
    // Each feature is serialised into one buffer, then written in one call.
    let mut buf = Vec::new();
    for_each_feature(routes, layer, |f| {
        if !buf.is_empty() {
            buf.clear();
            buf.push(b',');
        }
        f.write(&mut buf).map_err(|e| werr(e.into()))?;
        w.write_all(&buf).map_err(werr)
    })?;
    w.write_all(b"]").map_err(werr)?;
    if let Some(t) = title {
        w.write_all(format!(r#","title":{}"#, json!(t)).as_bytes())
            .map_err(werr)?;
    }
    w.write_all(b"}\n").map_err(werr)
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
