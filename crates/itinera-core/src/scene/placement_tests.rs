//! Labels and furniture against what they must not hide (issue 30, points 1, 2 and 6): context
//! labels clear of every route and marker, stop labels beside their own markers or tied to them
//! by a leader, and a legend, scale bar and title that fit the room there is, at column widths
//! from 200 to 1600 pixels, on the examples, a 44-stop Trans-Siberian and five world trips.

use super::tests::routes;
use super::*;
use crate::gazetteer::Gazetteer;
use crate::route;
use crate::trip::{self, ResolveOptions};

fn file_routes(path: &str) -> (Vec<Route>, Option<String>) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let plan =
        crate::formats::read_trips(&crate::source::SourceFile::read(&path).unwrap()).unwrap();
    let r = trip::resolve(&plan, Gazetteer::bundled(), &ResolveOptions::default()).unwrap();
    (r.trips.iter().map(route::build).collect(), r.title)
}

/// The examples, the Trans-Siberian, and five trips across the world.
fn trips() -> Vec<(String, Vec<Route>, Option<String>)> {
    let mut out: Vec<_> = [
        "../../geodata/trips/kji-2001.toml",
        "../../geodata/trips/kji-2002.toml",
        "../../geodata/trips/kji-2011.toml",
        "../../geodata/trips/kji-2011-china.toml",
        "../../tests/fixtures/maps/trans-siberian.toml",
        // Trips a blind probe wrote (issue 30).
        "../../tests/fixtures/probe30/world.toml",
        "../../tests/fixtures/probe30/longtitle.toml",
        "../../tests/fixtures/probe30/gulf_australia.toml",
        "../../tests/fixtures/probe30/norway_iraq.toml",
        "../../tests/fixtures/probe30/pacific.toml",
        "../../tests/fixtures/probe30/drc.toml",
        "../../tests/fixtures/probe30/transsib.toml",
        "../../tests/fixtures/probe30/outback.toml",
        "../../tests/fixtures/probe30/fareast_twice.toml",
        "../../tests/fixtures/probe30/kju_beijing.toml",
        // And those of the second probe, after the fixes.
        "../../tests/fixtures/probe30/andes.toml",
        "../../tests/fixtures/probe30/andes_twice.toml",
        "../../tests/fixtures/probe30/arctic.toml",
        "../../tests/fixtures/probe30/pacific_islands.toml",
        "../../tests/fixtures/probe30/sahel.toml",
        "../../tests/fixtures/probe30/silkroad.toml",
    ]
    .into_iter()
    .map(|p| {
        let (r, t) = file_routes(p);
        (p.rsplit('/').next().unwrap_or(p).to_string(), r, t)
    })
    .collect();
    let world: [&[&str]; 5] = [
        &[
            "London",
            "New York City",
            "Los Angeles",
            "Tokyo",
            "Singapore",
            "Dubai",
            "London",
        ],
        &["Kuwait City", "Doha", "Colombo", "Perth", "Sydney"],
        &[
            "Oslo",
            "Copenhagen",
            "Berlin",
            "Vienna",
            "Istanbul",
            "Ankara",
            "Baghdad",
        ],
        &["Auckland", "Suva", "Honolulu", "Anchorage", "Tokyo"],
        &[
            "Cairo",
            "Khartoum",
            "Addis Ababa",
            "Nairobi",
            "Kinshasa",
            "Lagos",
            "Dakar",
        ],
    ];
    out.extend(world.iter().map(|n| (n.join("-"), routes(n), None)));
    out
}

/// Whether the segment `a`-`b` passes through `r`.
fn crosses(a: Px, b: Px, r: &Rect) -> bool {
    clip::clip_segment(a, b, r).is_some()
}

/// What of the routes and markers the box `r` covers, if any.
fn covers(s: &Scene, r: &Rect) -> Option<String> {
    for layer in &s.routes {
        for (_, runs) in &layer.legs {
            for run in runs {
                if run.windows(2).any(|w| crosses(w[0], w[1], r)) {
                    return Some(format!("a leg of {}", layer.name));
                }
            }
        }
    }
    for layer in &s.routes {
        for t in &layer.arrows {
            let edges = [(t[0], t[1]), (t[1], t[2]), (t[2], t[0])];
            if edges.iter().any(|&(a, b)| crosses(a, b, r)) {
                return Some(format!("an arrow of {}", layer.name));
            }
        }
    }
    s.markers
        .iter()
        .find(|m| r.grow(m.radius).contains(m.at))
        .map(|m| format!("the marker at {:?}", m.at))
}

fn distance_to_box(p: Px, r: &Rect) -> f64 {
    let dx = (r.x0 - p.0).max(0.0).max(p.0 - r.x1);
    let dy = (r.y0 - p.1).max(0.0).max(p.1 - r.y1);
    dx.hypot(dy)
}

fn options(width: u32, height: u32, projection: ProjectionChoice) -> MapOptions {
    MapOptions {
        width,
        height,
        projection,
        ..MapOptions::default()
    }
}

/// Each trip at 1600 x 1000, in the automatic projection and in Robinson: its name, routes,
/// projection and scene.
fn maps() -> Vec<(String, Vec<Route>, ProjectionChoice, Scene)> {
    let mut out = Vec::new();
    for (name, routes, title) in trips() {
        for projection in [ProjectionChoice::Auto, ProjectionChoice::Robinson] {
            let o = options(1600, 1000, projection.clone());
            let s = build(&routes, title.as_deref(), &o).unwrap();
            out.push((name.clone(), routes.clone(), projection, s));
        }
    }
    out
}

#[test]
fn context_labels_cover_no_route_marker_or_stop_label() {
    for (name, _, projection, s) in maps() {
        for l in &s.labels[s.stop_label_count..] {
            let b = l.bounds().grow(1.0);
            assert_eq!(covers(&s, &b), None, "{name} {projection:?}: {}", l.text);
            for stop in &s.labels[..s.stop_label_count] {
                assert!(
                    !b.overlaps(&stop.bounds()),
                    "{name}: {} on {}",
                    l.text,
                    stop.text
                );
            }
        }
    }
}

#[test]
fn every_stop_label_sits_by_its_marker_or_has_a_leader() {
    for (name, routes, projection, s) in maps() {
        let radius = stops::marker_radius(s.unit);
        // Next to its marker: within the first ring of positions, a pixel to spare.
        let near = radius + 3.0 + 1.0;
        for l in &s.labels[..s.stop_label_count] {
            let b = l.bounds();
            let stop = routes
                .iter()
                .flat_map(|r| &r.stops)
                .find(|st| st.label == l.text)
                .unwrap_or_else(|| panic!("{name}: no stop labelled {}", l.text));
            let at = s.locate(stop.lon, stop.lat).unwrap();
            let own = s
                .markers
                .iter()
                .min_by(|a, c| {
                    let d = |m: &Marker| {
                        (m.leader.unwrap_or(m.at).0 - at.0).hypot(m.leader.unwrap_or(m.at).1 - at.1)
                    };
                    d(a).total_cmp(&d(c))
                })
                .unwrap();
            let mine = distance_to_box(own.at, &b);
            let nearest_other = s
                .markers
                .iter()
                .filter(|m| m.at != own.at)
                .map(|m| distance_to_box(m.at, &b))
                .fold(f64::MAX, f64::min);
            let beside = mine <= near && nearest_other >= mine - 0.5;
            let tied = s.label_leaders.iter().any(|[from, to]| {
                (from.0 - own.at.0).hypot(from.1 - own.at.1) <= radius + 0.5
                    && distance_to_box(*to, &b) <= 2.0
            });
            assert!(
                beside || tied,
                "{name} {projection:?}: {} is {mine:.1} px from its marker ({nearest_other:.1} from another) with no leader",
                l.text
            );
        }
    }
}

#[test]
fn legend_scale_bar_and_title_fit_the_room_and_cover_no_route_at_column_widths() {
    for (name, routes, title) in trips() {
        for (w, h) in [(200, 200), (350, 600), (400, 250), (600, 400), (1600, 1000)] {
            let s = build(
                &routes,
                title.as_deref(),
                &options(w, h, ProjectionChoice::Auto),
            )
            .unwrap();
            if let Some(l) = &s.legend {
                assert_eq!(covers(&s, &l.rect), None, "{name} {w}x{h}: the legend");
                assert!(
                    l.rect.x0 >= 0.0 && l.rect.x1 <= f64::from(w),
                    "{name} {w}x{h}: legend off the page"
                );
            }
            if let Some(b) = &s.scale_bar {
                assert_eq!(
                    covers(&s, &b.backdrop()),
                    None,
                    "{name} {w}x{h}: the scale bar"
                );
            }
            for t in s.titles.iter().chain(std::iter::once(&s.attribution)) {
                let b = t.bounds();
                assert!(
                    b.x0 >= 0.0 && b.x1 <= f64::from(w),
                    "{name} {w}x{h}: `{}` is clipped",
                    t.text
                );
                assert!(
                    b.y1 <= s.frame.y0 || std::ptr::eq(t, &s.attribution),
                    "{name} {w}x{h}: `{}` runs into the map",
                    t.text
                );
            }
            // What was left out, the map says.
            if s.legend.is_none() {
                assert!(
                    s.warnings.iter().any(|w| w.contains("legend")),
                    "{name} {w}x{h}: {:?}",
                    s.warnings
                );
            }
        }
    }
}

#[test]
fn a_long_title_wraps_on_a_narrow_map() {
    let routes = routes(&["Lisbon", "Madrid", "Kyiv"]);
    let title =
        "The long way home: a stranded orchestra crosses six countries by bus to reach Kyiv";
    let s = build(
        &routes,
        Some(title),
        &options(300, 400, ProjectionChoice::Auto),
    )
    .unwrap();
    assert!(s.titles.len() >= 2, "{:?}", s.titles);
    let words: Vec<&str> = s.titles.iter().flat_map(|t| t.text.split(' ')).collect();
    assert_eq!(words.join(" "), title, "every word, in order");
    // And a short one keeps its size on a wide map.
    let s = build(
        &routes,
        Some("Lisbon to Kyiv"),
        &options(1600, 1000, ProjectionChoice::Auto),
    )
    .unwrap();
    assert_eq!(s.titles[0].size, 34.0);
}

/// The point halfway along a leg's drawn runs.
fn middle(runs: &[Vec<Px>]) -> Option<Px> {
    let pts: Vec<Px> = runs.iter().flatten().copied().collect();
    pts.get(pts.len() / 2).copied()
}

#[test]
fn legs_that_share_a_track_are_drawn_apart() {
    let (kji, title) = file_routes("../../geodata/trips/kji-2001.toml");
    let mut two_trips = routes(&["London", "Brussels"]);
    two_trips.extend(routes(&["London", "Brussels", "London"]));
    for (name, routes, title) in [
        ("kji-2001", kji, title),
        ("London-Brussels", two_trips, None),
    ] {
        let s = build(
            &routes,
            title.as_deref(),
            &options(1600, 1000, ProjectionChoice::Auto),
        )
        .unwrap();
        let mut pairs = 0;
        let legs: Vec<(&route::Leg, &Vec<Vec<Px>>)> = routes
            .iter()
            .zip(&s.routes)
            .flat_map(|(r, layer)| r.legs.iter().zip(layer.legs.iter().map(|(_, runs)| runs)))
            .collect();
        for (i, (a, ra)) in legs.iter().enumerate() {
            for (b, rb) in &legs[i + 1..] {
                let same = |p: geo::Coord, q: geo::Coord| {
                    (p.x - q.x).abs() < 1e-6 && (p.y - q.y).abs() < 1e-6
                };
                let shared = (same(a.start, b.start) && same(a.end, b.end))
                    || (same(a.start, b.end) && same(a.end, b.start));
                if !shared {
                    continue;
                }
                pairs += 1;
                let (Some(p), Some(q)) = (middle(ra), middle(rb)) else {
                    continue;
                };
                let apart = (p.0 - q.0).hypot(p.1 - q.1);
                assert!(
                    apart >= 4.0,
                    "{name}: two legs share a track {apart:.1} px apart"
                );
            }
        }
        assert!(
            pairs >= 2,
            "{name}: the test needs legs that share a track ({pairs})"
        );
    }
}
