//! Splitting lines where they cross ±180° (RFC 7946 §3.1.9), so no segment spans the map.

use geo::{Coord, Geodesic, InterpolatePoint, Point};

/// Splits a lon/lat line wherever a segment jumps more than 180° in longitude, which for a
/// densified geodesic means it crosses the antimeridian. Each crossing ends one part at
/// longitude ±180 and starts the next at ∓180, at the latitude where the geodesic between the
/// two vertices meets the antimeridian (found by bisection along the geodesic, so it is right
/// even for a segment passing near a pole, where interpolating latitude would cut a corner).
///
/// Returns one part for a line that does not cross. Every longitude is in [-180, 180].
pub fn split_antimeridian(line: &[Coord]) -> Vec<Vec<Coord>> {
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

/// Latitude where the geodesic from `a` to `b` reaches longitude `edge` (±180). Longitude is
/// monotonic along a geodesic, so bisection on the fraction of its length converges.
fn crossing_latitude(a: Coord, b: Coord, edge: f64) -> f64 {
    // Longitude relative to `a`, unwrapped in the direction of travel (towards `edge`).
    let toward = |lon: f64| {
        let d = (lon - a.x).rem_euclid(360.0);
        if edge > 0.0 { d } else { d - 360.0 }
    };
    let target = toward(edge);
    let (pa, pb) = (Point::from(a), Point::from(b));
    let (mut lo, mut hi) = (0.0_f64, 1.0_f64);
    let mut lat = (a.y + b.y) / 2.0;
    for _ in 0..48 {
        let mid = (lo + hi) / 2.0;
        let p = Geodesic.point_at_ratio_between(pa, pb, mid);
        lat = p.y();
        let passed = if edge > 0.0 {
            toward(p.x()) >= target
        } else {
            toward(p.x()) <= target
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
    fn empty_line_has_no_parts() {
        assert!(split_antimeridian(&[]).is_empty());
    }
}
