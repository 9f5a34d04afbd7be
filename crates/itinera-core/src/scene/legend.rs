//! The legend: a row per trip with its dates, distance and main mode.

use super::*;
use crate::trip::TripKind;

pub(super) fn legend(
    routes: &[Route],
    options: &MapOptions,
    frame: &Rect,
    unit: f64,
    palette: &Palette,
    route_px: &[Px],
    markers: &[Marker],
) -> Option<Legend> {
    let (units, lang) = (options.units, options.label_lang);
    if routes.is_empty() {
        return None;
    }
    let (name_size, detail_size) = (17.0 * unit, 14.0 * unit);
    let pad = 12.0 * unit;
    let swatch = 34.0 * unit;
    let row_h = name_size * 0.8 + detail_size * 0.8 + 12.0 * unit;
    let texts: Vec<(String, String)> = routes
        .iter()
        .map(|r| {
            let mut dates: Vec<Date> = r.stops.iter().filter_map(|s| s.date).collect();
            dates.sort_unstable();
            let dist = extent_in(r, units, lang);
            let detail = match (dates.first(), dates.last()) {
                (Some(a), Some(b)) => {
                    let range =
                        lang.map_or_else(|| pretty_range(a, b), |l| words::date_range(a, b, l));
                    format!("{range} · {dist}")
                }
                _ => dist,
            };
            (r.name.clone(), detail)
        })
        .collect();
    let text_w = texts
        .iter()
        .map(|(n, d)| text::width(n, name_size, true).max(text::width(d, detail_size, false)))
        .fold(0.0, f64::max);
    let (bw, bh) = (
        pad * 3.0 + swatch + text_w,
        pad * 2.0 + row_h * texts.len() as f64 - 6.0 * unit,
    );
    if bw > frame.width() * 0.9 || bh > frame.height() * 0.6 {
        return None;
    }
    let inset = 12.0 * unit;
    let corners = [
        (frame.x0 + inset, frame.y1 - inset - bh),
        (frame.x0 + inset, frame.y0 + inset),
        (frame.x1 - inset - bw, frame.y1 - inset - bh),
        (frame.x1 - inset - bw, frame.y0 + inset),
    ];
    let crowd = |r: &Rect| {
        route_px.iter().filter(|p| r.contains(**p)).count()
            + 50 * markers
                .iter()
                .filter(|m| r.grow(m.radius).contains(m.at))
                .count()
    };
    let (x, y) = corners
        .into_iter()
        .min_by_key(|(x, y)| {
            crowd(&Rect {
                x0: *x,
                y0: *y,
                x1: x + bw,
                y1: y + bh,
            })
        })
        .expect("four corners");
    let rect = Rect {
        x0: x,
        y0: y,
        x1: x + bw,
        y1: y + bh,
    };
    let rows = routes
        .iter()
        .zip(texts)
        .enumerate()
        .map(|(i, (r, (name, detail)))| {
            let top = y + pad + row_h * i as f64;
            let color = palette.route(r.color);
            let mode = main_mode(r);
            let sy = top + name_size * 0.45;
            LegendRow {
                color,
                mode,
                stroke: Stroke::for_mode(mode),
                swatch: ((x + pad, sy), (x + pad + swatch, sy)),
                dot: r.legs.is_empty().then(|| Marker {
                    at: (x + pad + swatch / 2.0, sy),
                    radius: marker_radius(unit),
                    color,
                    terminal: true,
                    leader: None,
                }),
                name: Label {
                    text: name,
                    at: (x + pad * 2.0 + swatch, top),
                    size: name_size,
                    bold: true,
                    color: palette.text,
                    halo: None,
                },
                detail: Label {
                    text: detail,
                    at: (x + pad * 2.0 + swatch, top + name_size * 0.8 + 4.0 * unit),
                    size: detail_size,
                    bold: false,
                    color: palette.muted,
                    halo: None,
                },
            }
        })
        .collect();
    Some(Legend { rect, rows })
}

/// What a legend says of a trip's extent: its number of places, its one stop, or its length.
pub(crate) fn extent(r: &Route, units: crate::route::Units) -> String {
    extent_in(r, units, None)
}

/// [`extent`] in the label language, English without one.
fn extent_in(r: &Route, units: crate::route::Units, lang: Option<LabelLang>) -> String {
    if let Some(l) = lang {
        let d = readable_distance(units.from_metres(r.metres()));
        let e = match r.kind {
            TripKind::Places => words::Extent::Places(r.stops.len()),
            TripKind::Journey | TripKind::Track if r.legs.is_empty() => words::Extent::OneStop,
            TripKind::Journey => words::Extent::StraightLine(&d),
            TripKind::Track => words::Extent::Recorded(&d),
        };
        return words::extent(e, units, l);
    }
    match r.kind {
        TripKind::Places => match r.stops.len() {
            1 => "one place".to_string(),
            n => format!("{n} places"),
        },
        TripKind::Journey | TripKind::Track if r.legs.is_empty() => "one stop".to_string(),
        // A journey's legs are drawn straight (geodesics between its stops); a track's length
        // is along the points it recorded.
        TripKind::Journey => format!(
            "{} {} straight-line",
            readable_distance(units.from_metres(r.metres())),
            units.label()
        ),
        TripKind::Track => format!(
            "{} {} as recorded",
            readable_distance(units.from_metres(r.metres())),
            units.label()
        ),
    }
}

/// The mode covering most of a trip's length.
pub(super) fn main_mode(r: &Route) -> Mode {
    let mut best = (Mode::Unknown, -1.0);
    for m in [Mode::Rail, Mode::Road, Mode::Air, Mode::Sea, Mode::Unknown] {
        let len: f64 = r
            .legs
            .iter()
            .filter(|l| l.mode == m)
            .map(|l| l.metres)
            .sum();
        if len > best.1 {
            best = (m, len);
        }
    }
    best.0
}
