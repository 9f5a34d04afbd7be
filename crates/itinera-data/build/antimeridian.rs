//! Cutting basemap geometry at ±180°.
//!
//! Natural Earth cuts its shapes at the antimeridian, but world-atlas ran them through
//! `geostitch` (d3-geo-projection) for spherical rendering, which joins the halves again: a
//! ring such as Eurasia + Chukotka, Fiji or Antarctica then has segments that jump from about
//! +180 to -180. In planar lon/lat such a segment spans the whole map, so these functions cut
//! the geometry again, interpolating linearly in lon/lat (how Natural Earth's cut lines run).

use geo::{Coord, LineString, Polygon};

/// True if some segment jumps more than 180° in longitude (crosses the antimeridian).
fn jumps(coords: &[Coord]) -> bool {
    coords.windows(2).any(|w| (w[1].x - w[0].x).abs() > 180.0)
}

/// The polygon in parts that never cross ±180°, longitudes in [-180, 180]; the polygon
/// itself when it does not cross. A ring that goes round a pole (Antarctica, once stitched)
/// is closed along that pole's parallel, ±90, as Natural Earth draws it.
pub(crate) fn cut_polygon(polygon: Polygon) -> Vec<Polygon> {
    if !jumps(&polygon.exterior().0) && !polygon.interiors().iter().any(|r| jumps(&r.0)) {
        return vec![polygon];
    }
    let (exterior, interiors) = polygon.into_inner();
    let (mut ring, turns) = unwrap(&exterior.0);
    if turns != 0.0 {
        ring = around_pole(&exterior.0);
    }
    let mut pieces: Vec<(LineString, Vec<LineString>)> = strips(&ring)
        .into_iter()
        .map(|piece| (piece, Vec::new()))
        .collect();
    for hole in interiors {
        let (mut hole, turns) = unwrap(&hole.0);
        if turns != 0.0 {
            // A "hole" going round the globe is a stitching artefact along a pole: the
            // 1:50m Antarctica has one, every vertex at -90. It encloses nothing.
            continue;
        }
        let (west, east) = x_range(&hole);
        let shift = 360.0 * ((west + east) / 2.0 / 360.0).round();
        for c in &mut hole {
            c.x -= shift;
        }
        for part in strips(&hole) {
            let (w, s, e, n) = bounds(&part.0);
            let host = pieces.iter_mut().find(|(outer, _)| {
                let (ow, os, oe, on) = bounds(&outer.0);
                ow <= w && os <= s && e <= oe && n <= on
            });
            if let Some((_, holes)) = host {
                holes.push(part);
            }
        }
    }
    pieces
        .into_iter()
        .map(|(exterior, holes)| Polygon::new(exterior, holes))
        .collect()
}

/// The line in parts that never cross ±180°: each crossing ends a part at ±180 and starts
/// the next at ∓180, at the latitude interpolated linearly between the two vertices.
pub(crate) fn cut_line(line: LineString) -> Vec<LineString> {
    if !jumps(&line.0) {
        return vec![line];
    }
    let mut parts = Vec::new();
    let mut part: Vec<Coord> = Vec::new();
    for (i, &c) in line.0.iter().enumerate() {
        if let Some(&prev) = i.checked_sub(1).and_then(|j| line.0.get(j)) {
            let dx = c.x - prev.x;
            if dx.abs() > 180.0 {
                // Eastward (179 -> -179) meets +180 first; westward meets -180.
                let edge = if dx < 0.0 { 180.0 } else { -180.0 };
                let x = c.x + 2.0 * edge; // `c` moved next to `prev`
                let y = if x == prev.x {
                    prev.y
                } else {
                    prev.y + (edge - prev.x) / (x - prev.x) * (c.y - prev.y)
                };
                if prev.x != edge {
                    part.push(Coord { x: edge, y });
                }
                parts.push(std::mem::take(&mut part));
                if c.x != -edge {
                    part.push(Coord { x: -edge, y });
                }
            }
        }
        part.push(c);
    }
    parts.push(part);
    parts
        .into_iter()
        .filter(|p| p.len() >= 2)
        .map(LineString::new)
        .collect()
}

/// The ring with longitudes made continuous (each jump over 180° undone by ±360), and the
/// total shift at the end: 0 for a ring that closes, ±360 for one that goes round a pole.
fn unwrap(ring: &[Coord]) -> (Vec<Coord>, f64) {
    let mut shift = 0.0;
    let mut out = Vec::with_capacity(ring.len() + 3);
    for (i, &c) in ring.iter().enumerate() {
        if let Some(prev) = i.checked_sub(1).and_then(|j| ring.get(j)) {
            let dx = c.x - prev.x;
            if dx > 180.0 {
                shift -= 360.0;
            } else if dx < -180.0 {
                shift += 360.0;
            }
        }
        out.push(Coord {
            x: c.x + shift,
            y: c.y,
        });
    }
    (out, shift)
}

/// A closed ring that goes round a pole, with continuous longitudes and closed along the
/// antimeridian and the pole's parallel: where the ring crosses ±180° for the last time, it
/// goes to the pole, 360° back along it, and up again. The result spans exactly one 360° strip.
fn around_pole(ring: &[Coord]) -> Vec<Coord> {
    // Rotate the ring so that its closing segment crosses the antimeridian.
    let open = &ring[..ring.len().saturating_sub(1)];
    let j = (1..open.len())
        .find(|&j| (open[j].x - open[j - 1].x).abs() > 180.0)
        .unwrap_or(0);
    let mut rotated = open[j..].to_vec();
    rotated.extend_from_slice(&open[..j]);
    rotated.push(rotated[0]);
    let (mut ring, turns) = unwrap(&rotated);
    let (Some(b), Some(&first)) = (ring.pop(), ring.first()) else {
        return ring;
    };
    let a = ring[ring.len() - 1];
    // The antimeridian (an odd multiple of 180 here) between `a` and `b`.
    let edge = 180.0 + 360.0 * (((a.x + b.x) / 2.0 - 180.0) / 360.0).round();
    let y = if a.x == b.x {
        a.y
    } else {
        a.y + (edge - a.x) / (b.x - a.x) * (b.y - a.y)
    };
    let mean_lat = ring.iter().map(|c| c.y).sum::<f64>() / ring.len() as f64;
    let pole = if mean_lat < 0.0 { -90.0 } else { 90.0 };
    // Along the pole in 90° steps, so that no segment spans more than 180°.
    ring.push(Coord { x: edge, y });
    ring.extend((0..=4).map(|k| Coord {
        x: edge - turns * f64::from(k) / 4.0,
        y: pole,
    }));
    ring.extend([Coord { x: edge - turns, y }, first]);
    ring
}

/// The parts of a closed ring with continuous longitudes that fall in each 360°-wide strip
/// [-180 + 360k, 180 + 360k], moved by -360k into [-180, 180]. Parts without area are dropped.
fn strips(ring: &[Coord]) -> Vec<LineString> {
    let (west, east) = x_range(ring);
    let first = ((west + 180.0) / 360.0).floor() as i32;
    let last = ((east - 180.0) / 360.0).ceil() as i32;
    (first..=last.max(first))
        .filter_map(|k| {
            let offset = 360.0 * f64::from(k);
            let part = clip(&clip(ring, offset - 180.0, true), offset + 180.0, false);
            let mut part: Vec<Coord> = part
                .into_iter()
                .map(|c| Coord {
                    x: (c.x - offset).clamp(-180.0, 180.0),
                    y: c.y,
                })
                .collect();
            part.dedup();
            (part.len() >= 4 && area(&part).abs() > 1e-12).then(|| LineString::new(part))
        })
        .collect()
}

/// Sutherland–Hodgman: the closed ring cut by the vertical line x = `edge`, keeping the side
/// east of it (`keep_east`) or west. Concave rings that cross the line several times come out
/// as one ring joined by zero-width spans along the line, which fill correctly.
fn clip(ring: &[Coord], edge: f64, keep_east: bool) -> Vec<Coord> {
    let inside = |c: Coord| if keep_east { c.x >= edge } else { c.x <= edge };
    let cross = |a: Coord, b: Coord| Coord {
        x: edge,
        y: a.y + (edge - a.x) / (b.x - a.x) * (b.y - a.y),
    };
    let mut out = Vec::with_capacity(ring.len() + 4);
    for w in ring.windows(2) {
        let (a, b) = (w[0], w[1]);
        match (inside(a), inside(b)) {
            (true, true) => out.push(b),
            (true, false) => out.push(cross(a, b)),
            (false, true) => {
                out.push(cross(a, b));
                out.push(b);
            }
            (false, false) => {}
        }
    }
    if let Some(&first) = out.first() {
        out.push(first);
    }
    out
}

fn x_range(coords: &[Coord]) -> (f64, f64) {
    coords
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(w, e), c| {
            (w.min(c.x), e.max(c.x))
        })
}

/// (west, south, east, north).
fn bounds(coords: &[Coord]) -> (f64, f64, f64, f64) {
    coords.iter().fold(
        (
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        ),
        |(w, s, e, n), c| (w.min(c.x), s.min(c.y), e.max(c.x), n.max(c.y)),
    )
}

/// Signed area of a closed ring (shoelace), square degrees.
fn area(ring: &[Coord]) -> f64 {
    ring.windows(2)
        .map(|w| w[0].x * w[1].y - w[1].x * w[0].y)
        .sum::<f64>()
        / 2.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{Area, BoundingRect, Contains, Point};

    fn ring(points: &[(f64, f64)]) -> LineString {
        LineString::from(points.to_vec())
    }

    /// No segment jumps over 180° and every longitude is in [-180, 180].
    fn assert_planar(coords: &[Coord]) {
        assert!(!jumps(coords), "{coords:?}");
        assert!(
            coords.iter().all(|c| (-180.0..=180.0).contains(&c.x)),
            "{coords:?}"
        );
    }

    mod polygons {
        use super::*;

        #[test]
        fn a_polygon_that_does_not_cross_is_unchanged() {
            let square = Polygon::new(
                ring(&[(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 0.0)]),
                vec![],
            );
            assert_eq!(cut_polygon(square.clone()), vec![square]);
        }

        #[test]
        fn an_island_across_the_antimeridian_becomes_two() {
            // 178..-178 by 10..12 as geostitch leaves it: jumps at both crossings.
            let island = Polygon::new(
                ring(&[
                    (178.0, 10.0),
                    (-178.0, 10.0),
                    (-178.0, 12.0),
                    (178.0, 12.0),
                    (178.0, 10.0),
                ]),
                vec![],
            );
            let parts = cut_polygon(island);
            assert_eq!(parts.len(), 2);
            for part in &parts {
                assert_planar(&part.exterior().0);
                assert!((part.unsigned_area() - 4.0).abs() < 1e-9);
            }
            let rects: Vec<_> = parts.iter().map(|p| p.bounding_rect().unwrap()).collect();
            assert!(
                rects
                    .iter()
                    .any(|r| r.min().x == 178.0 && r.max().x == 180.0)
            );
            assert!(
                rects
                    .iter()
                    .any(|r| r.min().x == -180.0 && r.max().x == -178.0)
            );
        }

        #[test]
        fn a_ring_around_the_south_pole_is_closed_along_minus_90() {
            // Antarctica as world-atlas stores it: eastward round the globe, no polar edge.
            let antarctica = Polygon::new(
                ring(&[
                    (-60.0, -70.0),
                    (60.0, -70.0),
                    (180.0, -75.0),
                    (-60.0, -70.0),
                ]),
                vec![],
            );
            let parts = cut_polygon(antarctica);
            assert_eq!(parts.len(), 1);
            assert_planar(&parts[0].exterior().0);
            let rect = parts[0].bounding_rect().unwrap();
            assert_eq!(
                (rect.min().x, rect.min().y, rect.max().x),
                (-180.0, -90.0, 180.0)
            );
            assert!(parts[0].contains(&Point::new(0.0, -89.0)));
            assert!(parts[0].contains(&Point::new(179.0, -80.0)));
            assert!(!parts[0].contains(&Point::new(0.0, -60.0)));
        }

        #[test]
        fn a_hole_stays_with_its_part_and_a_polar_hole_is_dropped() {
            let exterior = ring(&[
                (170.0, 0.0),
                (-170.0, 0.0),
                (-170.0, 10.0),
                (170.0, 10.0),
                (170.0, 0.0),
            ]);
            let lake = ring(&[(172.0, 2.0), (174.0, 2.0), (174.0, 4.0), (172.0, 2.0)]);
            let polar = ring(&[
                (-180.0, -90.0),
                (0.0, -90.0),
                (180.0, -90.0),
                (-180.0, -90.0),
            ]);
            let parts = cut_polygon(Polygon::new(exterior, vec![lake.clone(), polar]));
            assert_eq!(parts.len(), 2);
            let west = parts.iter().find(|p| p.exterior().0[0].x > 0.0).unwrap();
            let east = parts.iter().find(|p| p.exterior().0[0].x < 0.0).unwrap();
            assert_eq!(west.interiors().len(), 1);
            let hole = Polygon::new(west.interiors()[0].clone(), vec![]);
            let lake = Polygon::new(lake, vec![]);
            assert_eq!(hole.bounding_rect(), lake.bounding_rect());
            assert_eq!(hole.unsigned_area(), lake.unsigned_area());
            assert!(east.interiors().is_empty());
            assert!(!west.contains(&Point::new(173.5, 2.5)));
        }
    }

    mod lines {
        use super::*;

        #[test]
        fn a_line_that_does_not_cross_is_unchanged() {
            let line = ring(&[(10.0, 0.0), (20.0, 5.0)]);
            assert_eq!(cut_line(line.clone()), vec![line]);
        }

        #[test]
        fn an_eastward_crossing_splits_at_plus_180_interpolating_latitude() {
            let parts = cut_line(ring(&[(178.0, 10.0), (-178.0, 14.0)]));
            assert_eq!(
                parts,
                vec![
                    ring(&[(178.0, 10.0), (180.0, 12.0)]),
                    ring(&[(-180.0, 12.0), (-178.0, 14.0)])
                ]
            );
        }

        #[test]
        fn a_westward_crossing_through_a_vertex_on_the_antimeridian_adds_no_duplicate() {
            let parts = cut_line(ring(&[(-179.0, 0.0), (-180.0, 1.0), (179.0, 2.0)]));
            assert_eq!(
                parts,
                vec![
                    ring(&[(-179.0, 0.0), (-180.0, 1.0)]),
                    ring(&[(180.0, 1.0), (179.0, 2.0)])
                ]
            );
        }
    }
}
