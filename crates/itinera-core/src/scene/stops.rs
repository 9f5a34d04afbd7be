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
