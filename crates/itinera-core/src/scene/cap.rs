//! Clipping to a small circle of the sphere, for the azimuthal projections: the hemisphere an
//! orthographic globe shows, or all but the antipode of an azimuthal equidistant or equal-area
//! map (d3-geo's `clipCircle`). Geometry is in centre-relative degrees (x = λ − λ₀, y = φ),
//! with the circle's centre at (0, φ₀).
//!
//! Lines are cut where they cross the circle. A ring keeps its arcs inside, and each arc that
//! leaves the circle is joined to the next one that enters it along the circle, turning the
//! way that keeps the ring's inside on its left (Weiler–Atherton for a convex region); a ring
//! all outside that holds the centre becomes the whole circle.

/// A point in centre-relative degrees.
pub(super) type Rel = (f64, f64);

/// Points of the circle drawn between an exit and an entry, at most this many degrees of
/// azimuth apart.
const ARC_STEP_DEG: f64 = 2.0;

/// The circle of angular radius `radius` round (0, `lat0`).
#[derive(Debug, Clone, Copy)]
pub(super) struct Cap {
    sin0: f64,
    cos0: f64,
    radius: f64,
    cos_r: f64,
}

impl Cap {
    pub(super) fn new(lat0: f64, radius_deg: f64) -> Cap {
        // Centred a hair off a pole, where azimuths are defined.
        let (sin0, cos0) = lat0.clamp(-89.9999, 89.9999).to_radians().sin_cos();
        let radius = radius_deg.to_radians();
        Cap {
            sin0,
            cos0,
            radius,
            cos_r: radius.cos(),
        }
    }

    /// The cosine of the angle between `p` and the centre, less that of the radius: positive
    /// inside.
    fn inside_by(&self, p: Rel) -> f64 {
        let (sp, cp) = p.1.to_radians().sin_cos();
        sp * self.sin0 + cp * self.cos0 * p.0.to_radians().cos() - self.cos_r
    }

    pub(super) fn contains(&self, p: Rel) -> bool {
        self.inside_by(p) > 0.0
    }

    /// Where the straight lon/lat segment from `a` (inside) to `b` (outside) meets the circle.
    fn crossing(&self, a: Rel, b: Rel) -> Rel {
        let (mut lo, mut hi) = (0.0_f64, 1.0_f64);
        let at = |t: f64| (a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1));
        for _ in 0..40 {
            let mid = (lo + hi) / 2.0;
            if self.contains(at(mid)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        at(lo)
    }

    /// Azimuth of `p` seen from the centre, radians clockwise from north.
    fn azimuth(&self, p: Rel) -> f64 {
        let (sp, cp) = p.1.to_radians().sin_cos();
        let (sl, cl) = p.0.to_radians().sin_cos();
        (sl * cp).atan2(self.cos0 * sp - self.sin0 * cp * cl)
    }

    /// The point of the circle at azimuth `az` (radians).
    fn at_azimuth(&self, az: f64) -> Rel {
        let (sr, cr) = self.radius.sin_cos();
        let lat = (self.sin0 * cr + self.cos0 * sr * az.cos())
            .clamp(-1.0, 1.0)
            .asin();
        let lon = (az.sin() * sr * self.cos0).atan2(cr - self.sin0 * lat.sin());
        (lon.to_degrees(), lat.to_degrees())
    }

    /// The whole circle, counter-clockwise on the map (azimuth decreasing), its longitudes
    /// continuous (a circle over a pole runs past ±180°).
    pub(super) fn circle(&self) -> Vec<Rel> {
        let n = (360.0 / ARC_STEP_DEG) as usize;
        let mut out: Vec<Rel> = Vec::with_capacity(n);
        for i in 0..n {
            let p = self.at_azimuth(-(i as f64) * std::f64::consts::TAU / n as f64);
            out.push(out.last().map_or(p, |&prev| continuous(prev, p)));
        }
        out
    }

    /// The runs of a line inside the circle.
    pub(super) fn clip_line(&self, line: &[Rel]) -> Vec<Vec<Rel>> {
        let mut out = Vec::new();
        let mut cur: Vec<Rel> = Vec::new();
        let mut prev: Option<(Rel, bool)> = None;
        for &p in line {
            let inside = self.contains(p);
            match prev {
                Some((a, true)) if !inside => {
                    cur.push(self.crossing(a, p));
                    if cur.len() > 1 {
                        out.push(std::mem::take(&mut cur));
                    }
                    cur.clear();
                }
                Some((a, false)) if inside => cur.push(self.crossing(p, a)),
                _ => {}
            }
            if inside {
                cur.push(p);
            }
            prev = Some((p, inside));
        }
        if cur.len() > 1 {
            out.push(cur);
        }
        out
    }

    /// A closed ring (a polygon of the relative lon/lat plane) clipped to the circle: the rings
    /// of what is inside.
    pub(super) fn clip_ring(&self, ring: &[Rel]) -> Vec<Vec<Rel>> {
        let n = ring.len();
        if n < 3 {
            return Vec::new();
        }
        let inside: Vec<bool> = ring.iter().map(|&p| self.contains(p)).collect();
        if inside.iter().all(|&v| v) {
            return vec![ring.to_vec()];
        }
        if !inside.iter().any(|&v| v) {
            // Wholly outside, or round the whole circle.
            return if super::clip::ring_contains(
                ring,
                (0.0, self.sin0.atan2(self.cos0).to_degrees()),
            ) {
                vec![self.circle()]
            } else {
                Vec::new()
            };
        }
        // Arcs inside, each from where the ring enters the circle to where it leaves it.
        let start = (0..n)
            .find(|&i| inside[i] && !inside[(i + n - 1) % n])
            .unwrap_or(0);
        let mut arcs: Vec<Vec<Rel>> = Vec::new();
        let mut cur: Vec<Rel> = Vec::new();
        for k in 0..n {
            let i = (start + k) % n;
            let prev = (i + n - 1) % n;
            if inside[i] {
                if !inside[prev] {
                    cur = vec![self.crossing(ring[i], ring[prev])];
                }
                cur.push(ring[i]);
                let next = (i + 1) % n;
                if !inside[next] {
                    cur.push(self.crossing(ring[i], ring[next]));
                    arcs.push(std::mem::take(&mut cur));
                }
            }
        }
        // Each exit is joined along the circle to the next entry, turning the way the ring
        // turns (a counter-clockwise ring has its inside on the left, so it follows the circle
        // counter-clockwise, which is decreasing azimuth).
        let ccw = signed_area(ring) > 0.0;
        let entries: Vec<f64> = arcs.iter().map(|a| self.azimuth(a[0])).collect();
        let mut used = vec![false; arcs.len()];
        let mut out = Vec::new();
        for first in 0..arcs.len() {
            if used[first] {
                continue;
            }
            let mut piece: Vec<Rel> = Vec::new();
            let mut at = first;
            loop {
                used[at] = true;
                piece.extend(&arcs[at]);
                let exit = self.azimuth(arcs[at][arcs[at].len() - 1]);
                // The entry reached first turning from the exit.
                let turn = |to: f64| {
                    let d = if ccw { exit - to } else { to - exit };
                    d.rem_euclid(std::f64::consts::TAU)
                };
                let Some(next) =
                    (0..arcs.len()).min_by(|&a, &b| turn(entries[a]).total_cmp(&turn(entries[b])))
                else {
                    break;
                };
                let sweep = turn(entries[next]);
                let steps = (sweep.to_degrees() / ARC_STEP_DEG).ceil() as usize;
                for s in 1..steps {
                    let t = s as f64 / steps as f64 * sweep;
                    let p = self.at_azimuth(if ccw { exit - t } else { exit + t });
                    piece.push(piece.last().map_or(p, |&prev| continuous(prev, p)));
                }
                if used[next] {
                    break;
                }
                at = next;
            }
            if piece.len() >= 3 {
                out.push(piece);
            }
        }
        out
    }
}

/// `p` moved by whole turns of longitude to within 180° of `prev`.
pub(super) fn continuous(prev: Rel, p: Rel) -> Rel {
    let mut x = p.0;
    while x - prev.0 > 180.0 {
        x -= 360.0;
    }
    while x - prev.0 < -180.0 {
        x += 360.0;
    }
    (x, p.1)
}

/// Twice the signed area of a ring (counter-clockwise positive, x east and y north).
fn signed_area(ring: &[Rel]) -> f64 {
    ring.iter()
        .zip(ring.iter().cycle().skip(1))
        .map(|(a, b)| a.0 * b.1 - b.0 * a.1)
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_inside_and_on_the_circle() {
        let cap = Cap::new(50.0, 90.0);
        assert!(cap.contains((0.0, 50.0)));
        assert!(cap.contains((80.0, 30.0)));
        assert!(!cap.contains((180.0, -50.0)), "the antipode");
        for p in cap.circle() {
            assert!(cap.inside_by(p).abs() < 1e-9, "{p:?}");
        }
        let c = cap.crossing((0.0, 50.0), (180.0, -50.0));
        assert!(cap.inside_by(c).abs() < 1e-6);
    }

    #[test]
    fn a_line_is_cut_where_it_crosses_the_circle() {
        let cap = Cap::new(0.0, 30.0);
        let runs = cap.clip_line(&[(-60.0, 0.0), (0.0, 0.0), (60.0, 0.0)]);
        assert_eq!(runs.len(), 1);
        let r = &runs[0];
        assert!((r[0].0 + 30.0).abs() < 1e-6 && (r[r.len() - 1].0 - 30.0).abs() < 1e-6);
    }

    #[test]
    fn a_ring_half_outside_is_closed_along_the_circle() {
        let cap = Cap::new(0.0, 30.0);
        // A square from the centre to far east, counter-clockwise.
        let ring = vec![(0.0, -10.0), (60.0, -10.0), (60.0, 10.0), (0.0, 10.0)];
        let out = cap.clip_ring(&ring);
        assert_eq!(out.len(), 1);
        let piece = &out[0];
        assert!(piece.iter().all(|&p| cap.inside_by(p) > -1e-6));
        // The closing part runs along the circle's east side, near 30° E.
        assert!(
            piece
                .iter()
                .any(|p| (p.0 - 30.0).abs() < 0.5 && p.1.abs() < 1.0)
        );
        assert!(signed_area(piece) > 0.0, "orientation kept");
        // Clockwise, the same.
        let mut cw = ring.clone();
        cw.reverse();
        let out = cap.clip_ring(&cw);
        assert_eq!(out.len(), 1);
        assert!(signed_area(&out[0]) < 0.0);
    }

    #[test]
    fn a_ring_round_the_circle_becomes_the_circle_and_one_outside_goes() {
        let cap = Cap::new(0.0, 20.0);
        let big = vec![(-50.0, -50.0), (50.0, -50.0), (50.0, 50.0), (-50.0, 50.0)];
        assert_eq!(cap.clip_ring(&big), vec![cap.circle()]);
        // A circle over the pole runs on past 180° instead of jumping back.
        let polar = Cap::new(50.0, 89.0).circle();
        assert!(polar.windows(2).all(|w| (w[1].0 - w[0].0).abs() < 20.0));
        let far = vec![(100.0, 0.0), (110.0, 0.0), (110.0, 10.0)];
        assert!(cap.clip_ring(&far).is_empty());
    }

    #[test]
    fn a_ring_crossing_the_circle_twice_over_gives_two_pieces() {
        let cap = Cap::new(0.0, 30.0);
        // A U whose arms reach into the circle from the south: two separate pieces inside.
        let ring = vec![
            (-20.0, -60.0),
            (20.0, -60.0),
            (20.0, 10.0),
            (10.0, 10.0),
            (10.0, -50.0),
            (-10.0, -50.0),
            (-10.0, 10.0),
            (-20.0, 10.0),
        ];
        let out = cap.clip_ring(&ring);
        assert_eq!(out.len(), 2, "{out:?}");
    }
}
