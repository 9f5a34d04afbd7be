//! GPX 1.0 and 1.1 (as GPS devices, Strava, Garmin and itinera write it): all waypoints form
//! one trip, each route a trip of its points, each track a trip through its points (segments
//! joined); `<time>` is kept as the date, `<type>` as the mode when it names one.

use std::collections::{HashMap, VecDeque};

use roxmltree::Node;

use super::features::{self, Feature, Shape, Vertex};

use super::xml::{self, child, child_text, children, date, document, number_attribute};
use super::{Date, TripPlan, loose_mode};
use crate::error::Result;
use crate::source::SourceFile;

/// Parses a GPX file.
pub fn parse_gpx(source: &SourceFile) -> Result<TripPlan> {
    let doc = document(source)?;
    let root = xml::root(&doc, "gpx", source)?;
    // itinera writes the date at the head of `desc`: `2011-08-20; note`.
    let ours = root
        .attribute("creator")
        .is_some_and(|c| c.starts_with("itinera"));
    let title = child(root, "metadata")
        .and_then(|m| child_text(m, "name"))
        .or_else(|| child_text(root, "name"));
    let mut waypoints = Vec::new();
    let mut features = Vec::new();
    let (mut routes, mut tracks) = (0, 0);
    // Per name, the routes (of two points or more) no track has claimed yet, oldest first: a
    // track of that name drawn through a route's points belongs to it. itinera writes every
    // route, then a track per route in the same order; other files put a route's track after
    // it. Either way the oldest unclaimed route of the name is the track's.
    let mut route_keys: HashMap<String, VecDeque<String>> = HashMap::new();
    for n in root.children().filter(Node::is_element) {
        match n.tag_name().name() {
            "wpt" => {
                // Waypoints are places a GPS saved, not a journey: markers with no legs.
                let mut p = point(n, ("Waypoints", "wpt"), None, ours, source)?;
                p.places = true;
                waypoints.push(p);
            }
            "rte" => {
                routes += 1;
                let key = format!("rte{routes}");
                let name = child_text(n, "name").unwrap_or_else(|| format!("Route {routes}"));
                if children(n, "rtept").nth(1).is_some() {
                    route_keys
                        .entry(name.clone())
                        .or_default()
                        .push_back(key.clone());
                }
                let mode = child_text(n, "type").and_then(|t| loose_mode(&t));
                for p in children(n, "rtept") {
                    features.push(point(p, (&name, &key), mode, ours, source)?);
                }
            }
            "trk" => {
                tracks += 1;
                let name = child_text(n, "name");
                let mut vertices = Vec::new();
                for p in children(n, "trkseg").flat_map(|s| children(s, "trkpt")) {
                    vertices.push(vertex(p, source)?);
                }
                features.push(Feature {
                    key: name
                        .as_ref()
                        .and_then(|n| route_keys.get_mut(n)?.pop_front())
                        .unwrap_or_else(|| format!("trk{tracks}")),
                    group: name.clone().unwrap_or_else(|| format!("Track {tracks}")),
                    name,
                    date: None,
                    note: child_text(n, "desc").or_else(|| child_text(n, "cmt")),
                    mode: child_text(n, "type").and_then(|t| loose_mode(&t)),
                    color: None,
                    places: false,
                    shape: Shape::Line(vertices),
                    at: n.range().start,
                });
            }
            _ => {}
        }
    }
    waypoints.extend(features);
    features::assemble(waypoints, title, source, "GPX")
}

/// A `wpt`, `rtept` or `trkpt` position, with its `<time>`.
fn vertex(n: Node<'_, '_>, source: &SourceFile) -> Result<Vertex> {
    Ok(Vertex {
        lat: number_attribute(n, "lat", source)?,
        lon: number_attribute(n, "lon", source)?,
        date: child(n, "time")
            .map(|t| date(t, source))
            .transpose()?
            .flatten(),
        at: n.range().start,
    })
}

/// A waypoint or route point as a stop of trip `group` (its name and key); `mode` is the
/// route's.
fn point(
    n: Node<'_, '_>,
    (group, key): (&str, &str),
    mode: Option<super::Mode>,
    ours: bool,
    source: &SourceFile,
) -> Result<Feature> {
    let v = vertex(n, source)?;
    let mut note = child_text(n, "desc").or_else(|| child_text(n, "cmt"));
    // itinera writes a stop's date at the head of `desc` (a day has no `<time>`).
    let mut day = None;
    if ours {
        (day, note) = split_day(note);
        if v.date.is_some() {
            day = None;
        }
    }
    Ok(Feature {
        group: group.to_string(),
        key: key.to_string(),
        name: child_text(n, "name"),
        date: day,
        note,
        mode: child_text(n, "type").and_then(|t| loose_mode(&t)).or(mode),
        color: None,
        places: false,
        shape: Shape::Point(v),
        at: n.range().start,
    })
}

/// `2011-08-20; met Medvedev` -> the day and the note, as itinera's GPX writes a stop dated to
/// the day; any other text is all note.
fn split_day(desc: Option<String>) -> (Option<Date>, Option<String>) {
    let Some(d) = desc else {
        return (None, None);
    };
    let (head, rest) = d.split_once("; ").unwrap_or((&d, ""));
    match head.parse::<Date>() {
        Ok(day) => (Some(day), (!rest.is_empty()).then(|| rest.to_string())),
        Err(_) => (None, Some(d)),
    }
}
