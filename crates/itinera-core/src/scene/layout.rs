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
    /// The height of a strip below the map that the legend and the scale bar would need,
    /// when they found no corner of the map where they cover no route and no stop.
    pub(super) wants_strip: Option<f64>,
}

/// The strip below the frame of a map built with room for its legend and scale bar there:
/// below the degree labels, above the attribution.
pub(super) fn strip_below(frame: &Rect, height: f64, unit: f64) -> Rect {
    let y0 = frame.y1 + 26.0 * unit;
    Rect {
        x0: frame.x0,
        y0,
        x1: frame.x1,
        y1: y0 + height,
    }
}

/// Step of [`build_in`]: the legend and the scale bar where they cover no route and no stop: in
/// a corner of the map drawn, or in `strip` below it; and the notes of what was left out.
pub(super) fn furniture(
    sheet: &Sheet<'_>,
    routes: &[Route],
    sea: &[Px],
    (route_px, markers): (&[Px], &[Marker]),
    strip: Option<Rect>,
) -> (Furniture, Vec<String>) {
    let (options, frame, unit) = (sheet.options, sheet.frame, sheet.unit);
    // The box of the map drawn, which the legend and the scale bar stand in.
    let sea_box = Rect::around(sea);
    // The legend stands across the part of the frame a map that fills its box is drawn in (a
    // Mercator world may be narrower than the frame), at the frame's top or bottom.
    let drawn = Rect {
        y0: frame.y0,
        y1: frame.y1,
        ..drawn_part(sea, &sea_box, &frame)
    };
    let mut notes = Vec::new();
    let mut wants = 0.0_f64;
    let draft = options
        .legend
        .then(|| legend::Draft::new(routes, options, unit))
        .flatten();
    let legend = draft.and_then(|d| {
        // Below the map only if that leaves the map three quarters of its height.
        let fits_page =
            d.w <= f64::from(options.width) - 16.0 * unit && d.h <= 0.25 * frame.height();
        let too_big = d.w > drawn.width() * 0.9
            || d.h > drawn.height() * 0.6
            || d.w * d.h > 0.15 * clip::ring_area(sea);
        let corner = (!too_big)
            .then(|| quietest_corner(&drawn, (d.w, d.h), 12.0 * unit, route_px, markers))
            .filter(|(_, crowd)| *crowd == 0);
        match (corner, strip) {
            (Some((at, _)), _) => Some(d.at(routes, at, &sheet.palette)),
            (None, Some(st)) if fits_page && d.h <= st.height() + 0.5 => {
                // Aligned with the frame, or moved left to stay on the page.
                let x = st.x0.min(f64::from(options.width) - 8.0 * unit - d.w);
                Some(d.at(routes, (x.max(8.0 * unit), st.y0), &sheet.palette))
            }
            (None, None) if fits_page => {
                wants = wants.max(d.h);
                None
            }
            _ => {
                notes.push(format!(
                    "the map is too small for its legend ({} x {} px): left out",
                    options.width, options.height
                ));
                None
            }
        }
    });
    let (scale_bar, bar_wants) =
        placed_scale_bar(sheet, &sea_box, legend.as_ref(), (route_px, markers), strip);
    if let Some(h) = bar_wants {
        wants = wants.max(h);
    }
    let wants_strip = (wants > 0.0 && strip.is_none()).then_some(wants);
    (
        Furniture {
            legend,
            scale_bar,
            wants_strip,
        },
        notes,
    )
}

/// Step of [`furniture`]: the scale bar, in a bottom corner of the map drawn where it covers no
/// route, no stop and not the legend, else in `strip`; or the strip height it would need.
fn placed_scale_bar(
    sheet: &Sheet<'_>,
    sea_box: &Rect,
    legend: Option<&Legend>,
    (route_px, markers): (&[Px], &[Marker]),
    strip: Option<Rect>,
) -> (Option<ScaleBar>, Option<f64>) {
    let (frame, unit) = (sheet.frame, sheet.unit);
    // The bar measures the map drawn, a globe narrower than a wide frame included, and
    // stands beside it.
    let bar_room = Rect {
        x0: sea_box.x0.max(frame.x0),
        x1: sea_box.x1.min(frame.x1).max(sea_box.x0.max(frame.x0) + 1.0),
        ..frame
    };
    let (inset, height) = (16.0 * unit, 7.0 * unit);
    let bar = |place: &dyn Fn(f64) -> Px| {
        scale_bar(
            sheet.projector,
            sheet.options,
            &sheet.view,
            &bar_room,
            unit,
            &sheet.palette,
            place,
        )
    };
    let free = |b: &ScaleBar| {
        let r = b.backdrop();
        legend.is_none_or(|l| !l.rect.overlaps(&r))
            && crowd(&r, route_px, markers) == 0
            && r.x0 >= 0.0
            && r.x1 <= f64::from(sheet.options.width)
    };
    let left = |_: f64| (bar_room.x0 + inset + 6.0 * unit, frame.y1 - inset - height);
    let right = |len: f64| {
        (
            bar_room.x1 - inset - len - 40.0 * unit,
            frame.y1 - inset - height,
        )
    };
    // The left corner first, unless the legend stands in the bottom left.
    let legend_left = legend.is_some_and(|l| {
        l.rect.x0 < (frame.x0 + frame.x1) / 2.0 && l.rect.y1 > (frame.y0 + frame.y1) / 2.0
    });
    let corners: [&dyn Fn(f64) -> Px; 2] = if legend_left {
        [&right, &left]
    } else {
        [&left, &right]
    };
    if let Some(b) = corners.into_iter().filter_map(&bar).find(|b| free(b)) {
        return (Some(b), None);
    }
    let size = 14.0 * unit;
    match strip {
        Some(st) => {
            let in_strip = |len: f64| (st.x1 - len - 40.0 * unit, st.y0 + size * 0.95 + 2.0 * unit);
            (bar(&in_strip).filter(|b| free(b)), None)
        }
        None => (None, Some(size * 0.95 + height + 6.0 * unit)),
    }
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
    obstacles.extend(scale_bar.map(|s| s.backdrop()));
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
    /// Leader lines of stop labels set apart from their markers.
    pub(super) leaders: Vec<[Px; 2]>,
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
    let labels::StopLabels {
        labels: mut placed,
        leaders,
        unplaced,
    } = placer.place_stops(stop_labels, obstacles, 15.0 * unit, radius, palette);
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
        leaders,
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
