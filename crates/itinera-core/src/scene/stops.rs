//! The stops on the map: their markers, one per place, spread apart where they crowd, and
//! the labels the stops want.

use super::*;

/// A stop marker's radius, pixels.
pub(super) fn marker_radius(unit: f64) -> f64 {
    5.5 * unit
}

/// A stop's label with characters no embedded face has a glyph for.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Unglyphed {
    /// The label as the stop wrote it.
    pub written: String,
    /// The characters without a glyph, each once.
    pub missing: Vec<char>,
    /// The label drawn instead: the gazetteer's name, when the stop has a place.
    pub drawn: Option<String>,
}

/// What [`markers`] found: the markers, the labels wanted, the stops off the map and the
/// labels that lack glyphs.
pub(super) type Stops = (
    Vec<Marker>,
    Vec<labels::Wanted>,
    Vec<String>,
    Vec<Unglyphed>,
);

/// Step of [`build_in`]: stop markers, de-duplicated by position (to the pixel; a hash keeps
/// 100,000 stops linear), and the labels the stops want.
pub(super) fn markers(
    routes: &[Route],
    to_px: &dyn Fn(f64, f64) -> Option<Px>,
    frame: &Rect,
    unit: f64,
    palette: &Palette,
    lang: Option<LabelLang>,
) -> Stops {
    let radius = marker_radius(unit);
    let mut markers: Vec<Marker> = Vec::new();
    let mut marker_at: HashMap<(i64, i64), usize> = HashMap::new();
    let mut stop_labels: Vec<labels::Wanted> = Vec::new();
    let mut label_at: HashSet<(i64, i64, String)> = HashSet::new();
    let key = |p: Px| (p.0.round() as i64, p.1.round() as i64);
    let mut off_map = Vec::new();
    let mut unglyphed: Vec<Unglyphed> = Vec::new();
    for r in routes {
        let color = palette.route(r.color);
        for (i, s) in r.stops.iter().enumerate() {
            let Some(at) = to_px(s.lon, s.lat).filter(|p| frame.contains(*p)) else {
                if r.has_marker(i) {
                    off_map.push(s.label.clone());
                }
                continue;
            };
            if !r.has_marker(i) {
                continue;
            }
            let terminal = r.is_terminal(i);
            match marker_at.get(&key(at)) {
                Some(&m) => markers[m].terminal |= terminal,
                None => {
                    marker_at.insert(key(at), markers.len());
                    markers.push(Marker {
                        at,
                        radius,
                        color,
                        terminal,
                        leader: None,
                    });
                }
            }
            // In the language asked for when the gazetteer has the place's name in it; else as
            // written, unless no embedded face can draw that (then the Latin gazetteer name).
            let translated = lang
                .zip(s.place.as_ref())
                .and_then(|(l, p)| l.name(p))
                .filter(|t| text::covers(t));
            let text = if let Some(t) = translated {
                t
            } else if text::covers(&s.label) {
                s.label.clone()
            } else {
                let drawn = s.place.as_ref().map(|p| p.name.to_string());
                if !unglyphed.iter().any(|u| u.written == s.label) {
                    unglyphed.push(Unglyphed {
                        written: s.label.clone(),
                        missing: text::missing(&s.label),
                        drawn: drawn.clone(),
                    });
                }
                drawn.unwrap_or_else(|| s.label.clone())
            };
            let (kx, ky) = key(at);
            if !text.is_empty() && label_at.insert((kx, ky, text.clone())) {
                let population = s.place.as_ref().map_or(0, |p| p.population);
                stop_labels.push(labels::Wanted {
                    text,
                    anchor: at,
                    terminal,
                    population,
                });
            }
        }
    }
    (markers, stop_labels, off_map, unglyphed)
}

/// Step of [`build_in`]: stops too close to tell apart get their markers spread, and their
/// labels follow the markers.
pub(super) fn spread_markers(markers: &mut [Marker], stop_labels: &mut [labels::Wanted]) {
    let moved = spread::spread(markers);
    for w in stop_labels {
        if let Some(to) = moved.get(&(w.anchor.0.round() as i64, w.anchor.1.round() as i64)) {
            w.anchor = *to;
        }
    }
}

/// Step of [`build_in`]: the markers less those that the markers drawn after them hide wholly
/// (a track of 100,000 stops crossing itself draws most of its markers under others): the
/// map's pixels are the same, with a fraction of the drawing and of the SVG.
///
/// Markers are drawn in order, each an opaque disc (its fill and its ring, half the ring's
/// width outside the radius). Going from the last drawn to the first, a pixel grid records
/// the pixels an opaque marker already covers wholly, kept a pixel and a half inside its
/// edge (for anti-aliasing and the rounding of centres and radii to the raster); a marker
/// all of whose pixels, to a pixel and a half outside its edge, are covered is left out.
/// A marker moved off its place keeps its leader, so it is always drawn.
pub(super) fn visible_markers(markers: Vec<Marker>, halo: Color, unit: f64) -> Vec<Marker> {
    const MARGIN: f64 = 1.5;
    let ring_half = 1.1 * unit;
    let reach = |m: &Marker| m.radius + ring_half + MARGIN + 1.0;
    let area = markers.iter().fold(
        Rect {
            x0: f64::INFINITY,
            y0: f64::INFINITY,
            x1: f64::NEG_INFINITY,
            y1: f64::NEG_INFINITY,
        },
        |a, m| Rect {
            x0: a.x0.min(m.at.0 - reach(m)),
            y0: a.y0.min(m.at.1 - reach(m)),
            x1: a.x1.max(m.at.0 + reach(m)),
            y1: a.y1.max(m.at.1 + reach(m)),
        },
    );
    // Nothing to hide, or markers strewn over an area no map has (a grid would not fit).
    if markers.len() < 2 || !(area.x1 - area.x0 < 1e5 && area.y1 - area.y0 < 1e5) {
        return markers;
    }
    let cols = (area.x1 - area.x0).ceil() as usize + 1;
    let rows = (area.y1 - area.y0).ceil() as usize + 1;
    let mut covered = vec![false; cols * rows];
    // The cells, relative to the grid, of the square around `at` reaching `r`.
    let span = |at: Px, r: f64| {
        let cell = |v: f64, lo: f64, n: usize| ((v - lo).floor().max(0.0) as usize).min(n - 1);
        (
            cell(at.0 - r, area.x0, cols)..=cell(at.0 + r, area.x0, cols),
            cell(at.1 - r, area.y0, rows)..=cell(at.1 + r, area.y0, rows),
        )
    };
    let mut keep = vec![false; markers.len()];
    for (i, m) in markers.iter().enumerate().rev() {
        let edge = m.radius + ring_half;
        let (x, y) = (m.at.0 - area.x0, m.at.1 - area.y0);
        // The squared distance from the centre to the nearest and the farthest point of a cell.
        let near = |cx: usize, cy: usize| {
            let dx = (cx as f64).max(x.min(cx as f64 + 1.0)) - x;
            let dy = (cy as f64).max(y.min(cy as f64 + 1.0)) - y;
            dx * dx + dy * dy
        };
        let far = |cx: usize, cy: usize| {
            let dx = (x - cx as f64).abs().max((x - cx as f64 - 1.0).abs());
            let dy = (y - cy as f64).abs().max((y - cy as f64 - 1.0).abs());
            dx * dx + dy * dy
        };
        let (reach2, inside2) = ((edge + MARGIN).powi(2), (edge - MARGIN).max(0.0).powi(2));
        let (xs, ys) = span(m.at, edge + MARGIN);
        let hidden = m.leader.is_none()
            && ys.clone().all(|cy| {
                xs.clone()
                    .all(|cx| covered[cy * cols + cx] || near(cx, cy) > reach2)
            });
        if hidden {
            continue;
        }
        keep[i] = true;
        let (fill, ring) = m.fill_and_ring(halo);
        if fill.a < 1.0 || ring.a < 1.0 {
            continue;
        }
        let (xs, ys) = span(m.at, edge);
        for cy in ys {
            for cx in xs.clone() {
                if far(cx, cy) <= inside2 {
                    covered[cy * cols + cx] = true;
                }
            }
        }
    }
    markers
        .into_iter()
        .zip(keep)
        .filter_map(|(m, k)| k.then_some(m))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marker(at: Px) -> Marker {
        Marker {
            at,
            radius: marker_radius(1.0),
            color: Color::rgb(0xaa4b00),
            terminal: false,
            leader: None,
        }
    }

    #[test]
    fn markers_hidden_under_later_ones_are_left_out_and_the_rest_kept_in_order() {
        let halo = Color::rgb(0xffffff);
        // A stop, then a ring of twelve around it and one on it: those hide it wholly; each
        // of them shows in part. A marker on another is not hidden by it alone: its
        // anti-aliased edge would be blended twice.
        let mut markers = vec![marker((100.0, 100.0))];
        markers.extend((0..12).map(|k| {
            let a = f64::from(k) * std::f64::consts::PI / 6.0;
            marker((100.0 + 5.0 * a.cos(), 100.0 + 5.0 * a.sin()))
        }));
        markers.push(marker((100.0, 100.0)));
        markers.push(marker((300.0, 200.0)));
        markers.push(marker((300.0, 200.0)));
        let kept = visible_markers(markers.clone(), halo, 1.0);
        assert_eq!(kept, markers[1..].to_vec());
        // A marker moved off its place keeps its leader line, so it is drawn even when hidden.
        markers[0].leader = Some((90.0, 90.0));
        assert_eq!(visible_markers(markers.clone(), halo, 1.0), markers);
        // A translucent marker hides nothing.
        markers[0].leader = None;
        for m in &mut markers[1..] {
            m.color.a = 0.5;
        }
        assert_eq!(visible_markers(markers.clone(), halo, 1.0), markers);
    }
}
