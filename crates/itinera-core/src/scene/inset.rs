//! The locator inset: on a map of a small area, a small map in a corner showing the country or
//! continent around it, with the main map's window outlined.

use super::*;

/// Whether a map carries a locator inset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum InsetMode {
    /// When the map's window spans less than 20 degrees.
    #[default]
    Auto,
    /// Never.
    None,
}

impl std::str::FromStr for InsetMode {
    type Err = Error;

    /// `auto` or `none`, any case.
    fn from_str(s: &str) -> Result<InsetMode> {
        match s.to_ascii_lowercase().as_str() {
            "auto" => Ok(InsetMode::Auto),
            "none" => Ok(InsetMode::None),
            _ => Err(Error::invalid(
                InvalidKind::Setting,
                format!("unknown inset `{s}`"),
                Some("use auto or none".into()),
            )),
        }
    }
}

/// Windows narrower than this (degrees, the larger of the two spans) get an inset in `auto`.
pub const AUTO_SPAN: f64 = 20.0;

/// A small map of the surroundings, in pixels of the main map.
#[derive(Debug, Clone, PartialEq)]
pub struct Inset {
    /// Where the inset sits.
    pub rect: Rect,
    /// Land, clipped to the inset.
    pub land: Vec<Vec<Px>>,
    /// Lakes and inland seas (and the holes in land, the Caspian Sea), drawn over the land.
    pub lakes: Vec<Vec<Px>>,
    /// Country borders, clipped to the inset.
    pub borders: Vec<Vec<Px>>,
    /// The main map's window, outlined.
    pub window: Vec<Px>,
}

/// The inset for a map showing `window`, in the corner of `frame` that is free of the legend
/// and the scale bar and holds the fewest route points; `None` when no corner is free or the
/// window is too large to need one.
pub(super) fn inset(
    context: &Context<'_>,
    window: BoundingBox,
    frame: &Rect,
    unit: f64,
    taken: &[Rect],
    busy: &[Px],
) -> Option<Inset> {
    if window.lon_span().max(window.lat_span()) >= AUTO_SPAN {
        return None;
    }
    let (w, h) = (frame.width() * 0.22, frame.width() * 0.22 * 0.75);
    let m = 10.0 * unit;
    let corners = [
        Rect {
            x0: frame.x1 - m - w,
            y0: frame.y0 + m,
            x1: frame.x1 - m,
            y1: frame.y0 + m + h,
        },
        Rect {
            x0: frame.x0 + m,
            y0: frame.y0 + m,
            x1: frame.x0 + m + w,
            y1: frame.y0 + m + h,
        },
        Rect {
            x0: frame.x1 - m - w,
            y0: frame.y1 - m - h,
            x1: frame.x1 - m,
            y1: frame.y1 - m,
        },
        Rect {
            x0: frame.x0 + m,
            y0: frame.y1 - m - h,
            x1: frame.x0 + m + w,
            y1: frame.y1 - m,
        },
    ];
    let rect = corners
        .into_iter()
        .filter(|c| !taken.iter().any(|t| t.overlaps(&c.grow(4.0 * unit))))
        .min_by_key(|c| {
            busy.iter()
                .filter(|p| c.grow(8.0 * unit).contains(**p))
                .count()
        })?;

    // The surroundings: the window widened to about 40° (a country or a region of a
    // continent), on an azimuthal equal-area projection centred on it.
    let (lon0, lat0) = (window.center_lon(), window.center_lat());
    let half = 20.0_f64.max(3.0 * window.lon_span().max(window.lat_span()));
    let around = BoundingBox {
        west: crate::route::normalize_lon(lon0 - half * 1.33),
        east: crate::route::normalize_lon(lon0 + half * 1.33),
        south: (lat0 - half).max(-89.0),
        north: (lat0 + half).min(89.0),
    };
    let projector = Projector::new(
        &ProjectionChoice::Custom(format!("+proj=laea +lat_0={lat0} +lon_0={lon0}")),
        &around,
    )
    .ok()?;
    let inner = rect.grow(-1.0);
    let corners_m: Vec<(f64, f64)> = view::outline(&around)
        .into_iter()
        .filter_map(|(lon, lat)| projector.project(lon, lat))
        .collect();
    let view = view::fit(&corners_m, &inner, true, false);
    // The inset's projection shows the whole sphere, and a shape round the antipode would
    // wrap over the whole inset: only the hemisphere around the centre is drawn.
    let stream = Stream::new(
        &projector,
        view,
        inner,
        Some(&hemisphere_around(lon0, lat0)),
    );
    // 1:50m, so the islands a map of a small area is often about (Samoa, Tonga, the
    // Aleutians) are on it.
    let base = (context.basemap)(Detail::Medium, Some(around));
    let land = base
        .land
        .iter()
        .flat_map(|p| stream.ring(&p.exterior().0))
        .collect();
    let lakes = base
        .lakes
        .iter()
        .map(|p| p.exterior())
        .chain(base.land.iter().flat_map(|p| p.interiors()))
        .flat_map(|r| stream.ring(&r.0))
        .collect();
    let borders = base
        .borders
        .iter()
        .flat_map(|l| stream.line(&l.0))
        .collect();
    let window_ring: Vec<Px> = view::outline_ring(&window)
        .into_iter()
        .filter_map(|(lon, lat)| stream.point(lon, lat))
        .collect();
    // A window too small to see at this scale is drawn as a box of at least 8 px.
    let window = grow_to(&window_ring, 8.0 * unit);
    Some(Inset {
        rect,
        land,
        lakes,
        borders,
        window,
    })
}

/// A lon/lat box that holds everything within 60° of (`lon0`, `lat0`) and never the antipode:
/// 60° of latitude either side, and 90° of longitude either side unless the box reaches a pole
/// (then every longitude, and the antipode is more than 60° of latitude away).
fn hemisphere_around(lon0: f64, lat0: f64) -> BoundingBox {
    let (south, north) = ((lat0 - 60.0).max(-90.0), (lat0 + 60.0).min(90.0));
    if south <= -90.0 || north >= 90.0 {
        BoundingBox::new(-180.0, south, 180.0, north)
    } else {
        BoundingBox::new(
            crate::route::normalize_lon(lon0 - 90.0),
            south,
            crate::route::normalize_lon(lon0 + 90.0),
            north,
        )
    }
}

/// `ring`, or the square of side `min` around its centre when it is smaller than that.
fn grow_to(ring: &[Px], min: f64) -> Vec<Px> {
    let Rect { x0, y0, x1, y1 } = Rect::around(ring);
    if ring.is_empty() || (x1 - x0 >= min && y1 - y0 >= min) {
        return ring.to_vec();
    }
    let (cx, cy, r) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0, min / 2.0);
    vec![
        (cx - r, cy - r),
        (cx + r, cy - r),
        (cx + r, cy + r),
        (cx - r, cy + r),
    ]
}
