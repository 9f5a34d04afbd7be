//! Clipping projected geometry to the map frame, in pixel space.

/// A point in pixels, y down.
pub type Px = (f64, f64);

/// An axis-aligned rectangle in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x0: f64,
    /// Top edge.
    pub y0: f64,
    /// Right edge.
    pub x1: f64,
    /// Bottom edge.
    pub y1: f64,
}

impl Rect {
    /// Width.
    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }

    /// Height.
    pub fn height(&self) -> f64 {
        self.y1 - self.y0
    }

    /// Whether the point is inside (edges included).
    pub fn contains(&self, p: Px) -> bool {
        p.0 >= self.x0 && p.0 <= self.x1 && p.1 >= self.y0 && p.1 <= self.y1
    }

    /// Whether two rectangles overlap (touching edges do not count).
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }

    /// The corners, clockwise from the top left: the rectangle as a ring.
    pub fn corners(&self) -> [Px; 4] {
        [
            (self.x0, self.y0),
            (self.x1, self.y0),
            (self.x1, self.y1),
            (self.x0, self.y1),
        ]
    }

    /// The smallest rectangle holding the points (an inverted one, x0 > x1, for none).
    pub fn around(points: &[Px]) -> Rect {
        points.iter().fold(
            Rect {
                x0: f64::MAX,
                y0: f64::MAX,
                x1: f64::MIN,
                y1: f64::MIN,
            },
            |r, p| Rect {
                x0: r.x0.min(p.0),
                y0: r.y0.min(p.1),
                x1: r.x1.max(p.0),
                y1: r.y1.max(p.1),
            },
        )
    }

    /// The rectangle grown by `d` on every side.
    pub fn grow(&self, d: f64) -> Rect {
        Rect {
            x0: self.x0 - d,
            y0: self.y0 - d,
            x1: self.x1 + d,
            y1: self.y1 + d,
        }
    }
}

/// Clips a polygon ring to `r` (Sutherland–Hodgman). The result may have edges along the frame
/// where the ring left it, which is right for filling. Empty when nothing is inside.
pub fn clip_ring(ring: &[Px], r: &Rect) -> Vec<Px> {
    let mut out: Vec<Px> = ring.to_vec();
    for edge in 0..4 {
        if out.is_empty() {
            break;
        }
        let inside = |p: Px| match edge {
            0 => p.0 >= r.x0,
            1 => p.0 <= r.x1,
            2 => p.1 >= r.y0,
            _ => p.1 <= r.y1,
        };
        let cross = |a: Px, b: Px| match edge {
            0 => at_x(a, b, r.x0),
            1 => at_x(a, b, r.x1),
            2 => at_y(a, b, r.y0),
            _ => at_y(a, b, r.y1),
        };
        let input = std::mem::take(&mut out);
        let mut prev = input[input.len() - 1];
        for &cur in &input {
            match (inside(prev), inside(cur)) {
                (true, true) => out.push(cur),
                (true, false) => out.push(cross(prev, cur)),
                (false, true) => {
                    out.push(cross(prev, cur));
                    out.push(cur);
                }
                (false, false) => {}
            }
            prev = cur;
        }
    }
    if out.len() < 3 { Vec::new() } else { out }
}

/// The area a ring encloses (shoelace), square pixels.
pub fn ring_area(ring: &[Px]) -> f64 {
    ring.iter()
        .zip(ring.iter().cycle().skip(1))
        .map(|(a, b)| a.0 * b.1 - b.0 * a.1)
        .sum::<f64>()
        .abs()
        / 2.0
}

/// Whether `p` lies inside the ring (even-odd rule; a point on an edge may go either way).
pub fn ring_contains(ring: &[Px], p: Px) -> bool {
    let mut inside = false;
    for (a, b) in ring.iter().zip(ring.iter().cycle().skip(1)) {
        if (a.1 > p.1) != (b.1 > p.1) && p.0 < a.0 + (p.1 - a.1) / (b.1 - a.1) * (b.0 - a.0) {
            inside = !inside;
        }
    }
    inside
}

fn at_x(a: Px, b: Px, x: f64) -> Px {
    let t = (x - a.0) / (b.0 - a.0);
    (x, a.1 + t * (b.1 - a.1))
}

fn at_y(a: Px, b: Px, y: f64) -> Px {
    let t = (y - a.1) / (b.1 - a.1);
    (a.0 + t * (b.0 - a.0), y)
}

/// Clips a polyline to `r`: the runs inside, each as its own line (Liang–Barsky per segment).
pub fn clip_line(line: &[Px], r: &Rect) -> Vec<Vec<Px>> {
    let mut runs: Vec<Vec<Px>> = Vec::new();
    let mut cur: Vec<Px> = Vec::new();
    for w in line.windows(2) {
        match clip_segment(w[0], w[1], r) {
            Some((a, b)) => {
                if cur.last() != Some(&a) {
                    if cur.len() > 1 {
                        runs.push(std::mem::take(&mut cur));
                    }
                    cur.clear();
                    cur.push(a);
                }
                cur.push(b);
            }
            None => {
                if cur.len() > 1 {
                    runs.push(std::mem::take(&mut cur));
                }
                cur.clear();
            }
        }
    }
    if cur.len() > 1 {
        runs.push(cur);
    }
    runs
}

/// The part of the segment `a`-`b` inside `r` (Liang-Barsky), if any.
pub(super) fn clip_segment(a: Px, b: Px, r: &Rect) -> Option<(Px, Px)> {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
    for (p, q) in [
        (-dx, a.0 - r.x0),
        (dx, r.x1 - a.0),
        (-dy, a.1 - r.y0),
        (dy, r.y1 - a.1),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    if t0 > t1 {
        return None;
    }
    let pt = |t: f64| (a.0 + t * dx, a.1 + t * dy);
    Some((
        if t0 == 0.0 { a } else { pt(t0) },
        if t1 == 1.0 { b } else { pt(t1) },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const R: Rect = Rect {
        x0: 0.0,
        y0: 0.0,
        x1: 10.0,
        y1: 10.0,
    };

    #[test]
    fn ring_inside_is_kept_and_outside_dropped() {
        let inside = vec![(1.0, 1.0), (5.0, 1.0), (5.0, 5.0)];
        assert_eq!(clip_ring(&inside, &R), inside);
        assert!(clip_ring(&[(20.0, 20.0), (30.0, 20.0), (30.0, 30.0)], &R).is_empty());
    }

    #[test]
    fn ring_straddling_is_cut_at_the_edge() {
        let ring = vec![(-5.0, 2.0), (5.0, 2.0), (5.0, 8.0), (-5.0, 8.0)];
        let out = clip_ring(&ring, &R);
        assert!(out.iter().all(|p| R.contains(*p)));
        assert!(out.contains(&(0.0, 2.0)) && out.contains(&(0.0, 8.0)));
    }

    #[test]
    fn line_runs() {
        let runs = clip_line(
            &[
                (-5.0, 5.0),
                (5.0, 5.0),
                (15.0, 5.0),
                (15.0, 8.0),
                (5.0, 8.0),
            ],
            &R,
        );
        assert_eq!(
            runs,
            vec![
                vec![(0.0, 5.0), (5.0, 5.0), (10.0, 5.0)],
                vec![(10.0, 8.0), (5.0, 8.0)]
            ]
        );
        assert!(clip_line(&[(20.0, 0.0), (30.0, 0.0)], &R).is_empty());
    }

    #[test]
    fn rects() {
        let a = Rect {
            x0: 0.0,
            y0: 0.0,
            x1: 2.0,
            y1: 2.0,
        };
        assert!(a.overlaps(&Rect {
            x0: 1.0,
            y0: 1.0,
            x1: 3.0,
            y1: 3.0
        }));
        assert!(!a.overlaps(&Rect {
            x0: 2.0,
            y0: 0.0,
            x1: 3.0,
            y1: 1.0
        }));
        assert_eq!(a.grow(1.0).width(), 4.0);
    }
}
