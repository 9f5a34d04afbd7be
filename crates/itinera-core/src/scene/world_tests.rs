//! Maps at any centre, projection and scale: routes across the Pacific and the date line,
//! world maps centred away from Greenwich, a box across ±180°, the inset there, a city walk.

use proptest::prelude::*;

use super::tests::routes;
use super::*;
use crate::export::testdata::{route as trip_route, stop};
use crate::gazetteer::Gazetteer;
use crate::trip;

/// Tokyo, Los Angeles and London as coordinates (GeoNames 1850147, 5368361, 2643743).
fn tokyo_la_london() -> Vec<Route> {
    vec![trip_route(
        "world",
        "#d55e00",
        vec![
            stop("Tokyo", 35.6895, 139.69171, None),
            stop("Los Angeles", 34.05223, -118.24368, None),
            stop("London", 51.50853, -0.12574, None),
        ],
    )]
}

/// A map with nothing but the routes and the basemap: no context labels, legend or inset.
fn plain(width: u32, height: u32, projection: ProjectionChoice) -> MapOptions {
    MapOptions {
        width,
        height,
        labels: LabelMode::Stops,
        legend: false,
        inset: InsetMode::None,
        projection,
        ..MapOptions::default()
    }
}

fn custom(s: &str) -> ProjectionChoice {
    s.parse().unwrap()
}

fn seg_len(a: Px, b: Px) -> f64 {
    (b.0 - a.0).hypot(b.1 - a.1)
}

/// Distance from `p` to the closed polyline `ring`.
fn to_ring(p: Px, ring: &[Px]) -> f64 {
    ring.iter()
        .zip(ring.iter().cycle().skip(1))
        .map(|(&a, &b)| {
            let (dx, dy) = (b.0 - a.0, b.1 - a.1);
            let l2 = dx * dx + dy * dy;
            let t = if l2 == 0.0 {
                0.0
            } else {
                (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / l2).clamp(0.0, 1.0)
            };
            seg_len(p, (a.0 + t * dx, a.1 + t * dy))
        })
        .fold(f64::MAX, f64::min)
}

fn on_land(s: &Scene, lon: f64, lat: f64) -> bool {
    let p = s.locate(lon, lat).unwrap();
    s.land.iter().any(|r| clip::ring_contains(r, p))
        && !s.lakes.iter().any(|r| clip::ring_contains(r, p))
}

/// Every segment of the basemap and graticule longer than a quarter of the frame runs along
/// the frame's edge or the globe's outline: none jumps across the map.
fn assert_no_jumps(s: &Scene, what: &str) {
    let f = s.frame;
    let limit = f.width() / 4.0;
    let on_frame = |p: Px| {
        (p.0 - f.x0).abs() < 0.5
            || (p.0 - f.x1).abs() < 0.5
            || (p.1 - f.y0).abs() < 0.5
            || (p.1 - f.y1).abs() < 0.5
    };
    let along_edge = |a: Px, b: Px| {
        let m = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
        let same_side = (a.0 - b.0).abs() < 0.5 || (a.1 - b.1).abs() < 0.5;
        (on_frame(a) && on_frame(b) && on_frame(m) && same_side)
            || [a, m, b].iter().all(|&p| to_ring(p, &s.sea) < 1.5)
    };
    let layers: [(&str, &Vec<Vec<Px>>, bool); 6] = [
        ("land", &s.land, true),
        ("lakes", &s.lakes, true),
        ("borders", &s.borders, false),
        ("rivers", &s.rivers, false),
        ("graticule", &s.graticule, false),
        ("islands", &s.islands, true),
    ];
    for (name, layer, closed) in layers {
        for line in layer {
            let mut segs: Vec<(Px, Px)> = line.windows(2).map(|w| (w[0], w[1])).collect();
            if closed && line.len() > 2 {
                segs.push((line[line.len() - 1], line[0]));
            }
            for (a, b) in segs {
                assert!(
                    seg_len(a, b) <= limit || along_edge(a, b),
                    "{what}: a {name} segment jumps across the map: {a:?} -> {b:?}"
                );
            }
        }
    }
}

/// Share of land among the land and water pixels inside the frame of the rendered PNG, with
/// only the basemap's fills drawn (routes, markers, labels, graticule and scale bar cover different
/// pixels at each centre).
fn land_share(s: &Scene) -> f64 {
    let mut s = s.clone();
    s.routes.clear();
    s.markers.clear();
    s.labels.clear();
    s.graticule.clear();
    s.graticule_labels.clear();
    s.context_dots.clear();
    s.scale_bar = None;
    s.legend = None;
    // Lines drawn over the fills (dashed borders, rivers) cover more pixels where the
    // projection shears them, near the globe's edge.
    s.borders.clear();
    s.rivers.clear();
    s.regions.clear();
    let png = crate::render::png(&s).unwrap();
    let img = image::load_from_memory(&png).unwrap().to_rgb8();
    let rgb = |c: Color| [c.r, c.g, c.b];
    let (land, water) = (rgb(s.palette.land), rgb(s.palette.water));
    let between: i32 = land
        .iter()
        .zip(water)
        .map(|(&a, b)| (i32::from(a) - i32::from(b)).pow(2))
        .sum::<i32>()
        / 4;
    let (mut l, mut w) = (0usize, 0usize);
    let f = s.frame;
    for (x, y, p) in img.enumerate_pixels() {
        let (x, y) = (f64::from(x) + 0.5, f64::from(y) + 0.5);
        if !f.contains((x, y)) {
            continue;
        }
        // An anti-aliased coast pixel counts for the colour it is nearer to.
        let d = |c: [u8; 3]| {
            c.iter()
                .zip(p.0)
                .map(|(&a, b)| (i32::from(a) - i32::from(b)).pow(2))
                .sum::<i32>()
        };
        let (dl, dw) = (d(land), d(water));
        // Neither (the outline's stroke, lakes' edges): not counted.
        if dl.min(dw) > between {
            continue;
        }
        if dl < dw {
            l += 1;
        } else if dw < dl {
            w += 1;
        }
    }
    l as f64 / (l + w) as f64
}

#[test]
fn auto_projection_centres_a_world_map_on_the_route() {
    let s = build(&tokyo_la_london(), None, &MapOptions::default()).unwrap();
    assert!(
        s.projection.starts_with("+proj=eqearth"),
        "{}",
        s.projection
    );
    // The widest gap of the route's longitudes is Europe to Japan, so the centre is in it's
    // complement: the Pacific and the Americas, not Greenwich.
    let lon0 = s.projector.lon0();
    assert!((-140.0..-40.0).contains(&lon0), "{lon0}");
    for (_, runs) in &s.routes[0].legs {
        assert_eq!(runs.len(), 1, "a leg in {} pieces", runs.len());
    }
    assert_no_jumps(&s, "auto world map");
}

#[test]
fn world_maps_at_every_central_meridian_keep_their_land_and_stops() {
    let routes = tokyo_la_london();
    for proj in ["eqearth", "robin", "merc"] {
        let at = |lon0: i32| {
            build(
                &routes,
                None,
                &plain(1600, 960, custom(&format!("+proj={proj} +lon_0={lon0}"))),
            )
            .unwrap()
        };
        let share0 = land_share(&at(0));
        assert!((0.2..0.45).contains(&share0), "{proj}: {share0}");
        for lon0 in (-180..=180).step_by(30) {
            let s = at(lon0);
            let what = format!("+proj={proj} +lon_0={lon0}");
            let share = land_share(&s);
            assert!(
                (share - share0).abs() <= 0.01 * share0,
                "{what}: land share {share:.4}, at lon_0=0 {share0:.4}"
            );
            assert_no_jumps(&s, &what);
            for st in &routes[0].stops {
                let p = s.locate(st.lon, st.lat).unwrap();
                assert!(s.frame.contains(p), "{what}: {} at {p:?}", st.label);
            }
            assert_eq!(s.markers.len(), 3, "{what}");
        }
    }
}

#[test]
fn graticule_labels_stand_at_the_edges_of_a_world_map_centred_on_the_pacific() {
    let s = build(
        &tokyo_la_london(),
        None,
        &plain(1600, 1000, custom("+proj=eqearth +lon_0=-150")),
    )
    .unwrap();
    // Parallels are labelled where they end at the globe's edge, never in its middle.
    let mid = (s.frame.x0 + s.frame.x1) / 2.0;
    for l in s
        .graticule_labels
        .iter()
        .filter(|l| l.text.ends_with(['N', 'S']))
    {
        let b = l.bounds();
        assert!(
            b.x1 < mid - s.frame.width() / 3.0 || b.x0 > mid + s.frame.width() / 3.0,
            "{} at {:?}",
            l.text,
            l.at
        );
    }
    // Each parallel's label once a side: 60°N on the left and on the right.
    let n = s
        .graticule_labels
        .iter()
        .filter(|l| l.text == "60°N")
        .count();
    assert_eq!(n, 2);
}

#[test]
fn mercator_round_the_world_is_cut_at_its_seam_and_keeps_the_north_atlantic() {
    let s = build(
        &routes(&["London", "New York", "Tokyo", "Sydney", "Dubai", "London"]),
        None,
        &plain(1600, 1000, ProjectionChoice::Mercator),
    )
    .unwrap();
    assert!(s.projection.starts_with("+proj=merc"));
    let limit = s.frame.width() / 2.0;
    for (_, runs) in &s.routes[0].legs {
        for run in runs {
            for w in run.windows(2) {
                assert!(seg_len(w[0], w[1]) < limit, "a leg spans the map");
            }
        }
    }
    assert!(on_land(&s, -19.0, 64.8), "Iceland");
    assert!(!on_land(&s, 3.0, 56.0), "North Sea");
    assert!(!on_land(&s, 2.0, 67.0), "Norwegian Sea");
    assert!(on_land(&s, 100.0, 60.0), "Siberia");
    assert_no_jumps(&s, "mercator");
}

#[test]
fn a_bbox_across_the_antimeridian_puts_each_stop_where_the_projection_does() {
    let options = MapOptions {
        bbox: Some(BoundingBox::new(120.0, 10.0, -110.0, 65.0)),
        ..plain(1600, 1000, ProjectionChoice::Auto)
    };
    let routes = tokyo_la_london()
        .into_iter()
        .map(|mut r| {
            r.stops.truncate(2);
            crate::route::build(&trip::Trip {
                name: r.name,
                color: r.color,
                mode: trip::Mode::Air,
                stops: r.stops,
                kind: trip::TripKind::Journey,
            })
        })
        .collect::<Vec<_>>();
    let s = build(&routes, None, &options).unwrap();
    // The projection centred on the box, and the box fitted to the frame, computed here from
    // the PROJ string alone.
    assert!(s.projection.contains("+lon_0=-175"), "{}", s.projection);
    let p = Projector::new(
        &ProjectionChoice::Custom(s.projection.clone()),
        &BoundingBox::WORLD,
    )
    .unwrap();
    let outline: Vec<(f64, f64)> = view::outline(&options.bbox.unwrap())
        .into_iter()
        .filter_map(|(lon, lat)| p.project(lon, lat))
        .collect();
    let (x0, x1) = outline
        .iter()
        .fold((f64::MAX, f64::MIN), |a, q| (a.0.min(q.0), a.1.max(q.0)));
    let (y0, y1) = outline
        .iter()
        .fold((f64::MAX, f64::MIN), |a, q| (a.0.min(q.1), a.1.max(q.1)));
    let f = s.frame;
    let scale = (f.width() / (x1 - x0)).min(f.height() / (y1 - y0));
    for st in &routes[0].stops {
        let m = p.project(st.lon, st.lat).unwrap();
        let want = (
            (f.x0 + f.x1) / 2.0 + (m.0 - (x0 + x1) / 2.0) * scale,
            (f.y0 + f.y1) / 2.0 - (m.1 - (y0 + y1) / 2.0) * scale,
        );
        let marker = s
            .markers
            .iter()
            .map(|mk| mk.at)
            .min_by(|a, b| seg_len(*a, want).total_cmp(&seg_len(*b, want)))
            .unwrap();
        assert!(
            seg_len(marker, want) < 0.5,
            "{}: {marker:?} vs {want:?}",
            st.label
        );
    }
    // The coast is where it belongs on both sides of the date line.
    assert!(on_land(&s, 139.7, 36.0), "Honshu");
    assert!(on_land(&s, -150.0, 64.0), "Alaska");
    assert!(on_land(&s, 170.0, 66.0), "Chukotka");
    assert!(!on_land(&s, 180.0, 30.0), "the Pacific at the date line");
    assert!(!on_land(&s, -160.0, 30.0), "the Pacific east of it");
    assert_no_jumps(&s, "bbox across the antimeridian");
}

#[test]
fn the_inset_of_a_map_across_the_date_line_shows_sea_round_the_islands() {
    let s = build(
        &routes(&["Suva", "Apia", "Nuku'alofa"]),
        None,
        &MapOptions::default(),
    )
    .unwrap();
    let inset = s.inset.as_ref().expect("a small area gets an inset");
    let land: f64 = inset.land.iter().map(|r| clip::ring_area(r)).sum();
    let whole = inset.rect.width() * inset.rect.height();
    // The South Pacific round Fiji and Samoa is sea, with Australia and New Zealand in view.
    assert!(
        land < 0.35 * whole && land > 0.01 * whole,
        "{land} of {whole}"
    );
}

#[test]
fn a_walk_across_a_city_gets_a_city_map_with_a_scale_in_metres() {
    // 40.7128,-74.0060 (City Hall) to 40.7306,-73.9866 (East Village): about 2.6 km.
    let r = routes(&["40.7128,-74.0060", "40.7306,-73.9866"]);
    let s = build(&r, None, &MapOptions::default()).unwrap();
    let across = s.frame.width() / s.view.scale;
    assert!(across < 10_000.0 && across > 2_600.0, "{across} m across");
    let bar = s.scale_bar.as_ref().unwrap();
    assert!(
        bar.labels.last().unwrap().text.ends_with(" m"),
        "{:?}",
        bar.labels
    );
    assert!(!s.warnings.is_empty() && s.attribution.text.contains("coarser"));
    // Two unnamed points near the same place are told apart by their coordinates.
    let texts: Vec<&str> = s.labels[..s.stop_label_count]
        .iter()
        .map(|l| l.text.as_str())
        .collect();
    assert!(
        texts.contains(&"40.7128,-74.0060") && texts.contains(&"40.7306,-73.9866"),
        "{texts:?}"
    );
    // The graticule is fine enough to read: at least two meridians and two parallels.
    assert!(s.graticule_labels.len() >= 4, "{:?}", s.graticule_labels);
    // A map of a region keeps its plain attribution and no warning.
    let region = build(
        &routes(&["Khasan", "Ussuriysk"]),
        None,
        &MapOptions::default(),
    )
    .unwrap();
    assert!(region.warnings.is_empty() && !region.attribution.text.contains("coarser"));
}

#[test]
fn a_single_place_still_shows_its_surroundings() {
    let r = routes(&["Vladivostok"]);
    let s = build(&r, None, &MapOptions::default()).unwrap();
    let across = s.frame.width() / s.view.scale;
    assert!(across >= view::MIN_PLACE_SPAN_M, "{across}");
}

#[test]
fn a_small_bbox_is_honoured_as_given() {
    let options = MapOptions {
        bbox: Some(BoundingBox::new(-74.01, 40.70, -73.99, 40.72)),
        ..MapOptions::default()
    };
    let s = build(
        &routes(&["40.7128,-74.0060", "40.7150,-74.0010"]),
        None,
        &options,
    )
    .unwrap();
    // 0.02° of latitude is 2.22 km: the box fills the frame's height, not widened.
    let high = s.frame.height() / s.view.scale;
    assert!((2_100.0..2_400.0).contains(&high), "{high}");
}

/// A context with no basemap and no places: only the routes are drawn.
fn bare() -> Context<'static> {
    Context {
        basemap: |_, _| crate::basemap::Basemap::default(),
        places: Gazetteer::bundled(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any route of two or three stops that does not circle the globe is drawn in one piece
    /// per leg on the automatic projection, whatever longitudes it is at.
    #[test]
    fn a_route_is_one_piece_per_leg_on_the_auto_projection(
        stops in proptest::collection::vec((-180.0..180.0_f64, -75.0..75.0_f64), 2..4),
    ) {
        let stops: Vec<_> = stops
            .iter()
            .enumerate()
            .map(|(i, &(lon, lat))| stop(&format!("S{i}"), lat, lon, None))
            .collect();
        let r = vec![trip_route("t", "#d55e00", stops)];
        // Legs that together go round the globe cannot all be drawn whole.
        let mut swept = crate::bbox::BoxBuilder::default();
        for leg in &r[0].legs {
            for part in crate::route::split_antimeridian(&leg.line_every(50_000.0)) {
                swept.add_part(&part);
            }
        }
        prop_assume!(swept.finish().is_some_and(|b| b.lon_span() < 359.0));
        let s = build_in(&bare(), &r, None, &plain(800, 600, ProjectionChoice::Auto)).unwrap();
        for (i, (_, runs)) in s.routes[0].legs.iter().enumerate() {
            if r[0].legs[i].metres < 1.0 {
                continue;
            }
            prop_assert_eq!(runs.len(), 1, "leg {} in {} pieces on {}", i, runs.len(), s.projection);
        }
        for st in &r[0].stops {
            let p = s.locate(st.lon, st.lat).unwrap();
            prop_assert!(s.frame.contains(p), "{} outside the frame on {}", st.label, s.projection);
        }
    }
}

// Cases of the blind probe (issue 25), one per class of defect it found.

#[test]
fn a_pseudo_cylindrical_map_that_shows_the_globe_edge_leaves_the_page_beyond_it() {
    // Auckland to Santiago on Equal Earth centred on 150° E: the seam (30° W) is in view.
    let s = build(
        &routes(&["Auckland", "Santiago"]),
        None,
        &plain(1600, 1000, custom("+proj=eqearth +lon_0=150")),
    )
    .unwrap();
    let f = s.frame;
    let sea = clip::ring_contains;
    assert!(
        !sea(&s.sea, (f.x1 - 3.0, f.y1 - 3.0)),
        "beyond the edge is page"
    );
    assert!(
        sea(&s.sea, s.locate(-120.0, -50.0).unwrap()),
        "the South Pacific is sea"
    );
    // Antarctica runs to the globe's edge, not to a cut inside it.
    for (lon, lat) in [(-25.0, -82.0), (0.0, -80.0)] {
        let p = s.locate(lon, lat).unwrap();
        assert!(
            !f.contains(p) || on_land(&s, lon, lat),
            "Antarctica at {lon}, {lat}"
        );
    }
    assert_no_jumps(&s, "eqearth +lon_0=150");
}

#[test]
fn a_world_map_fits_legs_that_reach_beyond_its_usual_latitudes() {
    // Sydney to Santiago reaches 61.8° S, below the 58° S a world map usually shows.
    let s = build(
        &routes(&["Sydney", "Santiago", "Cape Town", "Perth", "Sydney"]),
        None,
        &plain(1600, 1000, ProjectionChoice::Mercator),
    )
    .unwrap();
    let bottom = s.routes[0]
        .legs
        .iter()
        .flat_map(|(_, runs)| runs.iter().flatten())
        .map(|p| p.1)
        .fold(f64::MIN, f64::max);
    assert!(
        bottom < s.frame.y1 - 1.0,
        "a leg runs off the bottom: {bottom}"
    );
}

#[test]
fn a_world_projection_named_for_a_small_box_draws_a_regional_map() {
    let options = MapOptions {
        bbox: Some(BoundingBox::new(170.0, -25.0, -165.0, -10.0)),
        ..plain(1600, 1000, ProjectionChoice::EqualEarth)
    };
    let s = build(&routes(&["Suva", "Apia"]), None, &options).unwrap();
    assert!(s.projection.starts_with("+proj=eqearth"));
    assert_ne!(s.detail, Detail::Low);
    assert!(on_land(&s, -172.4, -13.6), "Savai'i, Samoa");
    let parallels = s
        .graticule_labels
        .iter()
        .filter(|l| l.text.ends_with('S'))
        .count();
    assert!(parallels >= 2, "{:?}", s.graticule_labels);
}

#[test]
fn stops_the_map_cannot_show_are_named_in_a_warning() {
    let options = MapOptions {
        bbox: Some(BoundingBox::new(150.0, 40.0, 160.0, 50.0)),
        ..MapOptions::default()
    };
    let s = build(&routes(&["Anadyr", "Nome"]), None, &options).unwrap();
    assert!(
        s.warnings
            .iter()
            .any(|w| w.contains("`Anadyr`") && w.contains("--bbox")),
        "{:?}",
        s.warnings
    );
    // The far side of an orthographic globe.
    let s = build(
        &routes(&["Moscow", "Beijing", "Buenos Aires, Buenos Aires F.D."]),
        None,
        &plain(1600, 1000, custom("+proj=ortho +lat_0=50 +lon_0=120")),
    )
    .unwrap();
    assert!(
        s.warnings.iter().any(|w| w.contains("`Buenos Aires`")),
        "{:?}",
        s.warnings
    );
}

/// The longest edge of the inset's land that does not run along the inset's border.
fn longest_inner_edge(inset: &Inset) -> f64 {
    let r = inset.rect.grow(-1.0);
    let on_border = |p: Px| {
        (p.0 - r.x0).abs() < 0.5
            || (p.0 - r.x1).abs() < 0.5
            || (p.1 - r.y0).abs() < 0.5
            || (p.1 - r.y1).abs() < 0.5
    };
    inset
        .land
        .iter()
        .flat_map(|ring| ring.iter().zip(ring.iter().cycle().skip(1)))
        .filter(|(a, b)| !(on_border(**a) && on_border(**b)))
        .map(|(a, b)| seg_len(*a, *b))
        .fold(0.0, f64::max)
}

#[test]
fn the_inset_shows_islands_lakes_and_the_far_north_whole() {
    // The Aleutians (Adak to Attu) are on the 1:50m land the inset draws.
    let s = build(
        &routes(&["51.88 N 176.66 W", "52.93 N 173.18 E"]),
        None,
        &MapOptions::default(),
    )
    .unwrap();
    let inset = s.inset.as_ref().unwrap();
    assert!(!inset.land.is_empty());
    // Lake Baikal and the Sea of Japan's coast round Vladivostok.
    let s = build(
        &routes(&["Vladivostok", "Russky"]),
        None,
        &MapOptions::default(),
    )
    .unwrap();
    assert!(
        !s.inset.as_ref().unwrap().lakes.is_empty(),
        "no lakes in the inset"
    );
    // Reykjavik: the inset reaches past the pole's side of Scandinavia without a straight cut.
    let options = MapOptions {
        bbox: Some(BoundingBox::new(-22.0, 64.1, -21.9, 64.16)),
        ..MapOptions::default()
    };
    let s = build(&routes(&["Reykjavik"]), None, &options).unwrap();
    let inset = s.inset.as_ref().unwrap();
    let longest = longest_inner_edge(inset);
    assert!(
        longest < 30.0,
        "a straight cut of {longest} px in the inset's land"
    );
}

#[test]
fn stop_labels_on_a_city_map_keep_off_their_own_leg() {
    // The Eiffel Tower to the Louvre: a leg almost level, two vertices 3 km apart.
    let s = build(
        &routes(&["48.8584 N 2.2945 E", "48.8606 N 2.3376 E"]),
        None,
        &MapOptions::default(),
    )
    .unwrap();
    for l in &s.labels[..s.stop_label_count] {
        let b = l.bounds();
        for (_, runs) in &s.routes[0].legs {
            for p in runs.iter().flat_map(|r| super::along(r, 1.0)) {
                assert!(!b.contains(p), "{} lies on its leg at {p:?}", l.text);
            }
        }
    }
}

#[test]
fn a_mercator_box_to_the_poles_is_fitted_to_mercators_limits() {
    let options = MapOptions {
        bbox: Some(BoundingBox::new(-180.0, -90.0, 180.0, 90.0)),
        ..plain(1600, 1000, ProjectionChoice::Mercator)
    };
    let s = build(&tokyo_la_london(), None, &options).unwrap();
    let f = s.frame;
    assert!(
        clip::ring_area(&s.sea) > 0.5 * f.width() * f.height(),
        "a small square world"
    );
}

#[test]
fn an_orthographic_globe_shows_its_hemisphere_inside_its_horizon() {
    let s = build(
        &routes(&["Moscow", "Beijing", "Buenos Aires, Buenos Aires F.D."]),
        None,
        &plain(1600, 1000, custom("+proj=ortho +lat_0=50 +lon_0=120")),
    )
    .unwrap();
    let f = s.frame;
    let centre = s.locate(120.0, 50.0).unwrap();
    let radius = s
        .sea
        .iter()
        .map(|p| seg_len(*p, centre))
        .fold(0.0, f64::max);
    // The sea is the disk: the frame's corners are page, the pole and Beijing on the globe.
    assert!(!clip::ring_contains(&s.sea, (f.x0 + 2.0, f.y0 + 2.0)));
    assert!(clip::ring_contains(&s.sea, s.locate(0.0, 90.0).unwrap()));
    assert!(clip::ring_contains(&s.sea, s.locate(116.4, 39.9).unwrap()));
    // Nothing is drawn beyond the horizon.
    for ring in s.land.iter().chain(&s.lakes) {
        for p in ring {
            assert!(
                seg_len(*p, centre) <= radius + 1.0,
                "land beyond the horizon at {p:?}"
            );
        }
    }
    assert!(on_land(&s, 100.0, 60.0), "Siberia");
    assert!(!on_land(&s, 150.0, 40.0), "the Pacific east of Japan");
    assert!(!on_land(&s, 0.0, 85.0), "the Arctic Ocean beyond the pole");
    assert_no_jumps(&s, "ortho");
}

#[test]
fn azimuthal_world_maps_tear_only_at_the_antipode() {
    for def in [
        "+proj=aeqd +lat_0=90 +lon_0=0",
        "+proj=laea +lat_0=40 +lon_0=-100",
    ] {
        let s = build(&tokyo_la_london(), None, &plain(1200, 900, custom(def))).unwrap();
        assert_no_jumps(&s, def);
        assert!(on_land(&s, 100.0, 60.0), "{def}: Siberia");
        assert!(!on_land(&s, -150.0, 30.0), "{def}: the Pacific");
    }
}

#[test]
fn maps_at_odd_sizes_keep_their_decorations_apart_and_on_the_page() {
    // A thumbnail: no legend over the globe (with a warning), nothing off the page.
    let s = build(
        &tokyo_la_london(),
        None,
        &MapOptions {
            width: 300,
            height: 200,
            ..MapOptions::default()
        },
    )
    .unwrap();
    assert!(s.legend.is_none() && s.warnings.iter().any(|w| w.contains("legend")));
    let a = s.attribution.bounds();
    assert!(a.x0 >= 0.0 && a.x1 <= 300.0, "{a:?}");
    // A wide strip: the scale bar measures the globe, not the page.
    let s = build(
        &routes(&["Lisbon", "Vladivostok"]),
        None,
        &MapOptions {
            width: 3000,
            height: 300,
            ..MapOptions::default()
        },
    )
    .unwrap();
    let bar = s.scale_bar.as_ref().unwrap();
    let last = &bar.labels.last().unwrap().text;
    let km: f64 = last
        .trim_end_matches(" km")
        .replace(',', "")
        .parse()
        .unwrap();
    assert!(km <= 10_000.0, "{last}");
    if let (Some(l), Some(b)) = (&s.legend, &s.scale_bar) {
        assert!(!l.rect.overlaps(&b.bounds()));
    }
}

// Cases of the second blind probe (issue 25).

#[test]
fn a_route_across_the_seam_of_a_given_central_meridian_gets_the_world() {
    let s = build(
        &routes(&["London, England", "Paris"]),
        None,
        &plain(1600, 1000, custom("+proj=robin +lon_0=180")),
    )
    .unwrap();
    assert_eq!(s.markers.len(), 2);
    // The whole globe, pole to pole, fills the frame's width: not a strip round the route.
    let (lo, hi) = s
        .sea
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.1), b.max(p.1)));
    assert!(hi - lo > 0.8 * s.frame.height(), "{lo}..{hi}");
    for lon in [-179.0, -90.0, -1.0, 1.0, 90.0, 179.0] {
        assert!(
            s.frame.contains(s.locate(lon, 0.0).unwrap()),
            "{lon} on the equator"
        );
    }
}

#[test]
fn a_box_all_round_the_globe_shows_every_longitude_at_any_centre() {
    let options = MapOptions {
        bbox: Some(BoundingBox::new(-180.0, -90.0, 180.0, 90.0)),
        ..plain(1600, 1000, custom("+proj=robin +lon_0=-150"))
    };
    let s = build(&tokyo_la_london(), None, &options).unwrap();
    for lon in [31.0, 90.0, -150.0, -60.0, 29.0] {
        assert!(
            s.frame.contains(s.locate(lon, 0.0).unwrap()),
            "{lon} on the equator"
        );
    }
}

#[test]
fn mercator_in_the_far_north_keeps_its_detail_and_its_legend_on_the_map() {
    let s = build(
        &routes(&["Anadyr", "Nome"]),
        None,
        &plain(1600, 1000, ProjectionChoice::Mercator),
    )
    .unwrap();
    assert_ne!(
        s.detail,
        Detail::Low,
        "detail by the ground's pixel, not the equator's"
    );
    let world = build(
        &routes(&[
            "London, England",
            "New York",
            "Tokyo",
            "Sydney",
            "London, England",
        ]),
        None,
        &MapOptions {
            projection: ProjectionChoice::Mercator,
            ..MapOptions::default()
        },
    )
    .unwrap();
    let x0 = world.sea.iter().map(|p| p.0).fold(f64::MAX, f64::min);
    let legend = world.legend.as_ref().unwrap();
    assert!(
        legend.rect.x0 >= x0 - 0.5,
        "the legend straddles the world's edge"
    );
}

#[test]
fn polar_maps_have_parallels_and_polar_azimuthal_maps_a_sea() {
    let s = build(
        &routes(&["Longyearbyen", "90,0"]),
        None,
        &MapOptions::default(),
    )
    .unwrap();
    let parallels = s
        .graticule_labels
        .iter()
        .filter(|l| l.text.ends_with('N'))
        .count();
    assert!(parallels >= 2, "{:?}", s.graticule_labels);
    for def in ["+proj=laea +lat_0=90", "+proj=aeqd +lat_0=90"] {
        let s = build(
            &routes(&["Anchorage", "Tromsø"]),
            None,
            &plain(1600, 1000, custom(def)),
        )
        .unwrap();
        assert!(
            clip::ring_area(&s.sea) > 0.3 * s.frame.width() * s.frame.height(),
            "{def}"
        );
        assert!(s.warnings.is_empty(), "{def}: {:?}", s.warnings);
        assert_eq!(s.markers.len(), 2, "{def}");
    }
    // A south polar stereographic map is not filled by the enlarged north.
    let s = build(
        &routes(&["-90,0", "-77.85,166.67"]),
        None,
        &plain(1600, 1000, custom("+proj=stere +lat_0=-90 +lat_ts=-71")),
    )
    .unwrap();
    let inner = s.frame.grow(-0.1 * s.frame.height());
    assert!(
        s.markers.iter().all(|m| inner.contains(m.at)),
        "stops crammed at the edge"
    );
}
