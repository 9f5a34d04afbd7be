//! Lines simplified to the pixel grid: a leg densified along its geodesic every 10 km keeps
//! a vertex every few pixels even where, as drawn, it is straight to a fraction of a pixel.

use super::Px;

/// How far a dropped vertex may lie from the simplified line, pixels: a third of the stream's
/// own resampling tolerance, and the SVG's coordinate step (0.1 px).
pub(super) const SIMPLIFY_TOLERANCE_PX: f64 = 0.1;

/// `line` with the vertices dropped that lie within `tolerance` pixels of the line through
/// those kept (Douglas–Peucker: keep the ends, then the farthest vertex of each span while it
/// strays more than the tolerance). The ends are always kept; a line of two or three points
/// is returned as it is when nothing strays, so short lines cost nothing.
pub(super) fn simplify(line: &[Px], tolerance: f64) -> Vec<Px> {
    if line.len() < 3 {
        return line.to_vec();
    }
    let mut keep = vec![false; line.len()];
    keep[0] = true;
    keep[line.len() - 1] = true;
    let mut spans = vec![(0, line.len() - 1)];
    while let Some((i, j)) = spans.pop() {
        if j <= i + 1 {
            continue;
        }
        let (a, b) = (line[i], line[j]);
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let len = dx.hypot(dy);
        // Distance from the chord a-b; from a itself when the chord has no length (a loop
        // that comes back to where it started).
        let off = |p: Px| match len > 0.0 {
            true => ((p.0 - a.0) * dy - (p.1 - a.1) * dx).abs() / len,
            false => (p.0 - a.0).hypot(p.1 - a.1),
        };
        let (far, d) = (i + 1..j)
            .map(|k| (k, off(line[k])))
            .fold((i, -1.0), |best, c| if c.1 > best.1 { c } else { best });
        // Also a vertex beyond the ends of the chord (a line that doubles back on itself)
        // counts by its distance from the nearer end, which the chord's distance understates.
        let beyond = (i + 1..j).find(|&k| {
            let p = line[k];
            let t = ((p.0 - a.0) * dx + (p.1 - a.1) * dy) / (len * len).max(f64::MIN_POSITIVE);
            (t < 0.0 && (p.0 - a.0).hypot(p.1 - a.1) > tolerance)
                || (t > 1.0 && (p.0 - b.0).hypot(p.1 - b.1) > tolerance)
        });
        let split = match beyond {
            Some(k) => Some(k),
            None => (d > tolerance).then_some(far),
        };
        if let Some(k) = split {
            keep[k] = true;
            spans.push((i, k));
            spans.push((k, j));
        }
    }
    line.iter()
        .zip(keep)
        .filter_map(|(p, k)| k.then_some(*p))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_straight_run_keeps_its_ends_and_a_bend_keeps_its_corner() {
        let straight: Vec<Px> = (0..50).map(|i| (f64::from(i) * 9.0, 3.0)).collect();
        assert_eq!(simplify(&straight, 0.1), vec![(0.0, 3.0), (441.0, 3.0)]);
        let bent = [(0.0, 0.0), (5.0, 0.05), (10.0, 0.0), (10.0, 10.0)];
        assert_eq!(
            simplify(&bent, 0.1),
            vec![(0.0, 0.0), (10.0, 0.0), (10.0, 10.0)]
        );
    }

    #[test]
    fn every_dropped_vertex_stays_within_the_tolerance() {
        // A gentle arc, as a long geodesic on a conic map draws.
        let arc: Vec<Px> = (0..=200)
            .map(|i| {
                let t = f64::from(i) / 200.0;
                (t * 800.0, 40.0 * (t * std::f64::consts::PI).sin())
            })
            .collect();
        let kept = simplify(&arc, 0.1);
        assert!(
            kept.len() < arc.len() / 2,
            "{} of {}",
            kept.len(),
            arc.len()
        );
        for p in &arc {
            let d = kept
                .windows(2)
                .map(|w| {
                    let (a, b) = (w[0], w[1]);
                    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
                    let t = (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / (dx * dx + dy * dy))
                        .clamp(0.0, 1.0);
                    (p.0 - a.0 - t * dx).hypot(p.1 - a.1 - t * dy)
                })
                .fold(f64::INFINITY, f64::min);
            assert!(d <= 0.1 + 1e-9, "{p:?} is {d} px off");
        }
    }

    #[test]
    fn a_line_that_doubles_back_keeps_its_turn() {
        let back = [(0.0, 0.0), (10.0, 0.0), (4.0, 0.0)];
        assert_eq!(simplify(&back, 0.1), back.to_vec());
    }
}
