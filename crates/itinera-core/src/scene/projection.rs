//! Map projections through `proj4rs` (a pure-Rust port of PROJ): the automatic choice by extent,
//! and named overrides.

use std::fmt;
use std::str::FromStr;

use proj4rs::Proj;

use crate::InvalidKind;
use crate::error::Error;
use crate::route::BoundingBox;

/// Which projection a map uses.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ProjectionChoice {
    /// Chosen by the extent of the routes: conformal conic for regional maps, polar
    /// stereographic near a pole, Equal Earth for the world.
    Auto,
    /// Lambert conformal conic, standard parallels at 1/6 and 5/6 of the latitude span.
    Conic,
    /// Equal Earth (Šavrič, Patterson & Jenny 2018), an equal-area world projection.
    EqualEarth,
    /// Robinson, a compromise world projection.
    Robinson,
    /// Web Mercator-like spherical Mercator (conformal; distorts high latitudes).
    Mercator,
    /// Polar stereographic, north or south by the route's centre.
    Polar,
    /// Azimuthal equidistant centred on the routes: true distances from the centre.
    Azimuthal,
    /// A PROJ string given by the user (`+proj=...`).
    Custom(String),
}

impl FromStr for ProjectionChoice {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        Ok(match s.trim().to_ascii_lowercase().as_str() {
            "auto" => ProjectionChoice::Auto,
            "conic" | "lcc" => ProjectionChoice::Conic,
            "equal-earth" | "eqearth" => ProjectionChoice::EqualEarth,
            "robinson" | "robin" => ProjectionChoice::Robinson,
            "mercator" | "merc" => ProjectionChoice::Mercator,
            "polar" | "stere" => ProjectionChoice::Polar,
            "azimuthal" | "aeqd" => ProjectionChoice::Azimuthal,
            _ if s.trim_start().starts_with("+proj=") => {
                // Coordinates on a map are planar: not degrees, not Earth-centred 3D.
                let name = s
                    .split_whitespace()
                    .find_map(|p| p.strip_prefix("+proj="))
                    .unwrap_or_default();
                if matches!(
                    name,
                    "longlat" | "latlong" | "lonlat" | "latlon" | "geocent" | "cart"
                ) {
                    return Err(Error::invalid(InvalidKind::Setting,
                        format!("`+proj={name}` is not a map projection"),
                        Some(
                            "give a planar projection such as \"+proj=ortho +lat_0=50 +lon_0=120\", or leave --projection out"
                                .into(),
                        ),
                    ));
                }
                // Validate now, so a bad string is bad input, not a failure while drawing.
                parse_proj(s).map_err(|e| {
                    Error::invalid(
                        InvalidKind::Setting,
                        format!("invalid PROJ string `{s}`: {e}"),
                        Some("write +proj=NAME +param=value ... in ASCII, angles in degrees, e.g. \"+proj=robin +lon_0=150\"".into()),
                    )
                })?;
                ProjectionChoice::Custom(s.trim().to_string())
            }
            _ => {
                return Err(Error::invalid(InvalidKind::Setting,
                    format!("unknown projection `{s}`"),
                    Some(
                        "use auto, conic, equal-earth, robinson, mercator, polar, azimuthal, or a PROJ string such as \"+proj=ortho +lat_0=50 +lon_0=120\""
                            .into(),
                    ),
                ));
            }
        })
    }
}

/// Parses a PROJ string with `proj4rs`. Non-ASCII text is refused first (PROJ strings are
/// ASCII), and a panic inside the parser (proj4rs 0.3 slices a degree-minute-second value
/// such as `+lat_0=˓'n` inside a character) becomes an error.
fn parse_proj(s: &str) -> Result<Proj, String> {
    if !s.is_ascii() {
        return Err("it holds a character that is not ASCII".into());
    }
    check_numbers(s)?;
    match std::panic::catch_unwind(|| Proj::from_proj_string(s)) {
        Ok(Ok(p)) => Ok(p),
        Ok(Err(e)) => Err(e.to_string()),
        Err(_) => Err("the PROJ parser failed on it".into()),
    }
}

/// Numbers a map can be drawn with: longitudes (`+lon_0`, `+lonc`, ...) within ±360°,
/// latitudes within ±90°, anything else (false eastings, scale, height) finite and within a
/// billion. `+lon_0=1e308` was read, and drew a map without land.
fn check_numbers(s: &str) -> Result<(), String> {
    for param in s.split_whitespace() {
        let Some((key, value)) = param.trim_start_matches('+').split_once('=') else {
            continue;
        };
        let Ok(v) = value.parse::<f64>() else {
            continue; // a name, a list or degrees-minutes-seconds: the parser's to read
        };
        let (limit, what) = if key.starts_with("lon") {
            (360.0, "a longitude between -360 and 360")
        } else if key.starts_with("lat") {
            (90.0, "a latitude between -90 and 90")
        } else {
            (1e9, "a finite number within ±1e9")
        };
        if !(v.is_finite() && v.abs() <= limit) {
            return Err(format!("`+{key}={value}` must be {what}"));
        }
    }
    Ok(())
}

/// A resolved projection: lon/lat degrees -> projected metres.
pub struct Projector {
    src: Proj,
    dst: Proj,
    /// The PROJ string in use.
    pub definition: String,
    /// Whether it is a whole-world projection (no lon/lat window on the basemap).
    pub world: bool,
}

impl fmt::Debug for Projector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Projector")
            .field("definition", &self.definition)
            .finish()
    }
}

/// Longitude span beyond which a map is a world map.
const WORLD_LON_SPAN: f64 = 140.0;
/// Latitude span beyond which a map is a world map.
const WORLD_LAT_SPAN: f64 = 70.0;
/// Latitude beyond which the extent reaches into polar regions.
const POLAR_LAT: f64 = 78.0;
/// A wide extent all poleward of this latitude gets a polar projection, not a world one.
const CAP_LAT: f64 = 40.0;

impl Projector {
    /// The projection for a map of `extent`.
    ///
    /// # Errors
    /// [`Error::Invalid`] for a custom PROJ string that does not parse.
    pub fn new(choice: &ProjectionChoice, extent: &BoundingBox) -> Result<Projector, Error> {
        let (lon0, lat0) = (extent.center_lon(), extent.center_lat());
        let world = extent.lon_span() > WORLD_LON_SPAN || extent.lat_span() > WORLD_LAT_SPAN;
        let polar = extent.north > POLAR_LAT || extent.south < -POLAR_LAT;
        let pole = if lat0 >= 0.0 { 90.0 } else { -90.0 };
        let conic = || {
            let (s, n) = (extent.south.max(-80.0), extent.north.min(80.0));
            let span = (n - s).max(1.0);
            let (mut lat1, mut lat2) = (s + span / 6.0, n - span / 6.0);
            if lat1.abs() < 1.0 && lat2.abs() < 1.0 || (lat1 + lat2).abs() < 2.0 {
                // A conic straddling the equator degenerates; Mercator is its limit.
                return format!("+proj=merc +lon_0={lon0}");
            }
            if (lat2 - lat1).abs() < 0.5 {
                lat1 -= 0.5;
                lat2 += 0.5;
            }
            format!("+proj=lcc +lat_1={lat1:.4} +lat_2={lat2:.4} +lat_0={lat0:.4} +lon_0={lon0:.4}")
        };
        // A wide trip kept to one high-latitude cap (Oslo, Tromsø, Longyearbyen, Anchorage) is
        // an Arctic map: a world projection would squeeze it along the top edge.
        let cap = extent.south >= CAP_LAT || extent.north <= -CAP_LAT;
        let (definition, world) = match choice {
            ProjectionChoice::Auto if world && cap => (
                format!(
                    "+proj=stere +lat_0={pole} +lat_ts={} +lon_0={lon0}",
                    pole * 0.78
                ),
                false,
            ),
            ProjectionChoice::Auto if world => (format!("+proj=eqearth +lon_0={lon0}"), true),
            ProjectionChoice::Auto if polar => (
                format!(
                    "+proj=stere +lat_0={pole} +lat_ts={} +lon_0={lon0}",
                    pole * 0.78
                ),
                false,
            ),
            ProjectionChoice::Auto | ProjectionChoice::Conic => (conic(), false),
            // World projections are centred on the routes: the seam falls in their widest gap.
            ProjectionChoice::EqualEarth => (format!("+proj=eqearth +lon_0={lon0}"), world),
            ProjectionChoice::Robinson => (format!("+proj=robin +lon_0={lon0}"), world),
            ProjectionChoice::Mercator => (format!("+proj=merc +lon_0={lon0}"), world),
            ProjectionChoice::Polar => (
                format!(
                    "+proj=stere +lat_0={pole} +lat_ts={} +lon_0={lon0}",
                    pole * 0.78
                ),
                false,
            ),
            ProjectionChoice::Azimuthal => {
                (format!("+proj=aeqd +lat_0={lat0} +lon_0={lon0}"), world)
            }
            ProjectionChoice::Custom(s) => (s.clone(), world),
        };
        let full = format!("{definition} +ellps=WGS84 +units=m +no_defs");
        let dst = parse_proj(&full).map_err(|e| {
            Error::invalid(
                InvalidKind::Setting,
                format!("invalid projection `{definition}`: {e}"),
                None,
            )
        })?;
        let src = Proj::from_proj_string("+proj=longlat +ellps=WGS84 +datum=WGS84 +no_defs")
            .expect("the WGS84 definition parses");
        Ok(Projector {
            src,
            dst,
            definition,
            world,
        })
    }

    /// Projects lon/lat degrees to metres; `None` where the projection is undefined (the far
    /// side of an azimuthal projection, a pole in Mercator).
    pub fn project(&self, lon: f64, lat: f64) -> Option<(f64, f64)> {
        let mut p = (
            lon.to_radians(),
            lat.clamp(-89.999, 89.999).to_radians(),
            0.0,
        );
        proj4rs::transform::transform(&self.src, &self.dst, &mut p).ok()?;
        (p.0.is_finite() && p.1.is_finite() && p.0.abs() < 1e8 && p.1.abs() < 1e8)
            .then_some((p.0, p.1))
    }

    /// The central meridian (`+lon_0`, 0 when not given), degrees in [-180, 180]: the map's
    /// seam is the meridian opposite it.
    pub fn lon0(&self) -> f64 {
        self.param("+lon_0=")
            .and_then(|v| v.parse::<f64>().ok())
            .filter(|v| v.is_finite())
            .map_or(0.0, crate::route::normalize_lon)
    }

    /// Whether the projection's whole world has an edge inside the plane (its seam meridians
    /// and pole lines, or Mercator's limits): the cylindrical and pseudo-cylindrical
    /// projections. Beyond that edge a map shows the page, not sea.
    pub fn has_globe_edge(&self) -> bool {
        const EDGED: [&str; 22] = [
            "eqearth",
            "robin",
            "merc",
            "moll",
            "eck1",
            "eck2",
            "eck3",
            "eck4",
            "eck5",
            "eck6",
            "wintri",
            "natearth",
            "natearth2",
            "sinu",
            "kav7",
            "eqc",
            "cea",
            "mill",
            "gall",
            "hammer",
            "wag4",
            "times",
        ];
        self.param("+proj=")
            .is_some_and(|name| EDGED.contains(&name))
    }

    /// The value of a parameter of the PROJ string (`key` with its `=`).
    fn param(&self, key: &str) -> Option<&str> {
        self.definition
            .split_whitespace()
            .find_map(|p| p.strip_prefix(key))
    }

    /// The circle of the sphere an azimuthal projection shows, as its centre's latitude and
    /// its angular radius in degrees (the centre's longitude is [`lon0`](Projector::lon0)):
    /// the visible hemisphere of an orthographic globe, or all but the antipode of an
    /// azimuthal equidistant or equal-area map, where the projection tears. `None` for the
    /// others.
    pub fn cap(&self) -> Option<(f64, f64)> {
        let radius = match self.param("+proj=")? {
            // Short of the horizon: on the ellipsoid it is not quite 90° of the sphere away.
            "ortho" => 89.0,
            "aeqd" | "laea" => 179.0,
            // A stereographic map grows without end towards the far pole: it stops at 120°
            // from its centre (the equator and 30° beyond on a polar map).
            "stere" => 120.0,
            _ => return None,
        };
        let lat0 = self
            .param("+lat_0=")
            .and_then(|v| v.parse::<f64>().ok())
            .filter(|v| v.is_finite())
            .map_or(0.0, |v| v.clamp(-90.0, 90.0));
        Some((lat0, radius))
    }

    /// The latitudes the projection can show, south and north: Mercator's square world ends
    /// at ±85.05°, every other projection takes the poles.
    pub fn lat_limits(&self) -> (f64, f64) {
        if self.param("+proj=") == Some("merc") {
            (
                -super::stream::MERCATOR_LIMIT,
                super::stream::MERCATOR_LIMIT,
            )
        } else {
            (-90.0, 90.0)
        }
    }

    /// Projected metres -> lon/lat degrees; `None` outside the projection's domain.
    pub fn unproject(&self, m: (f64, f64)) -> Option<(f64, f64)> {
        let mut p = (m.0, m.1, 0.0);
        proj4rs::transform::transform(&self.dst, &self.src, &mut p).ok()?;
        let (lon, lat) = (p.0.to_degrees(), p.1.to_degrees());
        if !(lon.is_finite() && lat.is_finite() && lat.abs() <= 90.0) {
            return None;
        }
        // Beyond a world's edge (past the seam of Equal Earth) the inverse still gives an
        // answer, of a point on the other side: only a point that projects back is on the map.
        let back = self.project(lon, lat)?;
        let tolerance = 1.0 + 1e-6 * m.0.abs().max(m.1.abs());
        ((back.0 - m.0).abs() <= tolerance && (back.1 - m.1).abs() <= tolerance)
            .then_some((crate::route::normalize_lon(lon), lat))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proj_strings_the_parser_would_panic_on_are_bad_input() {
        // Found by the `projection` fuzzer: proj4rs slices `˓'` inside the character.
        let e = "+proj=ortho +lat_0=\u{2d3}'n  "
            .parse::<ProjectionChoice>()
            .unwrap_err();
        assert!(e.is_bad_input() && e.to_string().contains("ASCII"), "{e}");
        assert!(
            "+proj=ortho +lat_0=50 +lon_0=120"
                .parse::<ProjectionChoice>()
                .is_ok()
        );
    }

    /// Issue 28's probe: `+lon_0=1e308` drew a map without land, `1e10` a skewed one.
    #[test]
    fn numbers_beyond_a_map_are_bad_input() {
        for (s, says) in [
            (
                "+proj=robin +lon_0=1e308",
                "`+lon_0=1e308` must be a longitude",
            ),
            ("+proj=robin +lon_0=1e10", "between -360 and 360"),
            ("+proj=ortho +lat_0=91", "a latitude between -90 and 90"),
            ("+proj=merc +x_0=inf", "`+x_0=inf` must be a finite number"),
        ] {
            let e = s.parse::<ProjectionChoice>().unwrap_err();
            assert!(e.is_bad_input() && e.to_string().contains(says), "{s}: {e}");
        }
        for s in [
            "+proj=robin +lon_0=-150",
            "+proj=eqearth +lon_0=360",
            "+proj=merc +x_0=500000",
        ] {
            assert!(s.parse::<ProjectionChoice>().is_ok(), "{s}");
        }
    }

    fn extent(west: f64, south: f64, east: f64, north: f64) -> BoundingBox {
        BoundingBox {
            west,
            south,
            east,
            north,
        }
    }

    #[test]
    fn regional_maps_are_conic_and_world_maps_equal_earth() {
        let far_east = extent(107.6, 42.4, 131.9, 51.8);
        let p = Projector::new(&ProjectionChoice::Auto, &far_east).unwrap();
        assert!(p.definition.starts_with("+proj=lcc"), "{}", p.definition);
        assert!(!p.world);
        let world = extent(-120.0, -30.0, 140.0, 60.0);
        let p = Projector::new(&ProjectionChoice::Auto, &world).unwrap();
        assert!(p.definition.starts_with("+proj=eqearth") && p.world);
        let arctic = extent(10.0, 70.0, 60.0, 85.0);
        let p = Projector::new(&ProjectionChoice::Auto, &arctic).unwrap();
        assert!(
            p.definition.starts_with("+proj=stere +lat_0=90"),
            "{}",
            p.definition
        );
    }

    #[test]
    fn conic_centre_projects_near_origin_and_north_is_up() {
        let e = extent(107.6, 42.4, 131.9, 51.8);
        let p = Projector::new(&ProjectionChoice::Conic, &e).unwrap();
        let (x, y) = p.project(e.center_lon(), e.center_lat()).unwrap();
        assert!(x.abs() < 1.0 && y.abs() < 1.0, "{x} {y}");
        let (_, y_north) = p.project(e.center_lon(), e.center_lat() + 1.0).unwrap();
        assert!(y_north > 100_000.0, "{y_north}");
    }

    #[test]
    fn extent_across_the_antimeridian() {
        let e = extent(177.5, 64.5, -165.4, 64.9);
        assert!((e.lon_span() - 17.1).abs() < 1e-9);
        assert!((e.center_lon() - (-173.95)).abs() < 1e-9);
        let p = Projector::new(&ProjectionChoice::Auto, &e).unwrap();
        let (xa, _) = p.project(177.5, 64.7).unwrap();
        let (xb, _) = p.project(-165.4, 64.5).unwrap();
        assert!(xa < 0.0 && xb > 0.0, "west end left of east end: {xa} {xb}");
    }

    #[test]
    fn names_and_bad_input() {
        assert_eq!(
            "LCC".parse::<ProjectionChoice>().unwrap(),
            ProjectionChoice::Conic
        );
        assert_eq!(
            "equal-earth".parse::<ProjectionChoice>().unwrap(),
            ProjectionChoice::EqualEarth
        );
        assert!(matches!(
            "+proj=ortho +lat_0=50 +lon_0=120".parse::<ProjectionChoice>(),
            Ok(ProjectionChoice::Custom(_))
        ));
        let e = "gnomonical".parse::<ProjectionChoice>().unwrap_err();
        assert!(e.to_string().contains("unknown projection `gnomonical`") && e.is_bad_input());
        assert!("+proj=nonsense".parse::<ProjectionChoice>().is_err());
    }

    #[test]
    fn poles_do_not_break() {
        let p = Projector::new(&ProjectionChoice::Polar, &extent(0.0, 80.0, 10.0, 90.0)).unwrap();
        assert!(p.project(0.0, 90.0).is_some());
        let m = Projector::new(&ProjectionChoice::Mercator, &extent(0.0, 0.0, 10.0, 10.0)).unwrap();
        assert!(
            m.project(0.0, 90.0).is_some(),
            "clamped just short of the pole"
        );
    }
}
