use super::*;
use crate::gazetteer::Gazetteer;
use crate::route;
use crate::trip::{self, ResolveOptions, Rgb, TripPlan};

pub(super) fn routes(names: &[&str]) -> Vec<Route> {
    let plan = TripPlan::from_names(names);
    let r = trip::resolve(&plan, Gazetteer::bundled(), &ResolveOptions::default()).unwrap();
    r.trips.iter().map(route::build).collect()
}

#[test]
fn regional_scene_has_layers_labels_and_decorations() {
    let s = build(
        &routes(&["Khasan", "Ussuriysk", "Ulan-Ude"]),
        Some("Test"),
        &MapOptions::default(),
    )
    .unwrap();
    assert!(s.projection.starts_with("+proj=lcc"), "{}", s.projection);
    assert_eq!(s.detail, Detail::Medium);
    assert!(
        !s.land.is_empty()
            && !s.lakes.is_empty()
            && !s.borders.is_empty()
            && !s.graticule.is_empty()
    );
    assert_eq!(s.routes.len(), 1);
    assert_eq!(s.routes[0].legs.len(), 2);
    assert_eq!(s.routes[0].arrows.len(), 2);
    assert_eq!(s.markers.len(), 3);
    for name in ["Khasan", "Ussuriysk", "Ulan-Ude"] {
        assert!(s.labels.iter().any(|l| l.text == name), "no label {name}");
    }
    assert!(s.unplaced.is_empty(), "{:?}", s.unplaced);
    assert!(s.legend.is_some() && s.scale_bar.is_some());
    assert!(s.graticule_labels.len() >= 4);
    // Labels do not overlap each other.
    for (i, a) in s.labels.iter().enumerate() {
        for b in &s.labels[i + 1..] {
            assert!(
                !a.bounds().overlaps(&b.bounds()),
                "{} overlaps {}",
                a.text,
                b.text
            );
        }
    }
}

#[test]
fn world_trip_uses_a_world_projection_and_no_line_spans_the_map() {
    let s = build(
        &routes(&["Tokyo", "Los Angeles", "London"]),
        None,
        &MapOptions::default(),
    )
    .unwrap();
    assert!(
        s.projection.starts_with("+proj=eqearth"),
        "{}",
        s.projection
    );
    let width = s.frame.width();
    for r in &s.routes {
        for (_, runs) in &r.legs {
            for run in runs {
                for w in run.windows(2) {
                    assert!(
                        (w[1].0 - w[0].0).abs() < width / 2.0,
                        "a segment spans the map"
                    );
                }
            }
        }
    }
}

#[test]
fn antimeridian_trip_is_regional_and_continuous() {
    let s = build(&routes(&["Anadyr", "Nome"]), None, &MapOptions::default()).unwrap();
    assert!(s.projection.starts_with("+proj=lcc"), "{}", s.projection);
    let runs = &s.routes[0].legs[0].1;
    // One line (simplified to the pixel grid: straight on this conic map, so its two ends),
    // without a jump: no longer than the chord between its ends, but for a curve.
    assert_eq!(runs.len(), 1);
    let run = &runs[0];
    let dist = |a: Px, b: Px| (b.0 - a.0).hypot(b.1 - a.1);
    let length: f64 = run.windows(2).map(|w| dist(w[0], w[1])).sum();
    let chord = dist(run[0], run[run.len() - 1]);
    assert!(
        chord > 100.0 && length < 1.05 * chord,
        "jump in the line: {length} px for {chord}"
    );
}

#[test]
fn bad_options_are_bad_input() {
    let r = routes(&["Khasan", "Ussuriysk"]);
    let o = MapOptions {
        width: 0,
        ..MapOptions::default()
    };
    assert!(
        build(&r, None, &o)
            .unwrap_err()
            .to_string()
            .contains("width `0`")
    );
    let o = MapOptions {
        bbox: Some(BoundingBox {
            west: 100.0,
            south: 50.0,
            east: 140.0,
            north: 40.0,
        }),
        ..MapOptions::default()
    };
    let e = build(&r, None, &o).unwrap_err();
    assert!(e.is_bad_input() && e.to_string().contains("south"), "{e}");
}

#[test]
fn bbox_override_sets_the_window() {
    let r = routes(&["Khasan", "Ussuriysk"]);
    let o = MapOptions {
        bbox: Some(BoundingBox {
            west: 100.0,
            south: 35.0,
            east: 150.0,
            north: 60.0,
        }),
        ..MapOptions::default()
    };
    let s = build(&r, None, &o).unwrap();
    assert!(
        s.graticule_labels
            .iter()
            .any(|l| l.text.contains("110°E") || l.text.contains("120°E"))
    );
}

#[test]
fn date_ranges_read_well() {
    assert_eq!(
        pretty_range(
            &"2011-08-20".parse().unwrap(),
            &"2011-08-27".parse().unwrap()
        ),
        "20–27 August 2011"
    );
    assert_eq!(
        pretty_range(
            &"2001-07-26".parse().unwrap(),
            &"2001-08-18".parse().unwrap()
        ),
        "26 July – 18 August 2001"
    );
    assert_eq!(
        pretty_range(
            &"2001-07-26".parse().unwrap(),
            &"2011-08-27".parse().unwrap()
        ),
        "26 July 2001 – 27 August 2011"
    );
    assert_eq!(
        pretty_range(&"2011".parse().unwrap(), &"2011".parse().unwrap()),
        "2011"
    );
    assert_eq!(thousands(2872.2), "2,872");
    assert_eq!(thousands(999.0), "999");
    assert_eq!(readable_distance(0.36), "0.4");
    assert_eq!(readable_distance(9.94), "9.9");
    assert_eq!(readable_distance(9.96), "10");
    assert_eq!(readable_distance(2872.2), "2,872");
}

/// The structure of the 2011 example's scene: projection, layers, labels, legend, scale bar.
/// Counts and texts, not floats, so it is stable; review changes with `cargo insta review`.
#[test]
fn scene_structure_snapshot() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../geodata/trips/kji-2011.toml");
    let plan =
        crate::formats::read_trips(&crate::source::SourceFile::read(&path).unwrap()).unwrap();
    let r = trip::resolve(&plan, Gazetteer::bundled(), &ResolveOptions::default()).unwrap();
    let routes: Vec<Route> = r.trips.iter().map(route::build).collect();
    let s = build(&routes, r.title.as_deref(), &MapOptions::default()).unwrap();
    let mut out = String::new();
    out.push_str(&format!(
        "size {}x{}, projection {}, detail {:?}\n",
        s.width, s.height, s.projection, s.detail
    ));
    out.push_str(&format!(
        "layers: land {} lakes {} rivers {} borders {} graticule {}\n",
        s.land.len(),
        s.lakes.len(),
        s.rivers.len(),
        s.borders.len(),
        s.graticule.len()
    ));
    let grat: Vec<&str> = s.graticule_labels.iter().map(|l| l.text.as_str()).collect();
    out.push_str(&format!("graticule labels: {grat:?}\n"));
    for r in &s.routes {
        let runs: Vec<usize> = r.legs.iter().map(|(_, runs)| runs.len()).collect();
        out.push_str(&format!(
            "route {:?}: {} legs, runs {runs:?}, {} arrows\n",
            r.name,
            r.legs.len(),
            r.arrows.len()
        ));
    }
    out.push_str(&format!(
        "markers: {} ({} terminal)\n",
        s.markers.len(),
        s.markers.iter().filter(|m| m.terminal).count()
    ));
    let mut labels: Vec<&str> = s.labels.iter().map(|l| l.text.as_str()).collect();
    labels.sort_unstable();
    out.push_str(&format!("labels: {labels:?}\nunplaced: {:?}\n", s.unplaced));
    for row in &s.legend.as_ref().unwrap().rows {
        out.push_str(&format!(
            "legend: {} | {} | {:?}\n",
            row.name.text, row.detail.text, row.mode
        ));
    }
    let sb: Vec<&str> = s
        .scale_bar
        .as_ref()
        .unwrap()
        .labels
        .iter()
        .map(|l| l.text.as_str())
        .collect();
    out.push_str(&format!("scale bar: {sb:?}\n"));
    let titles: Vec<&str> = s.titles.iter().map(|l| l.text.as_str()).collect();
    out.push_str(&format!(
        "titles: {titles:?}\nattribution: {}\n",
        s.attribution.text
    ));
    insta::assert_snapshot!(out);
}

#[test]
fn projections_round_trip() {
    let e = BoundingBox {
        west: 107.6,
        south: 42.4,
        east: 131.9,
        north: 51.8,
    };
    let p = Projector::new(&ProjectionChoice::Auto, &e).unwrap();
    let back = p.unproject(p.project(120.0, 47.0).unwrap()).unwrap();
    assert!(
        (back.0 - 120.0).abs() < 1e-6 && (back.1 - 47.0).abs() < 1e-6,
        "{back:?}"
    );
}

fn example_routes(name: &str) -> (Vec<Route>, Option<String>) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../geodata/trips")
        .join(name);
    let plan =
        crate::formats::read_trips(&crate::source::SourceFile::read(&path).unwrap()).unwrap();
    let r = trip::resolve(&plan, Gazetteer::bundled(), &ResolveOptions::default()).unwrap();
    (r.trips.iter().map(route::build).collect(), r.title)
}

#[test]
fn labels_overlap_neither_each_other_nor_markers_in_any_example() {
    for name in [
        "kji-2001.toml",
        "kji-2002.toml",
        "kji-2011.toml",
        "kji-2011-china.toml",
    ] {
        let (routes, title) = example_routes(name);
        for (w, h) in [(1600, 1000), (800, 600)] {
            let o = MapOptions {
                width: w,
                height: h,
                ..MapOptions::default()
            };
            let s = build(&routes, title.as_deref(), &o).unwrap();
            for (i, a) in s.labels.iter().enumerate() {
                let ba = a.bounds();
                assert!(
                    s.frame.contains((ba.x0, ba.y0)) && s.frame.contains((ba.x1, ba.y1)),
                    "{name}: {} leaves the frame",
                    a.text
                );
                for b in &s.labels[i + 1..] {
                    assert!(
                        !ba.overlaps(&b.bounds()),
                        "{name} {w}x{h}: {} overlaps {}",
                        a.text,
                        b.text
                    );
                }
                for m in &s.markers {
                    let mb = Rect {
                        x0: m.at.0 - m.radius,
                        y0: m.at.1 - m.radius,
                        x1: m.at.0 + m.radius,
                        y1: m.at.1 + m.radius,
                    };
                    assert!(
                        !ba.overlaps(&mb),
                        "{name} {w}x{h}: {} covers a marker",
                        a.text
                    );
                }
                if let Some(l) = &s.legend {
                    assert!(!ba.overlaps(&l.rect), "{name}: {} under the legend", a.text);
                }
            }
        }
    }
}

#[test]
fn ussuriysk_and_vladivostok_both_get_labels() {
    let s = build(
        &routes(&[
            "Khasan",
            "Ussuriysk",
            "Vladivostok",
            "Khabarovsk",
            "Ulan-Ude",
        ]),
        None,
        &MapOptions::default(),
    )
    .unwrap();
    let u = s
        .labels
        .iter()
        .find(|l| l.text == "Ussuriysk")
        .expect("Ussuriysk label");
    let v = s
        .labels
        .iter()
        .find(|l| l.text == "Vladivostok")
        .expect("Vladivostok label");
    assert!(!u.bounds().overlaps(&v.bounds()));
}

#[test]
fn labels_stay_in_the_script_they_were_written_in() {
    let s = build(
        &routes(&["Улан-Удэ", "Иркутск", "블라디보스토크"]),
        None,
        &MapOptions::default(),
    )
    .unwrap();
    let texts: Vec<&str> = s.labels.iter().map(|l| l.text.as_str()).collect();
    for name in ["Улан-Удэ", "Иркутск", "블라디보스토크"] {
        assert!(texts.contains(&name), "{name}: {texts:?}");
    }
    // A script no embedded face has falls back to the gazetteer's Latin name.
    let runic = trip::Trip {
        name: "T".into(),
        color: Rgb::hex(0x000000),
        mode: Mode::default(),
        kind: crate::trip::TripKind::Journey,
        stops: vec![
            trip::Stop {
                label: "ᚢᛚᚨᚾ".into(),
                ..r_stop(&routes(&["Ulan-Ude"])[0])
            },
            r_stop(&routes(&["Irkutsk"])[0]),
        ],
    };
    let s = build(&[route::build(&runic)], None, &MapOptions::default()).unwrap();
    let texts: Vec<&str> = s.labels.iter().map(|l| l.text.as_str()).collect();
    assert!(texts.contains(&"Ulan-Ude"), "{texts:?}");
}

/// The first stop of a route, as a trip stop.
fn r_stop(r: &Route) -> trip::Stop {
    r.stops[0].clone()
}

#[test]
fn polar_route_gets_a_polar_projection() {
    let s = build(
        &routes(&["Longyearbyen", "Murmansk"]),
        None,
        &MapOptions::default(),
    )
    .unwrap();
    assert!(s.projection.starts_with("+proj=stere"), "{}", s.projection);
    assert!(!s.land.is_empty());
}

#[test]
fn the_basemap_and_context_places_come_from_the_caller() {
    // An empty basemap: the scene draws no land, only what the context gives and the trip.
    let context = Context {
        basemap: |_, _| crate::basemap::Basemap::default(),
        places: Gazetteer::bundled(),
    };
    let trip = routes(&["Khasan", "Ussuriysk", "Ulan-Ude"]);
    let s = build_in(&context, &trip, Some("Test"), &MapOptions::default()).unwrap();
    assert!(s.land.is_empty() && s.lakes.is_empty() && s.borders.is_empty());
    assert_eq!(s.routes[0].legs.len(), 2);
    // The same trip in the bundled context has land.
    let bundled = build(&trip, Some("Test"), &MapOptions::default()).unwrap();
    assert!(!bundled.land.is_empty());
}

#[test]
fn every_mode_has_a_stroke_of_its_own() {
    let modes = [Mode::Rail, Mode::Road, Mode::Air, Mode::Sea, Mode::Unknown];
    let strokes: Vec<Stroke> = modes.iter().map(|&m| Stroke::for_mode(m)).collect();
    for (i, a) in strokes.iter().enumerate() {
        for b in &strokes[i + 1..] {
            assert_ne!(a, b);
        }
    }
    // Each leg is drawn in its own mode's stroke, the legend swatch in the main mode's.
    let (routes, title) = example_routes("kji-2011.toml");
    let s = build(&routes, title.as_deref(), &MapOptions::default()).unwrap();
    for (layer, route) in s.routes.iter().zip(&routes) {
        for ((stroke, _), leg) in layer.legs.iter().zip(&route.legs) {
            assert_eq!(*stroke, Stroke::for_mode(leg.mode));
        }
    }
    let row = &s.legend.as_ref().expect("a legend").rows[0];
    assert_eq!(row.mode, Mode::Rail);
    assert_eq!(row.stroke, Stroke::for_mode(Mode::Rail));
}

/// Distance in pixels from `p` to the segment `a`–`b`.
fn to_segment(p: Px, a: Px, b: Px) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    (p.0 - a.0 - t * dx).hypot(p.1 - a.1 - t * dy)
}

#[test]
fn every_arrow_sits_on_a_drawn_leg() {
    // Tokyo → Los Angeles crosses ±180°: its two pieces once got an arrow on the jump between
    // them, in mid-Atlantic. The rest are ordinary, polar and Pacific trips.
    let trips: [&[&str]; 5] = [
        &["Tokyo", "Los Angeles", "London"],
        &["Khasan", "Ussuriysk", "Ulan-Ude"],
        &["Anadyr", "Nome"],
        &["Oslo", "Tromsø", "Longyearbyen", "Anchorage"],
        &["Sydney", "Honolulu", "Santiago"],
    ];
    for names in trips {
        let s = build(&routes(names), None, &MapOptions::default()).unwrap();
        let arrows: usize = s.routes.iter().map(|r| r.arrows.len()).sum();
        assert!(arrows > 0, "{names:?}: no arrow at all");
        for r in &s.routes {
            for tri in &r.arrows {
                // The triangle's centre of mass is a third of the way from the middle of its
                // back to its tip; the arrow's anchor (on the line) is halfway.
                let back = ((tri[1].0 + tri[2].0) / 2.0, (tri[1].1 + tri[2].1) / 2.0);
                let mid = ((back.0 + tri[0].0) / 2.0, (back.1 + tri[0].1) / 2.0);
                let nearest = r
                    .legs
                    .iter()
                    .flat_map(|(_, runs)| runs)
                    .flat_map(|run| run.windows(2))
                    .map(|w| to_segment(mid, w[0], w[1]))
                    .fold(f64::INFINITY, f64::min);
                assert!(
                    nearest < 1.0,
                    "{names:?}: an arrow at {mid:?} is {nearest:.0} px from every drawn leg"
                );
            }
        }
    }
}

#[test]
fn an_arctic_trip_gets_a_polar_map_not_a_world_one() {
    let s = build(
        &routes(&["Oslo", "Tromsø", "Longyearbyen", "Anchorage"]),
        None,
        &MapOptions::default(),
    )
    .unwrap();
    assert!(
        s.projection.starts_with("+proj=stere +lat_0=90"),
        "{}",
        s.projection
    );
    // The route fills the frame instead of hugging its top edge.
    let xs: Vec<f64> = s.markers.iter().map(|m| m.at.0).collect();
    let spread = |v: &[f64]| {
        v.iter().copied().fold(f64::MIN, f64::max) - v.iter().copied().fold(f64::MAX, f64::min)
    };
    assert!(spread(&xs) > s.frame.width() * 0.6, "{xs:?}");
    // A wide trip that reaches the tropics stays on a world map.
    let w = build(
        &routes(&["Oslo", "Anchorage", "Honolulu"]),
        None,
        &MapOptions::default(),
    )
    .unwrap();
    assert!(
        w.projection.starts_with("+proj=eqearth"),
        "{}",
        w.projection
    );
}

/// Twice the signed area of a ring (shoelace), pixels².
#[test]
fn a_world_map_fills_only_the_globe_with_sea() {
    let world = build(
        &routes(&["Tokyo", "Los Angeles", "London"]),
        None,
        &MapOptions::default(),
    )
    .unwrap();
    let f = world.frame;
    let frame_area = f.width() * f.height();
    let globe = clip::ring_area(&world.sea);
    // An ellipse-like globe inside a rectangle: well under the frame, well over half of it.
    assert!(
        globe < 0.95 * frame_area && globe > 0.6 * frame_area,
        "{globe} of {frame_area}"
    );
    assert!(world.sea.iter().all(|p| f.grow(0.5).contains(*p)));
    // The frame's corners are page, not sea.
    assert!(!clip::ring_contains(&world.sea, (f.x0 + 2.0, f.y0 + 2.0)));
    assert!(clip::ring_contains(
        &world.sea,
        ((f.x0 + f.x1) / 2.0, (f.y0 + f.y1) / 2.0)
    ));
    // A regional map's sea is its frame.
    let regional = build(
        &routes(&["Khasan", "Ulan-Ude"]),
        None,
        &MapOptions::default(),
    )
    .unwrap();
    let r = regional.frame;
    assert!((clip::ring_area(&regional.sea) - r.width() * r.height()).abs() < 1e-6);
}

#[test]
fn degree_labels_stand_on_all_four_sides() {
    let (routes, title) = example_routes("kji-2011.toml");
    let s = build(&routes, title.as_deref(), &MapOptions::default()).unwrap();
    let f = s.frame;
    let side = |pred: &dyn Fn(&Rect) -> bool| {
        s.graticule_labels
            .iter()
            .filter(|l| pred(&l.bounds()))
            .count()
    };
    assert!(side(&|b| b.x1 <= f.x0) >= 3, "left");
    assert!(side(&|b| b.x0 >= f.x1) >= 3, "right");
    assert!(side(&|b| b.y1 <= f.y0) >= 5, "top");
    assert!(side(&|b| b.y0 >= f.y1) >= 5, "bottom");
    // Nothing drawn off the page.
    for l in &s.graticule_labels {
        let b = l.bounds();
        assert!(
            b.x0 >= 0.0 && b.y0 >= 0.0 && b.x1 <= f64::from(s.width) && b.y1 <= f64::from(s.height),
            "{}",
            l.text
        );
    }
    // A world map labels parallels at both edges of the globe, every 30°.
    let w = build(
        &self::routes(&["Tokyo", "Los Angeles", "London"]),
        None,
        &MapOptions::default(),
    )
    .unwrap();
    let lats = w
        .graticule_labels
        .iter()
        .filter(|l| l.text.ends_with('N') || l.text.ends_with('S'))
        .count();
    assert!(lats >= 8, "{lats} latitude labels");
}

#[test]
fn the_basemap_detail_follows_the_pixel_size() {
    // A 45° window drawn 1600 px wide keeps the 1:50m coast (it fell to 1:110m by its degrees).
    let r = routes(&["Khasan", "Vladivostok"]);
    let window = |width: u32, height: u32| MapOptions {
        bbox: Some(BoundingBox {
            west: 100.0,
            south: 35.0,
            east: 145.0,
            north: 60.0,
        }),
        width,
        height,
        ..MapOptions::default()
    };
    assert_eq!(
        build(&r, None, &window(1600, 1000)).unwrap().detail,
        Detail::Medium
    );
    // The same window as a thumbnail needs no more than 1:110m.
    assert_eq!(
        build(&r, None, &window(400, 250)).unwrap().detail,
        Detail::Low
    );
    // A city-scale trip gets 1:10m; Tokyo to London (a conic map at 7.8 km a pixel) 1:110m.
    let bay = build(
        &routes(&["Vladivostok", "Nakhodka"]),
        None,
        &MapOptions::default(),
    )
    .unwrap();
    assert_eq!(bay.detail, Detail::High);
    let world = build(&routes(&["Tokyo", "London"]), None, &MapOptions::default()).unwrap();
    assert_eq!(world.detail, Detail::Low);
}

#[test]
fn maps_speak_the_units_asked_for() {
    let r = routes(&["Khasan", "Ussuriysk", "Ulan-Ude"]);
    let detail = |s: &Scene| s.legend.as_ref().unwrap().rows[0].detail.text.clone();
    let last_tick = |s: &Scene| s.scale_bar.as_ref().unwrap().labels[2].text.clone();
    let km = build(&r, None, &MapOptions::default()).unwrap();
    assert!(
        detail(&km).ends_with(" km straight-line"),
        "{}",
        detail(&km)
    );
    assert!(last_tick(&km).ends_with(" km"));
    for (units, name) in [(route::Units::Mi, "mi"), (route::Units::Nmi, "nmi")] {
        let o = MapOptions {
            units,
            ..MapOptions::default()
        };
        let s = build(&r, None, &o).unwrap();
        assert!(
            detail(&s).ends_with(&format!(" {name} straight-line")),
            "{}",
            detail(&s)
        );
        assert!(
            last_tick(&s).ends_with(&format!(" {name}")),
            "{}",
            last_tick(&s)
        );
        // The bar is as long as its label says, in that unit.
        let bar = s.scale_bar.as_ref().unwrap();
        let number: f64 = last_tick(&s)
            .split(' ')
            .next()
            .unwrap()
            .replace(',', "")
            .parse()
            .unwrap();
        let km_bar = km.scale_bar.as_ref().unwrap();
        let km_number: f64 = last_tick(&km)
            .split(' ')
            .next()
            .unwrap()
            .replace(',', "")
            .parse()
            .unwrap();
        let px_per_m = bar.segment_px * bar.segments as f64 / (number * units.metres());
        let km_px_per_m = km_bar.segment_px * km_bar.segments as f64 / (km_number * 1000.0);
        assert!(
            (px_per_m / km_px_per_m - 1.0).abs() < 1e-9,
            "{px_per_m} vs {km_px_per_m}"
        );
    }
}

#[test]
fn close_stops_get_markers_apart_with_leaders_to_their_places() {
    let (routes, title) = example_routes("kji-2011.toml");
    let s = build(&routes, title.as_deref(), &MapOptions::default()).unwrap();
    // Tumangang and Khasan (about 2 km apart) were one blot; no two markers overlap now.
    for (i, a) in s.markers.iter().enumerate() {
        for b in &s.markers[i + 1..] {
            let d = (a.at.0 - b.at.0).hypot(a.at.1 - b.at.1);
            assert!(
                d >= a.radius + b.radius,
                "markers {:?} and {:?} overlap",
                a.at,
                b.at
            );
        }
    }
    // Each moved marker's leader starts at a stop's true place.
    let places: Vec<Px> = routes
        .iter()
        .flat_map(|r| &r.stops)
        .filter_map(|st| s.locate(st.lon, st.lat))
        .collect();
    let leaders: Vec<Px> = s.markers.iter().filter_map(|m| m.leader).collect();
    assert!(leaders.len() >= 4, "{} leaders", leaders.len());
    for l in &leaders {
        assert!(
            places.iter().any(|p| (p.0 - l.0).hypot(p.1 - l.1) < 1e-6),
            "a leader from {l:?}, where no stop is"
        );
    }
    // Labels follow: Tumangang's label sits beside its moved marker.
    let tumangang = s
        .labels
        .iter()
        .find(|l| l.text == "Tumangang")
        .unwrap()
        .bounds();
    let near = s
        .markers
        .iter()
        .any(|m| m.leader.is_some() && tumangang.grow(m.radius + 4.0).contains(m.at));
    assert!(near, "Tumangang's label is not beside a moved marker");
}

#[test]
fn a_small_area_gets_a_locator_inset_that_shows_where_it_is() {
    let r = routes(&["Khasan", "Ussuriysk", "Vladivostok"]);
    let s = build(&r, None, &MapOptions::default()).unwrap();
    let inset = s.inset.as_ref().expect("an inset on a 2° map");
    let f = s.frame;
    let box_ = inset.rect;
    assert!(box_.x0 >= f.x0 && box_.x1 <= f.x1 && box_.y0 >= f.y0 && box_.y1 <= f.y1);
    assert!(!inset.land.is_empty(), "the inset shows land");
    // The window's outline lies inside the inset, away from its edges (the surroundings show).
    assert!(inset.window.len() >= 4);
    for p in &inset.window {
        assert!(box_.grow(-5.0).contains(*p), "{p:?} outside {box_:?}");
    }
    // Nothing else sits on it: no label, marker, legend or scale bar.
    for l in &s.labels {
        assert!(!l.bounds().overlaps(&box_), "label {} on the inset", l.text);
    }
    for m in &s.markers {
        assert!(!box_.contains(m.at));
    }
    assert!(!s.legend.as_ref().unwrap().rect.overlaps(&box_));
    assert!(!s.scale_bar.as_ref().unwrap().bounds().overlaps(&box_));
    // None when asked, none on a wide map.
    let off = MapOptions {
        inset: InsetMode::None,
        ..MapOptions::default()
    };
    assert!(build(&r, None, &off).unwrap().inset.is_none());
    let (wide, title) = example_routes("kji-2011.toml");
    assert!(
        build(&wide, title.as_deref(), &MapOptions::default())
            .unwrap()
            .inset
            .is_none()
    );
}

#[test]
fn every_route_colour_stands_out_from_the_land_on_both_themes() {
    let palette = [
        0xd55e00, 0x0072b2, 0x009e73, 0xcc79a7, 0xe69f00, 0x56b4e9, 0x000000, 0xf0e442, 0xffffff,
    ];
    for theme in [Theme::Light, Theme::Dark] {
        let p = theme.palette();
        for hex in palette.map(Rgb::hex) {
            let drawn = p.route(hex);
            let c = style::contrast(drawn, p.land);
            assert!(
                c >= style::ROUTE_CONTRAST - 1e-9,
                "{hex} on {theme:?}: {c:.2}"
            );
        }
    }
    // A colour that already stands out is drawn as given, and a pale one keeps its hue.
    let light = Theme::Light.palette();
    assert_eq!(light.route(Rgb::hex(0x0072b2)), Color::rgb(0x0072b2));
    let orange = light.route(Rgb::hex(0xe69f00));
    assert!(orange.r > orange.g && orange.g > orange.b, "{orange:?}");
}

#[test]
fn a_map_at_column_width_keeps_readable_labels() {
    let (routes, title) = example_routes("kji-2011.toml");
    let o = MapOptions {
        width: 600,
        height: 375,
        ..MapOptions::default()
    };
    let s = build(&routes, title.as_deref(), &o).unwrap();
    // Stop labels of at least 10 px, the smallest type of a news graphic.
    for l in &s.labels[..s.stop_label_count] {
        assert!(l.size >= 10.0, "{} at {} px", l.text, l.size);
    }
    assert!(
        s.stop_label_count >= 15,
        "{} stop labels",
        s.stop_label_count
    );
    for (i, a) in s.labels.iter().enumerate() {
        for b in &s.labels[i + 1..] {
            assert!(
                !a.bounds().overlaps(&b.bounds()),
                "{} over {}",
                a.text,
                b.text
            );
        }
    }
}

#[test]
fn stops_are_labelled_in_the_language_asked_for() {
    let r = routes(&["Khabarovsk", "Ussuriysk", "Ulan-Ude"]);
    let labels = |lang| {
        let o = MapOptions {
            label_lang: Some(lang),
            ..MapOptions::default()
        };
        let s = build(&r, None, &o).unwrap();
        s.labels[..s.stop_label_count]
            .iter()
            .map(|l| l.text.clone())
            .collect::<Vec<_>>()
    };
    let ru = labels(LabelLang::Ru);
    for name in ["Хабаровск", "Уссурийск", "Улан-Удэ"] {
        assert!(ru.iter().any(|t| t == name), "{name}: {ru:?}");
    }
    let ko = labels(LabelLang::Ko);
    assert!(ko.iter().any(|t| t == "하바롭스크"), "{ko:?}");
    // Without the option, the names as written.
    let s = build(&r, None, &MapOptions::default()).unwrap();
    assert!(s.labels.iter().any(|l| l.text == "Khabarovsk"));
}

#[test]
fn regional_maps_show_first_level_boundaries_and_world_maps_do_not() {
    let (routes, title) = example_routes("kji-2011.toml");
    let s = build(&routes, title.as_deref(), &MapOptions::default()).unwrap();
    // Oblasts, krais and provinces of Russia, China and Mongolia.
    assert!(s.regions.len() > 20, "{} region lines", s.regions.len());
    for l in &s.regions {
        assert!(l.iter().all(|p| s.frame.grow(0.5).contains(*p)));
    }
    let w = build(
        &self::routes(&["Tokyo", "London"]),
        None,
        &MapOptions::default(),
    )
    .unwrap();
    assert!(w.regions.is_empty());
}

#[test]
fn a_map_without_its_heading_gives_the_band_to_the_frame() {
    // The HTML page shows the title above the map: the map itself has neither the title nor
    // the room for it.
    let r = routes(&["Khasan", "Ussuriysk", "Ulan-Ude"]);
    let with = build(&r, Some("Test"), &MapOptions::default()).unwrap();
    let without = build(
        &r,
        Some("Test"),
        &MapOptions {
            heading: false,
            ..MapOptions::default()
        },
    )
    .unwrap();
    assert_eq!(with.titles.len(), 1);
    assert!(without.titles.is_empty());
    assert!(
        without.frame.y0 < with.frame.y0 - 40.0,
        "{} vs {}",
        without.frame.y0,
        with.frame.y0
    );
    assert_eq!(without.frame.y1, with.frame.y1);
}
