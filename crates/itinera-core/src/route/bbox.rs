//! Bounding boxes of lon/lat geometry, the smallest that hold it, across ±180° if shorter.

use geo::Coord;

/// A lon/lat box as RFC 7946 §5 writes it: `west > east` when it crosses the antimeridian.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BoundingBox {
    /// Western edge, degrees.
    pub west: f64,
    /// Southern edge, degrees.
    pub south: f64,
    /// Eastern edge, degrees.
    pub east: f64,
    /// Northern edge, degrees.
    pub north: f64,
}

impl BoundingBox {
    /// Whether the box crosses ±180°.
    pub fn crosses_antimeridian(&self) -> bool {
        self.west > self.east
    }
}

/// The smallest box holding all points: it leaves out the widest empty arc of longitudes, which
/// may be the one around ±180° (a normal box) or another (a box across the antimeridian, so a
/// trip from Anadyr to Nome gets a 12° box, not a 350° one). `None` for no points.
pub fn bounding_box(points: impl IntoIterator<Item = Coord>) -> Option<BoundingBox> {
    let mut b = BoxBuilder::default();
    for p in points {
        b.add_point(p);
    }
    b.finish()
}

/// A [`bounding_box`] gathered piece by piece, holding one span of longitudes per piece, not
/// every vertex: lines count by the longitudes they sweep, so no empty arc is found between
/// two far-apart vertices of one line.
#[derive(Debug, Clone, Default)]
pub struct BoxBuilder {
    /// Longitude spans `(west, east)`, each within [-180, 180] and not across ±180°.
    spans: Vec<(f64, f64)>,
    south: f64,
    north: f64,
}

impl BoxBuilder {
    /// Adds one point.
    pub fn add_point(&mut self, p: Coord) {
        self.add_span(p.x, p.x, p.y, p.y);
    }

    /// Adds a connected line that does not cross ±180° (a part of
    /// [`split_antimeridian`](super::split_antimeridian)): it covers every longitude between
    /// its westmost and eastmost vertex.
    pub fn add_part(&mut self, part: &[Coord]) {
        let (mut w, mut e) = (f64::INFINITY, f64::NEG_INFINITY);
        let (mut s, mut n) = (f64::INFINITY, f64::NEG_INFINITY);
        for p in part {
            (w, e) = (w.min(p.x), e.max(p.x));
            (s, n) = (s.min(p.y), n.max(p.y));
        }
        if w <= e {
            self.add_span(w, e, s, n);
        }
    }

    fn add_span(&mut self, west: f64, east: f64, south: f64, north: f64) {
        if self.spans.is_empty() {
            (self.south, self.north) = (south, north);
        } else {
            self.south = self.south.min(south);
            self.north = self.north.max(north);
        }
        self.spans.push((west, east));
    }

    /// The box, `None` if nothing was added.
    pub fn finish(mut self) -> Option<BoundingBox> {
        self.spans.sort_by(|a, b| a.0.total_cmp(&b.0));
        let first = self.spans.first()?.0;
        let last = self
            .spans
            .iter()
            .map(|s| s.1)
            .fold(f64::NEG_INFINITY, f64::max);
        // The gap across ±180° between the last and first longitude, then the inner gaps.
        let mut widest = (360.0 - (last - first), first, last);
        let mut reach = first;
        for &(west, east) in &self.spans {
            let gap = west - reach;
            if gap > widest.0 {
                widest = (gap, west, reach);
            }
            reach = reach.max(east);
        }
        let (_, west, east) = widest;
        Some(BoundingBox {
            west,
            south: self.south,
            east,
            north: self.north,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(x: f64, y: f64) -> Coord {
        Coord { x, y }
    }

    #[test]
    fn ordinary_box() {
        let b = bounding_box([c(130.6, 42.4), c(107.6, 51.8), c(131.9, 43.8)]).unwrap();
        assert_eq!(
            b,
            BoundingBox {
                west: 107.6,
                south: 42.4,
                east: 131.9,
                north: 51.8
            }
        );
        assert!(!b.crosses_antimeridian());
    }

    #[test]
    fn box_across_the_antimeridian() {
        // Anadyr (177.5 E) to Nome (165.4 W)
        let b = bounding_box([
            c(177.5, 64.7),
            c(-165.4, 64.5),
            c(180.0, 65.0),
            c(-180.0, 65.0),
        ])
        .unwrap();
        assert_eq!((b.west, b.east), (177.5, -165.4));
        assert!(b.crosses_antimeridian());
    }

    #[test]
    fn single_point_and_empty() {
        let b = bounding_box([c(1.0, 2.0)]).unwrap();
        assert_eq!((b.west, b.south, b.east, b.north), (1.0, 2.0, 1.0, 2.0));
        assert!(bounding_box([]).is_none());
    }

    #[test]
    fn a_line_covers_the_longitudes_between_its_vertices() {
        // Two vertices 170° apart on one part, and a point: no gap may open inside the part.
        let mut b = BoxBuilder::default();
        b.add_part(&[c(-100.0, 80.0), c(70.0, 85.0)]);
        b.add_point(c(120.0, 10.0));
        let got = b.finish().unwrap();
        assert_eq!((got.west, got.east), (-100.0, 120.0));
        assert_eq!((got.south, got.north), (10.0, 85.0));
        // As bare points the widest gap would be the one inside the line.
        let pts = bounding_box([c(-100.0, 80.0), c(70.0, 85.0), c(120.0, 10.0)]).unwrap();
        assert_eq!((pts.west, pts.east), (70.0, -100.0));
        assert!(BoxBuilder::default().finish().is_none());
    }
}
