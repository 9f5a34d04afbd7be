//! The map's layers in pixels: the basemap (land, water, rivers, borders) and the sea under
//! it, and the routes with their direction arrows, all taken through the map's stream.

use super::*;

/// The basemap in pixels, clipped to the frame.
pub(super) struct BaseLayers {
    pub(super) land: Vec<Vec<Px>>,
    /// Lakes, and the holes in land (the Caspian Sea): water.
    pub(super) lakes: Vec<Vec<Px>>,
    /// Holes in lakes (Olkhon in Baikal): land.
    pub(super) islands: Vec<Vec<Px>>,
    pub(super) rivers: Vec<Vec<Px>>,
    pub(super) borders: Vec<Vec<Px>>,
    pub(super) regions: Vec<Vec<Px>>,
}

/// Step of [`build_in`]: loads the basemap at `detail` for `window` and takes it through the
/// map's stream.
pub(super) fn base_layers(
    context: &Context<'_>,
    detail: Detail,
    window: Option<BoundingBox>,
    stream: &Stream<'_>,
) -> BaseLayers {
    let base = (context.basemap)(detail, window);
    // Holes in land (the Caspian Sea) are water; holes in lakes (Olkhon in Baikal) are land.
    let rings = |rings: &mut dyn Iterator<Item = &geo::LineString>| -> Vec<Vec<Px>> {
        rings.flat_map(|r| stream.ring(&r.0)).collect()
    };
    let land = rings(&mut base.land.iter().map(|p| p.exterior()));
    let mut lakes = rings(&mut base.lakes.iter().map(|p| p.exterior()));
    lakes.extend(rings(&mut base.land.iter().flat_map(|p| p.interiors())));
    let islands = rings(&mut base.lakes.iter().flat_map(|p| p.interiors()));
    let lines = |ls: &[geo::LineString]| -> Vec<Vec<Px>> {
        ls.iter().flat_map(|l| stream.line(&l.0)).collect()
    };
    BaseLayers {
        land,
        lakes,
        islands,
        rivers: lines(&base.rivers),
        borders: lines(&base.borders),
        regions: lines(&base.regions),
    }
}

/// Step of [`build_in`]: the water under the land, as a closed ring. A projection whose whole
/// world has an edge (Equal Earth, Robinson, Mollweide, Mercator and the other cylindrical and
/// pseudo-cylindrical ones) fills only the part of the frame inside that edge, and the page
/// shows around it, whatever the map's centre and window; other maps fill the frame.
pub(super) fn sea(projector: &Projector, stream: &Stream<'_>, frame: &Rect) -> Vec<Px> {
    let frame_ring = frame.corners().to_vec();
    if !(projector.has_globe_edge() || projector.cap().is_some()) {
        return frame_ring;
    }
    match stream.outline() {
        r if r.len() >= 3 => r,
        _ => frame_ring,
    }
}

/// Step of [`build_in`]: each trip's legs in pixels (cut at the map's seam, set beside the
/// legs they share a track with, clipped to the frame, simplified to the pixel grid) and a
/// direction arrow at each leg's middle; and the legs' pixels for [`route_pixels`], taken
/// before the simplification (labels, legend and scale bar avoid the legs as exactly as
/// before).
pub(super) fn route_layers(
    routes: &[Route],
    stream: &Stream<'_>,
    draw_step: f64,
    unit: f64,
    palette: &Palette,
) -> (Vec<RouteLayer>, Vec<Px>) {
    let frame = &stream.frame();
    let offsets = shared::offsets(routes, unit);
    let mut layers = Vec::new();
    let mut leg_px = Vec::new();
    for (ri, r) in routes.iter().enumerate() {
        let color = palette.route(r.color);
        let mut legs = Vec::new();
        let mut arrows = Vec::new();
        for (li, leg) in r.legs.iter().enumerate() {
            let mut pieces = stream.projected_line(&leg.line_every(draw_step));
            // A leg that shares its track with others is drawn beside them.
            if let Some(&d) = offsets.get(&(ri, li)) {
                for p in &mut pieces {
                    *p = shared::offset_line(p, d);
                }
            }
            // Simplified to the pixel grid once clipped: what is drawn and written.
            let runs = pieces
                .iter()
                .flat_map(|p| clip::clip_line(p, frame))
                .map(|run| {
                    leg_px.extend(along(&run, 4.0));
                    simplify::simplify(&run, simplify::SIMPLIFY_TOLERANCE_PX)
                })
                .collect();
            if let Some((mid, angle)) = arrow_at_middle(&pieces, frame) {
                arrows.push(arrow_triangle(mid, angle, unit));
            }
            legs.push((Stroke::for_mode(leg.mode), runs));
        }
        layers.push(RouteLayer {
            name: r.name.clone(),
            color,
            legs,
            arrows,
        });
    }
    (layers, leg_px)
}

/// Step of [`build_in`]: the routes' pixels, where the legend, scale bar and labels must not
/// go: `leg_px`, the legs' points from [`route_layers`], and the arrows' outlines.
pub(super) fn route_pixels(layers: &[RouteLayer], mut leg_px: Vec<Px>) -> Vec<Px> {
    // Legend, scale bar and labels go where they avoid the routes: the routes' pixels, a
    // point at least every few pixels along each run (a leg across a city map is two
    // vertices a thousand pixels apart).
    // The direction arrows are wider than the line: their outlines count too.
    let arrows = layers
        .iter()
        .flat_map(|l| &l.arrows)
        .flat_map(|t| along(&[t[0], t[1], t[2], t[0]], 4.0));
    leg_px.extend(arrows);
    leg_px
}

/// The points of a line, with points added so that none is more than `step` pixels from the
/// next.
pub(super) fn along(run: &[Px], step: f64) -> Vec<Px> {
    let mut out = Vec::with_capacity(run.len());
    for w in run.windows(2) {
        let (a, b) = (w[0], w[1]);
        let n = ((b.0 - a.0).hypot(b.1 - a.1) / step)
            .ceil()
            .clamp(1.0, 100_000.0) as usize;
        out.extend((0..n).map(|i| {
            let t = i as f64 / n as f64;
            (a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1))
        }));
    }
    out.extend(run.last().copied());
    out
}
