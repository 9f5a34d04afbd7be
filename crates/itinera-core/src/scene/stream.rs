//! The one path from lon/lat to pixels that every layer of a map takes (land, lakes, islands,
//! rivers, borders, regions, graticule, routes, arrows, the sea's outline and the inset).
//!
//! The steps are those of d3-geo's projection stream, in this order:
//! 1. **Rotate** longitudes to the projection's centre: λ' = λ − λ₀, kept continuous along a
//!    shape (so a shape stored cut at ±180° and a leg that crosses ±180° are both whole).
//! 2. **Cut at the seam**, the meridian opposite the centre (λ' = ±180°). A line is split
//!    there; a ring is cut into the pieces on either side, each closed again along the seam (a
//!    ring around a pole is closed through the pole first).
//! 3. **Clip to the window**, a lon/lat box in centre-relative degrees: the latitudes the
//!    projection can show (Mercator stops at ±85.05°) and, on a map of a region, the box that
//!    holds the frame, so far-away shapes are not projected at all.
//! 4. **Resample adaptively while projecting**: a segment longer than a few pixels is split at
//!    its middle while the projected middle strays from the straight chord, so meridians at a
//!    world map's edge, a parallel across a conic map or a seam edge come out curved.
//! 5. **Clip to the frame** in pixels.
//!
//! A piece that runs along the seam after step 2 lies on the map's outline, where it adds no
//! area and no visible line: land is filled, never stroked.

use geo::Coord;

use super::cap::{Cap, continuous};
use super::clip;
use super::{BoundingBox, Projector, Px, Rect, View};

/// Latitude where Mercator's map ends (the square world of web maps), degrees.
pub const MERCATOR_LIMIT: f64 = 85.051_128_78;

/// Ring latitudes beyond this are on the pole, degrees.
const POLE_SNAP: f64 = 89.9;

/// Segments shorter than this (pixels) are drawn straight.
const RESAMPLE_MIN_PX: f64 = 4.0;
/// How far a projected midpoint may stray from its chord before the segment is split, pixels.
const RESAMPLE_TOLERANCE_PX: f64 = 0.3;
/// At most 2^depth pieces per input segment.
const RESAMPLE_DEPTH: u32 = 12;

/// A point in centre-relative degrees: x = λ − λ₀ in [-180, 180], y = latitude.
use super::cap::Rel;

/// `d` folded into [-180, 180).
fn wrap(d: f64) -> f64 {
    let r = (d + 180.0).rem_euclid(360.0) - 180.0;
    if r.is_finite() { r } else { 0.0 }
}

/// The stream of one map: a projection, its fit to the frame, and the window.
pub(super) struct Stream<'a> {
    projector: &'a Projector,
    view: View,
    frame: Rect,
    lon0: f64,
    /// The window in centre-relative degrees (x0 = west, y0 = south, x1 = east, y1 = north).
    window: Rect,
    /// The circle an azimuthal projection is clipped to (an orthographic globe's horizon).
    cap: Option<Cap>,
}

impl<'a> Stream<'a> {
    /// A stream through `projector` and `view` into `frame`, keeping what lies inside `window`
    /// (`None`: the whole sphere the projection can show).
    pub(super) fn new(
        projector: &'a Projector,
        view: View,
        frame: Rect,
        window: Option<&BoundingBox>,
    ) -> Stream<'a> {
        let lon0 = projector.lon0();
        let (south, north) = projector.lat_limits();
        let mut w = Rect {
            x0: -180.0,
            y0: south,
            x1: 180.0,
            y1: north,
        };
        if let Some(b) = window {
            w.y0 = w.y0.max(b.south);
            w.y1 = w.y1.min(b.north);
            let span = b.lon_span();
            let west = wrap(b.west - lon0);
            // A window across the seam keeps every longitude (the seam cut does the rest).
            if span < 359.0 && west + span <= 180.0 {
                w.x0 = west;
                w.x1 = west + span;
            }
        }
        Stream {
            projector,
            view,
            frame,
            lon0,
            window: w,
            cap: projector.cap().map(|(lat0, r)| Cap::new(lat0, r)),
        }
    }

    /// Whether the projection's world has an edge of seams and pole lines in the plane.
    pub(super) fn has_globe_edge(&self) -> bool {
        self.projector.has_globe_edge()
    }

    /// The central meridian.
    pub(super) fn lon0(&self) -> f64 {
        self.lon0
    }

    /// The frame the stream clips to.
    pub(super) fn frame(&self) -> Rect {
        self.frame
    }

    /// A point in pixels (it may be outside the frame).
    pub(super) fn point(&self, lon: f64, lat: f64) -> Option<Px> {
        self.px((wrap(lon - self.lon0), lat))
    }

    /// A line, split at the seam and where it leaves the window or the frame: its runs inside.
    pub(super) fn line(&self, line: &[Coord]) -> Vec<Vec<Px>> {
        self.projected_line(line)
            .iter()
            .flat_map(|run| clip::clip_line(run, &self.frame))
            .collect()
    }

    /// A line cut at the seam and the window, projected, but not clipped to the frame: where its
    /// pieces start and end tells where it meets the globe's edge.
    pub(super) fn projected_line(&self, line: &[Coord]) -> Vec<Vec<Px>> {
        let mut out = Vec::new();
        for piece in cut_line(&unwrap(line, self.lon0)) {
            for run in clip::clip_line(&piece, &self.window) {
                match &self.cap {
                    Some(cap) => {
                        for inside in cap.clip_line(&run) {
                            self.project_line(&inside, &mut out);
                        }
                    }
                    None => self.project_line(&run, &mut out),
                }
            }
        }
        out
    }

    /// A polygon ring: its pieces on each side of the seam, inside the window, projected and
    /// clipped to the frame (each a ring of at least three points).
    pub(super) fn ring(&self, ring: &[Coord]) -> Vec<Vec<Px>> {
        let Some(mut unwrapped) = close_around_pole(unwrap(ring, self.lon0)) else {
            return Vec::new();
        };
        // Antarctica's edge along the pole is stored a hundredth of a degree short of it
        // (quantized): on a projection with a pole line it meets the globe's edge exactly.
        for p in &mut unwrapped {
            if p.1.abs() > POLE_SNAP {
                p.1 = 90.0_f64.copysign(p.1);
            }
        }
        let mut out = Vec::new();
        for piece in cut_ring(&unwrapped) {
            let piece = clip::clip_ring(&piece, &self.window);
            if piece.len() < 3 {
                continue;
            }
            let pieces = match &self.cap {
                Some(cap) => cap.clip_ring(&piece),
                None => vec![piece],
            };
            for piece in pieces {
                let projected = self.project_ring(&piece);
                let clipped =
                    along_frame_once(clip::clip_ring(&projected, &self.frame), &self.frame);
                if clipped.len() >= 3 {
                    out.push(clipped);
                }
            }
        }
        out
    }

    /// The outline of everything the projection shows: the globe's edge (its seam meridians
    /// and pole lines, or Mercator's limits), as one ring clipped to the frame.
    pub(super) fn outline(&self) -> Vec<Px> {
        if let Some(cap) = &self.cap {
            return clip::clip_ring(&self.project_ring(&cap.circle()), &self.frame);
        }
        let (south, north) = self.projector.lat_limits();
        let w = Rect {
            x0: -180.0,
            y0: south,
            x1: 180.0,
            y1: north,
        };
        let n = 90;
        let step = |a: f64, b: f64, i: usize| a + (b - a) * i as f64 / n as f64;
        let ring: Vec<Rel> = (0..n)
            .map(|i| (w.x0, step(w.y0, w.y1, i)))
            .chain((0..n).map(|i| (step(w.x0, w.x1, i), w.y1)))
            .chain((0..n).map(|i| (w.x1, step(w.y1, w.y0, i))))
            .chain((0..n).map(|i| (step(w.x1, w.x0, i), w.y0)))
            .collect();
        clip::clip_ring(&self.project_ring(&ring), &self.frame)
    }

    /// Projects a centre-relative point to pixels. The longitude goes to the projection as
    /// λ₀ + λ' without folding, so ±180° stays on its own edge of the map.
    fn px(&self, p: Rel) -> Option<Px> {
        // A hair past the seam from arithmetic stays on its side; a circle of an azimuthal
        // map that runs on past it (over a pole) goes on.
        let x = if p.0.abs() <= 180.0 + 1e-9 {
            p.0.clamp(-180.0, 180.0)
        } else {
            p.0
        };
        let lon = self.lon0 + x;
        self.projector.project(lon, p.1).map(|m| self.view.px(m))
    }

    /// Projects a run, splitting it where a point cannot be projected, with resampling.
    fn project_line(&self, run: &[Rel], out: &mut Vec<Vec<Px>>) {
        let mut cur: Vec<Px> = Vec::new();
        let mut prev: Option<(Rel, Px)> = None;
        for &p in run {
            match self.px(p) {
                Some(q) => {
                    if let Some((a, pa)) = prev {
                        self.resample(a, pa, p, q, RESAMPLE_DEPTH, &mut cur);
                    }
                    cur.push(q);
                    prev = Some((p, q));
                }
                None => {
                    if cur.len() > 1 {
                        out.push(std::mem::take(&mut cur));
                    }
                    cur.clear();
                    prev = None;
                }
            }
        }
        if cur.len() > 1 {
            out.push(cur);
        }
    }

    /// Projects a closed ring with resampling (its closing edge too); points the projection
    /// cannot take are left out.
    fn project_ring(&self, ring: &[Rel]) -> Vec<Px> {
        let mut out = Vec::with_capacity(ring.len());
        let mut first: Option<(Rel, Px)> = None;
        let mut prev: Option<(Rel, Px)> = None;
        for &p in ring {
            let Some(q) = self.px(p) else { continue };
            if let Some((a, pa)) = prev {
                self.resample(a, pa, p, q, RESAMPLE_DEPTH, &mut out);
            } else {
                first = Some((p, q));
            }
            out.push(q);
            prev = Some((p, q));
        }
        if let (Some((a, pa)), Some((b, pb))) = (prev, first) {
            self.resample(a, pa, b, pb, RESAMPLE_DEPTH, &mut out);
        }
        out
    }

    /// Pushes the points strictly between `pa` and `pb` that keep the projected segment within
    /// the tolerance of the true curve (d3-geo's adaptive resampling, with the midpoint taken
    /// in lon/lat, where basemap edges and graticule lines are straight).
    fn resample(&self, a: Rel, pa: Px, b: Rel, pb: Px, depth: u32, out: &mut Vec<Px>) {
        // The short way round: the closing edge of a ring round a pole (an orthographic
        // horizon over it) joins 177° to -180°.
        let b = continuous(a, b);
        let (dx, dy) = (pb.0 - pa.0, pb.1 - pa.1);
        let d2 = dx * dx + dy * dy;
        if depth == 0 || d2 < RESAMPLE_MIN_PX * RESAMPLE_MIN_PX {
            return;
        }
        let m = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
        let Some(pm) = self.px(m) else { return };
        let (mx, my) = (pm.0 - pa.0, pm.1 - pa.1);
        // Off the chord, or not near its middle (a fold the chord hides).
        let off = (dx * my - dy * mx).abs() / d2.sqrt();
        let along = (dx * mx + dy * my) / d2 - 0.5;
        if off > RESAMPLE_TOLERANCE_PX || along.abs() > 0.3 {
            self.resample(a, pa, m, pm, depth - 1, out);
            out.push(pm);
            self.resample(m, pm, b, pb, depth - 1, out);
        }
    }
}

/// A ring clipped to `frame` without the points in the middle of a run along one of its
/// edges: where a shape leaves the frame, the clip lays every point outside onto the edge, and
/// those add nothing to the fill but cost its rasteriser.
fn along_frame_once(ring: Vec<Px>, frame: &Rect) -> Vec<Px> {
    if ring.len() < 4 {
        return ring;
    }
    let edge = |p: Px| -> u8 {
        (u8::from(p.0 == frame.x0))
            | (u8::from(p.0 == frame.x1) << 1)
            | (u8::from(p.1 == frame.y0) << 2)
            | (u8::from(p.1 == frame.y1) << 3)
    };
    let n = ring.len();
    let mut out: Vec<Px> = Vec::with_capacity(n);
    for i in 0..n {
        let (a, b, c) = (ring[(i + n - 1) % n], ring[i], ring[(i + 1) % n]);
        // b is dropped when a, b and c all lie on one edge line.
        if edge(a) & edge(b) & edge(c) == 0 {
            out.push(b);
        }
    }
    if out.len() < 3 { ring } else { out }
}

/// Whether a line crosses the seam of a map centred on `lon0` (the meridian opposite it).
pub(super) fn crosses_seam(line: &[Coord], lon0: f64) -> bool {
    unwrap(line, lon0).iter().any(|p| p.0.abs() > 180.0)
}

/// Longitudes relative to `lon0`, continuous along the sequence: the first folded into
/// [-180, 180), each next one the previous plus the shortest step to it.
fn unwrap(points: &[Coord], lon0: f64) -> Vec<Rel> {
    let mut out = Vec::with_capacity(points.len());
    let mut prev: Option<Rel> = None;
    for p in points {
        if !(p.x.is_finite() && p.y.is_finite()) {
            continue;
        }
        // Folded afresh and moved by whole turns, so the same point gives the same value in
        // every line that has it (consecutive legs meet exactly and are drawn as one line).
        let folded = (wrap(p.x - lon0), p.y);
        let u = prev.map_or(folded, |prev| continuous(prev, folded));
        out.push(u);
        prev = Some(u);
    }
    out
}

/// A ring that winds once around a pole (its longitudes gain or lose 360° on the way round) is
/// closed through the pole on the side of its points (Antarctica through the south pole), so
/// that it bounds an area in the plane. `None` for fewer than three points.
fn close_around_pole(mut ring: Vec<Rel>) -> Option<Vec<Rel>> {
    if ring.len() < 3 {
        return None;
    }
    let (first, last) = (ring[0], ring[ring.len() - 1]);
    let end = last.0 + wrap(first.0 - last.0);
    let turn = end - first.0;
    if turn.abs() > 180.0 {
        let mean = ring.iter().map(|p| p.1).sum::<f64>() / ring.len() as f64;
        let pole = if mean < 0.0 { -90.0 } else { 90.0 };
        ring.push((end, first.1));
        ring.push((end, pole));
        ring.push((first.0, pole));
    }
    Some(ring)
}

/// The strip of 360° that `x` is in: strip k holds [-180 + 360k, 180 + 360k].
fn strip(x: f64) -> i64 {
    ((x + 180.0) / 360.0).floor() as i64
}

/// A continuous line split where it crosses the seam (x = 180 + 360k), each piece moved into
/// [-180, 180].
fn cut_line(line: &[Rel]) -> Vec<Vec<Rel>> {
    let mut out = Vec::new();
    let Some(&first) = line.first() else {
        return out;
    };
    // A line that starts exactly on a seam belongs to the strip it heads into.
    let mut k = strip(first.0);
    let heads_west = line
        .iter()
        .find(|p| p.0 != first.0)
        .is_some_and(|p| p.0 < first.0);
    if heads_west && first.0 == -180.0 + 360.0 * k as f64 {
        k -= 1;
    }
    let shift = |p: Rel, k: i64| (p.0 - 360.0 * k as f64, p.1);
    let mut cur = vec![shift(first, k)];
    for w in line.windows(2) {
        let (a, b) = (w[0], w[1]);
        // Cross as many seams as lie between a and b (one, for any real segment).
        loop {
            let (lo, hi) = (-180.0 + 360.0 * k as f64, 180.0 + 360.0 * k as f64);
            let edge = if b.0 > hi {
                hi
            } else if b.0 < lo {
                lo
            } else {
                break;
            };
            let t = (edge - a.0) / (b.0 - a.0);
            let lat = a.1 + t * (b.1 - a.1);
            cur.push(shift((edge, lat), k));
            if cur.len() > 1 {
                out.push(std::mem::take(&mut cur));
            }
            cur.clear();
            k += if edge == hi { 1 } else { -1 };
            cur.push(shift((edge, lat), k));
        }
        cur.push(shift(b, k));
    }
    if cur.len() > 1 {
        out.push(cur);
    }
    out
}

/// A closed ring in continuous longitudes cut into the strips it covers, each piece moved into
/// [-180, 180] and closed along the seam (Sutherland–Hodgman on the strip's two edges).
fn cut_ring(ring: &[Rel]) -> Vec<Vec<Rel>> {
    let (lo, hi) = ring.iter().fold((f64::MAX, f64::MIN), |(lo, hi), p| {
        (lo.min(p.0), hi.max(p.0))
    });
    let (k0, k1) = (strip(lo), strip(hi));
    if k0 == k1 || (k1 == k0 + 1 && hi == 180.0 + 360.0 * k0 as f64) {
        let shift = 360.0 * k0 as f64;
        return vec![ring.iter().map(|p| (p.0 - shift, p.1)).collect()];
    }
    (k0..=k1)
        .filter_map(|k| {
            let shift = 360.0 * k as f64;
            let band = Rect {
                x0: -180.0 + shift,
                y0: -1000.0,
                x1: 180.0 + shift,
                y1: 1000.0,
            };
            let piece = clip::clip_ring(ring, &band);
            (piece.len() >= 3).then(|| piece.iter().map(|p| (p.0 - shift, p.1)).collect())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(x: f64, y: f64) -> Coord {
        Coord { x, y }
    }

    #[test]
    fn wrap_folds_into_a_half_open_turn() {
        assert_eq!(wrap(190.0), -170.0);
        assert_eq!(wrap(-190.0), 170.0);
        assert_eq!(wrap(180.0), -180.0);
        assert_eq!(wrap(-180.0), -180.0);
        assert_eq!(wrap(540.0), -180.0);
        assert_eq!(wrap(f64::NAN), 0.0);
    }

    #[test]
    fn unwrap_keeps_a_line_across_the_antimeridian_continuous() {
        let u = unwrap(&[c(170.0, 0.0), c(179.0, 1.0), c(-179.0, 2.0)], 0.0);
        assert_eq!(u, vec![(170.0, 0.0), (179.0, 1.0), (181.0, 2.0)]);
        let u = unwrap(&[c(170.0, 0.0), c(-170.0, 0.0)], -150.0);
        assert_eq!(u, vec![(-40.0, 0.0), (-20.0, 0.0)]);
    }

    #[test]
    fn a_line_is_split_at_the_seam_with_the_crossing_latitude() {
        let pieces = cut_line(&[(170.0, 0.0), (190.0, 10.0)]);
        assert_eq!(
            pieces,
            vec![
                vec![(170.0, 0.0), (180.0, 5.0)],
                vec![(-180.0, 5.0), (-170.0, 10.0)]
            ]
        );
        // Westward across the seam, and a line that only touches it.
        let pieces = cut_line(&[(-170.0, 0.0), (-190.0, 0.0)]);
        assert_eq!(pieces.len(), 2);
        assert_eq!(pieces[1], vec![(180.0, 0.0), (170.0, 0.0)]);
        assert_eq!(cut_line(&[(-180.0, 0.0), (180.0, 0.0)]).len(), 1);
    }

    #[test]
    fn a_ring_across_the_seam_becomes_two_closed_pieces() {
        let ring = vec![(170.0, 0.0), (190.0, 0.0), (190.0, 10.0), (170.0, 10.0)];
        let pieces = cut_ring(&ring);
        assert_eq!(pieces.len(), 2);
        for p in &pieces {
            assert!(p.iter().all(|q| (-180.0..=180.0).contains(&q.0)), "{p:?}");
        }
        let xs = |p: &Vec<Rel>| p.iter().map(|q| q.0).fold(0.0_f64, |a, b| a.max(b.abs()));
        assert!(pieces.iter().all(|p| xs(p) == 180.0));
    }

    #[test]
    fn a_ring_round_a_pole_is_closed_through_it() {
        // Antarctica-like: a ring round the south pole, stored without a cut.
        let ring: Vec<Coord> = (0..36)
            .map(|i| c(-180.0 + 10.0 * f64::from(i), -70.0))
            .collect();
        let closed = close_around_pole(unwrap(&ring, 0.0)).unwrap();
        assert!(closed.iter().any(|p| p.1 == -90.0));
        let pieces = cut_ring(&closed);
        assert_eq!(pieces.len(), 1, "{pieces:?}");
    }
}
