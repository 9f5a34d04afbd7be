use super::*;
use crate::trip::{Stop, Trip, TripKind};
use proptest::prelude::*;

fn c(lat: f64, lon: f64) -> Coord {
    Coord { x: lon, y: lat }
}

/// Inverse-problem references computed with GeographicLib 2.1 (Karney's Python package,
/// `Geodesic.WGS84.Inverse`), the reference implementation; the Wellington -> Salamanca case is
/// the worked example of Karney (2013), "Algorithms for geodesics", §5 (19,959,679.267 m).
const REFERENCES: &[(&str, f64, f64, f64, f64, f64, f64)] = &[
    (
        "Khasan -> Ussuriysk",
        42.42387,
        130.65156,
        43.80467,
        131.95734,
        186_612.251870,
        34.270141058,
    ),
    (
        "Ussuriysk -> Ulan-Ude",
        43.80467,
        131.95734,
        51.82648,
        107.59979,
        2_017_455.848846,
        304.803520914,
    ),
    (
        "JFK -> LHR",
        40.6,
        -73.8,
        51.6,
        -0.5,
        5_551_759.400319,
        51.198882846,
    ),
    (
        "JFK -> SIN",
        40.64,
        -73.78,
        1.36,
        103.99,
        15_347_512.940513,
        3.305773478,
    ),
    (
        "Wellington -> Salamanca",
        -41.32,
        174.81,
        40.96,
        -5.50,
        19_959_679.267354,
        161.067669986,
    ),
    (
        "nearly antipodal",
        0.0,
        0.0,
        0.5,
        179.5,
        19_936_288.578965,
        25.671872868,
    ),
    (
        "pole to pole",
        90.0,
        0.0,
        -90.0,
        0.0,
        20_003_931.458625,
        180.0,
    ),
];

#[test]
fn distances_match_geographiclib_to_the_millimetre() {
    for &(name, lat1, lon1, lat2, lon2, metres, _) in REFERENCES {
        let d = distance(c(lat1, lon1), c(lat2, lon2));
        assert!((d - metres).abs() < 0.001, "{name}: {d} vs {metres}");
    }
}

#[test]
fn bearings_match_geographiclib() {
    for &(name, lat1, lon1, lat2, lon2, _, azi) in REFERENCES {
        let b = bearing(c(lat1, lon1), c(lat2, lon2));
        assert!((b - azi).abs() < 1e-6, "{name}: {b} vs {azi}");
    }
}

fn stop(label: &str, lat: f64, lon: f64) -> Stop {
    Stop {
        label: label.into(),
        place: None,
        lat,
        lon,
        date: None,
        note: None,
        mode: None,
    }
}

fn trip(stops: Vec<Stop>) -> Trip {
    Trip {
        name: "t".into(),
        color: crate::trip::Rgb::new(0, 0, 0),
        mode: Mode::Rail,
        stops,
        kind: TripKind::Journey,
    }
}

#[test]
fn places_have_no_legs_and_every_kind_serialises_as_the_places_flag() {
    let three = || {
        vec![
            stop("A", 45.0, 14.0),
            stop("B", 46.0, 15.0),
            stop("C", 47.0, 16.0),
        ]
    };
    for (kind, legs, flag) in [
        (TripKind::Journey, 2, None),
        (TripKind::Places, 0, Some(true)),
        (TripKind::Track, 2, None),
    ] {
        let t = Trip {
            kind,
            ..trip(three())
        };
        let r = build(&t);
        assert_eq!((r.kind, r.legs.len()), (kind, legs));
        // Every place is a filled marker; a journey's or a track's ends only.
        assert_eq!(r.is_terminal(1), kind == TripKind::Places);
        // A trip says `places` only for places, a route always: as when it was a bool.
        let t = serde_json::to_value(&t).unwrap();
        assert_eq!(t.get("places").and_then(|p| p.as_bool()), flag, "{t}");
        let r = serde_json::to_value(&r).unwrap();
        assert_eq!(r["places"].as_bool(), Some(flag.is_some()), "{r}");
    }
}

#[test]
fn a_route_has_one_leg_per_pair_and_sums_them() {
    let r = build(&trip(vec![
        stop("Khasan", 42.42387, 130.65156),
        stop("Ussuriysk", 43.80467, 131.95734),
        stop("Ulan-Ude", 51.82648, 107.59979),
    ]));
    assert_eq!(r.legs.len(), 2);
    assert!((r.metres() - (186_612.251870 + 2_017_455.848846)).abs() < 0.002);
    assert_eq!(r.legs[1].mode, Mode::Rail);
    // ~2017 km at <= 10 km a segment: at least 202 segments.
    assert!(r.legs[1].line().len() >= 203, "{}", r.legs[1].line().len());
}

#[test]
fn one_stop_is_a_point_with_no_legs() {
    let r = build(&trip(vec![stop("Khasan", 42.42387, 130.65156)]));
    assert!(r.legs.is_empty());
    assert_eq!(r.metres(), 0.0);
}

#[test]
fn zero_length_leg_is_fine() {
    let r = build(&trip(vec![stop("a", 10.0, 10.0), stop("b", 10.0, 10.0)]));
    assert_eq!(r.legs[0].metres, 0.0);
    assert_eq!(r.legs[0].bearing_deg, 0.0);
    assert_eq!(r.legs[0].line().len(), 2);
}

#[test]
fn anadyr_to_nome_crosses_the_antimeridian_once() {
    let r = build(&trip(vec![
        stop("Anadyr", 64.73424, 177.5103),
        stop("Nome", 64.5011, -165.40637),
    ]));
    let parts = r.legs[0].parts();
    assert_eq!(parts.len(), 2);
    assert_eq!(parts[0].last().unwrap().x, 180.0);
    assert_eq!(parts[1][0].x, -180.0);
}

#[test]
fn longitudes_normalise() {
    assert_eq!(normalize_lon(190.0), -170.0);
    assert_eq!(normalize_lon(-190.0), 170.0);
    assert_eq!(normalize_lon(180.0), 180.0);
    assert_eq!(normalize_lon(540.0), 180.0);
}

#[test]
fn units_convert() {
    assert_eq!(Units::Km.from_metres(1500.0), 1.5);
    assert!((Units::Mi.from_metres(1609.344) - 1.0).abs() < 1e-12);
    assert_eq!(Units::Nmi.from_metres(3704.0), 2.0);
}

fn point() -> impl Strategy<Value = Coord> {
    (-90.0..=90.0f64, -180.0..=180.0f64).prop_map(|(lat, lon)| c(lat, lon))
}

/// Half the meridian circumference of WGS84, the longest geodesic between two points
/// (GeographicLib: 20,003,931.4586 m).
const HALF_MERIDIAN: f64 = 20_003_931.458_7;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn distance_is_symmetric_and_bounded(a in point(), b in point()) {
        let (ab, ba) = (distance(a, b), distance(b, a));
        prop_assert!((ab - ba).abs() < 1e-6, "{ab} vs {ba}");
        prop_assert!((0.0..=HALF_MERIDIAN).contains(&ab));
        prop_assert_eq!(distance(a, a), 0.0);
    }

    #[test]
    fn triangle_inequality(a in point(), b in point(), m in point()) {
        prop_assert!(distance(a, b) <= distance(a, m) + distance(m, b) + 1e-6);
    }

    #[test]
    fn densified_lines_stay_on_the_geodesic(a in point(), b in point()) {
        let line = densify(a, b, DENSIFY_MAX_M);
        prop_assert_eq!(line[0], a);
        let total = distance(a, b);
        let mut sum = 0.0;
        for w in line.windows(2) {
            let seg = distance(w[0], w[1]);
            prop_assert!(seg <= DENSIFY_MAX_M + 1e-3, "segment {seg}");
            prop_assert!((-180.0..=180.0).contains(&w[1].x));
            sum += seg;
        }
        // On the geodesic, the pieces add up to the whole (a detour would be longer).
        prop_assert!((sum - total).abs() < 0.01 + total * 1e-9, "{sum} vs {total}");
    }

    #[test]
    fn antimeridian_split_keeps_vertices_in_range_and_length(a in point(), b in point()) {
        let line = densify(a, b, 50_000.0);
        let parts = split_antimeridian(&line);
        let mut sum = 0.0;
        for p in &parts {
            for w in p.windows(2) {
                prop_assert!((w[1].x - w[0].x).abs() <= 180.0, "a part crosses ±180");
                sum += distance(w[0], w[1]);
            }
            for v in p {
                prop_assert!((-180.0..=180.0).contains(&v.x));
            }
        }
        let whole: f64 = line.windows(2).map(|w| distance(w[0], w[1])).sum();
        // Added crossing points sit on (a chord of) the segment they split.
        prop_assert!((sum - whole).abs() < 1.0 + whole * 1e-6, "{sum} vs {whole}");
    }

    #[test]
    fn bearing_is_in_range(a in point(), b in point()) {
        let x = bearing(a, b);
        prop_assert!((0.0..360.0).contains(&x), "{x}");
    }
}

/// The leg's distance and bearing come from one inverse solution, and lines from one solution
/// and a direct problem per vertex; they must equal, to the bit, what `geo` gives: its
/// distance, its bearing, and its `Densify` (which solves the inverse again for each vertex).
#[test]
fn one_inverse_gives_what_geo_gives() {
    use geo::{Bearing, Densify, Distance, Geodesic, LineString, Point};
    let mut seed = 12345u64;
    let mut next = || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 11) as f64 / (1u64 << 53) as f64
    };
    for i in 0..2000 {
        let a = c(next() * 180.0 - 90.0, next() * 360.0 - 180.0);
        // Near pairs as well as far ones (tracks, and legs across the world).
        let scale = if i % 2 == 0 { 1.0 } else { 0.01 };
        let b = c(
            (a.y + (next() - 0.5) * 180.0 * scale).clamp(-90.0, 90.0),
            normalize_lon(a.x + (next() - 0.5) * 360.0 * scale),
        );
        let (metres, bearing_deg, azimuth) = measure(a, b);
        let leg = Leg {
            from: 0,
            to: 1,
            metres,
            bearing_deg,
            mode: Mode::Unknown,
            start: a,
            end: b,
            azimuth,
        };
        assert_eq!(
            metres,
            Geodesic.distance(Point::from(a), Point::from(b)),
            "{a:?} {b:?}"
        );
        assert_eq!(metres, distance(a, b));
        if a != b {
            let geo_bearing = Geodesic.bearing(Point::from(a), Point::from(b));
            let geo_bearing = if geo_bearing >= 360.0 {
                0.0
            } else {
                geo_bearing
            };
            assert_eq!(bearing_deg, geo_bearing, "{a:?} {b:?}");
        }
        for step in [10_000.0, 250_000.0] {
            let by_geo: LineString = Geodesic.densify(&LineString::new(vec![a, b]), step);
            let by_geo: Vec<Coord> = by_geo
                .0
                .into_iter()
                .map(|p| Coord {
                    x: normalize_lon(p.x),
                    y: p.y,
                })
                .collect();
            assert_eq!(densify(a, b, step), by_geo, "{a:?} {b:?} every {step} m");
            // A leg densifies from what it measured, without solving the geodesic again.
            assert_eq!(leg.line_every(step), by_geo, "{a:?} {b:?} every {step} m");
        }
    }
}
