//! Where the decorations and labels go: the legend and the scale bar where they avoid the
//! routes, the degree labels giving way to them, the locator inset in a free corner, and the
//! labels of stops and context places around all of these.

use super::*;

/// The legend and the scale bar, where they were placed.
pub(super) struct Furniture {
    /// The legend, unless it was left out.
    pub(super) legend: Option<Legend>,
    /// The scale bar, unless it was left out.
    pub(super) scale_bar: Option<ScaleBar>,
}

/// Step of [`build_in`]: the legend and the scale bar in the box of the map drawn, and the
/// notes of what was left out.
pub(super) fn furniture(
    sheet: &Sheet<'_>,
    routes: &[Route],
    sea: &[Px],
    route_px: &[Px],
    markers: &[Marker],
) -> (Furniture, Vec<String>) {
    // The box of the map drawn, which the legend and the scale bar stand in.
    let sea_box = Rect::around(sea);
    let (legend, notes) = fitted_legend(sheet, routes, sea, &sea_box, route_px, markers);
    let scale_bar = placed_scale_bar(sheet, &sea_box, legend.as_ref());
    (Furniture { legend, scale_bar }, notes)
}

/// Step of [`furniture`]: the legend, where it avoids the routes, and the note that says it was
/// left out of a map too small for it.
fn fitted_legend(
    sheet: &Sheet<'_>,
    routes: &[Route],
    sea: &[Px],
    sea_box: &Rect,
    route_px: &[Px],
    markers: &[Marker],
) -> (Option<Legend>, Vec<String>) {
    let (options, frame) = (sheet.options, sheet.frame);
    // The legend stands across the part of the frame a map that fills its box is drawn in (a
    // Mercator world may be narrower than the frame), at the frame's top or bottom.
    let drawn = Rect {
        y0: frame.y0,
        y1: frame.y1,
        ..drawn_part(sea, sea_box, &frame)
    };
    let legend = options
        .legend
        .then(|| {
            legend(
                routes,
                options,
                &drawn,
                sheet.unit,
                &sheet.palette,
                route_px,
                markers,
            )
        })
        .flatten();
    // A legend that would cover more than a seventh of the map drawn (a thumbnail) is left
    // out.
    let mut notes = Vec::new();
    let legend = legend.filter(|l| {
        let fits = l.rect.width() * l.rect.height() <= 0.15 * clip::ring_area(sea);
        if !fits {
            notes.push(format!(
                "the map is too small for its legend ({} x {} px): left out",
                options.width, options.height
            ));
        }
        fits
    });
    (legend, notes)
}

/// Step of [`furniture`]: the scale bar, beside the map drawn, unless it would cover the legend.
fn placed_scale_bar(
    sheet: &Sheet<'_>,
    sea_box: &Rect,
    legend: Option<&Legend>,
) -> Option<ScaleBar> {
    let frame = sheet.frame;
    // The bar measures the map drawn, a globe narrower than a wide frame included, and
    // stands beside it.
    let bar_room = Rect {
        x0: sea_box.x0.max(frame.x0),
        x1: sea_box.x1.min(frame.x1).max(sea_box.x0.max(frame.x0) + 1.0),
        ..frame
    };
    scale_bar(
        sheet.projector,
        sheet.options,
        &sheet.view,
        &bar_room,
        sheet.unit,
        &sheet.palette,
        legend.map(|l| l.rect),
    )
    // On a map too small for both, the legend keeps its corner.
    .filter(|b| legend.is_none_or(|l| !l.rect.overlaps(&b.bounds())))
}

/// Step of [`build_in`]: degree labels give way to the legend and the scale bar.
pub(super) fn clear_degree_labels(
    graticule_labels: &mut Vec<Label>,
    furniture: &Furniture,
    unit: f64,
) {
    let (legend, scale_bar) = (furniture.legend.as_ref(), furniture.scale_bar.as_ref());
    graticule_labels.retain(|l| {
        let b = l.bounds();
        legend.is_none_or(|lg| !lg.rect.overlaps(&b))
            && scale_bar.is_none_or(|sb| !sb.bounds().grow(4.0 * unit).overlaps(&b))
    });
}

/// Step of [`build_in`]: what labels must not cover: the markers, the legend, the scale bar
/// and the degree labels inside the frame.
pub(super) fn obstacles(
    frame: &Rect,
    markers: &[Marker],
    furniture: &Furniture,
    graticule_labels: &[Label],
) -> Vec<Rect> {
    let (legend, scale_bar) = (furniture.legend.as_ref(), furniture.scale_bar.as_ref());
    let mut obstacles: Vec<Rect> = markers
        .iter()
        .map(|m| Rect {
            x0: m.at.0 - m.radius,
            y0: m.at.1 - m.radius,
            x1: m.at.0 + m.radius,
            y1: m.at.1 + m.radius,
        })
        .collect();
    obstacles.extend(legend.map(|l| l.rect));
    obstacles.extend(scale_bar.map(|s| s.bounds()));
    // Degree labels inside the frame (beside a world map's globe) are not written over.
    obstacles.extend(
        graticule_labels
            .iter()
            .map(|l| l.bounds().grow(2.0))
            .filter(|b| b.overlaps(frame)),
    );
    obstacles
}

/// Step of [`build_in`]: a locator inset on a map of a small area, in a free corner.
pub(super) fn locator_inset(
    context: &Context<'_>,
    sheet: &Sheet<'_>,
    furniture: &Furniture,
    route_px: &[Px],
    markers: &[Marker],
) -> Option<Inset> {
    let (legend, scale_bar) = (furniture.legend.as_ref(), furniture.scale_bar.as_ref());
    match (sheet.options.inset, sheet.window) {
        (InsetMode::Auto, Some(w)) => {
            let taken: Vec<Rect> = legend
                .iter()
                .map(|l| l.rect)
                .chain(scale_bar.map(|s| s.bounds()))
                .collect();
            let mut busy = route_px.to_vec();
            busy.extend(markers.iter().map(|m| m.at));
            inset::inset(context, w, &sheet.frame, sheet.unit, &taken, &busy)
        }
        _ => None,
    }
}

/// The labels placed on the map.
pub(super) struct Placed {
    /// Stop labels, then context labels.
    pub(super) labels: Vec<Label>,
    /// How many of `labels` label stops.
    pub(super) stop_label_count: usize,
    /// Stop labels that could not be placed without overlapping.
    pub(super) unplaced: Vec<String>,
    /// Small dots of context cities.
    pub(super) context_dots: Vec<Px>,
}

/// Step of [`build_in`]: labels, stops first, then context places where they fit.
pub(super) fn place_labels(
    context: &Context<'_>,
    sheet: &Sheet<'_>,
    route_px: &[Px],
    stop_labels: &[labels::Wanted],
    obstacles: &mut Vec<Rect>,
    sea: &[Px],
) -> Placed {
    let (unit, palette) = (sheet.unit, &sheet.palette);
    let radius = marker_radius(unit);
    let to_px = |lon: f64, lat: f64| -> Option<Px> { sheet.stream.point(lon, lat) };
    let placer = labels::Placer::new(sheet.frame, route_px, sheet.options.label_lang);
    let (mut placed, unplaced) =
        placer.place_stops(stop_labels, obstacles, 15.0 * unit, radius, palette);
    let stop_label_count = placed.len();
    let mut context_dots = Vec::new();
    if sheet.options.labels == LabelMode::All {
        // On a world map drawn as a globe, context names stay on the globe.
        let on_map = |r: &Rect| r.corners().iter().all(|&c| clip::ring_contains(sea, c));
        placed.extend(placer.place_context(
            context.places,
            &to_px,
            &on_map,
            sheet.window,
            sheet.projector.world,
            obstacles,
            unit,
            palette,
            &mut context_dots,
        ));
    }
    Placed {
        labels: placed,
        stop_label_count,
        unplaced,
        context_dots,
    }
}

/// The box of the map drawn (the sea's ring) within the frame, where the map fills it (a
/// Mercator world narrower than the frame); the frame otherwise.
pub(super) fn drawn_part(sea: &[Px], sea_box: &Rect, frame: &Rect) -> Rect {
    let r = Rect {
        x0: sea_box.x0.max(frame.x0),
        y0: sea_box.y0.max(frame.y0),
        x1: sea_box.x1.min(frame.x1),
        y1: sea_box.y1.min(frame.y1),
    };
    // No map drawn (no sea ring) keeps the frame, and so does a map that does not fill its
    // box (a globe's ellipse or disk leaves the frame's corners free for the legend).
    if r.width() < 10.0 || r.height() < 10.0 || clip::ring_area(sea) < 0.95 * r.width() * r.height()
    {
        *frame
    } else {
        r
    }
}
