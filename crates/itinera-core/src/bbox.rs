//! Lon/lat boxes: the one box type of the library (a route's extent, a map's `--bbox` and the
//! window it shows, the basemap's shape boxes), and the smallest box that holds some geometry,
//! across ±180° if that is shorter.

use geo::Coord;

/// A lon/lat box in degrees, as RFC 7946 §5 writes it: `west > east` when it crosses the
/// antimeridian.
///
/// # Examples
///
/// ```
/// use geo::Coord;
/// use itinera::{BoundingBox, route};
///
/// // Anadyr to Nome: 12 degrees across ±180°, not 343 the other way round.
/// let b = route::bounding_box([Coord { x: 177.5, y: 64.7 }, Coord { x: -165.4, y: 64.5 }]);
/// let b = b.unwrap();
/// assert!(b.crosses_antimeridian());
/// assert!((b.lon_span() - 17.1).abs() < 1e-9);
/// assert!(b.contains(180.0, 64.6) && !b.contains(0.0, 64.6));
/// # let _ = BoundingBox::WORLD;
/// ```
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

/// The smallest side of a map window, degrees (about a metre): a smaller box collapses the map.
const MIN_BBOX_DEGREES: f64 = 1e-5;

impl std::str::FromStr for BoundingBox {
    type Err = crate::Error;

    /// `W,S,E,N` in degrees, as `--bbox` takes it (W > E crosses ±180°): four numbers, each
    /// side at least 1e-5° (about a metre). The box's range is checked with the other map
    /// options.
    fn from_str(text: &str) -> Result<BoundingBox, crate::Error> {
        use crate::{Error, InvalidKind};
        let v: Vec<f64> = text
            .split(',')
            .map(|p| p.trim().parse::<f64>())
            .collect::<Result<_, _>>()
            .map_err(|_| {
                Error::invalid(
                    InvalidKind::Setting,
                    format!("invalid bbox `{text}`"),
                    Some("write --bbox W,S,E,N in degrees, e.g. 100,35,140,56".into()),
                )
            })?;
        let [west, south, east, north] = v.as_slice() else {
            return Err(Error::invalid(
                InvalidKind::Setting,
                format!("bbox `{text}` needs four numbers"),
                Some("write --bbox W,S,E,N".into()),
            ));
        };
        // East may be less than west across the antimeridian (170,-20,-170,20).
        let wide = if east >= west {
            east - west
        } else {
            east + 360.0 - west
        };
        let tall = (north - south).abs();
        // (A side of nought has its own message, from the box's own checks.)
        let tiny = |d: f64| d > 0.0 && d < MIN_BBOX_DEGREES;
        if tiny(wide) || tiny(tall) {
            return Err(Error::invalid(
                InvalidKind::Setting,
                format!("bbox `{text}` is too small to draw"),
                Some(format!(
                    "give each side at least {MIN_BBOX_DEGREES}° (about a metre), e.g. \
                     --bbox {west},{south},{},{}",
                    west + 0.01,
                    south + 0.01
                )),
            ));
        }
        Ok(BoundingBox {
            west: *west,
            south: *south,
            east: *east,
            north: *north,
        })
    }
}

impl BoundingBox {
    /// The whole globe.
    pub const WORLD: BoundingBox = BoundingBox::new(-180.0, -90.0, 180.0, 90.0);

    /// The box with these edges, in the order of RFC 7946 and of `--bbox`.
    pub const fn new(west: f64, south: f64, east: f64, north: f64) -> BoundingBox {
        BoundingBox {
            west,
            south,
            east,
            north,
        }
    }

    /// Whether the box crosses ±180°.
    pub fn crosses_antimeridian(&self) -> bool {
        self.west > self.east
    }

    /// Longitude span in degrees (0..=360), across ±180° when `west > east`.
    pub fn lon_span(&self) -> f64 {
        let d = self.east - self.west;
        if d < 0.0 { d + 360.0 } else { d }
    }

    /// Latitude span in degrees.
    pub fn lat_span(&self) -> f64 {
        self.north - self.south
    }

    /// Centre longitude, in [-180, 180].
    pub fn center_lon(&self) -> f64 {
        normalize_lon(self.west + self.lon_span() / 2.0)
    }

    /// Centre latitude.
    pub fn center_lat(&self) -> f64 {
        (self.south + self.north) / 2.0
    }

    /// The box widened on every side by `fraction` of its spans: latitudes stop at the poles,
    /// and a box that would wrap the globe becomes every longitude.
    pub fn grown(&self, fraction: f64) -> BoundingBox {
        let (dx, dy) = (self.lon_span() * fraction, self.lat_span() * fraction);
        let (south, north) = ((self.south - dy).max(-90.0), (self.north + dy).min(90.0));
        if self.lon_span() + 2.0 * dx >= 360.0 {
            return BoundingBox::new(-180.0, south, 180.0, north);
        }
        BoundingBox::new(
            normalize_lon(self.west - dx),
            south,
            normalize_lon(self.east + dx),
            north,
        )
    }

    /// Whether the point is inside or on the edge.
    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        let in_lon = if self.crosses_antimeridian() {
            lon >= self.west || lon <= self.east
        } else {
            lon >= self.west && lon <= self.east
        };
        in_lon && lat >= self.south && lat <= self.north
    }

    /// Whether two boxes meet (edges included). `other` must not cross ±180°; `self` may.
    /// A box with a NaN edge meets nothing.
    pub fn meets(&self, other: &BoundingBox) -> bool {
        let lon = |w: f64, e: f64| other.west <= e && other.east >= w;
        let lat = other.south <= self.north && other.north >= self.south;
        lat && if self.crosses_antimeridian() {
            lon(self.west, 180.0) || lon(-180.0, self.east)
        } else {
            lon(self.west, self.east)
        }
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
        // The box depends only on the longitudes covered: a span meeting the last one joins
        // it (a route's legs and stops do, one after the other), so a million-stop route
        // keeps a handful of spans to sort, not two million. Not at a longitude of zero,
        // where the sign of -0.0 would depend on which span came first.
        let nonzero = |(w, e): (f64, f64)| w != 0.0 && e != 0.0;
        if let Some(last) = self.spans.last_mut()
            && west <= last.1
            && east >= last.0
            && nonzero((west, east))
            && nonzero(*last)
        {
            *last = (last.0.min(west), last.1.max(east));
            return;
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

/// Longitude wrapped into [-180, 180] (180 stays 180).
pub(crate) fn normalize_lon(lon: f64) -> f64 {
    if (-180.0..=180.0).contains(&lon) {
        lon
    } else {
        let l = (lon + 180.0).rem_euclid(360.0) - 180.0;
        if l == -180.0 && lon > 0.0 { 180.0 } else { l }
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
    fn meets_handles_both_kinds_of_box() {
        let shape = |w: f64, e: f64| BoundingBox::new(w, 0.0, e, 1.0);
        let window = BoundingBox::new(15.0, 0.5, 30.0, 2.0);
        assert!(window.meets(&shape(10.0, 20.0)));
        assert!(!BoundingBox::new(25.0, 0.5, 30.0, 2.0).meets(&shape(10.0, 20.0)));
        assert!(!BoundingBox::new(15.0, 2.0, 30.0, 3.0).meets(&shape(10.0, 20.0)));
        let bering = BoundingBox::new(170.0, 0.0, -170.0, 1.0);
        assert!(bering.meets(&shape(175.0, 178.0)));
        assert!(bering.meets(&shape(-178.0, -175.0)));
        assert!(!bering.meets(&shape(0.0, 10.0)));
        assert!(!window.meets(&BoundingBox::new(f64::NAN, f64::NAN, f64::NAN, f64::NAN)));
    }

    proptest::proptest! {
        /// Joining spans that meet gives the box of every span kept apart.
        #[test]
        fn joined_spans_give_the_box_of_all_spans(
            spans in proptest::collection::vec(
                (proptest::prop_oneof![
                    -180.0f64..=180.0,
                    proptest::strategy::Just(0.0),
                    proptest::strategy::Just(-0.0),
                ], 0.0f64..40.0, -80.0f64..=80.0),
                1..40,
            )
        ) {
            let mut b = BoxBuilder::default();
            let mut apart = BoxBuilder::default();
            for &(w, width, lat) in &spans {
                let e = (w + width).min(180.0);
                b.add_part(&[c(w, lat), c(e, lat)]);
                // The same span pushed as it is.
                apart.spans.push((w, e));
            }
            apart.south = b.south;
            apart.north = b.north;
            let (got, want) = (b.finish().unwrap(), apart.finish().unwrap());
            proptest::prop_assert_eq!(
                (got.west.to_bits(), got.east.to_bits()),
                (want.west.to_bits(), want.east.to_bits())
            );
        }
    }

    #[test]
    fn spans_centres_and_points_inside() {
        let bering = BoundingBox::new(170.0, 60.0, -170.0, 70.0);
        assert_eq!((bering.lon_span(), bering.lat_span()), (20.0, 10.0));
        assert_eq!((bering.center_lon(), bering.center_lat()), (180.0, 65.0));
        assert!(bering.contains(-175.0, 65.0) && bering.contains(175.0, 65.0));
        assert!(!bering.contains(0.0, 65.0) && !bering.contains(175.0, 71.0));
        assert_eq!(BoundingBox::WORLD.lon_span(), 360.0);
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
