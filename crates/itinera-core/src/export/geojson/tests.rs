//! The streamed GeoJSON against a reference: the collection built as `geojson` types from each
//! leg's own densified line and properties serialised by `serde` (the text the exporter wrote
//! before it wrote by hand), for every layer.

use geojson::{Feature, FeatureCollection, Geometry, GeometryValue, JsonObject, JsonValue};
use serde::Serialize;
use serde_json::json;

use super::*;
use crate::export::testdata::{bering, kim, route, stop};
use crate::route::BoxBuilder;
use crate::trip::{Date, Rgb, TripKind};

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
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    places: bool,
    trip: &'a str,
}

fn feature(value: GeometryValue, properties: &Properties<'_>) -> Feature {
    let properties = match serde_json::to_value(properties) {
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

fn leg_feature(r: &Route, i: usize, multi: bool) -> Feature {
    let leg = &r.legs[i];
    let mut parts: Vec<Vec<[f64; 2]>> = split_antimeridian(&leg.line())
        .into_iter()
        .map(|p| p.iter().map(|c| [round6(c.x), round6(c.y)]).collect())
        .collect();
    let value = if parts.len() == 1 && !multi {
        GeometryValue::new_line_string(parts.pop().unwrap_or_default())
    } else {
        GeometryValue::MultiLineString {
            coordinates: parts
                .iter()
                .map(|p| p.iter().map(|&c| c.into()).collect())
                .collect(),
        }
    };
    let (from, to) = (&r.stops[leg.from], &r.stops[leg.to]);
    feature(
        value,
        &Properties::Leg(LegProperties {
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
        }),
    )
}

fn stop_feature(r: &Route, i: usize) -> Feature {
    let s = &r.stops[i];
    let place = s.place.as_ref();
    feature(
        GeometryValue::new_point([round6(s.lon), round6(s.lat)]),
        &Properties::Stop(StopProperties {
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
        }),
    )
}

/// The collection as `geojson` types, each leg densified on its own.
fn reference(routes: &[Route], title: Option<&str>, layer: Layer) -> String {
    let mut features = Vec::new();
    let mut b = BoxBuilder::default();
    for r in routes {
        if layer != Layer::Stops {
            for (i, leg) in r.legs.iter().enumerate() {
                features.push(leg_feature(r, i, layer == Layer::Legs));
                for part in split_antimeridian(&leg.line()) {
                    b.add_part(&part);
                }
            }
        }
        for (i, s) in r.stops.iter().enumerate() {
            if layer != Layer::Legs {
                features.push(stop_feature(r, i));
            }
            b.add_point(s.coord());
        }
    }
    let collection = FeatureCollection {
        bbox: b.finish().map(|b| {
            vec![
                round6(b.west),
                round6(b.south),
                round6(b.east),
                round6(b.north),
            ]
        }),
        features,
        foreign_members: title.map(|t| match json!({ "title": t }) {
            JsonValue::Object(m) => m,
            _ => JsonObject::new(),
        }),
    };
    serde_json::to_string(&collection).unwrap() + "\n"
}

fn streamed(routes: &[Route], title: Option<&str>, layer: Layer) -> String {
    let mut out = Vec::new();
    write_geojson_layer(routes, title, layer, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn streaming_writes_the_text_of_the_whole_collection() {
    use crate::gazetteer::{Gazetteer, LookupOptions};
    let mut odd = kim();
    odd.name = "Kim \"2011\"\t\\ <trips>\u{1}".into();
    odd.stops[1].note = Some("met \"him\"\n".into());
    odd.stops[0].label = "-0.0".into();
    odd.stops[2].place = Gazetteer::bundled()
        .lookup("Ussuriysk", &LookupOptions::default())
        .into_iter()
        .next()
        .map(|m| Box::new(m.place));
    let mut places = bering();
    places.kind = TripKind::Places;
    places.legs.clear();
    let mut on_the_line = route(
        "edge",
        "#123456",
        vec![
            stop("a", -17.0, -180.0, None),
            stop("b", -17.5, 179.9, None),
            stop("c", -0.0000001, 0.0000001, None),
        ],
    );
    on_the_line.stops[2].lon = -0.0;
    let cases: [(Vec<Route>, Option<&str>); 6] = [
        (vec![kim(), bering()], Some("Kim \"2011\" <trips>")),
        (vec![kim()], None),
        (vec![odd, places], Some("odd")),
        (vec![on_the_line], None),
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
        for layer in [Layer::All, Layer::Legs, Layer::Stops] {
            assert_eq!(
                streamed(&routes, title, layer),
                reference(&routes, title, layer),
                "{layer:?}"
            );
        }
    }
}

#[test]
fn the_box_of_a_leg_across_the_antimeridian_crosses_it() {
    let v: serde_json::Value =
        serde_json::from_str(&streamed(&[bering()], None, Layer::All)).unwrap();
    let b: Vec<f64> = serde_json::from_value(v["bbox"].clone()).unwrap();
    assert!(b[0] > b[2], "{b:?}");
    assert_eq!((b[0], b[2]), (177.5103, -165.40637));
}
