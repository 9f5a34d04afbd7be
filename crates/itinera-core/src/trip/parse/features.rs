//! Trips from the features of a GIS file (GeoJSON, GPX, KML), whatever its format: the points
//! of a group become the stops of one trip, in order; a line becomes a trip through its
//! vertices, unless it only joins two points of its own group (a leg drawn between stops, as
//! itinera's own exports and many hand-made maps have), when it is left out and its mode goes
//! to the stop it arrives at.

use std::collections::HashMap;

use super::{Date, Mode, Rgb, StopSpec, TripKind, TripPlan, TripSpec, check_coordinates, invalid};
use crate::error::Result;
use crate::source::{Location, SourceFile};

/// A position of a point or a line, with its time when the file gives one (GPX `<time>`,
/// KML `gx:Track`, GeoJSON `coordTimes`).
#[derive(Debug, Clone, Copy)]
pub(super) struct Vertex {
    pub lat: f64,
    pub lon: f64,
    pub date: Option<Date>,
    /// Byte offset in the source, for errors.
    pub at: usize,
}

/// A feature's geometry.
#[derive(Debug)]
pub(super) enum Shape {
    /// A stop.
    Point(Vertex),
    /// A line's vertices, the parts of a multi-line one after each other.
    Line(Vec<Vertex>),
}

/// A feature as a reader found it.
#[derive(Debug)]
pub(super) struct Feature {
    /// The name of the trip a point belongs to, and of a line's trip when the line has none.
    pub group: String,
    /// Which group: points with the same key are one trip, and a line joining two points of
    /// its own key is a drawn leg (a KML Folder's position, a GPX route's number, a GeoJSON
    /// `trip`), so two Folders that share a name stay two trips.
    pub key: String,
    pub name: Option<String>,
    pub date: Option<Date>,
    pub note: Option<String>,
    pub mode: Option<Mode>,
    pub color: Option<Rgb>,
    /// A point of a group of places, not stops of a journey (GPX waypoints; itinera's own
    /// exports mark them): its group becomes a trip of [`TripKind::Places`].
    pub places: bool,
    pub shape: Shape,
    /// Byte offset of the feature in the source.
    pub at: usize,
}

/// Degrees within which a line's end is the point it joins (itinera writes 6 decimals).
const SAME_POINT_DEG: f64 = 1e-6;

/// What becomes of a feature, in document order.
enum Pending {
    /// The points of a group, with the group's first colour.
    Points {
        name: String,
        stops: Vec<StopSpec>,
        /// Where each stop is (an unnamed stop holds its coordinates as text).
        coords: Vec<(f64, f64)>,
        color: Option<Rgb>,
        /// [`TripKind::Places`] once a point is marked so; a journey otherwise.
        kind: TripKind,
        at: usize,
    },
    Line(Feature),
}

/// Builds the trips of `features`, checking every coordinate; `kind` names the file type in
/// the error for a file with no features ("no points or lines in the GPX file").
pub(super) fn assemble(
    features: Vec<Feature>,
    title: Option<String>,
    source: &SourceFile,
    kind: &str,
) -> Result<TripPlan> {
    let (mut pending, group_at) = group_features(features, source)?;
    let keep = attach_drawn_legs(&mut pending, &group_at);
    into_trips(pending, &keep, title, source, kind)
}

/// The features in order, points gathered into their groups (a group is where its first point
/// is) and lines as they are, every coordinate checked; with the index of each group by key.
fn group_features(
    features: Vec<Feature>,
    source: &SourceFile,
) -> Result<(Vec<Pending>, HashMap<String, usize>)> {
    let mut pending: Vec<Pending> = Vec::new();
    let mut group_at: HashMap<String, usize> = HashMap::new();
    for f in features {
        match f.shape {
            Shape::Point(v) => {
                check_coordinates(v.lat, v.lon, source, v.at)?;
                let i = *group_at.entry(f.key.clone()).or_insert_with(|| {
                    pending.push(Pending::Points {
                        name: f.group.clone(),
                        stops: Vec::new(),
                        coords: Vec::new(),
                        color: None,
                        kind: TripKind::Journey,
                        at: f.at,
                    });
                    pending.len() - 1
                });
                let Pending::Points {
                    stops,
                    coords,
                    color,
                    kind,
                    ..
                } = &mut pending[i]
                else {
                    unreachable!("group_at indexes groups of points")
                };
                if f.places {
                    *kind = TripKind::Places;
                }
                if color.is_none() {
                    *color = f.color;
                }
                coords.push((v.lat, v.lon));
                stops.push(point_stop(
                    f.name,
                    f.note,
                    f.date.or(v.date),
                    f.mode,
                    v,
                    source,
                ));
            }
            Shape::Line(ref vertices) => {
                for v in vertices {
                    check_coordinates(v.lat, v.lon, source, v.at)?;
                }
                if !vertices.is_empty() {
                    pending.push(Pending::Line(f));
                }
            }
        }
    }
    Ok((pending, group_at))
}

/// Lines drawn from one point of their group to another are that group's legs, not trips:
/// their mode and colour go to the points. Returns which of `pending` remain trips.
fn attach_drawn_legs(pending: &mut [Pending], group_at: &HashMap<String, usize>) -> Vec<bool> {
    let mut keep = vec![true; pending.len()];
    // Per group of points, the stop the last drawn leg arrived at.
    let mut arrived: HashMap<usize, usize> = HashMap::new();
    for k in 0..pending.len() {
        let Pending::Line(line) = &pending[k] else {
            continue;
        };
        let Some(&g) = group_at.get(&line.key) else {
            continue;
        };
        let Shape::Line(vertices) = &line.shape else {
            continue;
        };
        let (Some(&first), Some(&last)) = (vertices.first(), vertices.last()) else {
            continue;
        };
        let (mode, line_color) = (line.mode, line.color);
        let Pending::Points {
            stops,
            coords,
            color,
            kind,
            ..
        } = &mut pending[g]
        else {
            continue;
        };
        match kind {
            // Places have no legs: a line among them is a trip of its own.
            TripKind::Places => continue,
            TripKind::Journey | TripKind::Track => {}
        }
        // A trip may pass a place twice: look for the leg's ends after the last leg's arrival
        // first, and for its arrival after its departure.
        let find = |v: &Vertex, from: usize| {
            let at = |&(lat, lon): &(f64, f64)| {
                (lat - v.lat).abs() <= SAME_POINT_DEG && (lon - v.lon).abs() <= SAME_POINT_DEG
            };
            let from = from.min(coords.len());
            coords[from..]
                .iter()
                .position(at)
                .map(|i| i + from)
                .or_else(|| coords.iter().position(at))
        };
        let cursor = arrived.get(&g).copied().unwrap_or(0);
        let departure = find(&first, cursor);
        let arrival = departure.and_then(|d| find(&last, d + 1));
        if let (Some(_), Some(to)) = (departure, arrival) {
            arrived.insert(g, to);
            keep[k] = false;
            if stops[to].mode.is_none() {
                stops[to].mode = mode;
            }
            if color.is_none() {
                *color = line_color;
            }
        }
    }
    keep
}

/// The trips of what remains, in order; `kind` names the file type in the error for a file
/// with none.
fn into_trips(
    pending: Vec<Pending>,
    keep: &[bool],
    title: Option<String>,
    source: &SourceFile,
    kind: &str,
) -> Result<TripPlan> {
    let mut trips = Vec::new();
    // A file without a title that holds one line named in the file (a GPS activity: Strava's
    // "Morning Ride") takes the line's name as its title.
    let mut line_names = Vec::new();
    for (p, &keep) in pending.into_iter().zip(keep) {
        if !keep {
            continue;
        }
        if let Pending::Line(f) = &p {
            line_names.push(f.name.clone().filter(|n| !n.trim().is_empty()));
        }
        trips.push(match p {
            Pending::Points {
                name,
                mut stops,
                color,
                kind: trip_kind,
                at,
                ..
            } => {
                let mode = shared_mode(&mut stops);
                TripSpec {
                    name,
                    color,
                    mode,
                    country: None,
                    stops,
                    kind: trip_kind,
                    location: Some(source.location(at)),
                }
            }
            Pending::Line(f) => line_trip(f, source),
        });
    }
    if trips.is_empty() {
        return Err(invalid(
            format!("no points or lines in the {kind} file"),
            source,
            0,
            Some("a trip needs at least one point or line with coordinates".into()),
        ));
    }
    let title = match (title, trips.len(), line_names.as_slice()) {
        (None, 1, [Some(name)]) => Some(name.clone()),
        (title, ..) => title,
    };
    Ok(TripPlan { title, trips })
}

/// A point as a stop. An unnamed point is written as its coordinates, which resolution labels
/// after the nearest notable place ("near Ulan-Ude").
fn point_stop(
    name: Option<String>,
    note: Option<String>,
    date: Option<Date>,
    mode: Option<Mode>,
    v: Vertex,
    source: &SourceFile,
) -> StopSpec {
    let name = name.filter(|n| !n.trim().is_empty());
    StopSpec {
        place: name.is_none().then(|| format!("{:.6},{:.6}", v.lat, v.lon)),
        lat: name.is_some().then_some(v.lat),
        lon: name.is_some().then_some(v.lon),
        name,
        date,
        note,
        mode,
        location: short_line_location(source, v.at),
        ..StopSpec::default()
    }
}

/// The trip of a line, a [`TripKind::Track`]: unnamed stops at its vertices, a vertex repeating the one before left
/// out (track segments that join); the line's date goes to its first vertex if none has one.
fn line_trip(f: Feature, source: &SourceFile) -> TripSpec {
    let Shape::Line(vertices) = f.shape else {
        unreachable!("line_trip is given lines")
    };
    let mut stops: Vec<StopSpec> = Vec::with_capacity(vertices.len());
    let mut last: Option<(f64, f64)> = None;
    for v in &vertices {
        if last == Some((v.lat, v.lon)) {
            continue;
        }
        last = Some((v.lat, v.lon));
        stops.push(StopSpec {
            lat: Some(v.lat),
            lon: Some(v.lon),
            date: v.date,
            ..StopSpec::default()
        });
    }
    if let Some(first) = stops.first_mut() {
        first.date = first.date.or(f.date);
        first.note = f.note;
    }
    TripSpec {
        name: f.name.filter(|n| !n.trim().is_empty()).unwrap_or(f.group),
        color: f.color,
        mode: f.mode.unwrap_or_default(),
        country: None,
        stops,
        kind: TripKind::Track,
        location: Some(source.location(f.at)),
    }
}

/// The mode every stop after the first has, lifted to the trip (and cleared on the stops);
/// `Unknown` when they differ.
fn shared_mode(stops: &mut [StopSpec]) -> Mode {
    let Some(mode) = stops.get(1).and_then(|s| s.mode) else {
        return Mode::Unknown;
    };
    if stops.len() < 2 || stops[1..].iter().any(|s| s.mode != Some(mode)) {
        return Mode::Unknown;
    }
    for s in stops.iter_mut() {
        if s.mode == Some(mode) {
            s.mode = None;
        }
    }
    mode
}

/// The location of `at` when its line is short enough to keep (a minified GeoJSON is one long
/// line, and a location copies its line's text): stops of such files go without.
fn short_line_location(source: &SourceFile, at: usize) -> Option<Location> {
    const MAX: usize = 2000;
    let text = source.text.as_bytes();
    let at = at.min(text.len());
    let before = &text[at.saturating_sub(MAX)..at];
    let after = &text[at..(at + MAX).min(text.len())];
    let starts_near = at < MAX || memchr::memrchr(b'\n', before).is_some();
    let ends_near = at + MAX >= text.len() || memchr::memchr(b'\n', after).is_some();
    (starts_near && ends_near).then(|| source.location(at))
}
