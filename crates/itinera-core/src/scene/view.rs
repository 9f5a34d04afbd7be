//! Fitting the projected trip into the frame: the pixel view and the lon/lat window it shows.

use super::*;

/// Vertex spacing of the legs when fitting the frame, metres.
pub(super) const FIT_STEP_M: f64 = 100_000.0;

/// Points along the outline of a lon/lat box (for fitting and windows).
pub(super) fn outline(b: &BoundingBox) -> Vec<(f64, f64)> {
    let n = 24;
    let span = b.lon_span();
    let mut v = Vec::new();
    for i in 0..=n {
        let t = f64::from(i) / f64::from(n);
        let lon = crate::route::normalize_lon(b.west + span * t);
        v.push((lon, b.south));
        v.push((lon, b.north));
        v.push((b.west, b.south + (b.north - b.south) * t));
        v.push((b.east, b.south + (b.north - b.south) * t));
    }
    v
}

/// The outline of a lon/lat box as a ring, in order: south edge west to east, then the east,
/// north and west edges, each edge in 24 steps.
pub(super) fn outline_ring(b: &BoundingBox) -> Vec<(f64, f64)> {
    let n = 24;
    let span = b.lon_span();
    let lon = |t: f64| crate::route::normalize_lon(b.west + span * t);
    let lat = |t: f64| b.south + (b.north - b.south) * t;
    let steps = |f: &dyn Fn(f64) -> (f64, f64)| -> Vec<(f64, f64)> {
        (0..n).map(|i| f(f64::from(i) / f64::from(n))).collect()
    };
    let mut ring = steps(&|t| (lon(t), b.south));
    ring.extend(steps(&|t| (b.east, lat(t))));
    ring.extend(steps(&|t| (lon(1.0 - t), b.north)));
    ring.extend(steps(&|t| (b.west, lat(1.0 - t))));
    ring
}

/// Projected metres -> pixels: uniform scale, y flipped.
#[derive(Debug, Clone, Copy)]
pub(super) struct View {
    pub(super) scale: f64,
    pub(super) cx: f64,
    pub(super) cy: f64,
    pub(super) px_cx: f64,
    pub(super) px_cy: f64,
}

impl View {
    pub(super) fn px(&self, p: (f64, f64)) -> Px {
        (
            self.px_cx + (p.0 - self.cx) * self.scale,
            self.px_cy - (p.1 - self.cy) * self.scale,
        )
    }

    pub(super) fn metres(&self, p: Px) -> (f64, f64) {
        (
            self.cx + (p.0 - self.px_cx) / self.scale,
            self.cy - (p.1 - self.px_cy) / self.scale,
        )
    }
}

/// The narrowest map of a route that goes somewhere, metres: a walk across a city district.
pub const MIN_ROUTE_SPAN_M: f64 = 1_000.0;
/// The narrowest map of a single place (or stops all at one point): its surroundings.
pub const MIN_PLACE_SPAN_M: f64 = 60_000.0;
/// The narrowest `--bbox` honoured as given, metres.
pub const MIN_BBOX_SPAN_M: f64 = 100.0;

/// Fits projected points into the frame with a margin (none for an explicit bbox). A route is
/// fitted at any scale down to [`MIN_ROUTE_SPAN_M`] across; a single place gets
/// [`MIN_PLACE_SPAN_M`] of surroundings; an explicit box is honoured down to
/// [`MIN_BBOX_SPAN_M`].
pub(super) fn fit(points: &[(f64, f64)], frame: &Rect, exact: bool, world: bool) -> View {
    let Rect { x0, y0, x1, y1 } = Rect::around(points);
    let min_span = if world {
        2.0e6
    } else if exact {
        MIN_BBOX_SPAN_M
    } else if (x1 - x0).max(y1 - y0) < 1.0 {
        MIN_PLACE_SPAN_M
    } else {
        MIN_ROUTE_SPAN_M
    };
    let (mut dx, mut dy) = ((x1 - x0).max(min_span), (y1 - y0).max(min_span));
    if !exact {
        // Room for labels and the legend around the routes.
        dx *= 1.22;
        dy *= 1.30;
    }
    let scale = (frame.width() / dx).min(frame.height() / dy);
    View {
        scale,
        cx: (x0 + x1) / 2.0,
        cy: (y0 + y1) / 2.0,
        px_cx: (frame.x0 + frame.x1) / 2.0,
        px_cy: (frame.y0 + frame.y1) / 2.0 + if exact { 0.0 } else { frame.height() * 0.02 },
    }
}

/// The lon/lat window seen through the frame: the frame outline unprojected, widened a little.
pub(super) fn window(p: &Projector, view: &View, frame: &Rect) -> Option<BoundingBox> {
    let mut pts = Vec::new();
    // Whether part of the frame is beyond the projection's world (past Equal Earth's seam):
    // then the world's edge is in view, and so is every longitude up to it.
    let mut beyond = false;
    let n = 16;
    for i in 0..=n {
        let t = f64::from(i) / f64::from(n);
        for px in [
            (frame.x0 + t * frame.width(), frame.y0),
            (frame.x0 + t * frame.width(), frame.y1),
            (frame.x0, frame.y0 + t * frame.height()),
            (frame.x1, frame.y0 + t * frame.height()),
            (frame.x0 + t * frame.width(), (frame.y0 + frame.y1) / 2.0),
        ] {
            match p.unproject(view.metres(px)) {
                Some(ll) => pts.push(geo::Coord { x: ll.0, y: ll.1 }),
                None => beyond = true,
            }
        }
    }
    // A pole inside the frame: every longitude is visible.
    for pole in [90.0, -90.0] {
        if let Some(m) = p.project(0.0, pole)
            && frame.contains(view.px(m))
        {
            let lat = pts
                .iter()
                .map(|c| c.y)
                .fold(pole, |a, b| if pole > 0.0 { a.min(b) } else { a.max(b) });
            return Some(if pole > 0.0 {
                BoundingBox::new(-180.0, lat - 1.0, 180.0, 90.0)
            } else {
                BoundingBox::new(-180.0, -90.0, 180.0, lat + 1.0)
            });
        }
    }
    let b = bounding_box(pts)?;
    // A margin of a twentieth of the window, at most 1° (so a city map's graticule is fine).
    let pad = (0.05 * b.lon_span().max(b.lat_span())).clamp(0.001, 1.0);
    let (west, east) = if beyond
        || b.east - b.west + 2.0 * pad >= 360.0
        || (b.west <= b.east && b.east - b.west > 300.0)
    {
        (-180.0, 180.0)
    } else {
        (
            crate::route::normalize_lon(b.west - pad),
            crate::route::normalize_lon(b.east + pad),
        )
    };
    // With the world's edge in view, a window that nears a pole reaches it: the pole line of
    // Equal Earth is that edge.
    let (mut south, mut north) = ((b.south - pad).max(-90.0), (b.north + pad).min(90.0));
    if beyond && south < -80.0 {
        south = -90.0;
    }
    if beyond && north > 80.0 {
        north = 90.0;
    }
    Some(BoundingBox::new(west, south, east, north))
}
