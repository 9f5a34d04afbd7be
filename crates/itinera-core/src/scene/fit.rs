//! The projection and the frame: which projection the routes (or the bbox asked for) get, the
//! view that fits them into the frame, and the scale that follows (drawing step, lon/lat
//! window, basemap detail).

use super::*;

/// Step of [`build_in`]: the projection for the routes' extent (or the bbox asked for) and the
/// view that fits them into `frame`.
pub(super) fn project_and_fit(
    routes: &[Route],
    options: &MapOptions,
    frame: &Rect,
) -> Result<(Projector, View)> {
    let (densified, points) = coarse_legs(routes);
    let route_extent = route_extent(routes, &densified);
    let projector = projector_for(options, route_extent, &densified)?;
    let fit_points = fit_points(&projector, options, &points);
    check_fit(&projector, &fit_points, &points)?;
    let view = fit(
        &fit_points,
        frame,
        options.bbox.is_some() || projector.world,
        projector.world,
    );
    Ok((projector, view))
}

/// Step of [`project_and_fit`]: each route's legs densified coarsely, and every point of the
/// routes (the legs' vertices, then the stops).
fn coarse_legs(routes: &[Route]) -> (Vec<Vec<Vec<geo::Coord>>>, Vec<geo::Coord>) {
    // BoundingBox and projection, from the legs densified coarsely (the curve's bulge is what
    // matters); they are densified again for drawing at a step fitted to the scale.
    let coarse = |l: &Leg| l.line_every(FIT_STEP_M);
    let densified: Vec<Vec<Vec<geo::Coord>>> = routes
        .iter()
        .map(|r| r.legs.iter().map(coarse).collect())
        .collect();
    let points: Vec<geo::Coord> = routes
        .iter()
        .zip(&densified)
        .flat_map(|(r, ls)| {
            ls.iter()
                .flatten()
                .copied()
                .chain(r.stops.iter().map(|s| s.coord()))
        })
        .collect();
    (densified, points)
}

/// Step of [`project_and_fit`]: the lon/lat box of the routes, `None` without a point.
fn route_extent(routes: &[Route], densified: &[Vec<Vec<geo::Coord>>]) -> Option<BoundingBox> {
    // Each leg counts by the longitudes it sweeps (a leg near a pole sweeps many between two
    // vertices), so the widest empty arc, where the map's seam goes, is never inside a leg.
    let mut extent_of = crate::bbox::BoxBuilder::default();
    for line in densified.iter().flatten() {
        for part in split_antimeridian(line) {
            extent_of.add_part(&part);
        }
    }
    for r in routes {
        for s in &r.stops {
            extent_of.add_point(s.coord());
        }
    }
    extent_of.finish()
}

/// Step of [`project_and_fit`]: the projection of the bbox asked for, or of the routes'
/// extent, showing the world when a route is cut by its seam.
fn projector_for(
    options: &MapOptions,
    route_extent: Option<BoundingBox>,
    densified: &[Vec<Vec<geo::Coord>>],
) -> Result<Projector> {
    let extent = options
        .bbox
        .or(route_extent)
        .ok_or_else(|| Error::invalid(InvalidKind::Empty, "nothing to draw", None))?;
    let mut projector = Projector::new(&options.projection, &extent)?;
    // A route cut by the seam of a central meridian given in a PROJ string runs to both edges
    // of the world: the map shows the world.
    if options.bbox.is_none()
        && !projector.world
        && projector.has_globe_edge()
        && densified
            .iter()
            .flatten()
            .any(|l| stream::crosses_seam(l, projector.lon0()))
    {
        projector.world = true;
    }
    Ok(projector)
}

/// Step of [`project_and_fit`]: the projected points the view is fitted to.
fn fit_points(
    projector: &Projector,
    options: &MapOptions,
    points: &[geo::Coord],
) -> Vec<(f64, f64)> {
    // Fit: projected extent of the routes (or the bbox outline), with a margin, to the frame.
    // A world map shows the world from seam to seam (without Antarctica, unless the route
    // goes there), whatever part the routes cover. A box or a route beyond the latitudes the
    // projection shows (Mercator's ±85.05°) is fitted up to them.
    let (south, north) = projector.lat_limits();
    match options.bbox {
        // A box all round the globe is the world from seam to seam, between its latitudes.
        Some(b) if b.lon_span() >= 359.9 => {
            seam_to_seam(projector.lon0(), b.south.max(south), b.north.min(north))
                .into_iter()
                .filter_map(|(lon, lat)| projector.project(lon, lat))
                .collect()
        }
        Some(b) => outline(&b)
            .into_iter()
            .filter_map(|(lon, lat)| projector.project(lon, lat.clamp(south, north)))
            .collect(),
        // The route's points 3° further from the equator, so a leg beyond the usual edge
        // keeps a margin.
        None if projector.world => world_outline(projector)
            .into_iter()
            .chain(points.iter().map(|c| (c.x, c.y + 3.0_f64.copysign(c.y))))
            .filter_map(|(lon, lat)| projector.project(lon, lat.clamp(south, north)))
            .collect(),
        None => points
            .iter()
            .filter_map(|c| projector.project(c.x, c.y))
            .collect(),
    }
}

/// Step of [`project_and_fit`]: the error of a projection that leaves nothing to fit.
fn check_fit(
    projector: &Projector,
    fit_points: &[(f64, f64)],
    points: &[geo::Coord],
) -> Result<()> {
    // A projection that puts every point within a metre of the others (`+k_0=0`), or
    // nowhere, draws nothing that can be read.
    let spread = |f: fn(&(f64, f64)) -> f64| {
        let (lo, hi) = fit_points
            .iter()
            .map(f)
            .fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
        hi - lo
    };
    let distinct = points.first().is_some_and(|p0| {
        points
            .iter()
            .any(|c| (c.x - p0.x).abs() > 1e-4 || (c.y - p0.y).abs() > 1e-4)
    });
    if fit_points
        .iter()
        .any(|p| !p.0.is_finite() || !p.1.is_finite())
        || (!fit_points.is_empty() && distinct && spread(|p| p.0).max(spread(|p| p.1)) < 1.0)
    {
        return Err(Error::invalid(
            InvalidKind::Setting,
            format!(
                "the projection `{}` collapses the map: the routes' points land within a metre of each other",
                projector.definition
            ),
            Some("check the PROJ parameters (a scale factor of 0?)".into()),
        ));
    }
    if fit_points.is_empty() {
        return Err(Error::invalid(
            InvalidKind::Setting,
            format!(
                "the routes are outside the projection `{}`",
                projector.definition
            ),
            None,
        ));
    }
    Ok(())
}

/// The scale the map is drawn at, once projected.
pub(super) struct Scale {
    /// Metres between the vertices of a leg as drawn.
    pub(super) draw_step: f64,
    /// The lon/lat window the frame shows (`None`: a world map).
    pub(super) window: Option<BoundingBox>,
    /// Metres of ground a pixel spans at the centre of the map.
    pub(super) ground_m_per_px: f64,
    /// The basemap's detail.
    pub(super) detail: Detail,
}

/// Step of [`build_in`]: the drawing step, window and basemap detail of the map `view` shows
/// in `frame`.
pub(super) fn scale(projector: &Projector, view: &View, frame: &Rect) -> Scale {
    // Two pixels, but never coarser than the 10 km of exports: legs stay smooth and a world
    // map of thousands of legs does not carry millions of invisible vertices.
    let draw_step = (2.0 / view.scale).max(crate::route::DENSIFY_MAX_M);

    // The lon/lat window the frame shows, for the basemap and graticule.
    let window = if projector.world {
        None
    } else {
        window(projector, view, frame)
    };
    // The basemap's scale follows the pixel size, not the degrees the window spans: a wide
    // window drawn large (`--bbox 100,35,145,60` at 1600 px) keeps its coastline detail.
    // It is the ground's size of a pixel at the map's centre, not the projection's: Mercator
    // at 70° N shows three times the detail its metres say.
    let ground_m_per_px = ground_m_per_px(projector, view, frame).unwrap_or(1.0 / view.scale);
    let detail = if window.is_none() {
        Detail::Low
    } else {
        Detail::for_pixel(ground_m_per_px)
    };
    Scale {
        draw_step,
        window,
        ground_m_per_px,
        detail,
    }
}

/// Metres of ground a pixel spans at the centre of the frame (east–west and north–south
/// alike on a conformal map; the smaller of the two otherwise), measured along geodesics of
/// 1 km; `None` where the centre is off the projection's world.
pub(super) fn ground_m_per_px(p: &Projector, view: &View, frame: &Rect) -> Option<f64> {
    let centre = ((frame.x0 + frame.x1) / 2.0, (frame.y0 + frame.y1) / 2.0);
    let (lon, lat) = p.unproject(view.metres(centre))?;
    let here = view.px(p.project(lon, lat)?);
    let probe = 1_000.0;
    let px = |bearing: f64| -> Option<f64> {
        let there = crate::route::destination(geo::Coord { x: lon, y: lat }, bearing, probe);
        let q = view.px(p.project(there.x, there.y)?);
        Some((q.0 - here.0).hypot(q.1 - here.1))
    };
    let longest = px(90.0)?.max(px(0.0).unwrap_or(0.0));
    (longest > 0.0 && longest.is_finite()).then(|| probe / longest)
}

/// The outline of the world a world map shows: the circle an azimuthal projection shows (an
/// orthographic globe's horizon), or the world from seam to seam, 58° S to 84° N, centred on
/// the central meridian. Longitudes run from `lon0 - 180` to `lon0 + 180` unfolded, so each
/// seam stays on its own side of the map.
fn world_outline(projector: &Projector) -> Vec<(f64, f64)> {
    let lon0 = projector.lon0();
    if let Some((lat0, radius)) = projector.cap() {
        return cap::Cap::new(lat0, radius)
            .circle()
            .into_iter()
            .map(|(x, y)| (lon0 + x, y))
            .collect();
    }
    seam_to_seam(lon0, -58.0, 84.0)
}

/// The outline of the world between two latitudes, from the seam west of `lon0` to the seam
/// east of it, longitudes unfolded.
fn seam_to_seam(lon0: f64, south: f64, north: f64) -> Vec<(f64, f64)> {
    let n = 48;
    (0..=n)
        .flat_map(move |i| {
            let t = f64::from(i) / f64::from(n);
            let lon = lon0 - 180.0 + 360.0 * t;
            let lat = south + (north - south) * t;
            [
                (lon, south),
                (lon, north),
                (lon0 - 180.0, lat),
                (lon0 + 180.0, lat),
            ]
        })
        .collect()
}
