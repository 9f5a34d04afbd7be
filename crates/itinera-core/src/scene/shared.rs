//! Legs that share a track (out and back on one line, two trips over the same leg) are drawn
//! side by side, as transit maps draw lines that share a street: each is offset from the
//! geodesic by its place in the bundle, so that none hides another.

use super::*;

/// A leg's place in its bundle: how far to move it from the track, in pixels, to the left of
/// its own direction (negative: to the right).
pub(super) type Offsets = HashMap<(usize, usize), f64>;

/// A track between two places, its ends in order: legs on it, each with its route and leg
/// index and whether it runs in that order.
type Track = ((i64, i64), (i64, i64));

/// The end of a leg, rounded to about ten metres, so that legs between the same places match.
fn end_key(c: geo::Coord) -> (i64, i64) {
    ((c.x * 1e4).round() as i64, (c.y * 1e4).round() as i64)
}

/// The offset of every leg that shares both its ends with another leg (of its trip or of
/// another), keyed by (route, leg). Legs of a bundle are spaced by the widest stroke in it plus
/// a gap; each keeps the same side of the track whichever way it runs.
pub(super) fn offsets(routes: &[Route], unit: f64) -> Offsets {
    // Every leg by its track, sorted (stably: a bundle's legs stay in the order of the
    // routes), then taken a run of one track at a time; a sort, not a map of lists, so a
    // track of 100,000 legs costs no allocation per leg.
    let mut legs: Vec<(Track, usize, usize, bool)> = Vec::new();
    for (r, route) in routes.iter().enumerate() {
        for (l, leg) in route.legs.iter().enumerate() {
            let (a, b) = (end_key(leg.start), end_key(leg.end));
            if a == b {
                continue;
            }
            let forward = a < b;
            let key = if forward { (a, b) } else { (b, a) };
            legs.push((key, r, l, forward));
        }
    }
    legs.sort_by_key(|&(key, ..)| key);
    let mut out = Offsets::new();
    for members in legs.chunk_by(|x, y| x.0 == y.0).filter(|m| m.len() > 1) {
        let widest = members
            .iter()
            .map(|&(_, r, l, _)| Stroke::for_mode(routes[r].legs[l].mode).width)
            .fold(0.0, f64::max);
        let spacing = (widest + 2.0) * unit;
        let middle = (members.len() - 1) as f64 / 2.0;
        for (i, &(_, r, l, forward)) in members.iter().enumerate() {
            // Measured on the bundle's own direction; a leg that runs the other way turns its
            // left into its right.
            let across = (i as f64 - middle) * spacing;
            out.insert((r, l), if forward { across } else { -across });
        }
    }
    out
}

/// `line` moved `d` pixels to the left of its direction (screen coordinates, y down), each
/// vertex along the mean of the normals of its two segments.
pub(super) fn offset_line(line: &[Px], d: f64) -> Vec<Px> {
    if d == 0.0 || line.len() < 2 {
        return line.to_vec();
    }
    let normal = |a: Px, b: Px| -> Option<Px> {
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let len = dx.hypot(dy);
        (len > 1e-9).then(|| (dy / len, -dx / len))
    };
    let n = line.len();
    (0..n)
        .map(|i| {
            let before = (i > 0).then(|| normal(line[i - 1], line[i])).flatten();
            let after = (i + 1 < n).then(|| normal(line[i], line[i + 1])).flatten();
            let (nx, ny) = match (before, after) {
                (Some(a), Some(b)) => {
                    // Along the bisector, by the mitre (capped at twice the offset at a sharp
                    // turn), so both segments keep their distance.
                    let (x, y) = (a.0 + b.0, a.1 + b.1);
                    let len = x.hypot(y);
                    if len < 1e-6 {
                        a
                    } else {
                        let (mx, my) = (x / len, y / len);
                        let mitre = 1.0 / (mx * a.0 + my * a.1).max(0.5);
                        (mx * mitre, my * mitre)
                    }
                }
                (Some(a), None) | (None, Some(a)) => a,
                (None, None) => (0.0, 0.0),
            };
            (line[i].0 + nx * d, line[i].1 + ny * d)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_moves_its_distance_to_the_left_of_its_direction() {
        // Eastward on screen (y down): left is up, negative y.
        let moved = offset_line(&[(0.0, 0.0), (10.0, 0.0), (20.0, 0.0)], 3.0);
        assert_eq!(moved, vec![(0.0, -3.0), (10.0, -3.0), (20.0, -3.0)]);
        // At a right-angle bend every point keeps three pixels from both segments.
        let bent = offset_line(&[(0.0, 0.0), (10.0, 0.0), (10.0, 10.0)], 3.0);
        let corner = bent[1];
        assert!(
            (corner.0 - 13.0).abs() < 1e-9 && (corner.1 + 3.0).abs() < 1e-9,
            "{corner:?}"
        );
    }

    #[test]
    fn out_and_back_legs_take_opposite_sides_of_the_track() {
        let routes = super::super::tests::routes(&["Moscow", "Saint Petersburg", "Moscow"]);
        let o = offsets(&routes, 1.0);
        let (out, back) = (o[&(0, 0)], o[&(0, 1)]);
        assert!(out != 0.0 && back != 0.0);
        // Each to its own left of its direction, so on opposite sides in the bundle's frame:
        // the same sign, as each measures on its own direction.
        assert_eq!(out, back);
        let line = [(0.0, 0.0), (100.0, 0.0)];
        let reversed = [(100.0, 0.0), (0.0, 0.0)];
        let a = offset_line(&line, out);
        let b = offset_line(&reversed, back);
        assert!((a[0].1 - b[1].1).abs() >= 4.9, "{a:?} {b:?}");
    }
}
