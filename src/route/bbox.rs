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
    let mut lons = Vec::new();
    let (mut south, mut north) = (f64::INFINITY, f64::NEG_INFINITY);
    for p in points {
        lons.push(p.x);
        south = south.min(p.y);
        north = north.max(p.y);
    }
    if lons.is_empty() {
        return None;
    }
    lons.sort_by(f64::total_cmp);
    let (first, last) = (lons[0], lons[lons.len() - 1]);
    // The gap across ±180° between the last and first longitude, then the inner gaps.
    let mut widest = (360.0 - (last - first), first, last);
    for w in lons.windows(2) {
        let gap = w[1] - w[0];
        if gap > widest.0 {
            widest = (gap, w[1], w[0]);
        }
    }
    let (_, west, east) = widest;
    Some(BoundingBox {
        west,
        south,
        east,
        north,
    })
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
}
