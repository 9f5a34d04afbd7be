//! Splitting lines where they cross ±180° (RFC 7946 §3.1.9), so no segment spans the map.

use geo::Coord;

use super::point_at_ratio;

/// Splits a lon/lat line wherever a segment jumps more than 180° in longitude, which for a
/// densified geodesic means it crosses the antimeridian. Each crossing ends one part at
/// longitude ±180 and starts the next at ∓180, at the latitude where the geodesic between the
/// two vertices meets the antimeridian (found by bisection along the geodesic, so it is right
/// even for a segment passing near a pole, where interpolating latitude would cut a corner).
///
/// A vertex exactly on the antimeridian (longitude ±180) lies on both sides: it is written on
/// the side of the vertex before it (the first vertex, on the side of the first vertex off the
/// antimeridian), so a line that only touches ±180 is one part and no part is a lone point.
///
/// Returns one part for a line that does not cross. Every longitude is in [-180, 180].
pub fn split_antimeridian(line: &[Coord]) -> Vec<Vec<Coord>> {
    let line = on_the_side_of_their_neighbours(line);
    let mut parts = Vec::new();
    let mut part: Vec<Coord> = Vec::with_capacity(line.len());
    for (i, &c) in line.iter().enumerate() {
        if let Some(&prev) = i.checked_sub(1).and_then(|j| line.get(j)) {
            let dlon = c.x - prev.x;
            if dlon.abs() > 180.0 {
                // Crossing eastward (179 -> -179) reaches +180 first, westward reaches -180.
                let edge = if dlon < 0.0 { 180.0 } else { -180.0 };
                let lat = crossing_latitude(prev, c, edge);
                if prev.x != edge {
                    part.push(Coord { x: edge, y: lat });
                }
                parts.push(std::mem::take(&mut part));
                if c.x != -edge {
                    part.push(Coord { x: -edge, y: lat });
                }
            }
        }
        part.push(c);
    }
    parts.push(part);
    parts.retain(|p| !p.is_empty());
    parts
}

/// Whether [`split_antimeridian`] gives `line` back as its one part: a line of some vertices,
/// none on ±180° and no segment jumping more than 180° (checked without copying the line).
pub(crate) fn is_one_part(line: &[Coord]) -> bool {
    !line.is_empty()
        && line.iter().all(|c| c.x.abs() != 180.0)
        && line.windows(2).all(|w| (w[1].x - w[0].x).abs() <= 180.0)
}

/// The line with each vertex at longitude ±180 given the sign of the vertex before it (or,
/// for leading ones, of the first vertex off the antimeridian); borrowed when none is.
fn on_the_side_of_their_neighbours(line: &[Coord]) -> std::borrow::Cow<'_, [Coord]> {
    let on = |c: &Coord| c.x.abs() == 180.0;
    if !line.iter().any(on) {
        return std::borrow::Cow::Borrowed(line);
    }
    let mut side = line
        .iter()
        .find(|c| !on(c))
        .map_or(180.0, |c| if c.x < 0.0 { -180.0 } else { 180.0 });
    let mut out = line.to_vec();
    for c in &mut out {
        if on(c) {
            c.x = side;
        } else {
            side = if c.x < 0.0 { -180.0 } else { 180.0 };
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Latitude where the geodesic from `a` to `b` reaches longitude `edge` (±180). Longitude is
/// monotonic along a geodesic, so bisection on the fraction of its length converges.
fn crossing_latitude(a: Coord, b: Coord, edge: f64) -> f64 {
    // Longitude relative to `a`, unwrapped in the direction of travel (towards `edge`):
    // eastward distances positive, westward negative, nought at `a` itself.
    let toward = |lon: f64| {
        if edge > 0.0 {
            (lon - a.x).rem_euclid(360.0)
        } else {
            -(a.x - lon).rem_euclid(360.0)
        }
    };
    let target = toward(edge);
    let (mut lo, mut hi) = (0.0_f64, 1.0_f64);
    let mut lat = (a.y + b.y) / 2.0;
    for _ in 0..48 {
        let mid = (lo + hi) / 2.0;
        let p = point_at_ratio(a, b, mid);
        lat = p.y;
        let passed = if edge > 0.0 {
            toward(p.x) >= target
        } else {
            toward(p.x) <= target
        };
        if passed { hi = mid } else { lo = mid }
    }
    lat
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(x: f64, y: f64) -> Coord {
        Coord { x, y }
    }

    #[test]
    fn a_line_that_does_not_cross_stays_whole() {
        let line = vec![c(10.0, 0.0), c(20.0, 5.0)];
        assert_eq!(split_antimeridian(&line), vec![line]);
    }

    #[test]
    fn eastward_crossing_splits_at_plus_180() {
        let parts = split_antimeridian(&[c(179.0, 10.0), c(-179.0, 12.0)]);
        // GeographicLib (Python 2.1): the geodesic meets 180° E at 11.005050° N.
        let lat = parts[0][1].y;
        assert!((lat - 11.005050).abs() < 1e-6, "{lat}");
        let expected = vec![
            vec![c(179.0, 10.0), c(180.0, lat)],
            vec![c(-180.0, lat), c(-179.0, 12.0)],
        ];
        assert_eq!(parts, expected);
    }

    #[test]
    fn westward_crossing_splits_at_minus_180() {
        let parts = split_antimeridian(&[c(-178.0, 0.0), c(178.0, 4.0)]);
        let lat = parts[0][1].y;
        assert!((lat - 2.003676).abs() < 1e-6, "{lat}");
        let expected = vec![
            vec![c(-178.0, 0.0), c(-180.0, lat)],
            vec![c(180.0, lat), c(178.0, 4.0)],
        ];
        assert_eq!(parts, expected);
    }

    #[test]
    fn a_vertex_on_the_meridian_is_not_doubled() {
        let parts = split_antimeridian(&[c(170.0, 0.0), c(180.0, 1.0), c(-170.0, 2.0)]);
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0], vec![c(170.0, 0.0), c(180.0, 1.0)]);
        assert_eq!(parts[1][0].x, -180.0);
        assert!((parts[1][0].y - 1.0).abs() < 1e-6);
    }

    #[test]
    fn a_line_that_only_touches_the_antimeridian_is_one_part() {
        // From a stop on -180 westward: it never crosses (the probe's one-point part).
        let parts = split_antimeridian(&[c(-180.0, -17.0), c(179.9, -17.02), c(178.0, -17.5)]);
        assert_eq!(
            parts,
            vec![vec![c(180.0, -17.0), c(179.9, -17.02), c(178.0, -17.5)]]
        );
        // Along the antimeridian, its ends written with either sign.
        let parts = split_antimeridian(&[c(180.0, -16.0), c(180.0, -16.5), c(-180.0, -17.0)]);
        assert_eq!(
            parts,
            vec![vec![c(180.0, -16.0), c(180.0, -16.5), c(180.0, -17.0)]]
        );
    }

    #[test]
    fn a_crossing_from_a_vertex_on_minus_180_starts_there() {
        let parts = split_antimeridian(&[c(-179.0, 0.0), c(-180.0, 1.0), c(179.0, 2.0)]);
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0], vec![c(-179.0, 0.0), c(-180.0, 1.0)]);
        // It starts where the first part ends (the bisection lands within 1e-9°).
        assert_eq!(parts[1][0].x, 180.0);
        assert!((parts[1][0].y - 1.0).abs() < 1e-9, "{parts:?}");
        assert_eq!(parts[1][1], c(179.0, 2.0));
    }

    /// Lines of `len` vertices (longitude, latitude), some exactly on ±180.
    fn points(
        len: std::ops::Range<usize>,
    ) -> impl proptest::strategy::Strategy<Value = Vec<(f64, f64)>> {
        proptest::collection::vec(
            (
                proptest::prop_oneof![
                    -180.0f64..=180.0,
                    proptest::strategy::Just(180.0),
                    proptest::strategy::Just(-180.0),
                ],
                -80.0f64..=80.0,
            ),
            len,
        )
    }

    proptest::proptest! {
        /// Whatever the vertices (some exactly on ±180), every part of a line of two points or
        /// more has two points or more, and no segment of a part spans more than 180°.
        #[test]
        fn no_part_is_a_lone_point(
            pts in points(2..8)
        ) {
            let line: Vec<Coord> = pts.iter().map(|&(x, y)| c(x, y)).collect();
            for part in split_antimeridian(&line) {
                proptest::prop_assert!(part.len() >= 2, "{part:?} of {line:?}");
                for w in part.windows(2) {
                    proptest::prop_assert!((w[1].x - w[0].x).abs() <= 180.0, "{part:?}");
                }
            }
        }
    }

    proptest::proptest! {
        /// A line taken as one part is what splitting gives back.
        #[test]
        fn one_part_is_the_split_line(
            pts in points(0..6)
        ) {
            let line: Vec<Coord> = pts.iter().map(|&(x, y)| c(x, y)).collect();
            if is_one_part(&line) {
                proptest::prop_assert_eq!(split_antimeridian(&line), vec![line]);
            }
        }
    }

    #[test]
    fn empty_line_has_no_parts() {
        assert!(split_antimeridian(&[]).is_empty());
    }
}
